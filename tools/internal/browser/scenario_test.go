package browser_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// demoScenarios builds the demo pack and returns it unzipped, with the compiled scenarios.
func demoScenarios(t *testing.T) (string, []quiz.Compiled) {
	site := sitetest.Demo(t)
	files, _ := filepath.Glob(filepath.Join(site.Root, ".guidepack", "gen", "data", "scenarios", "*.json"))
	var scs []quiz.Compiled
	for _, f := range files {
		var c quiz.Compiled
		b, _ := os.ReadFile(f)
		if err := json.Unmarshal(b, &c); err != nil {
			t.Fatal(err)
		}
		scs = append(scs, c)
	}
	if len(scs) < 4 {
		t.Fatalf("want the 4 demo scenarios, got %d", len(scs))
	}
	return sitetest.DemoUnzipped(t), scs
}

// demoPack is the demo pack's id (params.pack in config.toml), under which the
// browser keeps a learner's answers.
const demoPack = "social-media-guidance"

// keyOf is the localStorage key of what the browser keeps for a demo scenario.
func keyOf(c quiz.Compiled) string { return "gp:" + demoPack + ":scenario:" + c.ID }

func pageURL(dir string, c quiz.Compiled) string {
	return "file://" + filepath.ToSlash(filepath.Join(dir, "scenarios", c.ID+".html"))
}

// state is what a reader sees of a scenario with JavaScript on.
type state struct {
	Hash, Visible, Focused, Live, Progress, Result string
	VisibleCount                                   int
}

const readState = `(() => {
	const vis = Array.from(document.querySelectorAll('.gp-scenario__step')).filter(s => !s.hidden);
	const live = document.querySelector('.gp-scenario [aria-live]');
	const res = vis[0] && vis[0].querySelector('.gp-scenario__result');
	return {
		Hash: location.hash, VisibleCount: vis.length, Visible: vis.length ? vis[0].id : '',
		Focused: document.activeElement ? (document.activeElement.className || document.activeElement.tagName) : '',
		Live: live ? live.textContent : '', Progress: (document.querySelector('.gp-scenario__progress') || {}).textContent || '',
		Result: res ? res.textContent : ''
	};
})()`

func read(t *testing.T, p *browser.Page) state {
	var s state
	p.Eval(t, readState, &s)
	return s
}

// click clicks the element js finds, then lets the tasks the click queued (the
// scenario script moves focus in a setTimeout 0) run.
func click(t *testing.T, p *browser.Page, js string) {
	t.Helper()
	var ok bool
	p.Eval(t, `(() => { const b = `+js+`; if (!b) return false; b.click(); return true; })()`, &ok)
	if !ok {
		t.Fatalf("%s: nothing to click: %s", p.URL, js)
	}
	p.Settle(t)
}

// focusIn is the condition that the focused element has the class.
func focusIn(class string) string {
	return fmt.Sprintf(`!!document.activeElement && document.activeElement.classList.contains(%q)`, class)
}

// visible is the condition that step anchor is the one shown.
func visible(anchor string) string {
	return fmt.Sprintf(`(() => { const v = Array.from(document.querySelectorAll('.gp-scenario__step')).filter(s => !s.hidden); return v.length === 1 && v[0].id === %q; })()`, anchor)
}

// TestEveryChoiceLeadsOn takes every choice of every situation of every demo
// scenario, with JavaScript on: the feedback is shown and announced with its
// judgement in words, and Continue opens the step it leads to, in the URL hash,
// with focus on its heading.
func TestEveryChoiceLeadsOn(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	words := map[string]string{"good": "a good choice", "risky": "a risky choice", "poor": "a poor choice"}
	for _, c := range scs {
		for _, st := range c.Steps {
			for i, ch := range st.Choices {
				t.Run(fmt.Sprintf("%s/%s/%s", c.ID, st.ID, ch.Label), func(t *testing.T) {
					p := b.Open(t, pageURL(dir, c)+"#"+st.Anchor, browser.Options{})
					s := read(t, p)
					if s.Visible != st.Anchor || s.VisibleCount != 1 {
						t.Fatalf("deep link: visible %q (%d steps), want %q", s.Visible, s.VisibleCount, st.Anchor)
					}
					click(t, p, fmt.Sprintf(`document.querySelectorAll('#%s .gp-scenario__choose')[%d]`, st.Anchor, i))
					p.True(focusIn("gp-scenario__result")) // then what it is is checked below
					s = read(t, p)
					if want := "You chose " + ch.Label + ": " + words[ch.Judgement] + "."; s.Live != want {
						t.Errorf("announced %q, want %q", s.Live, want)
					}
					if !strings.Contains(s.Focused, "gp-scenario__result") {
						t.Errorf("focus on %q, want the feedback", s.Focused)
					}
					click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, st.Anchor))
					p.True(visible(ch.Next.Anchor) + " && " + focusIn("gp-scenario__title"))
					s = read(t, p)
					if s.Hash != "#"+ch.Next.Anchor || s.Visible != ch.Next.Anchor {
						t.Errorf("after Continue: hash %q, visible %q; want %q", s.Hash, s.Visible, ch.Next.Anchor)
					}
					if s.Focused != "gp-scenario__title" {
						t.Errorf("after Continue, focus on %q, want the step's heading", s.Focused)
					}
					for _, pr := range p.Problems() {
						t.Error(pr)
					}
				})
			}
		}
	}
}

