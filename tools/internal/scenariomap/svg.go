package scenariomap

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// Colours, as on the pages (assets/css/base.css): each judgement's colour has a
// contrast of at least 4.5:1 with white and with its ending's fill
// (TestContrast), and every line style has its own dashes and arrowhead too, so
// colour never tells a judgement alone.
const (
	ink     = "#1b1b1b"
	muted   = "#505a5f"
	white   = "#fff"
	good    = "#00703c"
	risky   = "#8a4b00"
	poor    = "#b10e1e"
	neutral = "#505a5f"
)

// look is how a judgement's edges are drawn; mark names its arrowhead.
type look struct {
	colour, dash, words, mark string
}

var looks = map[string]look{
	"good":  {good, "", "Good choice", "g"},
	"risky": {risky, "7 4", "Risky choice", "r"},
	"poor":  {poor, "2 3", "Poor choice", "p"},
	"":      {neutral, "", "", "n"},
}

// fills of the boxes, by kind, and of endings by result.
var fills = map[string]string{
	scenario.Situation:  white,
	scenario.Question:   "#eef4fa",
	scenario.Reflection: "#f3f2f1",
	"good":              "#e7f2eb",
	"risky":             "#fbf1e6",
	"poor":              "#fbeaea",
}

var kindWords = map[string]string{
	scenario.Situation: "Situation", scenario.Question: "Question",
	scenario.Reflection: "Reflection", scenario.Ending: "Ending",
}

// svg writes the drawing. It stays small (it is written on a scenario's page
// and again on its facilitator sheet): presentation attributes are written once
// for each group of elements that share them (see grouped), numbers with at
// most one decimal, ids short.
type svg struct {
	strings.Builder
	id string // the scenario's id, to make the ids unique on a page
	// band, when set, is the only part of the drawing that shows (a part's
	// viewBox, Map.Parts): what lies wholly above or below it is left out.
	band *[2]float64
}

// shows tells whether something between y0 and y1 shows in the drawing.
func (w *svg) shows(y0, y1 float64) bool {
	return w.band == nil || y1 >= w.band[0] && y0 <= w.band[1]
}

func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

func (w *svg) f(format string, args ...any) { fmt.Fprintf(w, format, args...) }

// marker is the id of a judgement's arrowhead.
func (w *svg) marker(j string) string { return w.id + "-m" + looks[j].mark }

func (w *svg) defs() {
	w.WriteString(`<defs>`)
	for _, j := range []string{"good", "risky", "poor", ""} {
		l := looks[j]
		shape := `<path d="M0,0L10,5L0,10z" fill="` + l.colour + `"/>`
		switch j {
		case "risky":
			shape = `<path d="M1,1L9,5L1,9z" fill="` + white + `" stroke="` + l.colour + `" stroke-width="1.5"/>`
		case "poor":
			shape = `<path d="M0,5L5,0.5L10,5L5,9.5z" fill="` + l.colour + `"/>`
		}
		// No viewBox: its units are the drawing's (markerUnits), and it clips
		// what it draws to 10×10 (a risky arrowhead's sharp tip).
		w.f(`<marker id="%s" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">%s</marker>`, w.marker(j), shape)
	}
	w.WriteString("</defs>\n")
}

// el is an element and the presentation attributes it shares with others
// (written on their group, each starting with a space).
type el struct {
	attrs, markup string
	hidden        bool // outside the band: left out, but its group keeps its place
}

// grouped writes els in a group for each set of attributes, in the order each
// set first appears, hidden elements included, so that a part of the drawing
// (Map.Parts) stacks its groups as the whole does (elements of no attributes
// stand alone, where the first of them would be).
func (w *svg) grouped(els []el) {
	var order []string
	by := map[string][]string{}
	for _, e := range els {
		if _, ok := by[e.attrs]; !ok {
			order = append(order, e.attrs)
			by[e.attrs] = nil
		}
		if !e.hidden {
			by[e.attrs] = append(by[e.attrs], e.markup)
		}
	}
	for _, a := range order {
		if len(by[a]) == 0 {
			continue
		}
		if a != "" {
			w.WriteString("<g" + a + ">")
		}
		for _, m := range by[a] {
			w.WriteString(m)
		}
		if a != "" {
			w.WriteString("</g>")
		}
	}
}

// shown tells whether any of els shows.
func shown(els []el) bool {
	for _, e := range els {
		if !e.hidden {
			return true
		}
	}
	return false
}

// edges draws the edges' lines, grouped by look; their letters come later,
// over the lines.
func (w *svg) edges(es []*edge) {
	els := make([]el, 0, len(es))
	for _, e := range es {
		y0, y1 := e.points[0].y, e.points[0].y
		for _, p := range e.points {
			y0, y1 = min(y0, p.y), max(y1, p.y)
		}
		x := w.edge(e)
		x.hidden = !w.shows(y0-10, y1+10) // with its arrowhead
		els = append(els, x)
	}
	w.WriteString(`<g fill="none" stroke-width="1.75">`)
	w.grouped(els)
	w.WriteString("</g>\n")
}

