package browser_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/guidepack/guidepack/tools/internal/browser"
)

// protoKeys are names every plain JavaScript object already has: as a hash or a
// kept step id they must name nothing.
var protoKeys = []string{"constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"}

// kept is what the scenario script keeps for a scenario in this browser.
type kept struct {
	Path    []any
	Choices map[string]any
}

// TestPrototypeHashes opens a scenario at #constructor, #__proto__, #toString
// and other names of Object.prototype, and at #% (not percent-encoding): each
// shows the start step alone, with no script error, and what the browser keeps
// for the scenario is the start step's id, nothing else. On the start step, a
// hash change to such a name leaves the step shown.
func TestPrototypeHashes(t *testing.T) {
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	c := scs[0]
	start := c.Steps[0]
	for _, key := range append(append([]string{}, protoKeys...), "%", "%E0%A4%A") {
		p := b.Open(t, pageURL(dir, c)+"#"+key, browser.Options{})
		p.Eval(t, `localStorage.clear(), true`, new(bool))
		p.Run(t, chromedp.Reload()) // with nothing kept from an earlier run
		if s := read(t, p); s.Visible != start.Anchor || s.VisibleCount != 1 {
			t.Errorf("#%s: visible %q (%d steps), want the start %q alone", key, s.Visible, s.VisibleCount, start.Anchor)
		}
		var raw string
		p.Eval(t, `localStorage.getItem('`+keyOf(c)+`') || ''`, &raw)
		var k kept
		if err := json.Unmarshal([]byte(raw), &k); err != nil || len(k.Path) != 1 || k.Path[0] != start.ID {
			t.Errorf("#%s: kept %s, want the path [%q]", key, raw, start.ID)
		}
		// From the start step, a hash naming no step changes nothing shown (the
		// event is sent at once, rather than waited for).
		p.Eval(t, `location.hash = '#toString', dispatchEvent(new HashChangeEvent('hashchange')), true`, new(bool))
		if s := read(t, p); s.Visible != start.Anchor || s.VisibleCount != 1 {
			t.Errorf("#%s then #toString: visible %q (%d steps)", key, s.Visible, s.VisibleCount)
		}
		for _, pr := range p.Problems() {
			t.Errorf("#%s: %s", key, pr)
		}
		p.Close()
	}
}

// TestKeptPrototypeKeys: answers kept (or edited by hand) with step ids such as
// "constructor" or "__proto__" neither show on the scenario's end screen nor in
// the learning record, which lists the real steps only, with no "undefined" and
// no script error.
func TestKeptPrototypeKeys(t *testing.T) {
	b := browser.Start(t)
	dir, scs := demoScenarios(t)
	c := scs[0]
	var end string
	for _, st := range c.Steps {
		if st.Kind == "ending" && end == "" {
			end = st.ID
		}
	}
	// The path is cut at the first entry that names no step.
	path := []any{c.Steps[0].ID, end}
	for _, k := range protoKeys {
		path = append(path, k)
	}
	path = append(path, nil, 7, end)
	state, _ := json.Marshal(map[string]any{
		"hash": c.Hash, "path": path, "choices": map[string]any{"constructor": 0, "toString": 1},
		"notes": map[string]any{"__proto__": "x"}, "answers": map[string]any{"valueOf": []int{0}}, "done": "2026-12-01",
	})
	p := b.Open(t, "file://"+filepath.ToSlash(filepath.Join(dir, "learning-record.html")), browser.Options{})
	p.Eval(t, `localStorage.clear(), localStorage.setItem('`+keyOf(c)+`', `+jsString(string(state))+`), true`, new(bool))
	p.Run(t, chromedp.Reload())
	var items []string
	p.Eval(t, `Array.from(document.querySelectorAll('.gp-record__path li'), li => li.textContent)`, &items)
	if len(items) != 2 {
		t.Errorf("the record lists %d steps, want the start and the end: %q", len(items), items)
	}
	for _, it := range items {
		if strings.Contains(it, "undefined") || strings.Contains(it, "function") {
			t.Errorf("the record shows %q", it)
		}
	}
	for _, pr := range p.Problems() {
		t.Errorf("learning record: %s", pr)
	}

	s := b.Open(t, pageURL(dir, c)+"#"+c.Steps[0].Anchor, browser.Options{})
	var raw string
	s.Eval(t, `localStorage.getItem('`+keyOf(c)+`') || ''`, &raw)
	var k kept
	if err := json.Unmarshal([]byte(raw), &k); err != nil || len(k.Path) != 1 || k.Path[0] != c.Steps[0].ID {
		t.Errorf("after opening the scenario, kept %s; want the path [%q]", raw, c.Steps[0].ID)
	}
	for _, pr := range s.Problems() {
		t.Errorf("scenario: %s", pr)
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
