package stamp

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
)

// The program is named by its Go build ID, as go tool buildid reads it.
func TestProgramID(t *testing.T) {
	exe, err := os.Executable()
	qt.Assert(t, err, qt.IsNil)
	out, err := exec.Command("go", "tool", "buildid", exe).Output()
	if err != nil {
		t.Skipf("go tool buildid: %v", err)
	}
	qt.Check(t, programID(), qt.Equals, strings.TrimSpace(string(out)))
}

func write(t *testing.T, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
	qt.Assert(t, os.WriteFile(p, []byte(text), 0o644), qt.IsNil)
}

// Any change a build could read changes the sum; what no build reads does not.
func TestSourcesSeeEveryChange(t *testing.T) {
	root := t.TempDir()
	write(t, root, "config.toml", "title = 'x'\n")
	write(t, root, "content/a.md", "A\n")
	sum := func() string {
		s, err := Sources(root, filepath.Join(root, "public"))
		qt.Assert(t, err, qt.IsNil)
		return s
	}
	first := sum()
	qt.Check(t, sum(), qt.Equals, first, qt.Commentf("the same files, the same sum"))
	for _, rel := range []string{"public/index.html", ".git/HEAD", ".guidepack/gen/x", "node_modules/x/y.js", "resources/_gen/assets/x"} {
		write(t, root, rel, "not read by a build")
	}
	qt.Check(t, sum(), qt.Equals, first, qt.Commentf("outputs, dot folders and caches are not sources"))

	changes := []func(){
		func() { write(t, root, "content/a.md", "B\n") },                                  // same size, new text and time
		func() { write(t, root, "content/b.md", "") },                                     // a new file
		func() { qt.Assert(t, os.Remove(filepath.Join(root, "content/b.md")), qt.IsNil) }, // a file gone
		func() {
			future := time.Now().Add(time.Hour)
			qt.Assert(t, os.Chtimes(filepath.Join(root, "config.toml"), future, future), qt.IsNil)
		}, // only its time
		func() { write(t, root, "layouts/page.html", "{{ .Content }}") }, // anything else in the project
	}
	last := first
	for i, change := range changes {
		change()
		s := sum()
		qt.Check(t, s, qt.Not(qt.Equals), last, qt.Commentf("change %d left the sum as before", i))
		last = s
	}
}

// Outputs change with any file under them, and a missing one counts.
func TestOutputs(t *testing.T) {
	dir := t.TempDir()
	site, zip := filepath.Join(dir, "public"), filepath.Join(dir, "dist", "p.zip")
	write(t, dir, "public/index.html", "<p>Hi</p>")
	write(t, dir, "dist/p.zip", "PK")
	sum := func() string {
		s, err := Outputs(site, zip)
		qt.Assert(t, err, qt.IsNil)
		return s
	}
	first := sum()
	qt.Check(t, sum(), qt.Equals, first)
	write(t, dir, "public/index.html", "<p>Ho</p>")
	second := sum()
	qt.Check(t, second, qt.Not(qt.Equals), first)
	qt.Assert(t, os.Remove(zip), qt.IsNil)
	qt.Check(t, sum(), qt.Not(qt.Equals), second)
}

func TestReadWrite(t *testing.T) {
	file := filepath.Join(t.TempDir(), "stamp.json")
	_, ok := Read(file)
	qt.Check(t, ok, qt.IsFalse)
	qt.Assert(t, Write(file, Stamp{Sources: "a", Outputs: "b", Result: []byte(`{"Pages":3}`)}), qt.IsNil)
	s, ok := Read(file)
	qt.Check(t, ok, qt.IsTrue)
	qt.Check(t, string(s.Result), qt.Equals, `{"Pages":3}`)
	write(t, filepath.Dir(file), "stamp.json", "{")
	_, ok = Read(file)
	qt.Check(t, ok, qt.IsFalse, qt.Commentf("a broken stamp is no stamp"))
}
