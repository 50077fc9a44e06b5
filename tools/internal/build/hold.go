package build

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/lock"
	"github.com/guidepack/guidepack/tools/internal/publish"
)

// HoldOptions say how to take a project's lock.
type HoldOptions struct {
	Command string    // "build" or "serve", for the messages of those who wait
	NoWait  bool      // fail rather than wait while another holds it
	Notes   io.Writer // where to say that it waits, or what it recovered
}

// Hold takes the project's lock (one build, or serve's compile, at a time; it
// waits while another holds it), then completes or undoes a publish that an
// interrupted build left half done, saying which. Release the lock when done.
func Hold(root string, o HoldOptions) (*lock.Lock, error) {
	notes := o.Notes
	if notes == nil {
		notes = io.Discard
	}
	l, err := lock.Acquire(filepath.Join(root, Work, "lock"), lock.Options{Command: o.Command, NoWait: o.NoWait, Notes: notes})
	if err != nil {
		return nil, err
	}
	r, err := publish.Recover(filepath.Join(root, Work), publish.OS)
	if err != nil {
		l.Release()
		return nil, err
	}
	if r.Action != "" {
		rel := func(p string) string {
			if s, err := filepath.Rel(root, p); err == nil && !strings.HasPrefix(s, "..") {
				return filepath.ToSlash(s)
			}
			return p
		}
		what := "the last good build's"
		if r.Action == "finished" {
			what = "that build's (version " + r.Version + ")"
		}
		fmt.Fprintf(notes, "guidepack: a build was stopped while publishing (at %s); %s it: %s/ and %s are %s\n",
			r.Started.Local().Format(time.DateTime), map[string]string{"finished": "finished", "rolled back": "undid"}[r.Action], rel(r.Site), rel(r.Zip), what)
	}
	return l, nil
}

// clearStage empties the stage folder of what an earlier build left there: a
// failed build's site, or the half-written one of a build that was killed.
func clearStage(work string) error {
	stage := filepath.Join(work, "stage")
	if err := os.RemoveAll(stage); err != nil {
		// Something still writes there: a killed build's Hugo child that has
		// not yet seen its parent gone (it ends when it does). Move it aside;
		// a later build removes it.
		if rerr := os.Rename(stage, filepath.Join(work, fmt.Sprintf("stage-old-%d", time.Now().UnixNano()))); rerr != nil {
			return err
		}
	}
	old, _ := filepath.Glob(filepath.Join(work, "stage-old-*"))
	for _, o := range old {
		os.RemoveAll(o)
	}
	return os.MkdirAll(stage, 0o755)
}
