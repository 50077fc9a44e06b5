package scenariomap

import "sort"

// Where the edges run, in the rows and the gaps between them.
const (
	labelR    = 8.0  // a choice's letter sits in a circle this size below its box
	labelDrop = 11.0 // from the box's bottom to the circle's centre
	clear     = 22.0 // from a row's bottom to where curves may start
	startTab  = 18.0 // the "Start" tab above the start step
	inLeft    = 60.0 // ports on the start's top start this far in (past its tab)
)

// rows holds each rank's top and height once the gaps are known.
type rows struct {
	top, height []float64
	bottom      float64 // of the last row
}

// route sets the y of every row, the ports of every edge and its points: forward
// edges down through the gaps, back-edges around the right side in lanes.
func (g *graph) route(start string) rows {
	var backs []*edge
	for _, e := range g.edges {
		if e.back {
			backs = append(backs, e)
		}
	}
	// Shorter back-edges in the inner lanes, so lanes do not cross.
	sort.SliceStable(backs, func(i, j int) bool {
		si, sj := backs[i].from.rank-backs[i].to.rank, backs[j].from.rank-backs[j].to.rank
		if si != sj {
			return si < sj
		}
		return backs[i].from.discovered < backs[j].from.discovered
	})
	below := make([]int, len(g.ranks)) // back-edge tracks in the gap below each row
	above := make([]int, len(g.ranks)) // … and above
	for i, e := range backs {
		e.lane = i
		below[e.from.rank]++
		above[e.to.rank]++
	}

	// A gap holds, from the top: the letters; the tracks of the back-edges
	// leaving the row above and then of those entering the row below; the
	// curves of the forward edges.
	var rs rows
	y := margin + startTab + 8 + track*float64(above[0])
	for r, row := range g.ranks {
		h := 20.0
		for _, nd := range row {
			h = max(h, nd.h)
		}
		rs.top = append(rs.top, y)
		rs.height = append(rs.height, h)
		y += h
		if r+1 < len(g.ranks) {
			y += max(gapRows, clear+track*float64(below[r]+above[r+1])+track+36)
		}
	}
	// Back-edges from the last row (only a broken scenario has them: a loop
	// with no way on, drawn for authors) run below it: keep the legend clear.
	if len(g.ranks) > 0 && below[len(g.ranks)-1] > 0 {
		n := below[len(g.ranks)-1]
		y += clear + 4 + track*float64(n)
	}
	rs.bottom = y
	// Tracks: leaving a row, just below the letters; entering one, just above it.
	nb := make([]int, len(g.ranks))
	na := make([]int, len(g.ranks))
	for _, e := range backs {
		nb[e.from.rank]++
		e.outY = rs.top[e.from.rank] + rs.height[e.from.rank] + clear + 4 + track*float64(nb[e.from.rank]-1)
	}
	for _, e := range backs {
		na[e.to.rank]++
		if e.to.rank == 0 {
			e.inY = rs.top[0] - startTab - 8 - track*float64(na[0]-1) + 4
			continue
		}
		r := e.to.rank - 1
		e.inY = rs.top[r] + rs.height[r] + clear + 4 + track*float64(below[r]+na[e.to.rank]-1)
	}

	right := 0.0
	for _, nd := range g.nodes {
		right = max(right, nd.x+nd.w/2)
	}
	laneX := func(e *edge) float64 { return right + laneGap*float64(e.lane+1) }

	// Ports: out along the bottom in the order of where each edge goes next;
	// in along the top in the order of where each comes from.
	for _, nd := range g.nodes[:g.steps] {
		outs := append([]*edge(nil), nd.outs...)
		next := func(e *edge) float64 {
			if e.back {
				return 1e9 + float64(e.lane)
			}
			return e.chain[1].x
		}
		sort.SliceStable(outs, func(i, j int) bool { return next(outs[i]) < next(outs[j]) })
		left, w := nd.x-nd.w/2, nd.w-2*padX
		for i, e := range outs {
			e.port = point{left + padX + w*(float64(i)+0.5)/float64(len(outs)), rs.top[nd.rank] + nd.h}
		}
	}
	for _, nd := range g.nodes[:g.steps] {
		ins := append([]*edge(nil), nd.ins...)
		for _, e := range ins {
			switch {
			case e.back:
				e.order = 1e9 + float64(e.lane)
			case len(e.chain) > 2:
				e.order = e.chain[len(e.chain)-2].x
			default:
				e.order = e.port.x
			}
		}
		sort.SliceStable(ins, func(i, j int) bool { return ins[i].order < ins[j].order })
		left, w := nd.x-nd.w/2+padX, nd.w-2*padX
		if nd.step.ID == start {
			left, w = nd.x-nd.w/2+inLeft, nd.w-inLeft-padX // clear of the tab
		}
		for i, e := range ins {
			e.inX = left + w*(float64(i)+0.5)/float64(len(ins))
		}
	}
	for _, e := range g.edges {
		top := func(nd *node) float64 { return rs.top[nd.rank] }
		if e.back {
			x := laneX(e)
			e.points = []point{e.port, {e.port.x, e.outY}, {x, e.outY}, {x, e.inY}, {e.inX, e.inY}, {e.inX, top(e.to)}}
			continue
		}
		// Straight down past the letter to below the row, then a curve to the
		// next row's top; through a row a long edge crosses, straight down.
		bottom := func(nd *node) float64 { return top(nd) + rs.height[nd.rank] + clear }
		e.points = []point{e.port, {e.port.x, bottom(e.from)}}
		for _, nd := range e.chain[1:] {
			if nd.step != nil {
				e.points = append(e.points, point{e.inX, top(nd)})
				break
			}
			e.points = append(e.points, point{nd.x, top(nd)}, point{nd.x, bottom(nd)})
		}
	}
	return rs
}