// TestBestPathToTheEnd plays each demo scenario's best path from the start as a
// reader would, answering its question and writing a reflection; the end screen
// shows the path taken; reload keeps the step; Back returns to the one before;
// "Forget my answers" clears what the browser kept.
func TestBestPathToTheEnd(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	for _, c := range scs {
		t.Run(c.ID, func(t *testing.T) {
			p := b.Open(t, pageURL(dir, c), browser.Options{})
			steps := map[string]quiz.Step{}
			for _, st := range c.Steps {
				steps[st.ID] = st
			}
			for i, id := range c.Best {
				st := steps[id]
				p.True(visible(st.Anchor))
				s := read(t, p)
				if s.Visible != st.Anchor {
					t.Fatalf("step %d: visible %q, want %q", i+1, s.Visible, st.Anchor)
				}
				switch st.Kind {
				case "situation":
					next := c.Best[i+1]
					for j, ch := range st.Choices {
						if ch.Next.ID == next {
							click(t, p, fmt.Sprintf(`document.querySelectorAll('#%s .gp-scenario__choose')[%d]`, st.Anchor, j))
							break
						}
					}
					click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, st.Anchor))
				case "question":
					for j, o := range st.Options {
						if o.Correct {
							click(t, p, fmt.Sprintf(`document.getElementById('%s-%d')`, st.Anchor, j))
						}
					}
					click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__check')`, st.Anchor))
					if s := read(t, p); s.Live != "Right." || !strings.HasPrefix(s.Result, "Right") {
						t.Errorf("right answers: announced %q, shown %q", s.Live, s.Result)
					}
					click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, st.Anchor))
				case "reflection":
					p.Run(t, chromedp.SendKeys("#"+st.Anchor+"-notes", "Keep work and friends apart.", chromedp.ByQuery))
					click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, st.Anchor))
				case "ending":
					var path []string
					p.Eval(t, `Array.from(document.querySelectorAll('#`+st.Anchor+` .gp-scenario__path li'), li => li.textContent)`, &path)
					if len(path) != len(c.Best) {
						t.Errorf("end screen path has %d steps, want %d: %q", len(path), len(c.Best), path)
					}
					var kept string
					p.Eval(t, `localStorage.getItem('`+keyOf(c)+`') || ''`, &kept)
					if !strings.Contains(kept, "Keep work and friends apart.") && hasReflection(c) {
						t.Errorf("the reflection was not kept on the device: %s", kept)
					}
					// Reload: the same step. Back: the step before.
					p.Run(t, chromedp.Reload())
					if s := read(t, p); s.Visible != st.Anchor {
						t.Errorf("after reload: visible %q, want %q", s.Visible, st.Anchor)
					}
					p.Run(t, chromedp.NavigateBack())
					p.Wait(t, visible(steps[c.Best[i-1]].Anchor)) // after Back, the step before
					p.Run(t, chromedp.NavigateForward())
					p.Wait(t, visible(st.Anchor))
					click(t, p, `Array.from(document.querySelectorAll('#`+st.Anchor+` button')).find(b => b.textContent === 'Forget my answers')`)
					click(t, p, `Array.from(document.querySelectorAll('#`+st.Anchor+` button')).find(b => b.textContent === 'Yes, forget my answers')`)
					p.Eval(t, `localStorage.getItem('`+keyOf(c)+`') === null ? '' : localStorage.getItem('`+keyOf(c)+`')`, &kept)
					if strings.Contains(kept, "Keep work") {
						t.Errorf("Forget my answers left: %s", kept)
					}
				}
			}
			for _, pr := range p.Problems() {
				t.Error(pr)
			}
			for _, r := range p.NetworkRequests() {
				t.Errorf("requested %s", r)
			}
		})
	}
}

