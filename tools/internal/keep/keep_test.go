package keep_test

import (
	"bytes"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/keep"
	"github.com/guidepack/guidepack/tools/internal/project"
)

func write(t *testing.T, dir string, files map[string]string) {
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
		qt.Assert(t, os.WriteFile(p, []byte(body), 0o644), qt.IsNil)
	}
}

// TestList: every file of the pack is listed, sorted, with its hash and size;
// the zip, _headers and the worker are not; the list reads back from the worker;
// a changed file changes the worker's bytes.
func TestList(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"index.html": "<p>home</p>", "a/constructor.html": "x", "assets/site.css": "body{}",
		"download/pack-1.0.0.zip": "zip", "_headers": "/*", "sw.js": "old", "keep/worker.js": "code",
		"keep/icon-192.png": "png", "manifest.webmanifest": "{}",
	})
	l, err := keep.Walk(dir, "pack", "1.0.0")
	qt.Assert(t, err, qt.IsNil)
	var paths []string
	for _, f := range l.Files {
		paths = append(paths, f.Path)
	}
	qt.Assert(t, paths, qt.DeepEquals, []string{"a/constructor.html", "assets/site.css", "index.html", "keep/icon-192.png", "manifest.webmanifest"})
	qt.Assert(t, l.Size(), qt.Equals, int64(len("x")+len("body{}")+len("<p>home</p>")+len("png")+len("{}")))
	qt.Assert(t, l.Files[2].Hash, qt.Equals, keep.Hash([]byte("<p>home</p>")))
	qt.Assert(t, l.Files[2].Hash, qt.HasLen, 16)

	sw := keep.Script(l, []byte("code();\n"))
	qt.Assert(t, bytes.HasSuffix(sw, []byte("\ncode();\n")), qt.IsTrue)
	back, err := keep.Parse(sw)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, back.Pack, qt.Equals, "pack")
	qt.Assert(t, back.Version, qt.Equals, "1.0.0")
	for i := range back.Files {
		qt.Assert(t, back.Files[i].Path, qt.Equals, l.Files[i].Path)
		qt.Assert(t, back.Files[i].Hash, qt.Equals, l.Files[i].Hash)
	}

	write(t, dir, map[string]string{"index.html": "<p>home, changed</p>"})
	l2, _ := keep.Walk(dir, "pack", "1.0.0")
	qt.Assert(t, l2.ID(), qt.Not(qt.Equals), l.ID())
	qt.Assert(t, bytes.Equal(keep.Script(l2, []byte("code();\n")), sw), qt.IsFalse)
	l2.Version = "1.0.1"
	l3, _ := keep.Walk(dir, "pack", "1.0.0")
	qt.Assert(t, l2.ID(), qt.Not(qt.Equals), l3.ID())
}

// TestScriptIsData: a file name cannot break out of the worker's first line.
func TestScriptIsData(t *testing.T) {
	l := keep.List{Pack: "p", Version: "1", Files: []keep.File{{Path: "a</script>\n\u2028;alert(1)//.html", Hash: "00"}}}
	sw := keep.Script(l, []byte("code();"))
	first, _, _ := bytes.Cut(sw, []byte("\n"))
	qt.Assert(t, strings.Count(string(sw), "\n"), qt.Equals, 1)
	qt.Assert(t, string(first), qt.Not(qt.Contains), "<")
	back, err := keep.Parse(sw)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, back.Files[0].Path, qt.Equals, l.Files[0].Path)
}

// TestIcons: PNGs of the size asked, the same bytes every time, in the pack's
// colours; the maskable icon keeps its edge clear of the book.
func TestIcons(t *testing.T) {
	c := keep.ReadColours([]byte(":root {\n  --gp-bg: #fafafa;\n  --gp-brand: #123456;\n}"))
	qt.Assert(t, keep.Hex(c.Brand), qt.Equals, "#123456")
	qt.Assert(t, keep.Hex(c.Page), qt.Equals, "#fafafa")
	for _, i := range keep.Icons {
		b := keep.Icon(i.Size, i.Maskable, c.Brand, c.Page)
		qt.Assert(t, bytes.Equal(b, keep.Icon(i.Size, i.Maskable, c.Brand, c.Page)), qt.IsTrue, qt.Commentf("%s is not reproducible", i.Path))
		img, err := png.Decode(bytes.NewReader(b))
		qt.Assert(t, err, qt.IsNil)
		qt.Assert(t, img.Bounds().Dx(), qt.Equals, i.Size)
		qt.Assert(t, img.Bounds().Dy(), qt.Equals, i.Size)
		corner := img.At(0, 0)
		r, g, bl, _ := corner.RGBA()
		qt.Assert(t, [3]uint32{r >> 8, g >> 8, bl >> 8}, qt.Equals, [3]uint32{0x12, 0x34, 0x56})
		// The book is there: the middle of the left page is the page colour.
		r, g, bl, _ = img.At(i.Size*35/100, i.Size/2).RGBA()
		qt.Assert(t, [3]uint32{r >> 8, g >> 8, bl >> 8}, qt.Equals, [3]uint32{0xfa, 0xfa, 0xfa}, qt.Commentf("%s", i.Path))
		if i.Maskable { // nothing but ground outside the middle 80 % (the safe zone's circle)
			for _, p := range [][2]int{{i.Size / 10, i.Size / 2}, {i.Size * 9 / 10, i.Size / 2}, {i.Size / 2, i.Size / 10}} {
				r, g, bl, _ = img.At(p[0], p[1]).RGBA()
				qt.Assert(t, [3]uint32{r >> 8, g >> 8, bl >> 8}, qt.Equals, [3]uint32{0x12, 0x34, 0x56}, qt.Commentf("at %v", p))
			}
		}
	}
}

