package build_test

import (
	"archive/zip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

const miniPack = `
-- content/_index.md --
---
title: Mini pack
---
Welcome.
-- content/guidance/_index.md --
---
title: Guidance
weight: 1
---
-- content/guidance/boundaries.md --
---
title: Boundaries
weight: 1
---
## Friend requests

See [the next page](privacy.md) and [its heading](privacy.md#talking-about-work).
-- content/guidance/privacy.md --
---
title: Privacy
weight: 2
---
## Talking about work

Back to [boundaries](boundaries.md#friend-requests). Read more [on the web](https://example.org/guide).
`

func TestBuildWritesSiteAndZip(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, miniPack)
	c := qt.New(t)
	s.AssertFile("guidance/boundaries.html",
		`<h1 class="gp-title">Boundaries</h1>`,
		`href="../guidance/privacy.html"`,
		`href="../guidance/privacy.html#talking-about-work"`,
		"Your employer's policy comes first",
		`<a class="gp-skip-link" href="#main">`,
		`rel="next"`,
		"! href=\"/",
	)
	s.AssertFile("guidance/privacy.html", `href="https://example.org/guide" rel="external"`, `rel="prev"`)
	// The hosted download page links to the zip with its size.
	s.AssertFile("download.html", `href="download/social-media-guidance-1.0.0.zip"`, "(zip file, ")
	c.Assert(s.Result.Pages > 3, qt.IsTrue)

	zr, err := zip.OpenReader(s.Result.Zip)
	c.Assert(err, qt.IsNil)
	defer zr.Close()
	names := map[string]bool{}
	for _, f := range zr.File {
		names[f.Name] = true
		c.Assert(f.Name, qt.Equals, strings.ToLower(f.Name))
		c.Assert(strings.HasPrefix(f.Name, "social-media-guidance-1.0.0/"), qt.IsTrue, qt.Commentf("one top folder: %s", f.Name))
	}
	c.Assert(names["social-media-guidance-1.0.0/index.html"], qt.IsTrue)
	c.Assert(names["social-media-guidance-1.0.0/readme.txt"], qt.IsTrue)
	c.Assert(names["social-media-guidance-1.0.0/guidance/boundaries.html"], qt.IsTrue)
	// The zip does not hold itself.
	for n := range names {
		c.Assert(strings.Contains(n, "/download/"), qt.IsFalse, qt.Commentf("%s", n))
	}
}

func TestSameSourcesGiveSameZip(t *testing.T) {
	t.Parallel()
	a := sitetest.Build(t, miniPack)
	b := sitetest.Build(t, miniPack)
	qt.Assert(t, fileHash(t, b.Result.Zip), qt.Equals, fileHash(t, a.Result.Zip))
	before := fileHash(t, a.Result.Zip)
	res, err := build.Run(build.Options{Root: a.Root, Force: true}) // built again, not found up to date
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, res.UpToDate, qt.IsFalse)
	qt.Assert(t, fileHash(t, res.Zip), qt.Equals, before)
}

