// Package needs gives tests the tools from outside Go that they run: Chromium,
// poppler-utils, Java, and the npm test packages axe-core and vnu-jar.
//
// A plain go test ./... runs everything, so a missing tool fails the run: each
// test that needs it is skipped, and the package fails once, at the end, with
// one message per missing tool saying how to get it (bash tools/test installs
// them all). go test -short is the quick run: it skips every test that needs one
// of these tools, and says how many it skipped (with -v, or through
// bash tools/test -short, since go test hides the output of a passing package).
//
// A package whose tests use these tools calls Main from its TestMain:
//
//	func TestMain(m *testing.M) { os.Exit(needs.Main(m)) }
package needs

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/project"
)

// Tool is something from outside Go a test runs.
type Tool struct {
	Name string // as a person calls it
	Get  string // how to install it by hand
	find func() (string, error)
}

// The tools, with where they are looked for.
var (
	Chromium = &Tool{Name: "Chromium", Get: "sudo apt-get install chromium", find: func() (string, error) {
		if _, err := os.Stat("/usr/bin/chromium"); err == nil {
			return "/usr/bin/chromium", nil
		}
		return exec.LookPath("chromium")
	}}
	Poppler = &Tool{Name: "poppler-utils (pdftotext, pdftoppm)", Get: "sudo apt-get install poppler-utils", find: func() (string, error) {
		if _, err := exec.LookPath("pdftoppm"); err != nil {
			return "", err
		}
		return exec.LookPath("pdftotext")
	}}
	Java = &Tool{Name: "Java (for the Nu HTML Checker)", Get: "sudo apt-get install default-jre-headless", find: func() (string, error) {
		return exec.LookPath("java")
	}}
	Axe = &Tool{Name: "axe-core (npm test package)", Get: "npm ci --ignore-scripts (in the repository; needs Debian's nodejs and npm)", find: func() (string, error) {
		return inRepo("node_modules", "axe-core", "axe.min.js")
	}}
	VNU = &Tool{Name: "vnu-jar (npm test package)", Get: "npm ci --ignore-scripts (in the repository; needs Debian's nodejs and npm)", find: func() (string, error) {
		return inRepo("node_modules", "vnu-jar", "build", "dist", "vnu.jar")
	}}
)

func inRepo(parts ...string) (string, error) {
	root, err := project.Find(".")
	if err != nil {
		return "", err
	}
	p := filepath.Join(append([]string{root}, parts...)...)
	_, err = os.Stat(p)
	return p, err
}

var (
	mu      sync.Mutex
	inMain  bool              // Main runs the tests: it reports what is missing
	missing = map[*Tool]int{} // tools not found, and how many tests needed them
	skipped = map[*Tool]int{} // -short: tests skipped, by the first tool each needed
	found   = map[*Tool]string{}
)

// Path returns where tool is, for test t. With -short it skips t. When the tool
// is missing it skips t too, and Main fails the package with how to get it (a
// test run without Main fails here instead).
func Path(t testing.TB, tool *Tool) string {
	t.Helper()
	mu.Lock()
	if testing.Short() {
		skipped[tool]++
		mu.Unlock()
		t.Skipf("-short: skips tests that need %s", tool.Name)
	}
	p, ok := found[tool]
	if !ok {
		var err error
		if p, err = tool.find(); err != nil {
			p = ""
		}
		found[tool] = p
	}
	if p != "" {
		mu.Unlock()
		return p
	}
	missing[tool]++
	reported := inMain
	mu.Unlock()
	if !reported {
		t.Fatal(Message(tool))
	}
	t.Skipf("%s is missing (see the end of the output)", tool.Name)
	return ""
}

// Message says that tool is missing and how to get it.
func Message(tool *Tool) string {
	return fmt.Sprintf("%s is not installed: run bash tools/test (installs every test tool, then runs the tests), or %s", tool.Name, tool.Get)
}

// Main runs the package's tests, then fails the run, with one message per tool,
// if one of tools (those the package's tests use) or a tool some test asked for
// is missing; with -short it says how many tests it skipped.
func Main(m *testing.M, tools ...*Tool) int {
	mu.Lock()
	inMain = true
	mu.Unlock()
	code := m.Run()
	if !testing.Short() {
		for _, tool := range tools {
			if _, err := tool.find(); err != nil {
				mu.Lock()
				if _, seen := missing[tool]; !seen {
					missing[tool] = 0 // no test got as far as asking for it
				}
				mu.Unlock()
			}
		}
	}
	return report(os.Stdout, code)
}

func report(w io.Writer, code int) int {
	mu.Lock()
	defer mu.Unlock()
	if n := total(skipped); n > 0 {
		fmt.Fprintf(w, "guidepack: -short skipped %d tests that need %s; go test without -short runs them\n", n, names(skipped))
	}
	if len(missing) == 0 {
		return code
	}
	var lines []string
	for tool, n := range missing {
		line := "guidepack: FAIL: " + Message(tool)
		if n > 0 {
			line += fmt.Sprintf(" (%d tests skipped for want of it)", n)
		}
		lines = append(lines, line)
	}
	sort.Strings(lines)
	fmt.Fprintln(w, strings.Join(lines, "\n"))
	return 1
}

func total(m map[*Tool]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

func names(m map[*Tool]int) string {
	var s []string
	for tool := range m {
		s = append(s, tool.Name)
	}
	sort.Strings(s)
	return strings.Join(s, ", ")
}
