package browser_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/quality"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// variant builds a copy of the demo pack changed by edit (given the project's
// folder) and returns its zip unzipped.
func variant(t *testing.T, edit func(root string)) string {
	t.Helper()
	s := &sitetest.Site{T: t, Root: sitetest.CopyRepo(t)}
	edit(s.Root)
	if err := s.Rebuild(); err != nil {
		t.Fatalf("the changed demo pack does not build:\n%v", err)
	}
	return s.Unzip()
}

// edit replaces old (which must be there) with new in the project's file name.
func edit(t *testing.T, root, name, old, new string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// scenarioByID returns the demo scenario id.
func scenarioByID(t *testing.T, scs []quiz.Compiled, id string) (quiz.Compiled, map[string]quiz.Step) {
	t.Helper()
	for _, c := range scs {
		if c.ID == id {
			steps := map[string]quiz.Step{}
			for _, st := range c.Steps {
				steps[st.ID] = st
			}
			return c, steps
		}
	}
	t.Fatalf("no scenario %s in the demo pack", id)
	return quiz.Compiled{}, nil
}

// choose clicks choice i of a situation and Continue.
func choose(t *testing.T, p *browser.Page, st quiz.Step, i int) {
	t.Helper()
	p.Wait(t, visible(st.Anchor))
	click(t, p, fmt.Sprintf(`document.querySelectorAll('#%s .gp-scenario__choose')[%d]`, st.Anchor, i))
	click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, st.Anchor))
}

// playToTheEnd plays colleague-offensive-post's best path (B, the right
// answers, a note) to its good ending.
func playToTheEnd(t *testing.T, p *browser.Page, steps map[string]quiz.Step, note string) {
	t.Helper()
	choose(t, p, steps["the-post"], 1)
	q := steps["duty"]
	p.Wait(t, visible(q.Anchor))
	for j, o := range q.Options {
		if o.Correct {
			click(t, p, fmt.Sprintf(`document.getElementById('%s-%d')`, q.Anchor, j))
		}
	}
	click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__check')`, q.Anchor))
	click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, q.Anchor))
	r := steps["reflect"]
	p.Wait(t, visible(r.Anchor))
	p.Run(t, chromedp.SendKeys("#"+r.Anchor+"-notes", note, chromedp.ByQuery))
	click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, r.Anchor))
	p.Wait(t, visible(steps["ending-good"].Anchor))
}

// recordText is the learning record's list of scenarios as a reader sees it
// ("" when the blank form shows).
func recordText(t *testing.T, p *browser.Page) string {
	t.Helper()
	var s string
	p.Eval(t, `(() => { const e = document.querySelector('[data-gp-record-entries]'); return e.hidden ? '' : e.innerText; })()`, &s)
	return s
}

func noProblems(t *testing.T, where string, p *browser.Page) {
	t.Helper()
	for _, pr := range p.Problems() {
		t.Errorf("%s: %s", where, pr)
	}
}

