// Package quiz compiles checked scenarios into what the site is built from: one
// data file per scenario (every text already rendered from Markdown to HTML) that
// the layouts turn into a page working with or without JavaScript, and the content
// adapter that makes a page of each in the scenarios section.
package quiz

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/markdown"
	"github.com/guidepack/guidepack/tools/internal/parallel"
	"github.com/guidepack/guidepack/tools/internal/scenario"
	"github.com/guidepack/guidepack/tools/internal/scenariomap"
)

// Compiled is a scenario as the layouts and the browser script read it.
type Compiled struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Summary  string   `json:"summary"`
	Service  string   `json:"service"`
	Codes    []string `json:"codes"`
	Minutes  int      `json:"minutes"`
	Start    string   `json:"start"`
	Steps    []Step   `json:"steps"`
	Best     []string `json:"best"` // the step ids of the best path, start to ending
	Source   string   `json:"source"`
	Versions []string `json:"versions,omitempty"`
	// Map is drawn by tools/internal/scenariomap; nil when the pack has no
	// maps (WithoutMaps).
	Map *MapSVG `json:"map,omitempty"`
	// Hash changes when a change to the scenario could change what a learner's
	// saved answers mean (hash.go); Step.Hash, per step.
	Hash string `json:"hash"`
}

// MapSVG is a scenario's map: every step and choice, with the answers.
type MapSVG struct {
	SVG    string `json:"svg"` // an <svg> element; author text in it is escaped
	Width  int    `json:"width"`
	Height int    `json:"height"`
	// Parts is the map cut between rows for print, when it is too tall for a
	// page at a readable size (printHeight); none when it is not.
	Parts []MapPart `json:"parts,omitempty"`
}

