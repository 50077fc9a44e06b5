package browser_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/keep"
	"github.com/guidepack/guidepack/tools/internal/quality"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// host serves a built site on 127.0.0.1 (a secure context, as https is), with
// the site's _headers, and logs what it was asked for. Stopping it is going
// offline, honestly: nothing answers; starting it again keeps the address (the
// origin, which the kept pack belongs to). Its folder can be swapped: a new
// version published.
type host struct {
	t    *testing.T
	mu   sync.Mutex
	dir  string
	h    http.Header
	log  []string
	addr string
	srv  *http.Server
	// gate, when set, holds every answer but sw.js's until it is closed: a
	// slow connection, to look at the pack while an update downloads.
	gate chan struct{}
}

func (s *host) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	dir, h := s.dir, s.h
	s.log = append(s.log, r.URL.Path)
	gate := s.gate
	s.mu.Unlock()
	if gate != nil && r.URL.Path != "/"+keep.Worker {
		<-gate
	}
	for k, v := range h {
		w.Header()[k] = v
	}
	// As a static host does: a folder's address serves its index.html (and,
	// unlike http.FileServer, index.html is not redirected to the folder).
	rel := r.URL.Path
	if strings.HasSuffix(rel, "/") {
		rel += "index.html"
	}
	f, err := http.Dir(dir).Open(rel)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.IsDir() {
		http.NotFound(w, r)
		return
	}
	// Compressed, as real hosts serve text: the kept copy must hold what the
	// browser decoded, not the transfer's headers.
	if ct := mime.TypeByExtension(filepath.Ext(fi.Name())); ct != "" && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		b, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(b)
		zw.Close()
		w.Header().Set("Content-Type", ct)
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Length", strconv.Itoa(z.Len()))
		w.Write(z.Bytes())
		return
	}
	http.ServeContent(w, r, fi.Name(), fi.ModTime(), f)
}

// publish serves dir from now on.
func (s *host) publish(dir string) {
	h := quality.Headers(s.t, dir)
	s.mu.Lock()
	s.dir, s.h = dir, h
	s.mu.Unlock()
}

func (s *host) start() {
	addr := s.addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		s.t.Fatalf("listen on %s: %v", addr, err)
	}
	s.addr = ln.Addr().String()
	s.srv = &http.Server{Handler: s}
	go s.srv.Serve(ln)
	s.t.Cleanup(func() { s.srv.Close() })
}

func (s *host) stop() { s.srv.Close() }

// requests returns what was asked for since the last call.
func (s *host) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	l := s.log
	s.log = nil
	return l
}

func (s *host) url(rel string) string { return "http://" + s.addr + "/" + rel }