// TestIconIsThePagesBook: the icons draw the book the pages show.
func TestIconIsThePagesBook(t *testing.T) {
	root, err := project.Find(".")
	qt.Assert(t, err, qt.IsNil)
	b, err := os.ReadFile(filepath.Join(root, "layouts", "_partials", "icon.html"))
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(b), qt.Contains, `"book" "`+keep.BookPath()+`"`)
}

// TestManifest: what a phone needs to add the pack to its home screen, relative
// to the manifest (the pack works in any folder).
func TestManifest(t *testing.T) {
	var m struct {
		Name, ShortName, StartURL, Scope, Display, Theme, Background string
		Icons                                                        []struct{ Src, Sizes, Purpose string }
	}
	b := keep.WebManifest("Social media guidance for social service workers", "About it.", keep.ReadColours(nil))
	var raw map[string]any
	qt.Assert(t, json.Unmarshal(b, &raw), qt.IsNil)
	m.Name, _ = raw["name"].(string)
	m.ShortName, _ = raw["short_name"].(string)
	m.StartURL, _ = raw["start_url"].(string)
	m.Scope, _ = raw["scope"].(string)
	m.Display, _ = raw["display"].(string)
	m.Theme, _ = raw["theme_color"].(string)
	m.Background, _ = raw["background_color"].(string)
	qt.Assert(t, m.Name, qt.Equals, "Social media guidance for social service workers")
	qt.Assert(t, m.ShortName, qt.Equals, "Social media")
	qt.Assert(t, m.StartURL, qt.Equals, "index.html")
	qt.Assert(t, m.Scope, qt.Equals, "./")
	qt.Assert(t, m.Display, qt.Equals, "standalone")
	qt.Assert(t, m.Theme, qt.Equals, "#1d4f7c")
	qt.Assert(t, m.Background, qt.Equals, "#ffffff")
	icons := raw["icons"].([]any)
	qt.Assert(t, icons, qt.HasLen, 3)
	qt.Assert(t, icons[2].(map[string]any)["purpose"], qt.Equals, "maskable")
	qt.Assert(t, keep.ShortName("Safeguarding"), qt.Equals, "Safeguarding")
	qt.Assert(t, keep.ShortName("Extraordinarily long"), qt.Equals, "Extraordinar")
}

// TestKnownList: the list made from what the build read is the list Walk makes
// reading every file; it reads no file itself (a hash recorded for a file is
// the one listed); a file changed since it was read, or never read, fails it.
func TestKnownList(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"index.html": "<p>home</p>", "a/constructor.html": "x", "assets/site.css": "body{}",
		"download/pack-1.0.0.zip": "zip", "_headers": "/*", "sw.js": "old", "keep/worker.js": "code",
		"keep/icon-192.png": "png", "manifest.webmanifest": "{}",
	})
	read := func(k *keep.Known, rel string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		fi, err := os.Stat(p)
		qt.Assert(t, err, qt.IsNil)
		b, err := os.ReadFile(p)
		qt.Assert(t, err, qt.IsNil)
		k.Read(rel, b, fi.ModTime())
	}
	k := &keep.Known{}
	for _, rel := range []string{"index.html", "a/constructor.html", "assets/site.css", "keep/icon-192.png"} {
		read(k, rel)
	}
	k.Wrote("manifest.webmanifest", []byte("{}"))
	got, err := k.List(dir, "pack", "1.0.0")
	qt.Assert(t, err, qt.IsNil)
	want, err := keep.Walk(dir, "pack", "1.0.0")
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, got, qt.DeepEquals, want)

	// A hash recorded for index.html, unlike its bytes: listed as recorded.
	fi, err := os.Stat(filepath.Join(dir, "index.html"))
	qt.Assert(t, err, qt.IsNil)
	k.Add(keep.File{Path: "index.html", Hash: "0123456789abcdef", Size: fi.Size()}, fi.ModTime())
	got, err = k.List(dir, "pack", "1.0.0")
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, got.Files[2], qt.Equals, keep.File{Path: "index.html", Hash: "0123456789abcdef", Size: fi.Size()})

	read(k, "index.html")
	write(t, dir, map[string]string{"assets/site.css": "body{color:red}", "late.html": "late"})
	_, err = k.List(dir, "pack", "1.0.0")
	qt.Assert(t, err, qt.ErrorMatches, `sw\.js: cannot list 1 file changed after the build read them: assets/site\.css\n(?s).*`)
	read(k, "assets/site.css")
	_, err = k.List(dir, "pack", "1.0.0")
	qt.Assert(t, err, qt.ErrorMatches, `sw\.js: cannot list 1 file that the build did not read: late\.html\n(?s).*`)
}
