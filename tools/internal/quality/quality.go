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

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/needs"
)

// CSP is the pack's own Content Security Policy, as every page carries it
// (layouts/_partials/csp.html): scripts and styles from the pack's files only, no
// inline script, event handler, style attribute or eval.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; worker-src 'self'; manifest-src 'self'"

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

// Headers reads the headers the site's _headers file (Netlify and Cloudflare
// Pages format) gives every path ("/*"), or nil when there is none.
func Headers(t testing.TB, dir string) http.Header {
	b, err := os.ReadFile(filepath.Join(dir, "_headers"))
	if os.IsNotExist(err) {
		return nil
	} else if err != nil {
		t.Fatal(err)
	}
	h := http.Header{}
	all := false
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case strings.TrimSpace(line) == "":
		case !strings.HasPrefix(line, " "):
			all = strings.TrimSpace(line) == "/*"
		case all:
			name, value, ok := strings.Cut(strings.TrimSpace(line), ":")
			if !ok {
				t.Fatalf("_headers: %q is not Name: value", line)
			}
			h.Add(name, strings.TrimSpace(value))
		}
	}
	return h
}

// Serve serves dir on 127.0.0.1 for the test's life, as a host that reads
// _headers would: with the headers of the site's _headers file, or, for a
// folder without one, the pack's policy.
func Serve(t testing.TB, dir string) string {
	h := Headers(t, dir)
	if h == nil {
		h = http.Header{"Content-Security-Policy": {CSP}}
	}
	fs := http.FileServer(http.Dir(dir))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for k, v := range h {
			w.Header()[k] = v
		}
		fs.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// Guard is an init script (browser.Options.Init): it runs in every document
// before the page's own scripts, and the page's CSP does not govern it. It
// records each Content Security Policy violation in window.gpCSP; records any
// call of alert, confirm or prompt in window.gpPwned (as a payload would call
// them); keeps print() from opening a dialog; and keeps clicks on links, form
// buttons and Back (history.back) from leaving the page, so a test can click
// everything on it (an inline handler on the element still runs).
const Guard = `(() => {
	window.gpCSP = [];
	document.addEventListener('securitypolicyviolation', e => {
		window.gpCSP.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' ' + (e.sample || ''));
	}, true);
	for (const f of ['alert', 'confirm', 'prompt']) {
		window[f] = function () { window.gpPwned = f + ': ' + Array.prototype.join.call(arguments, ' '); return null; };
	}
	window.print = function () {};
	history.back = history.forward = history.go = function () {};
	document.addEventListener('click', e => { if (e.target.closest && e.target.closest('a[href], form')) e.preventDefault(); }, true);
	document.addEventListener('submit', e => e.preventDefault(), true);
})()`

// Exercise does to every element of the page what a reader might: moves the
// mouse over it and presses on it, focuses it, clicks it and leaves it (DOM
// events, so every element gets them, even one under another), then moves the
// real mouse across the whole viewport (for a layer laid over the page). It
// returns how many elements it touched.
func Exercise(t testing.TB, p *browser.Page) int {
	t.Helper()
	var n int
	p.Eval(t, `(() => {
		const all = Array.from(document.querySelectorAll('body *'));
		const mouse = ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'pointermove', 'mousemove', 'pointerdown', 'mousedown', 'pointerup', 'mouseup'];
		for (const e of all) {
			for (const type of mouse) e.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true, view: window}));
			if (typeof e.focus === 'function') e.focus();
			e.dispatchEvent(new FocusEvent('focusin', {bubbles: true}));
			if (typeof e.click === 'function') e.click();
			e.dispatchEvent(new MouseEvent('dblclick', {bubbles: true, cancelable: true, view: window}));
			e.dispatchEvent(new MouseEvent('mouseout', {bubbles: true, view: window}));
			e.dispatchEvent(new MouseEvent('mouseleave', {view: window}));
			if (typeof e.blur === 'function') e.blur();
		}
		return all.length;
	})()`, &n)
	var w, h float64
	p.Run(t, page.BringToFront()) // a tab in the background waits seconds for each input event
	p.Eval(t, `innerWidth`, &w)
	p.Eval(t, `innerHeight`, &h)
	for y := 5.0; y < h; y += h / 4 {
		for x := 5.0; x < w; x += w / 4 {
			p.Run(t, chromedp.MouseEvent(input.MouseMoved, x, y))
		}
	}
	return n
}

// Outcome is what a page's scripts and policy did while it was open with Guard:
// whether a payload ran, and the policy's violations.
type Outcome struct {
	Pwned      string
	Violations []string
}

// Check reads the Outcome of a page opened with Guard, once the tasks queued so
// far have run (violation reports are queued as tasks), so none is missed.
func Check(t testing.TB, p *browser.Page) Outcome {
	t.Helper()
	var o Outcome
	js := `new Promise(r => setTimeout(() => setTimeout(r, 0), 0))
		.then(() => ({Pwned: String(window.gpPwned || ''), Violations: window.gpCSP || ['the guard did not run']}))`
	err := chromedp.Run(p.Ctx, chromedp.Evaluate(js, &o, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	}))
	if err != nil {
		t.Fatalf("%s: %v", p.URL, err)
	}
	return o
}
