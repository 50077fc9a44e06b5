package sitetest_test

import (
	"regexp"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// The A–Z files each entry where a reader looks for it, in one row per term:
// a leading article is passed over, an accented initial files under its base
// letter (Unicode collation), a title in another script gets a group and a list
// of its own, and a keyword of several pages is one row with a link to each.
func TestAZFilesAsAReaderLooks(t *testing.T) {
	s := sitetest.Build(t, `
-- content/_index.md --
---
title: Home
---
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/wyr.md --
---
title: Ŵyr ar-lein
keywords: [friend request]
---
Text.
-- content/guidance/request.md --
---
title: A friend request at work
keywords: [friend request, Friend request]
---
Text.
-- content/guidance/arabic.md --
---
title: سياسة الخصوصية
---
Text.
-- content/guidance/waves.md --
---
title: Wz last of the Ws
---
Text.
`)
	page := s.File("a-z.html")
	groups := map[string]string{}
	for _, m := range regexp.MustCompile(`(?s)<section class="gp-az__group" id="letter-([^"]+)"><h2>[^<]+</h2><ul class="gp-az__list">(.*?)</ul></section>`).FindAllStringSubmatch(page, -1) {
		groups[m[1]] = m[2]
	}
	titles := func(letter string) []string {
		var out []string
		for _, m := range regexp.MustCompile(`<li><a [^>]*>([^<]*)</a>`).FindAllStringSubmatch(groups[letter], -1) {
			out = append(out, m[1])
		}
		return out
	}
	qt.Assert(t, titles("f"), qt.DeepEquals, []string{"friend request", "A friend request at work"})
	qt.Assert(t, titles("w"), qt.DeepEquals, []string{"What&#39;s new", "Ŵyr ar-lein", "Wz last of the Ws"}) // What's new is built in
	qt.Assert(t, titles("س"), qt.DeepEquals, []string{"سياسة الخصوصية"})
	qt.Assert(t, groups["y"], qt.Equals, "")
	// One row for "friend request", linking to both pages once each.
	row := regexp.MustCompile(`(?s)<li><a [^>]*>friend request</a>.*?</li>`).FindString(groups["f"])
	qt.Assert(t, strings.Count(row, "<a "), qt.Equals, 2, qt.Commentf("%s", row))
	// Every entry sits in a list.
	_, index, _ := strings.Cut(page, `<nav class="gp-az__jump"`)
	_, index, _ = strings.Cut(index, "</nav>")
	index, _, _ = strings.Cut(index, "</main>")
	qt.Assert(t, strings.Count(index, "<li><a "), qt.Equals, strings.Count(strings.Join(mapValues(groups), ""), "<li><a "))
}

func mapValues(m map[string]string) []string {
	var out []string
	for _, v := range m {
		out = append(out, v)
	}
	return out
}

// A long page (three or more h2 headings) opens with a Contents list of them
// (GOV.UK); a short one does not.
func TestContentsListOnLongPages(t *testing.T) {
	s := sitetest.Build(t, `
-- content/_index.md --
---
title: Home
---
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/long.md --
---
title: Long
---
## One “quoted”

## Two

## Three
-- content/guidance/short.md --
---
title: Short
---
## Only one
`)
	s.AssertFile("guidance/long.html", `<h2 class="gp-contents__title" id="gp-contents-title">Contents</h2>`,
		`<a class="gp-contents__link" href="#one-quoted">One “quoted”</a>`, `href="#three">Three</a>`)
	s.AssertFile("guidance/short.html", "! gp-contents")
}
