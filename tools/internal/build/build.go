// Package build runs the whole pack build: scenarios, Hugo, search index, offline
// check, zip; and only when every stage has passed, swaps the result into public/
// and dist/. A failed build leaves the previous public/ and zip as they were.
package build

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/download"
	"github.com/guidepack/guidepack/tools/internal/keep"
	"github.com/guidepack/guidepack/tools/internal/linkpolicy"
	"github.com/guidepack/guidepack/tools/internal/memtune"
	"github.com/guidepack/guidepack/tools/internal/pack"
	"github.com/guidepack/guidepack/tools/internal/procmem"
	"github.com/guidepack/guidepack/tools/internal/publish"
	"github.com/guidepack/guidepack/tools/internal/site"
	"github.com/guidepack/guidepack/tools/internal/stamp"
)

// Options locate the project and its outputs.
type Options struct {
	Root   string // the project folder (holds config.toml)
	Public string // the site folder; default Root/public
	Dist   string // the zip folder; default Root/dist
	// HugoProcess, when set, is the program (guidepack itself) to run Hugo in
	// a child process (site.BuildProcess) for packs big enough to need it
	// (memtune.HugoApart): the stages after Hugo then start with none of
	// Hugo's memory. Empty: Hugo runs in this process.
	HugoProcess string
	// NoWait makes the build fail at once, rather than wait, while another
	// build (or serve) holds the project's lock.
	NoWait bool
	// Notes is where the build says that it waits for another, or what it did
	// about one that was interrupted. Nil: nowhere.
	Notes io.Writer
	// Force builds even when nothing has changed since the last good build.
	Force bool
}

// Stage is one timed step of a build.
type Stage struct {
	Name    string
	Took    time.Duration
	PeakRSS int64 // bytes: the process's peak resident memory during the stage (Linux; 0 elsewhere)
}

// Result says what a successful build made.
type Result struct {
	Pack      Pack
	Pages     int
	Scenarios int
	Site      string // the public folder
	Zip       string // the zip's path in Dist
	ZipSize   int64
	Stages    []Stage
	Took      time.Duration
	// Warnings are problems that did not stop the build (overdue reviews),
	// each printed as file:line:col: what, with its hint lines.
	Warnings diag.Problems
	// UpToDate says that nothing had changed since the last good build (no
	// source, no output, not guidepack itself): it was not built again, and
	// the rest is that build's report (Took and Stages excepted).
	UpToDate bool `json:",omitempty"`
}

// afterStage, when set (by tests), runs after each stage that passed, with
// the project folder: a test disturbs the build there.
var afterStage func(stage, root string)

// Work is where a build keeps its generated and staged files, inside the project.
const Work = ".guidepack"

// GenDir is the folder of generated content and data that config.toml mounts
// into Hugo's content/ and data/.
func GenDir(root string) string { return filepath.Join(root, Work, "gen") }

// Run builds the pack. Errors name files relative to the project root.
func Run(o Options) (*Result, error) {
	root, err := filepath.Abs(o.Root)
	if err != nil {
		return nil, err
	}
	res, err := run(o)
	return res, authorFacing(root, err)
}

