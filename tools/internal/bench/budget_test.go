package bench_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

var (
	scriptSrc = regexp.MustCompile(`<script[^>]*\ssrc="([^"]+)"`)
	styleHref = regexp.MustCompile(`<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"`)
)

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestReaderBudgets measures what readers download, gzipped, on the demo pack:
// a guidance page with everything it loads ≤ 25 KB; no JavaScript on pages that
// need none but keep.js (≤ 1 KB: it offers a kept pack's updates); the scenario
// runtime ≤ 10 KB; the learning record's ≤ 5 KB; the stylesheet ≤ 12 KB; the
// service worker's code ≤ 4 KB.
func TestReaderBudgets(t *testing.T) {
	site := sitetest.BuildRepo(t)
	pub := site.Public()
	read := func(rel string) []byte {
		b, err := os.ReadFile(filepath.Join(pub, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// loads returns the gzipped size of a page and what it loads, and its
	// scripts but keep.js, which every page loads.
	loads := func(rel string) (total int, scripts []string) {
		html := read(rel)
		total = gz(html)
		keeps := false
		for _, m := range scriptSrc.FindAllSubmatch(html, -1) {
			src := path.Join(path.Dir(rel), string(m[1]))
			total += gz(read(src))
			if src == "assets/keep.js" {
				keeps = true
				continue
			}
			scripts = append(scripts, src)
		}
		if !keeps {
			t.Errorf("%s does not load assets/keep.js", rel)
		}
		for _, m := range styleHref.FindAllSubmatch(html, -1) {
			href := string(m[1]) + string(m[2])
			if strings.HasPrefix(href, "data:") {
				continue
			}
			total += gz(read(path.Join(path.Dir(rel), href)))
		}
		return total, scripts
	}
	guidance, _ := filepath.Glob(filepath.Join(pub, "guidance", "*.html"))
	for _, f := range guidance {
		rel, _ := filepath.Rel(pub, f)
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(rel, "print.html") {
			continue
		}
		total, scripts := loads(rel)
		t.Logf("%-45s %6d bytes gzip with what it loads", rel, total)
		if total > 25*1024 {
			t.Errorf("%s: %d bytes gzip, over the 25 KB budget", rel, total)
		}
		if len(scripts) > 0 {
			t.Errorf("%s needs no JavaScript but loads %q", rel, scripts)
		}
	}
	// The common questions fold with a script of their own (with JavaScript off
	// nothing is folded), and load nothing else.
	if _, scripts := loads("faq.html"); fmt.Sprint(scripts) != "[assets/fold.js]" {
		t.Errorf("faq.html loads %q, want only assets/fold.js", scripts)
	}
	for _, rel := range []string{"index.html", "about.html", "a-z.html", "cases/racist-comments.html", "codes/5-8.html", "themes/privacy.html"} {
		if _, scripts := loads(rel); len(scripts) > 0 {
			t.Errorf("%s needs no JavaScript but loads %q", rel, scripts)
		}
	}
	if _, scripts := loads("download.html"); fmt.Sprint(scripts) != "[assets/keep-download.js]" {
		t.Errorf("download.html loads %q, want only assets/keep-download.js (and keep.js)", scripts)
	}
	// The common questions load one small script: it folds the answers that are
	// open in the markup (so nothing is folded with JavaScript off).
	if _, scripts := loads("faq.html"); len(scripts) != 1 || scripts[0] != "assets/fold.js" {
		t.Errorf("faq.html should load assets/fold.js alone, loads %q", scripts)
	}
	for _, b := range []struct {
		file  string
		limit int
	}{{"assets/scenario.js", 10 * 1024}, {"assets/record.js", 5 * 1024}, {"assets/fold.js", 1024}, {"assets/keep.js", 1024}, {"assets/keep-download.js", 2 * 1024}, {"assets/site.css", 12 * 1024}} {
		n := gz(read(b.file))
		t.Logf("%-45s %6d bytes gzip (budget %d)", b.file, n, b.limit)
		if n > b.limit {
			t.Errorf("%s: %d bytes gzip, over the budget of %d", b.file, n, b.limit)
		}
	}
	// The service worker's code: sw.js after its first line (the list of
	// files the build writes, which grows with the pack).
	sw := read("sw.js")
	_, code, ok := bytes.Cut(sw, []byte("\n"))
	if !ok || len(code) == 0 {
		t.Fatal("sw.js has no code after the list")
	}
	n := gz(code)
	t.Logf("%-45s %6d bytes gzip (budget 4096); with the demo's list %d", "sw.js (code)", n, gz(sw))
	if n > 4096 {
		t.Errorf("sw.js: its code is %d bytes gzip, over the budget of 4096", n)
	}
}

func tree(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		c, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(rel + "\n" + string(c) + "\n")
		return nil
	})
	return b.String()
}
