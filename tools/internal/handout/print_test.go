package handout_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

func TestSectionPrintPage(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, miniPack)
	s.AssertFile("guidance/index.html", `<a href="../guidance/print.html">`, "Print this section")
	s.AssertFile("guidance/print.html",
		`<meta name="gp-search" content="noindex">`,
		// Numbered contents, one entry per page, in weight order.
		`<span class="gp-toc__num">1</span> Boundaries`,
		`<span class="gp-toc__num">5</span> Leaving social media`,
		// Each page an article with its own anchor, ids made unique.
		`<article class="gp-handout__page" id="guidance/boundaries"`,
		`id="guidance/boundaries--friend-requests"`,
		`id="guidance/privacy--talking-about-work"`,
		// Links inside the section point inside the print page.
		`href="#guidance/privacy--talking-about-work"`,
		`href="#guidance/boundaries--friend-requests"`,
		`href="#guidance/index"`,
		// Links out of the section still lead to the page, and the web stays the web.
		`href="../about.html"`,
		`href="https://example.org/guide" rel="external"`,
		// Content headings move under the page's own h2.
		`<h3 id="guidance/boundaries--friend-requests">`,
		"! <h2 id=\"guidance/boundaries--friend-requests\"",
		"! print.html#", "! href=\"/",
	)
	// The section's own text is there once, at the top.
	qt.Assert(t, strings.Count(s.File("guidance/print.html"), "Five short topics"), qt.Equals, 1)
}

func TestWholePackPrintPage(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, miniPack)
	s.AssertFile("index.html", `<a href="./print.html">`, "Print the whole pack")
	s.AssertFile("print.html",
		`<meta name="gp-search" content="noindex">`,
		`<span class="gp-toc__num">1</span> Guidance`,
		`<span class="gp-toc__num">1.2</span> Privacy`,
		`<span class="gp-toc__num">2</span> Common questions`,
		`<span class="gp-toc__num">4</span> About this pack`,
		// Links between sections and to top-level pages point inside.
		`href="#guidance/boundaries"`,
		`href="#about"`,
		`href="#faq"`,
		// FAQ answers, each with a unique id, open (no <details> needed on paper).
		`id="faq--first-question"`,
		"the answer folded away",
		// Not the download page: it is about the zip, not the guidance.
		"! Download this pack</h2>",
	)
	body := s.File("print.html")
	c := qt.New(t)
	// Every page exactly once, each on its own sheet.
	c.Assert(strings.Count(body, `class="gp-handout__page`), qt.Equals, 1+5+1+1+1)
	// Ids are unique on the page.
	seen := map[string]bool{}
	for _, part := range strings.Split(body, ` id="`)[1:] {
		id := part[:strings.IndexByte(part, '"')]
		c.Assert(seen[id], qt.IsFalse, qt.Commentf("id %q twice", id))
		seen[id] = true
	}
}

// TestPrintPagesPassTheOfflineCheck: a link to a page that is not in a print
// page, with a #fragment, must keep pointing at that page (the build's offline
// check fails on any anchor that does not resolve).
func TestPrintPagesPassTheOfflineCheck(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, miniPack+`
-- content/elsewhere/notes.md --
---
title: Notes
---
See [friend requests](../guidance/boundaries.md#friend-requests) and [the first answer](../faq.md#first-question).
`)
	s.AssertFile("elsewhere/print.html",
		`href="../guidance/boundaries.html#friend-requests"`,
		`href="../faq.html#first-question"`)
	s.AssertFile("print.html",
		`href="#guidance/boundaries--friend-requests"`,
		`href="#faq--first-question"`)
}