func run(o Options) (*Result, error) {
	if o.Root == "" {
		o.Root = "."
	}
	root, err := filepath.Abs(o.Root)
	if err != nil {
		return nil, err
	}
	if o.Public == "" {
		o.Public = filepath.Join(root, "public")
	}
	if o.Dist == "" {
		o.Dist = filepath.Join(root, "dist")
	}
	held, err := Hold(root, HoldOptions{Command: "build", NoWait: o.NoWait, Notes: o.Notes})
	if err != nil {
		return nil, err
	}
	defer held.Release()
	start := time.Now() // once the lock is held: the time waited is not the build's
	// Nothing changed since the last good build: its output is this one's.
	stampFile := filepath.Join(root, Work, "stamp.json")
	sources, serr := stamp.Sources(root, o.Public, o.Dist)
	if serr == nil && !o.Force {
		if res := upToDate(stampFile, sources, o); res != nil {
			res.Took = time.Since(start)
			res.Stages = []Stage{{Name: "up to date", Took: res.Took}}
			return res, nil
		}
	}
	p, err := readPack(root)
	var configProblems diag.Problems // reported with the authored files' own, in one run
	if err != nil && !errors.As(err, &configProblems) {
		return nil, err
	}
	res := &Result{Pack: p, Site: o.Public}
	// removed says whether the work folder (and the lock in it) was removed
	// while the build ran.
	removed := func() error {
		if held.Check() != nil {
			return errors.New(Work + "/ was removed while the build ran; nothing was published\nhint: build again, and leave " + Work + "/ alone while a build runs")
		}
		return nil
	}
	stage := func(name string, f func() error) error {
		procmem.ResetPeak()
		t := time.Now()
		err := f()
		res.Stages = append(res.Stages, Stage{name, time.Since(t), procmem.Peak()})
		if err == nil && afterStage != nil {
			afterStage(name, root)
		}
		if err != nil || name != "publish" {
			if rerr := removed(); rerr != nil {
				return rerr // whatever else went wrong, this is why
			}
		}
		return err
	}
	work := filepath.Join(root, Work)
	stageDir := filepath.Join(work, "stage")
	staged := filepath.Join(stageDir, "site")
	if err := clearStage(work); err != nil {
		return nil, err
	}

	var prep Prepared
	var want manifest
	if err := stage("scenarios", func() (err error) {
		prep, err = Prepare(root)
		err = withProblems(err, configProblems)
		res.Scenarios = prep.Scenarios
		res.Warnings = append(res.Warnings, prep.Warnings...)
		if err == nil {
			err = want.addGenerated(root)
		}
		return err
	}); err != nil {
		return nil, err
	}
	memtune.GiveBack() // before Hugo: the scenarios' memory is garbage now
	var hugoPeak int64
	scan := newScanner(staged)
	if err := stage("hugo", func() (err error) {
		if o.HugoProcess == "" || !memtune.HugoApart(prep.Pages+prep.Scenarios) {
			return HugoProblems(root, site.Build(root, staged))
		}
		// Hugo writes the site in a child process; this one reads the pages
		// it has written, on the cores Hugo leaves idle.
		if err := os.MkdirAll(staged, 0o755); err != nil {
			return err
		}
		scan.watch()
		hugoPeak, err = site.BuildProcess(o.HugoProcess, root, staged, memtune.HugoBudget(prep.Pages+prep.Scenarios), held.File())
		return HugoProblems(root, err)
	}); err != nil {
		scan.abandon()
		return nil, err
	}
	// Hugo's child and this process were both in memory: hugoPeak counts both.
	if hugoPeak > 0 {
		res.Stages[len(res.Stages)-1].PeakRSS = hugoPeak
	}
	memtune.GiveBack()        // Hugo's pages are garbage now: give their memory back
	publish.StartSync(staged) // to disk while the stages after Hugo run: publishing then waits less
	var sc *scanned
	if err := stage("scan", func() (err error) { sc, err = scan.finish(); return err }); err != nil {
		return nil, err
	}
	if err := stage("search", func() error {
		chunks, err := indexSearch(staged, sc, prep.Synonyms)
		want.add(chunks...)
		return err
	}); err != nil {
		return nil, err
	}
	if err := stage("check", func() error {
		rep, err := checkOffline(root, staged, sc)
		sc.search, sc.check = nil, nil
		res.Pages = rep.Pages
		if err == nil {
			err = want.addListed(staged)
		}
		return err
	}); err != nil {
		return nil, err
	}
	zipName := p.Name() + ".zip"
	stagedZip := filepath.Join(stageDir, zipName)
	if err := stage("zip", func() error {
		if err := writeZip(staged, stagedZip, p, prep.Changes, sc); err != nil {
			return err
		}
		fi, err := os.Stat(stagedZip)
		if err != nil {
			return err
		}
		res.ZipSize = fi.Size()
		if err := download.Link(staged, stagedZip, fi.Size()); err != nil {
			return err
		}
		want.add("download/" + zipName)
		return nil
	}); err != nil {
		return nil, err
	}
	if err := stage("keep", func() error {
		made, err := keepPack(root, staged, p, sc.known)
		want.add(made...)
		delete(want.files, keep.Code) // turned into the worker
		return err
	}); err != nil {
		return nil, err
	}
	res.Zip = filepath.Join(o.Dist, zipName)
	if err := stage("publish", func() error {
		// Last check: the staged site and zip hold every file the build
		// made or expected, and the work folder is still this build's.
		if err := removed(); err != nil {
			return err
		}
		if err := want.verify(staged, stagedZip, p.Name()); err != nil {
			return err
		}
		return publish.Publish(work, publish.Plan{Site: o.Public, Zip: res.Zip, NewSite: staged, NewZip: stagedZip, Version: p.Params.Version}, publish.OS)
	}); err != nil {
		return nil, err
	}
	res.Took = time.Since(start)
	// The stamp says what this build read, if nothing changed while it ran.
	if after, err := stamp.Sources(root, o.Public, o.Dist); serr == nil && err == nil && after == sources {
		writeStamp(stampFile, sources, res)
	}
	return res, nil
}

