// Package scenario reads scenario files (scenarios/*.yaml) and checks them: every
// problem in one run, each with file:line:col and a hint. A file holds one
// scenario, or a base with variants (e.g. a children's and an adult's version
// that share their common steps); each variant becomes a scenario of its own.
package scenario

import (
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/review"
	"go.yaml.in/yaml/v3"
)

// Scenario is one checked scenario, ready to compile.
type Scenario struct {
	ID, Title, Summary string
	Service            string // children, adults or all
	Codes              []string
	Minutes            int
	Start              string
	Steps              []*Step
	File               string // where it was written, relative to the project
	// Review is its review fields (reviewed, review_by, owner), checked.
	Review *review.Entry

	reviewAt review.Fields // where they are written

	given   map[string]bool // the fields the file gives, right or wrong
	startAt *yaml.Node      // where start: is given, if it is
	idAt    *yaml.Node      // where its id is given
}

// Kinds of step.
const (
	Situation  = "situation"
	Question   = "question"
	Reflection = "reflection"
	Ending     = "ending"
)

// Step is one step of a scenario.
type Step struct {
	ID, Kind string
	Title    string // a short heading; optional
	Text     string // Markdown: the situation, question, reflection prompt or outcome
	TextAt   Where
	Choices  []Choice
	Options  []Option // a question's options
	Multiple bool     // a question with more than one right answer
	Next     string   // where a question or reflection leads
	Result   string   // an ending's result: good, risky or poor
	Points   []string // an ending's key points (Markdown)
	PointsAt []Where
	Codes    []string // an ending's codes
	Line     int      // where the step starts in its file
	Col      int
	// Version says what a variant does to the step: VersionChanges (it
	// replaces fields of the base's step of its id), VersionAdds (the base has
	// no such step), or "" (the base's step as it is, or no variants).
	Version string
}

// What a variant does to a step (Step.Version).
const (
	VersionChanges = "changes"
	VersionAdds    = "adds"
)

// Choice is one thing the reader may do at a situation.
type Choice struct {
	Text, Feedback     string // Markdown
	TextAt, FeedbackAt Where
	Judgement          string // good, risky or poor
	Next               string
}

// Option is one answer to a question.
type Option struct {
	Text, Feedback     string
	TextAt, FeedbackAt Where
	Correct            bool
}

// Where is where a Markdown text is written, so that a mistake found inside it
// (a broken link) can be reported at its own line and column.
type Where struct {
	File      string
	Line, Col int // where the value starts

	key, value *yaml.Node // the parser's nodes: where the text is and how it is written
	trim       int        // the bytes trimmed off the start of the value
	src        []byte     // the whole file
}

// At returns the file's line and column of byte offset i in the text (as
// trimmed), found from the parser's nodes (diag.ValueAt).
func (w Where) At(i int) (int, int) {
	if w.value == nil {
		return 0, 0
	}
	return diag.ValueAt(w.src, w.key, w.value, w.trim+i)
}

// Source returns line n (from 1) of the file the text is in, to quote.
func (w Where) Source(n int) string { return diag.LineOf(w.src, n) }

// In returns the file's line and column of a place in the text (line from 0,
// column from 1 in characters, counted in the text as trimmed).
func (w Where) In(line, col int) (int, int) {
	if w.value == nil {
		return 0, 0
	}
	return w.At(diag.Offset(w.value.Value[w.trim:], line, col))
}

// At returns where the scenario's id is given (1, 1 when it is not).
func (s *Scenario) At() (line, col int) {
	if s.idAt == nil {
		return 1, 1
	}
	return s.idAt.Line, s.idAt.Column
}

// Step returns the step with the id, or nil.
func (s *Scenario) Step(id string) *Step {
	for _, st := range s.Steps {
		if st.ID == id {
			return st
		}
	}
	return nil
}

// Nexts returns the ids a step leads to.
func (st *Step) Nexts() []string {
	if st.Kind == Situation {
		ids := make([]string, len(st.Choices))
		for i, c := range st.Choices {
			ids[i] = c.Next
		}
		return ids
	}
	if st.Next != "" {
		return []string{st.Next}
	}
	return nil
}

// Judgements a choice may have, best first.
var Judgements = []string{"good", "risky", "poor"}

// Services a scenario may be for.
var Services = []string{"children", "adults", "all"}
