package scenariomap_test

import (
	"fmt"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/scenario"
	"github.com/guidepack/guidepack/tools/internal/scenariomap"
)

// TestCut: bands end in the gaps between rows, each as tall as fits, a row
// taller than a band alone.
func TestCut(t *testing.T) {
	// Rows 100 tall with gaps of 50: cuts at 125, 275, 425, 575.
	top := []float64{0, 150, 300, 450, 600}
	h := []float64{100, 100, 100, 100, 100}
	qt.Assert(t, scenariomap.Cut(top, h, 760, 1000), qt.DeepEquals, [][2]float64{{0, 760}})
	qt.Assert(t, scenariomap.Cut(top, h, 760, 300), qt.DeepEquals, [][2]float64{{0, 275}, {275, 575}, {575, 760}})
	qt.Assert(t, scenariomap.Cut(top, h, 760, 200), qt.DeepEquals, [][2]float64{{0, 125}, {125, 275}, {275, 425}, {425, 575}, {575, 760}})
	// A row taller than a band.
	qt.Assert(t, scenariomap.Cut([]float64{0, 500}, []float64{450, 100}, 640, 300), qt.DeepEquals, [][2]float64{{0, 475}, {475, 640}})
}

// chain is a tall scenario: n situations one under the other, each with a good
// choice on and a poor one to a shared ending.
func chain(n int) *scenario.Scenario {
	s := &scenario.Scenario{ID: "tall", Title: "A tall one", Start: "s1"}
	for i := 1; i <= n; i++ {
		next := fmt.Sprintf("s%d", i+1)
		if i == n {
			next = "good"
		}
		s.Steps = append(s.Steps, &scenario.Step{ID: fmt.Sprintf("s%d", i), Kind: scenario.Situation, Title: fmt.Sprintf("Decision %d", i),
			Choices: []scenario.Choice{{Judgement: "good", Next: next}, {Judgement: "poor", Next: "bad"}}})
	}
	s.Steps = append(s.Steps, &scenario.Step{ID: "good", Kind: scenario.Ending, Result: "good", Title: "Well done"},
		&scenario.Step{ID: "bad", Kind: scenario.Ending, Result: "poor", Title: "Not this way"})
	return s
}

// TestTallMapInParts: a map too tall for a printed page is also cut into parts
// no taller than the page holds, between rows: every step's box is in exactly
// one part, whole; each part has ids of its own; a short or too wide map has none.
func TestTallMapInParts(t *testing.T) {
	s := chain(12)
	o := scenariomap.Options{PrintWidth: 850, PrintHeight: 874}
	m := scenariomap.Draw(s, o)
	qt.Assert(t, m.Height > 874, qt.IsTrue)
	qt.Assert(t, len(m.Parts) >= 2, qt.IsTrue, qt.Commentf("%d parts of a %d px map", len(m.Parts), m.Height))
	total := 0
	boxes := map[string]int{}
	for i, p := range m.Parts {
		qt.Assert(t, p.Height <= 874, qt.IsTrue, qt.Commentf("part %d: %d px", i+1, p.Height))
		qt.Assert(t, p.SVG, qt.Contains, fmt.Sprintf(`aria-label="Map of the scenario “A tall one”, part %d of %d"`, i+1, len(m.Parts)))
		qt.Assert(t, p.SVG, qt.Contains, fmt.Sprintf(`id="tall-part%d-mg"`, i+1))
		qt.Assert(t, p.SVG, qt.Not(qt.Contains), `id="tall-mg"`)
		total += p.Height
		// The boxes the part's window shows whole.
		var y0, h float64
		fmt.Sscanf(p.SVG[strings.Index(p.SVG, `viewBox="0 `)+len(`viewBox="0 `):], "%g %d %g", &y0, new(int), &h)
		for _, b := range scenariomap.Layout(s, o).Boxes {
			if b.Y >= y0 && b.Y+b.H <= y0+h {
				boxes[b.Name]++
			} else if b.Y < y0+h && b.Y+b.H > y0 {
				t.Errorf("part %d cuts through the box of %s", i+1, b.Name)
			}
		}
	}
	qt.Assert(t, total >= m.Height-1 && total <= m.Height+len(m.Parts), qt.IsTrue, qt.Commentf("parts %d px, map %d px", total, m.Height))
	// A part holds only what shows in it: each step's words are in one part,
	// and the parts together are not much bigger than the map (an edge that
	// runs through every part is in each).
	bytes := 0
	for _, p := range m.Parts {
		bytes += len(p.SVG)
	}
	for i := range s.Steps {
		in := 0
		for _, p := range m.Parts {
			in += strings.Count(p.SVG, fmt.Sprintf(">Step %d · ", i+1))
		}
		qt.Assert(t, in, qt.Equals, 1, qt.Commentf("step %d", i+1))
	}
	t.Logf("the map %d bytes, its %d parts %d", len(m.SVG), len(m.Parts), bytes)
	qt.Assert(t, float64(bytes) < 1.5*float64(len(m.SVG)), qt.IsTrue, qt.Commentf("the map %d bytes, its %d parts %d", len(m.SVG), len(m.Parts), bytes))
	for _, st := range s.Steps {
		qt.Assert(t, boxes[st.ID], qt.Equals, 1, qt.Commentf("%s", st.ID))
	}
	qt.Assert(t, scenariomap.Draw(chain(2), o).Parts, qt.IsNil)
	qt.Assert(t, scenariomap.Draw(s, scenariomap.Options{PrintWidth: 100, PrintHeight: 874}).Parts, qt.IsNil)
	qt.Assert(t, scenariomap.Draw(s, scenariomap.Options{}).Parts, qt.IsNil)
}
