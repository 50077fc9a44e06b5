package scenariomap

import "github.com/guidepack/guidepack/tools/internal/scenario"

// node is a step, or a dummy on a rank that a long edge crosses.
type node struct {
	step       *scenario.Step // nil for a dummy
	n          int            // the step's number (from 1), as on its page
	rank, pos  int            // its row, and its place in the row (from 0)
	x          float64        // its centre
	w, h       float64        // its box; a dummy is a narrow gap for the line
	title      []string       // the title's lines as drawn
	truncated  bool           // the title was cut short
	best       bool           // on the best path
	up, down   []*seg         // segments to the rank above and below
	outs, ins  []*edge        // the edges leaving and entering a step
	discovered int            // preorder index of the depth-first search
	marks      []mark         // notes for authors (Options.Marks)
}

// edge is a choice, or the one way on from a question or reflection.
type edge struct {
	from, to  *node
	label     string // A, B, C… for a choice, "" otherwise
	judgement string // good, risky, poor, or "" for a question's or reflection's next
	best      bool   // on the best path
	back      bool   // leads back up: drawn around the side
	chain     []*node
	lane      int     // a back-edge's lane, from 0
	points    []point // the route, from the source's port to the target's
	port      point   // where it leaves its source
	outY      float64 // a back-edge: its track in the gap below its source
	inY       float64 // … and in the gap above its target
	inX       float64 // its port on the target's top
	order     float64 // sorts the edges entering a step, left to right
}

// seg is one rank-to-rank piece of an edge.
type seg struct {
	a, b *node // a on rank r, b on rank r+1
	e    *edge
}

type point struct{ x, y float64 }

// graph is a scenario as nodes in ranks.
type graph struct {
	nodes []*node // the steps in file order, then the dummies
	steps int     // how many of nodes are steps
	edges []*edge
	ranks [][]*node
}

// build makes the graph of s: back-edges marked, ranks by longest path from the
// start over the other edges, and a dummy for each rank a long edge crosses.
func build(s *scenario.Scenario, best []string) *graph {
	g := &graph{}
	byID := map[string]*node{}
	for i, st := range s.Steps {
		nd := &node{step: st, n: i + 1, discovered: -1}
		g.nodes = append(g.nodes, nd)
		if _, dup := byID[st.ID]; !dup {
			byID[st.ID] = nd
		}
	}
	g.steps = len(g.nodes)
	onBest := map[string]int{}
	for i, id := range best {
		onBest[id] = i + 1
		if nd := byID[id]; nd != nil {
			nd.best = true
		}
	}
	for _, nd := range g.nodes {
		st := nd.step
		add := func(next, label, judgement string) {
			to := byID[next]
			if to == nil {
				return // a broken link: the checker reports it
			}
			e := &edge{from: nd, to: to, label: label, judgement: judgement}
			i, j := onBest[st.ID], onBest[next]
			e.best = i > 0 && j == i+1
			nd.outs = append(nd.outs, e)
			to.ins = append(to.ins, e)
			g.edges = append(g.edges, e)
		}
		if st.Kind == scenario.Situation {
			for i, c := range st.Choices {
				add(c.Next, string(rune('A'+i)), c.Judgement)
			}
		} else if st.Next != "" {
			add(st.Next, "", "")
		}
	}
	// When two choices lead to the next step of the best path, the best path
	// takes the first good one (or else the first).
	for _, nd := range g.nodes {
		var on []*edge
		for _, e := range nd.outs {
			if e.best {
				on = append(on, e)
			}
		}
		if len(on) < 2 {
			continue
		}
		keep := on[0]
		for _, e := range on {
			if e.judgement == "good" {
				keep = e
				break
			}
		}
		for _, e := range on {
			e.best = e == keep
		}
	}
	g.markBackEdges(byID[s.Start])
	g.rank()
	g.addDummies()
	return g
}

// markBackEdges runs a depth-first search from the start, then from any step it
// did not reach (in file order), and marks each edge to a step on the search's
// current path as a back-edge. Without them the graph is acyclic.
func (g *graph) markBackEdges(start *node) {
	onPath := map[*node]bool{}
	count := 0
	var visit func(nd *node)
	visit = func(nd *node) {
		nd.discovered = count
		count++
		onPath[nd] = true
		for _, e := range nd.outs {
			switch {
			case onPath[e.to]:
				e.back = true
			case e.to.discovered < 0:
				visit(e.to)
			}
		}
		onPath[nd] = false
	}
	if start != nil {
		visit(start)
	}
	for _, nd := range g.nodes {
		if nd.discovered < 0 {
			visit(nd)
		}
	}
}

// rank gives each step its longest path from a step with no forward edge into
// it (the start, and any step it does not reach), in topological order.
func (g *graph) rank() {
	indeg := map[*node]int{}
	for _, e := range g.edges {
		if !e.back {
			indeg[e.to]++
		}
	}
	var queue []*node
	for _, nd := range g.nodes {
		if indeg[nd] == 0 {
			queue = append(queue, nd)
		}
	}
	for len(queue) > 0 {
		nd := queue[0]
		queue = queue[1:]
		for _, e := range nd.outs {
			if e.back {
				continue
			}
			e.to.rank = max(e.to.rank, nd.rank+1)
			if indeg[e.to]--; indeg[e.to] == 0 {
				queue = append(queue, e.to)
			}
		}
	}
}

// addDummies breaks each forward edge into rank-to-rank segments, with a dummy
// node on each rank between its ends, and puts the nodes into their ranks in the
// order of the depth-first search (a first order for order.go to improve).
func (g *graph) addDummies() {
	last := 0
	for _, nd := range g.nodes {
		last = max(last, nd.rank)
	}
	g.ranks = make([][]*node, last+1)
	steps := append([]*node(nil), g.nodes...)
	sortBy(steps, func(nd *node) float64 { return float64(nd.discovered) })
	for _, nd := range steps {
		g.ranks[nd.rank] = append(g.ranks[nd.rank], nd)
	}
	for _, nd := range steps {
		for _, e := range nd.outs {
			if e.back {
				continue
			}
			e.chain = []*node{e.from}
			for r := e.from.rank + 1; r < e.to.rank; r++ {
				d := &node{rank: r, discovered: nd.discovered}
				g.nodes = append(g.nodes, d)
				g.ranks[r] = append(g.ranks[r], d)
				e.chain = append(e.chain, d)
			}
			e.chain = append(e.chain, e.to)
			for i := 0; i+1 < len(e.chain); i++ {
				s := &seg{a: e.chain[i], b: e.chain[i+1], e: e}
				s.a.down = append(s.a.down, s)
				s.b.up = append(s.b.up, s)
			}
		}
	}
	for _, r := range g.ranks {
		sortBy(r, func(nd *node) float64 { return float64(nd.discovered) })
	}
	g.renumber()
}

// renumber sets each node's pos from its place in its rank.
func (g *graph) renumber() {
	for _, r := range g.ranks {
		for i, nd := range r {
			nd.pos = i
		}
	}
}
