package quiz_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// FuzzCompile: whatever a scenario file holds, checking and compiling it never
// panics, and a scenario that passes the checks compiles to JSON the page can read.
func FuzzCompile(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join(repo, "scenarios", "*.yaml"))
	for _, file := range files {
		b, _ := os.ReadFile(file)
		f.Add(b)
	}
	f.Add([]byte("id: s\ntitle: S\nservice: all\nsteps:\n  - id: a\n    situation: \"[x](y.md) <b> *a*\"\n    choices: [{text: t, feedback: f, judgement: good, next: b}]\n  - id: b\n    ending: E\n"))
	root := f.TempDir()
	f.Fuzz(func(t *testing.T, src []byte) {
		scs, ps := scenario.Parse("scenarios/fuzz.yaml", src, []string{"5.8", "3.5"})
		if len(ps) > 0 {
			return
		}
		gen := t.TempDir()
		if err := quiz.Compile(root, gen, scs); err != nil {
			return // broken links are the author's mistake, reported
		}
		for _, s := range scs {
			b, err := os.ReadFile(filepath.Join(gen, "data", "scenarios", s.ID+".json"))
			if err != nil {
				t.Fatal(err)
			}
			var c quiz.Compiled
			if err := json.Unmarshal(b, &c); err != nil {
				t.Fatal(err)
			}
			if len(c.Steps) != len(s.Steps) || len(c.Best) == 0 {
				t.Fatalf("compiled %d steps of %d, best path %v", len(c.Steps), len(s.Steps), c.Best)
			}
		}
	})
}
