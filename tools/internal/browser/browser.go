// Package browser drives Debian's headless Chromium for tests, as readers open the
// pack: from file:// with the browser's normal security (never
// --allow-file-access-from-files or --disable-web-security, which would hide
// exactly the failures an offline pack must not have). It records every request,
// console error, uncaught exception and CSP violation of a page.
package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/guidepack/guidepack/tools/internal/needs"
)

// Browser is one headless Chromium for a test run.
type Browser struct {
	ctx    context.Context
	cancel func()
}

// Start launches Chromium (Debian's), for the test's life. Without Chromium, or
// with -short, the test is skipped and the package's needs.Main says why.
func Start(t testing.TB) *Browser {
	t.Helper()
	path := needs.Path(t, needs.Chromium)
	// A fresh profile, removed after the browser has exited (not with t.TempDir,
	// whose cleanup races Chromium's last writes).
	profile, err := os.MkdirTemp("", "guidepack-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(profile),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true),
		// Keyboard scrolling (arrows, Page Down) is animated, and headless
		// Chromium never runs the animation: without this a key scrolls nothing.
		chromedp.Flag("disable-smooth-scrolling", true),
		chromedp.WindowSize(1024, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	if err := chromedp.Run(ctx); err != nil {
		cancel()
		cancelAlloc()
		t.Fatalf("start Chromium: %v", err)
	}
	b := &Browser{ctx: ctx, cancel: func() {
		cancel()
		cancelAlloc() // returns once the browser process has exited
		// Its helper processes may still be writing: remove until gone.
		until(5*time.Second, func() bool { return os.RemoveAll(profile) == nil })
	}}
	t.Cleanup(b.cancel)
	return b
}

// Options for opening a page.
type Options struct {
	NoJS          bool // JavaScript off
	Width, Height int  // the viewport; default 1024×900
	// Init is JavaScript run in every document of the tab before the page's
	// own scripts (a spy on window.print, say), so it sees what they do on load.
	Init string
}

// Page is an open tab and what happened while it loaded and ran.
type Page struct {
	Ctx    context.Context
	URL    string
	cancel func()

	noJS     bool
	mu       sync.Mutex
	requests []string
	problems []string // console errors, exceptions, failed loads, CSP violations
}

// Requests returns every URL the page asked for, in order.
func (p *Page) Requests() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return withoutCanary(p.requests)
}

// Problems returns the console errors, uncaught exceptions, failed loads and
// CSP violations seen so far.
func (p *Page) Problems() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return withoutCanary(p.problems)
}

func withoutCanary(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !strings.Contains(l, canary) {
			out = append(out, l)
		}
	}
	return out
}

// NetworkRequests returns the requests to anything but file: and data: URLs.
func (p *Page) NetworkRequests() []string {
	var out []string
	for _, u := range p.Requests() {
		if !strings.HasPrefix(u, "file:") && !strings.HasPrefix(u, "data:") {
			out = append(out, u)
		}
	}
	return out
}

