package sitetest_test

import (
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
