package browser_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/handout"
	"github.com/guidepack/guidepack/tools/internal/quality"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// mapGeometry is what checkMap finds wrong with the map on a page, as Chromium
// lays it out with the fonts it has: boxes that overlap, text that leaves its
// box, letters that leave their circle. Boxes counts the step boxes seen.
const mapGeometry = `(() => {
	const svg = document.querySelector('.gp-map svg');
	if (!svg) return {Boxes: 0, Problems: ['no map']};
	const r = e => { const b = e.getBoundingClientRect(); return {x: b.left, y: b.top, w: b.width, h: b.height}; };
	const inside = (a, b) => b.x >= a.x - 0.5 && b.y >= a.y - 0.5 && b.x + b.w <= a.x + a.w + 0.5 && b.y + b.h <= a.y + a.h + 0.5;
	const overlap = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
	const problems = [];
	const boxes = [];
	// A step's box is a shape of the boxes' layer; an ending's inner border and
	// a variant's bar, which have a fill of their own, are parts of one.
	for (const shape of svg.querySelectorAll('.gp-map__boxes rect:not([fill]), .gp-map__boxes path:not([fill])')) {
		const box = r(shape);
		if (box.w === 0 || box.h === 0) problems.push('a box not shown');
		boxes.push({name: '', box});
	}
	// Each line of words is inside the box it is on; each box has its number.
	for (const t of svg.querySelectorAll('.gp-map__words text')) {
		const tb = r(t);
		const b = boxes.find(b => inside(b.box, {x: tb.x + tb.w / 2, y: tb.y + tb.h / 2, w: 0, h: 0}));
		if (!b) { problems.push('"' + t.textContent + '" is on no box'); continue; }
		if (!inside(b.box, tb)) problems.push('"' + t.textContent + '" leaves its box ' + JSON.stringify([b.box, tb]));
		if (!b.name) b.name = t.textContent;
	}
	for (const [i, b] of boxes.entries()) {
		if (!b.name.startsWith('Step ')) problems.push('box ' + i + ' has no number: ' + JSON.stringify(b));
		for (const a of boxes.slice(0, i)) {
			if (overlap(a.box, b.box)) problems.push(b.name + ' overlaps ' + a.name);
		}
	}
	// Each choice's letter is inside its circle, and no circle is on a box.
	const letters = [...svg.querySelectorAll('text')].filter(t => !t.closest('.gp-map__words') && t.textContent.length === 1);
	for (const c of svg.querySelectorAll('circle')) {
		const cb = r(c);
		const t = letters.find(t => { const tb = r(t); return inside(cb, {x: tb.x + tb.w / 2, y: tb.y + tb.h / 2, w: 0, h: 0}); });
		if (!t) { problems.push('a circle without its letter'); continue; }
		if (!inside(cb, r(t))) problems.push('letter ' + t.textContent + ' leaves its circle');
		for (const b of boxes) {
			if (overlap(b.box, cb)) problems.push('letter ' + t.textContent + ' on ' + b.name);
		}
	}
	return {Boxes: boxes.length, Problems: problems};
})()`

type geometry struct {
	Boxes    int
	Problems []string
}

func checkMap(t *testing.T, p *browser.Page, c quiz.Compiled, where string) {
	t.Helper()
	var g geometry
	p.Eval(t, mapGeometry, &g)
	if g.Boxes != len(c.Steps) {
		t.Errorf("%s (%s): %d boxes on the map, want %d", c.ID, where, g.Boxes, len(c.Steps))
	}
	for _, pr := range g.Problems {
		t.Errorf("%s (%s): %s", c.ID, where, pr)
	}
}

// TestMapOnThePage: on each demo scenario's page, without JavaScript, the map
// is folded away under a summary that says it shows the answers; opened, no box
// overlaps, no text leaves its box, at 1024 px and at 320 px (where the region
// scrolls, and takes the keyboard's focus); axe finds nothing.
func TestMapOnThePage(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	axe := quality.AxeSource(t)
	dir, scs := demoScenarios(t)
	for _, c := range scs {
		for _, o := range []browser.Options{{NoJS: true}, {NoJS: true, Width: 320, Height: 640}} {
			w := o.Width
			if w == 0 {
				w = 1024
			}
			where := fmt.Sprintf("JS off, %d px", w)
			p := b.Open(t, pageURL(dir, c), o)
			var summary string
			var open bool
			p.Eval(t, `(() => { const d = document.querySelector('details.gp-scenario-map'); return d ? d.open : true; })()`, &open)
			p.Eval(t, `document.querySelector('details.gp-scenario-map > summary').textContent`, &summary)
			if open || !strings.Contains(summary, "shows the answers") {
				t.Errorf("%s (%s): the map is not folded away under a summary saying it shows the answers: open %v, %q", c.ID, where, open, summary)
			}
			p.Eval(t, `document.querySelector('details.gp-scenario-map').open = true`, nil)
			checkMap(t, p, c, where)
			var region struct {
				Scrolls, Focused bool
				Label            string
			}
			p.Eval(t, `(() => { const r = document.querySelector('.gp-map'); r.focus();
				return {Scrolls: r.scrollWidth > r.clientWidth, Focused: document.activeElement === r, Label: r.getAttribute('aria-label')}; })()`, &region)
			if !region.Focused || region.Label != "Map of "+c.Title {
				t.Errorf("%s (%s): the map's region: %+v", c.ID, where, region)
			}
			if o.Width == 320 && !region.Scrolls {
				t.Errorf("%s (%s): the map is squeezed into 320 px instead of scrolling", c.ID, where)
			}
			for _, v := range p.Axe(t, axe, nil) {
				t.Errorf("%s (%s, map open): %s", c.ID, where, v)
			}
			p.Close()
		}
	}
}

