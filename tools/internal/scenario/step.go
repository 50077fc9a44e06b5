package scenario

import (
	"fmt"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/diag"

	"go.yaml.in/yaml/v3"
)

// step parses one step; its kind is the one of situation, question, reflection
// and ending that it has.
func (r *reader) step(n *stepNode) *Step {
	st := &Step{Line: n.node.Line, Col: n.node.Column, Version: n.version}
	f, meant := r.stepFields(n)
	if id, ok := f["id"]; ok {
		st.ID = r.slug(id, "id")
	} else {
		r.missing(n.node, "id", "this step has no id", "add id: a short name for the step, e.g. the-request")
	}
	if t, ok := f["title"]; ok {
		st.Title = r.plain(t, "title")
	}
	st.Kind = r.kind(n, f, meant, st.ID)
	if st.Kind == "" {
		return st
	}
	st.Text, st.TextAt = r.md(n.keys[st.Kind], f[st.Kind], st.Kind)
	r.onlyTheKinds(n, f, st.Kind)
	switch st.Kind {
	case Situation:
		st.Choices = r.choices(n, f["choices"], st.ID)
	case Question:
		if m, ok := f["multiple"]; ok {
			st.Multiple = r.boolean(m, "multiple")
		}
		st.Options = r.options(n, f["options"], st)
		st.Next = r.next(n, f["next"], st.ID)
	case Reflection:
		st.Next = r.next(n, f["next"], st.ID)
	case Ending:
		r.ending(n, f, st)
	}
	return st
}

// stepFields returns a step's known fields, reporting the others, and the
// fields its unknown ones were meant to be (nearest by spelling).
func (r *reader) stepFields(n *stepNode) (f map[string]*yaml.Node, meant map[string]bool) {
	f, meant = map[string]*yaml.Node{}, map[string]bool{}
	r.meant[n.node] = meant
	for k, v := range n.fields {
		if contains(stepFields, k) {
			f[k] = v
			continue
		}
		hint := "the fields of a step are " + strings.Join(stepFields, ", ")
		if near := diag.Nearest(k, stepFields); near != "" {
			hint = fmt.Sprintf("did you mean %q? ", near) + hint
			meant[near] = true
		}
		r.add(n.keys[k], fmt.Sprintf("unknown field %q", k), hint)
	}
	return f, meant
}

// kind returns the step's kind: the one of situation, question, reflection and
// ending it has (the first, when it has two: reported), or "" for none.
func (r *reader) kind(n *stepNode, f map[string]*yaml.Node, meant map[string]bool, id string) string {
	var kinds []string
	for _, k := range kindKeys {
		if _, ok := f[k]; ok {
			kinds = append(kinds, k)
		}
	}
	switch len(kinds) {
	case 0:
		if !meant[Situation] && !meant[Question] && !meant[Reflection] && !meant[Ending] {
			r.add(n.node, fmt.Sprintf("step %q has no text", id), "give it one of situation:, question:, reflection: or ending:")
		}
		return ""
	case 1:
	default:
		// Point at whichever of the two comes second in the file.
		second := n.keys[kinds[1]]
		if k := n.keys[kinds[0]]; k.Line > second.Line {
			second = k
		}
		r.add(second, fmt.Sprintf("step %q has both %s and %s", id, kinds[0], kinds[1]), "a step is one kind: split it into two steps")
	}
	return kinds[0]
}

// kindFields are the fields that belong to each kind of step.
var kindFields = map[string][]string{
	Situation:  {"choices"},
	Question:   {"options", "multiple", "next"},
	Reflection: {"next"},
	Ending:     {"result", "points", "codes"},
}

// onlyTheKinds reports, and drops from f, the fields of other kinds of step.
func (r *reader) onlyTheKinds(n *stepNode, f map[string]*yaml.Node, kind string) {
	for _, k := range []string{"choices", "options", "multiple", "next", "result", "points", "codes"} {
		if _, ok := f[k]; ok && !contains(kindFields[kind], k) {
			r.add(n.keys[k], fmt.Sprintf("a %s step has no %s", kind, k), fmt.Sprintf("a %s step has %s", kind, strings.Join(kindFields[kind], ", ")))
			delete(f, k)
		}
	}
}

