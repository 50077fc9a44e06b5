// Package quality proves the pack's quality with checkers nobody here wrote:
// axe-core for accessibility and the Nu HTML Checker (vnu) for valid HTML, run on
// every page of a built pack; and serves a pack under a strict Content Security
// Policy. Its tests run them over the demo pack; its helpers are used by them.
package quality

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/needs"
)

// CSP is the policy a strict host might send. Inline JSON data is allowed by it;
// inline scripts, inline event handlers and eval are not.
const CSP = "default-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'"

// Pages lists the HTML files under dir, as slash paths relative to it.
func Pages(t testing.TB, dir string) []string {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// AxeSource returns axe-core's script from node_modules (npm ci installs it).
// Without it, or with -short, the test is skipped and needs.Main says why.
func AxeSource(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(needs.Path(t, needs.Axe))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// HTMLError is one error the Nu HTML Checker found.
type HTMLError struct {
	File    string
	Line    int
	Message string
	Extract string
}

func (e HTMLError) String() string {
	return fmt.Sprintf("%s:%d: %s (%s)", e.File, e.Line, e.Message, strings.TrimSpace(e.Extract))
}

// VNU runs the Nu HTML Checker once over files (one JVM for all) and returns its errors.
func VNU(t testing.TB, files ...string) []HTMLError {
	t.Helper()
	jar := needs.Path(t, needs.VNU)
	java := needs.Path(t, needs.Java)
	args := append([]string{"-jar", jar, "--format", "json", "--errors-only", "--exit-zero-always"}, files...)
	out, err := exec.Command(java, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("vnu: %v\n%s", err, out)
	}
	var res struct {
		Messages []struct {
			URL, Type, Message, Extract string
			LastLine                    int
		}
	}
	if err := json.Unmarshal(out, &res); err != nil {
		t.Fatalf("vnu output: %v\n%s", err, out)
	}
	var errs []HTMLError
	for _, m := range res.Messages {
		if m.Type == "error" || m.Type == "non-document-error" {
			errs = append(errs, HTMLError{File: strings.TrimPrefix(m.URL, "file:"), Line: m.LastLine, Message: m.Message, Extract: m.Extract})
		}
	}
	return errs
}

// Serve serves dir on 127.0.0.1 with the strict CSP header, for the test's life.
func Serve(t testing.TB, dir string) string {
	fs := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", CSP)
		fs.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}