// Open opens url in a new tab and waits for it to load.
func (b *Browser) Open(t testing.TB, url string, o Options) *Page {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	p := &Page{Ctx: ctx, URL: url, noJS: o.NoJS, cancel: cancel}
	t.Cleanup(p.Close)
	urls := map[network.RequestID]string{}
	chromedp.ListenTarget(ctx, func(ev any) {
		p.mu.Lock()
		defer p.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			p.requests = append(p.requests, ev.Request.URL)
			urls[ev.RequestID] = ev.Request.URL
		case *network.EventLoadingFailed:
			if !ev.Canceled {
				p.problems = append(p.problems, fmt.Sprintf("load failed (%s): %s %s %s", ev.Type, urls[ev.RequestID], ev.ErrorText, ev.BlockedReason))
			}
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeAssert {
				var args []string
				for _, a := range ev.Args {
					args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
				}
				p.problems = append(p.problems, "console error: "+strings.Join(args, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil {
				msg += " " + d.Exception.Description
			}
			p.problems = append(p.problems, fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.LevelError {
				p.problems = append(p.problems, fmt.Sprintf("%s: %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
			}
		}
	})
	w, h := o.Width, o.Height
	if w == 0 {
		w, h = 1024, 900
	}
	actions := []chromedp.Action{
		network.Enable(),
		log.Enable(),
		runtime.Enable(),
		emulation.SetDeviceMetricsOverride(int64(w), int64(h), 1, w < 600),
	}
	if o.NoJS {
		actions = append(actions, emulation.SetScriptExecutionDisabled(true))
	}
	if o.Init != "" {
		actions = append(actions, chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(o.Init).Do(ctx)
			return err
		}))
	}
	actions = append(actions, chromedp.Navigate(url))
	// The tab itself (created by a first Run on its own context) lives as long
	// as the test; each step of it has a deadline (step), so a hang fails while
	// a long test on a busy machine does not.
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	sctx, done := p.step()
	defer done()
	if err := chromedp.Run(sctx, actions...); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	return p
}

// Wait waits until the JavaScript expression js is true in the page (polling it;
// an error, as while the page navigates, counts as not yet), for at most 30 s (the machine may be busy),
// and fails the test if it never is.
func (p *Page) Wait(t testing.TB, js string) {
	t.Helper()
	if err := p.until(js); err != nil {
		t.Fatalf("%s: %v", p.URL, err)
	}
}

// True waits, as Wait does, until js is true, and says whether it came true;
// for tests that then say themselves what is wrong.
func (p *Page) True(js string) bool { return p.until(js) == nil }

func (p *Page) until(js string) error {
	var last error
	ok := until(waitFor, func() bool {
		var v bool
		ctx, done := p.step()
		defer done()
		last = chromedp.Run(ctx, chromedp.Evaluate("!!("+js+")", &v))
		return last == nil && v
	})
	if !ok {
		return fmt.Errorf("waited %s for %s (last error: %v)", waitFor, js, last)
	}
	return nil
}

// WaitProblem waits until a problem containing s has been reported, for at
// most 30 s, and says whether one was.
func (p *Page) WaitProblem(s string) bool {
	return until(waitFor, func() bool {
		p.mu.Lock()
		defer p.mu.Unlock()
		for _, pr := range p.problems {
			if strings.Contains(pr, s) {
				return true
			}
		}
		return false
	})
}

// Settle waits until the tasks the page's scripts queued while loading (a
// setTimeout of 0, a focus move) have run: one task after the load event.
func (p *Page) Settle(t testing.TB) {
	t.Helper()
	ctx, done := p.step()
	defer done()
	err := chromedp.Run(ctx, chromedp.Evaluate(`new Promise(r => setTimeout(r, 0))`, nil, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	}))
	if err != nil {
		t.Fatalf("%s: settle: %v", p.URL, err)
	}
}

// canary is an address no page may load: Barrier's own violation.
const canary = "http://gp-canary.invalid/barrier.png"

// Barrier makes sure every Content Security Policy violation the page has had
// so far has been reported: it breaks the policy itself (an image from
// another host) and waits for that report, which comes after all earlier ones.
// For pages served with a policy that forbids remote images. Problems and
// Requests leave the canary out.
func (p *Page) Barrier(t testing.TB) {
	t.Helper()
	p.Eval(t, `(() => { const i = new Image(); i.src = `+strconvQuote(canary)+`; document.body.appendChild(i); return true; })()`, new(bool))
	if !p.WaitProblem(canary) {
		t.Fatalf("%s: the canary's CSP violation was never reported: are violations reported at all? %q", p.URL, p.Problems())
	}
}

const waitFor = 30 * time.Second

// until calls cond until it is true or d has passed, and says whether it was.
func until(d time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond) // the polling interval, not a wait for something
	}
	return true
}

func strconvQuote(s string) string { b, _ := json.Marshal(s); return string(b) }

// stepTime is the most one step in a tab (a navigation, an evaluation, a print)
// may take.
const stepTime = 2 * time.Minute

// step returns the context for one step in the tab, with its deadline.
func (p *Page) step() (context.Context, context.CancelFunc) {
	return context.WithTimeout(p.Ctx, stepTime)
}

// Close closes the tab.
func (p *Page) Close() { p.cancel() }

// Eval runs JavaScript in the page and stores its (JSON) result in out.
func (p *Page) Eval(t testing.TB, js string, out any) {
	t.Helper()
	ctx, done := p.step()
	defer done()
	if err := chromedp.Run(ctx, chromedp.Evaluate(js, out)); err != nil {
		t.Fatalf("%s: evaluate %q: %v", p.URL, js, err)
	}
}

// Run runs chromedp actions in the page.
func (p *Page) Run(t testing.TB, actions ...chromedp.Action) {
	t.Helper()
	ctx, done := p.step()
	defer done()
	if err := chromedp.Run(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", p.URL, err)
	}
}

// Violation is one axe-core finding.
type Violation struct {
	ID, Impact, Help string
	Nodes            []string // CSS selectors of the offending elements
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s: %s", v.ID, v.Impact, v.Help, strings.Join(v.Nodes, ", "))
}

// AxeTags are the WCAG 2.0, 2.1 and 2.2 A and AA rules.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// Axe runs axe-core (source: the contents of axe.min.js) on the page and returns
// its violations. The script goes in through the DevTools protocol, which the
// page's CSP does not govern, and runs even when the page's scripts are off.
func (p *Page) Axe(t testing.TB, source string, disabled map[string]string) []Violation {
	t.Helper()
	rules := "{"
	for id := range disabled {
		rules += fmt.Sprintf("%q:{enabled:false},", id)
	}
	rules += "}"
	tags, _ := json.Marshal(AxeTags)
	js := source + `;
	axe.run(document, {runOnly: {type: 'tag', values: ` + string(tags) + `}, rules: ` + rules + `, resultTypes: ['violations']})
	  .then(r => r.violations.map(v => ({ID: v.id, Impact: v.impact || '', Help: v.help, Nodes: v.nodes.map(n => n.target.join(' '))})))`
	var out []Violation
	if p.noJS {
		// The page has loaded without its scripts, and stays so; axe itself
		// needs script execution (and timers) back on.
		if err := chromedp.Run(p.Ctx, emulation.SetScriptExecutionDisabled(false)); err != nil {
			t.Fatal(err)
		}
	}
	err := chromedp.Run(p.Ctx, chromedp.Evaluate(js, &out, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	}))
	if err != nil {
		t.Fatalf("%s: axe: %v", p.URL, err)
	}
	return out
}
