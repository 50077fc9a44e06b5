package search_test

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/search"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

func TestWordsAndStems(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"Can I accept a Friend Request?", []string{"accept", "friend", "request"}},
		{"Café naïve RÉSUMÉ", []string{"cafe", "naive", "resume"}},
		{"employer's policy, 5.8", []string{"employer", "policy", "5", "8"}},
		{"", nil},
	} {
		got := search.Words(tc.in)
		if len(got) == 0 {
			got = nil
		}
		qt.Assert(t, got, qt.DeepEquals, tc.want, qt.Commentf("%q", tc.in))
	}
	for in, want := range map[string]string{
		"reporting": "report", "reports": "report", "reported": "report", "report": "report",
		"photographs": "photograph", "policies": "polici", "policy": "polici", "friends": "friend",
	} {
		qt.Assert(t, search.Stem(in), qt.Equals, want, qt.Commentf("%q", in))
	}
}

// The browser must fold, split and drop stop words exactly as Go does.
func TestStopWordsMatchTheBrowser(t *testing.T) {
	js, err := os.ReadFile(filepath.Join(sitetest.Repo(), "assets", "js", "search.js"))
	qt.Assert(t, err, qt.IsNil)
	m := regexp.MustCompile(`'(a an and [a-z ]+)'`).FindSubmatch(js)
	qt.Assert(t, m, qt.IsNotNil)
	qt.Assert(t, string(m[1]), qt.Equals, search.StopWords)
}

const fixture = `
-- content/_index.md --
---
title: Home
---
Welcome.
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/reporting.md --
---
title: Reporting a concern
---
How to report.
-- content/guidance/other.md --
---
title: Other things
---
## Concerns

A heading about concerns.
-- content/guidance/body.md --
---
title: Plain page
---
Somewhere in the text we mention a concern once and reporting too.
`

// Ranking: a title hit beats a heading hit, which beats a body hit; stems and
// prefixes match; every word must match.
func TestRankingOverAFixturePack(t *testing.T) {
	s := sitetest.Build(t, fixture)
	ix, err := search.Read(s.Public())
	qt.Assert(t, err, qt.IsNil)
	titles := func(q string) []string {
		var out []string
		for _, r := range ix.Query(q) {
			out = append(out, ix.Docs[r.Doc].Title)
		}
		return out
	}
	qt.Assert(t, titles("concern")[:3], qt.DeepEquals, []string{"Reporting a concern", "Other things", "Plain page"})
	qt.Assert(t, titles("concerns")[0], qt.Equals, "Reporting a concern") // same stem
	qt.Assert(t, titles("reports")[:2], qt.DeepEquals, []string{"Reporting a concern", "Plain page"})
	qt.Assert(t, titles("repo")[:2], qt.DeepEquals, []string{"Reporting a concern", "Plain page"}) // as you type
	qt.Assert(t, titles("concern heading"), qt.DeepEquals, []string{"Other things"})               // every word
	qt.Assert(t, titles("nothing-like-this"), qt.HasLen, 0)
}

// Round trip and chunking: the written chunks hold the index, and a query needs
// only the chunks of its words' first letters.
func TestChunksHoldTheIndex(t *testing.T) {
	s := sitetest.Build(t, fixture)
	ix, err := search.Read(s.Public())
	qt.Assert(t, err, qt.IsNil)
	dir := t.TempDir()
	st, err := ix.Write(dir)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, st.Docs, qt.Equals, len(ix.Docs))
	b, err := os.ReadFile(filepath.Join(dir, search.TermChunk("report")+".js"))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(b), qt.Matches, `(?s)gpSearch\.add\("t-r",\{"f":\[.*"report".*"reporting".*`)
	qt.Assert(t, string(b), qt.Not(qt.Contains), `"concern"`, qt.Commentf("another letter's words"))
	d, err := os.ReadFile(filepath.Join(dir, search.DocChunk(0)+".js"))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(d), qt.Contains, `"Reporting a concern"`)
}

// Real reader questions over the demo pack: the page or answer that answers each
// must be in the top 3.
func TestRelevanceOfTheDemoPack(t *testing.T) {
	s := sitetest.BuildRepo(t)
	ix, err := search.Read(s.Public())
	qt.Assert(t, err, qt.IsNil)
	table := []struct{ q, want string }{
		{"can I accept a friend request from someone I support", "faq.html#can-i-friend-someone-using-my-service"},
		{"friend request", "guidance/boundaries.html"},
		{"friend request from a young person", "scenarios/friend-request-children.html"},
		{"small community friends", "faq.html#can-i-friend-someone-using-my-service"},
		{"photos at a party", "scenarios/photographs-promoting-service.html"},
		{"permission photograph", "guidance/promoting-your-service.html"},
		{"colleague racist post", "cases/racist-comments.html"},
		{"worried about a colleague's offensive post", "faq.html#concerned-about-a-colleague"},
		{"how do I report a colleague", "guidance/concerns-about-a-colleague.html"},
		{"raising concerns", "guidance/concerns-about-a-colleague.html"},
		{"fitness to practise", "codes/3-5.html"},
		{"code 5.8", "codes/5-8.html"},
		{"should I be on social media at all", "faq.html#should-i-use-social-media"},
		{"not using social media", "guidance/choosing-not-to-use.html"},
		{"talking about work online", "guidance/privacy.html"},
		{"confidential information in the background", "guidance/promoting-your-service.html"},
		{"promote my service", "faq.html#can-i-promote-my-service"},
		{"private message discriminatory", "cases/discriminatory-private-message.html"},
		{"uniform photo", "cases/photograph-in-uniform.html"},
		{"work computer comments", "cases/comments-from-a-work-computer.html"},
		{"employer policy comes first", "about.html"},
		{"download offline", "download.html"},
	}
	hits := 0
	for _, tc := range table {
		var top []string
		for i, r := range ix.Query(tc.q) {
			if i == 3 {
				break
			}
			top = append(top, ix.Docs[r.Doc].URL)
		}
		found := false
		for _, u := range top {
			found = found || u == tc.want || strings.HasPrefix(u, tc.want+"#")
		}
		if found {
			hits++
		} else {
			t.Errorf("%q: want %s in the top 3, got %q", tc.q, tc.want, top)
		}
	}
	t.Logf("relevance: %d of %d questions answered in the top 3 (%.0f%%)", hits, len(table), 100*float64(hits)/float64(len(table)))
}

// Budgets: the runtime ≤ 8 KB gzip, the whole index ≤ 40% of the gzipped HTML.
func TestSearchBudgets(t *testing.T) {
	s := sitetest.BuildRepo(t)
	var html, index int
	filepath.WalkDir(s.Public(), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(s.Public(), p)
		switch {
		case strings.HasPrefix(rel, "search/"):
			index += gz(t, p)
		case strings.HasSuffix(p, ".html"):
			html += gz(t, p)
		}
		return nil
	})
	runtime := gz(t, filepath.Join(s.Public(), "assets", "search.js"))
	t.Logf("search runtime %d bytes gzip; index %d bytes gzip; HTML %d bytes gzip (index = %.0f%% of HTML)", runtime, index, html, 100*float64(index)/float64(html))
	qt.Assert(t, runtime <= 8*1024, qt.IsTrue, qt.Commentf("runtime %d bytes gzip", runtime))
	qt.Assert(t, float64(index) <= 0.4*float64(html), qt.IsTrue, qt.Commentf("index %d, HTML %d", index, html))
}

func gz(t *testing.T, p string) int {
	b, err := os.ReadFile(p)
	qt.Assert(t, err, qt.IsNil)
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}
