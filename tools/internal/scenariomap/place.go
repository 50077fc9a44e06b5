package scenariomap

import (
	"math"

	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// Sizes, in px of the drawing.
const (
	boxW       = 180.0 // a step's box, at least
	padX       = 12.0  // text inset from the box's sides
	endPadX    = 16.0  // … in an ending's rounder box
	padY       = 8.0   // text inset from the box's top and bottom
	metaSize   = 11.0  // "Step 3 · Question"
	metaLine   = 15.0
	titleSize  = 13.0
	titleLine  = 16.0
	titleLines = 3    // a longer title is cut short with "…"
	portGap    = 28.0 // between the ports of a box with many choices
	dummyW     = 8.0  // the room a long edge takes in a row it crosses
	gapBoxes   = 28.0 // between boxes in a row
	gapDummy   = 12.0 // between a long edge and its neighbours in a row
	gapRows    = 64.0 // between rows, at least: labels, curves and arrows
	track      = 7.0  // between the horizontal runs of back-edges in a gap
	laneGap    = 14.0 // between the lanes of back-edges beside the drawing
	margin     = 12.0
)

// size sets each step's box and title lines.
func (g *graph) size(title func(*scenario.Step) string) {
	for _, nd := range g.nodes {
		if nd.step == nil {
			nd.w = dummyW
			continue
		}
		nd.w = max(boxW, portGap*float64(len(nd.outs))+2*padX)
		pad := padX
		if nd.step.Kind == scenario.Ending {
			pad = endPadX
		}
		for _, m := range nd.marks {
			nd.w = max(nd.w, math.Ceil(width(m.words, metaSize, true))+2*pad+4)
		}
		nd.title, nd.truncated = wrap(title(nd.step), nd.w-2*pad, titleSize, titleLines)
		nd.h = 2*padY + metaLine + titleLine*float64(len(nd.title)) + metaLine*float64(len(nd.marks))
		if nd.step.Kind == scenario.Ending {
			nd.h += metaLine
		}
	}
}

// passes is how many times place pulls each row towards its neighbours.
const passes = 8

// place sets each node's x: rows packed left, then pulled towards their
// neighbours above, then below, in turn; last towards both.
func (g *graph) place() {
	for _, r := range g.ranks {
		x := 0.0
		for i, nd := range r {
			if i > 0 {
				x += sep(r[i-1], nd)
			}
			nd.x = x
		}
	}
	for i := 0; i < passes; i++ {
		for r := 1; r < len(g.ranks); r++ {
			g.pull(r, true, false)
		}
		for r := len(g.ranks) - 2; r >= 0; r-- {
			g.pull(r, false, true)
		}
	}
	for r := range g.ranks {
		g.pull(r, true, true)
	}
	// Shift the drawing to the left margin.
	left := 0.0
	for i, nd := range g.nodes {
		if i == 0 || nd.x-nd.w/2 < left {
			left = nd.x - nd.w/2
		}
	}
	for _, nd := range g.nodes {
		nd.x += margin - left
	}
}

// sep is the least distance between the centres of neighbours a, b in a row.
func sep(a, b *node) float64 {
	gap := gapBoxes
	if a.step == nil || b.step == nil {
		gap = gapDummy
	}
	return a.w/2 + b.w/2 + gap
}

// weight is how hard a segment pulls: long edges (between dummies) most, so
// they run straight, and the best path more than the rest.
func weight(s *seg) float64 {
	w := 1.0
	switch {
	case s.a.step == nil && s.b.step == nil:
		w = 8
	case s.a.step == nil || s.b.step == nil:
		w = 2
	}
	if s.e.best {
		w *= 3
	}
	return w
}

// pull moves the nodes of rank r as close as the row allows to the weighted
// mean x of their neighbours (above, below or both), keeping their order and
// spacing.
func (g *graph) pull(r int, above, below bool) {
	row := g.ranks[r]
	want := make([]float64, len(row))
	for i, nd := range row {
		sum, n := 0.0, 0.0
		if above {
			for _, s := range nd.up {
				sum, n = sum+weight(s)*s.a.x, n+weight(s)
			}
		}
		if below {
			for _, s := range nd.down {
				sum, n = sum+weight(s)*s.b.x, n+weight(s)
			}
		}
		want[i] = nd.x
		if n > 0 {
			want[i] = sum / n
		}
	}
	for i, x := range keepApart(row, want) {
		row[i].x = x
	}
}

// keepApart returns the xs closest to want (least squares) that keep the row's
// order and spacing: with offsets o (the least distance from the first node),
// y = x - o must not decrease, which pool adjacent violators solves exactly.
func keepApart(row []*node, want []float64) []float64 {
	off := make([]float64, len(row))
	for i := 1; i < len(row); i++ {
		off[i] = off[i-1] + sep(row[i-1], row[i])
	}
	type block struct {
		sum   float64
		n     int
		start int
	}
	var blocks []block
	for i := range row {
		blocks = append(blocks, block{want[i] - off[i], 1, i})
		for len(blocks) > 1 {
			a, b := blocks[len(blocks)-2], blocks[len(blocks)-1]
			if a.sum/float64(a.n) <= b.sum/float64(b.n) {
				break
			}
			blocks = append(blocks[:len(blocks)-2], block{a.sum + b.sum, a.n + b.n, a.start})
		}
	}
	out := make([]float64, len(row))
	for _, b := range blocks {
		y := b.sum / float64(b.n)
		for i := b.start; i < b.start+b.n; i++ {
			out[i] = y + off[i]
		}
	}
	return out
}
