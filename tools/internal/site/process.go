package site

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/procmem"
)

// ChildCommand is the argument that makes guidepack run one Hugo build as a
// child process (see BuildProcess): guidepack ChildCommand ROOT DEST.
const ChildCommand = "_hugo-build"

// BuildProcess runs Build in a child process: the program exe (guidepack, or a
// test binary that runs guidepack's main when its name is "guidepack"), with
// ChildCommand. Hugo keeps much of a build's memory after it returns (about a
// third of its peak, and more with each build in one process); in a child, all of
// it goes back when the child exits, so the stages after Hugo run in a small
// heap. The child keeps to a soft memory limit of budget bytes (Go's GOMEMLIMIT:
// the collector works harder near it, and lets the heap grow past it rather than
// fail), unless GOMEMLIMIT is set already.
//
// The child ends with this process, however this one ends: it watches its
// stdin, a pipe only this process writes to, and exits when the pipe closes
// (every system closes it when its writer dies); on Linux the kernel also
// kills it at once (Pdeathsig). Files in inherit (the build's lock) are kept
// open in the child (Unix), so the lock is held until it has ended too.
//
// It returns the peak resident memory of this process and the child together,
// in bytes: their sum sampled every 20 ms, and never less than the child's own
// peak plus what this process held when it started the child.
func BuildProcess(exe, root, dest string, budget int64, inherit ...*os.File) (peak int64, err error) {
	var stdout, stderr bytes.Buffer
	lifeline, keep, err := os.Pipe()
	if err != nil {
		return 0, err
	}
	defer keep.Close()
	cmd := &exec.Cmd{
		Path:   exe,
		Args:   []string{"guidepack", ChildCommand, root, dest},
		Stdin:  lifeline,
		Stdout: &stdout, // problems, as JSON lines (WriteProblems)
		Stderr: &stderr,
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set && budget > 0 {
		cmd.Env = append(os.Environ(), fmt.Sprintf("GOMEMLIMIT=%dMiB", budget>>20))
	}
	diesWithParent(cmd, inherit)
	self := procmem.Resident("self")
	// Pdeathsig fires when the thread that started the child ends, not the
	// process: this goroutine keeps its thread until the child has ended.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	err = cmd.Start()
	lifeline.Close()
	if err != nil {
		return 0, fmt.Errorf("hugo (child process %s): %v", exe, err)
	}
	stop, sampled := make(chan struct{}), make(chan int64)
	go func() {
		var top int64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			top = max(top, procmem.Resident("self")+procmem.Resident(fmt.Sprint(cmd.Process.Pid)))
			select {
			case <-stop:
				sampled <- top
				return
			case <-tick.C:
			}
		}
	}()
	err = cmd.Wait()
	close(stop)
	peak = <-sampled
	peak = max(peak, self+procmem.PeakOf(cmd.ProcessState))
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit) && exit.ExitCode() == 1 && stdout.Len() > 0:
		ps, rerr := ReadProblems(&stdout)
		if rerr != nil {
			return peak, fmt.Errorf("%v\n%s", rerr, stderr.String())
		}
		return peak, ps
	case errors.As(err, &exit) && exit.ExitCode() == 1 && stderr.Len() > 0:
		return peak, errors.New(strings.TrimRight(stderr.String(), "\n"))
	case err != nil:
		return peak, fmt.Errorf("hugo (child process %s): %v\n%s", exe, err, stderr.String())
	}
	return peak, nil
}

// ChildMain is the child's side of BuildProcess: it builds and, on failure,
// writes the problems Build returned to stdout as JSON lines (any other error
// as text to stderr) and exits 1. It exits 3 as
// soon as its stdin closes (the parent has ended).
func ChildMain(args []string) {
	if len(args) != 2 {
		fmt.Fprintf(os.Stderr, "usage: guidepack %s ROOT DEST\n", ChildCommand)
		os.Exit(2)
	}
	go func() {
		// stdin is the parent's pipe: it closes when the parent ends.
		io.Copy(io.Discard, os.Stdin)
		fmt.Fprintln(os.Stderr, "hugo: guidepack (the parent process) has ended; stopping")
		os.Exit(3)
	}()
	if err := Build(args[0], args[1]); err != nil {
		var ps diag.Problems
		if !errors.As(err, &ps) || WriteProblems(os.Stdout, ps) != nil {
			fmt.Fprintln(os.Stderr, err)
		}
		os.Exit(1)
	}
	os.Exit(0)
}
