// Package trace takes what the offline check finds wrong in a built page back
// to what the author wrote: the Markdown file and line of the link, the data
// file entry, the scenario step. A reference copied into print pages (the
// handouts hold every page again) is reported once, at its source. What no
// authored file holds comes from a layout, and is reported as the check saw it.
package trace

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/offline"
)

// Problems returns the check's problems as the author's: each at the authored
// file, line and column it comes from, once, with a did-you-mean.
func Problems(root string, found []offline.Problem) diag.Problems {
	sources, layouts := authored(root, "content", "data", "scenarios"), authored(root, "layouts", "assets")
	// The pages themselves first, then the handouts that copy them: a
	// problem is named by (and its did-you-mean is from) a page a reader opens.
	found = slices.Clone(found)
	sort.SliceStable(found, func(i, j int) bool { return !handout(found[i].Page) && handout(found[j].Page) })
	var out diag.Problems
	var pages [][]string     // the built pages each problem is on
	seen := map[string]int{} // where and what → index in out
	for _, f := range found {
		p, ok := locate(sources, f)
		key := fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
		if !ok {
			// A layout's: the same reference on every page it makes is one.
			p = inLayout(layouts, f)
			key = f.Ref + "\x00" + f.Why
		}
		if i, dup := seen[key]; dup {
			pages[i] = append(pages[i], f.Page)
			continue
		}
		seen[key] = len(out)
		out = append(out, p)
		pages = append(pages, []string{f.Page})
	}
	for i, on := range pages {
		layout := out[i].File == "" || strings.HasPrefix(out[i].File, "layouts/") || strings.HasPrefix(out[i].File, "assets/")
		switch {
		case layout && len(on) > 1:
			out[i].Msg += fmt.Sprintf(" (and on %d more pages)", len(on)-1)
		case layout:
		case len(on) == 1:
			out[i].Msg += fmt.Sprintf(" (on %s)", on[0])
		default:
			out[i].Msg += fmt.Sprintf(" (on %s and %d more)", on[0], len(on)-1)
		}
	}
	return out
}

// handout tells whether a built page is a print page, whose ids and links
// are rewritten copies of other pages'.
func handout(page string) bool { return path.Base(page) == "print.html" }

// source is one authored file's text.
type source struct {
	file string // project-relative, slashes
	text string
}

// inLayout is a problem no authored file holds: at the layout or stylesheet
// that has the reference as built, if one has it as it is, else as the check
// saw it.
func inLayout(layouts []source, f offline.Problem) diag.Problem {
	const hint = "a mistake in a layout (layouts/) or a stylesheet (assets/): a developer's, not in the pack's text"
	for _, quoted := range []string{`"` + f.Ref + `"`, `'` + f.Ref + `'`, "(" + f.Ref + ")"} {
		for _, s := range layouts {
			i := strings.Index(s.text, quoted)
			if i < 0 {
				continue
			}
			line := strings.Count(s.text[:i+1], "\n") + 1
			src := diag.LineOf([]byte(s.text), line)
			col := diag.Chars(src, i+1-(strings.LastIndex(s.text[:i+1], "\n")+1)+1)
			return diag.Problem{File: s.file, Line: line, Col: col, Source: src, Hint: hint,
				Msg: fmt.Sprintf("%s: %s: %s", f.Page, f.Ref, f.Why)}
		}
	}
	return diag.Problem{Msg: f.String(), Hint: "this reference is in no authored file: it comes from a layout (layouts/) or a stylesheet"}
}

// authored reads the files in dirs (of root) that references are written in:
// pages, data files, scenarios; layouts and stylesheets.
func authored(root string, dirs ...string) []source {
	var out []source
	for _, dir := range dirs {
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch filepath.Ext(p) {
			case ".md", ".yaml", ".yml", ".html", ".css", ".js":
			default:
				return nil
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(root, p)
			out = append(out, source{file: filepath.ToSlash(rel), text: string(b)})
			return nil
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].file < out[j].file })
	return out
}

