package bench_test

import (
	"testing"

	"github.com/guidepack/guidepack/tools/internal/bench"
	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// BenchmarkBuild1000 builds a generated pack of 1,000 pages and 100 scenarios
// with the whole pipeline: go test -bench Build -benchtime 3x ./tools/internal/bench
// (guidepack bench compares it with bare Hugo, and at 5,000 pages).
func BenchmarkBuild1000(b *testing.B) {
	dir := b.TempDir()
	if err := bench.Generate(sitetest.Repo(), dir, bench.Spec{Pages: 1000, Scenarios: 100, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := build.Run(build.Options{Root: dir}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestGenerateIsDeterministic: the same seed gives the same pack, and it builds.
func TestGenerateIsDeterministic(t *testing.T) {
	a, c := t.TempDir(), t.TempDir()
	for _, d := range []string{a, c} {
		if err := bench.Generate(sitetest.Repo(), d, bench.Spec{Pages: 60, Scenarios: 4, Seed: 7}); err != nil {
			t.Fatal(err)
		}
	}
	if h1, h2 := tree(t, a), tree(t, c); h1 != h2 {
		t.Error("two packs from the same seed differ")
	}
	res, err := build.Run(build.Options{Root: a})
	if err != nil {
		t.Fatalf("the generated pack does not build:\n%v", err)
	}
	if res.Scenarios != 6 { // 4 files, 2 with two variants each
		t.Errorf("%d scenarios, want 6", res.Scenarios)
	}
}
