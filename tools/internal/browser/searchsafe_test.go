package browser_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// Words that are also names on every JavaScript object, in a pack that uses
// them: the search page must find them like any word (its maps have no
// prototype), decode any ?q= without throwing, and say when a query is in a
// script the index does not cover. Issue 12, item 7.
const oddWords = `
-- content/guidance/odd.md --
---
title: Odd words
---
The constructor of the form, its toString and valueOf buttons, and __proto__ too.
-- content/guidance/plain.md --
---
title: Plain words
---
Nothing odd here at all.
`

func TestSearchWordsThatAreObjectNames(t *testing.T) {
	b := browser.Start(t)
	dir := sitetest.Build(t, oddWords).Unzip()
	page := "file://" + filepath.ToSlash(filepath.Join(dir, "search.html"))
	p := b.Open(t, page, browser.Options{})
	for _, q := range []string{"constructor", "toString", "valueOf", "__proto__", "constructor form"} {
		s := browser.Search(t, p, q)
		if len(s.Links) == 0 || s.Links[0] != "guidance/odd.html" {
			t.Errorf("%q: results %q (%s), want guidance/odd.html first", q, s.Links, s.Status)
		}
	}
	for _, q := range []string{"hasOwnProperty", "isPrototypeOf"} {
		if s := browser.Search(t, p, q); len(s.Links) != 0 {
			t.Errorf("%q: results %q, want none", q, s.Links)
		}
	}
	for _, q := range []string{"صديق", "φίλος", "朋友", "друг"} {
		s := browser.Search(t, p, q)
		if s.Status != "No results. This pack’s search covers English words." {
			t.Errorf("%q: status %q", q, s.Status)
		}
	}
	for _, pr := range p.Problems() {
		t.Error(pr)
	}
	// A query that is not a valid escape, opened as an address.
	for _, q := range []string{"%", "%E0%A4%A", "friend%"} {
		p := b.Open(t, page+"?q="+q, browser.Options{})
		browser.WaitShown(t, p, strings.TrimSpace(q))
		var v string
		p.Eval(t, `document.querySelector('[data-module="gp-search"] input[name="q"]').value`, &v)
		if v != q {
			t.Errorf("?q=%s: the box holds %q", q, v)
		}
		for _, pr := range p.Problems() {
			t.Errorf("?q=%s: %s", q, pr)
		}
	}
}
