package browser_test

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// TestSearchFromTheZip types a question on the search page of the unzipped pack
// (file://): nothing of the index loads before typing; then its metadata, and
// only the chunks of its words and of the results shown;
// results are announced, linked and marked; a result opens by keyboard and Back
// returns to the same results.
func TestSearchFromTheZip(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir := sitetest.DemoUnzipped(t)
	p := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(dir, "search.html")), browser.Options{})
	for _, r := range p.Requests() {
		if strings.Contains(r, "/search/") {
			t.Errorf("index loaded before typing: %s", r)
		}
	}
	p.Run(t, chromedp.SendKeys("#gp-search-page-q", "friend request", chromedp.ByQuery))
	var got struct {
		Status string
		Titles []string
		Marks  int
		URL    string
	}
	read := func() {
		p.Eval(t, `({
			Status: document.querySelector('.gp-search__status').textContent,
			Titles: Array.from(document.querySelectorAll('.gp-search__link'), a => a.textContent),
			Marks: document.querySelectorAll('.gp-search__results mark').length,
			URL: location.href
		})`, &got)
	}
	// The results for the whole query: those for "friend" may show while the rest is typed.
	p.Wait(t, `document.querySelector('.gp-search__status').textContent.includes('for “friend request”')`)
	read()
	if !strings.Contains(got.Status, "results for “friend request”") {
		t.Errorf("status %q", got.Status)
	}
	joined := strings.Join(got.Titles, " | ")
	for _, want := range []string{"Boundaries and friend requests", "Can I accept a friend request", "A friend request ("} {
		if !strings.Contains(joined, want) {
			t.Errorf("results %q lack %q", joined, want)
		}
	}
	if got.Marks == 0 {
		t.Error("no matched words are marked")
	}
	if !strings.HasSuffix(got.URL, "search.html?q=friend%20request") {
		t.Errorf("the query is not in the URL: %s", got.URL)
	}
	var chunks []string
	for _, r := range p.Requests() {
		if i := strings.Index(r, "/search/"); i >= 0 {
			chunks = append(chunks, r[i+8:])
		}
	}
	if len(chunks) == 0 || chunks[0] != "meta.js" || !regexp.MustCompile(`^meta\.js( t-\d+\.js){1,2}( d-\d+\.js)+$`).MatchString(strings.Join(chunks, " ")) {
		t.Errorf("loaded %q; want the metadata, then the term chunks of the two words, then documents", chunks)
	}
	// Open the first result by keyboard, then come back.
	p.Run(t, chromedp.Focus(".gp-search__link", chromedp.ByQuery), chromedp.KeyEvent(kb.Enter))
	p.Wait(t, `!location.pathname.endsWith('search.html') && document.readyState === 'complete'`) // Enter opened the result
	p.Run(t, chromedp.NavigateBack())
	p.Wait(t, `location.pathname.endsWith('search.html') && document.querySelectorAll('.gp-search__link').length > 0`)
	read()
	if !strings.Contains(strings.Join(got.Titles, " | "), "Boundaries and friend requests") {
		t.Errorf("after Back the results are gone: %q", got.Titles)
	}
	for _, r := range p.NetworkRequests() {
		t.Errorf("requested %s", r)
	}
	for _, pr := range p.Problems() {
		t.Error(pr)
	}
}

// TestAZWithoutJavaScript: with JavaScript off every page links to the A–Z
// index, which lists pages, questions and key terms under letter headings.
func TestAZWithoutJavaScript(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir := sitetest.DemoUnzipped(t)
	p := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(dir, "guidance", "boundaries.html")), browser.Options{NoJS: true})
	p.Run(t, chromedp.Click(".gp-header__az", chromedp.ByQuery))
	p.Wait(t, `location.pathname.endsWith('/a-z.html') && document.readyState === 'complete'`)
	var az struct {
		Path    string
		Letters int
		Entries []string
	}
	p.Eval(t, `({Path: location.pathname, Letters: document.querySelectorAll('.gp-az__group').length,
		Entries: Array.from(document.querySelectorAll('.gp-az__list a'), a => a.textContent)})`, &az)
	if !strings.HasSuffix(az.Path, "/a-z.html") {
		t.Fatalf("the A–Z link led to %s", az.Path)
	}
	all := strings.Join(az.Entries, "|")
	for _, want := range []string{"Boundaries and friend requests", "Can I accept a friend request from someone who uses my service?", "friend request", "Code 5.8: Behaviour in and outside work", "A friend request (children's services)"} {
		if !strings.Contains(all, want) {
			t.Errorf("the A–Z index lacks %q", want)
		}
	}
	if az.Letters < 10 {
		t.Errorf("only %d letters", az.Letters)
	}
}
