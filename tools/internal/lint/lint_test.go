package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/lint"
	"golang.org/x/tools/txtar"
)

const codes = `
-- data/codes.yaml --
- id: "5.8"
  slug: 5-8
  title: Behaviour in and outside work
  text: What the code says.
- id: "3.5"
  slug: 3-5
  title: Raising concerns
  text: What the code says.
`

func project(t *testing.T, archive string) string {
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(codes + archive)).Files {
		p := filepath.Join(dir, f.Name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
	return dir
}

func TestSoundProjectPasses(t *testing.T) {
	res, err := lint.Project(project(t, `
-- data/faq.yaml --
- id: can-i-friend
  question: Can I accept a friend request?
  answer: |
    It depends. Use your **judgement**.
  codes: ["5.8"]
-- content/guidance/boundaries.md --
---
title: Boundaries
weight: 2
codes: ["5.8"]
themes: [boundaries]
---
See {{< code "5.8" >}} and {{<code "3.5">}}. 3 < 4.
`))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, res.Codes, qt.DeepEquals, []string{"5.8", "3.5"})
	qt.Assert(t, res.Pages, qt.Equals, 1) // the build sizes Hugo's memory by it
}

// Each case: a file, and the one problem it must give, as the author reads it.
func TestEachMistakeIsReportedWithItsPosition(t *testing.T) {
	for _, tc := range []struct{ name, archive, want string }{
		{"unknown field", "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answer: A.\n  code: [\"5.8\"]\n",
			"data/faq.yaml:4:3: unknown field \"code\"\nhint: did you mean \"codes\"?"},
		{"missing field", "-- data/faq.yaml --\n- id: a\n  question: Q?\n",
			"data/faq.yaml:1:3: this entry has no answer\nhint: add answer: the answer (Markdown)"},
		{"empty text", "-- data/faq.yaml --\n- id: a\n  question: \"\"\n  answer: A.\n",
			"data/faq.yaml:2:13: question is empty"},
		{"duplicate id", "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answer: A.\n- id: a\n  question: Q2?\n  answer: A.\n",
			"data/faq.yaml:4:7: id \"a\" is used twice\nhint: it is first used at line 1"},
		{"unknown code", "-- data/cases.yaml --\n- id: c\n  title: T\n  role: Carer\n  happened: H\n  mattered: M\n  codes: [\"9.9\"]\n",
			"data/cases.yaml:6:11: unknown code \"9.9\"\nhint: the codes in data/codes.yaml are \"3.5\", \"5.8\""},
		{"list expected", "-- data/cases.yaml --\n- id: c\n  title: T\n  role: Carer\n  happened: H\n  mattered: M\n  themes: privacy\n",
			"data/cases.yaml:6:11: themes must be a list\nhint: write it in square brackets: themes: [privacy]"},
		{"bad id", "-- data/faq.yaml --\n- id: Can I?\n  question: Q?\n  answer: A.\n",
			"data/faq.yaml:1:7: id \"Can I?\" must be lower-case letters, digits and dashes\nhint: e.g. can-i"},
		{"raw HTML in a block", "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answer: |\n    Fine.\n    Then <script>alert(1)</script>\n",
			"data/faq.yaml:5:10: raw HTML <script> in answer"},
		{"raw HTML inline", "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answer: Click <a href=x>\n",
			"data/faq.yaml:3:17: raw HTML <a… in answer"},
		{"code not quoted", "-- data/codes.yaml --\n- id: 5.8\n  slug: 5-8\n  title: T\n  text: X\n",
			"data/codes.yaml:1:7: id 5.8 must be in quotes"},
		{"not YAML", "-- data/faq.yaml --\n- id: a\n  question: [Q?\n",
			"data/faq.yaml:2:13: this is not valid YAML"},
		{"not a list", "-- data/faq.yaml --\nid: a\n",
			"data/faq.yaml:1:1: this file must be a list of entries"},
		{"front matter code", "-- content/a.md --\n---\ntitle: A\ncodes: [\"5.9\"]\n---\nText\n",
			"content/a.md:3:9: unknown code \"5.9\""},
		{"front matter weight", "-- content/a.md --\n---\ntitle: A\nweight: first\n---\nText\n",
			"content/a.md:3:9: weight must be a whole number"},
		{"front matter title", "-- content/a.md --\n---\ndescription: D\n---\nText\n",
			"content/a.md:2:1: the page has no title"},
		{"front matter syntax", "-- content/a.md --\n---\ntitle: \"A\n---\nText\n",
			"content/a.md:2:8: this is not valid YAML: could not find end character of double-quoted text"},
		{"raw HTML in a page", "-- content/a.md --\n---\ntitle: A\n---\nText\n\nMore <b>bold</b>\n",
			"content/a.md:6:6: raw HTML <b> in the page"},
		{"no front matter", "-- content/a.md --\nJust text\n",
			"content/a.md:1:1: the page has no front matter"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lint.Project(project(t, tc.archive))
			qt.Assert(t, err, qt.IsNotNil)
			ps := err.(lint.Problems)
			qt.Assert(t, ps, qt.HasLen, 1, qt.Commentf("%v", err))
			qt.Assert(t, strings.HasPrefix(err.Error(), tc.want), qt.IsTrue, qt.Commentf("got:\n%v\nwant:\n%s", err, tc.want))
		})
	}
}

func TestAllProblemsAtOnceSorted(t *testing.T) {
	_, err := lint.Project(project(t, `
-- data/faq.yaml --
- id: b
  question: ""
  answr: x
-- content/z.md --
---
weight: x
---
-- content/a.md --
---
title: A
codes: ["1.1"]
---
`))
	var got []string
	for _, p := range err.(lint.Problems) {
		got = append(got, p.File)
	}
	qt.Assert(t, got, qt.DeepEquals, []string{"content/a.md", "content/z.md", "content/z.md", "data/faq.yaml", "data/faq.yaml", "data/faq.yaml"})
}
