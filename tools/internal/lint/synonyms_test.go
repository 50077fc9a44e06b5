package lint_test

import (
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/lint"
)

func TestSynonymsAreRead(t *testing.T) {
	res, err := lint.Project(project(t, "-- data/synonyms.yaml --\n# readers' words\nwhistleblowing: [raising a concern, report a concern]\nDM: [private message]\n"))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, res.Synonyms, qt.DeepEquals, map[string][]string{
		"whistleblowing": {"raising a concern", "report a concern"},
		"DM":             {"private message"},
	})
}

// Each mistake in data/synonyms.yaml: where it is (line, column) and what it says.
func TestEachSynonymMistakeIsReportedWithItsPosition(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		line, col  int
		want       string
	}{
		{"not a map", "- whistleblowing\n", 1, 1, "this file must map words to their synonyms\nhint: for example"},
		{"two words", "ok: [fine]\nsocial media: [facebook]\n", 2, 1, "\"social media\" is more than one word\nhint: write one word before the colon"},
		{"stop word", "the: [a thing]\n", 1, 1, "\"the\" is not a word search can find"},
		{"other script", "φίλος: [friend]\n", 1, 1, "\"φίλος\" is not a word search can find"},
		{"twice", "consent: [permission]\nother: [x]\nConsent: [agreement]\n", 3, 1, "\"Consent\" is given twice\nhint: it is first given at line 1"},
		{"not a list", "consent: permission\n", 1, 10, "the synonyms of \"consent\" must be a list\nhint: write them in brackets, separated by commas: consent: [permission]"},
		{"empty list", "consent: []\n", 1, 10, "\"consent\" has no synonyms"},
		{"only stop words", "consent:\n  - permission\n  - the\n", 3, 5, "synonym \"the\" of \"consent\" has no word search can find"},
		{"a map for a synonym", "consent: [{a: b}]\n", 1, 11, "synonym \"\" of \"consent\" has no word search can find"},
		{"nested deep", "consent: " + strings.Repeat("[", 80000) + strings.Repeat("]", 80000) + "\n", 0, 0, "nested more than"},
		{"not YAML", "consent: [permission\n", 1, 10, "the bracket [ opened here is not closed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lint.Project(project(t, "-- data/synonyms.yaml --\n"+tc.file))
			qt.Assert(t, err, qt.IsNotNil)
			ps := err.(lint.Problems)
			qt.Assert(t, ps, qt.HasLen, 1, qt.Commentf("%v", err))
			p := ps[0]
			qt.Check(t, p.File, qt.Equals, "data/synonyms.yaml")
			if tc.line > 0 {
				qt.Check(t, [2]int{p.Line, p.Col}, qt.Equals, [2]int{tc.line, tc.col})
			}
			msg, hint, _ := strings.Cut(tc.want, "\nhint: ")
			qt.Check(t, strings.Contains(p.Msg, msg) && strings.HasPrefix(p.Hint, hint), qt.IsTrue, qt.Commentf("got:\n%v\nwant:\n%s", p, tc.want))
		})
	}
}
