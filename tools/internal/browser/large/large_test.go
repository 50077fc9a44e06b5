// Package large holds the browser tests over a generated 5,000-page pack: a
// package of their own, so they have their own time limit.
package large_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/guidepack/guidepack/tools/internal/bench"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// TestSearchAtFiveThousandPages builds the benchmark's generated pack of 5,000
// pages and 500 scenarios and searches it with the shipped search.js: the
// first query of a fresh page (metadata, term chunks and the documents shown)
// loads under 300 KB of index, and a page's own title finds it in the top 3
// (for 9 of 10 pages: the titles are random words of a 40-word vocabulary and
// a number, so a scenario step can hold the same words).
// It prints the bytes loaded, the hit rate and the time from keystroke to
// results. Skipped with -short: the build takes about 20 s.
func TestSearchAtFiveThousandPages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 5,000-page pack")
	}
	b := browser.Start(t)
	dir := t.TempDir()
	if err := bench.Generate(sitetest.Repo(), dir, bench.Spec{Pages: 5000, Scenarios: 500, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := build.Run(build.Options{Root: dir}); err != nil {
		t.Fatal(err)
	}
	pub := filepath.Join(dir, "public")
	url := "file://" + filepath.ToSlash(filepath.Join(pub, "search.html"))

	// Fresh pages, one query each: what does the first query load?
	const budget = 300 << 10
	for _, q := range []string{"social media", "friend request from a colleague", "privacy policy", "freind", "prof", "photograph permission public", "code 5.8", "xylophone"} {
		p := b.Open(t, url, browser.Options{})
		p.Run(t, page.BringToFront())
		s := browser.Search(t, p, q)
		var bytes int64
		var files []string
		for _, r := range p.Requests() {
			if i := strings.Index(r, "/search/"); i >= 0 {
				fi, err := os.Stat(filepath.Join(pub, "search", r[i+8:]))
				if err != nil {
					t.Errorf("%q asked for %s: %v", q, r, err)
					continue
				}
				bytes += fi.Size()
				files = append(files, r[i+8:])
			}
		}
		t.Logf("%-32q first query: %4d KB of index in %2d files, %3.0f ms, %d results", q, bytes>>10, len(files), s.Ms, len(s.Links))
		if bytes >= budget {
			t.Errorf("%q: the first query loaded %d KB of index (%q), over the budget of 300 KB", q, bytes>>10, files)
		}
		for _, pr := range p.Problems() {
			t.Errorf("%q: %s", q, pr)
		}
		p.Close()
	}

	// A page's title finds it.
	p := b.Open(t, url, browser.Options{})
	p.Run(t, page.BringToFront())
	title := regexp.MustCompile(`(?m)^title: "([^"]+)"`)
	hits, n := 0, 0
	var times []float64
	for _, i := range []int{0, 7, 123, 499, 1000, 1777, 2500, 3141, 4321, 4999} {
		// Pages are s<section>/t<topic>/p<k>.md, 50 to a topic and 10 topics to a section.
		file := fmt.Sprintf("s%02d/t%02d/p%03d", i/500, i/50%10, i%50)
		src, err := os.ReadFile(filepath.Join(dir, "content", file+".md"))
		if err != nil {
			t.Fatal(err)
		}
		m := title.FindSubmatch(src)
		q := string(m[1])
		s := browser.Search(t, p, q)
		times = append(times, s.Ms)
		n++
		top := s.Links[:min(3, len(s.Links))]
		found := false
		for _, l := range top {
			found = found || l == file+".html"
		}
		if found {
			hits++
		} else {
			t.Logf("%q: want %s.html in the top 3, got %q", q, file, top)
		}
	}
	if hits < n*9/10 {
		t.Errorf("only %d of %d titles found their page in the top 3", hits, n)
	}
	sort.Float64s(times)
	t.Logf("5,000 pages: %d of %d titles found in the top 3; keystroke to results median %.0f ms, slowest %.0f ms", hits, n, times[len(times)/2], times[len(times)-1])
	for _, pr := range p.Problems() {
		t.Error(pr)
	}
}
