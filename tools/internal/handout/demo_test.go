package handout_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/handout"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
	"html"
	"regexp"
)

// demo builds the demo pack, unzips it and returns its folder and the compiled
// scenarios, sorted by id.
func demo(t *testing.T) (string, []quiz.Compiled) {
	s := sitetest.Demo(t)
	files, _ := filepath.Glob(filepath.Join(s.Root, ".guidepack", "gen", "data", "scenarios", "*.json"))
	var scs []quiz.Compiled
	for _, f := range files {
		var c quiz.Compiled
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &c); err != nil {
			t.Fatal(err)
		}
		scs = append(scs, c)
	}
	if len(scs) == 0 {
		t.Fatal("the demo pack has no scenarios")
	}
	sort.Slice(scs, func(i, j int) bool { return scs[i].ID < scs[j].ID })
	return sitetest.DemoUnzipped(t), scs
}

var tags = regexp.MustCompile(`<[^>]+>`)

// plain is the text of an HTML snippet, as it reads in a PDF.
func plain(h string) string { return words(html.UnescapeString(tags.ReplaceAllString(h, " "))) }

// TestDemoHandouts prints what a trainer prints for a session, from the unzipped
// demo pack: a scenario's worksheet and facilitator sheet, and the case cards.
func TestDemoHandouts(t *testing.T) {
	t.Parallel()
	handout.Tools(t)
	b := browser.Start(t)
	dir, scs := demo(t)
	c := qt.New(t)
	sc := scs[0]

	p := b.Open(t, fileURL(dir, "scenarios/"+sc.ID+"/worksheet.html"), browser.Options{NoJS: true})
	pdf := handout.Print(t, p, handout.A4)
	text := words(strings.Join(handout.Pages(t, pdf), " "))
	for _, st := range sc.Steps {
		c.Assert(text, qt.Contains, "Step "+itoa(st.N)+" "+plain(st.Title))
		for _, ch := range st.Choices {
			c.Assert(text, qt.Contains, ch.Label+" "+plain(ch.HTML))
			c.Assert(text, qt.Not(qt.Contains), plain(ch.Feedback))
		}
	}
	handout.Render(t, pdf, artifacts(), "worksheet", 2)

	p = b.Open(t, fileURL(dir, "scenarios/"+sc.ID+"/facilitator.html"), browser.Options{NoJS: true})
	pdf = handout.Print(t, p, handout.A4)
	text = words(strings.Join(handout.Pages(t, pdf), " "))
	c.Assert(text, qt.Contains, "The best path")
	for _, st := range sc.Steps {
		for _, ch := range st.Choices {
			c.Assert(text, qt.Contains, plain(ch.Feedback))
			c.Assert(text, qt.Contains, strings.ToUpper(ch.Judgement)) // in words, not only a colour
		}
	}
	handout.Render(t, pdf, artifacts(), "facilitator", 2)

	// Case cards: printed as a set, one case to a sheet; and each on its own.
	var cases []string
	p = b.Open(t, fileURL(dir, "cases/index.html"), browser.Options{NoJS: true})
	p.Eval(t, `Array.from(document.querySelectorAll('.gp-list__item > a'), a => a.getAttribute('href'))`, &cases)
	c.Assert(len(cases) > 2, qt.IsTrue)
	for _, paper := range handout.Papers {
		p = b.Open(t, fileURL(dir, "cases/print.html"), browser.Options{NoJS: true})
		pdf = handout.Print(t, p, paper)
		pages := handout.Pages(t, pdf)
		c.Assert(len(pages), qt.Equals, 1+len(cases), qt.Commentf("%s: contents, then one case to a sheet", paper.Name))
		for i, pg := range pages[1:] {
			c.Assert(strings.Count(pg, "CASE EXAMPLE"), qt.Equals, 1, qt.Commentf("sheet %d", i+2))
		}
		handout.Render(t, pdf, artifacts(), "cases-"+paper.Name, 2)
	}
	p = b.Open(t, fileURL(dir, "cases/"+strings.TrimPrefix(cases[0], "../cases/")), browser.Options{NoJS: true})
	pdf = handout.Print(t, p, handout.A4)
	c.Assert(handout.Pages(t, pdf), qt.HasLen, 1)
	handout.Render(t, pdf, artifacts(), "case-card", 1)
}

