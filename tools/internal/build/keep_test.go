package build_test

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/download"
	"github.com/guidepack/guidepack/tools/internal/keep"
	"github.com/guidepack/guidepack/tools/internal/offline"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// TestKeepFiles: the hosted site has the worker (its list agreeing with the
// site), the manifest and the icons; the download page says how much keeping
// the pack takes (the size of the listed files); the zip has none of them and
// its download page no size.
func TestKeepFiles(t *testing.T) {
	t.Parallel()
	s := sitetest.Build(t, miniPack)
	qt.Assert(t, offline.CheckKeep(s.Public()), qt.IsNil)
	sw, err := os.ReadFile(filepath.Join(s.Public(), keep.Worker))
	qt.Assert(t, err, qt.IsNil)
	l, err := keep.Parse(sw)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, l.Version, qt.Equals, s.Result.Pack.Params.Version)
	qt.Assert(t, l.Pack, qt.Equals, s.Result.Pack.Params.Pack)
	sized, err := keep.Walk(s.Public(), l.Pack, l.Version)
	qt.Assert(t, err, qt.IsNil)
	s.AssertFile("download.html", `<span data-gp-keep-size> (`+download.HumanSize(sized.Size())+`)</span></button>`)
	s.AssertFile(keep.Manifest, `"start_url": "index.html"`, `"display": "standalone"`)
	for _, i := range keep.Icons {
		_, err := os.Stat(filepath.Join(s.Public(), filepath.FromSlash(i.Path)))
		qt.Assert(t, err, qt.IsNil)
	}
	_, err = os.Stat(filepath.Join(s.Public(), filepath.FromSlash(keep.Code)))
	qt.Assert(t, os.IsNotExist(err), qt.IsTrue, qt.Commentf("the worker's code is left beside sw.js"))

	zr, err := zip.OpenReader(s.Result.Zip)
	qt.Assert(t, err, qt.IsNil)
	defer zr.Close()
	for _, f := range zr.File {
		rel := strings.TrimPrefix(f.Name, s.Result.Pack.Name()+"/")
		if keep.HostedOnly(rel) {
			t.Errorf("the zip has %s", f.Name)
		}
		if rel == "download.html" {
			rc, _ := f.Open()
			b := make([]byte, f.UncompressedSize64)
			_, err := io.ReadFull(rc, b)
			rc.Close()
			qt.Assert(t, err, qt.IsNil)
			qt.Assert(t, string(b), qt.Contains, "<span data-gp-keep-size></span>")
		}
	}
}

// TestAScriptThatFetchesFailsTheBuild: a pack script of the author's own that
// reaches the network stops the build, naming the script.
func TestAScriptThatFetchesFailsTheBuild(t *testing.T) {
	t.Parallel()
	s := sitetest.Try(t, miniPack+"-- assets/js/keep.js --\nfetch('https://example.org/' + location.href);\n")
	s.AssertError("assets/keep.js: fetch: a pack script may not reach the network (only the service worker, sw.js, fetches)")
}
