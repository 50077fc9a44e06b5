package handout_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/handout"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// artifacts is where the print tests leave PNG renders of printed pages for a
// person to look at (git-ignored).
func artifacts() string { return filepath.Join(sitetest.Repo(), "artifacts", "print") }

func fileURL(dir, rel string) string {
	return "file://" + filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(rel)))
}

// words squeezes runs of white space, so text broken over lines still matches.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestPagesPrintClean prints pages of the mini pack from the unzipped pack, with
// JavaScript off (printing needs no script), on A4 and US Letter, and reads the
// PDF back.
func TestPagesPrintClean(t *testing.T) {
	t.Parallel()
	handout.Tools(t)
	b := browser.Start(t)
	s := sitetest.Build(t, miniPack)
	dir := s.Unzip()
	for _, paper := range handout.Papers {
		t.Run(paper.Name, func(t *testing.T) {
			c := qt.New(t)

			p := b.Open(t, fileURL(dir, "guidance/boundaries.html"), browser.Options{NoJS: true})
			pdf := handout.Print(t, p, paper)
			pages := handout.Pages(t, pdf)
			text := words(strings.Join(pages, " "))
			c.Assert(len(pages), qt.Equals, 1)
			// No navigation, skip link, breadcrumbs, footer links or previous/next.
			for _, gone := range []string{"Zebra crossing notes", "Skip to main content", "Download this pack", "Next Privacy"} {
				c.Assert(text, qt.Not(qt.Contains), gone)
			}
			// The pack's title heads the first page; the page's own content is all there.
			c.Assert(strings.HasPrefix(words(pages[0]), "Mini pack"), qt.IsFalse) // the site title, not the home page's
			c.Assert(words(pages[0]), qt.Contains, "Social media guidance for social service workers Boundaries")
			c.Assert(text, qt.Contains, "Work stays at work.")
			// The address of an external link follows its text; internal links print as text.
			c.Assert(text, qt.Contains, "a guide on the web (https://example.org/guide)")
			c.Assert(text, qt.Not(qt.Contains), "privacy.html")
			// The footer line on every page: title, version, release date, web address, page number.
			for i, pg := range pages {
				pg = words(pg)
				c.Assert(pg, qt.Contains, "Version 1.0.0, 25 November 2026", qt.Commentf("page %d", i+1))
				c.Assert(pg, qt.Contains, "Check for a newer version at https://example.org/social-media-guidance/")
				c.Assert(pg, qt.Contains, fmt.Sprintf("Page %d of %d", i+1, len(pages)))
			}
			handout.Render(t, pdf, artifacts(), "mini-boundaries-"+paper.Name, 1)

			// Print styles: black on white, body text 11–12pt, no banner colours.
			var st struct {
				Size, Color, HeaderBg, NavDisplay string
			}
			p.Run(t, emulation.SetEmulatedMedia().WithMedia("print"))
			p.Eval(t, `(() => { const q = s => getComputedStyle(document.querySelector(s));
				return { Size: q('.gp-prose p').fontSize, Color: q('.gp-prose p').color,
					HeaderBg: q('.gp-header').backgroundColor, NavDisplay: q('.gp-nav').display }; })()`, &st)
			px, _ := strconv.ParseFloat(strings.TrimSuffix(st.Size, "px"), 64)
			c.Assert(px*0.75 >= 11 && px*0.75 <= 12, qt.IsTrue, qt.Commentf("body text %s = %.2fpt", st.Size, px*0.75))
			c.Assert(st.Color, qt.Equals, "rgb(0, 0, 0)")
			c.Assert(st.HeaderBg, qt.Equals, "rgba(0, 0, 0, 0)")
			c.Assert(st.NavDisplay, qt.Equals, "none")
			p.Close()

			// <details> print open, by CSS alone: with JavaScript on, as here,
			// fold.js has folded the answers (with it off they are open).
			p = b.Open(t, fileURL(dir, "faq.html"), browser.Options{})
			var open int
			p.Eval(t, `document.querySelectorAll('details[open]').length`, &open)
			c.Assert(open, qt.Equals, 0)
			pdf = handout.Print(t, p, paper)
			text = words(strings.Join(handout.Pages(t, pdf), " "))
			c.Assert(text, qt.Contains, "the answer folded away in a details element")
			c.Assert(text, qt.Contains, "printed open all the same")
			handout.Render(t, pdf, artifacts(), "mini-faq-"+paper.Name, 1)
			p.Close()

			// The section's print page: contents, then the five pages one after
			// another, each under its numbered title (as GOV.UK prints a whole
			// guide: no sheet holds only a page's last lines), in order.
			p = b.Open(t, fileURL(dir, "guidance/print.html"), browser.Options{NoJS: true})
			pdf = handout.Print(t, p, paper)
			pages = handout.Pages(t, pdf)
			c.Assert(len(pages) < 1+5, qt.IsTrue, qt.Commentf("%d sheets for five short pages", len(pages)))
			all := strings.Join(pages, "\n")
			at := 0
			for n, title := range []string{"Boundaries", "Privacy", "Photographs", "Colleagues", "Leaving social media"} {
				loc := regexp.MustCompile(`(?m)^\s*`+fmt.Sprint(n+1)+`\s+`+title+`\s*$`).FindAllStringIndex(all, -1)
				// The contents list names it first; its title comes after.
				c.Assert(len(loc), qt.Equals, 2, qt.Commentf("%s: %v", title, loc))
				c.Assert(loc[1][0] > at, qt.IsTrue, qt.Commentf("%s out of order", title))
				at = loc[1][0]
			}
			c.Assert(words(pages[0]), qt.Contains, "Contents 1 Boundaries 2 Privacy")
			handout.Render(t, pdf, artifacts(), "mini-section-"+paper.Name, 3)
			p.Close()
		})
	}
}

