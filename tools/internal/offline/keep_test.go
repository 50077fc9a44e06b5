package offline_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/keep"
	"github.com/guidepack/guidepack/tools/internal/offline"
)

// keptSite is a small hosted site whose worker lists its files as the build does.
func keptSite(t *testing.T) string {
	dir := site(t, sound+"-- _headers --\n/*\n-- download/pack.zip --\nzip\n-- keep/icon-192.png --\npng\n")
	l, err := keep.Walk(dir, "pack", "1.0.0")
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, os.WriteFile(filepath.Join(dir, keep.Worker), keep.Script(l, []byte("(()=>{})();\n")), 0o644), qt.IsNil)
	return dir
}

func problems(t *testing.T, err error) []string {
	t.Helper()
	var e *offline.Error
	if !errors.As(err, &e) {
		t.Fatalf("want *offline.Error, got %v", err)
	}
	var out []string
	for _, p := range e.Problems {
		out = append(out, p.String())
	}
	return out
}

// TestKeepListAgrees: the worker's list and the site agree; each way they can
// disagree is caught.
func TestKeepListAgrees(t *testing.T) {
	qt.Assert(t, offline.CheckKeep(keptSite(t)), qt.IsNil)

	t.Run("a file the list lacks", func(t *testing.T) {
		dir := keptSite(t)
		os.WriteFile(filepath.Join(dir, "late.html"), []byte("<p>late</p>"), 0o644)
		qt.Assert(t, problems(t, offline.CheckKeep(dir)), qt.DeepEquals, []string{"sw.js: late.html: in the site, but not listed for keeping"})
	})
	t.Run("a listed file gone", func(t *testing.T) {
		dir := keptSite(t)
		os.Remove(filepath.Join(dir, "search.html"))
		qt.Assert(t, problems(t, offline.CheckKeep(dir)), qt.DeepEquals, []string{"sw.js: search.html: listed for keeping, but not in the site"})
	})
	t.Run("a file changed after listing", func(t *testing.T) {
		dir := keptSite(t)
		os.WriteFile(filepath.Join(dir, "search.html"), []byte("<p>changed</p>"), 0o644)
		got := problems(t, offline.CheckKeep(dir))
		qt.Assert(t, got, qt.HasLen, 1)
		qt.Assert(t, got[0], qt.Matches, `sw\.js: search\.html: listed with hash [0-9a-f]{16}, but the file's is [0-9a-f]{16}`)
	})
	t.Run("no list", func(t *testing.T) {
		dir := keptSite(t)
		os.WriteFile(filepath.Join(dir, keep.Worker), []byte("self.addEventListener('fetch', () => {});\n"), 0o644)
		qt.Assert(t, offline.CheckKeep(dir), qt.ErrorMatches, `sw\.js: the first line is not the list of files`)
	})
}

// TestOnlyTheWorkerFetches: a pack script that reaches the network fails the
// check; the service worker may fetch; the search index's words are data.
func TestOnlyTheWorkerFetches(t *testing.T) {
	dir := site(t, `
-- sw.js --
self.addEventListener('fetch', e => e.respondWith(fetch(e.request)));
-- keep/worker.js --
fetch('x');
-- search/t-f.js --
gpSearch.t("f", {"fetch": [1]});
-- assets/search.js --
(()=>{document.querySelector('p')})();
`)
	qt.Assert(t, offline.CheckScripts(dir), qt.IsNil)
	for _, bad := range []string{
		"fetch('https://example.org/')",
		"window.fetch(u)",
		"new XMLHttpRequest()",
		"navigator.sendBeacon('/x', d)",
		"new WebSocket('wss://x')",
		"new EventSource('x')",
		"importScripts('x.js')",
	} {
		os.WriteFile(filepath.Join(dir, "assets", "search.js"), []byte("(()=>{"+bad+"})();"), 0o644)
		got := problems(t, offline.CheckScripts(dir))
		qt.Assert(t, got, qt.HasLen, 1, qt.Commentf("%s", bad))
		qt.Assert(t, got[0], qt.Contains, "assets/search.js: ")
		qt.Assert(t, got[0], qt.Contains, "a pack script may not reach the network")
	}
}