// MapPart is one part of a tall map, for print.
type MapPart struct {
	SVG    string `json:"svg"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// Step is one step, rendered.
type Step struct {
	ID       string   `json:"id"`
	Anchor   string   `json:"anchor"` // the element id: <scenario>--<step>
	N        int      `json:"n"`      // its number, from 1, in file order
	Kind     string   `json:"kind"`
	Title    string   `json:"title"`
	HTML     string   `json:"html"`
	Choices  []Choice `json:"choices,omitempty"`
	Options  []Option `json:"options,omitempty"`
	Multiple bool     `json:"multiple,omitempty"`
	Next     *Link    `json:"next,omitempty"`
	Result   string   `json:"result,omitempty"`
	Points   []string `json:"points,omitempty"`
	Codes    []string `json:"codes,omitempty"`
	Hash     string   `json:"hash"` // see hash.go
}

// Link names the step something leads to.
type Link struct {
	ID     string `json:"id"`
	Anchor string `json:"anchor"`
	N      int    `json:"n"`
	Title  string `json:"title"`
}

// Choice is one thing the reader may do at a situation.
type Choice struct {
	Label     string `json:"label"` // A, B, C…
	HTML      string `json:"html"`
	Feedback  string `json:"feedback"`
	Judgement string `json:"judgement"`
	Next      Link   `json:"next"`
}

// Option is one answer to a question.
type Option struct {
	Label    string `json:"label"`
	HTML     string `json:"html"`
	Feedback string `json:"feedback"`
	Correct  bool   `json:"correct"`
}

// Compile renders the scenarios and writes them into gen: data/scenarios/<id>.json
// and content/scenarios/_content.gotmpl (their pages). root is the project (for
// resolving page links).
// Files of scenarios that no longer exist are removed; a file whose bytes have not
// changed is left as it is. When any scenario has a problem, gen is left as it was
// (in guidepack serve, the last good scenarios stay on show beside the errors).
// The scenarios are compiled and written on every core; problems are reported in
// the order of scs.
func Compile(root, gen string, scs []*scenario.Scenario, opts ...CompileOption) error {
	return new(Cache).Compile(root, gen, scs, opts...)
}

// CompileOption changes what Compile writes.
type CompileOption func(*options)

type options struct {
	noMaps bool
}

// WithoutMaps leaves the scenarios' maps out (config.toml's scenarioMaps =
// false): the layouts then show none, on no page or sheet.
func WithoutMaps() CompileOption { return func(o *options) { o.noMaps = true } }

// Cache keeps what Compile made of each scenario, for the next Compile
// (guidepack serve compiles on every save): a scenario it has compiled (the
// same *scenario.Scenario, as scenario.Cache gives again for a file unchanged),
// with the same Markdown settings and options and the pages it links to still there or
// still missing, is not compiled again; a file written as it is now is not
// read again. The zero Cache is ready; one Compile at a time.
type Cache struct {
	md       *markdown.Config
	opts     options
	compiled map[*scenario.Scenario]compiled
	written  map[string]written
}

// compiled is one scenario's JSON (or its problems), and the pages its links
// named: whether each was there.
type compiled struct {
	id    string
	data  []byte
	err   error
	pages map[string]bool
}

// written is a file as Compile left it: its bytes, size and time.
type written struct {
	b     []byte
	size  int64
	mtime time.Time
}

// fresh tells whether every page the scenario's links named is there, or not,
// as it was.
func (c compiled) fresh() bool {
	for p, there := range c.pages {
		if exists(p) != there {
			return false
		}
	}
	return true
}

// Compile is the package's Compile, compiling only the scenarios changed since
// the last, and writing only the files that differ.
func (c *Cache) Compile(root, gen string, scs []*scenario.Scenario, opts ...CompileOption) error {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	// Scenario Markdown is rendered as the project's pages are.
	md, err := markdown.Load(root)
	if err != nil {
		// A config.toml that does not read is reported by the build's own
		// check, at its line, and by Hugo: not here a second time, worse.
		md = markdown.Default
	}
	if c.md == nil || !reflect.DeepEqual(*c.md, md) || c.compiled == nil || c.opts != o {
		c.md, c.opts, c.compiled = &md, o, map[*scenario.Scenario]compiled{}
	}
	// Each renderer is used by one goroutine at a time: it keeps the bad links
	// of its last render.
	renderers := sync.Pool{New: func() any { return newRenderer(root, md) }}
	res := make([]compiled, len(scs))
	parallel.For(len(scs), func(i int) {
		if was, ok := c.compiled[scs[i]]; ok && was.fresh() {
			res[i] = was
			return
		}
		r := renderers.Get().(*renderer)
		defer renderers.Put(r)
		r.pages = map[string]bool{}
		cs, err := compileOne(r, scs[i], o)
		res[i].pages = r.pages
		if err != nil {
			res[i].err = err
			return
		}
		b, err := dataJSON(cs)
		res[i].id, res[i].data, res[i].err = cs.ID, b, err
	})
	kept := make(map[*scenario.Scenario]compiled, len(scs))
	for i, r := range res {
		kept[scs[i]] = r
	}
	c.compiled = kept
	var ps diag.Problems
	for _, r := range res {
		if r.err != nil {
			var more diag.Problems
			if !errors.As(r.err, &more) {
				return r.err
			}
			ps = append(ps, more...)
		}
	}
	if err := dedupe(ps).Err(); err != nil {
		return err
	}

	// What each folder should hold. When two scenarios share an id, the last one
	// is written, as it always was.
	dataDir := filepath.Join(gen, "data", "scenarios")
	pageDir := filepath.Join(gen, "content", "scenarios")
	type file struct {
		path string
		b    []byte
	}
	var files []file
	want := map[string]int{} // path → index in files
	put := func(path string, b []byte) {
		if i, ok := want[path]; ok {
			files[i].b = b
			return
		}
		want[path] = len(files)
		files = append(files, file{path, b})
	}
	for _, r := range res {
		put(filepath.Join(dataDir, r.id+".json"), r.data)
	}
	put(filepath.Join(pageDir, "_content.gotmpl"), []byte(pageAdapter))
	for _, d := range []string{dataDir, pageDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			// Something else is in the folder's place: replace it.
			if err := os.RemoveAll(d); err != nil {
				return err
			}
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
		}
		entries, err := os.ReadDir(d)
		if err != nil {
			return err
		}
		for _, e := range entries {
			p := filepath.Join(d, e.Name())
			if _, ok := want[p]; ok && e.Type().IsRegular() {
				continue
			}
			if err := os.RemoveAll(p); err != nil { // a stale scenario's file
				return err
			}
		}
	}
	errs := make([]error, len(files))
	now := make([]written, len(files))
	parallel.For(len(files), func(i int) {
		f := files[i]
		was, ok := c.written[f.path]
		fi, err := os.Stat(f.path)
		switch {
		case ok && err == nil && bytes.Equal(was.b, f.b) && was.size == fi.Size() && was.mtime.Equal(fi.ModTime()):
			now[i] = was // as written last time (compared in memory, not read)
			return
		case err == nil && fi.Size() == int64(len(f.b)):
			if old, err := os.ReadFile(f.path); err == nil && bytes.Equal(old, f.b) {
				now[i] = written{f.b, fi.Size(), fi.ModTime()}
				return
			}
		}
		if errs[i] = os.WriteFile(f.path, f.b, 0o644); errs[i] == nil {
			if fi, err := os.Stat(f.path); err == nil {
				now[i] = written{f.b, fi.Size(), fi.ModTime()}
			}
		}
	})
	c.written = make(map[string]written, len(files))
	for i, f := range files {
		if now[i].b != nil {
			c.written[f.path] = now[i]
		}
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// dataJSON is a compiled scenario as Hugo reads it (data/scenarios/<id>.json):
// compact, and with its HTML as it is (Hugo reads it as data, no page holds
// it as JSON). Hugo reads every scenario's file again whenever one changes
// (guidepack serve): indented, with \u003c for every <, they were 1.26 times
// as large (500 generated scenarios: 13.4 MB, now 10.6 MB).
func dataJSON(c *Compiled) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// dedupe drops repeated problems: variants of a file share text, and a broken
// link in it is reported once.
func dedupe(ps diag.Problems) diag.Problems {
	seen := map[diag.Problem]bool{}
	var out diag.Problems
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

func compileOne(r *renderer, s *scenario.Scenario, o options) (*Compiled, error) {
	c := &Compiled{ID: s.ID, Title: s.Title, Summary: s.Summary, Service: s.Service, Codes: nonNil(s.Codes),
		Minutes: s.Minutes, Start: s.Start, Source: s.File}
	link := func(id string) Link {
		st := s.Step(id)
		if st == nil {
			return Link{ID: id}
		}
		return Link{ID: id, Anchor: anchor(s.ID, id), N: index(s, id) + 1, Title: titleOf(st)}
	}
	var ps diag.Problems
	for i, st := range s.Steps {
		out := Step{ID: st.ID, Anchor: anchor(s.ID, st.ID), N: i + 1, Kind: st.Kind, Title: titleOf(st),
			Multiple: st.Multiple, Result: st.Result, Codes: st.Codes}
		md := func(src string, at scenario.Where) string {
			h, err := r.render(src)
			var le *linkError
			switch {
			case errors.As(err, &le):
				off := le.offset
				if i := strings.Index(src[off:], "]("+le.dest); i >= 0 {
					off += i + 2 // at the link's destination, which is what is wrong
				}
				line, col := at.At(off)
				ps = append(ps, diag.Problem{File: s.File, Line: line, Col: col, Msg: le.msg, Hint: le.hint, Source: at.Source(line)})
			case err != nil:
				ps = append(ps, diag.Problem{File: s.File, Line: st.Line, Col: st.Col, Msg: err.Error()})
			}
			return h
		}
		out.HTML = md(st.Text, st.TextAt)
		for j, ch := range st.Choices {
			out.Choices = append(out.Choices, Choice{Label: label(j), HTML: inline(md(ch.Text, ch.TextAt)), Feedback: md(ch.Feedback, ch.FeedbackAt),
				Judgement: ch.Judgement, Next: link(ch.Next)})
		}
		for j, o := range st.Options {
			out.Options = append(out.Options, Option{Label: label(j), HTML: inline(md(o.Text, o.TextAt)), Feedback: md(o.Feedback, o.FeedbackAt), Correct: o.Correct})
		}
		if st.Next != "" {
			l := link(st.Next)
			out.Next = &l
		}
		for j, p := range st.Points {
			var at scenario.Where
			if j < len(st.PointsAt) {
				at = st.PointsAt[j]
			}
			out.Points = append(out.Points, md(p, at))
		}
		c.Steps = append(c.Steps, out)
	}
	if len(ps) > 0 {
		return nil, ps
	}
	c.Best = bestPath(s)
	setHashes(c)
	if o.noMaps {
		return c, nil
	}
	m := Map(s)
	c.Map = &MapSVG{SVG: m.SVG, Width: m.Width, Height: m.Height}
	for _, p := range m.Parts {
		c.Map.Parts = append(c.Map.Parts, MapPart{SVG: p.SVG, Width: p.Width, Height: p.Height})
	}
	return c, nil
}

// Map draws the map of s, with its best path and its steps' titles as its page
// shows them.
func Map(s *scenario.Scenario) scenariomap.Map {
	return scenariomap.Draw(s, scenariomap.Options{Best: bestPath(s), Title: titleOf, PrintWidth: printWidth, PrintHeight: printHeight})
}

// The largest map the facilitator sheet prints on one portrait page at 80 % or
// more (its words 7.8 pt or more), in px: A4 less print.css's margins is 680 px
// wide, and map.css gives the map 185 mm (699 px) below its heading. A taller
// map (no wider) prints in parts instead (MapSVG.Parts, _partials/scenario/map.html).
const (
	printWidth  = 850 // 680 / 0.8
	printHeight = 874 // 699 / 0.8
)

// AuthorMap is Map for authors (guidepack serve, guidepack map -marks): it also
// marks steps the start does not reach, dead ends, choices to no step and the
// steps a variant changes or adds. s may have problems (it is drawn all the same).
func AuthorMap(s *scenario.Scenario) scenariomap.Map {
	return scenariomap.Draw(s, scenariomap.Options{Best: bestPath(s), Title: titleOf, Marks: true})
}

// bestPath follows the first good choice from the start to an ending.
func bestPath(s *scenario.Scenario) []string {
	var path []string
	seen := map[string]bool{}
	for id := s.Start; id != "" && !seen[id]; {
		seen[id] = true
		path = append(path, id)
		st := s.Step(id)
		if st == nil {
			break
		}
		next := st.Next
		if st.Kind == scenario.Situation && len(st.Choices) > 0 {
			next = st.Choices[0].Next
			for _, ch := range st.Choices {
				if ch.Judgement == "good" && !seen[ch.Next] {
					next = ch.Next
					break
				}
			}
		}
		id = next
	}
	return path
}

func anchor(scenarioID, stepID string) string { return scenarioID + "--" + stepID }

func index(s *scenario.Scenario, id string) int {
	for i, st := range s.Steps {
		if st.ID == id {
			return i
		}
	}
	return -1
}

func titleOf(st *scenario.Step) string {
	if st.Title != "" {
		return st.Title
	}
	return map[string]string{scenario.Situation: "What do you do?", scenario.Question: "A question",
		scenario.Reflection: "Reflect", scenario.Ending: "The outcome"}[st.Kind]
}

// inline unwraps a single paragraph, so a choice's text can sit in a label or a
// button (which may hold only phrasing content).
func inline(h string) string {
	if strings.HasPrefix(h, "<p>") && strings.HasSuffix(h, "</p>") && strings.Count(h, "<p>") == 1 {
		return strings.TrimSuffix(strings.TrimPrefix(h, "<p>"), "</p>")
	}
	return h
}

func label(i int) string { return string(rune('A' + i)) }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// pageAdapter makes the scenarios' pages: Hugo content adapter
// (content/scenarios/_content.gotmpl) that adds a page per compiled scenario in
// data/scenarios/. One file instead of a page file per scenario: creating files
// is much of a build's time at hundreds of scenarios.
const pageAdapter = `{{- /* Written by guidepack: a page per compiled scenario (data/scenarios/<id>.json). */ -}}
{{- range $id, $s := hugo.Data.scenarios }}
  {{- $.AddPage (dict
    "kind" "page"
    "path" $id
    "title" $s.title
    "description" $s.summary
    "params" (dict "scenario" $id "service" $s.service "minutes" $s.minutes "codes" ($s.codes | default slice))
  ) }}
{{- end }}
`
