package lint_test

import (
	"os"
	"path/filepath"
	"regexp"
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
			"data/cases.yaml:6:11: themes is a list\nhint: write themes: [privacy]"},
		{"bad id", "-- data/faq.yaml --\n- id: Can I?\n  question: Q?\n  answer: A.\n",
			"data/faq.yaml:1:7: id \"Can I?\" must be lower-case letters, digits and dashes\nhint: e.g. can-i"},
		{"raw HTML in a block", "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answer: |\n    Fine.\n    Then <script>alert(1)</script>\n",
			"data/faq.yaml:5:10: raw HTML <script> in answer"},
		{"raw HTML in a block, four spaces", "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answer: |\n      Fine.\n      Then <script>alert(1)</script>\n",
			"data/faq.yaml:5:12: raw HTML <script> in answer"},
		{"raw HTML inline", "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answer: Click <a href=x>\n",
			"data/faq.yaml:3:17: raw HTML <a… in answer"},
		{"code not quoted", "-- data/codes.yaml --\n- id: 5.8\n  slug: 5-8\n  title: T\n  text: X\n",
			"data/codes.yaml:1:7: id 5.8 must be in quotes"},
		{"not YAML", "-- data/faq.yaml --\n- id: a\n  question: [Q?\n",
			"data/faq.yaml:2:13: the bracket [ opened here is not closed"},
		{"not a list", "-- data/faq.yaml --\nid: a\n",
			"data/faq.yaml:1:1: this file must be a list of entries"},
		{"front matter code", "-- content/a.md --\n---\ntitle: A\ncodes: [\"5.9\"]\n---\nText\n",
			"content/a.md:3:9: unknown code \"5.9\""},
		{"front matter weight", "-- content/a.md --\n---\ntitle: A\nweight: first\n---\nText\n",
			"content/a.md:3:9: weight must be a whole number"},
		{"front matter title", "-- content/a.md --\n---\ndescription: D\n---\nText\n",
			"content/a.md:2:1: the page has no title"},
		{"front matter syntax", "-- content/a.md --\n---\ntitle: \"A\n---\nText\n",
			"content/a.md:2:8: the quote \" opened here is not closed\nhint: end the text with \" on the same line (write \\\" for a quote inside it), or leave the quotes out\nhint: (the YAML parser said: could not find end character of double-quoted text)"},
		{"raw HTML in a page", "-- content/a.md --\n---\ntitle: A\n---\nText\n\nMore <b>bold</b>\n",
			"content/a.md:6:6: raw HTML <b> in the page"},
		{"BOM in a page", "-- content/a.md --\n\xef\xbb\xbf---\ntitle: A\n---\n",
			"content/a.md:1:1: the file starts with a byte-order mark (BOM)\nhint: save it as UTF-8 without a BOM"},
		{"BOM in a data file", "-- data/faq.yaml --\n\xef\xbb\xbf- id: a\n",
			"data/faq.yaml:1:1: the file starts with a byte-order mark (BOM)"},
		{"not UTF-8 in a page", "-- content/a.md --\n---\ntitle: A\n---\nCaf\xe9 au lait\n",
			"content/a.md:4:4: this line holds a byte that is not UTF-8 text\nhint: save the file as UTF-8"},
		{"NUL in a data file", "-- data/faq.yaml --\n- id: a\n  question: Q\x00?\n",
			"data/faq.yaml:2:14: this line holds a NUL character, which is not text"},
		{"NUL in a scenario front", "-- content/a.md --\n---\ntitle: \x00A\n---\n",
			"content/a.md:2:8: this line holds a NUL character"},
		{"misspelt front matter key", "-- content/a.md --\n---\ntitle: A\nkeywrds: [friend request]\n---\n",
			"content/a.md:3:1: unknown field \"keywrds\" in the front matter\nhint: did you mean \"keywords\"? the fields are codes, description, draft, keywords, layout, menu, noindex, owner, params, print, review_by, reviewed, slug, themes, title, weight (and Hugo's own, such as date and aliases); put fields of your own under params:"},
		{"misspelt title", "-- content/a.md --\n---\ntitel: A\n---\n",
			"content/a.md:2:1: unknown field \"titel\" in the front matter\nhint: did you mean \"title\"?"},
		{"keywords not a list", "-- content/a.md --\n---\ntitle: A\nkeywords: friend request, privacy\n---\n",
			"content/a.md:3:11: keywords is a list\nhint: write keywords: [friend request, privacy]"},
		{"codes not a list", "-- content/a.md --\n---\ntitle: A\ncodes: 5.8\n---\n",
			"content/a.md:3:8: codes is a list\nhint: write codes: [\"5.8\"]"},
		{"menu not a boolean", "-- content/a.md --\n---\ntitle: A\nmenu: yes please\n---\n",
			"content/a.md:3:7: menu is true or false\nhint: write menu: true or menu: false (true to list the page in the menu)"},
		{"misspelt required field: not also missing", "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answr: A.\n",
			"data/faq.yaml:3:3: unknown field \"answr\"\nhint: did you mean \"answer\"?"},
		{"id too long", "-- data/faq.yaml --\n- id: " + strings.Repeat("a", 300) + "\n  question: Q?\n  answer: A.\n",
			"data/faq.yaml:1:7: id is 300 characters long, more than the 80 an id may have\nhint: shorten it: an id becomes a file name and part of web addresses"},
		{"raw HTML in a question", "-- data/faq.yaml --\n- id: a\n  question: Can I <b>really</b>?\n  answer: A.\n",
			"data/faq.yaml:2:19: raw HTML <b> in question, which would be shown as it is written\nhint: question is plain text: leave the tag out"},
		{"raw HTML after accents", "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answer: Café, crème <b>brûlée</b>\n",
			"data/faq.yaml:3:23: raw HTML <b> in answer"},
		{"front matter indented to no level", "-- content/a.md --\n---\ntitle: A\nparams:\n    audience: x\n  level: y\n---\n",
			"content/a.md:5:3: this line's indentation matches no line above it\nhint: indent it as line 4 (4 spaces) or line 3 (0 spaces), as the fields it belongs with"},
		{"no front matter", "-- content/a.md --\nJust text\n",
			"content/a.md:1:1: the page has no front matter"},
		// Review fields (issue 17): dates year-month-day, the next review after the last.
		{"reviewed not a date", "-- content/a.md --\n---\ntitle: A\nreviewed: 1 November 2026\n---\n",
			"content/a.md:3:11: reviewed \"1 November 2026\" is not a date written year-month-day\nhint: write the date as year-month-day, e.g. reviewed: 2026-11-01"},
		{"review_by not a day", "-- content/a.md --\n---\ntitle: A\nreview_by: 2027-02-30\n---\n",
			"content/a.md:3:12: review_by 2027-02-30 is not a day of the calendar"},
		{"review_by before reviewed", "-- content/a.md --\n---\ntitle: A\nreviewed: 2026-11-01\nreview_by: 2026-10-01\n---\n",
			"content/a.md:4:12: review_by 2026-10-01 is not after reviewed 2026-11-01\nhint: review_by is when the next review is due: a date after the last review"},
		{"owner a list", "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answer: A.\n  owner: [a, b]\n",
			"data/faq.yaml:4:10: owner is one line of text"},
		{"misspelt review field in a case", "-- data/cases.yaml --\n- id: a\n  title: T\n  role: R\n  happened: H\n  mattered: M\n  reviewd: 2026-11-01\n",
			"data/cases.yaml:6:3: unknown field \"reviewd\"\nhint: did you mean \"reviewed\"?"},
		{"misspelt review field in front matter", "-- content/a.md --\n---\ntitle: A\nreview-by: 2027-01-01\n---\n",
			"content/a.md:3:1: unknown field \"review-by\" in the front matter\nhint: did you mean \"review_by\"?"},
		// The change log: pages that exist, newest first, each version once.
		{"change to no page", "-- content/guidance/privacy.md --\n---\ntitle: P\n---\n-- data/changes.yaml --\n- version: 1.0.0\n  date: 2026-11-25\n  summary: First.\n  pages:\n    - page: guidance/privacacy.md\n      note: New.\n",
			"data/changes.yaml:5:13: there is no page content/guidance/privacacy.md\nhint: did you mean guidance/privacy.md?"},
		{"change log out of order", "-- data/changes.yaml --\n- version: 1.0.0\n  date: 2026-11-25\n  summary: First.\n- version: 1.1.0\n  date: 2026-12-01\n  summary: Second.\n",
			"data/changes.yaml:5:9: version 1.1.0 (2026-12-01) is dated after version 1.0.0 (2026-11-25), which is above it\nhint: the change log is newest first"},
		{"version twice", "-- data/changes.yaml --\n- version: 1.0.0\n  date: 2026-11-25\n  summary: First.\n- version: 1.0.0\n  date: 2026-11-01\n  summary: Again.\n",
			"data/changes.yaml:4:12: version 1.0.0 is in the change log twice\nhint: it is first at line 1"},
		{"change log without summary", "-- data/changes.yaml --\n- version: 1.0.0\n  date: 2026-11-25\n",
			"data/changes.yaml:1:3: this entry has no summary"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lint.Project(project(t, tc.archive))
			qt.Assert(t, err, qt.IsNotNil)
			ps := err.(lint.Problems)
			qt.Assert(t, ps, qt.HasLen, 1, qt.Commentf("%v", err))
			qt.Assert(t, strings.HasPrefix(unquoted(err), tc.want), qt.IsTrue, qt.Commentf("got:\n%v\nwant:\n%s", err, tc.want))
		})
	}
}

