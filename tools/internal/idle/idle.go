// Package idle runs work on threads that use only the CPU nothing else wants
// (Linux's SCHED_IDLE class): the build reads the pages Hugo has written on the
// cores Hugo leaves idle, without slowing Hugo.
package idle

import "runtime"

// Works says whether idle threads can be had on this system at all.
func Works() bool { return idleThreadsWork() }

// Thread gives the calling goroutine a thread of its own that runs only when a
// core would idle. The thread is never unlocked, so it ends with the goroutine
// and its priority never reaches other work. It says whether the system allowed
// it (a sandbox may refuse); if not, the goroutine runs at normal priority.
func Thread() bool {
	runtime.LockOSThread()
	return setIdlePriority() == nil
}