// upToDate returns the last good build's result when its stamp holds these
// sources and its site and zip are as it left them; else nil.
func upToDate(file, sources string, o Options) *Result {
	s, ok := stamp.Read(file)
	if !ok || s.Sources != sources {
		return nil
	}
	var res Result
	if json.Unmarshal(s.Result, &res) != nil || res.Site != o.Public || filepath.Dir(res.Zip) != o.Dist {
		return nil
	}
	if out, err := stamp.Outputs(res.Site, res.Zip); err != nil || out != s.Outputs {
		return nil
	}
	res.UpToDate = true
	return &res
}

// writeStamp records a good build. A stamp only saves time: one that cannot be
// written means the next build runs in full.
func writeStamp(file, sources string, res *Result) {
	out, err := stamp.Outputs(res.Site, res.Zip)
	if err != nil {
		return
	}
	b, err := json.Marshal(res)
	if err != nil {
		return
	}
	stamp.Write(file, stamp.Stamp{Sources: sources, Outputs: out, Result: b})
}

// builtinPages are the pages every pack has, unless content/ has a file of the
// same name to replace it: the download page (its layout holds the element the
// build fills with the zip link), the search page, the A–Z index and What's new
// (with its Atom feed, whats-new.xml).
var builtinPages = map[string]string{
	"download.md": `---
title: Download this pack
description: Get the whole pack as one zip file to use with no internet connection.
layout: download
---
`,
	"search.md": `---
title: Search
description: Search the guidance, common questions, case examples, codes and scenarios.
layout: search
noindex: true
---
`,
	"whats-new.md": `---
title: What's new
description: What changed in each version of this pack, newest first.
layout: whats-new
outputs: [html, atom]
print: false
---
`,
	"a-z.md": `---
title: A–Z index
description: Every page, question, case, code, scenario and key term in this pack, from A to Z.
layout: a-z
noindex: true
---
`,
}

