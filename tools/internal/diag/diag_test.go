package diag_test

import (
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"go.yaml.in/yaml/v3"
)

func TestProblemsSortedOnePerLine(t *testing.T) {
	ps := diag.Problems{
		{File: "scenarios/b.yaml", Line: 2, Col: 1, Msg: "second file"},
		{File: "scenarios/a.yaml", Line: 10, Col: 3, Msg: "later", Hint: "fix it"},
		{File: "scenarios/a.yaml", Line: 9, Col: 7, Msg: "earlier"},
		{File: "scenarios/a.yaml", Line: 9, Col: 2, Msg: "first"},
	}
	err := ps.Err()
	qt.Assert(t, err, qt.ErrorMatches, `scenarios/a.yaml:9:2: first
scenarios/a.yaml:9:7: earlier
scenarios/a.yaml:10:3: later
hint: fix it
scenarios/b.yaml:2:1: second file`)
	qt.Assert(t, diag.Problems(nil).Err(), qt.IsNil)

	p := diag.Problem{File: "a.yaml", Line: 1, Col: 1, Msg: "m", Hint: "first\nsecond"}
	qt.Assert(t, p.String(), qt.Equals, "a.yaml:1:1: m\nhint: first\nhint: second")
}

// A problem with its source line quotes it, with a caret under the column
// (counted in characters; a tab stays a tab so the caret lines up).
func TestProblemQuotesItsLine(t *testing.T) {
	src := []byte("id: x\nsteps:\n  - id: “a”\tb\n    next: ned\n")
	ps := diag.Problems{
		{File: "s.yaml", Line: 4, Col: 11, Msg: "no step ned", Hint: "did you mean end?"},
		{File: "s.yaml", Line: 3, Col: 13, Msg: "after a tab"},
		{File: "other.yaml", Line: 1, Col: 1, Msg: "not this file"},
	}
	ps.Quote("s.yaml", src)
	qt.Assert(t, ps.Err().Error(), qt.Equals, "other.yaml:1:1: not this file\n"+
		"s.yaml:3:13: after a tab\n> 3 |   - id: “a”\tb\n      "+"           \t^\n"+
		"s.yaml:4:11: no step ned\n> 4 |     next: ned\n      "+"          ^\nhint: did you mean end?")
	qt.Assert(t, diag.LineOf(src, 9), qt.Equals, "")
	qt.Assert(t, diag.Chars("“a” x", len("“a” ")+1), qt.Equals, 5)
}

func TestNearest(t *testing.T) {
	ids := []string{"the-request", "check-policy", "accepted", "end"}
	for _, tc := range []struct{ typed, want string }{
		{"chek-policy", "check-policy"},
		{"the-requset", "the-request"},
		{"ned", "end"},
		{"acepted", "accepted"},
		{"something-else", ""}, // too far from anything to be a slip
		{"", ""},
	} {
		qt.Assert(t, diag.Nearest(tc.typed, ids), qt.Equals, tc.want, qt.Commentf("%q", tc.typed))
	}
}

func TestYAMLSyntaxIsLocated(t *testing.T) {
	src := []byte("id: x\ntitle: [unclosed\nservice: all\n")
	var n yaml.Node
	err := yaml.Unmarshal(src, &n)
	qt.Assert(t, err, qt.IsNotNil)
	p := diag.YAMLSyntax("scenarios/x.yaml", src, err)
	qt.Assert(t, p.File, qt.Equals, "scenarios/x.yaml")
	qt.Assert(t, p.Line > 1, qt.IsTrue, qt.Commentf("%v", p))
	qt.Assert(t, p.Col > 0, qt.IsTrue, qt.Commentf("%v", p))
	qt.Assert(t, p.Msg, qt.Matches, `this is not valid YAML: .+`)
	qt.Assert(t, p.Hint, qt.Contains, "indentation")
}

// InText maps a place inside a text value to the file, for each way of writing it.
func TestInText(t *testing.T) {
	for _, tc := range []struct {
		name, src    string
		line, col    int // in the value (line from 0)
		wantL, wantC int
	}{
		{"plain", "key: some text here", 0, 6, 1, 11},
		{"double quoted", `key: "some text"`, 0, 6, 1, 12},
		{"block", "key: |\n  first\n  second <b>\n", 1, 8, 3, 10},
	} {
		var doc yaml.Node
		qt.Assert(t, yaml.Unmarshal([]byte(tc.src), &doc), qt.IsNil)
		m := doc.Content[0]
		l, c := diag.InText(m.Content[0], m.Content[1], tc.line, tc.col)
		qt.Assert(t, []int{l, c}, qt.DeepEquals, []int{tc.wantL, tc.wantC}, qt.Commentf(tc.name))
	}
}
