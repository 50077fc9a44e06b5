package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/procmem"
)

// Row is one measured size.
type Row struct {
	Spec
	Stages           []build.Stage
	Total            time.Duration // the guidepack build, wall
	Peak             int64         // its peak memory, bytes
	CPU              time.Duration // user+system CPU time of the build
	Bare, BareCPU    time.Duration // bare Hugo on the same pages
	BarePeak         int64
	Pages, HugoPage  int
	Runs             int           // builds measured; the figures are the median's
	Fastest, Slowest time.Duration // the builds' range
	MaxPeak          int64         // the highest peak memory of any run
	Kinds            Breakdown     // where Hugo's time goes by output kind (one more Hugo run)
	Maps             *MapsCost     // what the scenarios' maps cost, when Spec.Maps
}

// PackDir is where Measure generates the pack of spec under tmp.
func PackDir(tmp string, spec Spec) string {
	return filepath.Join(tmp, fmt.Sprintf("pack-%d", spec.Pages))
}

// Measure generates the pack of spec under tmp, builds it with guidepack (the
// binary self, in a child process so its memory is its own) and the same pages
// with bare Hugo (self hugo), runs times each, turn about, and returns the
// figures of the median runs: this machine's disk and neighbours make single
// runs vary by ±30 %. With spec.Maps, each run also builds the same pack with
// scenarioMaps = false, right after, for what the maps cost (Row.Maps).
func Measure(self, repo, tmp string, spec Spec, runs int) (Row, error) {
	row := Row{Spec: spec}
	pack := PackDir(tmp, spec)
	bare := filepath.Join(tmp, fmt.Sprintf("bare-%d", spec.Pages))
	noMaps := pack + "-nomaps"
	for _, d := range []string{pack, bare, noMaps} {
		if err := os.RemoveAll(d); err != nil {
			return row, err
		}
	}
	if err := Generate(repo, pack, spec); err != nil {
		return row, err
	}
	if err := Bare(pack, bare); err != nil {
		return row, err
	}
	var maps MapsCost
	var with, withCPU, without, withoutCPU []time.Duration
	if spec.Maps {
		if err := Generate(repo, noMaps, spec); err != nil {
			return row, err
		}
		if err := withoutMaps(noMaps); err != nil {
			return row, err
		}
	}
	var builds, bares []Row
	for run := range max(runs, 1) {
		// Each run is a first build: nothing left from the one before.
		for _, d := range []string{filepath.Join(pack, "public"), filepath.Join(pack, "dist"), filepath.Join(pack, build.Work), filepath.Join(bare, "public")} {
			if err := os.RemoveAll(d); err != nil {
				return row, err
			}
		}
		out, wall, cpu, peak, err := child(self, "build", "-json", "-C", pack)
		if err != nil {
			return row, fmt.Errorf("build of %s: %v\n%s", pack, err, out)
		}
		var res build.Result
		if err := json.Unmarshal(out, &res); err != nil {
			return row, fmt.Errorf("build -json: %v\n%s", err, out)
		}
		// The build runs Hugo in a child process: its stage peak counts both
		// processes, which the rusage of the build (the larger of the two) does not.
		for _, s := range res.Stages {
			peak = max(peak, s.PeakRSS)
		}
		builds = append(builds, Row{Stages: res.Stages, Total: wall, CPU: cpu, Peak: peak, Pages: res.Pages})
		out, wall, cpu, peak, err = child(self, "hugo", "build", "--source", bare, "--destination", filepath.Join(bare, "public"), "--quiet")
		if err != nil {
			return row, fmt.Errorf("bare Hugo: %v\n%s", err, out)
		}
		bares = append(bares, Row{Bare: wall, BareCPU: cpu, BarePeak: peak})
		if !spec.Maps {
			continue
		}
		// The same pack without maps, right after the one with them.
		with, withCPU = append(with, builds[len(builds)-1].Total), append(withCPU, builds[len(builds)-1].CPU)
		for _, d := range []string{"public", "dist", build.Work} {
			if err := os.RemoveAll(filepath.Join(noMaps, d)); err != nil {
				return row, err
			}
		}
		out, wall, cpu, _, err = child(self, "build", "-json", "-C", noMaps)
		if err != nil {
			return row, fmt.Errorf("build of %s: %v\n%s", noMaps, err, out)
		}
		without, withoutCPU = append(without, wall), append(withoutCPU, cpu)
		if run == 0 {
			if maps.Public, maps.Zip, err = sizes(pack); err != nil {
				return row, err
			}
			if maps.PublicWithout, maps.ZipWithout, err = sizes(noMaps); err != nil {
				return row, err
			}
		}
	}
	if spec.Maps {
		maps.With, maps.WithCPU, maps.Without, maps.WithoutCPU = median(with), median(withCPU), median(without), median(withoutCPU)
		row.Maps = &maps
	}
	sort.Slice(builds, func(i, j int) bool { return builds[i].Total < builds[j].Total })
	sort.Slice(bares, func(i, j int) bool { return bares[i].Bare < bares[j].Bare })
	b, h := builds[len(builds)/2], bares[len(bares)/2]
	row.Stages, row.Total, row.CPU, row.Peak, row.Pages = b.Stages, b.Total, b.CPU, b.Peak, b.Pages
	row.Bare, row.BareCPU, row.BarePeak = h.Bare, h.BareCPU, h.BarePeak
	row.Runs, row.Fastest, row.Slowest = len(builds), builds[0].Total, builds[len(builds)-1].Total
	for _, b := range builds {
		row.MaxPeak = max(row.MaxPeak, b.Peak)
	}
	kinds, err := HugoKinds(self, pack, tmp)
	row.Kinds = kinds
	return row, err
}

