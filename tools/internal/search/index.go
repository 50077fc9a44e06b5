// Package search builds the pack's search index from the built pages, in Go, at
// build time. The index is written as classic scripts that register their data
// on a global (window.gpSearch), so it loads under file:// and a strict CSP, and
// it is chunked: word forms in sorted ranges with their postings, documents in
// runs, and a vocabulary per first letter for typo correction, so a query loads
// only what it needs. A small metadata script lists every chunk (the runtime
// never asks for one that does not exist) and carries the rules the runtime
// shares with Go: the word pattern, stop words, contractions and limits.
// search.js loads nothing until the reader types.
//
// Ranking is BM25F, computed here: each posting holds the score of a word in
// a document, from its counts in the title, headings and text (weighted
// title > heading > text), the lengths of those fields and the word's rarity.
// The runtime adds the scores of a query's words.
package search

import (
	"cmp"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unique"

	"github.com/guidepack/guidepack/tools/internal/htmlpage"
	"github.com/guidepack/guidepack/tools/internal/parallel"
)

// textChars is how much of a document's text is kept for passages.
const textChars = 8000

// BM25F: the weight of a word's place in a document, and the usual constants.
var (
	fieldWeight = [3]float64{6, 2.5, 1}      // title, headings, text
	fieldB      = [3]float64{0.5, 0.5, 0.75} // how much a field's length counts
)

const (
	k1 = 1.2
	// synonymShare is how much a synonym's match counts against the word's own.
	synonymShare = 0.8
)

// Index is the search index.
type Index struct {
	Docs     []Doc
	Forms    map[string]string    // word form → stem
	Postings map[string][]Posting // stem → documents, by document
	vocab    map[string]bool      // forms seen in the text or named by authors: typos are corrected to these
}

// Posting is one document holding a stem, and its BM25F score (× 100).
type Posting struct{ Doc, Score int }

// Stats say what Build wrote.
type Stats struct {
	Docs, Forms, Stems, Files int
	Bytes                     int64
}

