package browser_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/handout"
	"github.com/guidepack/guidepack/tools/internal/quality"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// tallScenario is a chain of n situations, each with a way on and a way out:
// a map far taller than a page.
func tallScenario(n int) string {
	var b strings.Builder
	b.WriteString("-- content/_index.md --\n---\ntitle: Tall\n---\nA pack with one tall scenario.\n-- scenarios/tall.yaml --\nid: tall\ntitle: One thing after another\nservice: all\nsteps:\n")
	for i := 1; i <= n; i++ {
		next := fmt.Sprintf("s%d", i+1)
		if i == n {
			next = "good"
		}
		fmt.Fprintf(&b, "  - id: s%d\n    title: Decision number %d\n    situation: What now?\n    choices:\n      - {text: On., feedback: Yes., judgement: good, next: %s}\n      - {text: Out., feedback: No., judgement: poor, next: bad}\n", i, i, next)
	}
	b.WriteString("  - {id: good, title: Well done, ending: Done., result: good}\n  - {id: bad, title: Not this way, ending: Out., result: poor}\n")
	return b.String()
}

// TestTallMapPrintsInParts: a map too tall for a page prints on the facilitator
// sheet in parts, a page each, at a readable size (the words of each box at 80 %
// or more of their size on screen), every step's box once; the whole map is
// still on screen.
func TestTallMapPrintsInParts(t *testing.T) {
	t.Parallel()
	handout.Tools(t)
	const n = 12
	s := sitetest.Build(t, tallScenario(n))
	s.AssertFile("scenarios/tall/facilitator.html", `class="gp-map-sheet gp-map-sheet--parts"`, `class="gp-map__part"`,
		`aria-label="Map of the scenario “One thing after another”, part 1 of`)
	dir := s.Unzip()
	sheet := filepath.Join(dir, "scenarios", "tall", "facilitator.html")
	for _, e := range quality.VNU(t, sheet) {
		t.Errorf("Nu checker: %s", e)
	}
	b := browser.Start(t)
	p := b.Open(t, "file://"+filepath.ToSlash(sheet), browser.Options{})
	for _, v := range p.Axe(t, quality.AxeSource(t), nil) {
		t.Errorf("axe: %s", v)
	}
	var onScreen struct{ Whole, Parts bool }
	p.Eval(t, `(() => ({Whole: !!document.querySelector('.gp-map-sheet .gp-map svg').getBoundingClientRect().height,
		Parts: !!(document.querySelector('.gp-map__parts') || {getBoundingClientRect: () => ({})}).getBoundingClientRect().height}))()`, &onScreen)
	if !onScreen.Whole || onScreen.Parts {
		t.Errorf("on screen: the whole map shown %v, its parts shown %v", onScreen.Whole, onScreen.Parts)
	}
	for _, paper := range handout.Papers {
		sheets := handout.Sheets(t, handout.Print(t, p, paper))
		// The map's words: "Step N · Situation" (11 px on screen: 8.25 pt at
		// full size, a word box about 1.16 em tall in DejaVu Sans).
		var kinds []float64
		mapSheets := 0
		for _, sh := range sheets {
			found := false
			for _, w := range sh.Words {
				if w.Text == "Situation" || w.Text == "Ending" {
					kinds = append(kinds, w.YMax-w.YMin)
					found = true
				}
			}
			if found {
				mapSheets++
			}
		}
		if len(kinds) != n+2 {
			t.Errorf("%s: %d step boxes printed, want %d (each once)", paper.Name, len(kinds), n+2)
		}
		if mapSheets < 2 {
			t.Errorf("%s: the map printed on %d sheet(s), want it in parts", paper.Name, mapSheets)
		}
		for _, h := range kinds {
			if scale := h / (8.25 * 1.16); scale < 0.8 {
				t.Errorf("%s: the map's words print at %.0f %% of their size (word box %.1f pt tall)", paper.Name, 100*scale, h)
				break
			}
		}
		t.Logf("%s: %d sheets, the map on %d, word boxes %.1f–%.1f pt", paper.Name, len(sheets), mapSheets, minOf(kinds), maxOf(kinds))
	}
}

func minOf(xs []float64) float64 {
	m := 0.0
	for i, x := range xs {
		if i == 0 || x < m {
			m = x
		}
	}
	return m
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = max(m, x)
	}
	return m
}