func child(self string, args ...string) (out []byte, wall, cpu time.Duration, peak int64, err error) {
	cmd := exec.Command(self, args...)
	start := time.Now()
	out, err = cmd.CombinedOutput()
	wall = time.Since(start)
	if cmd.ProcessState != nil {
		peak = procmem.PeakOf(cmd.ProcessState)
		cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	return out, wall, cpu, peak, err
}

// Targets are issue 20's (and issue 8's growth), for the 2-core machine.
const (
	TargetRatio     = 2.0     // whole build ÷ bare Hugo, at 1,000 and at 5,000 pages
	TargetWall5k    = 8.0     // seconds, 5,000 pages + 500 scenarios
	TargetPeak5k    = 1 << 30 // bytes
	TargetGrowth    = 6.0     // time(5,000) ÷ time(1,000)
	TargetWarm      = 300 * time.Millisecond
	TargetEditPage  = 300 * time.Millisecond // serve, 5,000 pages
	TargetEditScene = 500 * time.Millisecond // serve, 5,000 pages
)

// Extra are the figures measured once, not per size: the warm build of the
// demo pack and serve's edits (on the largest pack measured). Zero: not measured.
type Extra struct {
	Commit     string        // what was measured (git describe of the project)
	Warm       time.Duration // a build with nothing changed
	Forced     time.Duration // a build with -force: all of it again
	Edits      Edits
	EditsPages int // the pack serve's edits were measured on
}

// Print writes the table of rows, and how the figures stand against the targets.
func Print(w io.Writer, rows []Row, x Extra) {
	mb := func(b int64) string { return fmt.Sprintf("%d MiB", b>>20) }
	sec := func(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
	ms := func(d time.Duration) string { return fmt.Sprintf("%d ms", d.Milliseconds()) }
	met := func(ok bool) string {
		if ok {
			return "met"
		}
		return "NOT MET"
	}
	if x.Commit != "" {
		fmt.Fprintf(w, "commit %s\n", x.Commit)
	}
	var checks []string
	for _, r := range rows {
		fmt.Fprintf(w, "\n%d pages + %d scenarios (%d HTML files), median of %d builds\n", r.Spec.Pages, r.Scenarios, r.Pages, r.Runs)
		fmt.Fprintf(w, "  %-10s %10s %10s\n", "stage", "wall", "peak mem")
		for _, s := range r.Stages {
			fmt.Fprintf(w, "  %-10s %10s %10s\n", s.Name, sec(s.Took), mb(s.PeakRSS))
		}
		fmt.Fprintf(w, "  %-10s %10s %10s   (CPU %s: %.1f cores busy; builds took %s to %s; highest peak %s)\n", "total",
			sec(r.Total), mb(r.Peak), sec(r.CPU), r.CPU.Seconds()/r.Total.Seconds(), sec(r.Fastest), sec(r.Slowest), mb(r.MaxPeak))
		fmt.Fprintf(w, "  %-10s %10s %10s\n", "bare Hugo", sec(r.Bare), mb(r.BarePeak))
		ratio := r.Total.Seconds() / r.Bare.Seconds()
		fmt.Fprintf(w, "  ratio to bare Hugo: %.2f×\n", ratio)
		if k := r.Kinds; k.Total > 0 {
			printKinds(w, k, hugoStage(r.Stages))
		}
		checks = append(checks, fmt.Sprintf("%d pages: whole build ≤ %.1f× bare Hugo: %.2f×: %s", r.Spec.Pages, TargetRatio, ratio, met(ratio <= TargetRatio)))
		if r.Spec.Pages == 5000 {
			checks = append(checks,
				fmt.Sprintf("5000 pages: ≤ %.0f s: %s: %s", TargetWall5k, sec(r.Total), met(r.Total.Seconds() <= TargetWall5k)),
				fmt.Sprintf("5000 pages: ≤ 1 GiB peak: %s (highest of the runs): %s", mb(r.MaxPeak), met(r.MaxPeak <= TargetPeak5k)))
		}
		if m := r.Maps; m != nil {
			fmt.Fprintf(w, "  scenario maps (the same pack built again with scenarioMaps = false, turn about; medians): %s with maps, %s without (CPU %s, %s)\n",
				sec(m.With), sec(m.Without), sec(m.WithCPU), sec(m.WithoutCPU))
			checks = append(checks, fmt.Sprintf("%d pages: scenario maps: %s — target ≤ %.0f %% (issue 18): %s", r.Spec.Pages, m, 100*TargetMaps, met(m.Met())))
		}
	}
	if len(rows) == 2 {
		g := rows[1].Total.Seconds() / rows[0].Total.Seconds()
		fmt.Fprintf(w, "\ngrowth %d → %d pages: %.2f× the time (%.2f× for bare Hugo)\n", rows[0].Spec.Pages, rows[1].Spec.Pages,
			g, rows[1].Bare.Seconds()/rows[0].Bare.Seconds())
		checks = append(checks, fmt.Sprintf("growth ≤ %.0f× (issue 8): %.2f×: %s", TargetGrowth, g, met(g <= TargetGrowth)))
	}
	if x.Warm > 0 {
		fmt.Fprintf(w, "\nthe demo pack, a warm build (nothing changed, found up to date): %s; built again with -force: %s\n", ms(x.Warm), ms(x.Forced))
		checks = append(checks, fmt.Sprintf("demo pack: warm build ≤ %s: %s: %s", ms(TargetWarm), ms(x.Warm), met(x.Warm <= TargetWarm)))
	}
	if e := x.Edits; e.Runs > 0 {
		fmt.Fprintf(w, "\nguidepack serve, %d pages: save → served page shows the edit, median of %d edits: page %s, scenario %s\n",
			x.EditsPages, e.Runs, ms(e.Page), ms(e.Scenario))
		if x.EditsPages == 5000 {
			checks = append(checks,
				fmt.Sprintf("5000 pages: serve, an edited page shows ≤ %s: %s: %s", ms(TargetEditPage), ms(e.Page), met(e.Page <= TargetEditPage)),
				fmt.Sprintf("5000 pages: serve, an edited scenario shows ≤ %s: %s: %s", ms(TargetEditScene), ms(e.Scenario), met(e.Scenario <= TargetEditScene)))
		}
	}
	fmt.Fprintf(w, "\ntargets (issue 20)\n")
	for _, c := range checks {
		fmt.Fprintf(w, "  %s\n", c)
	}
}

// hugoStage is the wall time of the build's hugo stage.
func hugoStage(stages []build.Stage) time.Duration {
	for _, s := range stages {
		if s.Name == "hugo" {
			return s.Took
		}
	}
	return 0
}

// printKinds writes where Hugo's time went by output kind, and each kind's
// share of the build's hugo stage.
func printKinds(w io.Writer, b Breakdown, stage time.Duration) {
	fmt.Fprintf(w, "  where Hugo's time goes (one more Hugo run with --templateMetrics: %.2f s, render %.2f s)\n", b.Total.Seconds(), b.Render.Seconds())
	fmt.Fprintf(w, "    %-31s %6s %10s %10s %7s %12s\n", "output kind", "files", "templates", "render", "share", "of the stage")
	share := func(d time.Duration) float64 { return float64(d) / float64(b.Total) }
	line := func(name string, files string, tmpl string, d time.Duration) {
		fmt.Fprintf(w, "    %-31s %6s %10s %10s %6.0f%% %10.2f s\n", name, files, tmpl, fmt.Sprintf("%.2f s", d.Seconds()), 100*share(d), share(d)*stage.Seconds())
	}
	for _, k := range b.Kinds {
		line(k.Name, fmt.Sprint(k.Files), fmt.Sprintf("%.2f s", k.Template.Seconds()), k.Render)
	}
	line("reading, assembling (adapters)", "", "", b.Before)
	if rest := b.Total - b.Before - b.Render; rest > 0 {
		line("rest (writing, waiting)", "", "", rest)
	}
}

// Sizes are the benchmark's packs.
var Sizes = []Spec{{Pages: 1000, Scenarios: 100, Seed: 1}, {Pages: 5000, Scenarios: 500, Seed: 1, Maps: true}}

// Describe says which machine ran it.
func Describe() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "model name") {
				cpu = strings.TrimSpace(strings.SplitN(l, ":", 2)[1])
				break
			}
		}
	}
	return cpu
}
