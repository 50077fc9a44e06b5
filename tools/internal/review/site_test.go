package review_test

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// config returns the repository's config.toml with the given [params] settings
// (key = value lines) in place of its own.
func config(t *testing.T, params ...string) string {
	b, err := os.ReadFile(filepath.Join(sitetest.Repo(), "config.toml"))
	qt.Assert(t, err, qt.IsNil)
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		skip := false
		for _, p := range params {
			if len(f) > 1 && f[1] == "=" && f[0] == strings.Fields(p)[0] {
				skip = true
			}
		}
		if skip {
			continue
		}
		out = append(out, line)
		if strings.TrimSpace(line) == "[params]" {
			for _, p := range params {
				out = append(out, "  "+p)
			}
		}
	}
	return "-- config.toml --\n" + strings.Join(out, "\n") + "\n"
}

const pack = `
-- content/_index.md --
---
title: Home
---
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/privacy.md --
---
title: Privacy
reviewed: 2026-11-01
---
Text.
-- content/guidance/boundaries.md --
---
title: Boundaries
reviewed: 2026-11-01
review_by: 2027-05-01
owner: Practice team
---
Text.
-- content/cases/_index.md --
---
title: Case examples
---
-- data/cases.yaml --
- id: a-case
  title: A case
  role: Carer
  happened: Something.
  mattered: Much.
  reviewed: 2026-10-15
-- data/changes.yaml --
- version: 1.1.0
  date: 2026-12-01
  summary: Clearer advice on privacy.
  pages:
    - page: guidance/privacy.md
      note: New advice on photographs at events.
- version: 1.0.0
  date: 2026-11-25
  summary: The first version.
  pages:
    - page: guidance/boundaries.md
      note: Written.
`

// What a reader sees of reviews and changes: the review line on the page and its
// handout; the newest version's notice on the page it changed (not the older
// version's); What's new; the download page; the zip's readme.txt.
func TestReviewLineAndChangeNotices(t *testing.T) {
	s := sitetest.Build(t, config(t, `version = "1.1.0"`, `released = "2026-12-01"`)+pack+casePages(t))
	s.AssertFile("guidance/privacy.html",
		`<p class="gp-review">Last reviewed 1 November 2026 · Next review due November 2027</p>`,
		`<strong>Updated in version 1.1.0 (1 December 2026):</strong> New advice on photographs at events.`)
	s.AssertFile("guidance/boundaries.html",
		`<p class="gp-review">Last reviewed 1 November 2026 · Next review due May 2027</p>`,
		"! Updated in version", "! style=")
	s.AssertFile("guidance/print.html", // the section's handout
		"Last reviewed 1 November 2026 · Next review due November 2027", "Updated in version 1.1.0")
	s.AssertFile("cases/a-case.html", "Last reviewed 15 October 2026 · Next review due October 2027")
	s.AssertFile("guidance/index.html", "! gp-review") // no dates: no line
	s.AssertFile("whats-new.html",
		`<section class="gp-whats-new__version" id="version-1-1-0">`, "Changes in version 1.1.0", "(1 December 2026)", "Clearer advice on privacy.",
		`<a href="./guidance/privacy.html">Privacy</a>: New advice on photographs at events.`,
		`id="version-1-0-0"`, `href="https://example.org/social-media-guidance/whats-new.xml"`)
	s.AssertFile("download.html", "What's new in version 1.1.0", "Clearer advice on privacy.", `href="./whats-new.html"`)
	readme := zipFile(t, s.Result.Zip, "readme.txt")
	qt.Assert(t, readme, qt.Contains, "What changed in this version (since version 1.0.0):\nClearer advice on privacy.\n- Privacy: New advice on photographs at events.\n")
	qt.Assert(t, readme, qt.Not(qt.Contains), "Written.")

	// changeNotices names the versions pages announce: both, here.
	s.WriteFile("config.toml", strings.TrimPrefix(config(t, `version = "1.1.0"`, `released = "2026-12-01"`, `changeNotices = ["1.1.0", "1.0.0"]`), "-- config.toml --\n"))
	qt.Assert(t, s.Rebuild(), qt.IsNil)
	s.AssertFile("guidance/boundaries.html", "<strong>Updated in version 1.0.0 (25 November 2026):</strong> Written.")
}

// The change log's newest version is the pack's.
func TestChangeLogMatchesTheVersion(t *testing.T) {
	s := sitetest.Try(t, pack) // config.toml says 1.0.0
	s.AssertError("data/changes.yaml:1:12: the newest version in the change log is 1.1.0, but config.toml says version = \"1.0.0\"",
		"> 1 | - version: 1.1.0")
	s = sitetest.Try(t, config(t, `version = "1.1.0"`, `changeNotices = ["1.0.9"]`)+pack)
	s.AssertError("config.toml:18:3: changeNotices names version 1.0.9, which data/changes.yaml does not list")
}

