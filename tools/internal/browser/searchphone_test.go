package browser_test

import (
	"path/filepath"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// TestSearchResultsOnAPhone: at 320 × 640 (and 375 × 667) the first result
// starts within the first screen, and the page is no wider than the screen.
func TestSearchResultsOnAPhone(t *testing.T) {
	b := browser.Start(t)
	dir := sitetest.BuildRepo(t).Unzip()
	for _, size := range [][2]int{{320, 640}, {375, 667}} {
		p := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(dir, "search.html"))+"?q=friend+request", browser.Options{Width: size[0], Height: size[1]})
		browser.WaitShown(t, p, "friend request")
		var got struct{ Top, Bottom, Screen, Width float64 }
		p.Eval(t, `(function () {
			var r = document.querySelector('.gp-search__result').getBoundingClientRect();
			return {Top: r.top + scrollY, Bottom: r.bottom + scrollY, Screen: innerHeight, Width: document.documentElement.scrollWidth};
		})()`, &got)
		t.Logf("%d×%d: the first result spans %.0f–%.0f px of a %.0f px screen", size[0], size[1], got.Top, got.Bottom, got.Screen)
		if got.Top >= got.Screen {
			t.Errorf("%d×%d: the first result starts at %.0f px, below the first screen (%.0f px)", size[0], size[1], got.Top, got.Screen)
		}
		if got.Width > float64(size[0]) {
			t.Errorf("%d×%d: the page is %.0f px wide", size[0], size[1], got.Width)
		}
		for _, pr := range p.Problems() {
			t.Error(pr)
		}
	}
}
