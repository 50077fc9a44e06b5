package publish_test

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/publish"
)

var (
	oldSite = map[string]string{"index.html": "old", "search/t-a.js": "old a", "assets/x.css": "old css"}
	newSite = map[string]string{"index.html": "new", "search/t-a.js": "new a", "search/t-b.js": "new b", "download/p-1.zip": "new zip"}
)

// project writes a project with a staged build (and, with old, a last good one)
// and returns its work folder and the plan that publishes the staged build.
func project(t *testing.T, old bool) (string, publish.Plan) {
	t.Helper()
	root := t.TempDir()
	work := filepath.Join(root, ".guidepack")
	p := publish.Plan{
		Site:    filepath.Join(root, "public"),
		Zip:     filepath.Join(root, "dist", "p-1.zip"),
		NewSite: filepath.Join(work, "stage", "site"),
		NewZip:  filepath.Join(work, "stage", "p-1.zip"),
		Version: "1",
	}
	writeTree(t, p.NewSite, newSite)
	writeTree(t, filepath.Dir(p.NewZip), map[string]string{"p-1.zip": "new zip"})
	if old {
		writeTree(t, p.Site, oldSite)
		writeTree(t, filepath.Dir(p.Zip), map[string]string{"p-1.zip": "old zip"})
	}
	return work, p
}

func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, s := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
		qt.Assert(t, os.WriteFile(p, []byte(s), 0o644), qt.IsNil)
	}
}

func readTree(dir string) (map[string]string, bool) {
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return err
	})
	return files, err == nil
}

// version says which build the site and the zip are: "old", "new", "none"
// (missing), or "mixed: …" when the site is neither whole.
func version(p publish.Plan) (site, zip string) {
	site = "none"
	if files, ok := readTree(p.Site); ok {
		switch {
		case maps.Equal(files, oldSite):
			site = "old"
		case maps.Equal(files, newSite):
			site = "new"
		default:
			site = fmt.Sprintf("mixed: %v", files)
		}
	}
	zip = "none"
	if b, err := os.ReadFile(p.Zip); err == nil {
		zip = strings.TrimSuffix(string(b), " zip")
	}
	return site, zip
}

// assertConsistent checks that the site and zip are both the old build or both
// the new (never missing when there was an old one), and nothing is left over.
func assertConsistent(t *testing.T, work string, p publish.Plan, old bool, what string) string {
	t.Helper()
	site, zip := version(p)
	allowed := []string{"old", "new"}
	if !old {
		allowed = []string{"none", "new"}
	}
	if site != zip || !slices.Contains(allowed, site) {
		t.Fatalf("%s: site is %s, zip is %s", what, site, zip)
	}
	for _, dir := range []string{filepath.Dir(p.Site), filepath.Dir(p.Zip), work} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.Contains(e.Name(), ".guidepack-") || strings.HasPrefix(e.Name(), publish.JournalName) {
				t.Fatalf("%s: left over: %s", what, filepath.Join(dir, e.Name()))
			}
		}
	}
	return site
}

var errCrash = errors.New("crash")

// crashFS is the real file system until its step `at`, where the process
// "dies": that step is not taken (a RemoveAll is taken in part) and every one
// after it fails. With crossDevice, renames out of the stage fail as they do
// across file systems, so the copying path is taken.
type crashFS struct {
	at, steps   int
	crossDevice bool
	log         []string
}

func (c *crashFS) step(name string, args ...string) error {
	c.log = append(c.log, name+" "+strings.Join(args, " "))
	c.steps++
	if c.steps > c.at {
		return errCrash
	}
	return nil
}

func (c *crashFS) Rename(from, to string) error {
	if err := c.step("rename", from, to); err != nil {
		return err
	}
	if c.crossDevice && strings.Contains(from, string(filepath.Separator)+"stage"+string(filepath.Separator)) {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EXDEV}
	}
	return publish.OS.Rename(from, to)
}

func (c *crashFS) RemoveAll(path string) error {
	if err := c.step("removeall", path); err != nil {
		if c.steps == c.at+1 { // dies half way through: one file gone
			filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
				if err == nil && !d.IsDir() {
					os.Remove(p)
					return filepath.SkipAll
				}
				return nil
			})
		}
		return err
	}
	return publish.OS.RemoveAll(path)
}

