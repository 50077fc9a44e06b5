package browser_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// questions are readers' questions over the demo pack, as readers type them
// (typos, other words, other forms of a word, several words, code numbers),
// each with the page (or answer) it must find in the top 3.
var questions = []struct{ kind, q, want string }{
	{"typo", "freind request", "guidance/boundaries.html"},
	{"typo", "colleage", "guidance/concerns-about-a-colleague.html"},
	{"typo", "photgraph permission", "guidance/promoting-your-service.html"},
	{"typo", "boundries", "guidance/boundaries.html"},
	{"typo", "priviacy talking about work", "guidance/privacy.html"},
	{"typo", "discriminatry message", "cases/discriminatory-private-message.html"},
	{"typo", "confidentail information", "guidance/promoting-your-service.html"},
	{"synonym", "whistleblowing", "guidance/concerns-about-a-colleague.html"},
	{"synonym", "whistleblowing colleague", "guidance/concerns-about-a-colleague.html"},
	{"synonym", "consent for photos", "guidance/promoting-your-service.html"},
	{"synonym", "selfie in uniform", "cases/photograph-in-uniform.html"},
	{"synonym", "dm discriminatory", "cases/discriminatory-private-message.html"},
	{"form", "racism", "cases/racist-comments.html"},
	{"form", "photos", "guidance/promoting-your-service.html"},
	{"form", "photo", "guidance/promoting-your-service.html"},
	{"form", "reporting a colleague", "guidance/concerns-about-a-colleague.html"},
	{"form", "promoting", "guidance/promoting-your-service.html"},
	{"form", "friends with people I support", "guidance/boundaries.html"},
	{"contraction", "dont want social media", "guidance/choosing-not-to-use.html"},
	{"contraction", "I don't want to be on social media", "guidance/choosing-not-to-use.html"},
	{"contraction", "im worried about a colleagues post", "faq.html#concerned-about-a-colleague"},
	{"words", "colleague racist post", "cases/racist-comments.html"},
	{"words", "can I accept a friend request from someone I support", "faq.html#can-i-friend-someone-using-my-service"},
	{"words", "friend request from a young person", "scenarios/friend-request-children.html"},
	{"words", "small community friends", "faq.html#can-i-friend-someone-using-my-service"},
	{"words", "photos at a party", "scenarios/photographs-promoting-service.html"},
	{"words", "worried about a colleague's offensive post", "faq.html#concerned-about-a-colleague"},
	{"words", "how do I report a colleague", "guidance/concerns-about-a-colleague.html"},
	{"words", "raising concerns", "guidance/concerns-about-a-colleague.html"},
	{"words", "fitness to practise", "codes/3-5.html"},
	{"words", "should I be on social media at all", "faq.html#should-i-use-social-media"},
	{"words", "not using social media", "guidance/choosing-not-to-use.html"},
	{"words", "talking about work online", "guidance/privacy.html"},
	{"words", "confidential information in the background", "guidance/promoting-your-service.html"},
	{"words", "promote my service", "faq.html#can-i-promote-my-service"},
	{"words", "private message discriminatory", "cases/discriminatory-private-message.html"},
	{"words", "uniform photo", "cases/photograph-in-uniform.html"},
	{"words", "work computer comments", "cases/comments-from-a-work-computer.html"},
	{"words", "employer policy comes first", "about.html"},
	{"words", "download offline", "download.html"},
	{"words", "derogatory comments about residents", "cases/derogatory-comments-about-residents.html"},
	{"words", "practise decisions safely", "faq.html#where-can-i-practise-decisions"},
	{"words", "learning record", "learning-record.html"},
	{"code", "code 5.8", "codes/5-8.html"},
	{"code", "5.8", "codes/5-8.html"},
	{"code", "3.5", "codes/3-5.html"},
	{"code", "code 3.5 telling someone about concerns", "codes/3-5.html"},
	{"as you type", "bounda", "guidance/boundaries.html"},
	{"as you type", "whistle", "guidance/concerns-about-a-colleague.html"},
}

// TestRelevanceOfTheShippedSearch types each question into the search page of
// the unzipped demo pack, in Chromium, with the search.js readers get, and
// requires the page it must find in the top 3. It prints the hit rate and the
// time from the keystroke to the results on screen.
func TestRelevanceOfTheShippedSearch(t *testing.T) {
	if len(questions) < 40 {
		t.Fatalf("only %d questions", len(questions))
	}
	b := browser.Start(t)
	dir := sitetest.BuildRepo(t).Unzip()
	p := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(dir, "search.html")), browser.Options{})
	p.Run(t, page.BringToFront()) // a tab in the background has its timers slowed to one a second
	hits := 0
	var times []float64
	byKind := map[string][2]int{}
	for _, tc := range questions {
		s := browser.Search(t, p, tc.q)
		times = append(times, s.Ms)
		top := s.Links[:min(3, len(s.Links))]
		found := slices.ContainsFunc(top, func(u string) bool { return u == tc.want || strings.HasPrefix(u, tc.want+"#") })
		k := byKind[tc.kind]
		k[1]++
		if found {
			hits++
			k[0]++
		} else {
			t.Errorf("%s %q: want %s in the top 3, got %q (%s)", tc.kind, tc.q, tc.want, top, s.Status)
		}
		byKind[tc.kind] = k
	}
	sort.Float64s(times)
	var kinds []string
	for k, v := range byKind {
		kinds = append(kinds, fmt.Sprintf("%s %d/%d", k, v[0], v[1]))
	}
	sort.Strings(kinds)
	t.Logf("relevance (shipped search.js, Chromium, file://): %d of %d questions answered in the top 3 (%.0f%%): %s",
		hits, len(questions), 100*float64(hits)/float64(len(questions)), strings.Join(kinds, ", "))
	t.Logf("keystroke to results (80 ms of it the typing pause): median %.0f ms, slowest %.0f ms, over %d questions",
		times[len(times)/2], times[len(times)-1], len(times))
	for _, pr := range p.Problems() {
		t.Error(pr)
	}
}
