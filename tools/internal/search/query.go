package search

import (
	"sort"
	"strings"
)

// Result is one document found, with its score.
type Result struct {
	Doc   int
	Score int
}

// maxPrefixForms caps how many word forms a prefix may expand to.
const maxPrefixForms = 40

// Query finds the documents that hold every word of q, best first. The last
// word also matches as a prefix (as you type); a word the index does not hold
// as a form matches as a prefix too. search.js does exactly this.
func (ix *Index) Query(q string) []Result {
	words := Words(q)
	if len(words) == 0 {
		return nil
	}
	forms := make([]string, 0, len(ix.Forms))
	for f := range ix.Forms {
		forms = append(forms, f)
	}
	sort.Strings(forms)
	var total map[int]int
	for i, w := range words {
		stems := map[string]bool{}
		if s, ok := ix.Forms[w]; ok {
			stems[s] = true
		}
		if i == len(words)-1 || len(stems) == 0 {
			j := sort.SearchStrings(forms, w)
			for n := 0; j < len(forms) && strings.HasPrefix(forms[j], w) && n < maxPrefixForms; j, n = j+1, n+1 {
				stems[ix.Forms[forms[j]]] = true
			}
		}
		scores := map[int]int{}
		for s := range stems {
			for _, p := range ix.Postings[s] {
				if p.Score > scores[p.Doc] {
					scores[p.Doc] = p.Score
				}
			}
		}
		if total == nil {
			total = scores
			continue
		}
		for d := range total {
			if sc, ok := scores[d]; ok {
				total[d] += sc
			} else {
				delete(total, d)
			}
		}
	}
	out := make([]Result, 0, len(total))
	for d, sc := range total {
		out = append(out, Result{d, sc})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Doc < out[j].Doc
	})
	return out
}
