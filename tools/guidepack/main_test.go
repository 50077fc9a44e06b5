package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/sitetest"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"guidepack": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txtar: the command as an author meets it.
// Each script's folder gets the repository's config.toml, layouts/, assets/ and
// data/codes.yaml, unless the script brings its own.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:   "testdata/script",
		Setup: func(env *testscript.Env) error { return withRepoTheme(env.WorkDir) },
	})
}

func withRepoTheme(dir string) error {
	repo := sitetest.Repo()
	for _, name := range []string{"config.toml", "layouts", "assets", "data/codes.yaml"} {
		err := filepath.WalkDir(filepath.Join(repo, name), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repo, p)
			to := filepath.Join(dir, rel)
			if _, err := os.Stat(to); err == nil {
				return nil // the script's own file wins
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
				return err
			}
			return os.WriteFile(to, b, 0o644)
		})
		if err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}
