package main

import (
	"os"
	"path/filepath"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/bench"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// TestServeEditsMeasureEachTime: bench's serve measure edits a page and a
// scenario of a generated pack while `guidepack serve` runs, and leaves both as
// it found them, so measuring the same pack again times real edits again (it
// once left its marks in, and the next measure found them already shown: a few
// microseconds an edit).
func TestServeEditsMeasureEachTime(t *testing.T) {
	if testing.Short() {
		t.Skip("starts guidepack serve twice")
	}
	pack := filepath.Join(t.TempDir(), "pack")
	qt.Assert(t, bench.Generate(sitetest.Repo(), pack, bench.Spec{Pages: 30, Scenarios: 2, Seed: 1}), qt.IsNil)
	files := []string{filepath.Join(pack, "content", "s00", "t00", "p000.md"), filepath.Join(pack, "scenarios", "gen-001.yaml")}
	before := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		qt.Assert(t, err, qt.IsNil)
		before[f] = string(b)
	}
	// The test binary runs guidepack's main when it is called "guidepack".
	exe, err := os.Executable()
	qt.Assert(t, err, qt.IsNil)
	self := filepath.Join(t.TempDir(), "guidepack")
	qt.Assert(t, os.Symlink(exe, self), qt.IsNil)

	for range 2 {
		e, err := bench.ServeEdits(self, pack, 1)
		qt.Assert(t, err, qt.IsNil)
		// A save goes through a file watcher and a Hugo rebuild: never under a
		// millisecond.
		qt.Assert(t, e.Page > 1e6 && e.Scenario > 1e6, qt.IsTrue, qt.Commentf("edits timed as %v and %v", e.Page, e.Scenario))
		for _, f := range files {
			b, err := os.ReadFile(f)
			qt.Assert(t, err, qt.IsNil)
			qt.Assert(t, string(b), qt.Equals, before[f], qt.Commentf("%s not as it was", f))
		}
	}
}
