package idle

import "golang.org/x/sys/unix"

// idleThreadsWork says whether setIdlePriority can work here.
func idleThreadsWork() bool { return true }

// setIdlePriority gives the calling thread the idle scheduling class
// (SCHED_IDLE): it runs only on a core that nothing else wants.
func setIdlePriority() error {
	return unix.SchedSetAttr(0, &unix.SchedAttr{Size: unix.SizeofSchedAttr, Policy: unix.SCHED_IDLE}, 0)
}
