package main

import (
	"archive/zip"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/lock"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"guidepack": func() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) },
		"holdlock":  holdLock,
	})
}

// update rewrites the files the scripts compare with (cmp stderr want.txt) to
// what the command printed: go test ./tools/guidepack -run TestScripts -args -u,
// then read the diff.
var update = flag.Bool("u", false, "update the pinned output in testdata/script/*.txtar")

// TestScripts runs testdata/script/*.txtar: the command as an author meets it.
// Each script's folder gets the repository's config.toml, layouts/, assets/ and
// data/codes.yaml, unless the script brings its own.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			l, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				return err
			}
			env.Setenv("PORT", fmt.Sprint(l.Addr().(*net.TCPAddr).Port))
			l.Close()
			return withRepoTheme(env.WorkDir)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"waitfor":  waitFor,
			"waitgone": waitGone,
			"waitfile": waitFile,
			"files":    listFiles,
			"zipfiles": zipFiles,
			"padfile":  padFile,
			"param":    setParam,
		},
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

// waitGone URL TEXT SECONDS: fetch URL until it answers and its body no longer
// holds TEXT, for at most SECONDS.
func waitGone(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 3 {
		ts.Fatalf("usage: waitgone URL TEXT SECONDS")
	}
	secs, _ := strconv.Atoi(args[2])
	start := time.Now()
	var last string
	for time.Since(start) < time.Duration(secs)*time.Second {
		if resp, err := http.Get(args[0]); err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			last = string(b)
			if resp.StatusCode == http.StatusOK && !strings.Contains(last, args[1]) {
				ts.Logf("%q went after %s", args[1], time.Since(start).Round(time.Millisecond))
				return
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	ts.Fatalf("%s: %q still there after %s:\n%s", args[0], args[1], args[2]+"s", last)
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

// holdLock (a command in scripts) takes the project's build lock in the
// current folder as a build would, writes the file "held", and holds the lock
// until it is killed.
func holdLock() {
	if _, err := lock.Acquire(filepath.Join(build.Work, "lock"), lock.Options{Command: "build"}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile("held", nil, 0o644); err != nil {
		os.Exit(1)
	}
	select {}
}

// waitFile FILE SECONDS: wait until FILE exists, for at most SECONDS.
func waitFile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: waitfile FILE SECONDS")
	}
	secs, _ := strconv.Atoi(args[1])
	for start := time.Now(); time.Since(start) < time.Duration(secs)*time.Second; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(ts.MkAbs(args[0])); err == nil {
			return
		}
	}
	ts.Fatalf("%s did not appear within %ss", args[0], args[1])
}

// listFiles DIR: print the files under DIR, as sorted slash paths, one a line.
func listFiles(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: files DIR")
	}
	var names []string
	dir := ts.MkAbs(args[0])
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, filepath.ToSlash(rel))
		}
		return err
	})
	ts.Check(err)
	sort.Strings(names)
	fmt.Fprint(ts.Stdout(), strings.Join(names, "\n")+"\n")
}

// zipFiles ZIP DIR: print the files under DIR in the zip's top folder, as
// listFiles does.
func zipFiles(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: zipfiles ZIP DIR")
	}
	zr, err := zip.OpenReader(ts.MkAbs(args[0]))
	ts.Check(err)
	defer zr.Close()
	var names []string
	for _, f := range zr.File {
		_, rel, _ := strings.Cut(f.Name, "/")
		if rest, ok := strings.CutPrefix(rel, args[1]+"/"); ok && !strings.HasSuffix(rest, "/") {
			names = append(names, rest)
		}
	}
	sort.Strings(names)
	fmt.Fprint(ts.Stdout(), strings.Join(names, "\n")+"\n")
}

// padfile FILE KB: write FILE of KB kibibytes (an XML comment), to try size limits.
func padFile(ts *testscript.TestScript, neg bool, args []string) {
	kb, err := strconv.Atoi(args[len(args)-1])
	if neg || len(args) != 2 || err != nil {
		ts.Fatalf("usage: padfile FILE KB")
	}
	body := "<!--" + strings.Repeat("x", kb*1024-7) + "-->"
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(body), 0o644))
}

// setParam KEY VALUE: set KEY = VALUE under [params] in config.toml (VALUE as
// TOML writes it: "error", with its quotes), replacing the line that sets KEY.
func setParam(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: param KEY VALUE")
	}
	name := ts.MkAbs("config.toml")
	b, err := os.ReadFile(name)
	ts.Check(err)
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == args[0] && f[1] == "=" {
			continue
		}
		out = append(out, line)
		if strings.TrimSpace(line) == "[params]" {
			out = append(out, "  "+args[0]+" = "+args[1])
		}
	}
	ts.Check(os.WriteFile(name, []byte(strings.Join(out, "\n")), 0o644))
}
