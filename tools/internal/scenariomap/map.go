package scenariomap

import (
	"fmt"
	"math"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// Map is a scenario's map.
type Map struct {
	SVG           string // an <svg> element, ready to put in a page or a file
	Width, Height int    // its size in px
	Crossings     int    // how many pairs of edges cross between rows
	// Parts is the drawing cut between rows of steps, for print, when it is
	// too tall for a page (Options.PrintHeight); nil when it is not.
	Parts []Part
}

// Part is a band of a map's rows, an <svg> of its own (its ids its own too).
type Part struct {
	SVG           string
	Width, Height int
}

// Options says what the scenario alone does not.
type Options struct {
	Best  []string                    // the step ids of the best path, start to ending
	Title func(*scenario.Step) string // a step's title as its page shows it
	// Marks draws the map for authors (guidepack serve, guidepack map
	// -marks): steps the start does not reach, dead ends and choices to no
	// step (scenario.Paths) get a dashed border and say so; steps a variant
	// changes or adds get a bar at their left and say so.
	Marks bool
	// PrintWidth and PrintHeight are the largest drawing a printed page holds
	// at a readable size, in px (0: no limit). A drawing no wider than
	// PrintWidth but taller than PrintHeight is also cut between rows of steps
	// into parts no taller than PrintHeight (Map.Parts), a page each, rather
	// than shrunk to fit one page.
	PrintWidth, PrintHeight int
}

// Draw lays out and draws s. It never fails: a step that no choice reaches
// still gets its box (on the top row), and a choice that names no step is left
// out (the scenario checker reports both).
func Draw(s *scenario.Scenario, o Options) Map {
	o = o.withDefaults()
	g, rs, crossings := layout(s, o)

	right := 0.0
	lanes := 0
	for _, nd := range g.nodes {
		right = max(right, nd.x+nd.w/2)
	}
	for _, e := range g.edges {
		if e.back {
			lanes = max(lanes, e.lane+1)
		}
	}
	width := math.Ceil(max(right+laneGap*float64(lanes)+margin, 340))

	// The drawing (its ids made unique with id), and its height.
	// band: only what shows between these ys (a part's); nil: all of it.
	draw := func(id string, band *[2]float64) (*svg, float64) {
		body := &svg{id: id, band: band}
		body.edges(g.edges)
		body.boxes(g.nodes[:g.steps], func(nd *node) float64 { return rs.top[nd.rank] }, o.Title)
		if start := startNode(g, s.Start); start != nil {
			body.start(start, rs.top[start.rank])
		}
		body.letters(g.edges)
		problems, versions := marked(g)
		return body, math.Ceil(body.legend(rs.bottom+16, width, problems, versions) + margin)
	}
	body, height := draw(s.ID, nil)
	w := &svg{id: s.ID}
	w.Grow(body.Len() + 1024)
	w.f(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-mt %s-md" font-family="system-ui, sans-serif" font-size="13" fill="%s">`+"\n",
		int(width), int(height), int(width), int(height), w.id, w.id, ink)
	w.f(`<title id="%s-mt">Map of the scenario %s</title>`+"\n", w.id, esc(quote(s.Title)))
	w.f(`<desc id="%s-md">%s</desc>`+"\n", w.id, esc(describe(s, g, o)))
	w.defs()
	w.f(`<rect width="%d" height="%d" fill="%s"/>`+"\n", int(width), int(height), white)
	w.WriteString(body.String())
	w.WriteString("</svg>\n")
	m := Map{SVG: w.String(), Width: int(width), Height: int(height), Crossings: crossings}
	if o.PrintHeight > 0 && height > float64(o.PrintHeight) && (o.PrintWidth == 0 || width <= float64(o.PrintWidth)) {
		bands := cut(rs, height, float64(o.PrintHeight))
		for i, b := range bands {
			id := fmt.Sprintf("%s-part%d", s.ID, i+1)
			body, _ := draw(id, &b)
			p := &svg{id: id}
			h := b[1] - b[0]
			p.f(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 %s %d %s" width="%d" height="%s" role="img" aria-label="%s" font-family="system-ui, sans-serif" font-size="13" fill="%s">`+"\n",
				num(b[0]), int(width), num(h), int(width), num(h), esc(fmt.Sprintf("Map of the scenario %s, part %d of %d", quote(s.Title), i+1, len(bands))), ink)
			p.defs()
			p.f(`<rect y="%s" width="%d" height="%s" fill="%s"/>`+"\n", num(b[0]), int(width), num(h), white)
			p.WriteString(body.String())
			p.WriteString("</svg>\n")
			m.Parts = append(m.Parts, Part{SVG: p.String(), Width: int(width), Height: int(math.Ceil(h))})
		}
	}
	return m
}

// cut returns the bands [top, bottom) of a drawing of the height, cut in the
// middle of the gaps between rows (below the letters), each band as tall as it
// may be without passing most (a row taller than that is a band of its own).
func cut(rs rows, height, most float64) [][2]float64 {
	var bands [][2]float64
	top, last := 0.0, 0.0 // the band's top; the lowest cut that fits in it
	end := func(at float64) {
		bands = append(bands, [2]float64{top, at})
		top = at
	}
	for r := 1; r < len(rs.top); r++ {
		c := (rs.top[r-1] + rs.height[r-1] + rs.top[r]) / 2
		if c-top > most && last > top {
			end(last)
		}
		if c-top > most {
			end(c)
		}
		last = c
	}
	if height-top > most && last > top {
		end(last)
	}
	return append(bands, [2]float64{top, height})
}

// layout runs the layout's steps; Draw draws what it returns.
func layout(s *scenario.Scenario, o Options) (*graph, rows, int) {
	g := build(s, o.Best)
	if o.Marks {
		g.addMarks(s)
	}
	g.order()
	crossings := g.crossings()
	g.size(o.Title)
	g.place()
	return g, g.route(s.Start), crossings
}

// marked tells which kinds of mark the map has: problems, versions.
func marked(g *graph) (problems, versions bool) {
	for _, nd := range g.nodes[:g.steps] {
		problems = problems || nd.problem()
		versions = versions || nd.versioned()
	}
	return problems, versions
}

func startNode(g *graph, id string) *node {
	for _, nd := range g.nodes[:g.steps] {
		if nd.step.ID == id {
			return nd
		}
	}
	return nil
}

func quote(s string) string { return "“" + s + "”" }

// describe says in words what the map shows: the best path, with the choice to
// make at each step, and the endings.
func describe(s *scenario.Scenario, g *graph, o Options) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d steps, each a box numbered as on the scenario's page; each choice is an arrow from its letter: a good choice a solid line, a risky one dashed, a poor one dotted; the best path is drawn thicker.", g.steps)
	byID := map[string]*node{}
	for _, nd := range g.nodes[:g.steps] {
		if byID[nd.step.ID] == nil {
			byID[nd.step.ID] = nd
		}
	}
	var path []string
	for i, id := range o.Best {
		nd := byID[id]
		if nd == nil {
			continue
		}
		part := fmt.Sprintf("step %d, %s", nd.n, o.Title(nd.step))
		if i+1 < len(o.Best) {
			for _, e := range nd.outs {
				if e.best && e.label != "" {
					part += ", choose " + e.label
				}
			}
		}
		path = append(path, part)
	}
	if len(path) > 0 {
		b.WriteString(" The best path: " + strings.Join(path, "; ") + ".")
	}
	backs := 0
	for _, e := range g.edges {
		if e.back {
			backs++
		}
	}
	if backs > 0 {
		what := fmt.Sprintf("%d choices lead", backs)
		if backs == 1 {
			what = "1 choice leads"
		}
		fmt.Fprintf(&b, " %s back to an earlier step (or the same one), round the right-hand side.", what)
	}
	var ends []string
	for _, nd := range g.nodes[:g.steps] {
		if nd.step.Kind == scenario.Ending {
			e := fmt.Sprintf("step %d, %s", nd.n, o.Title(nd.step))
			if nd.step.Result != "" {
				e += " (" + nd.step.Result + ")"
			}
			ends = append(ends, e)
		}
	}
	if len(ends) > 0 {
		b.WriteString(" Endings: " + strings.Join(ends, "; ") + ".")
	}
	b.WriteString(describeMarks(g, o))
	return b.String()
}

func (o Options) withDefaults() Options {
	if o.Title == nil {
		o.Title = func(st *scenario.Step) string { return st.Title }
	}
	return o
}
