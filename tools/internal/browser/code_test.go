package browser_test

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/quality"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// codePage has a fenced block with a language and a line too long for a phone, a
// fenced block without one, and an indented block (which no hook sees).
const codePage = "-- content/_index.md --\n---\ntitle: Code\n---\nOne page.\n" +
	"-- content/code.md --\n---\ntitle: Code blocks\n---\nA fenced block:\n\n" +
	"```yaml\nsteps:\n  - id: a-step-whose-name-is-far-too-long-to-fit-on-a-phone-screen-of-three-hundred-and-twenty-pixels\n```\n\n" +
	"Without a language:\n\n```\nplain_text_that_is_also_much_too_long_for_a_phone_screen_of_three_hundred_and_twenty_pixels\n```\n\n" +
	"Indented:\n\n    an_indented_line_that_is_also_much_too_long_for_a_phone_screen_of_three_hundred_and_twenty_pixels\n"

// TestCodeBlocksScrollByKeyboard: at 320 px a fenced code block scrolls inside
// a region named for its language (or "Code") that is one tab stop; the keyboard
// reaches it and scrolls it with the arrow keys. An indented block wraps (it has
// no region, so it must not scroll). The page is no wider than the screen, and
// axe finds nothing, JavaScript on and off.
func TestCodeBlocksScrollByKeyboard(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, codePage)
	s.AssertFile("code.html",
		`<div class="gp-code" role="region" tabindex="0" aria-label="Code: yaml">`,
		`<div class="gp-code" role="region" tabindex="0" aria-label="Code">`,
		`! <pre tabindex`)
	dir := s.Unzip()
	for _, e := range quality.VNU(t, filepath.Join(dir, "code.html")) {
		t.Errorf("Nu checker: %s", e)
	}
	b := browser.Start(t)
	axe := quality.AxeSource(t)
	for _, noJS := range []bool{false, true} {
		p := b.Open(t, fileURL(dir, "code.html"), browser.Options{NoJS: noJS, Width: 320, Height: 640})
		var got struct {
			Width    int
			Regions  []string
			Scrolls  []bool
			Indented struct{ Scrolls, Focusable bool }
		}
		p.Eval(t, `(() => {
			const rs = Array.from(document.querySelectorAll('.gp-code'));
			const pre = Array.from(document.querySelectorAll('pre')).find(p => !p.closest('.gp-code'));
			return {Width: document.documentElement.scrollWidth,
				Regions: rs.map(r => r.getAttribute('role') + ' ' + r.tabIndex + ' ' + r.getAttribute('aria-label')),
				Scrolls: rs.map(r => r.scrollWidth > r.clientWidth),
				Indented: {Scrolls: pre.scrollWidth > pre.clientWidth, Focusable: pre.tabIndex >= 0}};
		})()`, &got)
		if got.Width > 320 {
			t.Errorf("JS off %v: the page is %d px wide at 320 px", noJS, got.Width)
		}
		if len(got.Regions) != 2 || got.Regions[0] != "region 0 Code: yaml" || got.Regions[1] != "region 0 Code" {
			t.Errorf("JS off %v: code regions %q, want a focusable named region per fenced block", noJS, got.Regions)
		}
		for i, sc := range got.Scrolls {
			if !sc {
				t.Errorf("JS off %v: code region %d does not scroll at 320 px (the test's premise)", noJS, i)
			}
		}
		if got.Indented.Scrolls {
			t.Errorf("JS off %v: the indented code block scrolls but is no region the keyboard can reach: %+v", noJS, got.Indented)
		}
		// One tab stop per block: Tab reaches the region, the next Tab leaves it.
		tabTo(t, p, `.gp-code[aria-label="Code: yaml"]`)
		p.Run(t, chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight))
		if !p.True(`document.querySelector('.gp-code').scrollLeft > 0`) {
			t.Errorf("JS off %v: the arrow keys do not scroll the focused code block", noJS)
		}
		p.Run(t, chromedp.KeyEvent(kb.Tab))
		var next string
		p.Eval(t, `document.activeElement.getAttribute('aria-label') || document.activeElement.tagName`, &next)
		if next != "Code" {
			t.Errorf("JS off %v: Tab from the first code block goes to %q, want the next block (one tab stop each)", noJS, next)
		}
		for _, pr := range p.Problems() {
			t.Errorf("JS off %v: %s", noJS, pr)
		}
		for _, v := range p.Axe(t, axe, nil) {
			t.Errorf("JS off %v: %s", noJS, v)
		}
		p.Close()
	}
}
