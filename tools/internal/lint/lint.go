// Package lint checks what authors write besides scenarios, before Hugo sees it:
// the data files (codes, common questions, case examples) and the front matter of
// every page. Every problem is reported at once, as file:line:col with a hint, so
// a mistake stops the build instead of quietly breaking a page.
package lint

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/review"
)

// Problem and Problems are diag's: every mistake with file:line:col and a hint.
type (
	Problem  = diag.Problem
	Problems = diag.Problems
)

// Result is what the checked files hold that other stages need.
type Result struct {
	Codes []string // the code ids of data/codes.yaml
	Pages int      // the Markdown pages under content/
	// Synonyms are data/synonyms.yaml's (synonyms.go), for the search index.
	Synonyms map[string][]string
	// Reviews are the review fields of every page, answer and case that
	// gives any, in file order.
	Reviews []review.Entry
	// Changes is data/changes.yaml, newest version first.
	Changes []Change

	outputs map[string]origin // the files pages are written to, and by whom
}

// Project checks data/codes.yaml, data/faq.yaml, data/cases.yaml and the front
// matter of content/**/*.md under root. It returns Problems when any are found.
func Project(root string) (Result, error) { return new(Cache).Project(root) }

// Cache keeps what Project found in each page, for the next Project (guidepack
// serve checks on every save): a page whose size and time on disk are as they
// were, with the same code ids, is not read or checked again. The zero Cache is
// ready; one Project at a time.
type Cache struct {
	known string // the code ids the pages were checked against
	pages map[string]cachedPage
}

type cachedPage struct {
	size  int64
	mtime time.Time
	ps    []Problem
	page  page
}

// Project is the package's Project, checking again only the pages changed
// since the last.
func (c *Cache) Project(root string) (Result, error) {
	var res Result
	var ps Problems
	codes, p := checkData(root, "data/codes.yaml", codeFields, nil)
	ps = append(ps, p...)
	known := map[string]bool{}
	for _, c := range codes {
		if id := c.get("id"); id != "" {
			known[id] = true
			res.Codes = append(res.Codes, id)
		}
	}
	faqs, p := checkData(root, "data/faq.yaml", faqFields, known)
	ps = append(ps, p...)
	cases, p := checkData(root, "data/cases.yaml", caseFields, known)
	ps = append(ps, p...)
	res.Synonyms, p = checkSynonyms(root)
	ps = append(ps, p...)
	for _, d := range []struct {
		name, kind, title string
		entries           []entry
	}{{"data/faq.yaml", "faq", "question", faqs}, {"data/cases.yaml", "case", "title", cases}} {
		rs, p := reviews(d.name, d.kind, d.title, d.entries)
		res.Reviews = append(res.Reviews, rs...)
		ps = append(ps, p...)
	}
	ps = append(ps, checkOtherData(root)...)
	found, pages := c.checkContent(root, known)
	ps = append(ps, found...)
	res.Pages = len(pages)
	res.Changes, p = checkChanges(root, pages)
	ps = append(ps, p...)
	for _, pg := range pages {
		if pg.review != nil {
			res.Reviews = append(res.Reviews, *pg.review)
		}
	}
	outs, p := checkOutputs(root, pages, codes, cases)
	res.outputs = outs
	ps = append(ps, p...)
	quote(root, ps)
	return res, ps.Err()
}

// quote sets each problem's source line from its file.
func quote(root string, ps Problems) {
	done := map[string]bool{}
	for _, p := range ps {
		if done[p.File] || p.Line == 0 {
			continue
		}
		done[p.File] = true
		if b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p.File))); err == nil {
			ps.Quote(p.File, b)
		}
	}
}

func rel(root, file string) string {
	if r, err := filepath.Rel(root, file); err == nil {
		return filepath.ToSlash(r)
	}
	return file
}

// checkedData are the data files checked field by field; Hugo reads any other
// data file as it is, so those are checked only for what would hang it.
var checkedData = map[string]bool{"data/codes.yaml": true, "data/faq.yaml": true, "data/cases.yaml": true, synonymsFile: true, changesFile: true}

// checkOtherData checks every other YAML file under data/ for syntax, size and depth.
func checkOtherData(root string) []Problem {
	var ps []Problem
	filepath.WalkDir(filepath.Join(root, "data"), func(p string, d fs.DirEntry, err error) error {
		name := rel(root, p)
		if err != nil || d.IsDir() || checkedData[name] || !(strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			ps = append(ps, Problem{File: name, Msg: err.Error()})
			return nil
		}
		doc, perr := diag.ParseYAML(name, b)
		if perr != nil {
			ps = append(ps, *perr)
			return nil
		}
		ps = append(ps, diag.DuplicateKeys(name, doc)...)
		return nil
	})
	return ps
}
