package browser

import (
	"encoding/json"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Shown is what the search page (assets/js/search.js) shows for a query.
type Shown struct {
	Status   string
	Titles   []string // the results' links, as read
	Links    []string // their addresses, relative to the pack
	Subs     []string // the sub-links (a step, a heading), as read
	SubLinks []string
	Snippets []string
	Marks    []string // the marked words
	Note     string   // the line above partial matches, or the typo note
	Ms       float64  // from the keystroke to the results on screen
}

// Search types q into the search page's box as one keystroke (an input
// event) and waits until the page says it shows the results for q.
func Search(t testing.TB, p *Page, q string) Shown {
	t.Helper()
	qs, _ := json.Marshal(q)
	js := `new Promise(function (done) {
		var root = document.querySelector('[data-module="gp-search"]'), q = ` + string(qs) + `;
		var input = root.querySelector('input[name="q"]'), t0;
		root.removeAttribute('data-gp-shown');
		new MutationObserver(function (ms, o) {
			if (root.getAttribute('data-gp-shown') !== q.trim()) return;
			o.disconnect();
			var ms = performance.now() - t0, rel = function (a) { return a.getAttribute('href'); };
			var all = function (sel) { return Array.from(root.querySelectorAll(sel)); };
			done({
				Status: root.querySelector('.gp-search__status').textContent,
				Titles: all('.gp-search__link').map(function (a) { return a.textContent; }),
				Links: all('.gp-search__link').map(rel),
				Subs: all('.gp-search__sub a').map(function (a) { return a.textContent; }),
				SubLinks: all('.gp-search__sub a').map(rel),
				Snippets: all('.gp-search__snippet').map(function (p) { return p.textContent; }),
				Marks: all('.gp-search__results mark').map(function (m) { return m.textContent; }),
				Note: all('.gp-search__note').map(function (p) { return p.textContent; }).join(' | '),
				Ms: ms
			});
		}).observe(root, {attributes: true, attributeFilter: ['data-gp-shown']});
		input.value = q;
		t0 = performance.now();
		input.dispatchEvent(new Event('input', {bubbles: true}));
	})`
	var s Shown
	err := chromedp.Run(p.Ctx, chromedp.Evaluate(js, &s, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	}))
	if err != nil {
		t.Fatalf("search for %q: %v", q, err)
	}
	return s
}

// WaitShown waits until the search page shows results for q (after it opened
// with ?q=).
func WaitShown(t testing.TB, p *Page, q string) {
	t.Helper()
	qs, _ := json.Marshal(q)
	js := `new Promise(function (done) {
		var root = document.querySelector('[data-module="gp-search"]'), q = ` + string(qs) + `;
		var check = function () { if (root.getAttribute('data-gp-shown') === q) { done(true); return true; } };
		if (check()) return;
		new MutationObserver(function (ms, o) { if (check()) o.disconnect(); }).observe(root, {attributes: true});
	})`
	var ok bool
	err := chromedp.Run(p.Ctx, chromedp.Evaluate(js, &ok, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	}))
	if err != nil {
		t.Fatalf("waiting for the results of %q: %v", q, err)
	}
}