func (c *crashFS) MkdirAll(path string) error {
	if err := c.step("mkdirall", path); err != nil {
		return err
	}
	return publish.OS.MkdirAll(path)
}

func (c *crashFS) CopyFile(from, to string) error {
	if err := c.step("copy", from, to); err != nil {
		return err
	}
	return publish.OS.CopyFile(from, to)
}

func (c *crashFS) WriteFile(path string, b []byte) error {
	if err := c.step("write", path); err != nil {
		if c.steps == c.at+1 { // dies half way through its temporary file
			os.WriteFile(path+".tmp", b[:len(b)/2], 0o644)
		}
		return err
	}
	return publish.OS.WriteFile(path, b)
}

func (c *crashFS) SyncTree(path string) error {
	if err := c.step("synctree", path); err != nil {
		return err
	}
	return publish.OS.SyncTree(path)
}

func (c *crashFS) SyncDir(path string) error {
	if err := c.step("syncdir", path); err != nil {
		return err
	}
	return publish.OS.SyncDir(path)
}

// steps counts the file system steps of a whole publish.
func steps(t *testing.T, old, crossDevice bool) int {
	t.Helper()
	work, p := project(t, old)
	c := &crashFS{at: 1 << 30, crossDevice: crossDevice}
	qt.Assert(t, publish.Publish(work, p, c), qt.IsNil)
	qt.Assert(t, assertConsistent(t, work, p, old, "no crash"), qt.Equals, "new")
	t.Logf("%d steps:\n%s", c.steps, strings.Join(c.log, "\n"))
	return c.steps
}

// TestCrashAtEveryStep stops a publish after each of its steps in turn, then
// recovers; and stops that recovery after each of its steps, then recovers
// again. The site and zip are both old or both new, every time.
func TestCrashAtEveryStep(t *testing.T) {
	for _, tc := range []struct {
		name             string
		old, crossDevice bool
	}{
		{"replacing a build", true, false},
		{"first build", false, false},
		{"replacing a build across file systems", true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := steps(t, tc.old, tc.crossDevice)
			seen := map[string]bool{}
			for k := range n {
				work, p := project(t, tc.old)
				err := publish.Publish(work, p, &crashFS{at: k, crossDevice: tc.crossDevice})
				qt.Assert(t, err, qt.ErrorIs, errCrash)
				// Recovery is interrupted too, at each of its steps.
				for k2 := 0; ; k2++ {
					rec := &crashFS{at: k2}
					_, err := publish.Recover(work, rec)
					if err == nil {
						break
					}
					qt.Assert(t, err, qt.ErrorIs, errCrash)
				}
				r, err := publish.Recover(work, publish.OS)
				qt.Assert(t, err, qt.IsNil)
				qt.Assert(t, r.Action, qt.Equals, "", qt.Commentf("the interrupted recovery finished the job"))
				seen[assertConsistent(t, work, p, tc.old, fmt.Sprintf("crash after step %d", k))] = true

				// And recovered in one go.
				work, p = project(t, tc.old)
				qt.Assert(t, publish.Publish(work, p, &crashFS{at: k, crossDevice: tc.crossDevice}), qt.ErrorIs, errCrash)
				_, journalErr := os.Stat(filepath.Join(work, publish.JournalName))
				r, err = publish.Recover(work, publish.OS)
				qt.Assert(t, err, qt.IsNil)
				want := map[string]string{"new": "finished", "old": "rolled back", "none": "rolled back"}[assertConsistent(t, work, p, tc.old, fmt.Sprintf("crash after step %d", k))]
				if journalErr != nil {
					want = "" // the publish was done but for its last sync
				}
				qt.Assert(t, r.Action, qt.Equals, want, qt.Commentf("step %d", k))
			}
			// The crashes fell on both sides of the point of no return.
			qt.Assert(t, seen["new"], qt.IsTrue)
			qt.Assert(t, seen["old"] || seen["none"], qt.IsTrue)
		})
	}
}

