// Package lock keeps two builds of one project from running at once. The lock
// is a file in the project's .guidepack/ folder, held with the operating
// system's file lock, which the system lets go of when the holder ends however
// it ends (Ctrl+C, kill -9, a crash). The file also says who holds it (process
// id, host, command, start time), for the messages of those who wait; a file
// still saying so when its lock is free was left by a build that was killed.
package lock

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Options say how to take the lock.
type Options struct {
	Command string    // what the taker runs ("build", "serve"), for others' messages
	NoWait  bool      // fail with a *HeldError rather than wait for the holder
	Notes   io.Writer // where to say that it waits or takes over a stale lock; nil: nowhere
}

// Holder is who holds (or last held) a lock, as its file says.
type Holder struct {
	PID     int
	Host    string
	Command string
	Since   time.Time
}

// Lock is a held lock. Release it when done.
type Lock struct {
	f    *os.File
	path string
	// Stale is the holder whose lock was taken over: a process that ended
	// without releasing it. Zero when the lock was free.
	Stale Holder
}

// HeldError is Acquire's answer with NoWait when another process holds the lock.
type HeldError struct{ Holder Holder }

func (e *HeldError) Error() string {
	return e.Holder.running() + "\nhint: wait for it to finish, or leave out --no-wait to wait for it"
}

// running says who holds the lock, for the messages: "another build (pid 12) is
// running in this folder".
func (h Holder) running() string {
	what := "build"
	if h.Command != "" {
		what = h.Command
	}
	if h.PID == 0 {
		return "another " + what + " is running in this folder"
	}
	host := ""
	if self, _ := os.Hostname(); h.Host != "" && h.Host != self {
		host = " on " + h.Host
	}
	return fmt.Sprintf("another %s (pid %d%s) is running in this folder", what, h.PID, host)
}

// Acquire takes the lock file at path (creating it and its folder). While
// another process holds it, Acquire waits, saying so once on Notes, or with
// NoWait returns a *HeldError. A lock whose holder ended without releasing it
// is taken over, saying so.
func Acquire(path string, o Options) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	notes := o.Notes
	if notes == nil {
		notes = io.Discard
	}
	said := false
	for {
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return nil, err
		}
		held, err := tryLock(f)
		if errors.Is(err, errNoLocks) {
			// Some network file systems lock nothing: build unlocked rather
			// than not at all.
			fmt.Fprintf(notes, "guidepack: the file system of %s cannot lock files: builds in this folder are not kept apart\n", filepath.Dir(path))
			held, err = false, nil
		}
		if err == nil && held {
			h := holderOf(f, true)
			if o.NoWait {
				f.Close()
				return nil, &HeldError{h}
			}
			if !said {
				msg := h.running()
				if h.PID != 0 && h.sameHost() && !alive(h.PID) {
					// An orphan of it (the Hugo child) still holds the lock
					// for a moment: it ends when it sees its parent gone.
					msg = fmt.Sprintf("a %s (pid %d) stopped; its Hugo process is still ending", orBuild(h.Command), h.PID)
				}
				fmt.Fprintf(notes, "guidepack: %s; waiting...\n", msg)
				said = true
			}
			err = waitLock(f)
		}
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("lock %s: %w", path, err)
		}
		// The file may have been removed (with .guidepack/) while this
		// process waited: then the lock held is on a file no one else sees.
		if fi, err := os.Stat(path); err != nil || !sameFile(f, fi) {
			f.Close()
			continue
		}
		l := &Lock{f: f, path: path}
		if prev := holderOf(f, false); prev.PID != 0 {
			l.Stale = prev
			fmt.Fprintf(notes, "guidepack: a %s (pid %d) stopped without finishing; taking over its lock\n", orBuild(prev.Command), prev.PID)
		}
		if err := l.write(o.Command); err != nil {
			l.Release()
			return nil, err
		}
		return l, nil
	}
}

func orBuild(command string) string {
	if command == "" {
		return "build"
	}
	return command
}

func (h Holder) sameHost() bool {
	self, _ := os.Hostname()
	return h.Host == "" || h.Host == self
}

// write records this process as the holder, in one write.
func (l *Lock) write(command string) error {
	host, _ := os.Hostname()
	b := fmt.Appendf(nil, "pid %d\nhost %s\ncommand %s\nsince %s\n", os.Getpid(), host, command, time.Now().UTC().Format(time.RFC3339))
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	if _, err := l.f.WriteAt(b, 0); err != nil {
		return err
	}
	return l.f.Sync()
}

// holderOf reads who holds the lock from its file. The holder writes its
// record just after it takes the lock: with wait, an empty file is read
// again for a moment.
func holderOf(f *os.File, wait bool) Holder {
	var h Holder
	for range 50 {
		b := make([]byte, 512)
		n, _ := f.ReadAt(b, 0)
		h = parse(b[:n])
		if h.PID != 0 || !wait {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	return h
}

func parse(b []byte) Holder {
	var h Holder
	for _, line := range bytes.Split(b, []byte("\n")) {
		k, v, _ := strings.Cut(string(line), " ")
		switch k {
		case "pid":
			h.PID, _ = strconv.Atoi(v)
		case "host":
			h.Host = v
		case "command":
			h.Command = v
		case "since":
			h.Since, _ = time.Parse(time.RFC3339, v)
		}
	}
	return h
}

// File is the open lock file, for a child process to inherit: the lock is then
// held until both have ended (Unix).
func (l *Lock) File() *os.File { return l.f }

// ErrGone says the lock file was removed or replaced while the lock was held:
// someone removed .guidepack/ during the build.
var ErrGone = errors.New("the lock file was removed while the lock was held")

// Check says whether the lock file is still the one held (ErrGone if not).
func (l *Lock) Check() error {
	fi, err := os.Stat(l.path)
	if err != nil || !sameFile(l.f, fi) {
		return ErrGone
	}
	return nil
}

// Release empties the lock file (so no one takes it for stale) and lets go of it.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	var err error
	if l.Check() == nil {
		err = l.f.Truncate(0)
	}
	if uerr := unlock(l.f); err == nil {
		err = uerr
	}
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

func sameFile(f *os.File, fi os.FileInfo) bool {
	mine, err := f.Stat()
	return err == nil && os.SameFile(mine, fi)
}
