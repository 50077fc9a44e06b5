package browser_test

import (
	"os"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/needs"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// A missing tool fails the package once, saying how to get it; -short skips
// the tests that need one.
func TestMain(m *testing.M) {
	code := needs.Main(m, needs.Chromium)
	sitetest.CleanUp() // the demo pack the tests shared
	os.Exit(code)
}
