// Package site runs the pinned Hugo (compiled into guidepack, never one from PATH)
// to build a project into a folder.
package site

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"sync"

	"github.com/gohugoio/hugo/commands"
	"github.com/gohugoio/hugo/common/herrors"
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
	return Hugo(args...)
}

// Hugo runs the embedded Hugo with args, as `hugo args...` would, capturing what
// it logs. Log lines at warning level or above make it fail.
func Hugo(args ...string) error {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	var log bytes.Buffer
	restoreErr := capture(&os.Stderr, &log)
	restoreOut := capture(&os.Stdout, io.Discard) // the build statistics table
	err := commands.Execute(args)
	restoreOut()
	restoreErr()
	if err != nil {
		// Hugo logs template errors (errorf) and returns only their count: the
		// log holds what the author needs to see.
		var msgs []string
		for _, line := range strings.Split(log.String(), "\n") {
			if line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "ERROR")); line != "" {
				msgs = append(msgs, line)
			}
		}
		for _, e := range herrors.Errors(err) {
			if s := e.Error(); !strings.Contains(s, "logged ") || len(msgs) == 0 {
				msgs = append(msgs, s)
			}
		}
		return fmt.Errorf("%s", tidy(strings.Join(msgs, "\n")))
	}
	if s := strings.TrimSpace(log.String()); s != "" {
		return fmt.Errorf("hugo: %s", s)
	}
	return nil
}

// located finds a quoted "file:line:col" that Hugo puts after its own wrapping.
var located = regexp.MustCompile(`^.*?"([^"\n]+:\d+:\d+)": (?:"[^"\n]+:\d+:\d+": )?(?:execute of template failed: (?:template: [^\n]*?: )?)?`)

// tidy strips Hugo's wrapping ("error building site: render: ... failed:") so each
// line starts with the author's file:line:col.
func tidy(msg string) string {
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		l = strings.TrimPrefix(l, "error building site: ")
		l = located.ReplaceAllString(l, "$1: ")
		lines[i] = l
	}
	return strings.Join(lines, "\n")
}

// capture redirects *f (os.Stderr, where Hugo logs, or os.Stdout) into w until
// restore is called.
func capture(f **os.File, w io.Writer) (restore func()) {
	r, pw, err := os.Pipe()
	if err != nil {
		return func() {}
	}
	old := *f
	*f = pw
	done := make(chan struct{})
	go func() { io.Copy(w, r); close(done) }()
	return func() {
		*f = old
		pw.Close()
		<-done
		r.Close()
	}
}

// Serve runs Hugo's live-reload development server on the project at root. It
// blocks until the server stops; Hugo logs to the terminal as usual.
func Serve(root string, extra ...string) error {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	return commands.Execute(append([]string{"server", "--source", root, "--noBuildLock", "--renderToMemory"}, extra...))
}
