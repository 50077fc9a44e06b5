// Package sitetest builds mini projects, written as txtar archives, with the real
// build pipeline, and asserts on what comes out, in the spirit of Hugo's
// integration test builder:
//
//	s := sitetest.Build(t, `
//	-- content/guidance/boundaries.md --
//	---
//	title: Boundaries
//	---
//	Keep them.
//	`)
//	s.AssertFile("guidance/boundaries.html", "<h1 class=\"gp-title\">Boundaries</h1>", "! gp-scenario")
//
// Unless the archive brings its own, the project gets the repository's
// config.toml, layouts/, assets/ and data/codes.yaml, so tests exercise the real templates.
package sitetest

import (
	"archive/zip"
	"fmt"
	"github.com/guidepack/guidepack/tools/internal/publish"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/project"
	"golang.org/x/tools/txtar"
)

// Repo is the repository root, found from the working directory (go test runs
// a package's tests in its folder), so it holds under -trimpath too.
func Repo() string {
	root, err := project.Find(".")
	if err != nil {
		panic(err)
	}
	return root
}

// Site is a built (or failed) mini project.
type Site struct {
	T      testing.TB
	Root   string
	Result *build.Result
	Err    error
}

// Public is the built site folder.
func (s *Site) Public() string { return filepath.Join(s.Root, "public") }

