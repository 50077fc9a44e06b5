package scenariomap_test

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/scenario"
	"github.com/guidepack/guidepack/tools/internal/scenariomap"
)

var update = flag.Bool("update", false, "rewrite the golden SVGs in testdata")

var repo = filepath.Join("..", "..", "..")

func demo(t *testing.T) []*scenario.Scenario {
	t.Helper()
	scs, err := scenario.Load(repo, []string{"5.8", "3.5"})
	qt.Assert(t, err, qt.IsNil)
	qt.Assert(t, len(scs) >= 4, qt.IsTrue)
	return scs
}

// TestDemoGoldens compares the maps of the demo scenarios (every variant) with
// testdata/<id>.svg; go test ./tools/internal/scenariomap -update rewrites them
// (open them in a browser to review).
func TestDemoGoldens(t *testing.T) {
	for _, s := range demo(t) {
		m := quiz.Map(s)
		t.Logf("%s: %d crossings, %d×%d px, %d bytes, %d gzipped", s.ID, m.Crossings, m.Width, m.Height, len(m.SVG), gzipped(m.SVG))
		golden := filepath.Join("testdata", s.ID+".svg")
		if *update {
			qt.Assert(t, os.WriteFile(golden, []byte(m.SVG), 0o644), qt.IsNil)
			continue
		}
		want, err := os.ReadFile(golden)
		qt.Assert(t, err, qt.IsNil, qt.Commentf("run with -update to create it"))
		qt.Assert(t, m.SVG, qt.Equals, string(want))
	}
}

// generated makes a scenario of n steps: situations with two to four choices
// (most forward, some back to an earlier step or to itself), questions,
// reflections, and endings of each result; titles of every length.
func generated(seed uint64, n int) *scenario.Scenario {
	rng := rand.New(rand.NewPCG(seed, 7))
	words := strings.Fields("a the request message post colleague manager policy photograph boundary privacy " +
		"what happens next online offline professional judgement confidentiality safeguarding " +
		"responsibilities Wednesday’s supercalifragilisticexpialidocious 20 minutes “quoted” café")
	s := &scenario.Scenario{ID: fmt.Sprintf("gen-%d", seed), Title: "Generated", Start: "s1"}
	ends := max(3, n/6)
	for i := 1; i <= n; i++ {
		st := &scenario.Step{ID: fmt.Sprintf("s%d", i)}
		var title []string
		for range 1 + rng.IntN(12) {
			title = append(title, words[rng.IntN(len(words))])
		}
		st.Title = strings.Join(title, " ")
		later := func() string { return fmt.Sprintf("s%d", i+1+rng.IntN(min(5, n-i))) }
		if i < n-ends && i%5 != 0 && i%7 == 0 || i%5 == 0 && i < n-ends {
			later = func() string { return fmt.Sprintf("s%d", i+1) }
		}
		switch {
		case i > n-ends:
			st.Kind, st.Result = scenario.Ending, scenario.Judgements[i%3]
		case i%5 == 0:
			st.Kind, st.Next = scenario.Question, later()
		case i%7 == 0:
			st.Kind, st.Next = scenario.Reflection, later()
		default:
			st.Kind = scenario.Situation
			for c := range 2 + rng.IntN(3) {
				next := later()
				if c == 0 {
					next = fmt.Sprintf("s%d", i+1) // every step reached, as the checker requires
				}
				if c > 0 && rng.IntN(6) == 0 {
					next = fmt.Sprintf("s%d", 1+rng.IntN(i)) // back, or to itself
				}
				st.Choices = append(st.Choices, scenario.Choice{Judgement: scenario.Judgements[rng.IntN(3)], Next: next})
			}
		}
		s.Steps = append(s.Steps, st)
	}
	// As the checker requires, every step can be reached: one unreached is
	// offered by the situation before it.
	reached := map[string]bool{}
	var walk func(id string)
	walk = func(id string) {
		if reached[id] {
			return
		}
		reached[id] = true
		for _, st := range s.Steps {
			if st.ID == id {
				for _, nx := range st.Nexts() {
					walk(nx)
				}
			}
		}
	}
	walk("s1")
	for i, st := range s.Steps {
		if reached[st.ID] {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if from := s.Steps[j]; from.Kind == scenario.Situation && reached[from.ID] {
				from.Choices = append(from.Choices, scenario.Choice{Judgement: "poor", Next: st.ID})
				break
			}
		}
		walk(st.ID)
	}
	return s
}

func gzipped(s string) int {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	io.WriteString(w, s)
	w.Close()
	return b.Len()
}

// TestBudget: the map of a 30-step scenario is at most 15 KB gzipped.
func TestBudget(t *testing.T) {
	for seed := range uint64(5) {
		s := generated(seed, 30)
		m := scenariomap.Draw(s, scenariomap.Options{Best: []string{"s1", "s2"}})
		z := gzipped(m.SVG)
		t.Logf("%s: 30 steps, %d crossings, %d×%d px, %d bytes, %d gzipped", s.ID, m.Crossings, m.Width, m.Height, len(m.SVG), z)
		qt.Assert(t, z <= 15*1024, qt.IsTrue, qt.Commentf("%d bytes gzipped", z))
	}
}

