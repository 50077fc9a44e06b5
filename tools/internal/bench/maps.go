package bench

import (
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// TargetMaps is issue 18's: the scenarios' maps make the 500-scenario build
// grow by at most this much (wall, CPU, bytes of public/ and of the zip).
const TargetMaps = 0.05

// MapsCost is what the scenarios' maps cost: the pack built with them and,
// turn about, the same pack with scenarioMaps = false in config.toml; times are
// medians of each set, bytes those of one build (they do not vary).
type MapsCost struct {
	With, Without         time.Duration // wall
	WithCPU, WithoutCPU   time.Duration
	Public, PublicWithout int64 // bytes of public/, the download's zip included
	Zip, ZipWithout       int64 // bytes of dist/<pack>.zip
}

// Growth is each figure with maps over without, less 1: wall, CPU, public/, zip.
func (m MapsCost) Growth() [4]float64 {
	g := func(a, b float64) float64 { return a/b - 1 }
	return [4]float64{g(m.With.Seconds(), m.Without.Seconds()), g(m.WithCPU.Seconds(), m.WithoutCPU.Seconds()),
		g(float64(m.Public), float64(m.PublicWithout)), g(float64(m.Zip), float64(m.ZipWithout))}
}

// Met tells whether every figure grows by TargetMaps or less.
func (m MapsCost) Met() bool {
	for _, g := range m.Growth() {
		if math.Round(g*1000)/1000 > TargetMaps { // as printed, to 0.1 %
			return false
		}
	}
	return true
}

// String is the figures as the table prints them.
func (m MapsCost) String() string {
	g := m.Growth()
	return fmt.Sprintf("%+.1f %% wall, %+.1f %% CPU, %+.1f %% bytes of public/, %+.1f %% zip", 100*g[0], 100*g[1], 100*g[2], 100*g[3])
}

// withoutMaps writes scenarioMaps = false into the pack's config.toml.
func withoutMaps(pack string) error {
	p := filepath.Join(pack, "config.toml")
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	s := string(b)
	if !strings.Contains(s, "\n[params]\n") {
		return fmt.Errorf("%s: no [params] table to add scenarioMaps = false to", p)
	}
	return os.WriteFile(p, []byte(strings.Replace(s, "\n[params]\n", "\n[params]\n  scenarioMaps = false\n", 1)), 0o644)
}

// sizes returns the bytes of the built site (public/) and of its zip (dist/).
func sizes(pack string) (public, zip int64, err error) {
	for _, d := range []struct {
		dir string
		n   *int64
	}{{"public", &public}, {"dist", &zip}} {
		err = filepath.WalkDir(filepath.Join(pack, d.dir), func(_ string, e fs.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			info, err := e.Info()
			if err == nil {
				*d.n += info.Size()
			}
			return err
		})
		if err != nil {
			return 0, 0, err
		}
	}
	return public, zip, nil
}
