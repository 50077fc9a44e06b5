package bench

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Edits are the times from saving a file to `guidepack serve` serving the
// changed page, medians of several edits.
type Edits struct {
	Page, Scenario time.Duration
	Runs           int
}

// ServeEdits starts `guidepack serve` on a generated pack, edits a page and a
// scenario runs times each, and times each edit from the write to the first
// response of the served page that shows it (polled every 10 ms). It leaves the
// page and the scenario as it found them.
func ServeEdits(self, pack string, runs int) (Edits, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return Edits{}, err
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	var log bytes.Buffer
	cmd := exec.Command(self, "serve", "-C", pack, "-port", fmt.Sprint(port))
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		return Edits{}, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		select {
		case <-exited:
		case <-time.After(30 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
	}()
	base := fmt.Sprintf("http://127.0.0.1:%d/", port)
	// waitFor polls url until its body holds want; it fails if serve ends or
	// limit passes.
	waitFor := func(url, want string, limit time.Duration) error {
		deadline := time.Now().Add(limit)
		for {
			if resp, err := http.Get(url); err == nil {
				b, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if bytes.Contains(b, []byte(want)) {
					return nil
				}
			}
			select {
			case err := <-exited:
				exited <- err
				return fmt.Errorf("guidepack serve ended (%v):\n%s", err, log.String())
			case <-time.After(10 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("%s did not show %q within %s; serve said:\n%s", url, want, limit, log.String())
			}
		}
	}
	page := filepath.Join(pack, "content", "s00", "t00", "p000.md")
	pageURL := base + "s00/t00/p000.html"
	sc := filepath.Join(pack, "scenarios", "gen-001.yaml")
	scURL := base + "scenarios/gen-001.html"
	if err := waitFor(pageURL, "</html>", 10*time.Minute); err != nil {
		return Edits{}, err
	}
	if err := waitFor(scURL, "</html>", time.Minute); err != nil {
		return Edits{}, err
	}
	// The pack is left as it was found, so a second measure of it edits the
	// same text again; the marks differ from any an earlier run left, even so.
	for _, f := range []string{page, sc} {
		b, err := os.ReadFile(f)
		if err != nil {
			return Edits{}, err
		}
		defer os.WriteFile(f, b, 0o644)
	}
	nonce := time.Now().UnixNano()
	var pages, scs []time.Duration
	for i := range max(runs, 1) {
		mark := fmt.Sprintf("Editedpage%dmark%x", i, nonce)
		d, err := edit(page, func(b []byte) []byte { return append(b, "\n\n"+mark+" here.\n"...) }, func() error { return waitFor(pageURL, mark, time.Minute) })
		if err != nil {
			return Edits{}, err
		}
		pages = append(pages, d)
		mark = fmt.Sprintf("Editedscenario%dmark%x", i, nonce)
		d, err = edit(sc, func(b []byte) []byte {
			return bytes.Replace(b, []byte("situation: "), []byte("situation: "+mark+" "), 1)
		}, func() error { return waitFor(scURL, mark, time.Minute) })
		if err != nil {
			return Edits{}, err
		}
		scs = append(scs, d)
	}
	return Edits{Page: median(pages), Scenario: median(scs), Runs: len(pages)}, nil
}

// edit rewrites file with change and times how long until shown returns.
func edit(file string, change func([]byte) []byte, shown func() error) (time.Duration, error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	start := time.Now()
	if err := os.WriteFile(file, change(b), 0o644); err != nil {
		return 0, err
	}
	if err := shown(); err != nil {
		return 0, err
	}
	return time.Since(start), nil
}

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// demoFiles are what a pack's project holds: the demo pack is copied from them.
var demoFiles = []string{"config.toml", "content", "data", "scenarios", "layouts", "assets"}

// Warm copies the project at repo (the README's demo pack) into tmp, builds it
// once, then times runs more builds of it with nothing changed (a warm build,
// found up to date) and runs forced builds (-force: everything built again,
// with the generated folder and the last output in place); the medians.
func Warm(self, repo, tmp string, runs int) (warm, forced time.Duration, err error) {
	dir := filepath.Join(tmp, "demo")
	if err := os.RemoveAll(dir); err != nil {
		return 0, 0, err
	}
	for _, name := range demoFiles {
		if err := copyTree(filepath.Join(repo, name), filepath.Join(dir, name)); err != nil {
			return 0, 0, err
		}
	}
	var warms, forceds []time.Duration
	for i := range max(runs, 1) + 1 {
		for _, force := range []bool{false, true} {
			args := []string{"build", "-C", dir}
			if force {
				args = append(args, "-force")
			}
			out, wall, _, _, err := child(self, args...)
			if err != nil {
				return 0, 0, fmt.Errorf("build of the demo pack: %v\n%s", err, strings.TrimSpace(string(out)))
			}
			switch {
			case i == 0: // the first build, from nothing
			case force:
				forceds = append(forceds, wall)
			case !bytes.Contains(out, []byte(" is up to date")):
				return 0, 0, fmt.Errorf("a build of the demo pack with nothing changed was not up to date:\n%s", out)
			default:
				warms = append(warms, wall)
			}
		}
	}
	return median(warms), median(forceds), nil
}

// Commit names the project's commit, as git describes it (with -dirty for
// uncommitted changes); "" where git cannot say.
func Commit(repo string) string {
	out, err := exec.Command("git", "-C", repo, "log", "-1", "--format=%h %s").Output()
	if err != nil {
		return ""
	}
	c := strings.TrimSpace(string(out))
	if st, err := exec.Command("git", "-C", repo, "status", "--porcelain", "--untracked-files=no").Output(); err == nil && len(bytes.TrimSpace(st)) > 0 {
		c += " (with uncommitted changes)"
	}
	return c
}
