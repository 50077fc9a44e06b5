package lint

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// builtinPages are the pages the build adds unless content/ has a file of the
// same name: a page of that name replaces them, as the README documents.
var builtinPages = []string{"download", "search", "a-z"}

// origin is what asks for one output file.
type origin struct {
	file      string // the author's file, or "" for what the build makes
	line, col int
	what      string // how the author knows it
}

func (o origin) String() string {
	if o.file == "" {
		return o.what
	}
	if o.line > 0 {
		return fmt.Sprintf("%s:%d", o.file, o.line)
	}
	return o.file
}

// checkOutputs reports two sources for one output file: two pages whose names
// differ only in case (one file on Windows, macOS and in the zip), a page whose
// slug: is another page's name, a page with the name of a case or code from the
// data files, and a page in place of a handout the build makes. Hugo would keep
// one of them and silently lose the other.
func checkOutputs(root string, pages []page, codes, cases []entry) (map[string]origin, []Problem) {
	made := map[string]origin{"print.html": {what: "the handout of the whole pack"}}
	for _, name := range builtinPages {
		if _, err := os.Stat(filepath.Join(root, "content", name+".md")); err != nil {
			made[name+".html"] = origin{what: fmt.Sprintf("the built-in %s page", name)}
		}
	}
	for _, pg := range pages {
		if dir := topSection(pg.file); dir != "" {
			made[dir+"/print.html"] = origin{what: fmt.Sprintf("the handout of the section %s", dir)}
		}
	}
	for _, d := range []struct {
		file, dir, key, what string
		es                   []entry
	}{{"data/codes.yaml", "codes", "slug", "code with slug", codes}, {"data/cases.yaml", "cases", "id", "case", cases}} {
		for _, e := range d.es {
			if n := e[d.key]; n != nil && n.Value != "" {
				out := urlize(d.dir + "/" + n.Value + ".html")
				if _, dup := made[out]; !dup {
					made[out] = origin{file: d.file, line: n.Line, col: n.Column, what: fmt.Sprintf("the page of the %s %q (%s:%d)", d.what, n.Value, d.file, n.Line)}
				}
			}
		}
	}
	sorted := append([]page(nil), pages...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].file < sorted[j].file })
	var ps []Problem
	for _, pg := range sorted {
		out := outputOf(pg)
		if out == "" {
			continue
		}
		here := origin{file: pg.file} // the whole file
		by := ""
		switch {
		case pg.url != nil:
			here.line, here.col = pg.url.Line, pg.url.Column
			by = fmt.Sprintf(" (its url is %q)", pg.url.Value)
		case pg.slug != nil:
			here.line, here.col = pg.slug.Line, pg.slug.Column
			by = fmt.Sprintf(" (its slug is %q)", pg.slug.Value)
		}
		other, dup := made[out]
		if !dup {
			made[out] = here
			continue
		}
		hint := "rename one of them, or give one a slug: of its own; two sources for one page would lose one of them"
		if pg.url != nil {
			hint = "give the page another url:, or leave url: out (the page's file name is its address); two sources for one page would lose one of them"
		}
		if other.file == "" {
			hint = "rename the page; only search.md, a-z.md and download.md may replace a page the build makes"
		}
		if other.file != "" && !strings.HasPrefix(other.file, "data/") {
			// Name this page at the other's place too: the author may fix either.
			ps = append(ps, Problem{File: other.file, Line: max(other.line, 1), Col: max(other.col, 1), Whole: other.line == 0,
				Msg: fmt.Sprintf("this page would be written to %s, as %s%s is", out, pg.file, by), Hint: hint})
		}
		what := other.what
		if what == "" {
			what = other.String()
		}
		ps = append(ps, Problem{File: here.file, Line: max(here.line, 1), Col: max(here.col, 1), Whole: here.line == 0,
			Msg: fmt.Sprintf("this page%s would be written to %s, as %s is", by, out, what), Hint: hint})
	}
	return made, ps
}

// ScenarioPages reports a page under content/ written where a scenario's page
// goes (scenarios/<id>.html). scs are the scenarios Prepare read.
func (r Result) ScenarioPages(scs []*scenario.Scenario) Problems {
	var ps Problems
	for _, s := range scs {
		out := urlize("scenarios/" + s.ID + ".html")
		if o, dup := r.outputs[out]; dup && o.file != "" && s.ID != "" {
			line, col := s.At()
			ps = append(ps, Problem{File: o.file, Line: max(o.line, 1), Col: max(o.col, 1), Whole: o.line == 0,
				Msg:  fmt.Sprintf("this page would be written to %s, as the scenario %q (%s:%d) is", out, s.ID, s.File, line),
				Hint: "rename the page, or give it a slug: of its own; two sources for one page would lose one of them"})
			ps = append(ps, Problem{File: s.File, Line: line, Col: col,
				Msg:  fmt.Sprintf("this scenario would be written to %s, as %s is", out, o),
				Hint: "give the scenario another id, or rename the page"})
		}
	}
	return ps
}

// outputOf returns the file Hugo writes a page to (ugly URLs, lower case), or
// "" for a section's own page. A url: is the page's whole address: "/x/y.html",
// or "/x/y/" (its index.html), or "/x/y" (y.html).
func outputOf(pg page) string {
	if pg.url != nil {
		u := strings.TrimPrefix(strings.TrimSpace(pg.url.Value), "/")
		switch {
		case u == "" || strings.HasSuffix(u, "/"):
			u += "index.html"
		case path.Ext(u) == "":
			u += ".html"
		}
		return urlize(u)
	}
	rel := strings.TrimPrefix(pg.file, "content/")
	dir, base := path.Split(rel)
	base = strings.TrimSuffix(base, ".md")
	switch {
	case base == "_index":
		return ""
	case base == "index": // a page bundle: its folder is its name
		if dir == "" {
			return ""
		}
		dir, base = path.Split(strings.TrimSuffix(dir, "/"))
	}
	if pg.slug != nil {
		base = strings.TrimSpace(pg.slug.Value)
	}
	return urlize(dir + base + ".html")
}

// topSection returns the top-level section a page is in, or "".
func topSection(file string) string {
	rel := strings.TrimPrefix(file, "content/")
	if i := strings.IndexByte(rel, '/'); i > 0 {
		return urlize(rel[:i])
	}
	return ""
}

// urlize turns a path as written into the one Hugo writes: lower case, spaces as dashes.
func urlize(p string) string {
	return strings.ReplaceAll(strings.ToLower(p), " ", "-")
}
