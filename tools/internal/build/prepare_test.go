package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

const linkedScenario = `
-- scenarios/tiny.yaml --
id: tiny
title: A tiny scenario
service: all
steps:
  - id: start
    situation: A request arrives.
    choices:
      - text: Decline.
        feedback: Good. See [privacy](../guidance/privacy.md).
        judgement: good
        next: end
  - id: end
    ending: Done.
`

// TestPrepareAgainChecksOnlyWhatChanged: guidepack serve prepares on every save
// with one build.Cache. A file saved again is checked and compiled again; a
// file whose size and time are as they were is not even read (here its bytes
// change behind the cache's back: a fresh Prepare finds the mistake, the cached
// one does not); a page a scenario links to, removed, is missed at once.
func TestPrepareAgainChecksOnlyWhatChanged(t *testing.T) {
	t.Parallel()
	root := sitetest.Write(t, miniPack+linkedScenario)
	var c build.Cache
	_, err := c.Prepare(root)
	qt.Assert(t, err, qt.IsNil)
	compiled := filepath.Join(build.GenDir(root), "data", "scenarios", "tiny.json")

	// sneak replaces old by new (of the same length) in a file, keeping its time.
	sneak := func(rel, old, new string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		fi, err := os.Stat(p)
		qt.Assert(t, err, qt.IsNil)
		b, err := os.ReadFile(p)
		qt.Assert(t, err, qt.IsNil)
		qt.Assert(t, len(old), qt.Equals, len(new))
		qt.Assert(t, os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644), qt.IsNil)
		qt.Assert(t, os.Chtimes(p, fi.ModTime(), fi.ModTime()), qt.IsNil)
	}
	saved := func(rel string) { // as an editor saves: a new time
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(rel))
		fi, err := os.Stat(p)
		qt.Assert(t, err, qt.IsNil)
		later := fi.ModTime().Add(2e9)
		qt.Assert(t, os.Chtimes(p, later, later), qt.IsNil)
	}

	sneak("content/guidance/privacy.md", "title: Privacy", "titel: Privacy")
	sneak("scenarios/tiny.yaml", "text: Decline.", "text: Refuse!.")
	_, err = c.Prepare(root)
	qt.Assert(t, err, qt.IsNil, qt.Commentf("an unchanged page or scenario was read again"))
	b, err := os.ReadFile(compiled)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(b), qt.Contains, "Decline.")
	_, err = build.Prepare(root)
	qt.Assert(t, err, qt.ErrorMatches, `(?s).*content/guidance/privacy\.md:2:1: .*titel.*`)

	saved("content/guidance/privacy.md")
	saved("scenarios/tiny.yaml")
	_, err = c.Prepare(root)
	qt.Assert(t, err, qt.ErrorMatches, `(?s).*content/guidance/privacy\.md:2:1: .*titel.*`)
	sneak("content/guidance/privacy.md", "titel: Privacy", "title: Privacy")
	saved("content/guidance/privacy.md")
	_, err = c.Prepare(root)
	qt.Assert(t, err, qt.IsNil)
	b, err = os.ReadFile(compiled)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(b), qt.Contains, "Refuse!.")

	qt.Assert(t, os.Remove(filepath.Join(root, "content", "guidance", "privacy.md")), qt.IsNil)
	_, err = c.Prepare(root)
	qt.Assert(t, err, qt.ErrorMatches, `(?s).*scenarios/tiny\.yaml:\d+:\d+: link "\.\./guidance/privacy\.md": no such page.*`)
}
