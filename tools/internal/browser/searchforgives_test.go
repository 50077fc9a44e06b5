package browser_test

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// TestSearchForgives: on the unzipped demo pack, a typo is corrected and says
// so, with a way back to what was typed; a query that few pages match in full
// shows those that match most words under a line that says so; a scenario is
// one result whatever its versions and steps, with the best step as a
// sub-link; snippets are the passage that matched, marked, never a verdict,
// with spaces where blocks meet; and a word with no chunk loads nothing that
// fails (issue 14: no console errors on any search).
func TestSearchForgives(t *testing.T) {
	b := browser.Start(t)
	dir := sitetest.BuildRepo(t).Unzip()
	p := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(dir, "search.html")), browser.Options{})
	p.Run(t, page.BringToFront())

	s := browser.Search(t, p, "freind")
	if s.Note != "Showing results for friend. Search for freind instead?" || len(s.Links) == 0 {
		t.Errorf("freind: note %q, results %q", s.Note, s.Links)
	}
	var exact string
	p.Eval(t, `document.querySelector('.gp-search__note a').getAttribute('href')`, &exact)
	if s := browser.Search(t, p, "photgraph permision"); !strings.HasPrefix(s.Note, "Showing results for photograph permission.") {
		t.Errorf("photgraph permision: note %q", s.Note)
	}
	if s := browser.Search(t, p, "friend"); s.Note != "" {
		t.Errorf("a word with matches is not corrected: %q", s.Note)
	}
	// The way back to what was typed: no correction, and it says so.
	if exact != "?q=freind&exact=1" {
		t.Errorf("the link to search for what was typed is %q", exact)
	}
	e := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(dir, "search.html"))+exact, browser.Options{})
	browser.WaitShown(t, e, "freind")
	var status string
	e.Eval(t, `document.querySelector('.gp-search__status').textContent`, &status)
	if !strings.HasPrefix(status, "No results for “freind”") {
		t.Errorf("search for freind instead: %q", status)
	}

	// Word forms and contractions find the same pages.
	for _, same := range [][]string{
		{"dont want social media", "don't want social media", "don’t want social media", "do not want social media"},
		{"racism", "racist", "racists"},
		{"photo", "photos", "photograph", "photographs"},
		{"reporting a concern", "report concerns", "reported concern"},
	} {
		want := browser.Search(t, p, same[0]).Links
		for _, q := range same[1:] {
			if got := browser.Search(t, p, q).Links; !slices.Equal(got, want) || len(got) == 0 {
				t.Errorf("%q finds %q; %q finds %q", q, got, same[0], want)
			}
		}
	}

	s = browser.Search(t, p, "colleague racist post")
	if !strings.Contains(s.Note, "some of your words") {
		t.Errorf("colleague racist post: no line above the partial matches: %q", s.Note)
	}
	first5 := s.Links[:min(5, len(s.Links))]
	for _, want := range []string{"guidance/concerns-about-a-colleague.html", "faq.html#concerned-about-a-colleague", "cases/racist-comments.html", "scenarios/colleague-offensive-post.html"} {
		if !slices.Contains(first5, want) {
			t.Errorf("colleague racist post: %s is not in the first five %q", want, first5)
		}
	}

	for _, q := range []string{"my manager", "friend request", "request arrives", "boundary"} {
		s := browser.Search(t, p, q)
		seen := map[string]bool{}
		for _, l := range s.Links {
			page := strings.Split(l, "#")[0]
			if strings.HasPrefix(page, "scenarios/friend-request-") {
				page = "scenarios/friend-request" // one scenario, two versions
			}
			if strings.HasPrefix(l, "faq.html#") {
				page = l // each common question is a result of its own
			}
			if seen[page] {
				t.Errorf("%q: %s is shown twice: %q", q, page, s.Links)
			}
			seen[page] = true
		}
	}
	s = browser.Search(t, p, "request arrives")
	if !slices.ContainsFunc(s.Subs, func(x string) bool { return strings.Contains(x, "The request arrives") }) {
		t.Errorf("request arrives: the step is not a sub-link: %q", s.Subs)
	}

	verdict := regexp.MustCompile(`✓|✗|A (good|poor|risky) (choice|outcome)|: (not )?right\.|What happens if you choose|Check the answer|Go to step|Link to this answer|Codes cited`)
	runTogether := regexp.MustCompile(`[a-z][A-Z][a-z]`)
	for _, q := range []string{"reporting", "my manager", "friend request", "accept", "photos", "who should you tell", "delete the post", "promote", "registered"} {
		s := browser.Search(t, p, q)
		for i, sn := range s.Snippets {
			if verdict.MatchString(sn) {
				t.Errorf("%q: snippet %d gives an answer away: %q", q, i+1, sn)
			}
			if runTogether.MatchString(sn) {
				t.Errorf("%q: snippet %d runs words together: %q", q, i+1, sn)
			}
		}
		for i := 0; i < min(3, len(s.Snippets)); i++ {
			shown := strings.ToLower(s.Titles[i] + " " + s.Snippets[i]) // a match in the title only has no passage
			if !strings.Contains(shown, strings.ToLower(strings.Fields(q)[len(strings.Fields(q))-1][:4])) {
				t.Errorf("%q: result %d does not show the match: %q", q, i+1, s.Snippets[i])
			}
		}
		if len(s.Marks) == 0 {
			t.Errorf("%q: nothing marked", q)
		}
	}

	if s := browser.Search(t, p, "code 5.8"); !slices.Contains(s.Marks, "5.8") || s.Links[0] != "codes/5-8.html" {
		t.Errorf("code 5.8: %q first, marked %q", s.Links, s.Marks)
	}
	for _, q := range []string{"xylophone", "zzzz qqqq", "xyz", "5.8", "0", "ñandú", "x"} {
		browser.Search(t, p, q)
	}
	for _, pr := range p.Problems() {
		t.Error(pr)
	}
}