// ending reads an ending's result, key points and codes.
func (r *reader) ending(n *stepNode, f map[string]*yaml.Node, st *Step) {
	if res, ok := f["result"]; ok {
		st.Result = r.oneOf(res, "result", Judgements)
	}
	if p, ok := f["points"]; ok {
		if p.Kind != yaml.SequenceNode || len(p.Content) == 0 {
			r.add(p, "points must be a list of key points", "write each point on its own line starting with a dash")
		} else {
			for _, pn := range p.Content {
				p, at := r.md(n.keys["points"], pn, "a key point")
				st.Points, st.PointsAt = append(st.Points, p), append(st.PointsAt, at)
			}
		}
	}
	if c, ok := f["codes"]; ok {
		st.Codes = r.codeList(c)
	}
}

func (r *reader) next(n *stepNode, v *yaml.Node, id string) string {
	if v == nil {
		r.missing(n.node, "next", fmt.Sprintf("step %q has no next", id), "add next: the id of the step that comes after it")
		return ""
	}
	return r.slug(v, "next")
}

func (r *reader) choices(n *stepNode, v *yaml.Node, id string) []Choice {
	if v == nil {
		r.missing(n.node, "choices", fmt.Sprintf("situation %q has no choices", id), "add choices: a list of what the reader could do, each with text, feedback, judgement and next")
		return nil
	}
	if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
		r.add(v, fmt.Sprintf("situation %q has no choices", id), "add at least one choice: - text: ... with feedback, judgement and next")
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		r.add(v, "choices must be a list", "start each choice with a dash: - text: ...")
		return nil
	}
	var out []Choice
	for _, cn := range v.Content {
		if cn.Kind != yaml.MappingNode {
			r.add(cn, "each choice must be fields (key: value)", "give it text, feedback, judgement and next")
			continue
		}
		f := r.fields(cn, choiceFields)
		keys := keyNodes(cn)
		var c Choice
		for _, k := range choiceFields {
			if _, ok := f[k]; !ok {
				r.missing(cn, k, "this choice has no "+k, map[string]string{
					"text": "add text: what the reader could do", "feedback": "add feedback: what happens and why",
					"judgement": "add judgement: good, risky or poor", "next": "add next: the id of the step it leads to"}[k])
			}
		}
		if t, ok := f["text"]; ok {
			c.Text, c.TextAt = r.md(keys["text"], t, "text")
		}
		if t, ok := f["feedback"]; ok {
			c.Feedback, c.FeedbackAt = r.md(keys["feedback"], t, "feedback")
		}
		if t, ok := f["judgement"]; ok {
			c.Judgement = r.oneOf(t, "judgement", Judgements)
		}
		if t, ok := f["next"]; ok {
			c.Next = r.slug(t, "next")
		}
		out = append(out, c)
	}
	return out
}

func (r *reader) options(n *stepNode, v *yaml.Node, st *Step) []Option {
	if v == nil {
		r.missing(n.node, "options", fmt.Sprintf("question %q has no options", st.ID), "add options: a list of answers, each with text, feedback and correct: true or false")
		return nil
	}
	if v.Kind != yaml.SequenceNode || len(v.Content) < 2 {
		r.add(v, "options must be a list of at least two answers", "start each option with a dash: - text: ...")
		return nil
	}
	var out []Option
	right := 0
	for _, on := range v.Content {
		if on.Kind != yaml.MappingNode {
			r.add(on, "each option must be fields (key: value)", "give it text, feedback and correct")
			continue
		}
		f := r.fields(on, optionFields)
		keys := keyNodes(on)
		var o Option
		if t, ok := f["text"]; ok {
			o.Text, o.TextAt = r.md(keys["text"], t, "text")
		} else {
			r.missing(on, "text", "this option has no text", "add text: the answer")
		}
		if t, ok := f["feedback"]; ok {
			o.Feedback, o.FeedbackAt = r.md(keys["feedback"], t, "feedback")
		} else {
			r.missing(on, "feedback", "this option has no feedback", "add feedback: why this answer is right or not")
		}
		if t, ok := f["correct"]; ok {
			o.Correct = r.boolean(t, "correct")
		}
		if o.Correct {
			right++
		}
		out = append(out, o)
	}
	switch {
	case right == 0:
		r.add(v, fmt.Sprintf("question %q has no right answer", st.ID), "mark the right option(s) with correct: true")
	case right > 1 && !st.Multiple:
		r.add(v, fmt.Sprintf("question %q has %d right answers but allows only one", st.ID, right), "add multiple: true to the question, or mark only one option correct: true")
	}
	return out
}

func keyNodes(m *yaml.Node) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		out[m.Content[i].Value] = m.Content[i]
	}
	return out
}
