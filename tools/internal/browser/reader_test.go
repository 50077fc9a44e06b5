package browser_test

import (
	"context"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// The rules a reader meets on EVERY page of the pack, checked over the built zip
// unzipped and opened by file://. Each test names the pages that break its rule.

// unzipped returns the folder holding index.html of the demo pack, built and
// unzipped once per test binary (sitetest.DemoUnzipped).
func unzipped(t *testing.T) string {
	t.Helper()
	return sitetest.DemoUnzipped(t)
}

// htmlPages lists every page of the pack, relative to its top folder.
func htmlPages(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	if len(out) < 30 {
		t.Fatalf("only %d pages in the pack", len(out))
	}
	return out
}

func fileURL(dir, rel string) string { return "file://" + filepath.ToSlash(filepath.Join(dir, rel)) }

func artifactsDir(t *testing.T, sub string) string {
	d := filepath.Join(sitetest.Repo(), "artifacts", sub)
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}

// screenshot writes a full-page PNG of the open page to artifacts/screens/name.png.
func screenshot(t *testing.T, p *browser.Page, name string) {
	t.Helper()
	var buf []byte
	p.Run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		buf, err = page.CaptureScreenshot().WithFormat(page.CaptureScreenshotFormatPng).WithCaptureBeyondViewport(true).Do(ctx)
		return err
	}))
	if err := os.WriteFile(filepath.Join(artifactsDir(t, "screens"), name+".png"), buf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestEveryPageFitsAPhone opens every page at 320 px wide (the WCAG 1.4.10 reflow
// width) with JavaScript on and off: nothing may make the page wider than the
// screen (a reader would have to scroll sideways to read every line), whatever
// scrolls sideways inside the page (code, a table, a map) is a named region the
// keyboard reaches, and no page logs an error. It writes screenshots of the pages people look at first.
func TestEveryPageFitsAPhone(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir := unzipped(t)
	shots := map[string]string{
		"index.html":               "home-320",
		"guidance/boundaries.html": "guidance-320",
		"faq.html":                 "faq-320",
		"learning-record.html":     "learning-record-320",
	}
	for _, rel := range htmlPages(t, dir) {
		for _, noJS := range []bool{false, true} {
			p := b.Open(t, fileURL(dir, rel), browser.Options{NoJS: noJS, Width: 320, Height: 640})
			var got struct {
				Width, Header int
				Wide          []string
				// Scrollers: boxes that scroll sideways but are not a named
				// region in the tab order (code, tables, maps must be).
				Scrollers []string
			}
			p.Eval(t, `(() => {
				const w = document.documentElement.scrollWidth;
				const header = Math.round((document.querySelector('.gp-header') || document.body).getBoundingClientRect().height);
				const wide = [];
				if (w > 320) for (const el of document.querySelectorAll('body *')) {
					const r = el.getBoundingClientRect();
					if (r.right > 320.5 && r.width > 0 && !el.closest('[hidden]')) {
						wide.push(el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : '') + ' (' + Math.round(r.right) + ' px)');
						if (wide.length >= 3) break;
					}
				}
				const scrollers = [];
				for (const el of document.querySelectorAll('body *')) {
					const x = getComputedStyle(el).overflowX;
					if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1 && !el.closest('[hidden]') &&
						!(el.getAttribute('tabindex') === '0' && el.getAttribute('role') === 'region' && el.getAttribute('aria-label'))) {
						scrollers.push(el.tagName.toLowerCase() + (typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : ''));
					}
				}
				return {Width: w, Header: header, Wide: wide, Scrollers: scrollers};
			})()`, &got)
			mode := "JavaScript on"
			if noJS {
				mode = "JavaScript off"
			}
			if got.Width > 320 {
				t.Errorf("%s (%s): %d px wide at 320 px: %s", rel, mode, got.Width, strings.Join(got.Wide, ", "))
			}
			if len(got.Scrollers) > 0 {
				t.Errorf("%s (%s): scrolls sideways at 320 px but is no named region the keyboard can reach: %s", rel, mode, strings.Join(got.Scrollers, ", "))
			}
			// GOV.UK's header takes well under half a phone's first screen.
			if got.Header > 640*2/5 {
				t.Errorf("%s (%s): the header is %d of the first 640 px at 320 px wide", rel, mode, got.Header)
			}
			for _, pr := range p.Problems() {
				t.Errorf("%s (%s, 320 px): %s", rel, mode, pr)
			}
			if rel == "faq.html" {
				// The question sits on the disclosure arrow's line, not under it.
				var lines struct{ Arrow, Question int }
				p.Eval(t, `(() => {
					const s = document.querySelector('.gp-faq__item > summary'), h = s.querySelector('h2, h3');
					const top = Math.round(s.getBoundingClientRect().top), cs = getComputedStyle(s);
					return {Arrow: top + parseInt(cs.paddingTop), Question: Math.round(h.getClientRects()[0].top)};
				})()`, &lines)
				if d := lines.Question - lines.Arrow; d > 12 || d < -12 {
					t.Errorf("faq.html (%s): the question starts %d px below its arrow's line", mode, d)
				}
			}
			if name, ok := shots[rel]; ok && !noJS {
				screenshot(t, p, name)
			}
			p.Close()
		}
	}
}

// TestDeepLinksOpen follows every link in the pack to an #id (on another page,
// or the same) as a reader would, with JavaScript on and off: the element it
// names must be shown, never left inside a folded answer or section. With
// JavaScript on it also moves to each #id of each page within the page (the
// hashchange a "Link to this answer" makes).
func TestDeepLinksOpen(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir := unzipped(t)
	base := "file://" + filepath.ToSlash(dir) + "/"
	targets := map[string][]string{} // page -> ids linked to
	from := map[string]string{}      // page#id -> a page that links to it
	for _, rel := range htmlPages(t, dir) {
		p := b.Open(t, fileURL(dir, rel), browser.Options{NoJS: true})
		var links []string
		p.Eval(t, `Array.from(document.querySelectorAll('a[href*="#"]'), a => a.href)`, &links)
		p.Close()
		for _, l := range links {
			u, err := url.Parse(l)
			if err != nil || u.Fragment == "" || u.Scheme != "file" {
				continue
			}
			frag := u.Fragment
			u.Fragment, u.RawQuery = "", ""
			pg := strings.TrimPrefix(u.String(), base)
			key := pg + "#" + frag
			if _, ok := from[key]; !ok {
				from[key] = rel
				targets[pg] = append(targets[pg], frag)
			}
		}
	}
	if len(from) < 40 {
		t.Fatalf("found only %d links to an #id in the pack", len(from))
	}
	const shown = `((id) => {
		const el = document.getElementById(id);
		if (!el) return 'no element with this id';
		for (let n = el; n; n = n.parentElement) {
			if (n.tagName === 'DETAILS' && !n.open) return 'inside a folded <details>' + (n === el ? ' (the target itself)' : '');
		}
		if (!el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) return 'not visible';
		return '';
	})`
	keys := make([]string, 0, len(from))
	for k := range from {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		pg, frag, _ := strings.Cut(key, "#")
		for _, noJS := range []bool{false, true} {
			p := b.Open(t, base+key, browser.Options{NoJS: noJS})
			var why string
			p.Eval(t, shown+`(`+jsQuote(frag)+`)`, &why)
			if why != "" {
				mode := "JavaScript on"
				if noJS {
					mode = "JavaScript off"
				}
				t.Errorf("%s#%s (linked from %s, %s): %s", pg, frag, from[key], mode, why)
			}
			p.Close()
		}
	}
	// Within the page: the hash changes after load.
	for pg, ids := range targets {
		p := b.Open(t, base+pg, browser.Options{})
		for _, id := range ids {
			var why string
			// The page's own hashchange listeners were added first, so they
			// have run when this one resolves.
			p.Run(t, chromedp.Evaluate(`new Promise(r => {
				addEventListener('hashchange', () => r(`+shown+`(`+jsQuote(id)+`)), {once: true});
				location.hash = `+jsQuote(id)+`;
			})`, &why,
				func(e *runtime.EvaluateParams) *runtime.EvaluateParams { return e.WithAwaitPromise(true) }))
			if why != "" {
				t.Errorf("%s: going to #%s within the page: %s", pg, id, why)
			}
		}
		p.Close()
	}
	t.Logf("followed %d links to an #id", len(from))
}

func jsQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}

// authorsOnly matches what only the people who edit the pack need: the authoring
// guide, scenario source files and their schema.
var authorsOnly = regexp.MustCompile(`(?i)authoring|schema\.json|yaml-language-server|scenario files|\.yaml\b`)

var (
	tagRE  = regexp.MustCompile(`<[^>]*>`)
	hrefRE = regexp.MustCompile(`(?:href|src)="[^"]*"`)
)

// TestNothingForAuthorsInThePack reads every file of the readers' pack (pages,
// the whole-pack print, the search index, the A–Z): none is, or mentions, what
// only authors need. The authoring guide lives in docs/ in the repository.
func TestNothingForAuthorsInThePack(t *testing.T) {
	t.Parallel()
	dir := unzipped(t)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if authorsOnly.MatchString(rel) {
			t.Errorf("%s: a file for authors in the readers' pack", rel)
			return nil
		}
		if !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".js") && !strings.HasSuffix(p, ".txt") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := string(b)
		if strings.HasSuffix(p, ".html") {
			// What a reader sees or follows: the text and the links, not
			// attributes the scripts use (a search group names its source file).
			text = tagRE.ReplaceAllStringFunc(text, func(tag string) string {
				return strings.Join(hrefRE.FindAllString(tag, -1), " ")
			})
		}
		if m := authorsOnly.FindAllString(text, 3); m != nil {
			t.Errorf("%s: mentions what only authors need: %q", rel, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
