package lint

import (
	"fmt"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/review"
	"go.yaml.in/yaml/v3"
)

// changesFile is the pack's change log: one entry a version, newest first.
const changesFile = "data/changes.yaml"

var changeFields = fields{
	"version": {plain, true, `the version, as in config.toml, e.g. "1.1.0"`},
	"date":    {reviewField, true, "the day the version was released, e.g. 2026-12-01"},
	"summary": {plain, true, "one sentence on what the version changed"},
	"pages":   {reviewField, false, "the pages it changed: - page: guidance/privacy.md\n      note: what changed"},
}

// Change is one version of the change log, checked.
type Change struct {
	Version string
	Date    time.Time
	Summary string
	Pages   []PageChange
	At      *yaml.Node // the version's value, for problems about it
}

// PageChange is what a version changed on one page.
type PageChange struct {
	Page  string // its file under content/, e.g. guidance/privacy.md
	Title string // its title
	Note  string
}

// checkChanges checks data/changes.yaml: its fields, dates (newest first),
// versions used once, and that each page it names is a page of the pack.
func checkChanges(root string, pages []page) ([]Change, []Problem) {
	entries, ps := checkData(root, changesFile, changeFields, nil)
	have := map[string]string{}
	var names []string
	for _, p := range pages {
		n := strings.TrimPrefix(p.file, "content/")
		have[n] = p.title
		names = append(names, n)
	}
	var out []Change
	seen := map[string]int{}
	var prev *Change
	for _, e := range entries {
		c := Change{Version: e.get("version"), Summary: e.get("summary"), At: e["version"]}
		if v := e["version"]; v != nil && c.Version != "" {
			if line, dup := seen[c.Version]; dup {
				ps = append(ps, Problem{File: changesFile, Line: v.Line, Col: v.Column, Msg: fmt.Sprintf("version %s is in the change log twice", c.Version),
					Hint: fmt.Sprintf("it is first at line %d; write each version's changes in one entry", line)})
			}
			seen[c.Version] = v.Line
		}
		if d := e["date"]; d != nil {
			t, p := review.Date(changesFile, "date", d)
			if p != nil {
				ps = append(ps, *p)
			} else {
				c.Date = t
				if prev != nil && !prev.Date.IsZero() && t.After(prev.Date) {
					ps = append(ps, Problem{File: changesFile, Line: d.Line, Col: d.Column,
						Msg:  fmt.Sprintf("version %s (%s) is dated after version %s (%s), which is above it", c.Version, d.Value, prev.Version, prev.Date.Format(review.Layout)),
						Hint: "the change log is newest first: put the newest version at the top"})
				}
			}
		}
		if n := e["pages"]; n != nil {
			pcs, p := pageChanges(n, have, names)
			c.Pages = pcs
			ps = append(ps, p...)
		}
		out = append(out, c)
		prev = &out[len(out)-1]
	}
	return out, ps
}

// pageChanges checks a version's list of changed pages.
func pageChanges(n *yaml.Node, have map[string]string, names []string) ([]PageChange, []Problem) {
	const example = "- page: guidance/privacy.md\n    note: what changed on the page"
	at := func(n *yaml.Node, msg, hint string) Problem {
		return Problem{File: changesFile, Line: n.Line, Col: n.Column, Msg: msg, Hint: hint}
	}
	if n.Kind != yaml.SequenceNode {
		return nil, []Problem{at(n, "pages is a list of the pages this version changed", "write each as\n"+example)}
	}
	var out []PageChange
	var ps []Problem
	for _, it := range n.Content {
		if it.Kind != yaml.MappingNode {
			ps = append(ps, at(it, "each changed page is a page: and a note:", "write\n"+example))
			continue
		}
		var pc PageChange
		var pageAt *yaml.Node
		for i := 0; i+1 < len(it.Content); i += 2 {
			k, v := it.Content[i], it.Content[i+1]
			if k.Value != "page" && k.Value != "note" {
				ps = append(ps, at(k, fmt.Sprintf("unknown field %q in a changed page", k.Value), "a changed page has page: (its file under content/) and note: (what changed)"))
				continue
			}
			if v.Kind != yaml.ScalarNode || strings.TrimSpace(v.Value) == "" {
				ps = append(ps, at(v, k.Value+" is one line of text", "write\n"+example))
				continue
			}
			if k.Value == "page" {
				pc.Page, pageAt = strings.TrimSpace(v.Value), v
			} else {
				pc.Note = strings.TrimSpace(v.Value)
			}
		}
		if pageAt == nil || pc.Note == "" {
			ps = append(ps, at(it, "a changed page needs both page: and note:", "write\n"+example))
			continue
		}
		title, ok := have[pc.Page]
		if !ok {
			hint := "write the page's file under content/, e.g. guidance/privacy.md"
			if m := nearestName(pc.Page, names); m != "" {
				hint = fmt.Sprintf("did you mean %s? ", m) + hint
			}
			ps = append(ps, at(pageAt, fmt.Sprintf("there is no page content/%s", pc.Page), hint))
			continue
		}
		pc.Title = title
		out = append(out, pc)
	}
	return out, ps
}

func nearestName(s string, names []string) string {
	for _, n := range names {
		if strings.TrimSuffix(n, ".md") == strings.TrimSuffix(strings.TrimPrefix(s, "content/"), ".md") {
			return n
		}
	}
	return diag.Nearest(s, names)
}
