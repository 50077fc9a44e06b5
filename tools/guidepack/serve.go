package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/parallel"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/scenario"
	"github.com/guidepack/guidepack/tools/internal/site"
)

// cmdServe runs Hugo's live-reload server on the project and watches scenarios/:
// an edit to a scenario is compiled into the generated folder Hugo mounts, so the
// browser reloads with it; a broken scenario is reported in the terminal and on
// every page (a banner) until it is fixed.
func cmdServe(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	dir := fs.String("C", ".", "the project folder (holds config.toml)")
	port := fs.Int("port", 1313, "the port to serve on (127.0.0.1 only)")
	noWait := fs.Bool("no-wait", false, "fail at once, rather than wait, while a build runs in the folder")
	if err := fs.Parse(args); err != nil {
		return err
	}
	root, err := filepath.Abs(*dir)
	if err != nil {
		return err
	}
	// The generated folder is a build's too: serve writes it holding the
	// project's lock, and first completes a publish an interrupted build left.
	held, err := build.Hold(root, build.HoldOptions{Command: "serve", NoWait: *noWait, Notes: stderr})
	if err != nil {
		return err
	}
	compile := func() {
		l := held // the first compile's, taken above; each later one takes its own
		held = nil
		if l == nil {
			var herr error
			if l, herr = build.Hold(root, build.HoldOptions{Command: "serve", Notes: stderr}); herr != nil {
				diag.Print(stderr, herr)
				return
			}
		}
		defer l.Release()
		prep, err := build.Prepare(root)
		writeServeErrors(root, err)
		writeServeMaps(root, prep.Loaded)
		if err != nil {
			diag.Print(stderr, err)
			return
		}
		for _, w := range prep.Warnings {
			diag.PrintWarning(stderr, w.String())
		}
		fmt.Fprintf(stdout, "guidepack: %d scenarios compiled at %s\n", prep.Scenarios, time.Now().Format("15:04:05"))
	}
	compile()
	stop, err := watch(filepath.Join(root, "scenarios"), compile)
	if err != nil {
		return err
	}
	defer stop()
	fmt.Fprintf(stdout, "guidepack: serving on http://127.0.0.1:%d/ (Ctrl+C to stop)\n", *port)
	return site.Serve(root, "--bind", "127.0.0.1", "--port", fmt.Sprint(*port))
}

// writeServeErrors writes the scenario errors where the layouts show them as a
// banner in the preview (site.Data.guidepack_errors), or removes them.
func writeServeErrors(root string, err error) {
	p := filepath.Join(build.GenDir(root), "data", "guidepack_errors.json")
	if err == nil {
		os.Remove(p)
		return
	}
	b, _ := json.Marshal(map[string]any{"lines": strings.Split(strings.TrimSpace(err.Error()), "\n")})
	os.WriteFile(p, b, 0o644)
}

// authorMap is one scenario's map for authors, as serve writes it for the
// preview's scenario-maps.html (layouts/author-maps.html).
type authorMap struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	File     string `json:"file"`
	Problems int    `json:"problems"` // steps marked as a problem
	SVG      string `json:"svg"`
}

// writeServeMaps writes the map of every scenario read, sound or not, drawn for
// authors (quiz.AuthorMap: problem steps and what a variant changes marked), where
// the preview's scenario-maps.html reads them (site.Data.guidepack_maps).
func writeServeMaps(root string, scs []*scenario.Scenario) {
	p := filepath.Join(build.GenDir(root), "data", "guidepack_maps.json")
	maps := make([]authorMap, len(scs))
	parallel.For(len(scs), func(i int) {
		s := scs[i]
		maps[i] = authorMap{ID: s.ID, Title: s.Title, File: s.File, SVG: quiz.AuthorMap(s).SVG, Problems: s.Paths().Steps()}
	})
	b, _ := json.Marshal(map[string]any{"maps": maps})
	if old, err := os.ReadFile(p); err == nil && string(old) == string(b) {
		return // unchanged: no rebuild for it
	}
	os.WriteFile(p, b, 0o644)
}

// watch calls f (debounced) when a file in dir changes.
func watch(dir string, f func()) (stop func(), err error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	if err := w.Add(dir); err != nil {
		return nil, err
	}
	go func() {
		var timer *time.Timer
		for {
			select {
			case ev, ok := <-w.Events:
				if !ok {
					return
				}
				if ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Remove|fsnotify.Rename) == 0 {
					continue
				}
				if timer != nil {
					timer.Stop()
				}
				timer = time.AfterFunc(100*time.Millisecond, f)
			case _, ok := <-w.Errors:
				if !ok {
					return
				}
			}
		}
	}()
	return func() { w.Close() }, nil
}