// TestMapOnTheEndScreen: with JavaScript, the map shows only once an ending is
// on screen, and passes axe there.
func TestMapOnTheEndScreen(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	axe := quality.AxeSource(t)
	dir, scs := demoScenarios(t)
	for _, c := range scs {
		p := b.Open(t, pageURL(dir, c), browser.Options{})
		shown := func() bool {
			var d string
			p.Eval(t, `getComputedStyle(document.querySelector('.gp-scenario-map')).display`, &d)
			return d != "none"
		}
		if shown() {
			t.Errorf("%s: the map (the answers) shows at the start", c.ID)
		}
		end := c.Best[len(c.Best)-1]
		p.Eval(t, `location.hash = '#`+c.ID+`--`+end+`'`, nil)
		waitFor(t, p, `!document.getElementById('`+c.ID+`--`+end+`').hidden`)
		if !shown() {
			t.Errorf("%s: no map on the end screen", c.ID)
		}
		p.Eval(t, `document.querySelector('details.gp-scenario-map').open = true`, nil)
		checkMap(t, p, c, "end screen")
		for _, v := range p.Axe(t, axe, nil) {
			t.Errorf("%s (end screen, map open): %s", c.ID, v)
		}
		p.Close()
	}
}

// waitFor waits until a JavaScript condition holds (Page.Wait).
func waitFor(t *testing.T, p *browser.Page, cond string) {
	t.Helper()
	p.Wait(t, cond)
}

// TestMapOnTheFacilitatorSheet: the facilitator sheet's map, on screen and as
// printed (print media), has no overlaps and no text out of its boxes; printed
// on A4 and on Letter it is the last page, all of it: every step and the key
// beneath, with the sheet's foot (which does not spill onto a page of its own).
func TestMapOnTheFacilitatorSheet(t *testing.T) {
	t.Parallel()
	handout.Tools(t)
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	for _, c := range scs {
		url := "file://" + filepath.ToSlash(filepath.Join(dir, "scenarios", c.ID, "facilitator.html"))
		p := b.Open(t, url, browser.Options{})
		checkMap(t, p, c, "sheet")
		p.Run(t, emulation.SetEmulatedMedia().WithMedia("print"))
		checkMap(t, p, c, "sheet, print media")
		for _, paper := range handout.Papers {
			pages := handout.Pages(t, handout.Print(t, p, paper))
			var on []int
			for i, pg := range pages {
				if strings.Contains(pg, "Map of the scenario") {
					on = append(on, i)
				}
			}
			// The map is the sheet's last page, with its foot: nothing spills over.
			if len(on) != 1 || on[0] != len(pages)-1 {
				t.Errorf("%s (%s): the map's heading is on pages %v of %d", c.ID, paper.Name, on, len(pages))
				continue
			}
			pg := pages[on[0]]
			for _, st := range c.Steps {
				if !strings.Contains(pg, fmt.Sprintf("Step %d · ", st.N)) {
					t.Errorf("%s (%s): printed, step %d is not on the map's page", c.ID, paper.Name, st.N)
				}
			}
			if !strings.Contains(pg, "Best path") || strings.Contains(pg, "Step by step") {
				t.Errorf("%s (%s): printed, the map's page is not the map alone, whole:\n%s", c.ID, paper.Name, pg)
			}
		}
		p.Close()
	}
}

// wideScenario has six choices at its start, each to its own ending: a map
// wider than tall, that prints larger on a landscape page.
const wideScenario = `
-- content/_index.md --
---
title: Wide
---
A pack with one wide scenario.
-- scenarios/wide.yaml --
id: wide
title: Six ways out
service: all
steps:
  - id: start
    situation: Six ways.
    choices:
      - {text: One., feedback: One., judgement: good, next: e1}
      - {text: Two., feedback: Two., judgement: risky, next: e2}
      - {text: Three., feedback: Three., judgement: poor, next: e3}
      - {text: Four., feedback: Four., judgement: poor, next: e4}
      - {text: Five., feedback: Five., judgement: risky, next: e5}
      - {text: Six., feedback: Six., judgement: poor, next: e6}
  - {id: e1, title: The first way out, ending: One., result: good}
  - {id: e2, title: The second way out, ending: Two., result: risky}
  - {id: e3, title: The third way out, ending: Three., result: poor}
  - {id: e4, title: The fourth way out, ending: Four., result: poor}
  - {id: e5, title: The fifth way out, ending: Five., result: risky}
  - {id: e6, title: The sixth way out, ending: Six., result: poor}
`