// Fields of one's own go under params:, and Hugo's own fields are Hugo's.
func TestFrontMatterParamsAndHugoFields(t *testing.T) {
	_, err := lint.Project(project(t, "-- content/a.md --\n---\ntitle: A\ndate: 2026-01-01\naliases: [/old.html]\nparams:\n  audience: managers\n  reviewed: true\n---\n"))
	qt.Assert(t, err, qt.IsNil)
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
	qt.Assert(t, got, qt.DeepEquals, []string{"content/a.md", "content/z.md", "content/z.md", "data/faq.yaml", "data/faq.yaml"})
}

// Two sources for one output file fail the build naming both: Hugo would keep
// one page and silently lose the other.
func TestTwoSourcesForOnePage(t *testing.T) {
	const page = "---\ntitle: T\n---\nText\n"
	const hint = "hint: rename one of them, or give one a slug: of its own; two sources for one page would lose one of them"
	const built = "hint: rename the page; only search.md, a-z.md and download.md may replace a page the build makes"
	for _, tc := range []struct{ name, archive, want string }{
		{"names that differ in case", "-- content/guidance/privacy.md --\n" + page + "-- content/guidance/Privacy.md --\n" + page,
			"content/guidance/Privacy.md:1:1: this page would be written to guidance/privacy.html, as content/guidance/privacy.md is\n" + hint + "\n" +
				"content/guidance/privacy.md:1:1: this page would be written to guidance/privacy.html, as content/guidance/Privacy.md is\n" + hint},
		{"a slug", "-- content/guidance/privacy.md --\n" + page + "-- content/guidance/secrets.md --\n---\ntitle: T\nslug: privacy\n---\n",
			"content/guidance/privacy.md:1:1: this page would be written to guidance/privacy.html, as content/guidance/secrets.md (its slug is \"privacy\") is\n" + hint + "\n" +
				"content/guidance/secrets.md:3:7: this page (its slug is \"privacy\") would be written to guidance/privacy.html, as content/guidance/privacy.md is\n" + hint},
		{"a case from data/cases.yaml", "-- data/cases.yaml --\n- id: c\n  title: T\n  role: Carer\n  happened: H\n  mattered: M\n-- content/cases/c.md --\n" + page,
			"content/cases/c.md:1:1: this page would be written to cases/c.html, as the page of the case \"c\" (data/cases.yaml:1) is\n" + hint},
		{"a code from data/codes.yaml", "-- content/codes/5-8.md --\n" + page,
			"content/codes/5-8.md:1:1: this page would be written to codes/5-8.html, as the page of the code with slug \"5-8\" (data/codes.yaml:2) is\n" + hint},
		{"the pack's handout", "-- content/print.md --\n" + page,
			"content/print.md:1:1: this page would be written to print.html, as the handout of the whole pack is\n" + built},
		{"a section's handout", "-- content/guidance/print.md --\n" + page,
			"content/guidance/print.md:1:1: this page would be written to guidance/print.html, as the handout of the section guidance is\n" + built},
		{"a slug on a built-in page", "-- content/find.md --\n---\ntitle: T\nslug: search\n---\n",
			"content/find.md:3:7: this page (its slug is \"search\") would be written to search.html, as the built-in search page is\n" + built},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lint.Project(project(t, tc.archive))
			qt.Assert(t, err, qt.IsNotNil)
			qt.Assert(t, unquoted(err), qt.Equals, tc.want)
		})
	}
	// The documented replacements of built-in pages are fine.
	_, err := lint.Project(project(t, "-- content/search.md --\n"+page+"-- content/a-z.md --\n"+page+"-- content/download.md --\n"+page))
	qt.Assert(t, err, qt.IsNil)
}

