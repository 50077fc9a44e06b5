// Package site runs the pinned Hugo (compiled into guidepack, never one from PATH)
// to build a project into a folder.
package site

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/gohugoio/hugo/commands"
)

// hugoMu serialises Hugo runs: Hugo's command layer keeps some global state
// (loggers, flags), so one build at a time per process.
var hugoMu sync.Mutex

// Build runs Hugo on the project at root and writes the site into dest, which it
// empties first. Hugo's errors come back as they are: they name file:line:col.
// Warnings are treated as errors: a warning from Hugo means a page that is
// silently wrong (a missing template, a missing resource).
func Build(root, dest string, extra ...string) error {
	args := []string{
		"build",
		"--source", root,
		"--destination", dest,
		"--cleanDestinationDir",
		"--logLevel", "warn",
		"--noBuildLock",
	}
	args = append(args, extra...)
	return hugo(root, args)
}

// Hugo runs the embedded Hugo with args, as `hugo args...` would, capturing what
// it logs. Log lines at warning level or above make it fail.
func Hugo(args ...string) error { return hugo(".", args) }

// hugo runs Hugo on the project at root. It fails with diag.Problems: the
// author mistakes the layouts report (layouts/_partials/problem.html), Hugo's
// positioned errors, and any other line Hugo logged.
func hugo(root string, args []string) error {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	var log bytes.Buffer
	restoreErr := capture(&log, &os.Stderr)
	restoreOut := capture(io.Discard, &os.Stdout) // the build statistics table
	err := commands.Execute(args)
	restoreOut()
	restoreErr()
	if err != nil {
		// Hugo logs template errors (errorf) and returns only their count: the
		// log holds what the author needs to see.
		return problems(root, log.String(), err)
	}
	if s := strings.TrimSpace(log.String()); s != "" {
		return problems(root, s, nil)
	}
	return nil
}

// capture redirects *f (os.Stderr, where Hugo logs, or os.Stdout), and any more
// files given, into w until restore is called. Files redirected together share
// one pipe: what is written to them is read in the order it was written.
func capture(w io.Writer, f **os.File, more ...**os.File) (restore func()) {
	r, pw, err := os.Pipe()
	if err != nil {
		return func() {}
	}
	files := append([]**os.File{f}, more...)
	old := make([]*os.File, len(files))
	for i, f := range files {
		old[i] = *f
		*f = pw
	}
	done := make(chan struct{})
	go func() { io.Copy(w, r); close(done) }()
	return func() {
		for i, f := range files {
			*f = old[i]
		}
		pw.Close()
		<-done
		r.Close()
	}
}

// Serve runs Hugo's live-reload development server on the project at root. It
// blocks until the server stops. Each line Hugo prints (its log and its
// progress) goes to log, which shows it or keeps it (a problem the layouts
// logged as data).
func Serve(root string, log func(line string), extra ...string) error {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	// One pipe for both: Hugo says which file it renders again on stdout
	// ("Source changed …") and what a render hook found in it on stderr, and
	// the banner must read them in that order (preview.Banner.Line).
	defer capture(lineWriter(log), &os.Stderr, &os.Stdout)()
	return commands.Execute(append([]string{"server", "--source", root, "--noBuildLock", "--renderToMemory"}, extra...))
}

// lineWriter calls f with each whole line written to it.
func lineWriter(f func(string)) io.Writer {
	r, w := io.Pipe()
	go func() {
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 16<<20)
		for sc.Scan() {
			f(sc.Text())
		}
		io.Copy(io.Discard, r)
	}()
	return w
}