// TestScenarioSheets checks the worksheet and facilitator sheet of every demo
// scenario against its compiled data: the worksheet has every choice with its
// label and the step it leads to, and no feedback; the facilitator sheet has all
// the feedback, the key points and the best path.
func TestScenarioSheets(t *testing.T) {
	t.Parallel()
	s := sitetest.Demo(t)
	c := qt.New(t)
	files, _ := filepath.Glob(filepath.Join(s.Root, ".guidepack", "gen", "data", "scenarios", "*.json"))
	c.Assert(len(files) > 0, qt.IsTrue)
	for _, f := range files {
		var sc quiz.Compiled
		b, err := os.ReadFile(f)
		c.Assert(err, qt.IsNil)
		c.Assert(json.Unmarshal(b, &sc), qt.IsNil)
		ws := s.File("scenarios/" + sc.ID + "/worksheet.html")
		fs := s.File("scenarios/" + sc.ID + "/facilitator.html")
		s.AssertFile("scenarios/"+sc.ID+".html",
			`href="../scenarios/`+sc.ID+`/worksheet.html"`, `href="../scenarios/`+sc.ID+`/facilitator.html"`)
		for _, page := range []string{ws, fs} {
			// The handout skeleton (_partials/handout.html), not a web page's (baseof.html).
			c.Assert(page, qt.Contains, `<meta name="gp-search" content="noindex">`)
			c.Assert(page, qt.Contains, `<body class="gp-body gp-handout">`)
			c.Assert(page, qt.Not(qt.Contains), `class="gp-breadcrumbs`)
			c.Assert(page, qt.Contains, "<h1 class=\"gp-title\">"+htmlText(sc.Title)+"</h1>")
		}
		c.Assert(ws, qt.Contains, "Name <span class=\"gp-sheet__blank\"></span>")
		for _, st := range sc.Steps {
			c.Assert(ws, qt.Contains, `<span class="gp-sheet__n">Step `+itoa(st.N)+`</span>`)
			c.Assert(fs, qt.Contains, `<span class="gp-sheet__n">Step `+itoa(st.N)+`</span>`)
			for _, ch := range st.Choices {
				c.Assert(ws, qt.Contains, `<span class="gp-sheet__label">`+ch.Label+`</span>`)
				c.Assert(ws, qt.Contains, ch.HTML)
				c.Assert(ws, qt.Contains, `go to step `+itoa(ch.Next.N)+`</a>`)
				c.Assert(ws, qt.Not(qt.Contains), ch.Feedback, qt.Commentf("%s: feedback on the worksheet", sc.ID))
				c.Assert(fs, qt.Contains, ch.Feedback)
				c.Assert(fs, qt.Contains, `gp-sheet__verdict--`+ch.Judgement)
			}
			for _, o := range st.Options {
				c.Assert(ws, qt.Contains, o.HTML)
				c.Assert(ws, qt.Not(qt.Contains), o.Feedback)
				c.Assert(fs, qt.Contains, o.Feedback)
			}
			for _, p := range st.Points {
				c.Assert(ws, qt.Not(qt.Contains), p)
				c.Assert(fs, qt.Contains, p)
			}
		}
		// The best path, step by step, with the choice to make at each situation.
		path := fs[strings.Index(fs, `class="gp-sheet__path"`):]
		path = path[:strings.Index(path, "</ol>")]
		c.Assert(strings.Count(path, "<li>"), qt.Equals, len(sc.Best))
		c.Assert(path, qt.Contains, "choose <strong>")
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// htmlText escapes text as Hugo's templates do in element content.
func htmlText(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", "'", "&#39;", `"`, "&#34;").Replace(s)
}

// TestPrintPageKeepsEveryCharacter: print/chunk.html rewrites a page's ids with
// "\x00" standing for the page's anchor. Source files cannot hold that character,
// but a data file's quoted string can ("\0" in YAML, here in a code block of an
// answer): the print page must keep it, and still rewrite the page's ids.
func TestPrintPageKeepsEveryCharacter(t *testing.T) {
	t.Parallel()
	pack := strings.Replace(miniPack, "- id: second-question", `- id: odd-question
  question: What does a NUL look like?
  answer: "Like this:\n\n`+"```"+`text\nbefore\0after\n`+"```"+`\n"
- id: second-question`, 1)
	s := sitetest.Build(t, pack)
	c := qt.New(t)
	c.Assert(strings.Count(s.File("faq.html"), "before\x00after"), qt.Equals, 1)
	c.Assert(strings.Count(s.File("print.html"), "before\x00after"), qt.Equals, 1)
	s.AssertFile("print.html", `id="faq--odd-question"`, `id="faq--second-question"`, "! beforefaqafter")
}

// TestPrintCrossReferences: a link to another page of the print page says where
// to turn ("(see 2)"), with or without a #fragment, every time it appears; a link
// from a page to itself (by its file or by #fragment alone) and a link out of the
// print page do not.
func TestPrintCrossReferences(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, miniPack+`
-- content/guidance/self.md --
---
title: Self
weight: 6
---
## Here

Back [here](#here), [here again](self.md#here), to [privacy](privacy.md),
[privacy once more](privacy.md) and [talking](privacy.md#talking-about-work); out to [the notes](../elsewhere/_index.md).
`)
	s.AssertFile("guidance/print.html",
		`href="#guidance/self--here">here</a>,`,
		`href="#guidance/self--here">here again</a>,`,
		`href="#guidance/privacy">privacy</a><span class="gp-xref"> (see 2)</span>,`,
		`href="#guidance/privacy">privacy once more</a><span class="gp-xref"> (see 2)</span>`,
		`href="#guidance/privacy--talking-about-work">talking</a><span class="gp-xref"> (see 2)</span>`,
		`href="#guidance/privacy--talking-about-work">talking about work</a><span class="gp-xref"> (see 2)</span>`,
		`href="../elsewhere/index.html">the notes</a>.`,
	)
}