// list reads the worker's list of a built site.
func list(t *testing.T, site string) keep.List {
	b, err := os.ReadFile(filepath.Join(site, keep.Worker))
	if err != nil {
		t.Fatal(err)
	}
	l, err := keep.Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func evalAwait(t *testing.T, p *browser.Page, js string, out any) {
	t.Helper()
	err := chromedp.Run(p.Ctx, chromedp.Evaluate(js, out, func(e *runtime.EvaluateParams) *runtime.EvaluateParams {
		return e.WithAwaitPromise(true)
	}))
	if err != nil {
		t.Fatalf("%s: %s: %v", p.URL, js, err)
	}
}

// go navigates the tab to url and waits until its main heading is there.
func visit(t *testing.T, p *browser.Page, url string) {
	t.Helper()
	p.Run(t, chromedp.Navigate(url))
	p.Wait(t, `document.readyState === 'complete' && location.href === `+jsQuote(url)+` && !!document.querySelector('h1')`)
}

// TestKeepOnAPhone: on a phone-sized screen, the reader keeps the hosted pack
// on the device from the download page (the count of files shown as it goes),
// the host goes away, and every page, a search, a scenario to its end and a
// print page still work. A new version is published: the reader is told, taps
// Update, and sees the changed page, with only the changed files fetched, each
// once. Then the reader removes the pack: no worker, no cache left.
func TestKeepOnAPhone(t *testing.T) {
	b := browser.Start(t)
	v1 := sitetest.BuildRepo(t)
	// Version 1.1.0: one page changed (and, as every page shows the version,
	// every page's footer).
	v2 := &sitetest.Site{T: t, Root: sitetest.CopyRepo(t)}
	config, _ := os.ReadFile(filepath.Join(v2.Root, "config.toml"))
	v2.WriteFile("config.toml", strings.Replace(string(config), `version = "1.0.0"`, `version = "1.1.0"`, 1))
	changes, _ := os.ReadFile(filepath.Join(v2.Root, "data", "changes.yaml"))
	v2.WriteFile("data/changes.yaml", strings.Replace(string(changes), "- version: 1.0.0", "- version: 1.1.0\n  date: 2026-12-01\n  summary: Clearer advice on privacy.\n- version: 1.0.0", 1))
	privacy, _ := os.ReadFile(filepath.Join(v2.Root, "content", "guidance", "privacy.md"))
	const news = "Check your privacy settings after every app update."
	v2.WriteFile("content/guidance/privacy.md", string(privacy)+"\n"+news+"\n")
	if err := v2.Rebuild(); err != nil {
		t.Fatal(err)
	}
	old, next := list(t, v1.Public()), list(t, v2.Public())

	srv := &host{t: t}
	srv.publish(v1.Public())
	srv.start()
	phone := browser.Options{Width: 375, Height: 667}
	p := b.Open(t, srv.url("download.html"), phone)

	// Turn it on.
	p.Wait(t, `!document.querySelector('[data-gp-keep-on]').hidden && !document.querySelector('[data-gp-keep-link]').hidden`)
	var label string
	p.Eval(t, `document.querySelector('[data-gp-keep-on]').textContent`, &label)
	if !strings.HasPrefix(label, "Keep this pack on this device (") || !strings.HasSuffix(label, "KB)") && !strings.HasSuffix(label, "MB)") {
		t.Errorf("the button says %q, want its size too", label)
	}
	p.Eval(t, `(() => { window.gpSaid = []; const s = document.querySelector('[data-gp-keep-status]');
		new MutationObserver(() => gpSaid.push(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true});
		return true; })()`, new(bool))
	// By keyboard: the button takes focus and Enter presses it.
	p.Run(t, chromedp.Focus(`[data-gp-keep-on]`, chromedp.ByQuery), chromedp.KeyEvent("\r"))
	p.Wait(t, `document.querySelector('[data-gp-keep-status]').textContent.startsWith('Done')`)
	if !p.True(`document.activeElement === document.querySelector('[data-gp-keep-status]')`) {
		t.Error("when done, focus is not on what the page says")
	}
	axe := quality.AxeSource(t)
	for _, v := range p.Axe(t, axe, nil) {
		t.Errorf("download page, kept: %s", v)
	}
	var said []string
	p.Eval(t, `gpSaid`, &said)
	t.Logf("the status said: %q", said)
	counted := fmt.Sprintf("of %d files.", len(old.Files))
	if !strings.Contains(strings.Join(said, "\n"), counted) {
		t.Errorf("the count of files was never shown (%q): %q", counted, said)
	}
	var live string
	p.Eval(t, `document.querySelector('[data-gp-keep-status]').getAttribute('role')`, &live)
	if live != "status" {
		t.Errorf("the progress is not a status region (role %q)", live)
	}
	p.Wait(t, `!!navigator.serviceWorker.controller`)
	fetched := srv.requests()
	t.Logf("keeping asked the host for %d files (%d listed)", len(fetched), len(old.Files))

	// Offline: nothing answers at the pack's address.
	srv.stop()
	for _, f := range old.Files {
		if !strings.HasSuffix(f.Path, ".html") {
			continue
		}
		visit(t, p, srv.url(f.Path))
	}
	visit(t, p, srv.url("search.html"))
	if got := browser.Search(t, p, "friend request"); len(got.Titles) == 0 {
		t.Errorf("offline search for friend request found nothing: %q", got.Status)
	}
	playBest(t, p, srv, v1.Root)
	visit(t, p, srv.url("print.html"))
	var printed int
	p.Eval(t, `document.body.innerText.length`, &printed)
	if printed < 10000 {
		t.Errorf("the whole-pack print page offline has %d characters", printed)
	}
	for _, pr := range p.Problems() {
		t.Errorf("offline: %s", pr)
	}

	// A new version is published; the reader is online again.
	srv.publish(v2.Public())
	srv.start()
	srv.requests()
	visit(t, p, srv.url("index.html"))
	p.Wait(t, `(() => { const l = document.querySelector('[data-gp-keep-update] p'); return !l.hidden && l.textContent.includes('Version 1.1.0 of this pack is available.'); })()`)
	if !p.True(`document.querySelector('.gp-footer__meta').textContent.includes('Version 1.0.0')`) {
		t.Error("before the update, the page is not version 1.0.0")
	}
	for _, v := range p.Axe(t, axe, nil) {
		t.Errorf("the update offered: %s", v)
	}
	// While the update downloads (the host holds its answers), the old version
	// still works, in another tab too.
	gate := make(chan struct{})
	srv.mu.Lock()
	srv.gate = gate
	srv.mu.Unlock()
	click(t, p, `document.querySelector('[data-gp-keep-update] button')`)
	p.Wait(t, `document.querySelector('[data-gp-keep-update] span').textContent.startsWith('Updating')`)
	during := b.Open(t, srv.url("guidance/privacy.html"), phone)
	if !during.True(`document.querySelector('.gp-footer__meta').textContent.includes('Version 1.0.0') && !document.querySelector('main').textContent.includes(` + jsQuote(news) + `)`) {
		t.Error("while the update downloads, the kept pack does not show version 1.0.0")
	}
	for _, pr := range during.Problems() {
		t.Errorf("during the update: %s", pr)
	}
	during.Close()
	close(gate)
	srv.mu.Lock()
	srv.gate = nil
	srv.mu.Unlock()
	p.Wait(t, `document.readyState === 'complete' && document.querySelector('.gp-footer__meta').textContent.includes('Version 1.1.0')`)
	visit(t, p, srv.url("guidance/privacy.html"))
	if !p.True(`document.querySelector('main').textContent.includes(` + jsQuote(news) + `)`) {
		t.Error("after the update, the changed page does not show its new text")
	}
	changed := map[string]bool{}
	was := map[string]string{}
	for _, f := range old.Files {
		was[f.Path] = f.Hash
	}
	for _, f := range next.Files {
		if was[f.Path] != f.Hash {
			changed["/"+f.Path] = true
		}
	}
	asked := map[string]int{}
	for _, r := range srv.requests() {
		asked[r]++
	}
	t.Logf("the update asked the host for %d files; %d of %d changed", len(asked), len(changed), len(next.Files))
	for r, n := range asked {
		switch {
		case r == "/"+keep.Worker:
		case !changed[r]:
			t.Errorf("the update fetched %s, which did not change", r)
		case n > 1:
			t.Errorf("the update fetched %s %d times", r, n)
		}
	}
	for r := range changed {
		if asked[r] == 0 {
			t.Errorf("the update did not fetch %s, which changed", r)
		}
	}

	// Remove it.
	visit(t, p, srv.url("download.html"))
	p.Wait(t, `!document.querySelector('[data-gp-keep-off]').hidden`)
	click(t, p, `document.querySelector('[data-gp-keep-off]')`)
	p.Wait(t, `document.querySelector('[data-gp-keep-status]').textContent.startsWith('Removed')`)
	var left struct{ Caches, Workers int }
	evalAwait(t, p, `(async () => ({Caches: (await caches.keys()).length, Workers: (await navigator.serviceWorker.getRegistrations()).length}))()`, &left)
	if left.Caches != 0 || left.Workers != 0 {
		t.Errorf("after Remove: %d caches, %d workers left", left.Caches, left.Workers)
	}
	for _, pr := range p.Problems() {
		t.Error(pr)
	}
}

// playBest plays a demo scenario's best path to its ending.
func playBest(t *testing.T, p *browser.Page, srv *host, root string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(root, ".guidepack", "gen", "data", "scenarios", "*.json"))
	if len(files) == 0 {
		t.Fatal("no compiled scenario")
	}
	var c quiz.Compiled
	b, _ := os.ReadFile(files[0])
	if err := json.Unmarshal(b, &c); err != nil {
		t.Fatal(err)
	}
	visit(t, p, srv.url("scenarios/"+c.ID+".html"))
	steps := map[string]quiz.Step{}
	for _, st := range c.Steps {
		steps[st.ID] = st
	}
	for i, id := range c.Best {
		st := steps[id]
		p.Wait(t, visible(st.Anchor))
		switch st.Kind {
		case "situation":
			for j, ch := range st.Choices {
				if ch.Next.ID == c.Best[i+1] {
					click(t, p, fmt.Sprintf(`document.querySelectorAll('#%s .gp-scenario__choose')[%d]`, st.Anchor, j))
					break
				}
			}
		case "question":
			for j, o := range st.Options {
				if o.Correct {
					click(t, p, fmt.Sprintf(`document.getElementById('%s-%d')`, st.Anchor, j))
				}
			}
			click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__check')`, st.Anchor))
		case "ending":
			var path []string
			p.Eval(t, `Array.from(document.querySelectorAll('#`+st.Anchor+` .gp-scenario__path li'), li => li.textContent)`, &path)
			if len(path) != len(c.Best) {
				t.Errorf("offline, %s: the end screen's path has %d steps, want %d", c.ID, len(path), len(c.Best))
			}
			return
		}
		click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, st.Anchor))
	}
	t.Errorf("offline, %s: the best path has no ending", c.ID)
}

