package quiz_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/scenario"
)

const hashed = `id: s
title: S
service: all
start: a
steps:
  - id: a
    title: First
    situation: What do you do?
    choices:
      - text: Ask.
        judgement: good
        feedback: Yes.
        next: q
      - text: Post.
        judgement: poor
        feedback: No.
        next: end
  - id: q
    title: Who?
    question: Who do you tell?
    options:
      - text: Manager.
        correct: true
        feedback: Yes.
      - text: Friends.
        correct: false
        feedback: No.
    next: r
  - id: r
    title: Think
    reflection: What helps?
    next: end
  - id: end
    title: Done
    ending: Done.
`

// compiled compiles one scenario source and returns it.
func compiled(t *testing.T, src string) quiz.Compiled {
	t.Helper()
	scs, ps := scenario.Parse("scenarios/s.yaml", []byte(src), nil)
	qt.Assert(t, ps, qt.HasLen, 0)
	gen := t.TempDir()
	qt.Assert(t, quiz.Compile(t.TempDir(), gen, scs), qt.IsNil)
	b, err := os.ReadFile(filepath.Join(gen, "data", "scenarios", "s.json"))
	qt.Assert(t, err, qt.IsNil)
	var c quiz.Compiled
	qt.Assert(t, json.Unmarshal(b, &c), qt.IsNil)
	return c
}

// TestHashFollowsWhatAnswersMean: rewording keeps every hash (a learner's saved
// answers still fit); a change to what an answer points at (order of choices, a
// judgement, a destination, a right answer, an option more) changes that step's
// hash and the scenario's, and no other step's.
func TestHashFollowsWhatAnswersMean(t *testing.T) {
	base := compiled(t, hashed)
	qt.Assert(t, base.Hash, qt.Matches, `[0-9a-f]{12}`)
	hashes := func(c quiz.Compiled) map[string]string {
		m := map[string]string{}
		for _, st := range c.Steps {
			m[st.ID] = st.Hash
		}
		return m
	}
	for _, tc := range []struct {
		name, from, to string
		changed        string // the step whose hash changes; "" for none
	}{
		{"reworded", "text: Ask.", "text: Ask your manager.", ""},
		{"feedback reworded", "feedback: No.\n        next: end", "feedback: Not that.\n        next: end", ""},
		{"title reworded", "title: Think", "title: Think it over", ""},
		{"judgement", "judgement: poor", "judgement: risky", "a"},
		{"destination", "feedback: No.\n        next: end", "feedback: No.\n        next: r", "a"},
		{"right answer", "correct: true\n        feedback: Yes.\n      - text: Friends.\n        correct: false", "correct: false\n        feedback: Yes.\n      - text: Friends.\n        correct: true", "q"},
		{"option added", "    next: r\n", "      - text: Nobody.\n        correct: false\n        feedback: No.\n    next: r\n", "q"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(hashed, tc.from, tc.to, 1)
			qt.Assert(t, src, qt.Not(qt.Equals), hashed)
			c := compiled(t, src)
			for id, h := range hashes(c) {
				qt.Check(t, h != hashes(base)[id], qt.Equals, id == tc.changed, qt.Commentf("step %s", id))
			}
			qt.Check(t, c.Hash != base.Hash, qt.Equals, tc.changed != "")
		})
	}
}