// TestPacksAndVersionsKeepApart: three copies of the demo pack unzipped side by
// side and opened from file:// in one browser profile (one localStorage for
// all of them): pack A (the demo), pack B (the same scenarios, another
// params.pack) and A's version 1.1.0, in which a scenario's question has one
// more option. B sees nothing of A's answers and A nothing of B's. A's new
// version keeps A's answers (the pack id is fixed across versions): for the
// unchanged scenario as they were; for the changed one, what still fits, with
// one line saying so: the first decision and the note kept, the question's
// answers dropped and the path cut at the question.
func TestPacksAndVersionsKeepApart(t *testing.T) {
	b := browser.Start(t)
	dirA, scs := demoScenarios(t)
	c, steps := scenarioByID(t, scs, "colleague-offensive-post")
	other, osteps := scenarioByID(t, scs, "friend-request-adults")
	dirB := variant(t, func(root string) {
		edit(t, root, "config.toml", `pack = "social-media-guidance"`, `pack = "another-guidance"`)
	})
	dirA2 := variant(t, func(root string) {
		edit(t, root, "config.toml", `version = "1.0.0"`, `version = "1.1.0"`)
		edit(t, root, "config.toml", `released = "2026-11-25"`, `released = "2026-12-01"`)
		edit(t, root, "data/changes.yaml", "- version: 1.0.0", "- version: 1.1.0\n  date: 2026-12-01\n  summary: A question has a new answer.\n- version: 1.0.0")
		edit(t, root, "scenarios/colleague-post.yaml", "    next: reflect\n",
			"      - text: Nobody, it is not your business.\n        correct: false\n        feedback: It is.\n    next: reflect\n")
	})
	url := func(dir string, c quiz.Compiled) string { return pageURL(dir, c) }

	// In A: the best path to the end, and a first choice in another scenario.
	pa := b.Open(t, url(dirA, c), browser.Options{})
	playToTheEnd(t, pa, steps, "Tell my manager.")
	noProblems(t, "pack A", pa)
	pa.Close()
	po := b.Open(t, url(dirA, other), browser.Options{})
	first := osteps[other.Start]
	choose(t, po, first, 0)
	po.Close()

	// B: the same scenario ids, nothing of A's.
	pb := b.Open(t, url(dirB, c), browser.Options{})
	var resume string
	pb.Eval(t, `(document.querySelector('.gp-scenario__resume') || {}).textContent || ''`, &resume)
	if resume != "" {
		t.Errorf("pack B offers to resume pack A's answers: %q", resume)
	}
	if s := read(t, pb); s.Visible != steps["the-post"].Anchor {
		t.Errorf("pack B shows %q, want the start", s.Visible)
	}
	choose(t, pb, steps["the-post"], 0)
	noProblems(t, "pack B", pb)
	pb.Close()
	rb := b.Open(t, fileURL(dirB, "learning-record.html"), browser.Options{})
	bChose, aChose := "you chose A, “"+steps["the-post"].Choices[0].HTML, "you chose B, “"+steps["the-post"].Choices[1].HTML
	if s := recordText(t, rb); !strings.Contains(s, bChose) || strings.Contains(s, aChose) || strings.Contains(s, "Tell my manager") || strings.Contains(s, other.Title) {
		t.Errorf("pack B's learning record holds pack A's answers, or not its own:\n%s", s)
	}
	ra := b.Open(t, fileURL(dirA, "learning-record.html"), browser.Options{})
	if s := recordText(t, ra); !strings.Contains(s, aChose) || strings.Contains(s, bChose) || !strings.Contains(s, "Tell my manager") {
		t.Errorf("pack A's learning record lost its answers or holds pack B's:\n%s", s)
	}

	// A's version 1.1.0: the unchanged scenario resumes as it was, with no notice.
	po2 := b.Open(t, url(dirA2, other), browser.Options{})
	var got struct{ Resume, Notice string }
	const look = `({Resume: (document.querySelector('.gp-scenario__resume') || {}).textContent || '',
		Notice: (document.querySelector('.gp-scenario__notice:not([hidden])') || {}).textContent || ''})`
	po2.Eval(t, look, &got)
	if !strings.Contains(got.Resume, "Resume where you left off") || got.Notice != "" {
		t.Errorf("version 1.1.0, unchanged scenario: resume offer %q, notice %q; want the offer and no notice", got.Resume, got.Notice)
	}
	po2.Close()
	// The changed one: one line says so; the path is cut at the changed question.
	p2 := b.Open(t, url(dirA2, c), browser.Options{})
	p2.Eval(t, look, &got)
	if !strings.Contains(got.Notice, "has changed") {
		t.Errorf("version 1.1.0, changed scenario: no line says it changed (notice %q)", got.Notice)
	}
	var role string
	p2.Eval(t, `document.querySelector('.gp-scenario__notice').getAttribute('role') || ''`, &role)
	if role != "status" {
		t.Errorf("the notice's role is %q, want status (a polite live region)", role)
	}
	if !strings.Contains(got.Resume, "step 2: "+steps["duty"].Title) {
		t.Errorf("version 1.1.0: the resume offer is %q, want the path cut at step 2, %s", got.Resume, steps["duty"].Title)
	}
	var kept struct {
		Path    []string
		Choices map[string]int
		Answers map[string][]int
		Notes   map[string]string
	}
	p2.Eval(t, `JSON.parse(localStorage.getItem('`+keyOf(c)+`'))`, &kept)
	if fmt.Sprint(kept.Path) != "[the-post duty]" || kept.Choices["the-post"] != 1 || len(kept.Answers) != 0 || kept.Notes["reflect"] != "Tell my manager." {
		t.Errorf("version 1.1.0 kept %+v; want the path [the-post duty], the first decision 1, no answers, the note", kept)
	}
	click(t, p2, `Array.from(document.querySelectorAll('.gp-scenario__resume button')).find(b => b.textContent === 'Resume where you left off')`)
	p2.Wait(t, visible(steps["duty"].Anchor))
	var ticked int
	p2.Eval(t, `document.querySelectorAll('#`+steps["duty"].Anchor+` .gp-scenario__options input:checked').length`, &ticked)
	if ticked != 0 {
		t.Errorf("the changed question shows %d answers ticked, want none", ticked)
	}
	noProblems(t, "version 1.1.0", p2)
	r2 := b.Open(t, fileURL(dirA2, "learning-record.html"), browser.Options{})
	if s := recordText(t, r2); !strings.Contains(s, "you chose B") || !strings.Contains(s, "Started, not yet finished") {
		t.Errorf("version 1.1.0's learning record: %q", s)
	}
	noProblems(t, "version 1.1.0's record", r2)
}