// keepView is what a reader sees of "keep this pack" on the download page.
type keepView struct {
	Needs, On, Off, Link bool // shown: the "needs JavaScript" line, the buttons, the footer link
	Manifest             bool // a manifest linked
	Text                 string
}

const readKeep = `(() => {
	const shown = (sel) => { const e = document.querySelector(sel); return !!e && e.getBoundingClientRect().height > 0; };
	return {Needs: shown('[data-gp-keep-needs]'), On: shown('[data-gp-keep-on]'), Off: shown('[data-gp-keep-off]'),
		Link: shown('[data-gp-keep-link]'), Manifest: !!document.querySelector('link[rel=manifest]'),
		Text: document.querySelector('#keep').innerText};
})()`

// TestKeepWithoutJavaScriptOrFromTheZip: with JavaScript off, the hosted
// download page says what keeping the pack does and that it needs JavaScript,
// and shows no button or footer link; from file:// (the zip), the same with
// JavaScript on, no manifest, and no worker registered or error logged.
func TestKeepWithoutJavaScriptOrFromTheZip(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	srv := &host{t: t}
	srv.publish(sitetest.Demo(t).Public())
	srv.start()
	phone := browser.Options{Width: 375, Height: 667}
	check := func(p *browser.Page, where string) {
		t.Helper()
		var v keepView
		p.Eval(t, readKeep, &v)
		if !v.Needs || v.On || v.Off || v.Link || v.Manifest {
			t.Errorf("%s: %+v; want only the line that keeping needs JavaScript and the web address", where, v)
		}
		for _, s := range []string{"keep it on the device", "works with no signal", "needs JavaScript"} {
			if !strings.Contains(v.Text, s) {
				t.Errorf("%s: the download page does not say %q:\n%s", where, s, v.Text)
			}
		}
		for _, pr := range p.Problems() {
			t.Errorf("%s: %s", where, pr)
		}
	}
	noJS := phone
	noJS.NoJS = true
	check(b.Open(t, srv.url("download.html"), noJS), "hosted, JavaScript off")

	p := b.Open(t, fileURL(sitetest.DemoUnzipped(t), "download.html"), phone)
	p.Settle(t)
	check(p, "from the zip")
	var workers int
	evalAwait(t, p, `navigator.serviceWorker ? navigator.serviceWorker.getRegistrations().then(r => r.length, () => 0) : 0`, &workers)
	if workers != 0 {
		t.Errorf("from the zip: %d service workers registered", workers)
	}

	// The unzipped pack put on a web server: no worker to keep it with, so no
	// button and no manifest (nor a request for one).
	zipHost := &host{t: t}
	zipHost.publish(sitetest.DemoUnzipped(t))
	zipHost.start()
	p = b.Open(t, zipHost.url("download.html"), phone)
	p.Settle(t)
	var z keepView
	p.Eval(t, readKeep, &z)
	if !z.Needs || z.On || z.Off || z.Manifest {
		t.Errorf("the zip on a web server: %+v; want only the line that keeping needs the web address", z)
	}
	for _, pr := range p.Problems() {
		t.Errorf("the zip on a web server: %s", pr)
	}

	// Hosted with JavaScript: the button, the footer link and the manifest.
	p = b.Open(t, srv.url("download.html"), phone)
	p.Wait(t, `!document.querySelector('[data-gp-keep-on]').hidden`)
	var v keepView
	p.Eval(t, readKeep, &v)
	if v.Needs || !v.On || v.Off || !v.Link || !v.Manifest {
		t.Errorf("hosted, JavaScript on: %+v; want the keep button, the footer link and the manifest", v)
	}
	for _, pr := range p.Problems() {
		t.Errorf("hosted: %s", pr)
	}
}
