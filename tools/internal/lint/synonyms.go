package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/search"
	"go.yaml.in/yaml/v3"
)

// synonymsFile is where authors name the words readers use for the pack's words.
const synonymsFile = "data/synonyms.yaml"

const synonymsExample = "for example: whistleblowing: [raising a concern, report a concern]"

// checkSynonyms checks data/synonyms.yaml: a map from one word to a list of the
// words or phrases a search for it also finds. A missing file is fine.
func checkSynonyms(root string) (map[string][]string, []Problem) {
	name := synonymsFile
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, []Problem{{File: name, Msg: err.Error()}}
	}
	doc, perr := diag.ParseYAML(name, b) // limits size and depth before any second parse
	if perr != nil {
		return nil, []Problem{*perr}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, []Problem{diag.At(name, top, "this file must map words to their synonyms", synonymsExample)}
	}
	var ps []Problem
	syn := map[string][]string{}
	first := map[string]*yaml.Node{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		ws := search.Words(k.Value)
		switch {
		case k.Kind != yaml.ScalarNode || len(ws) == 0:
			ps = append(ps, diag.At(name, k, fmt.Sprintf("%q is not a word search can find", k.Value),
				"write an English word of letters or digits, not a stop word such as \"the\"; "+synonymsExample))
			continue
		case len(ws) > 1:
			ps = append(ps, diag.At(name, k, fmt.Sprintf("%q is more than one word", k.Value),
				"write one word before the colon; phrases go in its list, "+synonymsExample))
			continue
		}
		if f, dup := first[ws[0]]; dup {
			ps = append(ps, diag.At(name, k, fmt.Sprintf("%q is given twice", k.Value),
				fmt.Sprintf("it is first given at line %d; put all its synonyms in one list", f.Line)))
			continue
		}
		first[ws[0]] = k
		if v.Kind != yaml.SequenceNode {
			ps = append(ps, diag.At(name, v, fmt.Sprintf("the synonyms of %q must be a list", k.Value),
				fmt.Sprintf("write them in brackets, separated by commas: %s: [%s]", k.Value, strings.TrimSpace(v.Value))))
			continue
		}
		if len(v.Content) == 0 {
			ps = append(ps, diag.At(name, v, fmt.Sprintf("%q has no synonyms", k.Value), "list at least one, or remove the line; "+synonymsExample))
			continue
		}
		for _, s := range v.Content {
			if s.Kind != yaml.ScalarNode || len(search.Words(s.Value)) == 0 {
				ps = append(ps, diag.At(name, s, fmt.Sprintf("synonym %q of %q has no word search can find", s.Value, k.Value),
					"write English words or a phrase, not only stop words such as \"the\" or \"a\""))
				continue
			}
			syn[k.Value] = append(syn[k.Value], s.Value)
		}
	}
	return syn, ps
}
