package scenariomap_test

import (
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/scenario"
	"github.com/guidepack/guidepack/tools/internal/scenariomap"
)

// brokenSrc has every path problem (a step not reached, a loop with no way
// out, a choice to no step) and a variant that changes a step and adds one.
const brokenSrc = `id: broken
title: Broken
service: all
steps:
  - id: start
    title: The request
    situation: A request.
    choices:
      - {text: Loop., feedback: Hm., judgement: poor, next: loop}
      - {text: Nowhere., feedback: Hm., judgement: risky, next: nowhere}
      - {text: End., feedback: Fine., judgement: good, next: end}
  - id: loop
    title: Thinking in circles
    reflection: Think.
    next: loop
  - id: orphan
    title: Nobody comes here
    reflection: Nobody comes here.
    next: end
  - {id: end, title: Done, ending: Done., result: good}
variants:
  - id: broken-a
    title: Broken (a version)
    steps:
      - id: start
        situation: A changed request.
      - {id: extra, title: An added ending, ending: Added., result: good}
`

func broken(t *testing.T) *scenario.Scenario {
	t.Helper()
	scs, ps := scenario.Parse("scenarios/broken.yaml", []byte(brokenSrc), nil)
	qt.Assert(t, ps, qt.Not(qt.HasLen), 0) // the checker's errors: the map is drawn all the same
	return scs[0]
}

// TestAuthorMarks: drawn for authors, each problem step says what is wrong in
// words on its box and has a dashed border (not colour alone), the steps the
// version changes or adds say so and have a bar, the legend explains both and
// the description lists them; drawn for readers, none of it.
func TestAuthorMarks(t *testing.T) {
	s := broken(t)
	m := scenariomap.Draw(s, scenariomap.Options{Marks: true})
	for _, words := range []string{
		"A choice leads to no step", "Dead end: no ending after it", "Not reached from the start",
		"Changed in this version", "Added in this version",
		"A problem to fix (the box says which)", "Changed or added by this version",
		"Marked for the author: step 1, The request: a choice leads to no step, changed in this version; " +
			"step 2, Thinking in circles: dead end: no ending after it; step 3, Nobody comes here: not reached from the start; " +
			"step 5, An added ending: not reached from the start, added in this version.",
	} {
		qt.Assert(t, m.SVG, qt.Contains, words)
	}
	// A dashed border on the 4 problem boxes (and the legend's sample).
	dashed := 0
	for _, e := range elements(t, m.SVG) {
		if (e.name == "rect" || e.name == "path") && e.attrs["stroke-width"] == "3" && e.attrs["stroke-dasharray"] == "6 3" && e.attrs["stroke"] != "none" {
			dashed++
		}
	}
	qt.Assert(t, dashed, qt.Equals, 4+1)
	// A bar on the 2 boxes the version changes or adds (and the legend's).
	qt.Assert(t, strings.Count(m.SVG, `width="3" height=`), qt.Equals, 2+1)

	plain := scenariomap.Draw(s, scenariomap.Options{}).SVG
	for _, words := range []string{"Not reached", "Dead end", "no step", "this version", "Marked for the author", `stroke-dasharray="6 3"`} {
		qt.Assert(t, plain, qt.Not(qt.Contains), words)
	}
}

// TestAuthorMapOfAnyBrokenFile: serve and map -marks draw what the checker
// refuses, so drawing never fails on whatever the parser returns.
func TestAuthorMapOfAnyBrokenFile(t *testing.T) {
	for _, src := range []string{
		"id: x\ntitle: X\nservice: all\nsteps: []\n",
		"id: x\ntitle: X\nservice: all\nsteps: nope\n",
		"id: x\ntitle: X\nservice: all\nstart: missing\nsteps:\n  - {id: a, ending: Done.}\n",
		"id: x\ntitle: X\nservice: all\nsteps:\n  - {id: a, situation: S., choices: []}\n",
		"id: x\ntitle: X\nservice: all\nsteps:\n  - {id: a, title: No kind}\n  - {id: a, ending: Twice.}\n",
		"id: x\ntitle: X\nservice: all\nsteps:\n  - {situation: No id., choices: [{text: T, feedback: F, judgement: good, next: a}]}\n  - {id: a, question: Q?, next: a}\n",
		"id: x\ntitle: X\nservice: all\nsteps:\n  - id: a\n    situation: S.\n    choices:\n      - {text: Self., feedback: F., judgement: poor, next: a}\n",
		"steps:\n  - {id: a, ending: E.}\nvariants:\n  - {id: v1, steps: [{id: b, reflection: R., next: c}]}\n  - {steps: 3}\n",
	} {
		scs, _ := scenario.Parse("scenarios/x.yaml", []byte(src), nil)
		for _, s := range scs {
			m := scenariomap.Draw(s, scenariomap.Options{Marks: true})
			qt.Assert(t, m.SVG, qt.Contains, "</svg>", qt.Commentf("%s", src))
		}
	}
}
