package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/parallel"
	"github.com/guidepack/guidepack/tools/internal/preview"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/scenario"
	"github.com/guidepack/guidepack/tools/internal/site"
)

// cmdServe runs Hugo's live-reload server on the project and watches what
// authors edit (content/, data/, scenarios/, config.toml): on each save the
// authored files are checked and the scenarios compiled into the generated
// folder Hugo mounts. Every mistake, found then or by the layouts as Hugo
// renders, is shown in the terminal and in a banner on every page until it is
// fixed (package preview).
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
	banner := preview.NewBanner(root, stderr)
	lastGood := preview.LastGood{}
	var config string
	var prepared build.Cache
	var maps authorMaps
	var compiling sync.Mutex // a save during a compile waits for it: the cache is for one at a time
	compile := func() {
		compiling.Lock()
		defer compiling.Unlock()
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
		prep, err := prepared.Prepare(root)
		maps = writeServeMaps(root, prep.Loaded, maps)
		ps := build.ConfigProblems(root)
		var more diag.Problems
		switch {
		case errors.As(err, &more):
			ps = append(ps, more...)
		case err != nil:
			ps = append(ps, diag.Problem{Msg: err.Error()})
		}
		ps = ps.Sorted()
		// Hugo reads what it can: a file it cannot read at all is left out
		// of the preview (the banner says why) rather than fail every page.
		if c, cerr := preview.WriteConfig(root, build.GenDir(root), preview.Unreadable(root, ps), lastGood); cerr != nil {
			diag.Print(stderr, cerr)
		} else {
			config = c
		}
		if err := banner.Prepared(ps); err != nil {
			diag.Print(stderr, err)
		}
		if len(ps) > 0 {
			diag.Print(stderr, ps)
			return
		}
		diag.PrintWarnings(stderr, prep.Warnings)
		fmt.Fprintf(stdout, "guidepack: %d scenarios compiled at %s\n", prep.Scenarios, time.Now().Format("15:04:05"))
	}
	compile()
	if config == "" {
		return errors.New("serve: no configuration for Hugo (see above)")
	}
	var watched []string
	for _, d := range []string{"content", "data", "scenarios"} {
		watched = append(watched, filepath.Join(root, d))
	}
	stop, err := watch(root, watched, compile)
	if err != nil {
		return err
	}
	defer stop()
	fmt.Fprintf(stdout, "guidepack: serving on http://127.0.0.1:%d/ (Ctrl+C to stop)\n", *port)
	hugoLog := func(line string) {
		if !banner.Line(line) {
			fmt.Fprintln(stderr, line)
		}
	}
	return site.Serve(root, hugoLog, "--config", config, "--bind", "127.0.0.1", "--port", fmt.Sprint(*port))
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

// authorMaps are the maps drawn, by scenario (build.Cache gives the same
// *scenario.Scenario again for a file unchanged, whose map is not drawn
// again), and the file written of them.
type authorMaps struct {
	drawn map[*scenario.Scenario]authorMap
	order []*scenario.Scenario // as written
	size  int64                // the file's size and time as written
	mtime time.Time
}

// writeServeMaps writes the map of every scenario read, sound or not, drawn for
// authors (quiz.AuthorMap: problem steps and what a variant changes marked), where
// the preview's scenario-maps.html reads them (site.Data.guidepack_maps). Only
// the scenarios last has not drawn are drawn, and the file is left alone when
// it would not change; it returns what it drew and wrote.
func writeServeMaps(root string, scs []*scenario.Scenario, last authorMaps) authorMaps {
	p := filepath.Join(build.GenDir(root), "data", "guidepack_maps.json")
	if slices.Equal(scs, last.order) {
		if fi, err := os.Stat(p); err == nil && fi.Size() == last.size && fi.ModTime().Equal(last.mtime) {
			return last // the same scenarios, drawn and written as they are
		}
	}
	maps := make([]authorMap, len(scs))
	parallel.For(len(scs), func(i int) {
		s := scs[i]
		if m, ok := last.drawn[s]; ok {
			maps[i] = m
			return
		}
		maps[i] = authorMap{ID: s.ID, Title: s.Title, File: s.File, SVG: quiz.AuthorMap(s).SVG, Problems: s.Paths().Steps()}
	})
	now := authorMaps{drawn: make(map[*scenario.Scenario]authorMap, len(scs))}
	for i, s := range scs {
		now.drawn[s] = maps[i]
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // data for Hugo: SVG as it is, a seventh smaller
	enc.Encode(map[string]any{"maps": maps})
	b := buf.Bytes()
	if old, err := os.ReadFile(p); err != nil || string(old) != string(b) {
		if os.WriteFile(p, b, 0o644) != nil {
			return now // not written: written again next time
		}
	} // else unchanged: no rebuild for it
	if fi, err := os.Stat(p); err == nil {
		now.order, now.size, now.mtime = slices.Clone(scs), fi.Size(), fi.ModTime()
	}
	return now
}

// watch calls f (debounced) when a file changes in one of dirs (and the folders
// in them, as they come) or root's config.toml.
func watch(root string, dirs []string, f func()) (stop func(), err error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	add := func(dir string) error {
		return filepath.WalkDir(dir, func(p string, d iofs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				return w.Add(p)
			}
			return nil
		})
	}
	for _, d := range dirs {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
		if err := add(d); err != nil {
			return nil, err
		}
	}
	if err := w.Add(root); err != nil { // for config.toml
		return nil, err
	}
	config := filepath.Join(root, "config.toml")
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
				if filepath.Dir(ev.Name) == root && ev.Name != config {
					continue // public/, .guidepack/ and the like
				}
				if ev.Op&fsnotify.Create != 0 {
					if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
						add(ev.Name)
					}
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
