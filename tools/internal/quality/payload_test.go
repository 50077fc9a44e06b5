package quality_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/quality"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// The payloads below set top.gpPwned, or call alert (which quality.Guard turns
// into gpPwned). ”' stands for a code fence (```), which a Go raw string cannot hold.
func md(s string) string { return strings.ReplaceAll(s, "'''", "```") }

// refused: attribute syntaxes the render hooks refuse. Each must stop the build,
// in a page, an FAQ answer and a case, naming the attribute and where it is. Before the hooks, the first one built to a live onmouseover (issue 12).
var refused = []struct{ name, md, err string }{
	{"code fence title with escaped quotes",
		`'''html {title="a\" onmouseover=\"alert(document.title)\" style=\"position:fixed;inset:0\" x=\"y"}
<b>code</b>
'''`, `the code block attribute "title" is not allowed`},
	{"code fence class with escaped quotes",
		`'''go {class="x\" onclick=\"top.gpPwned=1\" tabindex=\"0"}
package main
'''`, `the code block attribute "class" is not allowed`},
	{"code fence entities and a newline",
		`'''text {data-x="&quot; onfocus=&quot;top.gpPwned=1&quot; autofocus &#10; x"}
text
'''`, `the code block attribute "data-x" is not allowed`},
	{"code fence inline styles",
		`'''go {noClasses=true style=monokai}
package main
'''`, `the code block attribute "noClasses" is not allowed`},
	{"code fence language with quotes",
		`'''x"onmouseover="top.gpPwned=1"style="position:fixed;inset:0
code
'''`, `the code block's language "x\"onmouseover=`},
	{"heading title with escaped quotes",
		`## A heading {title="a\" onmouseover=\"top.gpPwned=1\" style=\"position:fixed;inset:0\" x=\"y"}`,
		`the heading attribute "title" is not allowed`},
	{"heading class",
		`## A heading {.gp-skip-link #h tabindex=0}`, `the heading attribute "class" is not allowed`},
}

// inert: attribute syntaxes that build and must stay text or escaped attribute
// values: block attributes (off), an {#id} with quotes, link and image titles
// with escaped quotes, entities and newlines, autolinks, inline code, entities.
// Scenario text (rendered by guidepack's own goldmark, which parses no
// attributes) also gets every refused payload.
var inert = []string{
	`## A heading with an id {#custom-id}`,
	`## An id with quotes {#h"onmouseover="top.gpPwned=1}`,
	`A paragraph.
{onmouseover="top.gpPwned=1" .gp-skip-link title="a\" onclick=\"top.gpPwned=1\" x=\"y"}`,
	`| a | b |
|---|---|
| 1 | 2 |
{onmouseover="top.gpPwned=1" style="position:fixed;inset:0"}`,
	`A [link](https://example.org/ "t\" onmouseover=\"top.gpPwned=1\" x=\"y") and [another](https://example.org/a "&quot; onfocus=&quot;top.gpPwned=1&quot;
autofocus").`,
	`An autolink <https://example.org/"onmouseover="top.gpPwned=1"x="> and https://example.org/"onclick="top.gpPwned=1.`,
	"Inline `code`{onclick=\"top.gpPwned=1\"} and *emphasis*{onmouseover=\"top.gpPwned=1\"}.",
	`Entities: &lt;img src=x onerror="top.gpPwned=1"&gt; &#60;svg onload=top.gpPwned=1&#62;`,
	`'''go {lineNos=true hl_Lines=[1] lineNoStart=3}
package main // "onmouseover="top.gpPwned=1
'''`,
}

// handlers returns the event handler and style attributes of the page's tags.
func handlers(page string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(page))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		for _, a := range tok.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "style" {
				out = append(out, fmt.Sprintf("<%s %s=%q>", tok.Data, a.Key, a.Val))
			}
		}
	}
	return out
}

