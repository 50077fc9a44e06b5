package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"

	"github.com/guidepack/guidepack/tools/internal/bench"
	"github.com/guidepack/guidepack/tools/internal/project"
)

// cmdGenBench writes a synthetic pack: guidepack gen-bench -pages 5000 -scenarios 500 DIR.
func cmdGenBench(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gen-bench", flag.ContinueOnError)
	pages := fs.Int("pages", 1000, "how many pages")
	scenarios := fs.Int("scenarios", 100, "how many scenarios")
	seed := fs.Uint64("seed", 1, "the seed: the same seed gives the same pack")
	root := fs.String("root", "", "the guidepack project whose layouts and assets are used (default: the one holding the working directory)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: gen-bench needs the folder to write into", errUsage)
	}
	dir, err := projectRoot(*root)
	if err != nil {
		return err
	}
	if err := bench.Generate(dir, fs.Arg(0), bench.Spec{Pages: *pages, Scenarios: *scenarios, Seed: *seed}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "guidepack: wrote %d pages and %d scenarios into %s\n", *pages, *scenarios, fs.Arg(0))
	return nil
}

// cmdBench builds generated packs of 1,000 and 5,000 pages with guidepack and
// with bare Hugo, and prints the table.
func cmdBench(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	root := fs.String("root", "", "the guidepack project whose layouts and assets are used (default: the one holding the working directory)")
	small := fs.Bool("small", false, "only the 1,000-page pack")
	runs := fs.Int("runs", 5, "builds of each pack (and of bare Hugo); the median counts")
	edits := fs.Int("edits", 5, "edits of a page and of a scenario timed in guidepack serve, on the largest pack (0: none)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "guidepack-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	abs, err := projectRoot(*root)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "guidepack bench on %s, %d CPUs, %s\n", bench.Describe(), runtime.NumCPU(), runtime.Version())
	sizes := bench.Sizes
	if *small {
		sizes = sizes[:1]
	}
	var rows []bench.Row
	for _, s := range sizes {
		row, err := bench.Measure(self, abs, tmp, s, *runs)
		if err != nil {
			return err
		}
		rows = append(rows, row)
	}
	x := bench.Extra{Commit: bench.Commit(abs)}
	if x.Warm, x.Forced, err = bench.Warm(self, abs, tmp, *runs); err != nil {
		return err
	}
	if *edits > 0 {
		last := sizes[len(sizes)-1]
		x.EditsPages = last.Pages
		if x.Edits, err = bench.ServeEdits(self, bench.PackDir(tmp, last), *edits); err != nil {
			return err
		}
	}
	bench.Print(stdout, rows, x)
	return nil
}

// projectRoot is the project given by -root, which must be one, or else the
// one holding the working directory.
func projectRoot(flagged string) (string, error) {
	if flagged == "" {
		return project.Find(".")
	}
	abs, err := filepath.Abs(flagged)
	if err != nil {
		return "", err
	}
	if !project.Is(abs) {
		return "", fmt.Errorf("-root %s: not a guidepack project (no config.toml beside layouts/)", flagged)
	}
	return abs, nil
}
