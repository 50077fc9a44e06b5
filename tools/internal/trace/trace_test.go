package trace

import (
	"os"
	"path/filepath"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/offline"
)

// Each problem the check finds in a built page is named at what the author
// wrote, once: the copies in print pages and a scenario's sheets fold into it.
// What no authored file holds is a layout's, reported once for all its pages.
func TestProblemsAtTheirSource(t *testing.T) {
	root := t.TempDir()
	for name, text := range map[string]string{
		"content/guidance/boundaries.md": "---\ntitle: B\n---\n## Saying no\n\nSee [privacy](privacy.md#setings) and [the café](../café.md).\n",
		"content/guidance/privacy.md":    "---\ntitle: P\n---\n## Settings\n",
		"data/faq.yaml":                  "- id: q\n  question: Q?\n  answer: See [b](guidance/boundaries.md#sayng-no).\n",
		"scenarios/post.yaml":            "id: post\nsteps:\n  - id: start\n    situation: |\n      Read [this](../guidance/privacy.md#nope) first.\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
		qt.Assert(t, os.WriteFile(p, []byte(text), 0o644), qt.IsNil)
	}
	ps := Problems(root, []offline.Problem{
		{Page: "faq.html", Ref: "guidance/boundaries.html#sayng-no", Why: `no element with id "sayng-no" on guidance/boundaries.html`, Near: "saying-no"},
		{Page: "guidance/boundaries.html", Ref: "../guidance/privacy.html#setings", Why: `no element with id "setings" on guidance/privacy.html`, Near: "settings"},
		{Page: "guidance/boundaries.html", Ref: "../café.html", Why: "no such file in the pack", Near: "../cafe.html"},
		{Page: "guidance/print.html", Ref: "#guidance/privacy--setings", Why: `no element with id "guidance/privacy--setings" on guidance/print.html`},
		{Page: "print.html", Ref: "#guidance/privacy--setings", Why: `no element with id "guidance/privacy--setings" on print.html`},
		{Page: "scenarios/post.html", Ref: "../guidance/privacy.html#nope", Why: `no element with id "nope" on guidance/privacy.html`},
		{Page: "scenarios/post/facilitator.html", Ref: "../../guidance/privacy.html#nope", Why: `no element with id "nope" on guidance/privacy.html`},
		{Page: "guidance/boundaries.html", Ref: "../guidance/", Why: "names a folder"},
		{Page: "index.html", Ref: "guidance/", Why: "names a folder"},
		{Page: "guidance/privacy.html", Ref: "../guidance/", Why: "names a folder"},
	})
	want := []struct {
		file      string
		line, col int
		msg, hint string
	}{
		{"data/faq.yaml", 3, 19, `link "guidance/boundaries.md#sayng-no": no heading with the id "sayng-no" on guidance/boundaries.md (on faq.html)`, `did you mean "saying-no"?`},
		{"content/guidance/boundaries.md", 6, 15, `link "privacy.md#setings": no heading with the id "setings" on guidance/privacy.md (on guidance/boundaries.html and 2 more)`, `did you mean "settings"?`},
		{"content/guidance/boundaries.md", 6, 50, `link "../café.md": no such page or file (on guidance/boundaries.html)`, `did you mean "../cafe.html"?`},
		{"scenarios/post.yaml", 5, 19, `link "../guidance/privacy.md#nope": no heading with the id "nope" on guidance/privacy.md (on scenarios/post.html and 1 more)`, "check the heading's id"},
		{"", 0, 0, "guidance/boundaries.html: ../guidance/: names a folder (and on 1 more pages)", "comes from a layout"},
		{"", 0, 0, "index.html: guidance/: names a folder", "comes from a layout"},
	}
	qt.Assert(t, ps, qt.HasLen, len(want), qt.Commentf("%v", diag.Problems(ps)))
	for i, w := range want {
		p := ps[i]
		qt.Check(t, []any{p.File, p.Line, p.Col, p.Msg}, qt.DeepEquals, []any{w.file, w.line, w.col, w.msg})
		qt.Check(t, p.Hint, qt.Contains, w.hint)
	}
}

// A reference a layout writes as it is built is named at the layout, once for
// every page it is on; one it computes is named as the check saw it.
func TestLayoutProblemsAtTheLayout(t *testing.T) {
	root := t.TempDir()
	p := filepath.Join(root, "layouts", "_partials", "notice.html")
	qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
	qt.Assert(t, os.WriteFile(p, []byte("<p>\n  <a href=\"nope.html\">missing</a> <a href=\"{{ .x }}\">x</a>\n</p>\n"), 0o644), qt.IsNil)
	ps := Problems(root, []offline.Problem{
		{Page: "a.html", Ref: "nope.html", Why: "no such file in the pack"},
		{Page: "b.html", Ref: "nope.html", Why: "no such file in the pack"},
		{Page: "a.html", Ref: "computed/", Why: "names a folder"},
	})
	qt.Assert(t, ps, qt.HasLen, 2)
	qt.Check(t, []any{ps[0].File, ps[0].Line, ps[0].Col, ps[0].Msg}, qt.DeepEquals,
		[]any{"layouts/_partials/notice.html", 2, 12, "a.html: nope.html: no such file in the pack (and on 1 more pages)"})
	qt.Check(t, ps[0].Hint, qt.Contains, "a developer's")
	qt.Check(t, []any{ps[1].File, ps[1].Msg}, qt.DeepEquals, []any{"", "a.html: computed/: names a folder"})
}