// Read builds the index of the site in dir (for tests).
func Read(dir string, syn Synonyms) (*Index, error) {
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
	pages := make([]Page, len(files))
	errs := make([]error, len(files))
	parallel.For(len(files), func(i int) {
		b, err := os.ReadFile(files[i])
		if err != nil {
			errs[i] = err
			return
		}
		if htmlpage.NoIndex(b) {
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
	return New(pages, syn), nil
}

// Synonyms are the authors' (data/synonyms.yaml): a word, and the words or
// phrases that a search for it also finds.
type Synonyms map[string][]string

// Page is what the index takes from one built page: its documents, their words
// already stemmed and counted. Prepare makes it; pages are prepared on every core
// and then indexed in order by New.
type Page struct{ docs []prepared }

// prepared is one document, its words counted. Slices, not maps, and every word
// interned: a build holds thousands of these at once.
type prepared struct {
	doc   Doc
	forms []string   // every word form in the document and its stem: form, stem, form, stem, …
	stems []string   // every stem in the document …
	tf    [][3]int32 // … and how often it is in the title, the headings and the text
	lens  [3]int32   // how many words the title, headings and text have
}

// Prepare extracts a page's documents and counts their words.
func Prepare(p *htmlpage.Page) Page {
	var pg Page
	for _, d := range extract(p) {
		pd := prepared{doc: d}
		forms := map[string]string{}
		at := map[string]int{}
		for f, text := range []string{d.Title, d.Headings, d.Body} {
			ws := Words(text)
			pd.lens[f] = int32(len(ws))
			for _, w := range ws {
				s, ok := forms[w]
				if !ok {
					w = unique.Make(w).Value() // not a slice of the page's text
					s = Stem(w)
					forms[w] = s
					pd.forms = append(pd.forms, w, s)
				}
				i, ok := at[s]
				if !ok {
					i = len(pd.stems)
					at[s] = i
					pd.stems = append(pd.stems, s)
					pd.tf = append(pd.tf, [3]int32{})
				}
				pd.tf[i][f]++
			}
		}
		pd.doc.Body, pd.doc.Headings = "", ""
		pd.doc.Text = cut(d.Text, textChars)
		pg.docs = append(pg.docs, pd)
	}
	return pg
}

// cut shortens text to about n bytes, at a space.
func cut(text string, n int) string {
	if len(text) <= n {
		return text
	}
	i := strings.LastIndexByte(text[:n], ' ')
	if i < 0 {
		i = n
	}
	return text[:i] + " …"
}

// New indexes prepared pages, a group's pages together (a scenario's versions),
// and adds the authors' synonyms.
func New(pages []Page, syn Synonyms) *Index {
	pages = slices.Clone(pages)
	slices.SortStableFunc(pages, func(a, b Page) int {
		if len(a.docs) == 0 || len(b.docs) == 0 {
			return cmp.Compare(len(b.docs), len(a.docs))
		}
		return strings.Compare(a.docs[0].doc.Group, b.docs[0].doc.Group)
	})
	ix := &Index{Forms: map[string]string{}, Postings: map[string][]Posting{}, vocab: map[string]bool{}}
	var all []prepared
	for _, pg := range pages {
		all = append(all, pg.docs...)
	}
	// Average field lengths and document frequencies, for BM25F.
	var avg [3]float64
	df := map[string]int{}
	for _, d := range all {
		for f := range avg {
			avg[f] += float64(d.lens[f])
		}
		for _, s := range d.stems {
			df[s]++
		}
	}
	n := float64(max(len(all), 1))
	for f := range avg {
		avg[f] = max(avg[f]/n, 1)
	}
	for id, d := range all {
		for i := 0; i < len(d.forms); i += 2 {
			ix.Forms[d.forms[i]] = d.forms[i+1]
			ix.vocab[d.forms[i]] = true
		}
		for i, s := range d.stems {
			var tf float64
			for f := range avg {
				norm := 1 - fieldB[f] + fieldB[f]*float64(d.lens[f])/avg[f]
				tf += fieldWeight[f] * float64(d.tf[i][f]) / norm
			}
			idf := math.Log(1 + (n-float64(df[s])+0.5)/(float64(df[s])+0.5))
			score := int(math.Round(100 * idf * tf * (k1 + 1) / (k1 + tf)))
			ix.Postings[s] = append(ix.Postings[s], Posting{id, max(score, 1)})
		}
		ix.Docs = append(ix.Docs, d.doc)
	}
	ix.addSynonyms(syn)
	ix.addInflections()
	return ix
}

// addSynonyms makes a search for an author's word also find the documents that
// hold every word of one of its synonyms, ranked a little below its own.
func (ix *Index) addSynonyms(syn Synonyms) {
	keys := make([]string, 0, len(syn))
	for k := range syn {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		kw := Words(k)
		if len(kw) != 1 {
			continue // lint reports it
		}
		key := Stem(kw[0])
		scores := map[int]int{}
		for _, p := range ix.Postings[key] {
			scores[p.Doc] = p.Score
		}
		for _, phrase := range syn[k] {
			var sum map[int]int
			for _, w := range Words(phrase) {
				next := map[int]int{}
				for _, p := range ix.Postings[Stem(w)] {
					if sc, ok := sum[p.Doc]; ok || sum == nil {
						next[p.Doc] = sc + p.Score
					}
				}
				sum = next
			}
			for d, sc := range sum {
				scores[d] = max(scores[d], int(synonymShare*float64(sc)))
			}
		}
		if len(scores) == 0 {
			continue
		}
		ps := make([]Posting, 0, len(scores))
		for d, sc := range scores {
			ps = append(ps, Posting{d, sc})
		}
		slices.SortFunc(ps, func(a, b Posting) int { return a.Doc - b.Doc })
		ix.Postings[key] = ps
		ix.Forms[kw[0]] = key
		ix.vocab[kw[0]] = true
	}
}

// addInflections adds common forms of every stem that stem back to it, so a
// reader's "reporting" finds a page that only says "report", and "racism" one
// that says "racist".
func (ix *Index) addInflections() {
	stems := make([]string, 0, len(ix.Postings))
	for s := range ix.Postings {
		stems = append(stems, s)
	}
	sort.Strings(stems)
	clips := map[string][]string{}
	for short, long := range clipped {
		clips[long] = append(clips[long], short)
	}
	// Stemming the candidates is the work: do it on every core, then add the
	// forms in one pass (a form stems to one stem, so the order is free).
	found := make([][]string, len(stems))
	parallel.For(len(stems), func(i int) {
		s := stems[i]
		if number(s) {
			return // "2026" has no other forms
		}
		bases := []string{s, strings.TrimSuffix(s, "e")}
		if strings.HasSuffix(s, "ism") {
			bases = append(bases, strings.TrimSuffix(s, "ism")+"ist")
		}
		bases = append(bases, clips[s]...)
		for _, base := range bases {
			for _, suffix := range []string{"", "s", "es", "ed", "ing", "er", "ers", "e", "ion", "ions", "ment", "ly"} {
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
