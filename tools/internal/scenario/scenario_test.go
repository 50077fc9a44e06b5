package scenario_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/scenario"
)

var codes = []string{"5.8", "3.5"}

// good is a small sound scenario; each case below breaks it in one way.
const good = `id: small
title: A small scenario
service: all
steps:
  - id: start
    situation: A request arrives.
    choices:
      - text: Accept it.
        feedback: Not wise.
        judgement: poor
        next: end
      - text: Think first.
        feedback: Good.
        judgement: good
        next: ask
  - id: ask
    question: Who decides?
    options:
      - text: Your employer's policy.
        correct: true
        feedback: Yes.
      - text: Nobody.
        feedback: No.
    next: end
  - id: end
    ending: Done.
    result: good
    points: [Think first.]
    codes: ["5.8"]
`

func TestSoundScenario(t *testing.T) {
	scs, ps := scenario.Parse("scenarios/small.yaml", []byte(good), codes)
	qt.Assert(t, ps, qt.HasLen, 0)
	qt.Assert(t, scs, qt.HasLen, 1)
	s := scs[0]
	qt.Assert(t, s.Start, qt.Equals, "start")
	qt.Assert(t, s.Step("ask").Kind, qt.Equals, scenario.Question)
	qt.Assert(t, s.Step("start").Nexts(), qt.DeepEquals, []string{"end", "ask"})
}

