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
	var ids []string
	for id := range nodes {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	bad := false
	checkID := func(at *yaml.Node, id, what string) {
		if id == "" {
			return
		}
		if _, ok := nodes[id]; !ok {
			bad = true
			hint := "the steps are " + joinQuoted(ids)
			if n := diag.Nearest(id, ids); n != "" {
				hint = fmt.Sprintf("did you mean %q?", n)
			}
			r.add(at, fmt.Sprintf("%s leads to %q, but there is no step with that id", what, id), hint)
		}
	}
	for _, st := range s.Steps {
		n := nodes[st.ID]
		if n == nil {
			continue
		}
		if st.Kind == Situation {
			if cs := n.fields["choices"]; cs != nil && cs.Kind == yaml.SequenceNode {
				for i, c := range st.Choices {
					if i < len(cs.Content) {
						if nx := keyNodes(cs.Content[i]); nx["next"] != nil {
							checkID(valueOf(cs.Content[i], "next"), c.Next, fmt.Sprintf("choice %c of step %q", 'A'+i, st.ID))
						}
					}
				}
			}
		} else if st.Next != "" {
			checkID(n.fields["next"], st.Next, fmt.Sprintf("step %q", st.ID))
		}
	}
	if start, ok := nodes[s.Start]; !ok || start == nil {
		at := s.startAt
		if at == nil {
			at = nodes[s.Steps[0].ID].nodeOr()
		}
		hint := "set start: to the id of the first step"
		if n := diag.Nearest(s.Start, ids); n != "" {
			hint = fmt.Sprintf("did you mean %q?", n)
		}
		r.add(at, fmt.Sprintf("the scenario starts at %q, but there is no step with that id", s.Start), hint)
		return
	}
	if bad {
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
