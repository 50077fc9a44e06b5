package diag_test

import (
	"errors"
	"fmt"
	"strings"
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

// Each usual YAML mistake is named in plain words at the line to change, with
// the fix; the parser's words follow as the last hint line.
func TestYAMLSyntaxInPlainWords(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"tab", "- id: a\n\tquestion: Q\n",
			"x.yaml:2:1: this line is indented with a tab\nhint: indent with spaces, not a tab (YAML does not allow tabs before a line's text)"},
		{"tab after spaces", "id: a\nsteps:\n  - id: b\n  \t situation: x\n",
			"x.yaml:4:3: this line is indented with a tab"},
		{"indented too far", "- id: a\n  question: Q\n   answer: A\n",
			"x.yaml:3:4: this line is indented more than the field above it\nhint: if it is a field of its own, indent it by 2 spaces, as the line above;\nhint: if it goes on with the text above, put that text in quotes: a colon and a space (: ) start a field"},
		{"indented to no level", "- id: a\n  question: Q\n answer: A\n",
			"x.yaml:3:2: this line's indentation matches no line above it\nhint: indent it as line 2 (2 spaces) or line 1 (0 spaces), as the fields it belongs with"},
		{"four-space file", "id: a\nsteps:\n    - id: s\n      situation: x\n     choices: []\n",
			"x.yaml:5:6: this line's indentation matches no line above it\nhint: indent it as line 4 (6 spaces) or line 3 (4 spaces), as the fields it belongs with"},
		{"unclosed double quote", "- id: a\n  question: Q\n  answer: \"A is\n- id: b\n  question: R\n  answer: B\n",
			"x.yaml:3:11: the quote \" opened here is not closed\nhint: end the text with \" on the same line (write \\\" for a quote inside it), or leave the quotes out"},
		{"unclosed single quote", "- id: a\n  question: 'Q\n  answer: A\n",
			"x.yaml:2:13: the quote ' opened here is not closed"},
		{"unclosed at the end", "title: \"A\n",
			"x.yaml:1:8: the quote \" opened here is not closed"},
		{"text after the quote", "- id: \"5.8\"\n  title: \"Behaviour\" in work\n",
			"x.yaml:2:22: more text follows the closing quote\nhint: put the whole text in quotes: title: '\"Behaviour\" in work'"},
		{"colon in a text", "- id: a\n  question: Q: what now\n",
			"x.yaml:2:14: this text holds a colon and a space (: ), which YAML reads as the start of a field\nhint: put the text in quotes: question: \"Q: what now\""},
		{"unclosed bracket", "title: [A small\nservice: all\n",
			"x.yaml:1:8: the bracket [ opened here is not closed\nhint: close it with ] on the same line, or put the text in quotes if the bracket is part of it"},
		{"a list item among fields", "a: b\n- c\n",
			"x.yaml:2:1: a list item (- ...) where fields (key: value) are expected\nhint: write it as a field, key: value, or indent it under a key that holds a list"},
		{"a field among list items", "- a\nb: c\n",
			"x.yaml:2:1: a field (key: value) where a list item (- ...) is expected"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var n yaml.Node
			err := yaml.Unmarshal([]byte(tc.src), &n)
			qt.Assert(t, err, qt.IsNotNil)
			p := diag.YAMLSyntax("x.yaml", []byte(tc.src), err)
			qt.Assert(t, strings.HasPrefix(p.String(), tc.want), qt.IsTrue, qt.Commentf("got:\n%s\nwant:\n%s", p, tc.want))
			lines := strings.Split(p.Hint, "\n")
			qt.Assert(t, lines[len(lines)-1], qt.Matches, `\(the YAML parser said: .+\)`)
		})
	}
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
		{"block, four spaces", "key: |\n    first\n    second <b>\n", 1, 8, 3, 12},
		{"folded block in a list, four spaces", "- key: >-\n      first\n      second <b>\n", 0, 14, 3, 14},
		{"plain on two lines", "key: some\n  text <b>\n", 0, 11, 2, 8},
		{"plain after a blank line", "key: some\n\n  text <b>\n", 1, 6, 3, 8},
		{"single quoted, a doubled quote", "key: 'it''s <b>'", 0, 6, 1, 13},
		{"double quoted, escapes", `key: "a\tb \u00e9 <b>"`, 0, 7, 1, 19},
		{"double quoted on two lines", "key: \"some\n  text <b>\"", 0, 11, 2, 8},
		{"literal keeps its extra indent", "key: |\n  first\n    more <b>\n", 1, 8, 3, 10},
		{"block after a blank line", "key: |\n\n     first <b>\n", 1, 7, 3, 12},
		{"block with an indentation indicator", "key: |4\n        indented more\n    second <b>\n", 1, 8, 3, 12},
	} {
		var doc yaml.Node
		qt.Assert(t, yaml.Unmarshal([]byte(tc.src), &doc), qt.IsNil)
		m := doc.Content[0]
		if m.Kind == yaml.SequenceNode {
			m = m.Content[0]
		}
		l, c := diag.InText([]byte(tc.src), m.Content[0], m.Content[1], tc.line, tc.col)
		qt.Check(t, []int{l, c}, qt.DeepEquals, []int{tc.wantL, tc.wantC}, qt.Commentf(tc.name))
	}
}

// Problems from stages run one after another are reported together; an error
// that is not a problem stops the run as it is.
func TestGatherKeepsEveryStagesProblems(t *testing.T) {
	lintErr := diag.Problems{{File: "content/a.md", Line: 3, Col: 1, Msg: "unknown field"}}
	scErr := fmt.Errorf("scenarios: %w", diag.Problems{{File: "scenarios/b.yaml", Line: 1, Col: 1, Msg: "no steps"}})
	all, err := diag.Gather(lintErr, nil, scErr)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, all, qt.HasLen, 2)
	qt.Check(t, all[1].File, qt.Equals, "scenarios/b.yaml")

	broken := errors.New("config.toml: cannot read")
	_, err = diag.Gather(lintErr, broken)
	qt.Check(t, err, qt.Equals, broken)
}