// Each case replaces one line of good (old → new) and names the problem the
// author must see, with its line and column.
func TestEachProblemWithItsPosition(t *testing.T) {
	for _, tc := range []struct {
		name, old, new string
		line, col      int
		msg, hint      string
	}{
		{"unknown field", "title: A small scenario", "titel: A small scenario", 2, 1, `unknown field "titel"`, `did you mean "title"?`},
		{"missing title", "title: A small scenario\n", "", 1, 1, `the scenario "small" has no title`, "add title:"},
		{"wrong type", "service: all", "service: [all]", 3, 10, "service must be text", ""},
		{"unknown service", "service: all", "service: adult", 3, 10, `service "adult" is not one of children, adults, all`, `did you mean "adults"?`},
		{"duplicate step id", "  - id: ask", "  - id: start", 16, 9, `step id "start" is used twice`, "it is first used at line 5"},
		{"unknown next", "        next: ask", "        next: asc", 15, 15, `choice B of step "start" leads to "asc", but there is no step with that id`, `did you mean "ask"?`},
		{"unreachable step", "        next: ask", "        next: end", 16, 9, `step "ask" cannot be reached from the start ("start")`, "make a choice or a next: lead to it"},
		{"no ending reachable", "    next: end\n  - id: end", "    next: ask\n  - id: end", 16, 9, `from step "ask" no ending can be reached`, ""},
		{"situation without choices", "    choices:\n      - text: Accept it.", "    choics:\n      - text: Accept it.", 7, 5, `unknown field "choics"`, `did you mean "choices"?`},
		{"unknown code", `    codes: ["5.8"]`, `    codes: ["5.9"]`, 29, 13, `unknown code "5.9"`, `"3.5", "5.8"`},
		{"empty text", "    ending: Done.", `    ending: ""`, 26, 13, "ending is empty", ""},
		{"raw HTML", "    situation: A request arrives.", "    situation: A <b>request</b> arrives.", 6, 18, "raw HTML <b> in situation", "write Markdown instead"},
		{"bad judgement", "        judgement: poor", "        judgement: bad", 10, 20, `judgement "bad" is not one of good, risky, poor`, ""},
		{"no right answer", "        correct: true\n", "", 19, 7, `question "ask" has no right answer`, "correct: true"},
		{"two kinds", "    ending: Done.", "    ending: Done.\n    situation: More.", 27, 5, `step "end" has both situation and ending`, ""},
		{"field of another kind", "    result: good", "    next: start", 27, 5, "a ending step has no next", ""},
		{"not YAML", "title: A small scenario", "title: [A small", 2, 8, "the bracket [ opened here is not closed", "close it with ]"},
		{"unknown start", "service: all", "service: all\nstart: begin", 4, 8, `the scenario starts at "begin", but there is no step with that id`, ""},
		{"empty choices", "    choices:\n      - text: Accept it.\n        feedback: Not wise.\n        judgement: poor\n        next: end\n      - text: Think first.\n        feedback: Good.\n        judgement: good\n        next: ask", "    choices: []", 7, 14, `situation "start" has no choices`, "add at least one choice"},
		{"missing next", "        next: ask\n", "", 12, 9, "this choice has no next", "add next:"},
		{"missing feedback", "        feedback: Yes.\n", "", 19, 9, "this option has no feedback", ""},
		{"question has one right answer", "        feedback: No.", "        feedback: No.\n        correct: true", 19, 7, `question "ask" has 2 right answers but allows only one`, "multiple: true"},
		{"bad boolean", "        correct: true", "        correct: right", 20, 18, "correct must be true or false", ""},
		{"minutes not a number", "service: all", "service: all\nminutes: ten", 4, 10, "minutes must be a whole number", ""},
		{"id not a slug", "id: small", "id: Small One", 1, 5, `id "Small One" must be lower-case letters, digits and dashes`, "e.g. small-one"},
		{"id too long", "id: small", "id: " + strings.Repeat("x", 81), 1, 5, "id is 81 characters long, more than the 80 an id may have", "shorten it"},
		{"step id too long", "  - id: ask", "  - id: " + strings.Repeat("x", 100), 16, 9, "id is 100 characters long", ""},
		{"text read as a tag", "    ending: Done.", "    ending: ![a picture](p.png)", 26, 13, "YAML reads the ![a at the start of ending as a tag, not as text", `put the text in quotes: ending: "![a picture](p.png)"`},
		{"shortcode", "    situation: A request arrives.", "    situation: A request citing {{< code \"5.8\" >}} arrives.", 6, 33, "a shortcode in situation, which is shown as it is written", "work in pages, not in scenarios"},
		{"raw HTML in a title", "title: A small scenario", "title: A <em>small</em> scenario", 2, 10, "raw HTML <em> in title, which would be shown as it is written", "title is plain text"},
		{"field given twice", "service: all", "service: all\nservice: all", 3, 1, "service is given twice: here and at line 4", "keep one"},
		{"two documents", "    codes: [\"5.8\"]\n", "    codes: [\"5.8\"]\n---\nid: other\n", 30, 1, "a scenario file holds one scenario, but --- starts a second one here", "a file of its own"},
		{"two documents, the first empty", "id: small", "---\n---\nid: small", 2, 1, "a scenario file holds one scenario, but --- starts a second one here", ""},
		{"empty variants", "service: all", "service: all\nvariants: []", 4, 11, "variants is an empty list", "or remove variants:"},
		{"variants not a list", "service: all", "service: all\nvariants: children", 4, 11, "variants must be a list", ""},
		{"minutes zero", "service: all", "service: all\nminutes: 0", 4, 10, "minutes must be a whole number, 1 or more", ""},
		{"raw HTML after curly quotes", "    situation: A request arrives.", "    situation: “A” <b>request</b> arrives.", 6, 20, "raw HTML <b> in situation", ""},
		{"raw HTML in a block", "    ending: Done.", "    ending: |\n      All done.\n\n      <div>block</div>", 29, 7, "raw HTML <div> in ending", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(good, tc.old, tc.new, 1)
			qt.Assert(t, src, qt.Not(qt.Equals), good, qt.Commentf("the case changes nothing"))
			_, ps := scenario.Parse("scenarios/small.yaml", []byte(src), codes)
			qt.Assert(t, len(ps) > 0, qt.IsTrue, qt.Commentf("no problem found"))
			p := find(ps, tc.msg)
			qt.Assert(t, p, qt.IsNotNil, qt.Commentf("want %q among:\n%v", tc.msg, ps))
			qt.Assert(t, []int{p.Line, p.Col}, qt.DeepEquals, []int{tc.line, tc.col}, qt.Commentf("%v", p))
			qt.Assert(t, p.File, qt.Equals, "scenarios/small.yaml")
			qt.Assert(t, p.Hint, qt.Contains, tc.hint)
		})
	}
}

func find(ps diag.Problems, msg string) *diag.Problem {
	for i := range ps {
		if strings.HasPrefix(ps[i].Msg, msg) {
			return &ps[i]
		}
	}
	return nil
}

func TestVariantsShareTheBase(t *testing.T) {
	src := good + `variants:
  - id: small-children
    service: children
    steps:
      - id: start
        situation: A young person's request.
  - id: small-adults
    service: adults
    title: For adults
`
	scs, ps := scenario.Parse("scenarios/small.yaml", []byte(src), codes)
	qt.Assert(t, ps, qt.HasLen, 0)
	qt.Assert(t, scs, qt.HasLen, 2)
	qt.Assert(t, scs[0].ID, qt.Equals, "small-children")
	qt.Assert(t, scs[0].Step("start").Text, qt.Equals, "A young person's request.")
	qt.Assert(t, scs[0].Step("start").Choices, qt.HasLen, 2, qt.Commentf("the choices come from the base"))
	qt.Assert(t, scs[1].Title, qt.Equals, "For adults")
	qt.Assert(t, scs[1].Step("start").Text, qt.Equals, "A request arrives.")
}

