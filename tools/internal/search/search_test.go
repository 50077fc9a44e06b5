package search_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/htmlpage"
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
		{"employer's policy, code 5.8.", []string{"employer", "policy", "code", "5.8"}},
		{"I don’t want it; dont; do not", []string{"not", "want", "not", "not"}},
		{"We'll meet, well met; I'm here", []string{"meet", "well", "met", "here"}},
		{"constructor toString __proto__", []string{"constructor", "tostring", "proto"}},
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
		"photographs": "photograph", "photo": "photograph", "photos": "photograph",
		"racist": "racism", "racists": "racism", "racism": "racism", "list": "list",
		"policies": "polici", "policy": "polici", "friends": "friend", "5.8": "5.8",
	} {
		qt.Assert(t, search.Stem(in), qt.Equals, want, qt.Commentf("%q", in))
	}
}

// The runtime keeps no copy of the rules Go indexes with: it reads them from
// the metadata the build writes.
func TestTheRuntimeReadsItsRulesFromTheIndex(t *testing.T) {
	js, err := os.ReadFile(filepath.Join(sitetest.Repo(), "assets", "js", "search.js"))
	qt.Assert(t, err, qt.IsNil)
	for _, copy := range []string{"a an and", "PER_CHUNK", "MAX_PREFIX", "[a-z0-9]+(?:", "don't"} {
		qt.Assert(t, string(js), qt.Not(qt.Contains), copy)
	}
	for _, read := range []string{"M.pattern", "M.stop", "M.con", "M.maxPrefix", "M.minPrefix", "M.show", "M.typo", "M.alphabet", "M.t", "M.d", "M.v", "M.g"} {
		qt.Assert(t, string(js), qt.Contains, read)
	}
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
How to report. Whistles blow.
-- content/guidance/other.md --
---
title: Other things
---
## Concerns

A heading about concerns, and a list:

- one item
- two items
-- data/synonyms.yaml --
whistleblowing: [report a concern]
`

// The written index: metadata that lists every chunk, term chunks in sorted
// ranges that hold each form's postings, documents with their passages' text,
// and vocabularies for typo correction.
func TestWrittenIndex(t *testing.T) {
	s := sitetest.Build(t, fixture)
	dir := filepath.Join(s.Public(), "search")
	var meta search.Meta
	read(t, filepath.Join(dir, "meta.js"), "meta", &meta)
	files, _ := filepath.Glob(filepath.Join(dir, "*.js"))
	listed := map[string]bool{"meta.js": true}
	for i := range meta.Terms {
		listed[fmt.Sprintf("t-%d.js", i)] = true
	}
	for i := range meta.Docs {
		listed[fmt.Sprintf("d-%d.js", i)] = true
	}
	for _, l := range meta.Vocab {
		listed["v-"+string(l)+".js"] = true
	}
	for _, f := range files {
		qt.Check(t, listed[filepath.Base(f)], qt.IsTrue, qt.Commentf("%s is not in the metadata", f))
		delete(listed, filepath.Base(f))
	}
	qt.Check(t, listed, qt.HasLen, 0, qt.Commentf("listed and not written"))
	qt.Assert(t, meta.Stop, qt.Equals, search.StopWords)
	qt.Assert(t, meta.Pattern, qt.Equals, search.WordPattern)
	qt.Assert(t, meta.MaxPrefix, qt.Equals, search.MaxPrefix)
	qt.Assert(t, meta.Contractions["dont"], qt.Equals, "do not")

	var terms struct {
		F []string
		S []int
		P []string
	}
	read(t, filepath.Join(dir, "t-0.js"), "t-0", &terms)
	at := func(form string) int {
		for i, f := range terms.F {
			if f == form {
				return terms.S[i]
			}
		}
		t.Fatalf("%q is not indexed: %q", form, terms.F)
		return 0
	}
	qt.Check(t, at("reporting"), qt.Equals, at("report"))
	qt.Check(t, at("concerns"), qt.Equals, at("concern"))
	// The synonym finds the page that has every word of its phrase.
	docs := func(p string) (out []int) {
		v, m, d := 0, 1, 0
		for i, pair := 0, 0; i < len(p); i++ {
			x := strings.IndexByte(search.Alphabet, p[i])
			if x > 31 {
				v, m = v+(x-32)*m, m*32
				continue
			}
			if pair%2 == 0 {
				d += v + x*m
				out = append(out, d)
			}
			pair, v, m = pair+1, 0, 1
		}
		return out
	}
	qt.Check(t, docs(terms.P[at("concern")]), qt.HasLen, 2) // the synonym's phrase is in one of them
	qt.Check(t, docs(terms.P[at("whistleblowing")]), qt.DeepEquals, docs(terms.P[at("report")]))
	var v string
	read(t, filepath.Join(dir, "v-c.js"), "v-c", &v)
	qt.Check(t, strings.Fields(v), qt.Contains, "concern")
}

// Extraction: lists of other pages, verdicts and scenario instructions are
// not text; blocks are spaced; headings with ids are where passages link.
func TestExtractedText(t *testing.T) {
	s := sitetest.Build(t, fixture+`
-- content/guidance/_index.md --
---
title: Guidance
---
Topics.
`)
	dir := filepath.Join(s.Public(), "search")
	var rows [][]any
	read(t, filepath.Join(dir, "d-0.js"), "d-0", &rows)
	byURL := map[string][]any{}
	for _, r := range rows {
		byURL[r[0].(string)] = r
	}
	qt.Assert(t, byURL["guidance/other.html"], qt.IsNotNil)
	text := byURL["guidance/other.html"][3].(string)
	qt.Check(t, text, qt.Contains, "Concerns A heading about concerns, and a list: one item two items")
	qt.Check(t, byURL["guidance/other.html"][4], qt.DeepEquals, []any{[]any{float64(0), "concerns", "Concerns"}})
	qt.Check(t, byURL["guidance/index.html"][3], qt.Equals, "Topics.", qt.Commentf("the list of pages is not the page's text"))
}

func read(t *testing.T, file, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(file)
	qt.Assert(t, err, qt.IsNil)
	s := string(b)
	prefix := `gpSearch.add("` + name + `",`
	qt.Assert(t, strings.HasPrefix(s, prefix) && strings.HasSuffix(s, ");\n"), qt.IsTrue, qt.Commentf("%.80s", s))
	qt.Assert(t, json.Unmarshal([]byte(s[len(prefix):len(s)-3]), v), qt.IsNil)
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

// A long page is read in time proportional to its length: where an element
// ends is looked for once, not again for every token inside it (that made the
// pages of a 5,000-page pack cost 2 s of CPU more, and a page this long minutes).
func TestLongPageReadsInLinearTime(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><title>Long</title></head><body><main><h1>Long</h1><div>`)
	for i := range 60000 {
		fmt.Fprintf(&b, "<p>Paragraph %d about <em>boundaries</em>.</p>\n", i)
	}
	b.WriteString(`</div></main></body></html>`)
	start := time.Now()
	pg := search.Prepare(htmlpage.Parse("long.html", []byte(b.String())))
	took := time.Since(start)
	qt.Assert(t, search.New([]search.Page{pg}, nil).Postings[search.Stem("boundaries")], qt.HasLen, 1)
	// Linear: well under a second here, even on a busy machine; the quadratic
	// read took minutes.
	qt.Check(t, took < 15*time.Second, qt.IsTrue, qt.Commentf("reading a page of 60,000 paragraphs took %s", took))
}