func (w *svg) edge(e *edge) el {
	l := looks[e.judgement]
	var d strings.Builder
	p := e.points
	d.WriteString(`<path d="M` + num(p[0].x) + "," + num(p[0].y))
	for i := 1; i < len(p); i++ {
		a, b := p[i-1], p[i]
		switch {
		case a.x == b.x:
			d.WriteString("V" + num(b.y))
		case a.y == b.y:
			d.WriteString("H" + num(b.x))
		default:
			m := (a.y + b.y) / 2
			d.WriteString("C" + num(a.x) + "," + num(m) + " " + num(b.x) + "," + num(m) + " " + num(b.x) + "," + num(b.y))
		}
	}
	d.WriteString(`"/>`)
	attrs := ` stroke="` + l.colour + `"`
	if e.best { // drawn heavier than its group's 1.75
		attrs += ` stroke-width="3.5"`
	}
	if l.dash != "" {
		attrs += ` stroke-dasharray="` + l.dash + `"`
	}
	return el{attrs: attrs + ` marker-end="url(#` + w.marker(e.judgement) + `)"`, markup: d.String()}
}

// letters draws each choice's letter in a circle below its box.
func (w *svg) letters(es []*edge) {
	var circles, letters []el
	for _, e := range es {
		if e.label == "" {
			continue
		}
		hidden := !w.shows(e.port.y+labelDrop-labelR, e.port.y+labelDrop+labelR)
		l := looks[e.judgement]
		cx, cy := num(e.port.x), num(e.port.y+labelDrop)
		circles = append(circles, el{` stroke="` + l.colour + `"`, `<circle cx="` + cx + `" cy="` + cy + `" r="` + num(labelR) + `"/>`, hidden})
		letters = append(letters, el{` fill="` + l.colour + `"`, `<text x="` + cx + `" y="` + num(e.port.y+labelDrop+4) + `">` + e.label + "</text>", hidden})
	}
	if !shown(circles) {
		return
	}
	w.WriteString(`<g fill="` + white + `" stroke-width="1.5">`)
	w.grouped(circles)
	w.WriteString(`</g><g font-size="11" font-weight="bold" text-anchor="middle">`)
	w.grouped(letters)
	w.WriteString("</g>\n")
}

// boxes draws the steps' shapes (the shape tells a step's kind, and the words
// say it too), then their words, each in a group of its own: the boxes never
// overlap.
func (w *svg) boxes(nodes []*node, top func(*node) float64, title func(*scenario.Step) string) {
	els := make([]el, 0, len(nodes))
	var words []el
	for _, nd := range nodes {
		hidden := !w.shows(top(nd)-startTab, top(nd)+nd.h) // with the start's tab
		b := box(nd, top(nd), title)
		b.hidden = hidden
		els = append(els, b)
		for _, t := range texts(nd, top(nd)) {
			var attrs string
			if t.size != titleSize {
				attrs += ` font-size="` + num(t.size) + `"`
			}
			if t.bold {
				attrs += ` font-weight="bold"`
			}
			if t.fill != ink {
				attrs += ` fill="` + t.fill + `"`
			}
			// A line apart, so the page's text reads as words.
			words = append(words, el{attrs, `<text x="` + num(t.x) + `" y="` + num(t.y) + `">` + esc(t.s) + "</text>\n", hidden})
		}
	}
	w.WriteString(`<g class="gp-map__boxes">`)
	w.grouped(els)
	w.WriteString("</g>\n" + `<g class="gp-map__words">`)
	w.grouped(words)
	w.WriteString("</g>\n")
}

// box is a step's shape: a situation's square, a question's hexagon, a
// reflection's rounded box, an ending's pill with a double border.
func box(nd *node, top float64, title func(*scenario.Step) string) el {
	st := nd.step
	x0, y0, wd, h := nd.x-nd.w/2, top, nd.w, nd.h
	stroke, sw := muted, "1.25"
	if nd.best {
		stroke, sw = ink, "2.5"
	}
	fill := fills[st.Kind]
	if st.Kind == scenario.Ending {
		fill = fills[st.Result]
		if fill == "" {
			fill = white
		}
		if c := looks[st.Result].colour; st.Result != "" {
			stroke = c
		}
	}
	dash := ""
	if nd.problem() { // a problem for the author: a thick dashed border
		stroke, sw, dash = poor, "3", ` stroke-dasharray="6 3"`
	}
	// A title cut short is whole in the shape's tooltip.
	tip := ""
	if nd.truncated {
		tip = "<title>" + esc(title(st)) + "</title>"
	}
	var b strings.Builder
	rect := func(inset, rx float64, more, tip string) {
		b.WriteString(`<rect x="` + num(x0+inset) + `" y="` + num(y0+inset) + `" width="` + num(wd-2*inset) + `" height="` + num(h-2*inset) + `"`)
		if rx > 0 {
			b.WriteString(` rx="` + num(rx) + `"`)
		}
		b.WriteString(more)
		if tip != "" {
			b.WriteString(">" + tip + "</rect>")
			return
		}
		b.WriteString("/>")
	}
	switch st.Kind {
	case scenario.Question: // a hexagon
		c := 9.0
		b.WriteString(`<path d="M` + num(x0+c) + "," + num(y0) + "H" + num(x0+wd-c) + "L" + num(x0+wd) + "," + num(y0+h/2) + "L" + num(x0+wd-c) + "," + num(y0+h) +
			"H" + num(x0+c) + "L" + num(x0) + "," + num(y0+h/2) + `z"`)
		if tip != "" {
			b.WriteString(">" + tip + "</path>")
		} else {
			b.WriteString("/>")
		}
	case scenario.Reflection: // rounded
		rect(0, 10, "", tip)
	case scenario.Ending: // a pill with a double border
		rect(0, 18, "", tip)
		rect(3.5, 14.5, ` fill="none" stroke-width="1"`, "")
	default: // a situation: square corners
		rect(0, 0, "", tip)
	}
	if nd.versioned() { // changed or added by a variant: a bar at the left
		bx, gap := versionBar(st.Kind, h)
		b.WriteString(`<rect x="` + num(x0+bx) + `" y="` + num(y0+gap) + `" width="3" height="` + num(h-2*gap) + `" fill="` + ink + `" stroke="none"/>`)
	}
	return el{attrs: ` fill="` + fill + `" stroke="` + stroke + `" stroke-width="` + sw + `"` + dash, markup: b.String()}
}

