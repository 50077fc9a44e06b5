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
	white   = "#ffffff"
	good    = "#00703c"
	risky   = "#8a4b00"
	poor    = "#b10e1e"
	neutral = "#505a5f"
)

// look is how a judgement's edges are drawn.
type look struct {
	colour, dash, words string
}

var looks = map[string]look{
	"good":  {good, "", "Good choice"},
	"risky": {risky, "7 4", "Risky choice"},
	"poor":  {poor, "2 3", "Poor choice"},
	"":      {neutral, "", ""},
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

// svg writes the drawing.
type svg struct {
	strings.Builder
	id string // the scenario's id, to make the markers' ids unique on a page
}

func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

func (w *svg) f(format string, args ...any) { fmt.Fprintf(w, format, args...) }

func (w *svg) marker(j string) string { return w.id + "-to-" + map[string]string{"": "next"}[j] + j }

func (w *svg) defs() {
	w.f(`<defs>`)
	for _, j := range []string{"good", "risky", "poor", ""} {
		l := looks[j]
		shape := `<path d="M0,0L10,5L0,10z" fill="` + l.colour + `"/>`
		switch j {
		case "risky":
			shape = `<path d="M1,1L9,5L1,9z" fill="` + white + `" stroke="` + l.colour + `" stroke-width="1.5"/>`
		case "poor":
			shape = `<path d="M0,5L5,0.5L10,5L5,9.5z" fill="` + l.colour + `"/>`
		}
		w.f(`<marker id="%s" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto">%s</marker>`, w.marker(j), shape)
	}
	w.f("</defs>\n")
}

// edge draws an edge's line; its letter comes later, over the lines.
func (w *svg) edge(e *edge) {
	l := looks[e.judgement]
	var d strings.Builder
	p := e.points
	d.WriteString("M" + num(p[0].x) + "," + num(p[0].y))
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
	width := "1.75"
	if e.best {
		width = "3.5"
	}
	w.f(`<path d="%s" fill="none" stroke="%s" stroke-width="%s"`, d.String(), l.colour, width)
	if l.dash != "" {
		w.f(` stroke-dasharray="%s"`, l.dash)
	}
	w.f(` marker-end="url(#%s)"/>`+"\n", w.marker(e.judgement))
}

func (w *svg) letter(e *edge) {
	if e.label == "" {
		return
	}
	l := looks[e.judgement]
	cx, cy := num(e.port.x), num(e.port.y+labelDrop)
	w.f(`<circle cx="%s" cy="%s" r="%s" fill="%s" stroke="%s" stroke-width="1.5"/>`, cx, cy, num(labelR), white, l.colour)
	w.f(`<text x="%s" y="%s" font-size="11" font-weight="bold" text-anchor="middle" fill="%s">%s</text>`+"\n", cx, num(e.port.y+labelDrop+4), l.colour, e.label)
}

// box draws a step: its shape tells its kind (and the words say it too).
func (w *svg) box(nd *node, top float64, title func(*scenario.Step) string) {
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
	w.f(`<g>`)
	if nd.truncated {
		w.f("<title>%s</title>\n", esc(title(st)))
	}
	rect := func(inset, rx float64, fill, stroke, sw string) {
		w.f(`<rect x="%s" y="%s" width="%s" height="%s"`, num(x0+inset), num(y0+inset), num(wd-2*inset), num(h-2*inset))
		if rx > 0 {
			w.f(` rx="%s"`, num(rx))
		}
		w.f(` fill="%s" stroke="%s" stroke-width="%s"%s/>`, fill, stroke, sw, dash)
	}
	switch st.Kind {
	case scenario.Question: // a hexagon
		c := 9.0
		w.f(`<path d="M%s,%sH%sL%s,%sL%s,%sH%sL%s,%sz" fill="%s" stroke="%s" stroke-width="%s"%s/>`,
			num(x0+c), num(y0), num(x0+wd-c), num(x0+wd), num(y0+h/2), num(x0+wd-c), num(y0+h), num(x0+c), num(x0), num(y0+h/2),
			fill, stroke, sw, dash)
	case scenario.Reflection: // rounded
		rect(0, 10, fill, stroke, sw)
	case scenario.Ending: // a pill with a double border
		rect(0, 18, fill, stroke, sw)
		rect(3.5, 14.5, "none", stroke, "1")
	default: // a situation: square corners
		rect(0, 0, fill, stroke, sw)
	}
	if nd.versioned() { // changed or added by a variant: a bar at the left
		bx, gap := versionBar(st.Kind, h)
		w.f(`<rect x="%s" y="%s" width="3" height="%s" fill="%s"/>`, num(x0+bx), num(y0+gap), num(h-2*gap), ink)
	}
	for _, t := range texts(nd, top) {
		w.f(`<text x="%s" y="%s"`, num(t.x), num(t.y))
		if t.size != titleSize {
			w.f(` font-size="%s"`, num(t.size))
		}
		if t.bold {
			w.f(` font-weight="bold"`)
		}
		if t.fill != ink {
			w.f(` fill="%s"`, t.fill)
		}
		w.f(">%s</text>\n", esc(t.s)) // a line apart, so the page's text reads as words
	}
	w.f("</g>\n")
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
	x0 := nd.x - nd.w/2
	w.f(`<path d="M%s,%sV%sH%sV%s" fill="%s" stroke="%s" stroke-width="1.25"/>`, num(x0), num(top), num(top-startTab), num(x0+46), num(top), ink, ink)
	w.f(`<text x="%s" y="%s" font-size="11" font-weight="bold" fill="%s">Start</text>`+"\n", num(x0+6), num(top-5), white)
}

// legend explains the lines, in rows as wide as the drawing allows.
func (w *svg) legend(y, maxW float64, problems, versions bool) float64 {
	type item struct{ j, words string }
	items := []item{{"good", "Good choice"}, {"risky", "Risky choice"}, {"poor", "Poor choice"}, {"good", "Best path"}}
	x := margin
	y += 14
	for i, it := range items {
		wd := 44 + width(it.words, 12, false) + 20
		if x > margin && x+wd > maxW-margin {
			x, y = margin, y+20
		}
		l := looks[it.j]
		sw := "1.75"
		if i == 3 {
			sw = "3.5"
		}
		w.f(`<path d="M%s,%sH%s" fill="none" stroke="%s" stroke-width="%s"`, num(x), num(y), num(x+36), l.colour, sw)
		if l.dash != "" {
			w.f(` stroke-dasharray="%s"`, l.dash)
		}
		w.f(` marker-end="url(#%s)"/>`, w.marker(it.j))
		w.f(`<text x="%s" y="%s" font-size="12">%s</text>`+"\n", num(x+44), num(y+4), it.words)
		x += wd
	}
	// The authors' marks, a row each: a box's dashed border, a bar.
	if problems {
		y += 24
		w.f(`<rect x="%s" y="%s" width="36" height="14" fill="%s" stroke="%s" stroke-width="3" stroke-dasharray="6 3"/>`, num(margin), num(y-7), white, poor)
		w.f(`<text x="%s" y="%s" font-size="12">A problem to fix (the box says which)</text>`+"\n", num(margin+44), num(y+4))
	}
	if versions {
		y += 24
		w.f(`<rect x="%s" y="%s" width="3" height="14" fill="%s"/>`, num(margin+4), num(y-7), ink)
		w.f(`<text x="%s" y="%s" font-size="12">Changed or added by this version</text>`+"\n", num(margin+44), num(y+4))
	}
	return y + 12
}