func TestDemoScenariosAreSound(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	scs, err := scenario.Load(root, codes)
	qt.Assert(t, err, qt.IsNil)
	var ids []string
	for _, s := range scs {
		ids = append(ids, s.ID)
	}
	qt.Assert(t, ids, qt.DeepEquals, []string{"colleague-offensive-post", "friend-request-children", "friend-request-adults", "photographs-promoting-service"})
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "scenarios", "*.yaml"))
	for _, file := range files {
		b, _ := os.ReadFile(file)
		f.Add(b)
	}
	f.Add([]byte("steps: [{id: a, situation: x, choices: [{next: a}]}]"))
	f.Add([]byte("variants: [{steps: [{id: q}]}]\nsteps: [{id: q, question: x}]"))
	f.Fuzz(func(t *testing.T, src []byte) {
		scenario.Parse("scenarios/fuzz.yaml", src, codes) // must not panic
	})
}

// A misspelt field is reported once, as a misspelling, not also as missing.
func TestMisspeltFieldIsNotAlsoMissing(t *testing.T) {
	for _, tc := range []struct{ old, new, notMsg string }{
		{"title: A small scenario", "titel: A small scenario", "has no title"},
		{"        next: ask", "        nxt: ask", "this choice has no next"},
		{"    ending: Done.", "    endig: Done.", `step "end" has no text`},
		{"    next: end\n  - id: end", "    nex: end\n  - id: end", `step "ask" has no next`},
	} {
		src := strings.Replace(good, tc.old, tc.new, 1)
		qt.Assert(t, src, qt.Not(qt.Equals), good)
		_, ps := scenario.Parse("scenarios/small.yaml", []byte(src), codes)
		qt.Assert(t, find(ps, "unknown field"), qt.IsNotNil, qt.Commentf("%v", ps))
		qt.Assert(t, find(ps, tc.notMsg), qt.IsNil, qt.Commentf("%v", ps))
	}
}

