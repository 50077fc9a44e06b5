package quiz_test

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/scenario"
)

var update = flag.Bool("update", false, "rewrite the golden files")

var repo = filepath.Join("..", "..", "..")

// TestDemoScenariosCompile compares the compiled demo scenarios with golden files
// (go test ./tools/internal/quiz -update rewrites them; review the diff).
func TestDemoScenariosCompile(t *testing.T) {
	scs, err := scenario.Load(repo, []string{"5.8", "3.5"})
	qt.Assert(t, err, qt.IsNil)
	gen := t.TempDir()
	qt.Assert(t, quiz.Compile(repo, gen, scs), qt.IsNil)
	for _, s := range scs {
		got, err := os.ReadFile(filepath.Join(gen, "data", "scenarios", s.ID+".json"))
		qt.Assert(t, err, qt.IsNil)
		// The map has golden files of its own (tools/internal/scenariomap).
		var c quiz.Compiled
		qt.Assert(t, json.Unmarshal(got, &c), qt.IsNil)
		qt.Assert(t, c.Map.SVG, qt.Contains, "<svg")
		c.Map.SVG = "(see tools/internal/scenariomap/testdata/" + s.ID + ".svg)"
		got, err = json.MarshalIndent(c, "", "  ")
		qt.Assert(t, err, qt.IsNil)
		golden := filepath.Join("testdata", "golden", s.ID+".json")
		if *update {
			qt.Assert(t, os.WriteFile(golden, got, 0o644), qt.IsNil)
			continue
		}
		want, err := os.ReadFile(golden)
		qt.Assert(t, err, qt.IsNil, qt.Commentf("run with -update to create it"))
		qt.Assert(t, string(got), qt.Equals, string(want))
	}
	// One content adapter makes the scenarios' pages from the data files.
	_, err = os.Stat(filepath.Join(gen, "content", "scenarios", "_content.gotmpl"))
	qt.Assert(t, err, qt.IsNil)
}

func TestMarkdownAsHugoRendersIt(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "content", "guidance"), 0o755)
	os.WriteFile(filepath.Join(root, "content", "guidance", "boundaries.md"), []byte("---\ntitle: B\n---\n"), 0o644)
	src := `id: s
title: S
service: all
steps:
  - id: a
    situation: "Read [the guidance](../guidance/boundaries.md#friend-requests) and [the web](https://example.org). \"Quotes\" -- and **bold**."
    choices:
      - text: Go <on>
        feedback: Fine.
        judgement: good
        next: b
  - id: b
    ending: Done.
`
	scs, ps := scenario.Parse("scenarios/s.yaml", []byte(strings.ReplaceAll(src, "<on>", "on")), nil)
	qt.Assert(t, ps, qt.HasLen, 0)
	gen := t.TempDir()
	qt.Assert(t, quiz.Compile(root, gen, scs), qt.IsNil)
	b, _ := os.ReadFile(filepath.Join(gen, "data", "scenarios", "s.json"))
	got := string(b)
	for _, want := range []string{
		`href=\"/guidance/boundaries.html#friend-requests\"`, // Hugo makes it relative on each page
		`href=\"https://example.org\" rel=\"external\"`,
		`&ldquo;Quotes&rdquo; &ndash; and <strong>bold</strong>`, // as it is: Hugo reads it as data
		`"html":"Go on"`, // a choice's single paragraph unwrapped
		`"best":[`,
	} {
		qt.Assert(t, got, qt.Contains, want)
	}

	bad := strings.Replace(src, "../guidance/boundaries.md", "../guidance/nowhere.md", 1)
	scs, _ = scenario.Parse("scenarios/s.yaml", []byte(strings.ReplaceAll(bad, "<on>", "on")), nil)
	err := quiz.Compile(root, t.TempDir(), scs)
	qt.Assert(t, err, qt.ErrorMatches, `(?s)scenarios/s.yaml:6:37: link "../guidance/nowhere.md#friend-requests": no such page\n> 6 \|     situation: "Read \[the guidance\].*\n {42}\^\nhint: links to pages are relative to content/scenarios/.*`)
}

// Every broken link is reported at its own line and column, once even when
// variants share the text, and nothing is compiled.
func TestBrokenLinksAtTheirPlace(t *testing.T) {
	root := t.TempDir()
	src := `id: s
title: S
service: all
steps:
  - id: a
    situation: |
      First line.

      See’s [this](nowhere.md) and more.
    choices:
      - text: "Go [on](javascript:alert(1))"
        feedback: >-
          Folded text
          then [a link](../gone.md).
        judgement: good
        next: b
  - id: b
    ending: Done.
    points:
      - Read [it](missing.md).
variants:
  - id: s-one
    service: children
  - id: s-two
    service: adults
`
	scs, ps := scenario.Parse("scenarios/s.yaml", []byte(src), nil)
	qt.Assert(t, ps, qt.HasLen, 0)
	gen := t.TempDir()
	err := quiz.Compile(root, gen, scs)
	var got diag.Problems
	qt.Assert(t, errors.As(err, &got), qt.IsTrue, qt.Commentf("%v", err))
	var where []string
	for _, p := range got {
		where = append(where, fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Msg))
	}
	qt.Assert(t, where, qt.DeepEquals, []string{
		`9:20 link "nowhere.md": no such page`, // in characters: ’ is one
		`11:24 link "javascript:alert(1)" uses the scheme "javascript"`,
		`14:25 link "../gone.md": no such page`,
		`20:19 link "missing.md": no such page`,
	})
	_, statErr := os.Stat(filepath.Join(gen, "data", "scenarios", "s-one.json"))
	qt.Assert(t, os.IsNotExist(statErr), qt.IsTrue, qt.Commentf("a scenario with a broken link is not compiled"))

	// What was compiled before stays as it was.
	fixed := strings.NewReplacer("(nowhere.md)", "(#a)", "(javascript:alert(1))", "(#b)", "(../gone.md)", "(#a)", "(missing.md)", "(#b)").Replace(src)
	scs, ps = scenario.Parse("scenarios/s.yaml", []byte(fixed), nil)
	qt.Assert(t, ps, qt.HasLen, 0)
	qt.Assert(t, quiz.Compile(root, gen, scs), qt.IsNil)
	scs, _ = scenario.Parse("scenarios/s.yaml", []byte(src), nil)
	qt.Assert(t, quiz.Compile(root, gen, scs), qt.IsNotNil)
	for _, f := range []string{"data/scenarios/s-one.json", "data/scenarios/s-two.json", "content/scenarios/_content.gotmpl"} {
		_, err := os.Stat(filepath.Join(gen, f))
		qt.Assert(t, err, qt.IsNil, qt.Commentf("%s was removed by a failed compile", f))
	}
}

