package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/download"
	"github.com/guidepack/guidepack/tools/internal/site"
)

func cmdBuild(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	dir := fs.String("C", ".", "the project folder (holds config.toml)")
	asJSON := fs.Bool("json", false, "print the result as JSON (for scripts and the benchmark)")
	noWait := fs.Bool("no-wait", false, "fail at once, rather than wait, while another build runs in the folder")
	force := fs.Bool("force", false, "build even when nothing has changed since the last build")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file`, for go tool pprof (the stages; Hugo too, but where a large pack runs it in a child process)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return err
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	res, err := build.Run(build.Options{Root: *dir, HugoProcess: self, NoWait: *noWait, Notes: stderr, Force: *force})
	if err != nil {
		return failed(err, *dir)
	}
	diag.PrintWarnings(stderr, res.Warnings)
	if *asJSON {
		return json.NewEncoder(stdout).Encode(res)
	}
	printSummary(stdout, *dir, res)
	return nil
}

// printSummary prints the one-screen summary of a build.
func printSummary(w io.Writer, dir string, r *build.Result) {
	rel := func(p string) string {
		abs, _ := filepath.Abs(dir)
		if s, err := filepath.Rel(abs, p); err == nil && !strings.HasPrefix(s, "..") {
			return s
		}
		return p
	}
	var stages []string
	for _, s := range r.Stages {
		stages = append(stages, fmt.Sprintf("%s %s", s.Name, round(s.Took)))
	}
	if r.UpToDate {
		fmt.Fprintf(w, "guidepack: %s %s is up to date: nothing changed since its last build (checked in %s; -force builds it again)\n", r.Pack.Params.Pack, r.Pack.Params.Version, round(r.Took))
	} else {
		fmt.Fprintf(w, "guidepack: built %s %s in %s\n", r.Pack.Params.Pack, r.Pack.Params.Version, round(r.Took))
	}
	fmt.Fprintf(w, "  pages      %d\n", r.Pages)
	fmt.Fprintf(w, "  scenarios  %d\n", r.Scenarios)
	fmt.Fprintf(w, "  site       %s%c (open index.html)\n", rel(r.Site), filepath.Separator)
	fmt.Fprintf(w, "  zip        %s (%s)\n", rel(r.Zip), download.HumanSize(r.ZipSize))
	if !r.UpToDate {
		fmt.Fprintf(w, "  stages     %s\n", strings.Join(stages, ", "))
	}
}

func round(d time.Duration) time.Duration {
	if d > time.Second {
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}

func cmdHugo(args []string) error { return site.Plain(args...) }

// failedBuild is a build's error and the line said after its problems: how
// many there were, and that nothing was published.
type failedBuild struct {
	err     error
	closing string
}

func (f *failedBuild) Error() string { return f.err.Error() + "\n" + f.closing }
func (f *failedBuild) Unwrap() error { return f.err }

// failed closes a failed build of the project in dir: "N problems; nothing was
// published; " and whether the last good site and zip are there, untouched.
func failed(err error, dir string) error {
	n := 1
	var ps diag.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		n = len(ps)
	}
	closing := fmt.Sprintf("%d problems; nothing was published; ", n)
	if n == 1 {
		closing = "1 problem; nothing was published; "
	}
	if _, serr := os.Stat(filepath.Join(dir, "public")); serr == nil {
		closing += "the last good site and zip are untouched."
	} else {
		closing += "no site was published yet."
	}
	return &failedBuild{err, closing}
}
