package diag_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"go.yaml.in/yaml/v3"
)

// In the demo pack's own files, each of these mistakes (a tab, a dropped closing
// quote, a field indented one space less), made on any line where
// it breaks the file, is reported at that line.
func TestMistakesInTheDemoPackAtTheirLine(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "data", "*.yaml"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "..", "scenarios", "*.yaml"))
	files = append(files, more...)
	qt.Assert(t, len(files) > 3, qt.IsTrue)
	quoted := regexp.MustCompile(`^(\s*(- )?[a-z]+: )"([^"]*)"\s*$`)
	keyed := regexp.MustCompile(`^(\s*)(- )?[a-z]+: \S`)
	tried := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		qt.Assert(t, err, qt.IsNil)
		lines := strings.Split(string(src), "\n")
		for i, l := range lines {
			var breaks []struct{ what, line, msg string }
			if m := quoted.FindStringSubmatch(l); m != nil {
				breaks = append(breaks, struct{ what, line, msg string }{"drop the closing quote", m[1] + `"` + m[3], "the quote \" opened here is not closed"})
			}
			if m := keyed.FindStringSubmatch(l); m != nil && len(m[1]) >= 2 {
				breaks = append(breaks, struct{ what, line, msg string }{"tab", "\t" + l[2:], "this line is indented with a tab"})
			}
			if m := keyed.FindStringSubmatch(l); m != nil && len(m[1]) >= 2 && m[2] == "" {
				breaks = append(breaks, struct{ what, line, msg string }{"one space less", l[1:], "this line's indentation matches no line above it"})
			}
			for _, b := range breaks {
				mutated := append(append(append([]string{}, lines[:i]...), b.line), lines[i+1:]...)
				bad := []byte(strings.Join(mutated, "\n"))
				var n yaml.Node
				err := yaml.Unmarshal(bad, &n)
				if err == nil {
					continue // still YAML: other checks find it
				}
				tried++
				p := diag.YAMLSyntax("x.yaml", bad, err)
				qt.Check(t, p.Line, qt.Equals, i+1, qt.Commentf("%s, %s on line %d: %v", filepath.Base(f), b.what, i+1, p))
				qt.Check(t, p.Msg, qt.Equals, b.msg, qt.Commentf("%s, %s on line %d", filepath.Base(f), b.what, i+1))
			}
		}
	}
	t.Logf("%d mistakes tried", tried)
	qt.Assert(t, tried > 50, qt.IsTrue)
}

// FuzzYAMLSyntax: for any file yaml.v3 refuses, the problem is at a line of
// the file (or 0 when unknown), and finding it never panics.
func FuzzYAMLSyntax(f *testing.F) {
	for _, s := range []string{"- id: a\n\tq: b\n", "a: \"b\nc: d\n", "a: [b\n", "- a\nb: c\n", "k: |4\n  x\n", "a: 'b''c\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var n yaml.Node
		err := yaml.Unmarshal(src, &n)
		if err == nil {
			return
		}
		p := diag.YAMLSyntax("f.yaml", src, err)
		if lines := strings.Count(string(src), "\n") + strings.Count(string(src), "\r") + 1; p.Line < 0 || p.Line > lines+1 {
			t.Fatalf("line %d of a %d-line file: %v", p.Line, lines, p)
		}
		if p.Msg == "" {
			t.Fatal("no message")
		}
	})
}
