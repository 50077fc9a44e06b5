package diag_test

import (
	"runtime"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
)

// Deep is a YAML value nested n levels deep in brackets, after "key: " on line 2.
func Deep(n int, closed bool) []byte {
	s := "id: x\nkey: " + strings.Repeat("[", n)
	if closed {
		s += strings.Repeat("]", n)
	}
	return []byte(s + "\n")
}

// allocated returns how many bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Every way of nesting too deep is refused at the place it passes the limit,
// in memory linear in the file (goccy/go-yaml, asked to place a syntax error,
// took 23 GB on a 400 KB file).
func TestTooDeepIsRefusedCheaply(t *testing.T) {
	for _, tc := range []struct {
		name      string
		src       []byte
		line, col int
	}{
		{"80,000 brackets, closed", Deep(80000, true), 2, 5 + diag.MaxDepth},
		{"80,000 brackets, never closed", Deep(80000, false), 2, 5 + diag.MaxDepth},
		{"9,000 brackets: yaml.v3 reads it", Deep(9000, true), 2, 5 + diag.MaxDepth},
		{"just over the limit", Deep(diag.MaxDepth, true), 2, 5 + diag.MaxDepth},
		{"flow mappings", []byte("id: x\nkey: " + strings.Repeat("{a: ", 80000) + "\n"), 2, 5 + 4*(diag.MaxDepth-1) + 1},
		{"compact block items", []byte("id: x\nkey:\n  " + strings.Repeat("- ", 80000) + "x\n"), 3, 2 + 2*(diag.MaxDepth-1) + 1},
		{"block items on their own lines", []byte("key:\n" + deepBlock(200)), 2 + diag.MaxDepth - 1, 2*(diag.MaxDepth-1) + 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p *diag.Problem
			alloc := allocated(func() { _, p = diag.ParseYAML("data/x.yaml", tc.src) })
			qt.Assert(t, p, qt.IsNotNil)
			qt.Check(t, p.Msg, qt.Contains, "nested more than 64 levels deep")
			qt.Check(t, []int{p.Line, p.Col}, qt.DeepEquals, []int{tc.line, tc.col}, qt.Commentf("%v", p))
			qt.Check(t, alloc < 512*uint64(len(tc.src))+1<<20, qt.IsTrue, qt.Commentf("%d bytes allocated for a %d-byte file", alloc, len(tc.src)))
		})
	}
	// At the limit, it is fine.
	_, p := diag.ParseYAML("data/x.yaml", Deep(diag.MaxDepth-1, true))
	qt.Assert(t, p, qt.IsNil)
}

func deepBlock(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat("  ", i) + "-\n")
	}
	return b.String()
}

func TestTooBig(t *testing.T) {
	src := []byte("- " + strings.Repeat("a", diag.MaxSize) + "\n")
	_, p := diag.ParseYAML("data/big.yaml", src)
	qt.Assert(t, p, qt.IsNotNil)
	qt.Assert(t, p.String(), qt.Equals, "data/big.yaml:1:1: this file is 16 MB, more than the 16 MB a file may be\nhint: split it into smaller files, or remove what does not belong in it")
}

// A long line is quoted in part, around the column, so the caret stays under it.
func TestLongLineQuotedInPart(t *testing.T) {
	line := strings.Repeat("a", 200) + "X" + strings.Repeat("b", 200)
	p := diag.Problem{File: "f.yaml", Line: 1, Col: 201, Msg: "here", Source: line}
	want := "f.yaml:1:201: here\n> 1 | …" + strings.Repeat("a", 60) + "X" + strings.Repeat("b", 39) + "…\n" +
		strings.Repeat(" ", len("> 1 | ")+61) + "^"
	qt.Assert(t, p.String(), qt.Equals, want)
}

// A byte that is not UTF-8, or a NUL, is named at its line and column, and the
// line is quoted printably.
func TestTextNamesWhatIsNotText(t *testing.T) {
	p := diag.Text("content/a.md", []byte("---\ntitle: Café\n---\nCaf\xe9 au lait\n"))
	qt.Assert(t, p.String(), qt.Equals, "content/a.md:4:4: this line holds a byte that is not UTF-8 text\n> 4 | Caf\ufffd au lait\n         ^\n"+
		"hint: save the file as UTF-8 (in the editor's Save as, choose the encoding UTF-8), then check the character here")
	p = diag.Text("d.yaml", []byte("- id: ä\n  q: a\x00b\r\n"))
	qt.Assert(t, []int{p.Line, p.Col}, qt.DeepEquals, []int{2, 7})
	qt.Assert(t, p.Source, qt.Equals, "  q: a\ufffdb")
	qt.Assert(t, diag.Text("ok.yaml", []byte("- id: ä\n")), qt.IsNil)
}
