package browser_test

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// TestZipWorksFromFile unzips the built demo pack, opens index.html by file://
// as a reader would, follows every internal link, and checks that every page
// loads with its stylesheet, asks for nothing but files of the pack, and logs no
// error.
func TestZipWorksFromFile(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir := sitetest.DemoUnzipped(t)
	start := "file://" + filepath.ToSlash(filepath.Join(dir, "index.html"))

	seen := map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		rel := strings.TrimPrefix(u, "file://"+filepath.ToSlash(dir)+"/")
		p := b.Open(t, u, browser.Options{})
		var got struct {
			Title, H1, HeaderBg string
			Links               []string
			AZ                  bool
		}
		p.Eval(t, `({
			Title: document.title,
			H1: (document.querySelector('h1') || {}).textContent || '',
			HeaderBg: getComputedStyle(document.querySelector('.gp-header') || document.body).backgroundColor,
			Links: Array.from(document.querySelectorAll('a[href]'), a => a.href),
			AZ: !!document.querySelector('.gp-header a[href$="a-z.html"]')
		})`, &got)
		if !got.AZ {
			t.Errorf("%s: no link to the A–Z index in the header (the way to find things with JavaScript off)", rel)
		}
		if got.Title == "" || strings.TrimSpace(got.H1) == "" {
			t.Errorf("%s: no title or h1", rel)
		}
		if got.HeaderBg != "rgb(29, 79, 124)" {
			t.Errorf("%s: the stylesheet did not apply (header background %q)", rel, got.HeaderBg)
		}
		for _, r := range p.NetworkRequests() {
			t.Errorf("%s: requested %s: an offline pack asks for nothing but its own files", rel, r)
		}
		for _, pr := range p.Problems() {
			t.Errorf("%s: %s", rel, pr)
		}
		p.Close()
		for _, l := range got.Links {
			if !strings.HasPrefix(l, "file:") {
				continue
			}
			pu, err := url.Parse(l)
			if err != nil {
				t.Errorf("%s: bad link %q", rel, l)
				continue
			}
			pu.Fragment, pu.RawQuery = "", ""
			next := pu.String()
			if !strings.HasSuffix(next, ".html") {
				t.Errorf("%s: link %s does not name a page", rel, l)
				continue
			}
			if !seen[next] {
				seen[next] = true
				queue = append(queue, next)
			}
		}
	}
	if len(seen) < 30 {
		t.Errorf("crawled only %d pages; the demo pack has more", len(seen))
	}
	t.Logf("crawled %d pages from %s", len(seen), start)
}