// A picture or an autolink (<…>) with a scheme is refused at its place: both
// built as empty links before.
func TestPicturesAndAutolinksWithASchemeRefused(t *testing.T) {
	src := "id: s\ntitle: S\nservice: all\nsteps:\n  - id: a\n    situation: See <javascript:alert(1)> now.\n    choices:\n" +
		"      - text: Go\n        feedback: \"Look: ![x](javascript:alert(2))\"\n        judgement: good\n        next: b\n" +
		"      - text: Mail <mailto:a@example.org> or <https://example.org>\n        feedback: Fine.\n        judgement: good\n        next: b\n" +
		"  - id: b\n    ending: \"![remote](https://example.org/p.png)\"\n"
	scs, ps := scenario.Parse("scenarios/s.yaml", []byte(src), nil)
	qt.Assert(t, ps, qt.HasLen, 0)
	err := quiz.Compile(t.TempDir(), t.TempDir(), scs)
	var got diag.Problems
	qt.Assert(t, errors.As(err, &got), qt.IsTrue, qt.Commentf("%v", err))
	var where []string
	for _, p := range got {
		where = append(where, fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Msg))
	}
	qt.Assert(t, where, qt.DeepEquals, []string{
		`6:20 link "javascript:alert(1)" uses the scheme "javascript"`,
		`9:31 picture "javascript:alert(2)" is not a file in the pack`,
		`17:24 picture "https://example.org/p.png" is not a file in the pack`,
	})
}

// A recompile leaves a file whose bytes are the same as it was (so a rebuild
// rewrites nothing), rewrites what changed, and removes what no scenario makes.
func TestRecompileWritesOnlyWhatChanged(t *testing.T) {
	root := t.TempDir()
	src := `id: s
title: S
service: all
steps:
  - id: a
    ending: Done.
variants:
  - id: s-one
  - id: s-two
    title: Two
`
	parse := func(src string) []*scenario.Scenario {
		scs, ps := scenario.Parse("scenarios/s.yaml", []byte(src), nil)
		qt.Assert(t, ps, qt.HasLen, 0)
		return scs
	}
	gen := t.TempDir()
	qt.Assert(t, quiz.Compile(root, gen, parse(src)), qt.IsNil)
	one, two := filepath.Join(gen, "data", "scenarios", "s-one.json"), filepath.Join(gen, "data", "scenarios", "s-two.json")
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	for _, f := range []string{one, two} {
		qt.Assert(t, os.Chtimes(f, old, old), qt.IsNil)
	}
	stray := filepath.Join(gen, "content", "scenarios", "gone.md")
	qt.Assert(t, os.WriteFile(stray, []byte("x"), 0o644), qt.IsNil)

	qt.Assert(t, quiz.Compile(root, gen, parse(strings.Replace(src, "title: Two", "title: Second", 1))), qt.IsNil)
	fi, err := os.Stat(one)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, fi.ModTime().Equal(old), qt.IsTrue, qt.Commentf("an unchanged file was rewritten"))
	b, err := os.ReadFile(two)
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, string(b), qt.Contains, `"title":"Second"`)
	_, err = os.Stat(stray)
	qt.Assert(t, os.IsNotExist(err), qt.IsTrue, qt.Commentf("a stale file was kept"))

	qt.Assert(t, quiz.Compile(root, gen, parse(strings.Replace(src, "  - id: s-two\n    title: Two\n", "", 1))), qt.IsNil)
	_, err = os.Stat(two)
	qt.Assert(t, os.IsNotExist(err), qt.IsTrue, qt.Commentf("%s of a scenario that is gone was kept", two))
	_, err = os.Stat(one)
	qt.Assert(t, err, qt.IsNil)
}

// WithoutMaps leaves the map out of the data; a Cache that compiled the same
// scenarios with maps compiles them again (serve, after config.toml changes).
func TestWithoutMaps(t *testing.T) {
	scs, err := scenario.Load(repo, []string{"5.8", "3.5"})
	qt.Assert(t, err, qt.IsNil)
	gen := t.TempDir()
	data := func() string {
		b, err := os.ReadFile(filepath.Join(gen, "data", "scenarios", scs[0].ID+".json"))
		qt.Assert(t, err, qt.IsNil)
		return string(b)
	}
	var c quiz.Cache
	qt.Assert(t, c.Compile(repo, gen, scs), qt.IsNil)
	qt.Assert(t, data(), qt.Contains, `"map":{`)
	qt.Assert(t, c.Compile(repo, gen, scs, quiz.WithoutMaps()), qt.IsNil)
	qt.Assert(t, data(), qt.Not(qt.Contains), `"map"`)
	qt.Assert(t, c.Compile(repo, gen, scs), qt.IsNil)
	qt.Assert(t, data(), qt.Contains, `"map":{`)
}
