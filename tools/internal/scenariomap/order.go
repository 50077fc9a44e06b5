package scenariomap

import "sort"

// sweeps is how many down-and-up barycentre sweeps order tries.
const sweeps = 12

// order sets the order of the nodes in each rank: barycentre sweeps (each node
// placed at the mean position of its neighbours in the rank just ordered),
// keeping the order with the fewest crossings, then swaps of neighbours while
// a swap removes crossings.
func (g *graph) order() {
	best := g.snapshot()
	fewest := g.crossings()
	for i := 0; i < sweeps && fewest > 0; i++ {
		for r := 1; r < len(g.ranks); r++ {
			g.sortRank(r, func(nd *node) []*node { return ends(nd.up, true) })
		}
		for r := len(g.ranks) - 2; r >= 0; r-- {
			g.sortRank(r, func(nd *node) []*node { return ends(nd.down, false) })
		}
		if c := g.crossings(); c < fewest {
			best, fewest = g.snapshot(), c
		}
	}
	g.restore(best)
	g.transpose()
}

// ends returns the nodes at the other ends of segments.
func ends(ss []*seg, up bool) []*node {
	out := make([]*node, len(ss))
	for i, s := range ss {
		if up {
			out[i] = s.a
		} else {
			out[i] = s.b
		}
	}
	return out
}

// sortRank orders rank r by the mean position of each node's neighbours; a
// node without any keeps its place.
func (g *graph) sortRank(r int, neighbours func(*node) []*node) {
	key := map[*node]float64{}
	for _, nd := range g.ranks[r] {
		ns := neighbours(nd)
		if len(ns) == 0 {
			key[nd] = float64(nd.pos)
			continue
		}
		sum := 0.0
		for _, m := range ns {
			sum += float64(m.pos)
		}
		key[nd] = sum / float64(len(ns))
	}
	sortBy(g.ranks[r], func(nd *node) float64 { return key[nd] })
	for i, nd := range g.ranks[r] {
		nd.pos = i
	}
}

// transpose swaps neighbours in a rank while that removes crossings with the
// ranks above and below.
func (g *graph) transpose() {
	for improved, rounds := true, 0; improved && rounds < 20; rounds++ {
		improved = false
		for r, rank := range g.ranks {
			for i := 0; i+1 < len(rank); i++ {
				before := g.crossingsAround(r)
				rank[i], rank[i+1] = rank[i+1], rank[i]
				rank[i].pos, rank[i+1].pos = i, i+1
				if g.crossingsAround(r) < before {
					improved = true
					continue
				}
				rank[i], rank[i+1] = rank[i+1], rank[i]
				rank[i].pos, rank[i+1].pos = i, i+1
			}
		}
	}
}

func (g *graph) crossingsAround(r int) int {
	c := 0
	if r > 0 {
		c += g.crossingsBetween(r - 1)
	}
	if r+1 < len(g.ranks) {
		c += g.crossingsBetween(r)
	}
	return c
}

// crossings counts the pairs of segments that cross, over all ranks.
func (g *graph) crossings() int {
	c := 0
	for r := 0; r+1 < len(g.ranks); r++ {
		c += g.crossingsBetween(r)
	}
	return c
}

// crossingsBetween counts the pairs of segments from rank r to rank r+1 whose
// ends are in opposite orders. Segments that share an end do not cross (each
// gets a port of its own, in the order of its other end).
func (g *graph) crossingsBetween(r int) int {
	var ss []*seg
	for _, nd := range g.ranks[r] {
		ss = append(ss, nd.down...)
	}
	c := 0
	for i, s := range ss {
		for _, t := range ss[i+1:] {
			if (s.a.pos-t.a.pos)*(s.b.pos-t.b.pos) < 0 {
				c++
			}
		}
	}
	return c
}

func (g *graph) snapshot() [][]*node {
	out := make([][]*node, len(g.ranks))
	for i, r := range g.ranks {
		out[i] = append([]*node(nil), r...)
	}
	return out
}

func (g *graph) restore(s [][]*node) {
	g.ranks = s
	g.renumber()
}

// sortBy sorts nodes by key, stably: ties keep their order.
func sortBy(nodes []*node, key func(*node) float64) {
	keys := make(map[*node]float64, len(nodes))
	for _, nd := range nodes {
		keys[nd] = key(nd)
	}
	sort.SliceStable(nodes, func(i, j int) bool { return keys[nodes[i]] < keys[nodes[j]] })
}