// A build with nothing changed since the last good one says so and leaves the
// output alone; a change to a source or to the output, or -force, builds again.
func TestNothingChangedIsNotBuiltAgain(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, miniPack)
	first := *s.Result
	stat := func(p string) os.FileInfo {
		fi, err := os.Stat(p)
		qt.Assert(t, err, qt.IsNil)
		return fi
	}
	// again builds as guidepack build does (s.Rebuild forces a build).
	again := func() {
		t.Helper()
		s.Result, s.Err = build.Run(build.Options{Root: s.Root})
		qt.Assert(t, s.Err, qt.IsNil)
	}
	page := filepath.Join(s.Public(), "guidance", "privacy.html")
	built := stat(page).ModTime()

	again()
	qt.Check(t, s.Result.UpToDate, qt.IsTrue)
	qt.Check(t, s.Result.Pages, qt.Equals, first.Pages)
	qt.Check(t, s.Result.Zip, qt.Equals, first.Zip)
	qt.Check(t, stat(page).ModTime(), qt.Equals, built, qt.Commentf("the site was written again"))

	// A source changed: built again, with the change.
	s.WriteFile("content/guidance/privacy.md", "---\ntitle: Privacy\nweight: 2\n---\n## Talking about work\n\nChanged text.\n")
	again()
	qt.Check(t, s.Result.UpToDate, qt.IsFalse)
	s.AssertFile("guidance/privacy.html", "Changed text.")

	// The output changed (a page removed from public/): built again, restored.
	again()
	qt.Assert(t, s.Result.UpToDate, qt.IsTrue)
	qt.Assert(t, os.Remove(page), qt.IsNil)
	again()
	qt.Check(t, s.Result.UpToDate, qt.IsFalse)
	s.AssertFile("guidance/privacy.html", "Changed text.")

	// The zip gone: built again.
	qt.Assert(t, os.Remove(s.Result.Zip), qt.IsNil)
	again()
	qt.Check(t, s.Result.UpToDate, qt.IsFalse)
	stat(s.Result.Zip)

	// Force: built again.
	res, err := build.Run(build.Options{Root: s.Root, Force: true})
	qt.Assert(t, err, qt.IsNil)
	qt.Check(t, res.UpToDate, qt.IsFalse)
}

func TestFailedBuildKeepsLastGoodOutput(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name, file, content, want string
	}{
		{"broken Markdown link", "content/guidance/boundaries.md", "---\ntitle: B\n---\n[gone](nowhere.md)\n", `content/guidance/boundaries.md:4:8: link "nowhere.md": no such page`},
		{"external script in a layout", "layouts/_partials/policy-notice.html", `<script src="https://cdn.example.com/x.js"></script>`, "https://cdn.example.com/x.js: loads from the network"},
		{"template error", "layouts/page.html", `{{ define "main" }}{{ .Nope }}{{ end }}`, "can't evaluate field Nope"},
		{"bad config", "config.toml", "title = \n", "config.toml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sitetest.Build(t, miniPack)
			site, zipSum := treeHash(t, s.Public()), fileHash(t, s.Result.Zip)
			zipPath := s.Result.Zip
			s.WriteFile(tc.file, tc.content)
			err := s.Rebuild()
			qt.Assert(t, err, qt.ErrorMatches, "(?s).*"+regexpQuote(tc.want)+".*")
			qt.Assert(t, treeHash(t, s.Public()), qt.Equals, site)
			qt.Assert(t, fileHash(t, zipPath), qt.Equals, zipSum)
		})
	}
}

func TestOfflineProblemsNamePageAndReference(t *testing.T) {
	t.Parallel()
	s := sitetest.Try(t, miniPack+`
-- layouts/_partials/policy-notice.html --
<a href="../guidance/">a folder</a><a href="nope.html">missing</a><a href="#nowhere">fragment</a>
`)
	s.AssertError(
		"guidance/boundaries.html: ../guidance/: names a folder",
		"guidance/boundaries.html: nope.html: no such file in the pack",
		`guidance/boundaries.html: #nowhere: no element with id "nowhere" on guidance/boundaries.html`,
	)
	_, err := os.Stat(s.Public())
	qt.Assert(t, os.IsNotExist(err), qt.IsTrue, qt.Commentf("no public/ from a failed first build"))
}

func regexpQuote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, ".", `\.`, "(", `\(`, ")", `\)`, "[", `\[`, "]", `\]`, "*", `\*`, "+", `\+`, "?", `\?`, "{", `\{`, "}", `\}`, "^", `\^`, "$", `\$`, "|", `\|`)
	return r.Replace(s)
}

