package scenario

import (
	"fmt"
	"sort"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"go.yaml.in/yaml/v3"
)

// links checks the paths through a scenario: every next names a step; every
// step can be reached from the start; an ending can be reached from every step.
func (r *reader) links(s *Scenario, nodes map[string]*stepNode) {
	ids := make([]string, 0, len(nodes))
	for id := range nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	bad := r.nexts(s, nodes, ids)
	if !r.startFound(s, nodes, ids) || bad {
		return // the paths below would only repeat the broken links
	}
	// Reachable from the start, and an ending reachable from every step (the
	// rule is Paths', shared with the authors' map).
	paths := s.Paths()
	for _, id := range paths.Unreachable {
		r.add(nodes[id].fields["id"], fmt.Sprintf("step %q cannot be reached from the start (%q)", id, s.Start),
			"make a choice or a next: lead to it, or remove it")
	}
	for _, id := range paths.DeadEnds {
		st := s.Step(id)
		noChoices := st.Kind == Situation && len(st.Choices) == 0 // reported already
		if st.Kind != "" && !noChoices {
			r.add(nodes[id].fields["id"], fmt.Sprintf("from step %q no ending can be reached", id),
				"the steps after it go round in a loop: let one choice lead on towards an ending")
		}
	}
}

// nexts reports each next: (of a step or a choice) that names no step, and
// whether there was one. ids are the steps' ids, sorted.
func (r *reader) nexts(s *Scenario, nodes map[string]*stepNode, ids []string) (bad bool) {
	check := func(at *yaml.Node, id, what string) {
		if _, ok := nodes[id]; ok || id == "" {
			return
		}
		bad = true
		r.add(at, fmt.Sprintf("%s leads to %q, but there is no step with that id", what, id), nearestStep(id, ids, "the steps are "+joinQuoted(ids)))
	}
	for _, st := range s.Steps {
		n := nodes[st.ID]
		switch {
		case n == nil:
		case st.Kind == Situation:
			cs := n.fields["choices"]
			if cs == nil || cs.Kind != yaml.SequenceNode {
				continue
			}
			for i, c := range st.Choices {
				if i < len(cs.Content) && keyNodes(cs.Content[i])["next"] != nil {
					check(valueOf(cs.Content[i], "next"), c.Next, fmt.Sprintf("choice %c of step %q", 'A'+i, st.ID))
				}
			}
		case st.Next != "":
			check(n.fields["next"], st.Next, fmt.Sprintf("step %q", st.ID))
		}
	}
	return bad
}

// startFound reports a start: that names no step, and says whether it names one.
func (r *reader) startFound(s *Scenario, nodes map[string]*stepNode, ids []string) bool {
	if start, ok := nodes[s.Start]; ok && start != nil {
		return true
	}
	at := s.startAt
	if at == nil {
		at = nodes[s.Steps[0].ID].nodeOr()
	}
	r.add(at, fmt.Sprintf("the scenario starts at %q, but there is no step with that id", s.Start),
		nearestStep(s.Start, ids, "set start: to the id of the first step"))
	return false
}

// nearestStep is the hint for an id that names no step: the nearest id, or
// otherwise.
func nearestStep(id string, ids []string, otherwise string) string {
	if n := diag.Nearest(id, ids); n != "" {
		return fmt.Sprintf("did you mean %q?", n)
	}
	return otherwise
}

func (n *stepNode) nodeOr() *yaml.Node {
	if n == nil {
		return &yaml.Node{Line: 1, Column: 1}
	}
	return n.node
}

func valueOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return m
}

func joinQuoted(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprintf("%q", id)
	}
	return s
}