// TestWideMapPrintsLandscape: on the facilitator sheet, a map wider than tall
// is printed on a landscape page of its own (a named page, print.css's size for
// the rest); the sheet's other pages stay portrait.
func TestWideMapPrintsLandscape(t *testing.T) {
	t.Parallel()
	handout.Tools(t)
	b := browser.Start(t)
	s := sitetest.Build(t, wideScenario)
	s.AssertFile("scenarios/wide/facilitator.html", `class="gp-map-sheet gp-map-sheet--landscape"`)
	dir := s.Unzip()
	p := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(dir, "scenarios", "wide", "facilitator.html")), browser.Options{})
	for _, paper := range handout.Papers {
		pdf := handout.Print(t, p, paper)
		pages := handout.Pages(t, pdf)
		f := filepath.Join(t.TempDir(), "wide.pdf")
		if err := os.WriteFile(f, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdfinfo", "-f", "1", "-l", fmt.Sprint(len(pages)), f).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		var sizes []string // "portrait" or "landscape", page by page
		for _, l := range strings.Split(string(out), "\n") {
			var n int
			var w, h float64
			if _, err := fmt.Sscanf(l, "Page %d size: %f x %f", &n, &w, &h); err == nil {
				sizes = append(sizes, map[bool]string{true: "landscape", false: "portrait"}[w > h])
			}
		}
		if len(sizes) != len(pages) {
			t.Fatalf("pdfinfo: %d page sizes for %d pages:\n%s", len(sizes), len(pages), out)
		}
		for i, pg := range pages {
			want := "portrait"
			if strings.Contains(pg, "Map of the scenario") {
				want = "landscape"
				for _, w := range []string{"Step 1 · Situation", "Step 7 · Ending", "Best path"} {
					if !strings.Contains(pg, w) {
						t.Errorf("page %d, the map's, lacks %q", i+1, w)
					}
				}
			}
			if sizes[i] != want {
				t.Errorf("%s: page %d is %s, want %s:\n%s", paper.Name, i+1, sizes[i], want, pg)
			}
		}
		// The map's page is the last: the sheet's foot does not take a page of its own.
		if last := pages[len(pages)-1]; !strings.Contains(last, "Map of the scenario") {
			t.Errorf("%s: the last page is not the map's:\n%s", paper.Name, last)
		}
		t.Logf("%s: pages %v", paper.Name, sizes)
	}
}

// TestMapEscapesAuthorText: a title with angle brackets, quotes and ampersands
// (tags in a title stop the build: a title is plain text) reaches
// the built page's map as text, on the page and in the region's label; in
// Chromium nothing of it runs and the map reads as written.
func TestMapEscapesAuthorText(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, `
-- content/_index.md --
---
title: Escapes
---
One scenario.
-- scenarios/x.yaml --
id: x
title: "Tom & \"Jerry\" <3"
service: all
steps:
  - id: start
    title: "x < 'map' > y & \"quotes\""
    situation: A request.
    choices:
      - {text: Go., feedback: Fine., judgement: good, next: end}
  - {id: end, title: "\" onload=\"alert(1)\" x=\"", ending: Done., result: good}
`)
	s.AssertFile("scenarios/x.html",
		`aria-label="Map of Tom &amp; &#34;Jerry&#34; &lt;3"`,
		`x &lt; &#39;map&#39; &gt; y &amp; &#34;quotes&#34;`,
		`&#34; onload=&#34;alert(1)&#34; x=&#34;`,
		`! onload="alert`)
	b := browser.Start(t)
	p := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(s.Unzip(), "scenarios", "x.html")), browser.Options{})
	var got struct {
		Texts  string
		Label  string
		Images int
	}
	p.Eval(t, `(() => ({Texts: Array.from(document.querySelectorAll('.gp-map .gp-map__words text')).map(t => t.textContent).join(' '),
		Label: document.querySelector('.gp-map').getAttribute('aria-label'), Images: document.querySelectorAll('.gp-map img, .gp-map script').length}))()`, &got)
	if !strings.Contains(got.Texts, `x < 'map' > y & "quotes"`) || !strings.Contains(got.Texts, `" onload="alert(1)" x="`) ||
		got.Label != `Map of Tom & "Jerry" <3` || got.Images != 0 {
		t.Errorf("the map does not read as written: %+v", got)
	}
	if pr := p.Problems(); len(pr) > 0 {
		t.Errorf("problems: %v", pr)
	}
}