func fileHash(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	qt.Assert(t, err, qt.IsNil)
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// treeHash hashes every file name and content under dir.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		lines = append(lines, rel+" "+fileHash(t, p))
		return nil
	})
	qt.Assert(t, err, qt.IsNil)
	sort.Strings(lines)
	return fmt.Sprintf("%x", sha256.Sum256([]byte(strings.Join(lines, "\n"))))
}

const embedPack = `
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/boundaries.md --
---
title: Boundaries
---
Try it here:

{{< scenario "tiny" >}}
-- content/guidance/privacy.md --
---
title: Privacy
---
No scenario here.
-- scenarios/tiny.yaml --
id: tiny
title: A tiny scenario
service: all
steps:
  - id: start
    situation: A request arrives.
    choices:
      - text: Decline.
        feedback: Good.
        judgement: good
        next: end
  - id: end
    ending: Done.
`

// A scenario embedded in a guidance page: all of it, with its script; pages
// without one load no script.
func TestScenarioEmbed(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, embedPack)
	s.AssertFile("guidance/boundaries.html",
		`data-module="gp-scenario"`, `id="tiny--start"`, `href="#tiny--end"`,
		`<script src="../assets/scenario.js"></script>`)
	s.AssertFile("guidance/privacy.html", "! scenario.js")
	s.AssertFile("scenarios/tiny.html", `<h1 class="gp-title">A tiny scenario</h1>`)

	bad := sitetest.Try(t, strings.Replace(embedPack, `{{< scenario "tiny" >}}`, `{{< scenario "tiney" >}}`, 1))
	bad.AssertError(`content/guidance/boundaries.md:6:1: unknown scenario "tiney"`)
}

// What Hugo's run finds comes back typed, as the stages before it do:
// errors.As finds the problems, with their position as numbers.
func TestHugoProblemsAreTyped(t *testing.T) {
	t.Parallel()
	s := sitetest.Try(t, strings.Replace(miniPack, "(privacy.md#talking-about-work)", "(privacy.md#talking)", 1))
	var ps diag.Problems
	qt.Assert(t, errors.As(s.Err, &ps), qt.IsTrue, qt.Commentf("%T: %v", s.Err, s.Err))
	qt.Assert(t, ps, qt.HasLen, 1)
	p := ps[0]
	qt.Assert(t, []any{p.File, p.Line, p.Col}, qt.DeepEquals, []any{"content/guidance/boundaries.md", 7, 51})
	qt.Assert(t, p.Msg, qt.Equals, `link "privacy.md#talking": no heading with the id "talking" on guidance/privacy.md`)
	qt.Assert(t, p.Source, qt.Equals, "See [the next page](privacy.md) and [its heading](privacy.md#talking).")
	qt.Assert(t, p.Hint, qt.Contains, `did you mean "talking-about-work"?`)
}

// Prepare, as serve runs it on every save, leaves the generated files it would
// write the same alone: serve's Hugo reads a newer file as a change and renders
// every page that uses it again (guidepack.json: every page).
func TestPrepareLeavesUnchangedFilesAlone(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, miniPack)
	_, err := build.Prepare(s.Root)
	qt.Assert(t, err, qt.IsNil)
	gen := build.GenDir(s.Root)
	times := map[string]time.Time{}
	filepath.WalkDir(gen, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			fi, _ := d.Info()
			times[p] = fi.ModTime()
		}
		return nil
	})
	qt.Assert(t, times[filepath.Join(gen, "data", "guidepack.json")].IsZero(), qt.IsFalse)
	// Far enough back that any write would show.
	old := time.Now().Add(-time.Hour)
	for p := range times {
		qt.Assert(t, os.Chtimes(p, old, old), qt.IsNil)
	}
	_, err = build.Prepare(s.Root)
	qt.Assert(t, err, qt.IsNil)
	for p := range times {
		fi, err := os.Stat(p)
		qt.Assert(t, err, qt.IsNil)
		qt.Check(t, fi.ModTime().Equal(old), qt.IsTrue, qt.Commentf("%s was written again, unchanged", p))
	}
}
