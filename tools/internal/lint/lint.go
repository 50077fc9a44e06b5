// Package lint checks what authors write besides scenarios, before Hugo sees it:
// the data files (codes, common questions, case examples) and the front matter of
// every page. Every problem is reported at once, as file:line:col with a hint, so
// a mistake stops the build instead of quietly breaking a page.
package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Problem is one mistake in an authored file.
type Problem struct {
	File      string // relative to the project
	Line, Col int    // from 1; 0 when unknown
	Msg, Hint string
}

func (p Problem) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
	if p.Hint != "" {
		s += "\nhint: " + p.Hint
	}
	return s
}

// Problems is every mistake found, sorted by file and position.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

func (ps Problems) sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Result is what the checked files hold that other stages need.
type Result struct {
	Codes []string // the code ids of data/codes.yaml
}

// Project checks data/codes.yaml, data/faq.yaml, data/cases.yaml and the front
// matter of content/**/*.md under root. It returns Problems when any are found.
func Project(root string) (Result, error) {
	var res Result
	var ps Problems
	codes, p := checkData(root, "data/codes.yaml", codeFields, nil)
	ps = append(ps, p...)
	known := map[string]bool{}
	for _, c := range codes {
		if id := c["id"]; id != "" {
			known[id] = true
			res.Codes = append(res.Codes, id)
		}
	}
	_, p = checkData(root, "data/faq.yaml", faqFields, known)
	ps = append(ps, p...)
	_, p = checkData(root, "data/cases.yaml", caseFields, known)
	ps = append(ps, p...)
	ps = append(ps, checkContent(root, known)...)
	if len(ps) > 0 {
		ps.sort()
		return res, ps
	}
	return res, nil
}

func rel(root, file string) string {
	if r, err := filepath.Rel(root, file); err == nil {
		return filepath.ToSlash(r)
	}
	return file
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
