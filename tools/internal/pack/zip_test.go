package pack_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/pack"
)

func site(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(text), 0o644)
	}
	return dir
}

func write(t *testing.T, dir string, o pack.Options) []byte {
	var buf bytes.Buffer
	o.Writer = &buf
	qt.Assert(t, pack.Write(dir, o), qt.IsNil)
	return buf.Bytes()
}

func TestZipIsReproducibleAndSorted(t *testing.T) {
	files := map[string]string{"index.html": strings.Repeat("<p>hello</p>", 100), "b/page.html": "b", "a.css": "body{}", "download/x.zip": "skip me"}
	dir := site(t, files)
	o := pack.Options{Top: "pack-1.0", Extra: map[string][]byte{"readme.txt": []byte("open index.html")},
		Skip: func(rel string) bool { return strings.HasPrefix(rel, "download/") }}
	first := write(t, dir, o)
	// Touch every file: times must not reach the zip.
	for name := range files {
		os.Chtimes(filepath.Join(dir, name), time.Now(), time.Now().Add(time.Hour))
	}
	qt.Assert(t, bytes.Equal(write(t, dir, o), first), qt.IsTrue)

	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	qt.Assert(t, err, qt.IsNil)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		qt.Assert(t, f.Modified.UTC().Format(time.DateTime), qt.Equals, pack.Epoch.Format(time.DateTime))
	}
	qt.Assert(t, names, qt.DeepEquals, []string{"pack-1.0/a.css", "pack-1.0/b/page.html", "pack-1.0/index.html", "pack-1.0/readme.txt"})
	rc, _ := zr.File[2].Open()
	b, _ := io.ReadAll(rc)
	qt.Assert(t, string(b), qt.Equals, files["index.html"])
	qt.Assert(t, zr.File[2].Method, qt.Equals, zip.Deflate)
}

func TestZipRefusesNamesThatBreakElsewhere(t *testing.T) {
	dir := site(t, map[string]string{"Guidance/Page One.html": "x"})
	var buf bytes.Buffer
	err := pack.Write(dir, pack.Options{Top: "p", Writer: &buf})
	qt.Assert(t, err, qt.ErrorMatches, `pack: "Guidance/Page One.html": file names in the pack must be plain lower-case.*`)
}
