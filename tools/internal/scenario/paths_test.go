package scenario_test

import (
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// TestPathsMarkWhatGoesWrong: the steps the checker reports as unreachable or
// as dead ends, and those with a choice to nowhere, are what Paths returns for
// the authors' map; a variant's steps say whether it changes or adds them.
func TestPathsMarkWhatGoesWrong(t *testing.T) {
	const src = `id: broken
title: Broken
service: all
steps:
  - id: start
    situation: A request.
    choices:
      - {text: Loop., feedback: Hm., judgement: poor, next: loop}
      - {text: Nowhere., feedback: Hm., judgement: risky, next: nowhere}
      - {text: End., feedback: Fine., judgement: good, next: end}
  - id: loop
    reflection: Think.
    next: loop
  - id: orphan
    reflection: Nobody comes here.
    next: end
  - {id: end, ending: Done., result: good}
variants:
  - id: broken-a
    steps:
      - id: start
        title: Changed
      - {id: extra, ending: Added., result: good}
`
	c := qt.New(t)
	scs, ps := scenario.Parse("scenarios/broken.yaml", []byte(src), nil)
	c.Assert(ps, qt.Not(qt.HasLen), 0)
	c.Assert(scs, qt.HasLen, 1)
	s := scs[0]
	c.Assert(s.Paths(), qt.DeepEquals, scenario.Paths{
		Unreachable: []string{"orphan", "extra"},
		DeadEnds:    []string{"loop"},
		Broken:      []string{"start"},
	})
	c.Assert(s.Paths().Steps(), qt.Equals, 4)
	versions := map[string]string{}
	for _, st := range s.Steps {
		versions[st.ID] = st.Version
	}
	c.Assert(versions, qt.DeepEquals, map[string]string{
		"start": scenario.VersionChanges, "loop": "", "orphan": "", "end": "", "extra": scenario.VersionAdds,
	})
	// The checker reports the same steps (and the choice to nowhere) at their lines.
	var msgs []string
	for _, p := range ps {
		msgs = append(msgs, p.Msg)
	}
	c.Assert(msgs, qt.Contains, `choice B of step "start" leads to "nowhere", but there is no step with that id`)
}

// TestPathsOfASoundScenario: nothing to mark.
func TestPathsOfASoundScenario(t *testing.T) {
	scs, ps := scenario.Parse("scenarios/small.yaml", []byte(good), codes)
	qt.Assert(t, ps, qt.HasLen, 0)
	qt.Assert(t, scs[0].Paths(), qt.DeepEquals, scenario.Paths{})
}
