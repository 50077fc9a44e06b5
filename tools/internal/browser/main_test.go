package browser_test

import (
	"os"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/needs"
)

// A missing tool fails the package once, saying how to get it; -short skips
// the tests that need one.
func TestMain(m *testing.M) { os.Exit(needs.Main(m, needs.Chromium)) }
