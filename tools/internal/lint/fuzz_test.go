package lint_test

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/diag"
)

// FuzzFrontEnd runs everything the build runs before Hugo (lint.Project, then
// scenario.Load) on a project of one scenario, one data file and one page. It
// must not panic, and must not take more than memory linear in what it reads.
// In CI, briefly:
//
//	GOMEMLIMIT=512MiB go test -run='^$' -fuzz=FuzzFrontEnd -fuzztime=20s ./tools/internal/lint/
func FuzzFrontEnd(f *testing.F) {
	repo := filepath.Join("..", "..", "..")
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join(repo, name))
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	f.Add(read("scenarios/friend-request.yaml"), read("data/faq.yaml"), read("content/guidance/privacy.md"))
	f.Add(read("scenarios/colleague-post.yaml"), read("data/cases.yaml"), read("content/about.md"))
	deep := []byte("- a: " + strings.Repeat("[", 20000) + "\n")
	f.Add(deep, deep, append([]byte("---\ntitle: "), deep...))
	f.Add([]byte("id: x\n\tsteps: 'open\n"), []byte("- id: a\n  id: b\n"), []byte("---\ntitel: A\nkeywrds: x\n---\n<b>"))
	debug.SetMemoryLimit(512 << 20)
	f.Fuzz(func(t *testing.T, sc, data, page []byte) {
		dir := t.TempDir()
		for name, b := range map[string][]byte{"scenarios/s.yaml": sc, "data/faq.yaml": data, "content/p.md": page, "data/codes.yaml": []byte(codes)} {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var ps diag.Problems
		var err error
		n := uint64(len(sc) + len(data) + len(page))
		alloc := allocatedBy(func() { ps, err = frontEnd(dir) })
		if err != nil {
			t.Fatal(err)
		}
		if limit := 2048*n + 32<<20; alloc > limit {
			t.Fatalf("%d MB allocated for %d bytes of input (more than %d MB)", alloc>>20, n, limit>>20)
		}
		for _, p := range ps {
			if p.File == "" || p.Msg == "" {
				t.Fatalf("a problem without a file or message: %#v", p)
			}
			_ = p.String()
		}
	})
}
