package lock_test

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/lock"
)

// TestMain doubles as the other process: with GUIDEPACK_LOCK_HOLD=path the
// test binary takes the lock, says "held", and holds it until its stdin closes.
func TestMain(m *testing.M) {
	if path := os.Getenv("GUIDEPACK_LOCK_HOLD"); path != "" {
		l, err := lock.Acquire(path, lock.Options{Command: "build", Notes: os.Stderr})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println("held")
		io.Copy(io.Discard, os.Stdin)
		if os.Getenv("GUIDEPACK_LOCK_RELEASE") == "no" {
			os.Exit(0) // ends holding it: the system lets go, the file stays
		}
		if err := l.Release(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// holder is another process holding the lock.
type holder struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
}

func hold(t *testing.T, path string, env ...string) *holder {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), append([]string{"GUIDEPACK_LOCK_HOLD=" + path}, env...)...)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	qt.Assert(t, err, qt.IsNil)
	out, err := cmd.StdoutPipe()
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, cmd.Start(), qt.IsNil)
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, line, qt.Equals, "held\n")
	return &holder{cmd, stdin}
}

// release makes the holder let go and end, and waits for it.
func (h *holder) release(t *testing.T) {
	t.Helper()
	h.stdin.Close()
	qt.Assert(t, h.cmd.Wait(), qt.IsNil)
}

func TestNoWaitRefusesNamingTheHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".guidepack", "lock")
	h := hold(t, path)
	_, err := lock.Acquire(path, lock.Options{NoWait: true})
	var held *lock.HeldError
	qt.Assert(t, errors.As(err, &held), qt.IsTrue, qt.Commentf("%v", err))
	qt.Assert(t, held.Holder.PID, qt.Equals, h.cmd.Process.Pid)
	qt.Assert(t, err.Error(), qt.Equals, fmt.Sprintf("another build (pid %d) is running in this folder\nhint: wait for it to finish, or leave out --no-wait to wait for it", h.cmd.Process.Pid))
	h.release(t)

	l, err := lock.Acquire(path, lock.Options{NoWait: true})
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, l.Stale, qt.Equals, lock.Holder{}, qt.Commentf("a released lock is not stale"))
	qt.Assert(t, l.Release(), qt.IsNil)
}

// syncBuffer is a bytes.Buffer safe to read while Acquire writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestWaitsForTheHolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lock")
	h := hold(t, path)
	var notes syncBuffer
	got := make(chan error, 1)
	go func() {
		l, err := lock.Acquire(path, lock.Options{Command: "build", Notes: &notes})
		if err == nil {
			err = l.Release()
		}
		got <- err
	}()
	want := fmt.Sprintf("guidepack: another build (pid %d) is running in this folder; waiting...\n", h.cmd.Process.Pid)
	waitFor(t, func() bool { return notes.String() == want })
	select {
	case err := <-got:
		t.Fatalf("Acquire returned while the other process held the lock: %v", err)
	default:
	}
	h.release(t)
	qt.Assert(t, <-got, qt.IsNil)
	qt.Assert(t, notes.String(), qt.Equals, want, qt.Commentf("said once, and no stale lock"))
}

func TestTakesOverAStaleLock(t *testing.T) {
	for _, how := range []string{"kill -9", "exit without releasing"} {
		t.Run(how, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "lock")
			var h *holder
			if how == "kill -9" {
				h = hold(t, path)
				qt.Assert(t, h.cmd.Process.Kill(), qt.IsNil)
				h.cmd.Wait()
			} else {
				h = hold(t, path, "GUIDEPACK_LOCK_RELEASE=no")
				h.release(t)
			}
			var notes bytes.Buffer
			l, err := lock.Acquire(path, lock.Options{NoWait: true, Notes: &notes})
			qt.Assert(t, err, qt.IsNil)
			defer l.Release()
			qt.Assert(t, l.Stale.PID, qt.Equals, h.cmd.Process.Pid)
			qt.Assert(t, notes.String(), qt.Equals, fmt.Sprintf("guidepack: a build (pid %d) stopped without finishing; taking over its lock\n", h.cmd.Process.Pid))
			b, _ := os.ReadFile(path)
			qt.Assert(t, string(b), qt.Matches, fmt.Sprintf("pid %d\n(?s).*", os.Getpid()))
		})
	}
}

func TestCheckSeesTheFileRemoved(t *testing.T) {
	dir := filepath.Join(t.TempDir(), ".guidepack")
	l, err := lock.Acquire(filepath.Join(dir, "lock"), lock.Options{})
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, l.Check(), qt.IsNil)
	qt.Assert(t, os.RemoveAll(dir), qt.IsNil)
	qt.Assert(t, l.Check(), qt.Equals, lock.ErrGone)
	qt.Assert(t, l.Release(), qt.IsNil)
}

// A child that inherits the lock file keeps the lock until it ends too (the
// Hugo child of a build killed with kill -9).
func TestInheritedLockOutlivesTheParent(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("inheriting open files is a Unix feature")
	}
	path := filepath.Join(t.TempDir(), "lock")
	l, err := lock.Acquire(path, lock.Options{})
	qt.Assert(t, err, qt.IsNil)
	child := exec.Command("sleep", "600")
	child.ExtraFiles = []*os.File{l.File()}
	qt.Assert(t, child.Start(), qt.IsNil)
	defer child.Process.Kill()
	// This process lets go of its handle without unlocking, as a killed one would.
	qt.Assert(t, l.File().Close(), qt.IsNil)
	_, err = lock.Acquire(path, lock.Options{NoWait: true})
	var held *lock.HeldError
	qt.Assert(t, errors.As(err, &held), qt.IsTrue, qt.Commentf("%v", err))
	child.Process.Kill()
	child.Wait()
	l2, err := lock.Acquire(path, lock.Options{NoWait: true})
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, l2.Stale.PID, qt.Equals, os.Getpid())
	l2.Release()
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("condition not met within 30s")
		}
		time.Sleep(5 * time.Millisecond)
	}
}
