package linkpolicy_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/linkpolicy"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

const mini = `
-- content/_index.md --
---
title: Home
---
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/a.md --
---
title: A
---
Text.
`

// One rule: a link in a page (the render hook, reading data/linkpolicy.json) and
// the same link in a scenario (quiz) are both accepted or both refused, with the
// same hint, as linkpolicy says.
func TestPagesAndScenariosFollowOneRule(t *testing.T) {
	for _, c := range []struct {
		dest string
		ok   bool
		hint string
	}{
		{"https://example.org/", true, ""},
		{"mailto:someone@example.org", true, ""},
		{"tel:+441234567890", true, ""},
		{"../guidance/a.md", true, ""},
		{"javascript:alert(1)", false, linkpolicy.SchemeHint},
		{"data:text/html,hi", false, linkpolicy.SchemeHint},
		{"ftp://example.org/x", false, linkpolicy.SchemeHint},
		{"/guidance/a.md", false, linkpolicy.RootRelativeHint},
		{"//example.org/x.md", false, linkpolicy.RootRelativeHint},
		{"../guidance/", false, ""},
	} {
		t.Run(strings.NewReplacer("/", "_", ":", "_").Replace(c.dest), func(t *testing.T) {
			t.Parallel()
			page := sitetest.Try(t, mini+fmt.Sprintf(`-- content/guidance/b.md --
---
title: B
---
A [link](%s).
`, c.dest))
			sc := sitetest.Try(t, mini+fmt.Sprintf(`-- scenarios/s.yaml --
id: s
title: S
service: all
steps:
  - id: a
    situation: "A [link](%s)."
    choices:
      - text: Go.
        feedback: Fine.
        judgement: good
        next: b
  - id: b
    ending: Done.
`, c.dest))
			for _, s := range []struct {
				where string
				site  *sitetest.Site
			}{{"page", page}, {"scenario", sc}} {
				switch {
				case c.ok && s.site.Err != nil:
					t.Errorf("%s: refused: %v", s.where, s.site.Err)
				case !c.ok && s.site.Err == nil:
					t.Errorf("%s: accepted", s.where)
				case !c.ok && !strings.Contains(s.site.Err.Error(), c.hint):
					t.Errorf("%s: the error lacks the hint %q:\n%v", s.where, c.hint, s.site.Err)
				}
			}
		})
	}
}

func TestClassify(t *testing.T) {
	for u, want := range map[string]linkpolicy.Kind{
		"#top": linkpolicy.Fragment, "HTTPS://x": linkpolicy.External, "tel:1": linkpolicy.External,
		"JavaScript:x": linkpolicy.OtherScheme, "data:x": linkpolicy.OtherScheme, "//x/y": linkpolicy.ProtocolRelative,
		"/a.html": linkpolicy.RootRelative, "a/b.html": linkpolicy.Relative, "a.html#x:y": linkpolicy.Relative,
		"1:2": linkpolicy.Relative,
	} {
		if got := linkpolicy.Classify(u); got != want {
			t.Errorf("Classify(%q) = %d, want %d", u, got, want)
		}
	}
}