// A destination that cannot take the new build stops the publish before
// anything is replaced.
func TestUnwritableDestinationReplacesNothing(t *testing.T) {
	for _, tc := range []struct {
		name   string
		spoil  func(p publish.Plan) error
		errMsg string
	}{
		{"dist is a file", func(p publish.Plan) error {
			os.RemoveAll(filepath.Dir(p.Zip))
			return os.WriteFile(filepath.Dir(p.Zip), []byte("x"), 0o644)
		}, "(?s)cannot write into .*dist: not a directory\nhint: nothing was published.*"},
		{"a folder where the zip goes", func(p publish.Plan) error {
			os.Remove(p.Zip)
			return os.MkdirAll(filepath.Join(p.Zip, "x"), 0o755)
		}, ".*p-1.zip is a folder, where the zip goes\nhint: nothing was published.*"},
		{"a file where the site goes", func(p publish.Plan) error {
			os.RemoveAll(p.Site)
			return os.WriteFile(p.Site, []byte("x"), 0o644)
		}, ".*public is a file, where the site folder goes\n.*"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			work, p := project(t, true)
			qt.Assert(t, tc.spoil(p), qt.IsNil)
			siteBefore, _ := readTree(p.Site)
			zipBefore, _ := os.ReadFile(p.Zip)
			c := &crashFS{at: 1 << 30}
			err := publish.Publish(work, p, c)
			qt.Assert(t, err, qt.ErrorMatches, tc.errMsg)
			qt.Assert(t, c.steps, qt.Equals, 0, qt.Commentf("nothing done: %v", c.log))
			siteAfter, _ := readTree(p.Site)
			zipAfter, _ := os.ReadFile(p.Zip)
			qt.Assert(t, siteAfter, qt.DeepEquals, siteBefore)
			qt.Assert(t, zipAfter, qt.DeepEquals, zipBefore)
		})
	}
}

// TestMain doubles as a publishing process that is killed: with
// GUIDEPACK_PUBLISH_KILL=work,site,zip,newsite,newzip,k it publishes and sends
// itself SIGKILL just before step k.
func TestMain(m *testing.M) {
	if spec := os.Getenv("GUIDEPACK_PUBLISH_KILL"); spec != "" {
		f := strings.Split(spec, ",")
		k, _ := strconv.Atoi(f[5])
		err := publish.Publish(f[0], publish.Plan{Site: f[1], Zip: f[2], NewSite: f[3], NewZip: f[4], Version: "1"}, &killFS{crashFS{at: k}})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// killFS kills its process at step at.
type killFS struct{ crashFS }

func (k *killFS) step() {
	if k.steps == k.at {
		killSelf()
		select {}
	}
}

func (k *killFS) Rename(from, to string) error       { k.step(); return k.crashFS.Rename(from, to) }
func (k *killFS) RemoveAll(path string) error        { k.step(); return k.crashFS.RemoveAll(path) }
func (k *killFS) MkdirAll(path string) error         { k.step(); return k.crashFS.MkdirAll(path) }
func (k *killFS) CopyFile(from, to string) error     { k.step(); return k.crashFS.CopyFile(from, to) }
func (k *killFS) WriteFile(p string, b []byte) error { k.step(); return k.crashFS.WriteFile(p, b) }
func (k *killFS) SyncTree(path string) error         { k.step(); return k.crashFS.SyncTree(path) }
func (k *killFS) SyncDir(path string) error          { k.step(); return k.crashFS.SyncDir(path) }

// TestKilledAtEveryStep kills a real publishing process (SIGKILL) before each
// step, then recovers in this one.
func TestKilledAtEveryStep(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL is Unix")
	}
	n := steps(t, true, false)
	for k := range n + 1 {
		work, p := project(t, true)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "GUIDEPACK_PUBLISH_KILL="+strings.Join([]string{work, p.Site, p.Zip, p.NewSite, p.NewZip, strconv.Itoa(k)}, ","))
		out, err := cmd.CombinedOutput()
		if k < n {
			var exit *exec.ExitError
			qt.Assert(t, errors.As(err, &exit), qt.IsTrue, qt.Commentf("step %d: %v %s", k, err, out))
			qt.Assert(t, exit.Sys().(syscall.WaitStatus).Signal(), qt.Equals, syscall.SIGKILL)
		} else {
			qt.Assert(t, err, qt.IsNil, qt.Commentf("%s", out))
		}
		_, err = publish.Recover(work, publish.OS)
		qt.Assert(t, err, qt.IsNil)
		assertConsistent(t, work, p, true, fmt.Sprintf("killed before step %d", k))
	}
}