// TestCorruptKeptAnswers seeds what the browser keeps for a scenario with
// broken, foreign and hostile values: each is ignored and replaced, never an
// error, as the reader makes a choice, explores another, and checks a question.
func TestCorruptKeptAnswers(t *testing.T) {
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	c, steps := scenarioByID(t, scs, "colleague-offensive-post")
	h := jsString(c.Hash)
	huge := `{"hash":` + h + `,"path":["the-post"],"notes":{"reflect":"` + strings.Repeat("x", 4100000) + `"}}`
	long := `{"hash":` + h + `,"path":[` + strings.Repeat(`"the-post",`, 100000) + `"duty"]}`
	for name, seed := range map[string]string{
		"not JSON": `{"path": [`,
		"an array": `[1, 2]`,
		"null":     `null`,
		"a string": `"the-post"`,
		"wrong types": `{"hash":` + h + `,"path":"the-post","choices":{"the-post":1e308},"explored":{"the-post":"xyz"},` +
			`"answers":{"duty":5},"notes":{"reflect":123},"done":{}}`,
		"out of range": `{"hash":` + h + `,"path":["the-post","duty"],"choices":{"the-post":7},"explored":{"the-post":[-1,99,1.5]},"answers":{"duty":[42]}}`,
		"prototype":    `{"__proto__":{"polluted":true},"hash":` + h + `,"path":["__proto__","constructor"],"choices":{"__proto__":1,"constructor":0},"explored":{"the-post":{"__proto__":[1]}}}`,
		"huge note":    huge,
		"long path":    long,
	} {
		t.Run(name, func(t *testing.T) {
			p := b.Open(t, pageURL(dir, c)+"#"+steps["the-post"].Anchor, browser.Options{})
			p.Eval(t, `localStorage.clear(), localStorage.setItem('`+keyOf(c)+`', `+jsString(seed)+`), true`, new(bool))
			p.Run(t, chromedp.Reload())
			p.Wait(t, visible(steps["the-post"].Anchor))
			click(t, p, `document.querySelectorAll('#`+steps["the-post"].Anchor+` .gp-scenario__choose')[1]`)
			click(t, p, `document.querySelectorAll('#`+steps["the-post"].Anchor+` .gp-scenario__choose')[0]`)
			click(t, p, `document.querySelectorAll('#`+steps["the-post"].Anchor+` .gp-scenario__choose')[1]`)
			click(t, p, `document.querySelector('#`+steps["the-post"].Anchor+` .gp-scenario__continue')`)
			p.Wait(t, visible(steps["duty"].Anchor))
			click(t, p, `document.querySelector('#`+steps["duty"].Anchor+` .gp-scenario__check')`)
			var kept struct {
				Path     []string
				Choices  map[string]int
				Explored map[string][]int
			}
			var raw string
			p.Eval(t, `localStorage.getItem('`+keyOf(c)+`') || ''`, &raw)
			if err := json.Unmarshal([]byte(raw), &kept); err != nil || fmt.Sprint(kept.Path) != "[the-post duty]" ||
				len(kept.Choices) != 1 || kept.Choices["the-post"] != 1 || fmt.Sprint(kept.Explored["the-post"]) != "[0]" || len(raw) > 2000 {
				if len(raw) > 300 {
					raw = raw[:300] + "…"
				}
				t.Errorf("kept %s (%v); want the path [the-post duty], the first decision 1, 0 explored", raw, err)
			}
			var polluted bool
			p.Eval(t, `({}).polluted === true`, &polluted)
			if polluted {
				t.Error("Object.prototype was polluted")
			}
			noProblems(t, "scenario", p)
			p.Close()
			// The learning record reads the same key.
			p = b.Open(t, fileURL(dir, "learning-record.html"), browser.Options{})
			p.Eval(t, `localStorage.setItem('`+keyOf(c)+`', `+jsString(seed)+`), true`, new(bool))
			p.Run(t, chromedp.Reload())
			if s := recordText(t, p); strings.Contains(s, "undefined") || strings.Contains(s, "[object") {
				t.Errorf("the learning record shows %q", s)
			}
			noProblems(t, "learning record", p)
			p.Close()
		})
	}
}

