package quality_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/quality"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// disabled axe rules, each with why. (None: every WCAG 2.x A/AA rule runs.)
var disabled = map[string]string{}

func fileURL(dir, rel string) string { return "file://" + filepath.ToSlash(filepath.Join(dir, rel)) }

// TestAccessibleEveryPage runs axe-core with the WCAG 2.0/2.1/2.2 A and AA rules
// on every page of the demo pack (unzipped, by file://): with JavaScript on,
// with it off, and at a 320 px wide viewport.
func TestAccessibleEveryPage(t *testing.T) {
	t.Parallel()
	axe := quality.AxeSource(t)
	b := browser.Start(t)
	dir := sitetest.DemoUnzipped(t)
	pages := quality.Pages(t, dir)
	for _, mode := range []struct {
		name string
		o    browser.Options
	}{
		{"JS on", browser.Options{}},
		{"JS off", browser.Options{NoJS: true}},
		{"320px", browser.Options{Width: 320, Height: 640}},
	} {
		for _, rel := range pages {
			p := b.Open(t, fileURL(dir, rel), mode.o)
			for _, v := range p.Axe(t, axe, disabled) {
				t.Errorf("%s (%s): %s", rel, mode.name, v)
			}
			p.Close()
		}
	}
	t.Logf("axe: %d pages × 3 modes", len(pages))
}

// TestAccessibleSearchResults runs axe on the search page with results shown.
func TestAccessibleSearchResults(t *testing.T) {
	t.Parallel()
	axe := quality.AxeSource(t)
	b := browser.Start(t)
	dir := sitetest.DemoUnzipped(t)
	p := b.Open(t, fileURL(dir, "search.html")+"?q=friend+request", browser.Options{})
	p.Wait(t, `document.querySelectorAll('.gp-search__result').length > 0`)
	for _, v := range p.Axe(t, axe, disabled) {
		t.Errorf("search.html with results: %s", v)
	}
}

