package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/guidepack/guidepack/tools/internal/parallel"
)

// TermChunk names the chunk that holds a word form: its first character.
func TermChunk(form string) string { return "t-" + form[:1] }

// DocChunk names the chunk that holds a document.
func DocChunk(doc int) string { return fmt.Sprintf("d-%d", doc/DocsPerChunk) }

// Write writes the index as classic scripts into dir:
//
//	t-<c>.js  gpSearch.add("t-c", {f: [forms, sorted], s: [stem of each form, as an index into p], p: [[doc, score, doc, score, …], …]})
//	d-<n>.js  gpSearch.add("d-n", [[url, title, section, text], …])
func (ix *Index) Write(dir string) (Stats, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	st := Stats{Docs: len(ix.Docs), Forms: len(ix.Forms), Stems: len(ix.Postings)}
	type termChunk struct {
		F []string `json:"f"`
		S []int    `json:"s"`
		P [][]int  `json:"p"`
	}
	chunks := map[string]*termChunk{}
	stemAt := map[string]map[string]int{}
	forms := make([]string, 0, len(ix.Forms))
	for f := range ix.Forms {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	for _, f := range forms {
		name := TermChunk(f)
		c := chunks[name]
		if c == nil {
			c = &termChunk{}
			chunks[name] = c
			stemAt[name] = map[string]int{}
		}
		s := ix.Forms[f]
		i, ok := stemAt[name][s]
		if !ok {
			i = len(c.P)
			stemAt[name][s] = i
			var flat []int
			for _, p := range ix.Postings[s] {
				flat = append(flat, p.Doc, p.Score)
			}
			if flat == nil {
				flat = []int{}
			}
			c.P = append(c.P, flat)
		}
		c.F = append(c.F, f)
		c.S = append(c.S, i)
	}
	// The chunks are marshalled and written on every core.
	type job struct {
		name string
		v    any
	}
	var jobs []job
	names := make([]string, 0, len(chunks))
	for n := range chunks {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		jobs = append(jobs, job{n, chunks[n]})
	}
	for start := 0; start < len(ix.Docs); start += DocsPerChunk {
		end := min(start+DocsPerChunk, len(ix.Docs))
		rows := make([][4]string, 0, end-start)
		for _, d := range ix.Docs[start:end] {
			rows = append(rows, [4]string{d.URL, d.Title, d.Section, d.Body})
		}
		jobs = append(jobs, job{DocChunk(start), rows})
	}
	sizes := make([]int, len(jobs))
	errs := make([]error, len(jobs))
	parallel.For(len(jobs), func(i int) {
		b, err := json.Marshal(jobs[i].v)
		if err != nil {
			errs[i] = err
			return
		}
		var buf bytes.Buffer
		fmt.Fprintf(&buf, "gpSearch.add(%q,", jobs[i].name)
		buf.Write(b)
		buf.WriteString(");\n")
		sizes[i] = buf.Len()
		errs[i] = os.WriteFile(filepath.Join(dir, jobs[i].name+".js"), buf.Bytes(), 0o644)
	})
	for i := range jobs {
		if errs[i] != nil {
			return st, errs[i]
		}
		st.Files++
		st.Bytes += int64(sizes[i])
	}
	return st, nil
}