// A problem in the shared base is reported once, not once per variant; one that
// only some variants have (through what they change) names them.
func TestVariantProblemsOnceAndNamed(t *testing.T) {
	src := strings.Replace(good, "    ending: Done.", `    ending: ""`, 1) + `variants:
  - id: small-children
    service: children
  - id: small-adults
    service: adults
    steps:
      - id: ask
        next: nowhere
`
	_, ps := scenario.Parse("scenarios/small.yaml", []byte(src), codes)
	var msgs []string
	for _, p := range ps {
		msgs = append(msgs, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
	}
	qt.Assert(t, msgs, qt.DeepEquals, []string{
		"26:13: ending is empty",
		`37:15: step "ask" leads to "nowhere", but there is no step with that id`,
	})

	src = strings.Replace(good, "        next: ask", "        next: later", 1) + `variants:
  - id: small-children
    service: children
    steps:
      - id: later
        ending: Later.
  - id: small-adults
    service: adults
`
	_, ps = scenario.Parse("scenarios/small.yaml", []byte(src), codes)
	qt.Assert(t, ps, qt.HasLen, 2, qt.Commentf("%v", ps))
	qt.Assert(t, ps[0].Msg, qt.Equals, `choice B of step "start" leads to "later", but there is no step with that id (in variant "small-adults")`)
	qt.Assert(t, []int{ps[0].Line, ps[0].Col}, qt.DeepEquals, []int{15, 15})
	qt.Assert(t, ps[1].Msg, qt.Equals, `step "ask" cannot be reached from the start ("start") (in variant "small-children")`)
}

// Load reads every file: the same id in two files is reported at the second
// file's id, naming the first; a .yml file is not silently skipped.
func TestLoadAcrossFiles(t *testing.T) {
	root := t.TempDir()
	qt.Assert(t, os.MkdirAll(filepath.Join(root, "scenarios"), 0o755), qt.IsNil)
	write := func(name, src string) {
		qt.Assert(t, os.WriteFile(filepath.Join(root, "scenarios", name), []byte(src), 0o644), qt.IsNil)
	}
	write("a.yaml", good)
	write("b.yaml", "# a copy\n"+good)
	write("c.yml", good)
	_, err := scenario.Load(root, codes)
	var ps diag.Problems
	qt.Assert(t, errors.As(err, &ps), qt.IsTrue, qt.Commentf("%v", err))
	qt.Assert(t, ps.Error(), qt.Equals, `scenarios/b.yaml:2:5: scenario id "small" is also used in scenarios/a.yaml:1
> 2 | id: small
          ^
hint: give each scenario (and each variant) its own id
scenarios/c.yml:1:1: this scenario is not read: scenario files end in .yaml
hint: rename it to c.yaml`)
}

// Files are read on every core, but scenarios and problems come in file order:
// a repeated id is reported in the later file, naming the first.
func TestLoadManyFilesInOrder(t *testing.T) {
	root := t.TempDir()
	qt.Assert(t, os.MkdirAll(filepath.Join(root, "scenarios"), 0o755), qt.IsNil)
	var want []string
	for i := range 40 {
		id := fmt.Sprintf("s%02d", i)
		if i%10 == 9 {
			id = "s00" // a repeated id
		} else {
			want = append(want, id)
		}
		src := strings.Replace(good, "id: small", "id: "+id, 1)
		qt.Assert(t, os.WriteFile(filepath.Join(root, "scenarios", fmt.Sprintf("f%02d.yaml", i)), []byte(src), 0o644), qt.IsNil)
	}
	for range 5 {
		_, err := scenario.Load(root, codes)
		var ps diag.Problems
		qt.Assert(t, errors.As(err, &ps), qt.IsTrue, qt.Commentf("%v", err))
		var got []string
		for _, p := range ps {
			got = append(got, p.File+": "+p.Msg)
		}
		qt.Assert(t, got, qt.DeepEquals, []string{
			`scenarios/f09.yaml: scenario id "s00" is also used in scenarios/f00.yaml:1`,
			`scenarios/f19.yaml: scenario id "s00" is also used in scenarios/f00.yaml:1`,
			`scenarios/f29.yaml: scenario id "s00" is also used in scenarios/f00.yaml:1`,
			`scenarios/f39.yaml: scenario id "s00" is also used in scenarios/f00.yaml:1`,
		})
	}
	for i := range 40 {
		if i%10 == 9 {
			os.Remove(filepath.Join(root, "scenarios", fmt.Sprintf("f%02d.yaml", i)))
		}
	}
	scs, err := scenario.Load(root, codes)
	qt.Assert(t, err, qt.IsNil)
	var got []string
	for _, s := range scs {
		got = append(got, s.ID)
	}
	qt.Assert(t, got, qt.DeepEquals, want)
}

// A key given twice anywhere in a scenario (a step, a choice, the top) is an
// error at both lines: YAML would silently keep the last.
func TestKeyGivenTwiceAtBothLines(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"in a step", "    situation: A request arrives.", "    situation: A request arrives.\n    situation: Another.",
			"scenarios/small.yaml:6:5: situation is given twice: here and at line 7\n" +
				"scenarios/small.yaml:7:5: situation is given twice: here and at line 6"},
		{"in a choice", "        judgement: poor", "        judgement: poor\n        judgement: good",
			"scenarios/small.yaml:10:9: judgement is given twice: here and at line 11\n" +
				"scenarios/small.yaml:11:9: judgement is given twice: here and at line 10"},
		{"in an option", "        correct: true", "        correct: true\n        correct: false",
			"scenarios/small.yaml:20:9: correct is given twice: here and at line 21\n" +
				"scenarios/small.yaml:21:9: correct is given twice: here and at line 20"},
		{"at the top", "service: all", "service: all\nservice: adults",
			"scenarios/small.yaml:3:1: service is given twice: here and at line 4\n" +
				"scenarios/small.yaml:4:1: service is given twice: here and at line 3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, ps := scenario.Parse("scenarios/small.yaml", []byte(strings.Replace(good, tc.old, tc.new, 1)), codes)
			var got []string
			for _, p := range ps {
				if strings.Contains(p.Msg, "given twice") {
					qt.Check(t, p.Hint, qt.Equals, "keep one of them (only the last would be used)")
					got = append(got, fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg))
				}
			}
			qt.Assert(t, strings.Join(got, "\n"), qt.Equals, tc.want, qt.Commentf("all problems:\n%v", ps))
		})
	}
}

// Two misspelt keys in one mapping are both reported as unknown, with what
// each was taken for, and neither field is then reported missing.
func TestTwoMisspeltKeys(t *testing.T) {
	src := strings.Replace(good, "      - text: Accept it.\n        feedback: Not wise.", "      - txt: Accept it.\n        fedback: Not wise.", 1)
	_, ps := scenario.Parse("scenarios/small.yaml", []byte(src), codes)
	var got []string
	for _, p := range ps {
		got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
	}
	qt.Assert(t, got, qt.DeepEquals, []string{`8:9: unknown field "txt"`, `9:9: unknown field "fedback"`})
}
