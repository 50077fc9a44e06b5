package search

import (
	"math/rand/v2"
	"testing"

	qt "github.com/frankban/quicktest"
)

// findWords finds what the word pattern finds (the rule search.js reads), in
// the cases that matter (numbers with dots, apostrophes, digits inside words)
// and in 200,000 random strings over the characters that do.
func TestFindWordsIsThePattern(t *testing.T) {
	cases := []string{
		"", "a", "5.8", "5.8.1", "5.", "5.a", ".5", "1.2.x", "5.8abc", "a5.8", "12ab.3", "don't", "it's'",
		"a'1", "a''b", "'a", "rock'n'roll", "x1'y", "1'a", "1.2'a", "employer's policy, code 5.8.",
		"naïve café", "ünïcode ß 5.8é", "a.b.c", "1..2", "1.2..3", "0.0.0.0", "''", "a'",
	}
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "ab z09.' -é"
	for range 200000 {
		b := make([]rune, r.IntN(12))
		rs := []rune(alphabet)
		for i := range b {
			b[i] = rs[r.IntN(len(rs))]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		got, want := findWords(s), wordRE.FindAllString(s, -1)
		if len(got) == 0 && len(want) == 0 {
			continue
		}
		qt.Assert(t, got, qt.DeepEquals, want, qt.Commentf("%q", s))
	}
}

func FuzzFindWords(f *testing.F) {
	for _, s := range []string{"5.8.1 don't", "a'1 1.2'a", "rock'n'roll"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := findWords(s), wordRE.FindAllString(s, -1)
		if len(got) == 0 && len(want) == 0 {
			return
		}
		qt.Assert(t, got, qt.DeepEquals, want, qt.Commentf("%q", s))
	})
}