// WriteBuiltinPages writes the built-in pages into the generated content folder
// and the link rule into the generated data folder (and creates the generated
// folders Hugo mounts).
func WriteBuiltinPages(root string) error {
	gen := GenDir(root)
	for _, d := range []string{filepath.Join(gen, "content"), filepath.Join(gen, "data")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	// The link rule, for the link render hook.
	if err := linkpolicy.Write(filepath.Join(gen, "data")); err != nil {
		return err
	}
	// The authoring guide, in serve only (the adapter adds nothing to a build).
	// A project with a content adapter of its own at the top keeps it.
	guide := filepath.Join(gen, "content", "_content.gotmpl")
	if _, err := os.Stat(filepath.Join(root, "content", "_content.gotmpl")); err == nil {
		if err := os.RemoveAll(guide); err != nil {
			return err
		}
	} else if err := writeIfChanged(guide, []byte(serveGuide)); err != nil {
		return err
	}
	for name, page := range builtinPages {
		p := filepath.Join(gen, "content", name)
		if _, err := os.Stat(filepath.Join(root, "content", name)); err == nil {
			if err := os.RemoveAll(p); err != nil {
				return err
			}
			continue
		}
		if err := writeIfChanged(p, []byte(page)); err != nil {
			return err
		}
	}
	return nil
}

// serveGuide is the content adapter of the preview's pages for authors, linked
// from its banner (layouts/_partials/serve-banner.html): docs/authoring.md, the
// authors' guide (authoring.html; its first "# " heading is the title), and the
// maps of the scenarios with their problems marked (scenario-maps.html, from
// what serve writes: see cmdServe). Only under `guidepack serve`
// (hugo.IsServer): they are for authors, so a build never has them, and the
// zip, hosted site, print pages, search and A–Z stay the readers'.
const serveGuide = `{{- /* Written by guidepack: in guidepack serve only, the scenario maps for authors
(data/guidepack_maps.json, written by serve) as scenario-maps.html, and docs/authoring.md as authoring.html. */ -}}
{{- if and hugo.IsServer hugo.Data.guidepack_maps }}
  {{- $.AddPage (dict "kind" "page" "path" "scenario-maps" "title" "Scenario maps for authors" "layout" "author-maps"
    "params" (dict "noindex" true "print" false "authors" true)) }}
{{- end }}
{{- if and hugo.IsServer (os.FileExists "docs/authoring.md") }}
  {{- $md := os.ReadFile "docs/authoring.md" }}
  {{- $title := "Authoring guide" }}
  {{- with findRESubmatch ` + "`" + `\A# (.+)\n` + "`" + ` $md 1 }}{{ $title = index (index . 0) 1 }}{{ end }}
  {{- $.AddPage (dict
    "kind" "page"
    "path" "authoring"
    "title" $title
    "params" (dict "noindex" true "print" false "authors" true)
    "content" (dict "mediaType" "text/markdown" "value" (replaceRE ` + "`" + `\A# .+\n` + "`" + ` "" $md 1))
  ) }}
{{- end }}
`

// writeIfChanged writes b to p unless p already holds it (an unchanged file
// keeps its time, so a running serve does not rebuild for nothing).
func writeIfChanged(p string, b []byte) error {
	if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, b) {
		return nil
	}
	return os.WriteFile(p, b, 0o644)
}

// readme is the README.txt at the top of the zip; changes is what changed in
// this version (from data/changes.yaml), or "".
func readme(p Pack, changes string) []byte {
	if changes != "" {
		changes = "\n" + changes
	}
	return []byte(fmt.Sprintf(`%s
Version %s (%s)

To use this pack, open the file index.html in this folder.
It opens in your web browser and works with no internet connection.

Check for a newer version at %s
%s`, p.Title, p.Params.Version, p.Params.Released, p.Params.WebAddress, changes))
}

// hostedOnly tells whether a file of the staged site belongs to the hosted site
// only, not to the zip: the zip itself (download/), and _headers, which only a
// web host reads.
// The service worker, the web app manifest and its icons (keep.HostedOnly) serve
// the hosted pack only: from file:// a browser uses none of them.
func hostedOnly(rel string) bool {
	return strings.HasPrefix(rel, "download/") || rel == "_headers" || keep.HostedOnly(rel)
}

// writeZip zips the site, with the pages and stylesheets the scan read and
// compressed; it tells sc.known the hash of every other file it reads.
func writeZip(siteDir, zipPath string, p Pack, changes string, sc *scanned) error {
	f, err := os.Create(zipPath)
	if err != nil {
		return err
	}
	err = pack.Write(siteDir, pack.Options{
		Top:    p.Name(),
		Extra:  map[string][]byte{"readme.txt": readme(p, changes)},
		Skip:   hostedOnly,
		Writer: f,
		Ready:  sc.zip,
		Read:   sc.known.Read,
	})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
