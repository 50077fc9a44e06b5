package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/guidepack/guidepack/tools/internal/build"
)

// Row is one measured size.
type Row struct {
	Spec
	Stages          []build.Stage
	Total           time.Duration // the guidepack build, wall
	Peak            int64         // its peak memory, bytes
	CPU             time.Duration // user+system CPU time of the build
	Bare, BareCPU   time.Duration // bare Hugo on the same pages
	BarePeak        int64
	Pages, HugoPage int
}

// Measure generates the pack of spec under tmp, builds it with guidepack (the
// binary self, in a child process so its memory is its own) and the same pages
// with bare Hugo (self hugo), and returns the figures.
func Measure(self, repo, tmp string, spec Spec) (Row, error) {
	row := Row{Spec: spec}
	pack := filepath.Join(tmp, fmt.Sprintf("pack-%d", spec.Pages))
	bare := filepath.Join(tmp, fmt.Sprintf("bare-%d", spec.Pages))
	for _, d := range []string{pack, bare} {
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
	out, wall, cpu, peak, err := child(self, "build", "-json", "-C", pack)
	if err != nil {
		return row, fmt.Errorf("build of %s: %v\n%s", pack, err, out)
	}
	var res build.Result
	if err := json.Unmarshal(out, &res); err != nil {
		return row, fmt.Errorf("build -json: %v\n%s", err, out)
	}
	row.Stages, row.Total, row.CPU, row.Peak, row.Pages = res.Stages, wall, cpu, peak, res.Pages
	out, wall, cpu, peak, err = child(self, "hugo", "build", "--source", bare, "--destination", filepath.Join(bare, "public"), "--quiet")
	if err != nil {
		return row, fmt.Errorf("bare Hugo: %v\n%s", err, out)
	}
	row.Bare, row.BareCPU, row.BarePeak = wall, cpu, peak
	return row, nil
}

func child(self string, args ...string) (out []byte, wall, cpu time.Duration, peak int64, err error) {
	cmd := exec.Command(self, args...)
	start := time.Now()
	out, err = cmd.CombinedOutput()
	wall = time.Since(start)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peak = ru.Maxrss * 1024
		cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return out, wall, cpu, peak, err
}

// Print writes the table of rows.
func Print(w io.Writer, rows []Row) {
	mb := func(b int64) string { return fmt.Sprintf("%d MiB", b>>20) }
	sec := func(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }
	for _, r := range rows {
		fmt.Fprintf(w, "\n%d pages + %d scenarios (%d HTML files)\n", r.Spec.Pages, r.Scenarios, r.Pages)
		fmt.Fprintf(w, "  %-10s %10s %10s\n", "stage", "wall", "peak mem")
		for _, s := range r.Stages {
			fmt.Fprintf(w, "  %-10s %10s %10s\n", s.Name, sec(s.Took), mb(s.PeakRSS))
		}
		fmt.Fprintf(w, "  %-10s %10s %10s   (CPU %s: %.1f cores busy)\n", "total", sec(r.Total), mb(r.Peak), sec(r.CPU), r.CPU.Seconds()/r.Total.Seconds())
		fmt.Fprintf(w, "  %-10s %10s %10s\n", "bare Hugo", sec(r.Bare), mb(r.BarePeak))
		fmt.Fprintf(w, "  ratio to bare Hugo: %.2f×\n", r.Total.Seconds()/r.Bare.Seconds())
	}
	if len(rows) == 2 {
		fmt.Fprintf(w, "\ngrowth %d → %d pages: %.2f× the time (%.2f× for bare Hugo)\n", rows[0].Spec.Pages, rows[1].Spec.Pages,
			rows[1].Total.Seconds()/rows[0].Total.Seconds(), rows[1].Bare.Seconds()/rows[0].Bare.Seconds())
	}
}

// Sizes are the benchmark's packs.
var Sizes = []Spec{{Pages: 1000, Scenarios: 100, Seed: 1}, {Pages: 5000, Scenarios: 500, Seed: 1}}

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