// Write writes the archive into a new temporary project and returns its folder.
// Files of the repository's config.toml, layouts/, assets/ and data/codes.yaml
// that the archive does not have are copied in.
func Write(t testing.TB, archive string) string {
	t.Helper()
	root := t.TempDir()
	a := txtar.Parse([]byte(strings.TrimLeft(archive, "\n")))
	has := map[string]bool{}
	for _, f := range a.Files {
		has[f.Name] = true
		p := filepath.Join(root, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	repo := Repo()
	for _, name := range []string{"config.toml", "layouts", "assets", "data/codes.yaml"} {
		err := filepath.WalkDir(filepath.Join(repo, name), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repo, p)
			if has[filepath.ToSlash(rel)] {
				return nil // the archive's own file wins
			}
			return copyFile(p, filepath.Join(root, rel))
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	return root
}

// Build writes the archive and runs the full build on it. It fails the test if
// the build fails; use Try to look at a failure.
func Build(t testing.TB, archive string) *Site {
	t.Helper()
	s := Try(t, archive)
	if s.Err != nil {
		t.Fatalf("build failed:\n%v", s.Err)
	}
	return s
}

// Try writes the archive and runs the full build, keeping the error.
func Try(t testing.TB, archive string) *Site {
	t.Helper()
	s := &Site{T: t, Root: Write(t, archive)}
	s.Rebuild()
	return s
}

// Rebuild builds the project again (after a test changed its files, or
// disturbs the build): in full, even when nothing has changed.
func (s *Site) Rebuild() error {
	s.Result, s.Err = build.Run(build.Options{Root: s.Root, Force: true})
	return s.Err
}

// WriteFile writes a file of the project (for tests that edit and rebuild).
func (s *Site) WriteFile(name, content string) {
	s.T.Helper()
	p := filepath.Join(s.Root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		s.T.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		s.T.Fatal(err)
	}
}

// File returns a built file's content (path relative to public/).
func (s *Site) File(name string) string {
	s.T.Helper()
	b, err := os.ReadFile(filepath.Join(s.Public(), filepath.FromSlash(name)))
	if err != nil {
		s.T.Fatalf("built file: %v", err)
	}
	return string(b)
}

// AssertFile checks that a built file contains each snippet; a snippet starting
// with "! " must not appear.
func (s *Site) AssertFile(name string, snippets ...string) {
	s.T.Helper()
	got := s.File(name)
	for _, want := range snippets {
		if neg, ok := strings.CutPrefix(want, "! "); ok {
			if strings.Contains(got, neg) {
				s.T.Errorf("%s: should not contain %q", name, neg)
			}
		} else if !strings.Contains(got, want) {
			s.T.Errorf("%s: should contain %q; it is:\n%s", name, want, got)
		}
	}
}

// AssertError checks that the build failed with an error containing each snippet.
func (s *Site) AssertError(snippets ...string) {
	s.T.Helper()
	if s.Err == nil {
		s.T.Fatalf("build succeeded; want an error with %q", snippets)
	}
	for _, want := range snippets {
		if !strings.Contains(s.Err.Error(), want) {
			s.T.Errorf("error should contain %q; it is:\n%v", want, s.Err)
		}
	}
}

func copyFile(from, to string) error {
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return publish.CopyFile(from, to)
}

// CopyRepo copies the repository's pack (config.toml, content/, data/, scenarios/,
// layouts/, assets/, docs/) into a new temporary project, so tests build the demo pack
// without touching the working tree's public/, dist/ or .guidepack/.
func CopyRepo(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	if err := copyRepo(root); err != nil {
		t.Fatal(err)
	}
	return root
}

func copyRepo(root string) error {
	repo := Repo()
	// docs/ too: the authoring guide must stay out of the pack (only serve shows it).
	for _, name := range []string{"config.toml", "content", "data", "scenarios", "layouts", "assets", "static", "docs"} {
		err := filepath.WalkDir(filepath.Join(repo, name), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repo, p)
			return copyFile(p, filepath.Join(root, rel))
		})
		if err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// BuildRepo builds the demo pack in a temporary copy (see CopyRepo).
func BuildRepo(t testing.TB) *Site {
	t.Helper()
	s := &Site{T: t, Root: CopyRepo(t)}
	if s.Rebuild(); s.Err != nil {
		t.Fatalf("the demo pack does not build:\n%v", s.Err)
	}
	return s
}

// demo is the demo pack, built once per test binary (see Demo).
var demo struct {
	once     sync.Once
	dir      string // holds the project and the unzipped pack; CleanUp removes it
	site     Site
	unzipped string
	err      error
}

// Demo returns the demo pack built once per test binary and shared by its tests,
// which may run in parallel and must only read it. Its folder lasts until
// CleanUp (call it from TestMain). A failed build fails every test that asks.
func Demo(t testing.TB) *Site {
	t.Helper()
	demo.once.Do(func() {
		if demo.dir, demo.err = os.MkdirTemp("", "guidepack-demo-"); demo.err != nil {
			return
		}
		root := filepath.Join(demo.dir, "project")
		if demo.err = copyRepo(root); demo.err != nil {
			return
		}
		demo.site.Root = root
		if demo.site.Result, demo.err = build.Run(build.Options{Root: root}); demo.err != nil {
			return
		}
		demo.unzipped, demo.err = unzip(demo.site.Result.Zip, filepath.Join(demo.dir, "unzipped"), demo.site.Result.Pack.Name())
	})
	if demo.err != nil {
		t.Fatalf("the demo pack does not build:\n%v", demo.err)
	}
	s := demo.site
	s.T = t
	return &s
}

// DemoUnzipped returns the folder of the demo pack's zip, unzipped once (where
// its index.html is). Tests must only read it.
func DemoUnzipped(t testing.TB) string {
	t.Helper()
	Demo(t)
	return demo.unzipped
}

// CleanUp removes the shared demo pack, if one was built.
func CleanUp() {
	if demo.dir != "" {
		os.RemoveAll(demo.dir)
	}
}

// Unzip extracts the built zip into a new temporary folder and returns the path
// of the pack's top folder inside it (where index.html is).
func (s *Site) Unzip() string {
	s.T.Helper()
	dir, err := unzip(s.Result.Zip, s.T.TempDir(), s.Result.Pack.Name())
	if err != nil {
		s.T.Fatal(err)
	}
	return dir
}

// unzip extracts zipFile into dir and returns the path of its top folder, top.
func unzip(zipFile, dir, top string) (string, error) {
	zr, err := zip.OpenReader(zipFile)
	if err != nil {
		return "", err
	}
	defer zr.Close()
	for _, f := range zr.File {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if !strings.HasPrefix(p, dir+string(filepath.Separator)) {
			return "", fmt.Errorf("zip entry %q points outside the folder", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			return "", err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return "", err
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return "", err
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return "", err
		}
	}
	return filepath.Join(dir, top), nil
}
