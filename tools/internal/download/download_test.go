package download

import (
	"os"
	"path/filepath"
	"testing"

	qt "github.com/frankban/quicktest"
)

func TestLinkFillsTheMarkedElement(t *testing.T) {
	dir := t.TempDir()
	zip := filepath.Join(t.TempDir(), "pack-1.0.zip")
	qt.Assert(t, os.WriteFile(zip, make([]byte, 3000), 0o644), qt.IsNil)
	page := filepath.Join(dir, "download.html")
	qt.Assert(t, os.WriteFile(page, []byte(`<main><div data-gp-download><p>You have the downloaded copy.</p></div><p>After</p></main>`), 0o644), qt.IsNil)
	qt.Assert(t, Link(dir, zip, 3000), qt.IsNil)
	b, err := os.ReadFile(page)
	qt.Assert(t, err, qt.IsNil)
	qt.Check(t, string(b), qt.Equals, `<main><p class="gp-download"><a class="gp-button gp-download__link" href="download/pack-1.0.zip" download>Download this pack for offline use</a> <span class="gp-download__size">(zip file, 3 KB)</span></p><p>After</p></main>`)
	fi, err := os.Stat(filepath.Join(dir, "download", "pack-1.0.zip"))
	qt.Assert(t, err, qt.IsNil)
	qt.Check(t, fi.Size(), qt.Equals, int64(3000))
}

func TestLinkNeedsTheMarkedElement(t *testing.T) {
	dir := t.TempDir()
	qt.Assert(t, os.WriteFile(filepath.Join(dir, "download.html"), []byte(`<main><div>no marker</div></main>`), 0o644), qt.IsNil)
	qt.Check(t, Link(dir, filepath.Join(dir, "x.zip"), 1), qt.ErrorMatches, `download.html: the element <div data-gp-download> is missing \(layouts/download.html\)`)
	// A pack without a download page: nothing to do.
	qt.Check(t, Link(t.TempDir(), filepath.Join(dir, "x.zip"), 1), qt.IsNil)
}

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 bytes", 1023: "1023 bytes", 1024: "1 KB", 1535: "1 KB", 1536: "2 KB", 4404019: "4.2 MB"} {
		qt.Check(t, HumanSize(n), qt.Equals, want)
	}
}
