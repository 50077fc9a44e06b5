package scenario

// Paths is where the paths through a scenario go wrong: the rule the checker
// reports (links, as problems at their lines) and the author's map marks
// (scenariomap, in guidepack serve and guidepack map -marks), kept in one place.
type Paths struct {
	Unreachable []string // steps no path from the start leads to, in file order
	DeadEnds    []string // steps the start leads to, from which no ending can be reached
	Broken      []string // steps with a choice (or next) that names no step
}

// Paths follows every path from the start. A step id given twice counts once
// (the checker reports the second); a broken start reaches nothing.
func (s *Scenario) Paths() Paths {
	var p Paths
	byID := make(map[string]*Step, len(s.Steps))
	for _, st := range s.Steps {
		if _, dup := byID[st.ID]; !dup && st.ID != "" {
			byID[st.ID] = st
		}
	}
	seen := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		st := byID[id]
		if seen[id] || st == nil {
			return
		}
		seen[id] = true
		for _, nx := range st.Nexts() {
			walk(nx)
		}
	}
	walk(s.Start)
	// An ending can be reached from a step: fixed point over the edges.
	ends := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, st := range s.Steps {
			if ends[st.ID] {
				continue
			}
			ok := st.Kind == Ending
			for _, nx := range st.Nexts() {
				ok = ok || ends[nx]
			}
			if ok {
				ends[st.ID], changed = true, true
			}
		}
	}
	for _, st := range s.Steps {
		if st.ID == "" || byID[st.ID] != st {
			continue
		}
		switch {
		case !seen[st.ID]:
			p.Unreachable = append(p.Unreachable, st.ID)
		case !ends[st.ID]:
			p.DeadEnds = append(p.DeadEnds, st.ID)
		}
		for _, nx := range st.Nexts() {
			if byID[nx] == nil && (nx != "" || st.Kind == Situation) {
				p.Broken = append(p.Broken, st.ID)
				break
			}
		}
	}
	return p
}

// Steps is how many steps have a problem with the paths (a step may have two).
func (p Paths) Steps() int {
	seen := map[string]bool{}
	for _, ids := range [][]string{p.Unreachable, p.DeadEnds, p.Broken} {
		for _, id := range ids {
			seen[id] = true
		}
	}
	return len(seen)
}
