package scenariomap

import (
	"math"

	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// Rect is a box of the drawing, for the tests.
type Rect struct {
	Name       string
	X, Y, W, H float64
}

// Overlaps tells whether two rectangles share more than their edges.
func (a Rect) Overlaps(b Rect) bool {
	return a.X < b.X+b.W && b.X < a.X+a.W && a.Y < b.Y+b.H && b.Y < a.Y+a.H
}

// Contains tells whether b lies inside a.
func (a Rect) Contains(b Rect) bool {
	return b.X >= a.X && b.Y >= a.Y && b.X+b.W <= a.X+a.W && b.Y+b.H <= a.Y+a.H
}

// Geometry is where Draw puts things, as estimated in Go.
type Geometry struct {
	Boxes     []Rect   // each step's box
	Texts     [][]Rect // each box's lines of text, as measured
	Letters   []Rect   // each choice's letter circle
	Lines     [][]Rect // each edge's route as tiny rectangles along it, with the boxes it joins
	Ends      [][2]int // the boxes each edge joins (index in Boxes)
	Back      []bool   // which edges go back up
	Crossings int
}

// Layout returns the geometry of s's map.
func Layout(s *scenario.Scenario, o Options) Geometry {
	o = o.withDefaults()
	g, rs, crossings := layout(s, o)
	out := Geometry{Crossings: crossings}
	index := map[*node]int{}
	for i, nd := range g.nodes[:g.steps] {
		index[nd] = i
		top := rs.top[nd.rank]
		out.Boxes = append(out.Boxes, Rect{nd.step.ID, nd.x - nd.w/2, top, nd.w, nd.h})
		var ts []Rect
		for _, t := range texts(nd, top) {
			// DejaVu Sans rises 0.93 em above the baseline and falls 0.24 below.
			ts = append(ts, Rect{t.s, t.x, t.y - 0.93*t.size, width(t.s, t.size, t.bold), 1.17 * t.size})
		}
		out.Texts = append(out.Texts, ts)
	}
	for _, e := range g.edges {
		if e.label != "" {
			out.Letters = append(out.Letters, Rect{e.label, e.port.x - labelR, e.port.y + labelDrop - labelR, 2 * labelR, 2 * labelR})
		}
		var pts []Rect
		for i := 1; i < len(e.points); i++ {
			a, b := e.points[i-1], e.points[i]
			for t := 0.0; t <= 1; t += 0.05 {
				// The curves keep between their ends' x and y: sample the cubic.
				m := (a.y + b.y) / 2
				x := bez(a.x, a.x, b.x, b.x, t)
				y := bez(a.y, m, m, b.y, t)
				if a.x == b.x || a.y == b.y {
					x, y = a.x+(b.x-a.x)*t, a.y+(b.y-a.y)*t
				}
				pts = append(pts, Rect{"", x - 0.5, y - 0.5, 1, 1})
			}
		}
		out.Lines = append(out.Lines, pts)
		out.Ends = append(out.Ends, [2]int{index[e.from], index[e.to]})
		out.Back = append(out.Back, e.back)
	}
	return out
}

func bez(p0, p1, p2, p3, t float64) float64 {
	u := 1 - t
	return math.Pow(u, 3)*p0 + 3*u*u*t*p1 + 3*u*t*t*p2 + math.Pow(t, 3)*p3
}

// Width is text's estimated width.
var Width = width

// Wrap is wrap.
var Wrap = wrap

// Cut is cut, on rows of the given tops and heights.
func Cut(top, height []float64, total, most float64) [][2]float64 {
	return cut(rows{top: top, height: height}, total, most)
}
