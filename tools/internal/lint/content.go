package lint

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/markdown"
	"github.com/guidepack/guidepack/tools/internal/parallel"
	"github.com/guidepack/guidepack/tools/internal/review"
	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// frontFields are the front matter keys a page may have: the ones the layouts
// read, checked here, and Hugo's own, left to Hugo (any). An author's own keys
// go under params:, which is not checked.
var frontFields = fields{
	"title":       {plain, true, "the page's title"},
	"description": {plain, false, "one sentence saying what the page is about"},
	"weight":      {number, false, "the page's place in its section (1 comes first)"},
	"codes":       {codeList, false, `the codes the page cites, e.g. ["5.8"]`},
	"themes":      {words, false, "themes, e.g. [boundaries, privacy]"},
	"keywords":    {words, false, "terms for the A–Z index, e.g. [friend request]"},
	"menu":        {boolean, false, "true to list the page in the menu"},
	"print":       {boolean, false, "false to leave the page out of the handouts"},
	"noindex":     {boolean, false, "true to leave the page out of search and the A–Z index"},
	"draft":       {boolean, false, "true to leave the page out of the pack"},
	"slug":        {slugID, false, "the page's file name in the pack, e.g. privacy"},
	"layout":      {plain, false, "the layout Hugo uses for the page"},
	"params":      {any, false, "your own fields, key: value, for your own layouts"},
}.withReview()

// hugoFront are Hugo's front matter keys, which a page may use as Hugo does.
var hugoFront = []string{"aliases", "build", "cascade", "date", "expiryDate", "headless", "isCJKLanguage",
	"lastmod", "linkTitle", "markup", "menus", "outputs", "publishDate", "resources", "sitemap", "summary",
	"translationKey", "type", "url"}

// shortcode matches {{< … >}} and {{% … %}}, which Hugo replaces before Markdown
// is parsed: they are not raw HTML.
var shortcode = regexp.MustCompile(`(?s)\{\{[<%].*?[>%]\}\}`)

// checkContent checks the front matter and body of every Markdown page under
// content/ (but those c has checked as they are). The pages are read and checked
// on every core; their problems are reported in the order of the walk.
func (c *Cache) checkContent(root string, known map[string]bool) (_ []Problem, pages []page) {
	ids := make([]string, 0, len(known))
	for id := range known {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if key := strings.Join(ids, "\x00"); key != c.known || c.pages == nil {
		c.known, c.pages = key, map[string]cachedPage{}
	}
	var files []string
	dir := filepath.Join(root, "content")
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		files = append(files, p)
		return nil
	})
	checked := make([]cachedPage, len(files))
	parallel.For(len(files), func(i int) {
		p, f := files[i], &checked[i]
		name := rel(root, p)
		f.page.file = name
		fi, err := os.Stat(p)
		if err != nil {
			f.ps = []Problem{{File: name, Msg: err.Error()}}
			return
		}
		if was, ok := c.pages[name]; ok && was.size == fi.Size() && was.mtime.Equal(fi.ModTime()) {
			*f = was
			return
		}
		b, err := os.ReadFile(p)
		if err != nil {
			f.ps = []Problem{{File: name, Msg: err.Error()}}
			return
		}
		f.size, f.mtime = fi.Size(), fi.ModTime()
		if int64(len(b)) != f.size {
			f.mtime = time.Time{} // changed while read: read again next time
		}
		f.ps = checkPage(name, b, known, &f.page)
	})
	var ps []Problem
	pages = make([]page, len(files))
	kept := make(map[string]cachedPage, len(files))
	for i, f := range checked {
		ps = append(ps, f.ps...)
		pages[i] = f.page
		if !f.mtime.IsZero() {
			kept[f.page.file] = f
		}
	}
	c.pages = kept
	return ps, pages
}

// page is a Markdown page under content/ and what decides where Hugo writes it.
type page struct {
	file  string     // relative to the project
	slug  *yaml.Node // its slug: (line and column as in the file), or nil
	url   *yaml.Node // its url: (Hugo's: the page's whole address), or nil
	title string     // its title as written
	// review is its review fields, checked (nil when the page is unreadable).
	review *review.Entry
}