// locate finds where f's reference is written: a link or image target in
// Markdown, "(target)", that names the same page (by its file name) and id;
// first in the built page's own source, then in any authored file.
func locate(sources []source, f offline.Problem) (diag.Problem, bool) {
	target, frag := written(f.Page, f.Ref)
	own := ownSources(f.Page)
	for _, pass := range []bool{true, false} {
		for _, s := range sources {
			if own[s.file] != pass {
				continue
			}
			line, col, ref, ok := find(s.text, func(ref string) bool { return same(ref, target, frag, f.Page) })
			if !ok {
				continue
			}
			src := diag.LineOf([]byte(s.text), line)
			return diag.Problem{File: s.file, Line: line, Col: diag.Chars(src, col), Source: src,
				Msg:  fmt.Sprintf("link %q: %s", ref, why(f.Why, target, frag)),
				Hint: hint(f, frag)}, true
		}
	}
	return diag.Problem{}, false
}

// find returns the line, the byte column (from 1) and the text of the first
// Markdown link or image target in text, "](target)", that match accepts.
func find(text string, match func(ref string) bool) (line, col int, ref string, ok bool) {
	for i := 0; ; {
		j := strings.Index(text[i:], "](")
		if j < 0 {
			return 0, 0, "", false
		}
		start := i + j + 2
		end := start
		for end < len(text) && !strings.ContainsRune(") \t\n\"'", rune(text[end])) {
			end++
		}
		if ref = text[start:end]; match(ref) {
			line = strings.Count(text[:start], "\n") + 1
			col = start - (strings.LastIndex(text[:start], "\n") + 1) + 1
			return line, col, ref, true
		}
		i = start
	}
}

// same tells whether ref, a link as the author wrote it, names target (a site
// path; "" for the page itself) and frag: by the file's name without its
// extension (x.md is x.html once built), the folders aside.
func same(ref, target, frag, page string) bool {
	p, fr, _ := strings.Cut(ref, "#")
	if fr != frag {
		return false
	}
	if p == "" || target == "" || target == page {
		return p == "" && (target == "" || target == page)
	}
	stem := func(s string) string {
		s = path.Base(s)
		return strings.TrimSuffix(s, path.Ext(s))
	}
	return stem(p) == stem(target)
}

// written returns the page a reference names (a site path, "" for the same
// page) and its fragment, undoing what print pages do to a link: a link to
// x.html#id is #section/x--id there.
func written(page, ref string) (target, frag string) {
	target, frag, _ = strings.Cut(ref, "#")
	if target == "" && strings.Contains(frag, "--") {
		p, id, _ := strings.Cut(frag, "--")
		return p + ".html", id
	}
	if target != "" {
		target = path.Clean(path.Join(path.Dir(page), target))
	}
	return target, frag
}

// ownSources are the authored files a built page is made from.
func ownSources(page string) map[string]bool {
	stem := strings.TrimSuffix(page, ".html")
	stem = strings.TrimSuffix(strings.TrimSuffix(stem, "/facilitator"), "/worksheet")
	own := map[string]bool{
		"content/" + stem + ".md":           true,
		"content/" + stem + "/index.md":     true,
		"content/" + stem + "/_index.md":    true,
		"content/" + path.Dir(stem) + ".md": true,
	}
	switch top, _, _ := strings.Cut(stem, "/"); top {
	case "faq":
		own["data/faq.yaml"] = true
	case "cases":
		own["data/cases.yaml"] = true
	case "codes":
		own["data/codes.yaml"] = true
	}
	return own
}

// why says what is wrong in the author's words: pages by their name, not
// their built file.
func why(w, target, frag string) string {
	if strings.HasPrefix(w, "no element with id") {
		if target == "" {
			return fmt.Sprintf("no heading with the id %q on this page", frag)
		}
		return fmt.Sprintf("no heading with the id %q on %s", frag, strings.TrimSuffix(target, ".html")+".md")
	}
	return strings.Replace(w, "no such file in the pack", "no such page or file", 1)
}

func hint(f offline.Problem, frag string) string {
	switch {
	case f.Near != "" && frag != "":
		return fmt.Sprintf("did you mean %q? A heading's id is its text in lower case, with - for spaces", f.Near)
	case f.Near != "":
		return fmt.Sprintf("did you mean %q? Links are relative to the folder of the file they are in", f.Near)
	}
	if frag != "" {
		return "check the heading's id on that page: its text in lower case, with - for spaces"
	}
	return "check the file name; links are relative to the folder of the file they are in"
}
