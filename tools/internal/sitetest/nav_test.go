package sitetest_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// Breadcrumbs name every ancestor, home first, each a link relative to the page
// it is on, then the page itself. The ancestors' part is made once per section
// and reused (breadcrumbs/trail.html): pages in different sections, at different
// depths, and a section's own page each get their own.
func TestBreadcrumbsPerSection(t *testing.T) {
	s := sitetest.Build(t, `
-- content/_index.md --
---
title: Home
---
-- content/about.md --
---
title: About
---
Text.
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/a.md --
---
title: Page A
---
Text.
-- content/guidance/deep/_index.md --
---
title: Deeper
---
-- content/guidance/deep/b.md --
---
title: Page B
---
Text.
-- content/other/_index.md --
---
title: Other
---
-- content/other/c.md --
---
title: Page C
---
Text.
`)
	crumbs := func(file string) string {
		nav := regexp.MustCompile(`(?s)<nav class="gp-breadcrumbs" aria-label="Breadcrumb">(.*?)</nav>`).FindStringSubmatch(s.File(file))
		qt.Assert(t, nav, qt.HasLen, 2, qt.Commentf("%s has no breadcrumbs", file))
		var out []string
		for _, m := range regexp.MustCompile(`<li>(?:<a href="([^"]*)">([^<]*)</a>|<span aria-current="page">([^<]*)</span>)</li>`).FindAllStringSubmatch(nav[1], -1) {
			if m[1] != "" {
				out = append(out, m[2]+" "+m[1])
			} else {
				out = append(out, m[3])
			}
		}
		return strings.Join(out, " > ")
	}
	qt.Assert(t, crumbs("about.html"), qt.Equals, "Home ./index.html > About")
	qt.Assert(t, crumbs("guidance/a.html"), qt.Equals, "Home ../index.html > Guidance ../guidance/index.html > Page A")
	qt.Assert(t, crumbs("guidance/deep/b.html"), qt.Equals, "Home ../../index.html > Guidance ../../guidance/index.html > Deeper ../../guidance/deep/index.html > Page B")
	qt.Assert(t, crumbs("other/c.html"), qt.Equals, "Home ../index.html > Other ../other/index.html > Page C")
	qt.Assert(t, crumbs("guidance/deep/index.html"), qt.Equals, "Home ../../index.html > Guidance ../../guidance/index.html > Deeper")
	qt.Assert(t, crumbs("other/index.html"), qt.Equals, "Home ../index.html > Other")
	s.AssertFile("index.html", "! gp-breadcrumbs")
}

// A code's page lists every page that cites it, once, under its top-level
// section (sections in order), by title; pages citing only another code are
// not listed.
func TestCodePageListsWhatCitesIt(t *testing.T) {
	adapter, err := os.ReadFile(filepath.Join(sitetest.Repo(), "content", "codes", "_content.gotmpl"))
	qt.Assert(t, err, qt.IsNil)
	s := sitetest.Build(t, "-- content/codes/_content.gotmpl --\n"+string(adapter)+`
-- content/codes/_index.md --
---
title: Codes of practice
---
-- content/practice/_index.md --
---
title: Practice
---
-- content/practice/zeta.md --
---
title: Zeta page
codes: ["5.8"]
---
Text.
-- content/practice/alpha.md --
---
title: Alpha page
codes: ["5.8", "3.5", "5.8"]
---
Text.
-- content/practice/deep/_index.md --
---
title: Deep
---
-- content/practice/deep/middle.md --
---
title: Middle page
codes: ["5.8"]
---
Text.
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/other.md --
---
title: Other code only
codes: ["3.5"]
---
Text.
-- content/guidance/beta.md --
---
title: Beta page
codes: ["5.8"]
---
Text.
`)
	page := s.File("codes/5-8.html")
	_, cited, ok := strings.Cut(page, "Where this pack cites Code 5.8</h2>")
	qt.Assert(t, ok, qt.IsTrue)
	cited, _, _ = strings.Cut(cited, "</article>")
	var got []string
	for _, m := range regexp.MustCompile(`<h3>([^<]*)</h3>|<li class="gp-list__item"><a href="[^"]*">([^<]*)</a></li>`).FindAllStringSubmatch(cited, -1) {
		if m[1] != "" {
			got = append(got, "# "+m[1])
		} else {
			got = append(got, m[2])
		}
	}
	qt.Assert(t, got, qt.DeepEquals, []string{"# Guidance", "Beta page", "# Practice", "Alpha page", "Middle page", "Zeta page"})
	s.AssertFile("codes/3-5.html", "Alpha page", "Other code only", "! Beta page", "! Zeta page")
}
