package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/parallel"
)

// Limits the runtime reads from the metadata (one place for each).
const (
	// MaxPrefix caps how many word forms a word typed in part expands to.
	MaxPrefix = 40
	// MinPrefix is the shortest word that matches as a prefix.
	MinPrefix = 3
	// Show is how many results a page of results shows.
	Show = 10
	// termChunkBytes and docChunkBytes are the sizes chunks are cut at (a
	// chunk holds at least one stem or document, however large).
	termChunkBytes = 24 << 10
	docChunkBytes  = 16 << 10
)

// Meta is the index's metadata (search/meta.js): what the runtime needs before
// it can load anything else.
type Meta struct {
	Pattern      string            `json:"pattern"`   // the word pattern (WordPattern)
	Stop         string            `json:"stop"`      // the stop words, space-separated
	Contractions map[string]string `json:"con"`       // contraction → its words
	Terms        []string          `json:"t"`         // the first form of each term chunk t-<i>
	Vocab        string            `json:"v"`         // the first letters with a vocabulary file v-<letter>
	Docs         []int             `json:"d"`         // the first document of each docs chunk d-<i>
	Groups       string            `json:"g"`         // how many documents each result group has, in order (encoded)
	MaxPrefix    int               `json:"maxPrefix"` //
	MinPrefix    int               `json:"minPrefix"` //
	Show         int               `json:"show"`      //
	Typo         [2]int            `json:"typo"`      // the shortest words corrected with 1 and with 2 edits
	Alphabet     string            `json:"alphabet"`  // the digits of the encoded numbers
	Count        int               `json:"count"`     // documents
}

// Alphabet are the digits of encoded numbers: base 32, with a continuation
// digit set above it (see enc).
const Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// enc appends n as digits of Alphabet: 5 bits a digit, low bits first; every
// digit but the last is from the upper half.
func enc(b []byte, n int) []byte {
	for n >= 32 {
		b = append(b, Alphabet[32+n&31])
		n >>= 5
	}
	return append(b, Alphabet[n])
}

// encodePostings writes a stem's postings as (gap to the previous document, score) pairs.
func encodePostings(ps []Posting) string {
	b := make([]byte, 0, len(ps)*3)
	last := 0
	for _, p := range ps {
		b = enc(b, p.Doc-last)
		b = enc(b, p.Score)
		last = p.Doc
	}
	return string(b)
}

type termChunk struct {
	F []string `json:"f"` // forms, sorted
	S []int    `json:"s"` // each form's stem, an index into P
	P []string `json:"p"` // the stems' postings, encoded
}

// row is a document as the runtime shows it.
type row struct {
	doc Doc
}

func (r row) MarshalJSON() ([]byte, error) {
	heads := make([][3]any, 0, len(r.doc.Heads))
	for _, h := range r.doc.Heads {
		heads = append(heads, [3]any{h.At, h.ID, h.Title})
	}
	var page any = 0
	if r.doc.Part {
		page = r.doc.Page
	}
	return json.Marshal([]any{r.doc.URL, r.doc.Title, r.doc.Section, r.doc.Text, heads, page})
}

