package scenariomap

import (
	"fmt"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// mark is a note for authors on a step's box (Options.Marks): a problem with
// the paths (scenario.Paths, the rule the checker reports) or what a variant
// does to the step. Each is words on the box and a shape, never colour alone: a
// problem's box has a dashed border, a variant's step a bar at its left.
type mark struct {
	words   string
	problem bool
}

// The marks, in the order a box shows them.
var (
	markUnreachable = mark{"Not reached from the start", true}
	markDeadEnd     = mark{"Dead end: no ending after it", true}
	markBroken      = mark{"A choice leads to no step", true}
	markChanged     = mark{"Changed in this version", false}
	markAdded       = mark{"Added in this version", false}
)

// addMarks sets each step's marks, for a map drawn for authors.
func (g *graph) addMarks(s *scenario.Scenario) {
	p := s.Paths()
	byID := map[string]*node{}
	for _, nd := range g.nodes[:g.steps] {
		if byID[nd.step.ID] == nil {
			byID[nd.step.ID] = nd
		}
	}
	for _, set := range []struct {
		ids []string
		m   mark
	}{{p.Unreachable, markUnreachable}, {p.DeadEnds, markDeadEnd}, {p.Broken, markBroken}} {
		for _, id := range set.ids {
			if nd := byID[id]; nd != nil {
				nd.marks = append(nd.marks, set.m)
			}
		}
	}
	for _, nd := range g.nodes[:g.steps] {
		switch nd.step.Version {
		case scenario.VersionChanges:
			nd.marks = append(nd.marks, markChanged)
		case scenario.VersionAdds:
			nd.marks = append(nd.marks, markAdded)
		}
	}
}

// problem tells whether a step has a problem mark.
func (nd *node) problem() bool {
	for _, m := range nd.marks {
		if m.problem {
			return true
		}
	}
	return false
}

// versioned tells whether a variant changes or adds the step.
func (nd *node) versioned() bool {
	for _, m := range nd.marks {
		if !m.problem {
			return true
		}
	}
	return false
}

// describeMarks says in words which steps are marked, for the map's description.
func describeMarks(g *graph, o Options) string {
	var parts []string
	for _, nd := range g.nodes[:g.steps] {
		if len(nd.marks) == 0 {
			continue
		}
		var ws []string
		for _, m := range nd.marks {
			ws = append(ws, strings.ToLower(m.words[:1])+m.words[1:])
		}
		parts = append(parts, fmt.Sprintf("step %d, %s: %s", nd.n, o.Title(nd.step), strings.Join(ws, ", ")))
	}
	if len(parts) == 0 {
		return ""
	}
	return " Marked for the author: " + strings.Join(parts, "; ") + "."
}

// versionBar is the bar at the left of a box a variant changes or adds: x from
// the box's left, and the gap kept from its top and bottom, by kind (inside the
// shape's corners, left of the text).
func versionBar(kind string, h float64) (x, gap float64) {
	switch kind {
	case scenario.Question:
		return 7, h / 3
	case scenario.Reflection:
		return 4, 10
	case scenario.Ending:
		return 7, 18
	}
	return 4, 4
}
