package build

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/idle"
	"github.com/guidepack/guidepack/tools/internal/search"
)

// writePage writes a built page as Hugo would, all at once.
func writePage(t *testing.T, dir, rel, title, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
	page := "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><main><h1>" + title + "</h1><p>" + text + "</p></main></body></html>"
	qt.Assert(t, os.WriteFile(p, []byte(page), 0o644), qt.IsNil)
}

// While Hugo writes the site, the scanner reads what it has written; a page
// written again after that is read again, and pages it never saw are read at the end.
func TestScannerReadsWhatHugoWritesAndRereadsWhatChanges(t *testing.T) {
	allowed := make(chan bool)
	go func() { allowed <- idle.Works() && idle.Thread() }() // the thread ends with the goroutine
	if !<-allowed {
		t.Skip("no idle-priority threads here (system or sandbox): the scan runs after Hugo")
	}
	dir := t.TempDir()
	s := newScanner(dir)
	s.watch()
	writePage(t, dir, "guidance/boundaries.html", "Boundaries", "An early draft about apples.")
	deadline := time.Now().Add(10 * time.Second)
	for {
		s.mu.Lock()
		_, read := s.done["guidance/boundaries.html"]
		s.mu.Unlock()
		if read {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the scanner did not read the page within 10 s of it being written")
		}
		time.Sleep(20 * time.Millisecond)
	}
	writePage(t, dir, "guidance/boundaries.html", "Boundaries", "The final text, about bananas and friend requests.")
	writePage(t, dir, "guidance/privacy.html", "Privacy", "Cherries.")
	sc, err := s.finish()
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, sc.zip, qt.HasLen, 2)
	ix := search.New(sc.search, nil)
	qt.Check(t, ix.Postings[search.Stem("bananas")], qt.HasLen, 1)
	qt.Check(t, ix.Postings[search.Stem("apples")], qt.HasLen, 0)
	qt.Check(t, ix.Postings[search.Stem("cherries")], qt.HasLen, 1)
}

// A build that fails stops the scanner; nothing is left running.
func TestAbandonedScannerStops(t *testing.T) {
	dir := t.TempDir()
	s := newScanner(dir)
	s.watch()
	writePage(t, dir, "index.html", "Home", "Welcome.")
	done := make(chan struct{})
	go func() { s.abandon(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("abandon did not return")
	}
}