// Write writes the index as classic scripts into dir:
//
//	meta.js   gpSearch.add("meta", Meta)
//	t-<i>.js  gpSearch.add("t-i", {f: [forms], s: [stem of each form], p: [postings of each stem]})
//	v-<c>.js  gpSearch.add("v-c", "forms starting with c, the most frequent first")
//	d-<i>.js  gpSearch.add("d-i", [[url, title, section, text, [[at, id, heading], …], a step's page title or 0], …])
func (ix *Index) Write(dir string) (Stats, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Stats{}, err
	}
	st := Stats{Docs: len(ix.Docs), Forms: len(ix.Forms), Stems: len(ix.Postings)}
	meta := Meta{Pattern: WordPattern, Stop: StopWords, Contractions: Contractions(), MaxPrefix: MaxPrefix, MinPrefix: MinPrefix,
		Show: Show, Typo: [2]int{4, 8}, Alphabet: Alphabet, Count: len(ix.Docs)}
	type job struct {
		name string
		v    any
	}
	var jobs []job

	// Term chunks: sorted forms, cut where a chunk has grown past its size.
	forms := make([]string, 0, len(ix.Forms))
	for f := range ix.Forms {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	encoded := map[string]string{}
	var c *termChunk
	var at map[string]int
	size := 0
	for _, f := range forms {
		s := ix.Forms[f]
		if c == nil || size > termChunkBytes && (len(c.F) == 0 || ix.Forms[c.F[len(c.F)-1]] != s) {
			c, at, size = &termChunk{}, map[string]int{}, 0
			name := fmt.Sprintf("t-%d", len(meta.Terms))
			meta.Terms = append(meta.Terms, f)
			jobs = append(jobs, job{name, c})
		}
		i, ok := at[s]
		if !ok {
			e, ok := encoded[s]
			if !ok {
				e = encodePostings(ix.Postings[s])
				encoded[s] = e
			}
			i = len(c.P)
			at[s] = i
			c.P = append(c.P, e)
			size += len(e) + 3
		}
		c.F = append(c.F, f)
		c.S = append(c.S, i)
		size += len(f) + 5
	}

	// Vocabularies for typo correction: by first letter, the commonest first.
	byLetter := map[byte][]string{}
	for f := range ix.vocab {
		if f[0] >= 'a' && f[0] <= 'z' && len(f) >= meta.Typo[0]-1 {
			byLetter[f[0]] = append(byLetter[f[0]], f)
		}
	}
	var letters []byte
	for l, fs := range byLetter {
		letters = append(letters, l)
		sort.Slice(fs, func(i, j int) bool {
			a, b := len(ix.Postings[ix.Forms[fs[i]]]), len(ix.Postings[ix.Forms[fs[j]]])
			if a != b {
				return a > b
			}
			return fs[i] < fs[j]
		})
	}
	sort.Slice(letters, func(i, j int) bool { return letters[i] < letters[j] })
	meta.Vocab = string(letters)
	for _, l := range letters {
		jobs = append(jobs, job{"v-" + string(l), strings.Join(byLetter[l], " ")})
	}

	// Documents, in runs cut where a chunk has grown past its size.
	var rows []row
	size = 0
	flush := func() {
		if len(rows) > 0 {
			jobs = append(jobs, job{fmt.Sprintf("d-%d", len(meta.Docs)-1), rows})
		}
	}
	for i, d := range ix.Docs {
		if i == 0 || size > docChunkBytes {
			flush()
			rows, size = nil, 0
			meta.Docs = append(meta.Docs, i)
		}
		rows = append(rows, row{d})
		size += len(d.URL) + len(d.Title) + len(d.Section) + len(d.Text) + 40
	}
	flush()

	// Groups: a run of documents with the same group is one result.
	var g []byte
	for i := 0; i < len(ix.Docs); {
		j := i + 1
		for j < len(ix.Docs) && ix.Docs[j].Group == ix.Docs[i].Group {
			j++
		}
		g = enc(g, j-i)
		i = j
	}
	meta.Groups = string(g)
	jobs = append(jobs, job{"meta", meta})

	// The chunks are marshalled and written on every core.
	sizes := make([]int, len(jobs))
	errs := make([]error, len(jobs))
	parallel.For(len(jobs), func(i int) {
		var buf bytes.Buffer
		e := json.NewEncoder(&buf)
		e.SetEscapeHTML(false)
		fmt.Fprintf(&buf, "gpSearch.add(%q,", jobs[i].name)
		if err := e.Encode(jobs[i].v); err != nil {
			errs[i] = err
			return
		}
		buf.Truncate(buf.Len() - 1) // the encoder's newline
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
