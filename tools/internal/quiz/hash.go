package quiz

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// What a learner's saved answers mean, and so when they still fit a scenario
// that changed: the browser keeps, for each scenario, the scenario's hash and
// the hash of every step it kept an answer to (assets/js/gp/store.js). A step's
// hash covers what an answer to it points at, by position: its kind, for a
// situation each choice's judgement and where it leads, for a question whether
// it takes several answers and which options are right, and where the step
// leads next. Text is not in it: a reworded title, situation, choice or
// feedback keeps the answers (the learner's choice B is still the choice that
// leads where it led and was judged as it was). Adding, removing or reordering
// choices or options, or changing a judgement, a right answer or a destination,
// changes the step's hash, and the answers to that step are dropped. The
// scenario's hash covers its start and every step's id and hash, so an
// unchanged scenario is recognised at once.

// stepHash is a step's hash (see above): 12 hex digits.
func stepHash(st *Step) string {
	var b strings.Builder
	b.WriteString(st.Kind)
	b.WriteString("|")
	b.WriteString(strconv.FormatBool(st.Multiple))
	for _, ch := range st.Choices {
		b.WriteString("|c:" + ch.Judgement + ">" + ch.Next.ID)
	}
	for _, o := range st.Options {
		b.WriteString("|o:" + strconv.FormatBool(o.Correct))
	}
	if st.Next != nil {
		b.WriteString("|n>" + st.Next.ID)
	}
	return short(b.String())
}

// setHashes sets every step's hash and the scenario's.
func setHashes(c *Compiled) {
	var b strings.Builder
	b.WriteString("start>" + c.Start)
	for i := range c.Steps {
		c.Steps[i].Hash = stepHash(&c.Steps[i])
		b.WriteString("\n" + c.Steps[i].ID + "=" + c.Steps[i].Hash)
	}
	c.Hash = short(b.String())
}

func short(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}
