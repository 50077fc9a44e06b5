// Package scenario reads scenario files (scenarios/*.yaml) and checks them: every
// problem in one run, each with file:line:col and a hint. A file holds one
// scenario, or a base with variants (e.g. a children's and an adult's version
// that share their common steps); each variant becomes a scenario of its own.
package scenario

import "go.yaml.in/yaml/v3"

// Scenario is one checked scenario, ready to compile.
type Scenario struct {
	ID, Title, Summary string
	Service            string // children, adults or all
	Codes              []string
	Minutes            int
	Start              string
	Steps              []*Step
	File               string // where it was written, relative to the project

	given   map[string]bool // the fields the file gives, right or wrong
	startAt *yaml.Node      // where start: is given, if it is
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
	Choices  []Choice
	Options  []Option // a question's options
	Multiple bool     // a question with more than one right answer
	Next     string   // where a question or reflection leads
	Result   string   // an ending's result: good, risky or poor
	Points   []string // an ending's key points (Markdown)
	Codes    []string // an ending's codes
	Line     int      // where the step starts in its file
	Col      int
}

// Choice is one thing the reader may do at a situation.
type Choice struct {
	Text, Feedback string // Markdown
	Judgement      string // good, risky or poor
	Next           string
}

// Option is one answer to a question.
type Option struct {
	Text, Feedback string
	Correct        bool
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
