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
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
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

// Rebuild builds the project again (after a test changed its files).
func (s *Site) Rebuild() error {
	s.Result, s.Err = build.Run(build.Options{Root: s.Root})
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
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// CopyRepo copies the repository's pack (config.toml, content/, data/, scenarios/,
// layouts/, assets/) into a new temporary project, so tests build the demo pack
// without touching the working tree's public/, dist/ or .guidepack/.
func CopyRepo(t testing.TB) string {
	t.Helper()
	root := t.TempDir()
	repo := Repo()
	for _, name := range []string{"config.toml", "content", "data", "scenarios", "layouts", "assets", "static"} {
		err := filepath.WalkDir(filepath.Join(repo, name), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repo, p)
			return copyFile(p, filepath.Join(root, rel))
		})
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	return root
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

// Unzip extracts the built zip into a new temporary folder and returns the path
// of the pack's top folder inside it (where index.html is).
func (s *Site) Unzip() string {
	s.T.Helper()
	dir := s.T.TempDir()
	zr, err := zip.OpenReader(s.Result.Zip)
	if err != nil {
		s.T.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if !strings.HasPrefix(p, dir+string(filepath.Separator)) {
			s.T.Fatalf("zip entry %q points outside the folder", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			s.T.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			s.T.Fatal(err)
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			s.T.Fatal(err)
		}
	}
	return filepath.Join(dir, s.Result.Pack.Name())
}
