package browser_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/guidepack/guidepack/tools/internal/browser"
)

// focusBox is where the focused element and the scenario's progress bar are,
// in the viewport.
type focusBox struct {
	What                           string
	Top, Bottom, BarTop, BarBottom float64
	Height                         float64
}

const readFocus = `(() => {
	const a = document.activeElement, r = a.getBoundingClientRect();
	const bar = document.querySelector('.gp-scenario__bar'), b = bar.getBoundingClientRect();
	if (bar.contains(a)) return {What: 'bar', Top: b.bottom, Bottom: b.bottom, BarTop: b.top, BarBottom: b.bottom, Height: innerHeight};
	return {What: a.tagName + '.' + a.className + ' ' + (a.textContent || '').slice(0, 30), Top: r.top, Bottom: r.bottom,
		BarTop: b.top, BarBottom: b.bottom, Height: innerHeight};
})()`

// TestStickyBarHidesNothing: on a phone (320×640 and 375×667), the scenario's
// progress bar stays at the top of the screen as the reader scrolls, and
// nothing the reader moves to is under it (WCAG 2.2 2.4.11, focus not
// obscured): not the feedback focused after a choice, not the next step's
// heading, not any control reached with Tab or Shift+Tab; and it takes at most a
// fifth of the screen. Before the first step
// there is no tall empty gap between the employer's policy notice and the step.
func TestStickyBarHidesNothing(t *testing.T) {
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	c, steps := scenarioByID(t, scs, "colleague-offensive-post")
	for _, size := range [][2]int{{320, 640}, {375, 667}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			p := b.Open(t, pageURL(dir, c), browser.Options{Width: size[0], Height: size[1]})
			p.Eval(t, `localStorage.clear(), true`, new(bool))
			p.Run(t, chromedp.Reload())
			var gap float64
			p.Eval(t, `(() => {
				const n = document.querySelector('.gp-notice').getBoundingClientRect();
				const bar = document.querySelector('.gp-scenario__bar').getBoundingClientRect();
				const step = Array.from(document.querySelectorAll('.gp-scenario__step')).find(s => !s.hidden).getBoundingClientRect();
				return step.top - n.bottom - bar.height;
			})()`, &gap)
			t.Logf("%.0f px between the policy notice and the first step, beside the progress bar", gap)
			if gap > 48 {
				t.Errorf("%.0f px of empty space between the policy notice and the first step (beside the progress bar)", gap)
			}
			check := func(where string) {
				t.Helper()
				var f focusBox
				p.Eval(t, readFocus, &f)
				if f.Top < f.BarBottom-1 && f.Bottom > f.BarTop {
					t.Errorf("%s: the focused %s (top %.0f) is under the progress bar (bottom %.0f)", where, f.What, f.Top, f.BarBottom)
				}
				if f.Top >= f.Height {
					t.Errorf("%s: the focused %s is below the screen (top %.0f of %.0f)", where, f.What, f.Top, f.Height)
				}
			}
			first := steps["the-post"]
			click(t, p, fmt.Sprintf(`document.querySelectorAll('#%s .gp-scenario__choose')[1]`, first.Anchor))
			p.Wait(t, focusIn("gp-scenario__result"))
			check("after a choice, the feedback")
			// Back up through the choices with Shift+Tab: each comes into view below the bar.
			for i := 0; i < 4; i++ {
				p.Run(t, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(input.ModifierShift)))
				check(fmt.Sprintf("Shift+Tab %d from the feedback", i+1))
			}
			click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__continue')`, first.Anchor))
			q := steps["duty"]
			p.Wait(t, visible(q.Anchor)+" && "+focusIn("gp-scenario__title"))
			check("the next step's heading")
			var bar float64
			p.Eval(t, `document.querySelector('.gp-scenario__bar').getBoundingClientRect().height`, &bar)
			t.Logf("the progress bar, with Back and Start again, is %.0f px tall", bar)
			if bar > float64(size[1])/5 {
				t.Errorf("the progress bar takes %.0f px of a %d px screen, more than a fifth", bar, size[1])
			}
			for i := 0; i < len(q.Options)+1; i++ {
				p.Run(t, chromedp.KeyEvent(kb.Tab))
				check(fmt.Sprintf("Tab %d in the question", i+1))
			}
			click(t, p, fmt.Sprintf(`document.querySelector('#%s .gp-scenario__check')`, q.Anchor))
			p.Wait(t, focusIn("gp-scenario__result"))
			check("the question's feedback")
			for i := 0; i < len(q.Options)+2; i++ {
				p.Run(t, chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(input.ModifierShift)))
				check(fmt.Sprintf("Shift+Tab %d from the question's feedback", i+1))
			}
			// The bar is at the top of the screen with the step's last line at the bottom.
			var stuck bool
			p.Eval(t, `(() => {
				const s = document.getElementById('`+q.Anchor+`');
				scrollTo(0, scrollY + s.getBoundingClientRect().bottom - innerHeight);
				return scrollY > 0 && Math.abs(document.querySelector('.gp-scenario__bar').getBoundingClientRect().top) < 1;
			})()`, &stuck)
			if !stuck {
				t.Error("the progress bar is not at the top of the screen after scrolling")
			}
			noProblems(t, "scenario", p)
		})
	}
}
