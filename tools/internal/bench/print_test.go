package bench_test

import (
	"bytes"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/bench"
	"github.com/guidepack/guidepack/tools/internal/build"
)

// The table ends with each target of issue 8, met or NOT MET, from the medians.
func TestPrintJudgesEachTarget(t *testing.T) {
	row := func(pages int, total, bare time.Duration, peak int64) bench.Row {
		return bench.Row{Spec: bench.Spec{Pages: pages, Scenarios: pages / 10}, Runs: 5,
			Stages: []build.Stage{{Name: "hugo", Took: total, PeakRSS: peak}},
			Total:  total, Bare: bare, Peak: peak, MaxPeak: peak, Fastest: total, Slowest: total, CPU: total}
	}
	var out bytes.Buffer
	bench.Print(&out, []bench.Row{
		row(1000, 1400*time.Millisecond, time.Second, 300<<20), // 1.4×: met
		row(5000, 11*time.Second, 4*time.Second, 900<<20),      // 2.75×, 11 s: not met; 900 MiB: met
	})
	got := out.String()
	for _, want := range []string{
		"1000 pages: whole build ≤ 1.5× bare Hugo: 1.40×: met\n",
		"5000 pages: whole build ≤ 1.5× bare Hugo: 2.75×: NOT MET\n",
		"5000 pages: ≤ 10 s: 11.00 s: NOT MET\n",
		"5000 pages: ≤ 1 GiB peak: 900 MiB (highest of the runs): met\n",
		"growth ≤ 6×: 7.86×: NOT MET\n",
		"median of 5 builds",
	} {
		qt.Check(t, got, qt.Contains, want)
	}
}
