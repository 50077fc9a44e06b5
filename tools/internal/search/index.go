// Package search builds the pack's search index from the built pages, in Go, at
// build time. The index is written as classic scripts that register their data
// on a global (window.gpSearch), so it loads under file:// and a strict CSP, and
// it is chunked: one file per first letter of the words (their forms, stems and
// postings) and one per hundred documents (titles, addresses, text for snippets),
// so a query loads only what it needs. search.js loads nothing until the reader
// types. Index.Query is the same search in Go, for tests.
package search

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unique"

	"github.com/guidepack/guidepack/tools/internal/htmlpage"
	"github.com/guidepack/guidepack/tools/internal/parallel"
)

// DocsPerChunk is how many documents one docs chunk holds.
const DocsPerChunk = 100

// snippetChars is how much of a document's text is kept for snippets.
const snippetChars = 700

// Weights of a word's place in a document: titles above headings above text.
const (
	titleWeight   = 20
	headingWeight = 5
	bodyWeight    = 1
)

// Index is the search index.
type Index struct {
	Docs     []Doc
	Forms    map[string]string    // word form → stem
	Postings map[string][]Posting // stem → documents
}

// Posting is one document holding a stem, and how well.
type Posting struct{ Doc, Score int }

// Stats say what Build wrote.
type Stats struct {
	Docs, Forms, Stems, Files int
	Bytes                     int64
}

// Read builds the index of the site in dir.
func Read(dir string) (*Index, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	// Read and parse the pages on every core; index them in order.
	pages := make([]Page, len(files))
	errs := make([]error, len(files))
	parallel.For(len(files), func(i int) {
		b, err := os.ReadFile(files[i])
		if err != nil {
			errs[i] = err
			return
		}
		rel, _ := filepath.Rel(dir, files[i])
		pages[i] = Prepare(htmlpage.Parse(filepath.ToSlash(rel), b))
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return New(pages), nil
}

// Page is what the index takes from one built page: its documents, their words
// already stemmed and scored. Prepare makes it; pages are prepared on every core
// and then indexed in order by New.
type Page struct{ docs []prepared }

// prepared is one document, its words scored. Slices, not maps, and every word
// interned: a build holds thousands of these at once.
type prepared struct {
	doc    Doc
	forms  []string // every word form in the document and its stem: form, stem, form, stem, …
	stems  []string // every stem in the document …
	scores []int32  // … and its score
}

// Prepare extracts a page's documents and scores their words.
func Prepare(p *htmlpage.Page) Page {
	var pg Page
	for _, d := range extract(p) {
		pd := prepared{doc: d}
		forms := map[string]string{}
		scores := map[string]int{}
		for _, part := range []struct {
			text   string
			weight int
		}{{d.Title, titleWeight}, {d.Headings, headingWeight}, {d.Body, bodyWeight}} {
			count := map[string]int{} // a word counts at most three times in a part
			for _, w := range Words(part.text) {
				s, ok := forms[w]
				if !ok {
					w = unique.Make(w).Value() // not a slice of the page's text
					s = Stem(w)
					forms[w] = s
					pd.forms = append(pd.forms, w, s)
				}
				if count[s] < 3 {
					if _, ok := scores[s]; !ok {
						pd.stems = append(pd.stems, s)
					}
					scores[s] += part.weight
				}
				count[s]++
			}
		}
		pd.scores = make([]int32, len(pd.stems))
		for i, s := range pd.stems {
			pd.scores[i] = int32(scores[s])
		}
		if len(d.Body) > snippetChars {
			cut := strings.LastIndexByte(d.Body[:snippetChars], ' ')
			if cut < 0 {
				cut = snippetChars
			}
			pd.doc.Body = d.Body[:cut] + " …"
		}
		pg.docs = append(pg.docs, pd)
	}
	return pg
}

// New indexes prepared pages, in the order given.
func New(pages []Page) *Index {
	ix := &Index{Forms: map[string]string{}, Postings: map[string][]Posting{}}
	for _, pg := range pages {
		for _, d := range pg.docs {
			id := len(ix.Docs)
			for i := 0; i < len(d.forms); i += 2 {
				ix.Forms[d.forms[i]] = d.forms[i+1]
			}
			for i, s := range d.stems {
				ix.Postings[s] = append(ix.Postings[s], Posting{id, int(d.scores[i])})
			}
			ix.Docs = append(ix.Docs, d.doc)
		}
	}
	ix.addInflections()
	return ix
}

// addInflections adds common forms of every stem that stem back to it, so a
// reader's "reporting" finds a page that only says "report".
func (ix *Index) addInflections() {
	stems := make([]string, 0, len(ix.Postings))
	for s := range ix.Postings {
		stems = append(stems, s)
	}
	// Stemming the candidates is the work: do it on every core, then add the
	// forms in one pass (a form stems to one stem, so the order is free).
	found := make([][]string, len(stems))
	parallel.For(len(stems), func(i int) {
		s := stems[i]
		if number(s) {
			return // "2026" has no other forms
		}
		for _, suffix := range []string{"s", "es", "ed", "ing", "er", "ers", "e", "ion", "ions", "ment", "ly"} {
			for _, base := range []string{s, strings.TrimSuffix(s, "e")} {
				if f := base + suffix; !stop[f] && Stem(f) == s {
					found[i] = append(found[i], f)
				}
			}
		}
		if strings.HasSuffix(s, "i") { // "polici" → "policy"
			if f := strings.TrimSuffix(s, "i") + "y"; Stem(f) == s {
				found[i] = append(found[i], f)
			}
		}
	})
	for i, forms := range found {
		for _, f := range forms {
			if _, ok := ix.Forms[f]; !ok {
				ix.Forms[f] = stems[i]
			}
		}
	}
}