// TestNoOverlaps: no two boxes overlap; every line of text (as measured with
// the widest likely font) is inside its box; no letter overlaps a box or
// another letter; no edge runs through a box other than its own two.
func TestNoOverlaps(t *testing.T) {
	cases := demo(t)
	for seed := range uint64(20) {
		cases = append(cases, generated(seed, 5+int(seed)*2))
	}
	cases = append(cases, broken(t))
	for _, c := range cases {
		for _, o := range []scenariomap.Options{{}, {Marks: true}} {
			noOverlaps(t, c, o)
		}
	}
}

func noOverlaps(t *testing.T, s *scenario.Scenario, o scenariomap.Options) {
	t.Helper()
	g := scenariomap.Layout(s, o)
	for i, a := range g.Boxes {
		for _, b := range g.Boxes[i+1:] {
			qt.Assert(t, a.Overlaps(b), qt.IsFalse, qt.Commentf("%s: boxes %s and %s overlap", s.ID, a.Name, b.Name))
		}
		for _, tx := range g.Texts[i] {
			qt.Assert(t, a.Contains(tx), qt.IsTrue, qt.Commentf("%s: %q leaves the box of %s: %v in %v", s.ID, tx.Name, a.Name, tx, a))
		}
		for _, l := range g.Letters {
			qt.Assert(t, a.Overlaps(l), qt.IsFalse, qt.Commentf("%s: letter %s on the box of %s", s.ID, l.Name, a.Name))
		}
	}
	for i, a := range g.Letters {
		for _, b := range g.Letters[i+1:] {
			qt.Assert(t, a.Overlaps(b), qt.IsFalse, qt.Commentf("%s: letters %s and %s overlap", s.ID, a.Name, b.Name))
		}
	}
	for e, pts := range g.Lines {
		for i, box := range g.Boxes {
			if i == g.Ends[e][0] || i == g.Ends[e][1] {
				continue
			}
			inner := scenariomap.Rect{X: box.X + 1, Y: box.Y + 1, W: box.W - 2, H: box.H - 2}
			for _, p := range pts {
				if inner.Overlaps(p) {
					t.Fatalf("%s: edge %d runs through %s at %v", s.ID, e, box.Name, p)
				}
			}
		}
	}
}

// TestCrossings: a tree has a drawing without crossings and the layout finds
// it; the demo scenarios are drawn without any.
func TestCrossings(t *testing.T) {
	tree := &scenario.Scenario{ID: "tree", Start: "a", Steps: []*scenario.Step{
		situation("a", "b", "c"),
		situation("b", "d", "e", "f"),
		situation("c", "g", "h"),
		// Listed so that file order alone would cross: d's children after e's.
		situation("d", "l", "m"),
		situation("e", "i", "j"),
		situation("f", "k"),
		end("g"), end("h"), end("i"), end("j"), end("k"), end("l"), end("m"),
	}}
	g := scenariomap.Layout(tree, scenariomap.Options{})
	qt.Assert(t, g.Crossings, qt.Equals, 0)
	for _, s := range demo(t) {
		g := scenariomap.Layout(s, scenariomap.Options{})
		t.Logf("%s: %d crossings", s.ID, g.Crossings)
		qt.Assert(t, g.Crossings, qt.Equals, 0)
	}
	// Two chains that must cross once: a→c→… and b→… where c's row forces it.
	k := &scenario.Scenario{ID: "k", Start: "s", Steps: []*scenario.Step{
		situation("s", "a", "b"),
		situation("a", "x", "y"),
		situation("b", "x", "y"),
		end("x"), end("y"),
	}}
	qt.Assert(t, scenariomap.Layout(k, scenariomap.Options{}).Crossings, qt.Equals, 1)
}

func situation(id string, nexts ...string) *scenario.Step {
	st := &scenario.Step{ID: id, Kind: scenario.Situation, Title: "Step " + id}
	for i, n := range nexts {
		st.Choices = append(st.Choices, scenario.Choice{Judgement: scenario.Judgements[i%3], Next: n})
	}
	return st
}

func end(id string) *scenario.Step {
	return &scenario.Step{ID: id, Kind: scenario.Ending, Title: "End " + id, Result: "good"}
}

