package lint_test

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/lint"
	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// frontEnd runs what the build runs before Hugo on the project in dir: the data
// files and pages, then the scenarios. It returns every problem.
func frontEnd(dir string) (diag.Problems, error) {
	res, lintErr := lint.Project(dir)
	scs, scErr := scenario.Load(dir, res.Codes)
	all := res.ScenarioPages(scs)
	for _, err := range []error{lintErr, scErr} {
		var ps diag.Problems
		switch {
		case errors.As(err, &ps):
			all = append(all, ps...)
		case err != nil:
			return nil, err
		}
	}
	all.Sort()
	return all, nil
}

// allocatedBy returns the bytes f allocates (all goroutines: the front end
// reads files on every core).
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A 160 KB value nested 80,000 deep ([[[…]]]) exhausted memory (23 GB from a
// 400 KB file) in the parser used to place the error. In each kind of source it
// is one problem at the bracket that passes the limit, found in memory linear
// in the file.
func TestDeepNestingIsRefusedInEverySource(t *testing.T) {
	deep := "[" + strings.Repeat("[", 80000) + strings.Repeat("]", 80000) + "]"
	col := len("  answer: ") + diag.MaxDepth - 1 // the entry and the list of entries are two levels
	for _, tc := range []struct{ name, file, text, want string }{
		{"data file", "data/faq.yaml", "- id: a\n  question: Q?\n  answer: " + deep + "\n",
			"data/faq.yaml:3:" + itoa(col) + ":"},
		{"another data file", "data/extra.yaml", "- id: a\n  answer: " + deep + "\n",
			"data/extra.yaml:2:" + itoa(col) + ":"},
		{"front matter", "content/a.md", "---\ntitle: A\nkeywords: " + deep + "\n---\nText\n",
			"content/a.md:3:" + itoa(len("keywords: ")+diag.MaxDepth) + ":"},
		{"scenario", "scenarios/s.yaml", "id: s\ntitle: T\nservice: all\nsteps: " + deep + "\n",
			"scenarios/s.yaml:4:" + itoa(len("steps: ")+diag.MaxDepth) + ":"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := project(t, "")
			p := filepath.Join(dir, tc.file)
			qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
			qt.Assert(t, os.WriteFile(p, []byte(tc.text), 0o644), qt.IsNil)
			var ps diag.Problems
			var err error
			alloc := allocatedBy(func() { ps, err = frontEnd(dir) })
			qt.Assert(t, err, qt.IsNil)
			qt.Assert(t, ps, qt.HasLen, 1, qt.Commentf("%v", ps))
			lines := strings.Split(ps[0].String(), "\n")
			qt.Check(t, lines[0], qt.Equals, tc.want+" lists or groups of fields are nested more than 64 levels deep here")
			qt.Check(t, lines[len(lines)-1], qt.Equals, "hint: a guidance pack needs only a few levels: check for brackets [ { that are never closed, or remove the extra levels")
			for _, l := range lines {
				qt.Check(t, len([]rune(l)) < 130, qt.IsTrue, qt.Commentf("a line of %d characters", len(l)))
			}
			qt.Check(t, alloc < 512*uint64(len(tc.text))+8<<20, qt.IsTrue, qt.Commentf("%d MB allocated for %d KB", alloc>>20, len(tc.text)>>10))
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
