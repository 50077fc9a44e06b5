package build_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// The map's own markup on a scenario's page and on its facilitator sheet
// (layouts/_partials/scenario/map.html).
var mapMarkup = regexp.MustCompile(`(?s)<details class="gp-scenario-map".*?</details>|<section class="gp-map-sheet.*?</section>`)

var sizes = regexp.MustCompile(`\d+ KB`)

// files reads every file of the built site, by slash path.
func files(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	qt.Assert(t, err, qt.IsNil)
	return out
}

// TestScenarioMapsOff: with scenarioMaps = false in config.toml no page or
// sheet has a map, and nothing else changes: each file is the file built with
// maps less the map's markup (the search index too: it leaves the map out),
// aside from what describes the whole pack (its size, its files' hashes).
func TestScenarioMapsOff(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, embedPack)
	on := files(t, s.Public())
	qt.Assert(t, on["scenarios/tiny.html"], qt.Contains, `<details class="gp-scenario-map"`)
	qt.Assert(t, on["scenarios/tiny/facilitator.html"], qt.Contains, `<section class="gp-map-sheet`)

	config, err := os.ReadFile(filepath.Join(s.Root, "config.toml"))
	qt.Assert(t, err, qt.IsNil)
	s.WriteFile("config.toml", strings.Replace(string(config), "\n[params]\n", "\n[params]\n  scenarioMaps = false\n", 1))
	qt.Assert(t, s.Rebuild(), qt.IsNil)
	off := files(t, s.Public())

	qt.Assert(t, len(off), qt.Equals, len(on))
	for name, b := range off {
		for _, w := range map[bool][]string{true: {"gp-map", "Map of the scenario", "<svg xmlns"}}[strings.HasSuffix(name, ".html")] {
			qt.Assert(t, b, qt.Not(qt.Contains), w, qt.Commentf("%s", name))
		}
		// What describes the whole pack: its size, its files' hashes.
		if strings.HasSuffix(name, ".zip") || name == "sw.js" {
			continue
		}
		want := mapMarkup.ReplaceAllString(on[name], "")
		if name == "download.html" {
			b, want = sizes.ReplaceAllString(b, "N KB"), sizes.ReplaceAllString(want, "N KB")
		}
		qt.Assert(t, b, qt.Equals, want, qt.Commentf("%s", name))
	}
}
