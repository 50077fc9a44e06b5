package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/review"
	"go.yaml.in/yaml/v3"
)

// checkData checks a data file that is a list of entries with the given fields.
// A missing file is fine (a pack may have no cases). It returns the entries'
// plain values by key, for cross-checks.
func checkData(root, name string, fs fields, known map[string]bool) ([]entry, []Problem) {
	path := filepath.Join(root, filepath.FromSlash(name))
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, []Problem{{File: name, Msg: err.Error()}}
	}
	doc, perr := diag.ParseYAML(name, b)
	if perr != nil {
		return nil, []Problem{*perr}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	list := doc.Content[0]
	if list.Kind != yaml.SequenceNode {
		return nil, []Problem{{File: name, Line: list.Line, Col: list.Column, Msg: "this file must be a list of entries",
			Hint: "start each entry with a dash: - id: ..."}}
	}
	ps := []Problem(diag.DuplicateKeys(name, doc))
	var entries []entry
	seen := map[string]*yaml.Node{}
	for _, e := range list.Content {
		if e.Kind != yaml.MappingNode {
			ps = append(ps, Problem{File: name, Line: e.Line, Col: e.Column, Msg: "each entry must be a group of fields (key: value)",
				Hint: "e.g.\n  - id: ...\n    title: ..."})
			continue
		}
		vals := entry{"": e}
		have, meant := map[string]bool{}, map[string]bool{}
		for i := 0; i+1 < len(e.Content); i += 2 {
			k, v := e.Content[i], e.Content[i+1]
			f, ok := fs[k.Value]
			if !ok {
				hint := "the fields are " + fieldList(fs)
				if n := nearest(k.Value, fs); n != "" {
					hint = fmt.Sprintf("did you mean %q? The fields are %s", n, fieldList(fs))
					meant[n] = true
				}
				ps = append(ps, Problem{File: name, Line: k.Line, Col: k.Column, Msg: fmt.Sprintf("unknown field %q", k.Value), Hint: hint})
				continue
			}
			have[k.Value] = true
			ps = append(ps, checkField(name, b, k, f, v, known)...)
			if v.Kind == yaml.ScalarNode || f.kind == reviewField {
				vals[k.Value] = v
			}
			if k.Value == "id" && v.Kind == yaml.ScalarNode && v.Value != "" {
				if first, dup := seen[v.Value]; dup {
					ps = append(ps, Problem{File: name, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("id %q is used twice", v.Value),
						Hint: fmt.Sprintf("it is first used at line %d; ids must be unique", first.Line)})
				} else {
					seen[v.Value] = v
				}
			}
		}
		for _, k := range sortedKeys(fs) {
			if fs[k].required && !have[k] && !meant[k] {
				ps = append(ps, Problem{File: name, Line: e.Line, Col: e.Column, Msg: fmt.Sprintf("this entry has no %s", k),
					Hint: fmt.Sprintf("add %s: %s", k, fs[k].about)})
			}
		}
		entries = append(entries, vals)
	}
	return entries, ps
}

// reviews returns the review fields of every entry of a data file, checked. kind is the kind of entry (faq, case); its title is in titleKey.
func reviews(name, kind, titleKey string, entries []entry) ([]review.Entry, []Problem) {
	var out []review.Entry
	var ps []Problem
	for _, en := range entries {
		var rf review.Fields
		for k, v := range en {
			rf.Set(k, v)
		}
		e := review.Entry{Kind: kind, Key: en.get("id"), Title: en.get(titleKey), File: name, Line: en[""].Line, Col: en[""].Column}
		ps = append(ps, review.Check(name, rf, &e)...)
		out = append(out, e)
	}
	return out, ps
}

// entry is a data file entry's plain values, by key; "" holds the entry's own
// node, for its place.
type entry map[string]*yaml.Node

// get returns the value of key, or "".
func (e entry) get(key string) string {
	if n := e[key]; n != nil {
		return n.Value
	}
	return ""
}

func fieldList(fs fields) string { return strings.Join(sortedKeys(fs), ", ") }