// TestLearningRecord works through a scenario with the scenario script, as a
// reader does, then prints the learning record: with JavaScript on it lists the
// scenario, the choices made and the reflection written; with JavaScript off it is
// a blank form to fill in by hand.
func TestLearningRecord(t *testing.T) {
	t.Parallel()
	handout.Tools(t)
	b := browser.Start(t)
	dir, scs := demo(t)
	c := qt.New(t)

	p := b.Open(t, fileURL(dir, "learning-record.html"), browser.Options{NoJS: true})
	pdf := handout.Print(t, p, handout.A4)
	text := words(strings.Join(handout.Pages(t, pdf), " "))
	c.Assert(text, qt.Contains, "For each scenario you worked through")
	c.Assert(text, qt.Contains, "Signature")
	c.Assert(text, qt.Not(qt.Contains), "Completed on")
	handout.Render(t, pdf, artifacts(), "learning-record-blank", 2)
	p.Close()

	sc := scs[0]
	note := "I would explain my reasons kindly, in person."
	chosen := play(t, b, dir, sc, note)

	p = b.Open(t, fileURL(dir, "learning-record.html"), browser.Options{})
	pdf = handout.Print(t, p, handout.A4)
	text = words(strings.Join(handout.Pages(t, pdf), " "))
	c.Assert(text, qt.Contains, plain(sc.Title))
	c.Assert(text, qt.Contains, "Completed on ")
	for _, ch := range chosen {
		c.Assert(text, qt.Contains, "you chose "+ch.Label+", “"+plain(ch.HTML)+"”")
	}
	c.Assert(text, qt.Contains, note)
	c.Assert(text, qt.Contains, "Signature")
	c.Assert(text, qt.Not(qt.Contains), "For each scenario you worked through")
	c.Assert(p.Problems(), qt.HasLen, 0)
	handout.Render(t, pdf, artifacts(), "learning-record-filled", 2)
}

// play works through a scenario along its best path with the scenario script
// (JavaScript on), writing note at reflections, and returns the choices made.
func play(t *testing.T, b *browser.Browser, dir string, sc quiz.Compiled, note string) []quiz.Choice {
	t.Helper()
	p := b.Open(t, fileURL(dir, "scenarios/"+sc.ID+".html"), browser.Options{})
	defer p.Close()
	step := map[string]quiz.Step{}
	for _, st := range sc.Steps {
		step[st.ID] = st
	}
	var chosen []quiz.Choice
	run := func(js string) {
		t.Helper()
		var ok bool
		p.Eval(t, `(() => { `+js+` })()`, &ok)
		if !ok {
			t.Fatalf("%s: the scenario page did not do: %s", sc.ID, js)
		}
		p.Settle(t)
	}
	for i, id := range sc.Best {
		st := step[id]
		sel := "document.getElementById('" + st.Anchor + "')"
		cont := `const c = ` + sel + `.querySelector('.gp-scenario__continue'); if (!c) return false; c.click(); return true;`
		if i > 0 {
			p.Wait(t, `!`+sel+`.hidden`) // Continue from the step before has shown this one
		}
		switch st.Kind {
		case "situation":
			for j, ch := range st.Choices {
				if i+1 < len(sc.Best) && ch.Next.ID == sc.Best[i+1] {
					run(`const b = ` + sel + `.querySelectorAll('.gp-scenario__choose')[` + itoa(j) + `]; if (!b) return false; b.click(); return true;`)
					chosen = append(chosen, ch)
					break
				}
			}
			run(cont)
		case "question":
			run(`const i = ` + sel + `.querySelector('input'); i.checked = true; i.dispatchEvent(new Event('change')); ` + sel + `.querySelector('.gp-scenario__check').click(); return true;`)
			run(cont)
		case "reflection":
			run(`const n = ` + sel + `.querySelector('.gp-scenario__notes'); n.value = ` + jsString(note) + `; n.dispatchEvent(new Event('input')); return true;`)
			run(cont)
		}
	}
	if len(chosen) == 0 {
		t.Fatalf("%s: no choice made along the best path", sc.ID)
	}
	return chosen
}

func jsString(s string) string { b, _ := json.Marshal(s); return string(b) }