// atom is what RFC 4287 requires of a feed and its entries.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  []struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

// What's new is an Atom feed on the hosted site: valid XML in the Atom
// namespace with every required element, dates in RFC 3339, and links that are
// relative, like every link in the pack.
func TestWhatsNewFeedIsAtom(t *testing.T) {
	s := sitetest.Build(t, config(t, `version = "1.1.0"`, `released = "2026-12-01"`)+pack)
	var f atom
	qt.Assert(t, xml.Unmarshal([]byte(s.File("whats-new.xml")), &f), qt.IsNil)
	qt.Assert(t, f.ID, qt.Equals, "https://example.org/social-media-guidance/whats-new")
	qt.Assert(t, f.Title, qt.Not(qt.Equals), "")
	qt.Assert(t, f.Updated, qt.Equals, "2026-12-01T00:00:00Z")
	qt.Assert(t, f.Author, qt.HasLen, 1)
	qt.Assert(t, f.Author[0].Name, qt.Not(qt.Equals), "")
	rels := map[string]string{}
	for _, l := range f.Links {
		rels[l.Rel] = l.Href
	}
	qt.Assert(t, rels, qt.DeepEquals, map[string]string{"alternate": "whats-new.html", "self": "whats-new.xml"})
	qt.Assert(t, f.Entries, qt.HasLen, 2)
	ids := map[string]bool{}
	for _, e := range f.Entries {
		qt.Assert(t, e.ID, qt.Not(qt.Equals), "")
		qt.Assert(t, ids[e.ID], qt.IsFalse)
		ids[e.ID] = true
		qt.Assert(t, e.Title, qt.Matches, `Version \d+\.\d+\.\d+`)
		_, err := time.Parse(time.RFC3339, e.Updated)
		qt.Assert(t, err, qt.IsNil)
		qt.Assert(t, e.Links, qt.HasLen, 1)
		qt.Assert(t, e.Links[0].Href, qt.Matches, `whats-new\.html#version-[0-9-]+`)
		qt.Assert(t, e.Content.Type, qt.Equals, "html")
		qt.Assert(t, e.Content.Text, qt.Matches, `(?s)<ul>.*<li><a href="guidance/[a-z]+\.html">.*`)
	}
	// The hosted site and the zip hold the feed; the offline check passed it.
	qt.Assert(t, zipFile(t, s.Result.Zip, "whats-new.xml"), qt.Contains, "<feed")
}

// The feedback link: off by default; with feedback set, a plain link with the
// page's title and the pack's version in the subject, and the about page
// saying what it does.
func TestFeedbackLink(t *testing.T) {
	about := "-- content/about.md --\n---\ntitle: About\n---\n## Telling us\n\n{{< feedback >}}\n"
	s := sitetest.Build(t, pack[strings.Index(pack, "-- content/guidance/privacy.md"):strings.Index(pack, "-- content/guidance/boundaries.md")]+about)
	s.AssertFile("guidance/privacy.html", "! gp-feedback", "! mailto:")
	s.AssertFile("about.html", "This copy of the pack has no feedback link")

	s = sitetest.Build(t, config(t, `feedback = "mailto:guidance@example.org"`)+pack[strings.Index(pack, "-- content/guidance/privacy.md"):strings.Index(pack, "-- content/guidance/boundaries.md")]+about)
	s.AssertFile("guidance/privacy.html",
		`Is this page useful? <a class="gp-feedback__link" rel="external" href="mailto:guidance@example.org?subject=Feedback%20on%20%22Privacy%22%20%28Social%20media%20guidance%20for%20social%20service%20workers%2C%20version%201.0.0%29">Tell us<span class="gp-visually-hidden"> about this page</span></a>`)
	s.AssertFile("about.html", "opens your own email program with a\nnew message to guidance@example.org", "nothing is sent unless you send it yourself")
}

// casePages is the repository's content/cases/_content.gotmpl, which makes a
// page of each case.
func casePages(t *testing.T) string {
	b, err := os.ReadFile(filepath.Join(sitetest.Repo(), "content", "cases", "_content.gotmpl"))
	qt.Assert(t, err, qt.IsNil)
	return "-- content/cases/_content.gotmpl --\n" + string(b)
}

func zipFile(t *testing.T, zipPath, name string) string {
	zr, err := zip.OpenReader(zipPath)
	qt.Assert(t, err, qt.IsNil)
	defer zr.Close()
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "/"+name) {
			rc, err := f.Open()
			qt.Assert(t, err, qt.IsNil)
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("%s has no %s", zipPath, name)
	return ""
}