func checkPage(name string, b []byte, known map[string]bool, pg *page) []Problem {
	if p := diag.Text(name, b); p != nil {
		return []Problem{*p}
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(b, []byte("---\n")) {
		if bytes.HasPrefix(b, []byte("+++")) || bytes.HasPrefix(b, []byte("{")) {
			return []Problem{otherFrontMatter(name, b)}
		}
		return []Problem{{File: name, Line: 1, Col: 1, Msg: "the page has no front matter",
			Hint: "start the file with\n---\ntitle: The page title\n---"}}
	}
	end := bytes.Index(b[4:], []byte("\n---"))
	if end < 0 {
		return []Problem{{File: name, Line: 1, Col: 1, Msg: "the front matter is not closed",
			Hint: "end it with a line holding only ---"}}
	}
	front := b[4 : 4+end+1]
	body := b[4+end+4:]
	bodyLine := bytes.Count(b[:4+end+4], []byte("\n")) + 1

	var ps []Problem
	doc, perr := diag.ParseYAMLFrom(name, front, 2) // the front matter starts on line 2
	if perr != nil {
		return []Problem{*perr}
	}
	ps = append(ps, diag.DuplicateKeys(name, doc)...)
	var m *yaml.Node
	if len(doc.Content) > 0 {
		m = doc.Content[0]
	}
	if m == nil || m.Kind != yaml.MappingNode {
		return []Problem{{File: name, Line: 2, Col: 1, Msg: "the front matter must be fields (key: value)", Hint: "e.g. title: The page title"}}
	}
	have, meant := map[string]bool{}, map[string]bool{}
	var rf review.Fields
	var title string
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		have[k.Value] = true
		if rf.Set(k.Value, v) {
			continue
		}
		if k.Value == "title" {
			title = strings.TrimSpace(v.Value)
			pg.title = title
		}
		if k.Value == "slug" && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" {
			pg.slug = v
		}
		if k.Value == "url" && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" {
			pg.url = v
		}
		if f, ok := frontFields[k.Value]; ok {
			ps = append(ps, checkField(name, b, k, f, v, known)...)
			continue
		}
		if contains(hugoFront, k.Value) {
			continue
		}
		hint := "the fields are " + fieldList(frontFields) + " (and Hugo's own, such as date and aliases); put fields of your own under params:"
		if n := diag.Nearest(k.Value, append(sortedKeys(frontFields), hugoFront...)); n != "" {
			hint = fmt.Sprintf("did you mean %q? ", n) + hint
			meant[n] = true
		}
		ps = append(ps, Problem{File: name, Line: k.Line, Col: k.Column, Msg: fmt.Sprintf("unknown field %q in the front matter", k.Value), Hint: hint})
	}
	// Every page is listed for review, with its dates or without.
	e := review.Entry{Kind: "page", Key: strings.TrimPrefix(name, "content/"), Title: title, File: name, Line: 1, Col: 1}
	ps = append(ps, review.Check(name, rf, &e)...)
	pg.review = &e
	if !have["title"] && !meant["title"] {
		ps = append(ps, Problem{File: name, Line: 2, Col: 1, Whole: true, Msg: "the page has no title", Hint: "add title: The page title"})
	}
	// Raw HTML in the body is left out of the page by Hugo: say so.
	if bytes.IndexByte(body, '<') >= 0 {
		clean := shortcode.ReplaceAllFunc(body, func(s []byte) []byte { return bytes.Map(blank, s) })
		if line, col, tag := markdown.RawHTML(string(clean)); tag != "" {
			ps = append(ps, Problem{File: name, Line: bodyLine + line, Col: col, Msg: fmt.Sprintf("raw HTML %s in the page", tag),
				Hint: "write Markdown instead: **bold**, [link text](page.md), lists with -; HTML is left out of the page"})
		}
	}
	return ps
}

// blank keeps line breaks and turns every other character into a space.
func blank(r rune) rune {
	if r == '\n' {
		return r
	}
	return ' '
}

func sortedKeys(fs fields) []string {
	keys := make([]string, 0, len(fs))
	for k := range fs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// otherFrontMatter refuses front matter in TOML (+++) or JSON ({…}): guidepack
// checks front matter as YAML, field by field, with positions; the hint gives
// the same fields in YAML when they can be read.
func otherFrontMatter(name string, b []byte) Problem {
	kind, fence := "TOML (between +++ lines)", "+++"
	if bytes.HasPrefix(b, []byte("{")) {
		kind = "JSON"
	}
	p := Problem{File: name, Line: 1, Col: 1, Msg: "the front matter is in " + kind + "; write it in YAML, between --- lines",
		Hint: "guidepack checks front matter written in YAML, e.g.\n---\ntitle: The page title\n---"}
	var fields map[string]interface{}
	if kind != "JSON" {
		end := bytes.Index(b[3:], []byte("\n"+fence))
		if end < 0 || toml.Unmarshal(b[3:3+end], &fields) != nil {
			return p
		}
	} else if json.NewDecoder(bytes.NewReader(b)).Decode(&fields) != nil {
		return p
	}
	if y, err := yaml.Marshal(fields); err == nil && len(fields) > 0 && len(fields) <= 12 {
		p.Hint = "write the same fields in YAML:\n---\n" + strings.TrimRight(string(y), "\n") + "\n---"
	}
	return p
}