// text is a line of text in a box; y is its baseline.
type text struct {
	s          string
	x, y, size float64
	bold       bool
	fill       string
}

// texts returns the lines of a step's box: its number and kind, its title, and
// an ending's result.
func texts(nd *node, top float64) []text {
	st := nd.step
	x := nd.x - nd.w/2 + padX
	if st.Kind == scenario.Ending {
		x = nd.x - nd.w/2 + endPadX
	}
	y := top + padY + metaLine - 4
	out := []text{{fmt.Sprintf("Step %d · %s", nd.n, kindWords[st.Kind]), x, y, metaSize, false, muted}}
	for _, line := range nd.title {
		y += titleLine
		out = append(out, text{line, x, y, titleSize, false, ink})
	}
	if st.Kind == scenario.Ending && st.Result != "" {
		y += metaLine
		out = append(out, text{"Result: " + st.Result, x, y, metaSize, true, looks[st.Result].colour})
	}
	for _, m := range nd.marks {
		y += metaLine
		fill := ink
		if m.problem {
			fill = poor
		}
		out = append(out, text{m.words, x, y, metaSize, true, fill})
	}
	return out
}

// start marks the start step with a tab on its top-left corner.
func (w *svg) start(nd *node, top float64) {
	if !w.shows(top-startTab, top) {
		return
	}
	x0 := nd.x - nd.w/2
	w.WriteString(`<path d="M` + num(x0) + "," + num(top) + "V" + num(top-startTab) + "H" + num(x0+46) + "V" + num(top) + `" stroke="` + ink + `" stroke-width="1.25"/>`)
	w.WriteString(`<text x="` + num(x0+6) + `" y="` + num(top-5) + `" font-size="11" font-weight="bold" fill="` + white + `">Start</text>` + "\n")
}

// legend explains the lines, in rows as wide as the drawing allows.
func (w *svg) legend(y, maxW float64, problems, versions bool) float64 {
	out, top := w, y
	w = &svg{id: w.id} // written below if it shows
	type item struct{ j, words string }
	items := []item{{"good", "Good choice"}, {"risky", "Risky choice"}, {"poor", "Poor choice"}, {"good", "Best path"}}
	x := margin
	y += 14
	var lines []el
	var words strings.Builder
	for i, it := range items {
		wd := 44 + width(it.words, 12, false) + 20
		if x > margin && x+wd > maxW-margin {
			x, y = margin, y+20
		}
		e := &edge{judgement: it.j, best: i == 3, points: []point{{x, y}, {x + 36, y}}}
		lines = append(lines, w.edge(e))
		words.WriteString(`<text x="` + num(x+44) + `" y="` + num(y+4) + `">` + it.words + "</text>\n")
		x += wd
	}
	w.WriteString(`<g font-size="12"><g fill="none" stroke-width="1.75">`)
	w.grouped(lines)
	w.WriteString("</g>\n" + words.String())
	// The authors' marks, a row each: a box's dashed border, a bar.
	if problems {
		y += 24
		w.WriteString(`<rect x="` + num(margin) + `" y="` + num(y-7) + `" width="36" height="14" fill="` + white + `" stroke="` + poor + `" stroke-width="3" stroke-dasharray="6 3"/>`)
		w.WriteString(`<text x="` + num(margin+44) + `" y="` + num(y+4) + `">A problem to fix (the box says which)</text>` + "\n")
	}
	if versions {
		y += 24
		w.WriteString(`<rect x="` + num(margin+4) + `" y="` + num(y-7) + `" width="3" height="14" fill="` + ink + `"/>`)
		w.WriteString(`<text x="` + num(margin+44) + `" y="` + num(y+4) + `">Changed or added by this version</text>` + "\n")
	}
	w.WriteString("</g>\n")
	if out.shows(top, y+12) {
		out.WriteString(w.String())
	}
	return y + 12
}