// TestBackEdges: a choice that leads back (or to its own step) is drawn round
// the right of every box, and the drawing stays clear.
func TestBackEdges(t *testing.T) {
	s := &scenario.Scenario{ID: "loop", Start: "a", Steps: []*scenario.Step{
		situation("a", "b", "c"),
		situation("b", "a", "b", "d"), // back to the start, and to itself
		situation("c", "d", "a"),
		end("d"),
	}}
	g := scenariomap.Layout(s, scenariomap.Options{})
	right := 0.0
	for _, b := range g.Boxes {
		right = max(right, b.X+b.W)
	}
	backs := 0
	for e, back := range g.Back {
		if !back {
			continue
		}
		backs++
		far := 0.0
		for _, p := range g.Lines[e] {
			far = max(far, p.X)
		}
		qt.Assert(t, far > right, qt.IsTrue, qt.Commentf("back-edge %d stays inside the drawing", e))
	}
	qt.Assert(t, backs, qt.Equals, 3)
	m := scenariomap.Draw(s, scenariomap.Options{})
	qt.Assert(t, m.SVG, qt.Contains, `stroke-dasharray="7 4"`)
	qt.Assert(t, m.SVG, qt.Contains, "3 choices lead back to an earlier step (or the same one), round the right-hand side.")
}

// TestSafeMarkup: author text is escaped; the SVG is well-formed XML with no
// script, no event handler, no style attribute or element (a strict CSP).
func TestSafeMarkup(t *testing.T) {
	s := generated(3, 12)
	s.Title = `Quotes " and ' & <b>`
	s.Steps[0].Title = `<script>alert("x")</script> & 'it' "quoted"`
	s.Steps[1].Title = `]]><foo onload="x">`
	s.ID = "x"
	m := scenariomap.Draw(s, scenariomap.Options{})
	qt.Assert(t, m.SVG, qt.Not(qt.Contains), "<script")
	qt.Assert(t, m.SVG, qt.Not(qt.Contains), "<foo")
	qt.Assert(t, m.SVG, qt.Contains, "&lt;script&gt;alert(&quot;x&quot;)&lt;/scri")
	dec := xml.NewDecoder(strings.NewReader(m.SVG))
	texts := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		qt.Assert(t, err, qt.IsNil)
		switch tok := tok.(type) {
		case xml.StartElement:
			qt.Assert(t, []string{"script", "style", "foreignObject", "a", "image"}, qt.Not(qt.Contains), tok.Name.Local)
			for _, a := range tok.Attr {
				qt.Assert(t, a.Name.Local != "style" && !strings.HasPrefix(a.Name.Local, "on") && a.Name.Local != "href", qt.IsTrue,
					qt.Commentf("attribute %s on <%s>", a.Name.Local, tok.Name.Local))
			}
		case xml.CharData:
			texts += string(tok)
		}
	}
	// Lines of text are a line apart; a word broken across two is whole again.
	qt.Assert(t, strings.ReplaceAll(texts, "\n", ""), qt.Contains, `<script>alert("x")</script>`)
	qt.Assert(t, texts, qt.Contains, `Map of the scenario “Quotes " and ' & <b>”`)
}

// element is an element of a drawing with its presentation attributes, its own
// and those it inherits from its groups.
type element struct {
	name  string
	attrs map[string]string
}

// elements returns the drawing's elements in document order.
func elements(t *testing.T, svg string) []element {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(svg))
	var out []element
	stack := []map[string]string{{}}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		qt.Assert(t, err, qt.IsNil)
		switch tok := tok.(type) {
		case xml.StartElement:
			attrs := map[string]string{}
			for k, v := range stack[len(stack)-1] {
				attrs[k] = v
			}
			for _, a := range tok.Attr {
				attrs[a.Name.Local] = a.Value
			}
			stack = append(stack, attrs)
			out = append(out, element{tok.Name.Local, attrs})
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// TestDeterministic: the same scenario gives the same bytes, every time.
func TestDeterministic(t *testing.T) {
	s := generated(11, 30)
	first := scenariomap.Draw(s, scenariomap.Options{}).SVG
	for range 20 {
		qt.Assert(t, scenariomap.Draw(s, scenariomap.Options{}).SVG, qt.Equals, first)
	}
}

func TestWrap(t *testing.T) {
	lines, cut := scenariomap.Wrap("The request arrives", 156, 13, 3)
	qt.Assert(t, lines, qt.DeepEquals, []string{"The request arrives"})
	qt.Assert(t, cut, qt.IsFalse)
	long := strings.Repeat("boundaries and privacy online ", 8)
	lines, cut = scenariomap.Wrap(long, 156, 13, 3)
	qt.Assert(t, cut, qt.IsTrue)
	qt.Assert(t, lines, qt.HasLen, 3)
	qt.Assert(t, strings.HasSuffix(lines[2], "…"), qt.IsTrue)
	for _, l := range lines {
		qt.Assert(t, scenariomap.Width(l, 13, false) <= 156, qt.IsTrue, qt.Commentf("%q", l))
	}
	lines, _ = scenariomap.Wrap("supercalifragilisticexpialidociously", 80, 13, 3)
	qt.Assert(t, len(lines) > 1, qt.IsTrue)
}

// BenchmarkDraw: the cost of a map, for a demo scenario and a 30-step one.
func BenchmarkDraw(b *testing.B) {
	demo, err := scenario.Load(repo, []string{"5.8", "3.5"})
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range []*scenario.Scenario{demo[2], generated(0, 30)} {
		b.Run(s.ID, func(b *testing.B) {
			for range b.N {
				quiz.Map(s)
			}
		})
	}
}