// printText is what the learning record prints: its text under print media.
func printText(t *testing.T, p *browser.Page) string {
	t.Helper()
	p.Run(t, emulation.SetEmulatedMedia().WithMedia("print"))
	var s string
	p.Eval(t, `document.querySelector('.gp-record').innerText`, &s)
	p.Run(t, emulation.SetEmulatedMedia().WithMedia(""))
	return s
}

// loadFile chooses file in the record's "Load a record you saved".
func loadFile(t *testing.T, p *browser.Page, file string) {
	t.Helper()
	p.Eval(t, `document.querySelector('[data-gp-record-message]').textContent = '', true`, new(bool))
	p.Run(t, chromedp.SetUploadFiles(`#gp-record-load`, []string{file}, chromedp.ByQuery))
}

// message waits for the record's message (or question) to say something and
// returns it.
func message(t *testing.T, p *browser.Page) string {
	t.Helper()
	p.Wait(t, `document.querySelector('[data-gp-record-message]').textContent || !document.querySelector('[data-gp-record-ask]').hidden`)
	var s string
	p.Eval(t, `document.querySelector('[data-gp-record-ask]').hidden ? document.querySelector('[data-gp-record-message]').textContent : document.querySelector('[data-gp-record-question]').textContent`, &s)
	return s
}

// TestRecordAsAFile: a learner works through a scenario and starts another,
// saves the learning record as a file (a real download, from file://), and
// loads it into a fresh browser profile, where the record prints the same and
// the scenario offers to resume. A file that is not a record changes nothing,
// with a plain message; a record of another pack, or one that would replace
// answers this browser has, asks first, and No changes nothing. With
// JavaScript off the page says what it cannot do. From the zip (file://) and
// hosted (served on 127.0.0.1 under the pack's policy); nothing is requested
// from anywhere else.
func TestRecordAsAFile(t *testing.T) {
	dir, scs := demoScenarios(t)
	served := quality.Serve(t, dir)
	for _, base := range []string{"file://" + filepath.ToSlash(dir), served} {
		t.Run(strings.SplitN(base, ":", 2)[0], func(t *testing.T) { recordAsAFile(t, base, scs) })
	}
}

