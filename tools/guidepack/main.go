// Command guidepack builds an offline guidance pack: a static site, its zip, and
// the scenarios compiled into it.
//
//	guidepack build        build public/ and dist/<pack>-<version>.zip
//	guidepack serve        live preview while you edit
//	guidepack map FILE     a scenario's map, as SVG
//	guidepack review       reviews by due date, with owners
//	guidepack help         this text
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/site"
)

const usage = `guidepack builds an offline guidance pack.

Usage:
  guidepack build [-C dir] [--no-wait]
                               build the site into public/ and the zip into dist/;
                               one build at a time in a folder: another waits for
                               it, or with --no-wait fails at once
  guidepack serve [-C dir] [--no-wait]
                               preview the pack while you edit it
  guidepack map [-C dir] [-variant id] scenarios/x.yaml > x.svg
                               draw a scenario's map (every step and choice)
  guidepack review [-C dir] [-csv]
                               list every reviewed page, answer, case and scenario
                               by the date its next review is due, with its owner
                               (overdue as of the pack's released date)
  guidepack hugo [args]        run the Hugo that guidepack is built with
  guidepack gen-bench [-pages N] [-scenarios M] [-seed S] [-root dir] DIR
                               write a synthetic pack for benchmarks
  guidepack bench [-small] [-runs N] [-root dir]
                               build 1,000- and 5,000-page packs, and bare Hugo on
                               the same pages, N times each (5), and print the
                               median times and memory against the targets (the
                               5,000-page pack also without its scenario maps)
  guidepack help               show this text
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// errUsage marks a mistake in how the command was called.
var errUsage = errors.New("usage")

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "build":
		err = cmdBuild(args[1:], stdout, stderr)
	case "serve":
		err = cmdServe(args[1:], stdout, stderr)
	case "map":
		err = cmdMap(args[1:], stdout)
	case "review":
		err = cmdReview(args[1:], stdout)
	case "hugo":
		err = cmdHugo(args[1:])
	case site.ChildCommand: // guidepack build runs Hugo in a child process
		site.ChildMain(args[1:])
	case "gen-bench":
		err = cmdGenBench(args[1:], stdout)
	case "bench":
		err = cmdBench(args[1:], stdout)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "guidepack: error: unknown command %q\n%s", args[0], usage)
		return 2
	}
	if errors.Is(err, errUsage) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	var fb *failedBuild
	switch {
	case errors.As(err, &fb):
		diag.Print(stderr, fb.err)
		fmt.Fprintf(stderr, "guidepack: %s\n", fb.closing)
		return 1
	case err != nil:
		diag.Print(stderr, err)
		return 1
	}
	return 0
}