// TestPrintButton: shown only with JavaScript on, prints when pressed, and never
// opens the print dialog by itself.
func TestPrintButton(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	s := sitetest.Build(t, miniPack)
	dir := s.Unzip()
	c := qt.New(t)

	p := b.Open(t, fileURL(dir, "guidance/print.html"), browser.Options{NoJS: true})
	var shown bool
	p.Eval(t, `(() => { const b = document.querySelector('[data-module="gp-print"]'); return !!b && b.offsetParent !== null; })()`, &shown)
	c.Assert(shown, qt.IsFalse)
	p.Close()

	p, calls := printsOnLoad(t, b, dir)
	c.Assert(calls, qt.Equals, 0)
	p.Eval(t, `document.querySelector('[data-module="gp-print"]').click(), window.gpPrints`, &calls)
	c.Assert(calls, qt.Equals, 1)
	c.Assert(p.Problems(), qt.HasLen, 0)
}

// printsOnLoad opens a print page with JavaScript on and returns it and how many
// times it called window.print by itself. The spy is in place before the page's
// scripts run, so it sees a print during load too.
func printsOnLoad(t *testing.T, b *browser.Browser, dir string) (*browser.Page, int) {
	t.Helper()
	p := b.Open(t, fileURL(dir, "guidance/print.html"), browser.Options{
		Init: `window.gpPrints = 0; window.print = () => { window.gpPrints++; };`,
	})
	p.Wait(t, `(() => { const b = document.querySelector('[data-module="gp-print"]'); return !!b && b.offsetParent !== null; })()`)
	p.Settle(t) // and what the scripts queued on load has run
	var calls int
	p.Eval(t, `window.gpPrints`, &calls)
	return p, calls
}

// The check of TestPrintButton can fail: a print.js that prints as it starts
// (the button shown, then window.print) is caught.
func TestPrintOnLoadIsCaught(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	js, err := os.ReadFile(filepath.Join(sitetest.Repo(), "assets", "js", "print.js"))
	qt.Assert(t, err, qt.IsNil)
	mutant := strings.Replace(string(js), "el.hidden = false;", "el.hidden = false; window.print();", 1)
	qt.Assert(t, mutant, qt.Not(qt.Equals), string(js), qt.Commentf("print.js no longer shows its button with el.hidden = false;"))
	dir := sitetest.Build(t, miniPack+"-- assets/js/print.js --\n"+mutant).Unzip()
	_, calls := printsOnLoad(t, b, dir)
	qt.Assert(t, calls, qt.Equals, 1)
}
