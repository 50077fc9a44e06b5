package browser_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/quiz"
)

// TestScenarioRemembers plays colleague-offensive-post (situation, question,
// reflection, ending on its best path) at 320 px, as a learner on a phone, and
// checks what the scenario remembers and says (H5P Branching Scenario's model):
// the first decision is kept and later choices are shown as explored; step
// numbers agree with the progress line; question feedback names the right answer
// not ticked; coming back offers Resume / Start again; the end screen lists the
// answers and what was written; Forget asks first and says what it did; the
// learning record keeps the first decision. It writes screenshots of the
// scenario mid-way and of its end screen.
func TestScenarioRemembers(t *testing.T) {
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	var c quiz.Compiled
	for _, sc := range scs {
		if sc.ID == "colleague-offensive-post" {
			c = sc
		}
	}
	if c.ID == "" {
		t.Fatal("no colleague-offensive-post scenario in the demo pack")
	}
	steps := map[string]quiz.Step{}
	for _, st := range c.Steps {
		steps[st.ID] = st
	}
	first, q, refl, end := steps[c.Best[0]], steps[c.Best[1]], steps[c.Best[2]], steps[c.Best[3]]
	best := -1
	for j, ch := range first.Choices {
		if ch.Next.ID == q.ID {
			best = j
		}
	}
	other := (best + 1) % len(first.Choices)
	phone := browser.Options{Width: 320, Height: 640}
	text := func(p *browser.Page, js string) string {
		var s string
		p.Eval(t, `(() => { const e = `+js+`; return e ? e.innerText : '' })()`, &s)
		return s
	}

	p := b.Open(t, pageURL(dir, c), phone)
	if s := text(p, `document.querySelector('#`+refl.Anchor+` .gp-scenario__notes-label')`); !strings.Contains(s, "stay on this device") {
		// Checked with JavaScript off below: there, nothing is kept and nothing may say so.
		t.Errorf("with JavaScript on and storage allowed, the reflection label says %q", s)
	}
	// The first decision is kept; a choice read afterwards is explored.
	click(t, p, fmt.Sprintf(`document.querySelectorAll('#%s .gp-scenario__choose')[%d]`, first.Anchor, best))
	click(t, p, fmt.Sprintf(`document.querySelectorAll('#%s .gp-scenario__choose')[%d]`, first.Anchor, other))
	if s := text(p, `document.querySelector('#`+first.Anchor+` .gp-scenario__result')`); !strings.Contains(s, "Your first decision here was "+first.Choices[best].Label) {
		t.Errorf("after exploring %s, the feedback does not say the first decision %s is kept: %q", first.Choices[other].Label, first.Choices[best].Label, s)
	}
	var kept struct {
		Choices  map[string]int
		Explored map[string][]int
	}
	p.Eval(t, `JSON.parse(localStorage.getItem('`+keyOf(c)+`'))`, &kept)
	if kept.Choices[first.ID] != best || fmt.Sprint(kept.Explored[first.ID]) != fmt.Sprint([]int{other}) {
		t.Errorf("kept choices %v, explored %v; want the first decision %d kept and %d explored", kept.Choices, kept.Explored, best, other)
	}
	// Back to the first decision and on to the question.
	click(t, p, fmt.Sprintf(`document.querySelectorAll('#%s .gp-scenario__choose')[%d]`, first.Anchor, best))
	click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, first.Anchor))
	heading := text(p, `document.querySelector('#`+q.Anchor+` .gp-scenario__title')`)
	progress := text(p, `document.querySelector('.gp-scenario__progress')`)
	if !strings.HasPrefix(heading, "Step 2:") || !strings.HasPrefix(progress, "Step 2 ") {
		t.Errorf("the second step of the path is headed %q under the progress line %q", heading, progress)
	}
	// Tick a wrong answer alone: the feedback names the right answers not ticked.
	wrong := -1
	for j, o := range q.Options {
		if !o.Correct {
			wrong = j
		}
	}
	if wrong >= 0 {
		click(t, p, fmt.Sprintf(`document.getElementById('%s-%d')`, q.Anchor, wrong))
	}
	click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__check')`, q.Anchor))
	res := text(p, `document.querySelector('#`+q.Anchor+` .gp-scenario__result')`)
	if !strings.Contains(res, "A right answer you did not tick") || (wrong >= 0 && !strings.Contains(res, "You ticked this, but it is not right")) {
		t.Errorf("question feedback does not say which right answers were not ticked: %q", res)
	}
	screenshot(t, p, "scenario-midway-320")

	// Coming back from the Scenarios list: an offer to resume, or start again.
	p2 := b.Open(t, pageURL(dir, c), phone)
	offer := text(p2, `document.querySelector('.gp-scenario__resume')`)
	if !strings.Contains(offer, "Resume where you left off") || !strings.Contains(offer, "Start again") {
		t.Fatalf("coming back to a half-done scenario: no offer to resume (%q)", offer)
	}
	click(t, p2, `Array.from(document.querySelectorAll('.gp-scenario__resume button')).find(b => b.textContent === 'Resume where you left off')`)
	if s := read(t, p2); s.Visible != q.Anchor {
		t.Errorf("Resume showed %q, want the step the learner was at, %q", s.Visible, q.Anchor)
	}
	p2.Close()

	// On to the end: the path lists the answers ticked and what was written.
	click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, q.Anchor))
	p.Run(t, chromedp.SendKeys("#"+refl.Anchor+"-notes", "Report it, calmly.", chromedp.ByQuery))
	click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, refl.Anchor))
	path := text(p, `document.querySelector('#`+end.Anchor+` .gp-scenario__path')`)
	if !strings.Contains(path, "you ticked") || !strings.Contains(path, "Report it, calmly.") || !strings.Contains(path, "You also explored "+first.Choices[other].Label) {
		t.Errorf("the end screen's path leaves out answers, notes or what was explored: %q", path)
	}
	screenshot(t, p, "scenario-end-320")

	// The learning record keeps the first decision, and the exploring.
	r := b.Open(t, fileURL(dir, "learning-record.html"), browser.Options{})
	rec := text(r, `document.querySelector('.gp-record__entries')`)
	if !strings.Contains(rec, "you chose "+first.Choices[best].Label) || !strings.Contains(rec, "explored "+first.Choices[other].Label) {
		t.Errorf("the learning record does not keep the first decision %s and the exploring of %s: %q", first.Choices[best].Label, first.Choices[other].Label, rec)
	}
	r.Close()

	// Forget asks first; No keeps everything; Yes clears and says so. (A fresh
	// tab on the end screen: each tab lives 30 s at most, and a busy machine is slow.)
	for _, pr := range p.Problems() {
		t.Error(pr)
	}
	p.Close()
	p = b.Open(t, pageURL(dir, c)+"#"+end.Anchor, phone)
	click(t, p, `Array.from(document.querySelectorAll('#`+end.Anchor+` button')).find(b => b.textContent === 'Forget my answers')`)
	click(t, p, `Array.from(document.querySelectorAll('#`+end.Anchor+` button')).find(b => b.textContent === 'No, keep them')`)
	var still string
	p.Eval(t, `localStorage.getItem('`+keyOf(c)+`') || ''`, &still)
	if !strings.Contains(still, "Report it") {
		t.Errorf("Forget my answers, then No: the answers are gone")
	}
	click(t, p, `Array.from(document.querySelectorAll('#`+end.Anchor+` button')).find(b => b.textContent === 'Forget my answers')`)
	click(t, p, `Array.from(document.querySelectorAll('#`+end.Anchor+` button')).find(b => b.textContent === 'Yes, forget my answers')`)
	p.Eval(t, `localStorage.getItem('`+keyOf(c)+`') || ''`, &still)
	if still != "" {
		t.Errorf("Forget my answers left %s", still)
	}
	if s := text(p, `document.querySelector('.gp-scenario__notice:not([hidden])')`); !strings.Contains(s, "forgotten") {
		t.Errorf("after Forget, no message says what was done (%q)", s)
	}
	for _, pr := range p.Problems() {
		t.Error(pr)
	}

	// JavaScript off: nothing is kept, and the reflection box does not say it is.
	off := b.Open(t, pageURL(dir, c), browser.Options{NoJS: true})
	if s := text(off, `document.querySelector('#`+refl.Anchor+` .gp-scenario__notes-label')`); strings.Contains(s, "stay") || strings.Contains(s, "kept") {
		t.Errorf("with JavaScript off the reflection label claims something is kept: %q", s)
	}
}
