package site

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/gohugoio/hugo/common/herrors"
	"github.com/gohugoio/hugo/common/text"
	"github.com/guidepack/guidepack/tools/internal/diag"
)

// What layouts/_partials/problem.html logs is decoded as data: a position
// given (a shortcode's), or the link found in the page's file, or in a data
// file when the page renders an FAQ answer. Columns count characters (é is one).
func TestProblemsFromTheLog(t *testing.T) {
	root := t.TempDir()
	page := filepath.Join(root, "content", "a.md")
	qt.Assert(t, os.MkdirAll(filepath.Dir(page), 0o755), qt.IsNil)
	qt.Assert(t, os.MkdirAll(filepath.Join(root, "data"), 0o755), qt.IsNil)
	qt.Assert(t, os.WriteFile(page, []byte("---\ntitle: A\n---\nSee [the café](café.md) and [b](b.md#x).\n"), 0o644), qt.IsNil)
	qt.Assert(t, os.WriteFile(filepath.Join(root, "data", "faq.yaml"), []byte("- id: q\n  answer: See [c](c.md).\n"), 0o644), qt.IsNil)
	faq := filepath.Join(root, "content", "faq.md")
	log := fmt.Sprintf(`ERROR guidepack-problem {"col":5,"file":"C:\\pack\\content\\x.md","hint":"use one of them","line":7,"msg":"unknown code \"9\""}
ERROR guidepack-problem {"file":%q,"find":"b.md#x","hint":"did you mean \"y\"?","msg":"link \"b.md#x\": no heading"}
ERROR guidepack-problem {"file":%q,"find":"c.md","hint":"","msg":"link \"c.md\": no such page"}
WARN  something else
  >  3 | the line it quotes
`, page, faq)
	ps := problems(root, log, errors.New("error building site: logged 3 error(s)"))
	qt.Assert(t, ps, qt.DeepEquals, diag.Problems{
		{File: `C:\pack\content\x.md`, Line: 7, Col: 5, Msg: `unknown code "9"`, Hint: "use one of them"},
		{File: page, Line: 4, Col: 33, Msg: `link "b.md#x": no heading`, Hint: `did you mean "y"?`},
		{File: filepath.Join(root, "data", "faq.yaml"), Line: 2, Col: 19, Msg: `link "c.md": no such page`},
		{Msg: "hugo: WARN  something else\n>  3 | the line it quotes"},
	})
}

// Hugo's own positioned errors keep their position; others keep their words.
func TestHugoFileErrors(t *testing.T) {
	fe := herrors.NewFileErrorFromName(errors.New("bad thing"), `C:\pack\layouts\page.html`).UpdatePosition(text.Position{Filename: `C:\pack\layouts\page.html`, LineNumber: 6, ColumnNumber: 27})
	ps := problems("/", "", fmt.Errorf("render: %w", fe))
	qt.Assert(t, ps, qt.DeepEquals, diag.Problems{{File: `C:\pack\layouts\page.html`, Line: 6, Col: 27, Msg: "bad thing"}})
	ps = problems("/", "", errors.New("error building site: no good"))
	qt.Assert(t, ps, qt.DeepEquals, diag.Problems{{Msg: "no good"}})
}

// The child sends problems as JSON lines; the parent reads back the same
// typed problems.
func TestProblemsCrossTheProcess(t *testing.T) {
	want := diag.Problems{
		{File: `C:\pack\content\a.md`, Line: 3, Col: 5, Msg: "one", Hint: "fix it\nlike so"},
		{Msg: "a layout's mistake"},
	}
	var b bytes.Buffer
	qt.Assert(t, WriteProblems(&b, want), qt.IsNil)
	got, err := ReadProblems(&b)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, got, qt.DeepEquals, want)
	_, err = ReadProblems(bytes.NewBufferString("not json\n"))
	qt.Assert(t, err, qt.IsNotNil)
}