// A key given twice in a data file or front matter is an error at both lines.
func TestKeyGivenTwice(t *testing.T) {
	_, err := lint.Project(project(t, "-- data/faq.yaml --\n- id: a\n  question: Q?\n  answer: A.\n  question: Q2?\n-- content/a.md --\n---\ntitle: A\nweight: 1\ntitle: B\n---\n"))
	qt.Assert(t, unquoted(err), qt.Matches, `content/a.md:2:1: title is given twice: here and at line 4
hint: keep one of them \(only the last would be used\)
content/a.md:4:1: title is given twice: here and at line 2
hint: keep one of them \(only the last would be used\)
data/faq.yaml:2:3: question is given twice: here and at line 4
hint: keep one of them \(only the last would be used\)
data/faq.yaml:4:3: question is given twice: here and at line 2
hint: keep one of them \(only the last would be used\)`)
}

func TestPageInPlaceOfAScenario(t *testing.T) {
	ps, err := frontEnd(project(t, `
-- content/scenarios/request.md --
---
title: T
---
-- scenarios/request.yaml --
id: request
title: A request
service: all
steps:
  - id: end
    ending: Done.
    result: good
`))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, ps.Error(), qt.Equals, `content/scenarios/request.md:1:1: this page would be written to scenarios/request.html, as the scenario "request" (scenarios/request.yaml:1) is
hint: rename the page, or give it a slug: of its own; two sources for one page would lose one of them
scenarios/request.yaml:1:5: this scenario would be written to scenarios/request.html, as content/scenarios/request.md is
hint: give the scenario another id, or rename the page`)
}

// unquoted prints the problems of err without the source lines they quote.
func unquoted(err error) string {
	ps := append(lint.Problems(nil), err.(lint.Problems)...)
	for i := range ps {
		ps[i].Source = ""
	}
	return ps.Error()
}

// The change log example in docs/authoring.md is sound, and its newest version
// is checked against config.toml's by the build.
func TestAuthoringChangeLogExample(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "authoring.md"))
	qt.Assert(t, err, qt.IsNil)
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(b), -1)
	example := blocks[len(blocks)-1][1]
	qt.Assert(t, example, qt.Contains, "- version: 1.1.0")
	res, err := lint.Project(project(t, "-- content/guidance/promoting-your-service.md --\n---\ntitle: Promoting\n---\n-- data/changes.yaml --\n"+example))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, res.Changes, qt.HasLen, 2)
	qt.Assert(t, res.Changes[0].Pages, qt.DeepEquals, []lint.PageChange{{Page: "guidance/promoting-your-service.md", Title: "Promoting", Note: "New section on photographs at events."}})
}
