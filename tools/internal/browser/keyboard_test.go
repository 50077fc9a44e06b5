package browser_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/quiz"
)

// move is one step of a path: the step, and the choice taken there (-1 if none).
type move struct {
	step   quiz.Step
	choice int
}

// paths returns every path from the start to an ending that visits no step twice.
func paths(c quiz.Compiled) [][]move {
	steps := map[string]quiz.Step{}
	for _, st := range c.Steps {
		steps[st.ID] = st
	}
	var out [][]move
	var walk func(id string, path []move, seen map[string]bool)
	walk = func(id string, path []move, seen map[string]bool) {
		st := steps[id]
		if seen[id] {
			return
		}
		seen = copyMap(seen)
		seen[id] = true
		switch {
		case st.Kind == "ending":
			out = append(out, append(append([]move{}, path...), move{st, -1}))
		case st.Kind == "situation":
			for i, ch := range st.Choices {
				walk(ch.Next.ID, append(append([]move{}, path...), move{st, i}), seen)
			}
		default:
			walk(st.Next.ID, append(append([]move{}, path...), move{st, -1}), seen)
		}
	}
	walk(c.Start, nil, map[string]bool{})
	return out
}

func copyMap(m map[string]bool) map[string]bool {
	c := make(map[string]bool, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// tabTo presses Tab until the focused element matches the selector.
func tabTo(t *testing.T, p *browser.Page, selector string) {
	t.Helper()
	for i := 0; i < 60; i++ {
		var ok bool
		p.Eval(t, fmt.Sprintf(`!!document.activeElement && document.activeElement.matches(%q)`, selector), &ok)
		if ok {
			return
		}
		p.Run(t, chromedp.KeyEvent(kb.Tab))
	}
	var at string
	p.Eval(t, `document.activeElement ? document.activeElement.outerHTML.slice(0, 100) : ''`, &at)
	t.Fatalf("Tab never reached %s (focus is on %s)", selector, at)
}

func focused(t *testing.T, p *browser.Page) string {
	var s string
	p.Eval(t, `document.activeElement ? (document.activeElement.className || document.activeElement.tagName) : ''`, &s)
	return s
}

// TestEveryPathByKeyboard plays every path of every demo scenario to its ending
// with the keyboard only, on a 320 px wide screen: Tab to a choice, Enter; focus
// moves to the feedback, which is announced; Tab to Continue, Enter; focus moves
// to the next step's heading. Questions are answered with Space, reflections typed.
func TestEveryPathByKeyboard(t *testing.T) {
	t.Parallel()
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	n := 0
	for _, c := range scs {
		for _, path := range paths(c) {
			n++
			var names []string
			for _, m := range path {
				names = append(names, m.step.ID)
			}
			t.Run(c.ID+"/"+strings.Join(names, ">"), func(t *testing.T) {
				p := b.Open(t, pageURL(dir, c), browser.Options{Width: 320, Height: 640})
				p.Eval(t, `localStorage.clear(), true`, new(bool))
				p.Run(t, chromedp.Reload()) // start with nothing kept
				for _, m := range path {
					st := m.step
					p.True(visible(st.Anchor))
					if s := read(t, p); s.Visible != st.Anchor {
						t.Fatalf("at %s the visible step is %q", st.ID, s.Visible)
					}
					sel := "#" + st.Anchor
					switch st.Kind {
					case "situation":
						tabTo(t, p, fmt.Sprintf(`%s .gp-scenario__choose:nth-of-type(%d)`, sel, m.choice+1))
						p.Run(t, chromedp.KeyEvent(kb.Enter))
						p.True(focusIn("gp-scenario__result"))
						if f := focused(t, p); !strings.Contains(f, "gp-scenario__result") {
							t.Fatalf("after choosing, focus is on %q", f)
						}
						if s := read(t, p); !strings.HasPrefix(s.Live, "You chose "+st.Choices[m.choice].Label) {
							t.Fatalf("announced %q", s.Live)
						}
						tabTo(t, p, sel+" .gp-scenario__continue")
						p.Run(t, chromedp.KeyEvent(kb.Enter))
					case "question":
						for i, o := range st.Options {
							if o.Correct {
								tabTo(t, p, fmt.Sprintf(`#%s-%d`, st.Anchor, i))
								p.Run(t, chromedp.KeyEvent(" "))
							}
						}
						tabTo(t, p, sel+" .gp-scenario__check")
						p.Run(t, chromedp.KeyEvent(kb.Enter))
						if s := read(t, p); s.Live != "Right." {
							t.Fatalf("right answers announced as %q", s.Live)
						}
						tabTo(t, p, sel+" .gp-scenario__continue")
						p.Run(t, chromedp.KeyEvent(kb.Enter))
					case "reflection":
						tabTo(t, p, sel+" textarea")
						p.Run(t, chromedp.KeyEvent("Noted."))
						tabTo(t, p, sel+" .gp-scenario__continue")
						p.Run(t, chromedp.KeyEvent(kb.Enter))
					case "ending":
						var path int
						p.Eval(t, `document.querySelectorAll('`+sel+` .gp-scenario__path li').length`, &path)
						if path != len(names) {
							t.Errorf("the end screen shows %d steps, want %d", path, len(names))
						}
					}
					if st.Kind != "ending" {
						p.True(focusIn("gp-scenario__title")) // the focus move is queued (setTimeout 0)
						if f := focused(t, p); f != "gp-scenario__title" {
							t.Fatalf("after Continue from %s, focus is on %q, want the next step's heading", st.ID, f)
						}
					}
				}
				for _, pr := range p.Problems() {
					t.Error(pr)
				}
			})
		}
	}
	t.Logf("played %d paths by keyboard", n)
}