// TestValidHTML runs the Nu HTML Checker on every page as built, and on the DOM
// of the scenario pages and the search page after their scripts have run.
func TestValidHTML(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir := sitetest.DemoUnzipped(t)
	var files []string
	for _, rel := range quality.Pages(t, dir) {
		files = append(files, filepath.Join(dir, rel))
	}
	after := t.TempDir()
	for _, rel := range append(scenarioPages(t, dir), "search.html") {
		u := fileURL(dir, rel)
		if rel == "search.html" {
			u += "?q=friend"
		}
		p := b.Open(t, u, browser.Options{})
		if strings.HasPrefix(rel, "scenarios/") {
			// Show a choice's feedback: the script's own markup.
			p.Wait(t, `!document.querySelector('.gp-scenario') || document.querySelector('.gp-scenario--js .gp-scenario__choose')`)
			var chose bool
			p.Eval(t, `(() => { const b = document.querySelector('.gp-scenario__choose'); if (b) b.click(); return !!b; })()`, &chose)
			if chose {
				p.Wait(t, `Array.from(document.querySelectorAll('.gp-scenario__result')).some(r => !r.hidden && r.textContent)`)
			}
		} else {
			p.Wait(t, `document.querySelectorAll('.gp-search__result').length > 0`)
		}
		var html string
		p.Eval(t, `'<!DOCTYPE html>\n' + document.documentElement.outerHTML`, &html)
		f := filepath.Join(after, strings.ReplaceAll(rel, "/", "_"))
		if err := os.WriteFile(f, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
		p.Close()
	}
	for _, e := range quality.VNU(t, files...) {
		t.Errorf("%s", e)
	}
	t.Logf("vnu: %d files", len(files))
}

func scenarioPages(t *testing.T, dir string) []string {
	var out []string
	for _, rel := range quality.Pages(t, dir) {
		if strings.HasPrefix(rel, "scenarios/") && !strings.Contains(rel, "/index.html") && strings.Count(rel, "/") == 1 && rel != "scenarios/index.html" {
			out = append(out, rel)
		}
	}
	if len(out) < 4 {
		t.Fatalf("scenario pages: %q", out)
	}
	return out
}

// TestChecksCatchABrokenPage proves the checks can fail: a page with an image
// without alt text and an inline onclick fails axe, vnu and the CSP run, and the
// messages name the page and the problem.
func TestChecksCatchABrokenPage(t *testing.T) {
	t.Parallel()
	axe := quality.AxeSource(t)
	b := browser.Start(t)
	dir := t.TempDir()
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Broken</title></head>
<body><main><h1>Broken</h1><img src="x.png"><button onclick="window.x=1">Go</button><p style="color:#ccc">faint</p><div id="a"></div><div id="a"></div></main></body></html>`
	os.WriteFile(filepath.Join(dir, "broken.html"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "x.png"), []byte{}, 0o644)

	p := b.Open(t, fileURL(dir, "broken.html"), browser.Options{})
	var rules []string
	for _, v := range p.Axe(t, axe, disabled) {
		rules = append(rules, v.String())
	}
	all := strings.Join(rules, "\n")
	for _, want := range []string{"image-alt", "img", "color-contrast"} {
		if !strings.Contains(all, want) {
			t.Errorf("axe missed %q; found:\n%s", want, all)
		}
	}
	var vnu []string
	for _, e := range quality.VNU(t, filepath.Join(dir, "broken.html")) {
		vnu = append(vnu, e.String())
	}
	if s := strings.Join(vnu, "\n"); !strings.Contains(s, "broken.html") || !strings.Contains(s, `Duplicate ID “a”`) || !strings.Contains(s, "alt") {
		t.Errorf("vnu missed the duplicate id or the missing alt; found:\n%s", s)
	}
	srv := quality.Serve(t, dir)
	c := b.Open(t, srv+"/broken.html", browser.Options{})
	c.Run(t, chromedp.Click("button", chromedp.ByQuery))
	reported := c.WaitProblem("Content Security Policy")
	var ran bool
	c.Eval(t, `window.x === 1`, &ran)
	problems := strings.Join(c.Problems(), "\n")
	if ran || !reported {
		t.Errorf("the inline handler ran (%v) or its violation was not reported:\n%s", ran, problems)
	}
}

// TestKeyboard tabs through the home page and a scenario page: every link,
// button and field receives focus, in document order, and the focus is visible.
func TestKeyboard(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir := sitetest.DemoUnzipped(t)
	for _, rel := range []string{"index.html", "scenarios/friend-request-adults.html", "search.html"} {
		p := b.Open(t, fileURL(dir, rel), browser.Options{})
		var want []string
		p.Eval(t, `Array.from(document.querySelectorAll('a[href], button, input, textarea, select, summary, [tabindex]:not([tabindex="-1"])'))
			.filter(e => e.getClientRects().length && !e.disabled && !e.closest('[hidden]'))
			.map(e => e.outerHTML.slice(0, 80))`, &want)
		var got []string
		for i := 0; i < len(want)+2; i++ {
			p.Run(t, chromedp.KeyEvent("\t"))
			var f struct {
				Tag     string
				Visible bool
			}
			p.Eval(t, `(() => {
				const e = document.activeElement;
				if (!e || e === document.body) return {Tag: '', Visible: false};
				const s = getComputedStyle(e);
				const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none' ||
					s.backgroundColor === 'rgb(255, 221, 0)';
				return {Tag: e.outerHTML.slice(0, 80), Visible: visible};
			})()`, &f)
			if f.Tag == "" {
				break
			}
			if !f.Visible {
				t.Errorf("%s: focus is not visible on %s", rel, f.Tag)
			}
			got = append(got, f.Tag)
		}
		if len(got) < len(want) {
			t.Errorf("%s: tabbing reached %d of %d controls", rel, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("%s: tab stop %d is %s, want %s (document order)", rel, i+1, got[i], want[i])
				break
			}
		}
		t.Logf("%s: %d tab stops", rel, len(got))
	}
}

// TestAuthorHTMLFailsTheBuild: raw HTML in author Markdown (a page, an FAQ
// answer, a case, a scenario) stops the build with a message naming where.
func TestAuthorHTMLFailsTheBuild(t *testing.T) {
	t.Parallel()
	s := sitetest.Try(t, `
-- content/a.md --
---
title: A
---
Text <script>window.pwned=1</script>
-- data/faq.yaml --
- id: q
  question: Q?
  answer: <img src=x onerror="window.pwned=2">
-- data/cases.yaml --
- id: c
  title: C
  role: Carer
  happened: Fine.
  mattered: "</script><script>window.pwned=3</script>"
-- scenarios/s.yaml --
id: s
title: S
service: all
steps:
  - id: a
    situation: <iframe src="javascript:window.pwned=4"></iframe>
    choices:
      - text: Go.
        feedback: Fine.
        judgement: good
        next: b
  - id: b
    ending: Done.
`)
	s.AssertError(
		"content/a.md:4:6: raw HTML <script> in the page",
		"data/faq.yaml:3:11: raw HTML <img… in answer",
		"data/cases.yaml:5:14: raw HTML </script> in mattered",
		"scenarios/s.yaml:6:16: raw HTML <iframe… in situation",
	)
	// javascript: links, in a page and in a scenario.
	s = sitetest.Try(t, `
-- content/b.md --
---
title: B
---
A [link](javascript:window.pwned=5).
`)
	s.AssertError(`content/b.md:4:10: link "javascript:window.pwned=5" uses the scheme "javascript"`)
	s = sitetest.Try(t, `
-- scenarios/s.yaml --
id: s
title: S
service: all
steps:
  - id: a
    situation: A situation.
    choices:
      - text: Go.
        feedback: "[Click](javascript:window.pwned=6)"
        judgement: good
        next: b
  - id: b
    ending: Done.
`)
	s.AssertError(`scenarios/s.yaml:9:28: link "javascript:window.pwned=6" uses the scheme "javascript"`)
}

// TestAuthorTextIsInert builds a pack whose author text carries script
// payloads that pass the build's checks (titles, descriptions, questions, code
// spans); in the browser none of them runs. (javascript: links fail the build.)
func TestAuthorTextIsInert(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	// Tags in plain-text fields (titles, questions) stop the build, so those get
	// a payload that tries to break out of an attribute or a script's JSON
	// instead; Markdown gets the tags, in code spans.
	plain := `" onfocus="window.pwned=3" autofocus x="';window.pwned=4;//`
	payload := `</script><script>window.pwned=1</script><img src=x onerror="window.pwned=2">`
	site := sitetest.Build(t, fmt.Sprintf(`
-- content/_index.md --
---
title: Home
---
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/a.md --
---
title: %[1]q
description: %[1]q
keywords: [%[1]q]
---
A %[2]s code span.
-- data/faq.yaml --
- id: q
  question: %[1]q
  answer: 'Answer with %[2]s in a code span.'
  keywords: [%[1]q]
-- content/faq.md --
---
title: FAQ
layout: faq
---
-- scenarios/s.yaml --
id: s
title: %[1]q
summary: %[1]q
service: all
steps:
  - id: a
    title: %[1]q
    situation: A situation.
    choices:
      - text: '%[2]s in a code span'
        feedback: |
          `+"`%[3]s`"+`
        judgement: good
        next: b
  - id: b
    ending: Done.
`, plain, "`"+payload+"`", payload))
	dir := site.Unzip()
	for _, rel := range []string{"guidance/a.html", "faq.html", "scenarios/s.html", "a-z.html", "search.html?q=script"} {
		p := b.Open(t, fileURL(dir, rel), browser.Options{})
		if strings.HasPrefix(rel, "search") {
			// The payload is in what the search shows: the results must be there.
			p.Wait(t, `document.querySelectorAll('.gp-search__result').length > 0`)
		}
		p.Eval(t, `(() => { document.querySelectorAll('.gp-scenario__choose, main summary').forEach(e => e.click()); return true; })()`, new(bool))
		// Whatever the clicks and the results queued has run, and every image
		// (an onerror payload's trigger) has loaded or failed.
		p.Settle(t)
		p.Wait(t, `Array.from(document.images).every(i => i.complete)`)
		var pwned any
		p.Eval(t, `window.pwned === undefined ? null : window.pwned`, &pwned)
		if pwned != nil {
			t.Errorf("%s: a payload ran (window.pwned = %v)", rel, pwned)
		}
		var text string
		p.Eval(t, `document.body.textContent`, &text)
		if !strings.Contains(text, "window.pwned=3") {
			t.Errorf("%s: the payload text is not shown as text", rel)
		}
	}
}
