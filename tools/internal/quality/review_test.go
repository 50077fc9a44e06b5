package quality_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/quality"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// TestAccessibleReviewAndChanges runs axe (JavaScript on and off) and the Nu
// HTML Checker on the page kinds of issue 17 as a pack with all of them shows
// them: the demo pack at a version 1.1.0 that changed a page, with a reviewed
// answer and a feedback address. The demo itself (1.0.0, no feedback) is
// covered by TestAccessibleEveryPage and TestValidHTML.
func TestAccessibleReviewAndChanges(t *testing.T) {
	axe := quality.AxeSource(t)
	b := browser.Start(t)
	root := sitetest.CopyRepo(t)
	edit := func(name string, f func(string) string) {
		p := filepath.Join(root, name)
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(f(string(src))), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	edit("config.toml", func(s string) string {
		s = strings.Replace(s, `version = "1.0.0"`, `version = "1.1.0"`, 1)
		return strings.Replace(s, "[params]\n", "[params]\n  feedback = \"mailto:guidance@example.org\"\n", 1)
	})
	edit("data/changes.yaml", func(s string) string {
		i := strings.Index(s, "- version:")
		return s[:i] + "- version: 1.1.0\n  date: 2026-11-25\n  summary: Clearer advice on privacy.\n  pages:\n    - page: guidance/privacy.md\n      note: New advice on photographs at events.\n" + s[i:]
	})
	edit("data/faq.yaml", func(s string) string {
		return strings.Replace(s, "  question: Should I be on social media at all?\n", "  question: Should I be on social media at all?\n  reviewed: 2026-11-01\n", 1)
	})
	s := &sitetest.Site{T: t, Root: root}
	if err := s.Rebuild(); err != nil {
		t.Fatal(err)
	}
	s.AssertFile("guidance/privacy.html", "Updated in version 1.1.0", "gp-review", "gp-feedback")
	s.AssertFile("faq.html", "Last reviewed 1 November 2026")
	dir := s.Unzip()
	pages := []string{"guidance/privacy.html", "guidance/print.html", "whats-new.html", "download.html", "about.html", "faq.html",
		"cases/friend-on-a-public-page.html", "scenarios/photographs-promoting-service.html"}
	var files []string
	for _, rel := range pages {
		files = append(files, filepath.Join(dir, rel))
		for _, o := range []browser.Options{{}, {NoJS: true}} {
			p := b.Open(t, fileURL(dir, rel), o)
			for _, v := range p.Axe(t, axe, disabled) {
				t.Errorf("%s (JS off %v): %s", rel, o.NoJS, v)
			}
			p.Close()
		}
	}
	for _, e := range quality.VNU(t, files...) {
		t.Errorf("%s", e)
	}
}
