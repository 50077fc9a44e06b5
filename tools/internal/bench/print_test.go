package bench_test

import (
	"bytes"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/bench"
	"github.com/guidepack/guidepack/tools/internal/build"
)

// The table ends with each target of issue 20, met or NOT MET, from the medians.
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
	}, bench.Extra{Warm: 250 * time.Millisecond, EditsPages: 5000, Edits: bench.Edits{Page: 310 * time.Millisecond, Scenario: 400 * time.Millisecond, Runs: 5}})
	got := out.String()
	for _, want := range []string{
		"1000 pages: whole build ≤ 2.0× bare Hugo: 1.40×: met\n",
		"5000 pages: whole build ≤ 2.0× bare Hugo: 2.75×: NOT MET\n",
		"5000 pages: ≤ 8 s: 11.00 s: NOT MET\n",
		"5000 pages: ≤ 1 GiB peak: 900 MiB (highest of the runs): met\n",
		"growth ≤ 6× (issue 8): 7.86×: NOT MET\n",
		"demo pack: warm build ≤ 300 ms: 250 ms: met\n",
		"5000 pages: serve, an edited page shows ≤ 300 ms: 310 ms: NOT MET\n",
		"5000 pages: serve, an edited scenario shows ≤ 500 ms: 400 ms: met\n",
		"median of 5 builds",
	} {
		qt.Check(t, got, qt.Contains, want)
	}
}

// The maps' cost is judged on each of wall, CPU, public/ and zip: one over 5 %
// and the target is not met.
func TestPrintJudgesTheMaps(t *testing.T) {
	cost := bench.MapsCost{With: 10400 * time.Millisecond, Without: 10 * time.Second, WithCPU: 21 * time.Second, WithoutCPU: 20 * time.Second,
		Public: 104, PublicWithout: 100, Zip: 103, ZipWithout: 100}
	r := bench.Row{Spec: bench.Spec{Pages: 5000, Scenarios: 500}, Runs: 3, Total: time.Second, Bare: time.Second, Maps: &cost}
	var out bytes.Buffer
	bench.Print(&out, []bench.Row{r}, bench.Extra{})
	qt.Check(t, out.String(), qt.Contains, "5000 pages: scenario maps: +4.0 % wall, +5.0 % CPU, +4.0 % bytes of public/, +3.0 % zip — target ≤ 5 % (issue 18): met\n")
	cost.Zip = 106
	out.Reset()
	bench.Print(&out, []bench.Row{r}, bench.Extra{})
	qt.Check(t, out.String(), qt.Contains, "+6.0 % zip — target ≤ 5 % (issue 18): NOT MET\n")
}
