package offline_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/offline"
	"golang.org/x/tools/txtar"
)

// site writes a txtar archive of built files into a folder.
func site(t *testing.T, archive string) string {
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, f.Name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const sound = `
-- index.html --
<link rel="stylesheet" href="assets/site.css">
<a href="guidance/boundaries.html#friend-requests">Boundaries</a>
<a href="#top" id="top">Top</a>
<a href="https://example.org/" rel="external">Web</a>
<a href="mailto:someone@example.org">Mail</a>
<form action="search.html"><input name="q"></form>
<img src="data:image/png;base64,AAAA" alt="">
-- search.html --
<p>Search</p>
-- guidance/boundaries.html --
<h2 id="friend-requests">Friend requests</h2>
<a href="../index.html">Home</a>
<img src="../img/photo.png" alt="A photo" srcset="../img/photo.png 1x, ../img/photo.png 2x">
-- assets/site.css --
body { background: url("../img/photo.png"); }
-- img/photo.png --
png
`

func TestSoundPackPasses(t *testing.T) {
	rep, err := offline.Check(site(t, sound))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, rep.Pages, qt.Equals, 3)
	qt.Assert(t, rep.Stylesheets, qt.Equals, 1)
}

func TestEachOffenderFails(t *testing.T) {
	for _, tc := range []struct {
		name, page, why string
	}{
		{"external script", `<script src="https://cdn.example.com/x.js"></script>`, "loads from the network"},
		{"external stylesheet", `<link rel="stylesheet" href="http://fonts.example.com/f.css">`, "loads from the network"},
		{"remote image", `<img src="https://example.com/a.png" alt="a">`, "loads from the network"},
		{"remote iframe", `<iframe src="https://video.example.com/embed"></iframe>`, "loads from the network"},
		{"protocol-relative", `<script src="//cdn.example.com/x.js"></script>`, "protocol-relative"},
		{"folder link", `<a href="guidance/">Guidance</a>`, "names a folder"},
		{"folder without slash", `<a href="guidance">Guidance</a>`, "names a folder"},
		{"missing file", `<a href="guidance/nope.html">Nope</a>`, "no such file in the pack"},
		{"broken fragment", `<a href="guidance/boundaries.html#nowhere">x</a>`, `no element with id "nowhere" on guidance/boundaries.html`},
		{"broken local fragment", `<a href="#nowhere">x</a>`, `no element with id "nowhere" on bad.html`},
		{"root-relative", `<a href="/guidance/boundaries.html">x</a>`, "root-relative"},
		{"javascript link", `<a href="javascript:alert(1)">x</a>`, "javascript: URLs are not allowed"},
		{"outside the pack", `<a href="../../etc/passwd">x</a>`, "points outside the pack"},
		{"style attribute", `<div style="background:url(https://example.com/a.png)"></div>`, "loads from the network"},
		{"web font in style", `<style>@font-face{src:url("https://fonts.example.com/a.woff2")}</style>`, "loads from the network"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := site(t, sound+"-- bad.html --\n"+tc.page+"\n")
			os.MkdirAll(filepath.Join(dir, "guidance"), 0o755)
			_, err := offline.Check(dir)
			var oe *offline.Error
			qt.Assert(t, errors.As(err, &oe), qt.IsTrue, qt.Commentf("want a failure for %s", tc.page))
			qt.Assert(t, oe.Problems, qt.HasLen, 1)
			qt.Assert(t, oe.Problems[0].Page, qt.Equals, "bad.html")
			qt.Assert(t, oe.Problems[0].Why, qt.Contains, tc.why)
			// The message names the page, the reference and why, one per line.
			qt.Assert(t, err.Error(), qt.Contains, "bad.html: ")
		})
	}
}

func TestCSSFromTheNetworkFails(t *testing.T) {
	dir := site(t, sound+"-- assets/extra.css --\n@import \"https://cdn.example.com/reset.css\";\n")
	_, err := offline.Check(dir)
	qt.Assert(t, err, qt.ErrorMatches, `(?s).*assets/extra.css: https://cdn.example.com/reset.css: loads from the network.*`)
}

func TestAllProblemsReportedSorted(t *testing.T) {
	dir := site(t, sound+"-- b.html --\n<a href=\"x.html\">x</a>\n-- a.html --\n<a href=\"y/\">y</a><a href=\"#z\">z</a>\n")
	_, err := offline.Check(dir)
	var oe *offline.Error
	qt.Assert(t, errors.As(err, &oe), qt.IsTrue)
	var pages []string
	for _, p := range oe.Problems {
		pages = append(pages, p.Page)
	}
	qt.Assert(t, strings.Join(pages, " "), qt.Equals, "a.html a.html b.html")
}