func recordAsAFile(t *testing.T, base string, scs []quiz.Compiled) {
	c, steps := scenarioByID(t, scs, "colleague-offensive-post")
	other, osteps := scenarioByID(t, scs, "friend-request-adults")
	at := func(c quiz.Compiled) string { return base + "/scenarios/" + c.ID + ".html" }
	record := base + "/learning-record.html"
	one := browser.Start(t)
	p := one.Open(t, at(c), browser.Options{})
	playToTheEnd(t, p, steps, "Tell my manager.")
	p.Close()
	p = one.Open(t, at(other), browser.Options{})
	choose(t, p, osteps[other.Start], 1)
	p.Close()

	r := one.Open(t, record, browser.Options{})
	want := printText(t, r)
	if !strings.Contains(want, "Tell my manager.") || !strings.Contains(want, other.Title) {
		t.Fatalf("the record before saving does not list both scenarios:\n%s", want)
	}
	downloads := t.TempDir()
	r.Run(t, cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads))
	click(t, r, `document.querySelector('[data-gp-record-save]')`)
	if s := message(t, r); !strings.Contains(s, "was saved as the file") {
		t.Errorf("after Save, the message is %q", s)
	}
	var saved string
	if !untilTrue(func() bool {
		fs, _ := filepath.Glob(filepath.Join(downloads, "*.json"))
		if len(fs) == 1 {
			saved = fs[0]
		}
		return saved != ""
	}) {
		t.Fatalf("no record file was downloaded into %s", downloads)
	}
	if !strings.HasPrefix(filepath.Base(saved), demoPack+"-learning-record-") {
		t.Errorf("the file is named %s", filepath.Base(saved))
	}
	noProblems(t, "saving", r)
	for _, u := range r.Requests() {
		if !strings.HasPrefix(u, base) && !strings.HasPrefix(u, "blob:"+base) && !strings.HasPrefix(u, "data:") {
			t.Errorf("saving requested %s", u)
		}
	}

	// Another browser, nothing kept.
	two := browser.Start(t)
	r2 := two.Open(t, record, browser.Options{})
	if s := recordText(t, r2); s != "" {
		t.Fatalf("a fresh profile's record lists %q", s)
	}
	blank := printText(t, r2)
	stored := func() int {
		var n int
		r2.Eval(t, `localStorage.length`, &n)
		return n
	}
	// Not a record: a plain message, nothing changed.
	bad := filepath.Join(t.TempDir(), "notes.json")
	os.WriteFile(bad, []byte(`{"scenarios": {`), 0o644)
	loadFile(t, r2, bad)
	if s := message(t, r2); !strings.Contains(s, "is not a learning record") || !strings.Contains(s, "Nothing was changed") {
		t.Errorf("a damaged file: message %q", s)
	}
	if printText(t, r2) != blank || stored() != 0 {
		t.Errorf("a damaged file changed the record or what the browser keeps")
	}
	// Another pack's record: asked first; No changes nothing.
	b, _ := os.ReadFile(saved)
	foreign := filepath.Join(t.TempDir(), "other.json")
	os.WriteFile(foreign, []byte(strings.Replace(string(b), `"pack": "`+demoPack+`"`, `"pack": "another-guidance"`, 1)), 0o644)
	loadFile(t, r2, foreign)
	if s := message(t, r2); !strings.Contains(s, "another pack") {
		t.Errorf("another pack's record: %q, want a question naming another pack", s)
	}
	var focused bool
	r2.Eval(t, `document.activeElement === document.querySelector('[data-gp-record-ask]')`, &focused)
	if !focused {
		t.Error("the question does not have focus")
	}
	click(t, r2, `document.querySelector('[data-gp-record-no]')`)
	if s := message(t, r2); s != "Nothing was changed." || printText(t, r2) != blank || stored() != 0 {
		t.Errorf("No: message %q, or the record or storage changed", s)
	}
	// The learner's own record: loaded, kept, printed the same.
	loadFile(t, r2, saved)
	if s := message(t, r2); !strings.Contains(s, "was loaded: 2 scenarios") {
		t.Errorf("loading the saved record: %q", s)
	}
	if got := printText(t, r2); got != want {
		t.Errorf("the loaded record prints\n%s\nwant (as saved)\n%s", got, want)
	}
	if stored() != 2 {
		t.Errorf("the browser keeps %d scenarios after loading, want 2", stored())
	}
	// Again: it would replace what the browser now has, so it asks; Yes loads.
	loadFile(t, r2, saved)
	if s := message(t, r2); !strings.Contains(s, "already has your answers to 2 scenarios") {
		t.Errorf("loading over kept answers: %q", s)
	}
	click(t, r2, `document.querySelector('[data-gp-record-yes]')`)
	if s := message(t, r2); !strings.Contains(s, "was loaded") {
		t.Errorf("Yes: %q", s)
	}
	noProblems(t, "loading", r2)
	s2 := two.Open(t, at(c), browser.Options{})
	var offer string
	s2.Eval(t, `(document.querySelector('.gp-scenario__resume') || {}).textContent || ''`, &offer)
	if !strings.Contains(offer, "You have finished this scenario") {
		t.Errorf("after loading the record, the scenario offers %q", offer)
	}

	// JavaScript off: the page says what it cannot do, and shows no dead buttons.
	off := two.Open(t, record, browser.Options{NoJS: true})
	var got struct{ Says, Panel bool }
	off.Eval(t, `({Says: !document.querySelector('[data-gp-record-nojs]').hidden && document.querySelector('[data-gp-record-nojs]').innerText.includes('save your record as a file'),
		Panel: document.querySelector('[data-gp-record-file]').getBoundingClientRect().height > 0})`, &got)
	if !got.Says || got.Panel {
		t.Errorf("JavaScript off: says what it cannot do %v, file buttons shown %v", got.Says, got.Panel)
	}
}

// untilTrue polls cond for up to 30 s and says whether it came true.
func untilTrue(cond func() bool) bool {
	deadline := time.Now().Add(30 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(20 * time.Millisecond) // the polling interval, not a wait for something
	}
	return true
}