func hasReflection(c quiz.Compiled) bool {
	for _, id := range c.Best {
		for _, st := range c.Steps {
			if st.ID == id && st.Kind == "reflection" {
				return true
			}
		}
	}
	return false
}

// TestScenarioWithoutJavaScript: every step shows, and every choice, answer and
// reflection has a link to the step it leads to, which exists on the page.
func TestScenarioWithoutJavaScript(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	for _, c := range scs {
		p := b.Open(t, pageURL(dir, c), browser.Options{NoJS: true})
		var got struct {
			Visible int
			Links   []string
			Missing []string
		}
		p.Eval(t, `(() => {
			const steps = Array.from(document.querySelectorAll('.gp-scenario__step'));
			const links = Array.from(document.querySelectorAll('.gp-scenario__go a'), a => a.getAttribute('href'));
			return {
				Visible: steps.filter(s => s.getBoundingClientRect().height > 0).length,
				Links: links,
				Missing: links.filter(h => !document.getElementById(h.slice(1)))
			};
		})()`, &got)
		if got.Visible != len(c.Steps) {
			t.Errorf("%s: %d of %d steps visible with JavaScript off", c.ID, got.Visible, len(c.Steps))
		}
		choices := 0
		for _, st := range c.Steps {
			choices += len(st.Choices)
			if st.Kind != "situation" {
				choices++ // a question's, reflection's or ending's own link
			}
		}
		if len(got.Links) != choices {
			t.Errorf("%s: %d links to steps, want %d", c.ID, len(got.Links), choices)
		}
		for _, m := range got.Missing {
			t.Errorf("%s: link %s leads nowhere", c.ID, m)
		}
	}
}

// TestOddHashesAndKeptAnswers: a hash that names no step, or is not even valid
// percent-encoding, shows the start without a script error; a question's answers
// are kept when the reader goes on and comes back, and stay after a reload.
func TestOddHashesAndKeptAnswers(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	var c quiz.Compiled
	var q quiz.Step
	for _, sc := range scs {
		for _, st := range sc.Steps {
			if st.Kind == "question" && q.ID == "" {
				c, q = sc, st
			}
		}
	}
	if q.ID == "" {
		t.Fatal("no demo scenario has a question")
	}
	for _, hash := range []string{"#%E0%A4%A", "#no-such-step"} {
		p := b.Open(t, pageURL(dir, c)+hash, browser.Options{})
		if s := read(t, p); s.Visible != c.Steps[0].Anchor || s.VisibleCount != 1 {
			t.Errorf("%s: visible %q (%d), want the start %q", hash, s.Visible, s.VisibleCount, c.Steps[0].Anchor)
		}
		for _, pr := range p.Problems() {
			t.Errorf("%s: %s", hash, pr)
		}
	}

	p := b.Open(t, pageURL(dir, c)+"#"+q.Anchor, browser.Options{})
	if s := read(t, p); s.Visible != q.Anchor {
		t.Fatalf("visible %q, want the question %q", s.Visible, q.Anchor)
	}
	click(t, p, fmt.Sprintf(`document.getElementById('%s-%d')`, q.Anchor, 0))
	click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__check')`, q.Anchor))
	click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, q.Anchor))
	p.True(visible(q.Next.Anchor))
	if s := read(t, p); s.Visible != q.Next.Anchor {
		t.Fatalf("after Continue: visible %q, want %q", s.Visible, q.Next.Anchor)
	}
	checked := func() []bool {
		var got []bool
		p.Eval(t, `Array.from(document.querySelectorAll('#`+q.Anchor+` .gp-scenario__options input'), i => i.checked)`, &got)
		return got
	}
	want := fmt.Sprint(append([]bool{true}, make([]bool, len(q.Options)-1)...))
	p.Run(t, chromedp.NavigateBack())
	p.Wait(t, visible(q.Anchor))
	if s := read(t, p); s.Visible != q.Anchor || fmt.Sprint(checked()) != want {
		t.Errorf("after Back: visible %q with %v checked, want %q with %s", s.Visible, checked(), q.Anchor, want)
	}
	p.Run(t, chromedp.Reload())
	if got := fmt.Sprint(checked()); got != want {
		t.Errorf("after reload: %s checked, want %s", got, want)
	}
	for _, pr := range p.Problems() {
		t.Error(pr)
	}
}
