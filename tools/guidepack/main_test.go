package main

import (
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

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
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return err
			}
			env.Setenv("PORT", fmt.Sprint(l.Addr().(*net.TCPAddr).Port))
			l.Close()
			return withRepoTheme(env.WorkDir)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){"waitfor": waitFor},
	})
}

// waitFor URL TEXT SECONDS: fetch URL until its body holds TEXT, for at most
// SECONDS; print how long it took.
func waitFor(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: waitfor URL TEXT SECONDS")
	}
	secs, _ := strconv.Atoi(args[2])
	start := time.Now()
	for time.Since(start) < time.Duration(secs)*time.Second {
		if resp, err := http.Get(args[0]); err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if strings.Contains(string(b), args[1]) {
				ts.Logf("%q appeared after %s", args[1], time.Since(start).Round(time.Millisecond))
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	ts.Fatalf("%s: %q did not appear within %s", args[0], args[1], args[2]+"s")
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
