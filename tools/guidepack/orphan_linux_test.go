package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/bench"
	"github.com/guidepack/guidepack/tools/internal/site"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
	"golang.org/x/sys/unix"
)

// TestHugoChildDiesWithItsParent kills guidepack build (kill -9, and Ctrl+C's
// SIGINT) while its Hugo child runs, and checks that the child is killed with
// it rather than finish on its own, and that the next build succeeds. This
// test process adopts the orphan (a child subreaper), so it sees how it ended.
func TestHugoChildDiesWithItsParent(t *testing.T) {
	qt.Assert(t, unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), qt.IsNil)
	defer unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)
	root := t.TempDir()
	// Big enough that Hugo runs for a while.
	qt.Assert(t, bench.Generate(sitetest.Repo(), root, bench.Spec{Pages: 400, Scenarios: 10, Seed: 1}), qt.IsNil)
	exe, err := os.Executable()
	qt.Assert(t, err, qt.IsNil)
	for _, sig := range []syscall.Signal{syscall.SIGKILL, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			parent := &exec.Cmd{Path: exe, Args: []string{"guidepack", "build", "-force", "-C", root}} // -force: the last subtest's build left it up to date
			qt.Assert(t, parent.Start(), qt.IsNil)
			child := 0
			for deadline := time.Now().Add(60 * time.Second); child == 0; time.Sleep(2 * time.Millisecond) {
				if time.Now().After(deadline) {
					parent.Process.Kill()
					t.Fatal("no Hugo child within 60s")
				}
				child = childOf(parent.Process.Pid, site.ChildCommand)
			}
			qt.Assert(t, parent.Process.Signal(sig), qt.IsNil)
			parent.Wait()

			// The orphan is now this process's child: wait for it.
			got := make(chan unix.WaitStatus, 1)
			go func() {
				var ws unix.WaitStatus
				for {
					_, err := unix.Wait4(child, &ws, 0, nil)
					if err != unix.EINTR {
						break
					}
				}
				got <- ws
			}()
			select {
			case ws := <-got:
				qt.Assert(t, ws.Signaled() && ws.Signal() == unix.SIGKILL || ws.Exited() && ws.ExitStatus() == 3, qt.IsTrue,
					qt.Commentf("the Hugo child was not stopped with its parent: %s", describe(ws)))
			case <-time.After(60 * time.Second):
				t.Fatal("the Hugo child still runs 60s after its parent ended")
			}

			var stdout, stderr bytes.Buffer
			next := &exec.Cmd{Path: exe, Args: []string{"guidepack", "build", "-force", "--no-wait", "-C", root}, Stdout: &stdout, Stderr: &stderr}
			qt.Assert(t, next.Run(), qt.IsNil, qt.Commentf("%s", stderr.String()))
			qt.Assert(t, stderr.String(), qt.Equals, fmt.Sprintf("guidepack: a build (pid %d) stopped without finishing; taking over its lock\n", parent.Process.Pid))
			qt.Assert(t, stdout.String(), qt.Matches, "(?s)guidepack: built .*")
		})
	}
}

func describe(ws unix.WaitStatus) string {
	if ws.Signaled() {
		return "killed by " + ws.Signal().String()
	}
	return "exit status " + strconv.Itoa(ws.ExitStatus())
}

// childOf finds a child of pid whose command line holds arg (0: none yet).
func childOf(pid int, arg string) int {
	procs, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range procs {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces; it ends at the last ')'.
		f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
		if len(f) < 2 || f[1] != strconv.Itoa(pid) {
			continue
		}
		cmdline, _ := os.ReadFile(filepath.Join(filepath.Dir(p), "cmdline"))
		if bytes.Contains(cmdline, []byte(arg)) {
			n, _ := strconv.Atoi(filepath.Base(filepath.Dir(p)))
			return n
		}
	}
	return 0
}
