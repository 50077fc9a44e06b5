package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// TestServeMapsDrawOnlyWhatChanged: on a save, serve draws the author map of a
// scenario it has not drawn (build.Cache gives a new *scenario.Scenario for a
// file changed), takes the others as drawn, and leaves the file alone when
// nothing changed.
func TestServeMapsDrawOnlyWhatChanged(t *testing.T) {
	root := t.TempDir()
	qt.Assert(t, os.MkdirAll(filepath.Join(build.GenDir(root), "data"), 0o755), qt.IsNil)
	file := filepath.Join(build.GenDir(root), "data", "guidepack_maps.json")
	parse := func(title string) *scenario.Scenario {
		scs, ps := scenario.Parse("scenarios/s.yaml", []byte("id: s\ntitle: "+title+"\nservice: all\nsteps:\n  - id: a\n    ending: Done.\n"), nil)
		qt.Assert(t, ps, qt.HasLen, 0)
		return scs[0]
	}
	one, two := parse("One"), parse("Two")
	maps := writeServeMaps(root, []*scenario.Scenario{one, two}, authorMaps{})
	b, err := os.ReadFile(file)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, strings.Count(string(b), "<svg"), qt.Equals, 2)

	// Nothing changed: not written again (its time is kept).
	old := maps.mtime.Add(-1e9)
	qt.Assert(t, os.Chtimes(file, old, old), qt.IsNil)
	maps.mtime = old
	maps = writeServeMaps(root, []*scenario.Scenario{one, two}, maps)
	fi, err := os.Stat(file)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, fi.ModTime().Equal(old), qt.IsTrue, qt.Commentf("rewritten with nothing changed"))

	// "Two" saved again: only its map is drawn; one's is taken as drawn (a
	// stand-in here, which a redraw would replace).
	m := maps.drawn[one]
	m.SVG = "<svg>as drawn before</svg>"
	maps.drawn[one] = m
	twoAgain := parse("Two, again")
	maps = writeServeMaps(root, []*scenario.Scenario{one, twoAgain}, maps)
	b, err = os.ReadFile(file)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(b), qt.Contains, "<svg>as drawn before</svg>")
	qt.Assert(t, string(b), qt.Contains, "Two, again")
	qt.Assert(t, maps.drawn, qt.HasLen, 2)
}