// yamlBlock indents Markdown as a YAML block scalar's lines.
func yamlBlock(s string, indent int) string {
	pad := strings.Repeat(" ", indent)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

// caseAdapter is the demo's content adapter that makes a page of each case.
var caseAdapter = func() string {
	b, err := os.ReadFile(filepath.Join(sitetest.Repo(), "content", "cases", "_content.gotmpl"))
	if err != nil {
		panic(err)
	}
	return string(b)
}()

// project returns a mini pack with Markdown in a page, an FAQ answer, a case's
// text and (when not empty) a scenario's situation and feedback.
func project(page, faq, cas, scenario string) string {
	s := fmt.Sprintf(`
-- content/_index.md --
---
title: Home
---
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/p.md --
---
title: Payloads
---
%s
-- content/faq.md --
---
title: FAQ
layout: faq
---
-- content/cases/_index.md --
---
title: Cases
---
-- content/cases/_content.gotmpl --
%s
-- data/faq.yaml --
- id: q
  question: A question?
  answer: |
%s
-- data/cases.yaml --
- id: c
  title: A case
  role: Carer
  happened: |
%s
  mattered: Fine.
`, page, caseAdapter, yamlBlock(faq, 4), yamlBlock(cas, 4))
	if scenario != "" {
		s += fmt.Sprintf(`-- scenarios/s.yaml --
id: s
title: S
service: all
steps:
  - id: a
    situation: |
%s
    choices:
      - text: Go on.
        feedback: |
%s
        judgement: good
        next: b
  - id: b
    ending: Done.
`, yamlBlock(scenario, 6), yamlBlock(scenario, 10))
	}
	return s
}

// exercise opens each page with quality.Guard, does everything a reader might
// to every element, and reports a payload that ran, a policy violation or a
// script error.
func exercise(t *testing.T, b *browser.Browser, dir string, pages ...string) {
	t.Helper()
	for _, rel := range pages {
		p := b.Open(t, fileURL(dir, rel), browser.Options{Init: quality.Guard})
		n := quality.Exercise(t, p)
		o := quality.Check(t, p)
		if o.Pwned != "" {
			t.Errorf("%s: a payload ran (%s)", rel, o.Pwned)
		}
		for _, v := range o.Violations {
			t.Errorf("%s: CSP violation: %s", rel, v)
		}
		for _, pr := range p.Problems() {
			t.Errorf("%s: %s", rel, pr)
		}
		if n < 20 {
			t.Errorf("%s: only %d elements exercised", rel, n)
		}
		p.Close()
	}
}

// TestAttributePayloadsFailTheBuild: every refused attribute syntax stops the
// build, in a page (at its line), an FAQ answer and a case. Where one builds
// (as every one did before the render hooks), the built pages are exercised
// in the browser too, so the failure says whether the payload ran.
func TestAttributePayloadsFailTheBuild(t *testing.T) {
	b := browser.Start(t)
	const fine = "Fine."
	for _, c := range refused {
		for _, where := range []string{"page", "FAQ answer", "case"} {
			t.Run(c.name+" in a "+where, func(t *testing.T) {
				m := md(c.md)
				archive := map[string]string{
					"page":       project(m, fine, fine, ""),
					"FAQ answer": project(fine, m, fine, ""),
					"case":       project(fine, fine, m, ""),
				}[where]
				s := sitetest.Try(t, archive)
				if s.Err == nil {
					t.Errorf("the build succeeded; want the error %q", c.err)
					exercise(t, b, s.Public(), "guidance/p.html", "faq.html", "cases/c.html")
					return
				}
				// A page's mistakes are found as Hugo renders it (the render hook:
				// line, column 1); an FAQ answer's and a case's before, by the lint,
				// which names the data file's line and column: the { of the
				// attributes, or the language just after the fence.
				first, _, _ := strings.Cut(c.md, "\n")
				col := strings.LastIndex(first, "{") + 1
				if col == 0 {
					col = 4
				}
				pos := map[string]string{
					"page":       "content/guidance/p.md:4:1: ",
					"FAQ answer": fmt.Sprintf("data/faq.yaml:4:%d: ", 4+col),
					"case":       fmt.Sprintf("data/cases.yaml:5:%d: ", 4+col),
				}[where]
				s.AssertError(pos+c.err, "hint: ")
			})
		}
	}
}

// TestShortcodePayloadsFailTheBuild: a shortcode's arguments, quoted, named or
// positional, with escaped quotes, name no code, which stops the build at the
// shortcode; they never reach the markup.
func TestShortcodePayloadsFailTheBuild(t *testing.T) {
	for _, sc := range []string{
		`{{< code "5.8\" onmouseover=\"top.gpPwned=1" >}}`,
		"{{< code `5.8\\\" onclick=top.gpPwned=1` >}}",
		`{{< code id="5.8" onmouseover="top.gpPwned=1" >}}`,
		`{{< scenario "s\" onmouseover=\"top.gpPwned=1" >}}`,
	} {
		s := sitetest.Try(t, project("Cites "+sc+".", "Fine.", "Fine.", ""))
		s.AssertError("content/guidance/p.md:4:", "hint: ")
		if s.Err != nil && !strings.Contains(s.Err.Error(), "unknown code") && !strings.Contains(s.Err.Error(), "unknown scenario") {
			t.Errorf("%s: %v", sc, s.Err)
		}
	}
}

// TestAttributePayloadsAreInert builds a pack with every accepted attribute
// syntax carrying payloads, in a page, an FAQ answer, a case and a scenario
// (with every refused one too: scenario Markdown parses no attributes), and in
// the browser hovers, focuses and clicks every element of every page that shows
// them: no payload runs, no policy violation, no script error.
func TestAttributePayloadsAreInert(t *testing.T) {
	b := browser.Start(t)
	body := md(strings.Join(inert, "\n\n")) + "\n\nCites {{< code \"5.8\" >}}."
	var sc []string
	for _, c := range refused {
		sc = append(sc, c.md)
	}
	scenario := md(strings.Join(append(append([]string{}, inert...), sc...), "\n\n"))
	site := sitetest.Build(t, project(body, md(strings.Join(inert, "\n\n")), md(strings.Join(inert, "\n\n")), scenario))
	// The payloads are there, as escaped attribute values or as text.
	site.AssertFile("guidance/p.html", `<h2 id="custom-id">A heading with an id</h2>`, `{#h&quot;onmouseover=&ldquo;top.gpPwned=1}</h2>`, `title="t\&#34; onmouseover=\&#34;top.gpPwned=1`, `{onmouseover=&ldquo;top.gpPwned=1&rdquo;`)
	for _, rel := range []string{"guidance/p.html", "faq.html", "cases/c.html", "scenarios/s.html"} {
		for _, h := range handlers(site.File(rel)) {
			t.Errorf("%s: an author attribute reached the markup: %s", rel, h)
		}
	}
	dir := site.Unzip()
	exercise(t, b, dir, "guidance/p.html", "faq.html", "cases/c.html", "scenarios/s.html",
		"scenarios/s/worksheet.html", "scenarios/s/facilitator.html", "guidance/print.html", "print.html",
		"a-z.html", "search.html?q=onmouseover+gppwned")
}
