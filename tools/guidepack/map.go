package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/lint"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// cmdMap prints the map of one scenario file (one of its variants, if it has
// them) as SVG: guidepack map [-C dir] [-variant id] [-marks] scenarios/x.yaml > x.svg.
// The file is checked as the build checks it; its problems are printed the same
// way, and nothing is written. With -marks the map is drawn for authors, even
// when the file has problems (still printed, with exit status 1): steps the
// start does not reach, dead ends, choices to no step and the steps a variant
// changes or adds are marked on it.
func cmdMap(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("map", flag.ContinueOnError)
	dir := fs.String("C", ".", "the project folder (holds data/codes.yaml)")
	variant := fs.String("variant", "", "the id of the variant to draw, for a file with variants")
	marks := fs.Bool("marks", false, "mark problem steps and what a variant changes; draw even a file with problems")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: guidepack map [-C dir] [-variant id] [-marks] scenarios/x.yaml > x.svg\n")
		fs.PrintDefaults()
	}
	// Flags may come before or after the file.
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	if len(files) != 1 {
		fs.Usage()
		return fmt.Errorf("%w: give one scenario file", errUsage)
	}
	path := files[0]
	if !filepath.IsAbs(path) {
		path = filepath.Join(*dir, path)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	name := filepath.ToSlash(files[0])
	if rel, err := filepath.Rel(*dir, path); err == nil && !strings.HasPrefix(rel, "..") {
		name = filepath.ToSlash(rel)
	}
	// The codes a scenario may cite; the rest of the project is not this
	// command's business, so its problems are left to the build.
	res, lintErr := lint.Project(*dir)
	var lps diag.Problems
	if lintErr != nil && !errors.As(lintErr, &lps) {
		return lintErr
	}
	scs, ps := scenario.Parse(name, src, res.Codes)
	if err := ps.Err(); err != nil && (!*marks || len(scs) == 0) {
		return err
	}
	var ids []string
	for _, s := range scs {
		ids = append(ids, s.ID)
		if s.ID == *variant || *variant == "" && len(scs) == 1 {
			m := quiz.Map(s)
			if *marks {
				m = quiz.AuthorMap(s)
			}
			if _, err := io.WriteString(stdout, m.SVG); err != nil {
				return err
			}
			return ps.Err() // drawn with -marks all the same
		}
	}
	line := variantsLine(src)
	p := diag.Problem{File: name, Line: line, Col: 1, Source: diag.LineOf(src, line)}
	if *variant == "" {
		p.Msg = fmt.Sprintf("the file has %d variants: say which to draw", len(scs))
		p.Hint = fmt.Sprintf("guidepack map -variant %s %s (the variants are %s)", ids[0], name, strings.Join(ids, ", "))
	} else {
		p.Msg = fmt.Sprintf("the file has no variant %q", *variant)
		p.Hint = "the variants are " + strings.Join(ids, ", ")
		if n := diag.Nearest(*variant, ids); n != "" {
			p.Hint = fmt.Sprintf("did you mean %q? ", n) + p.Hint
		}
	}
	return diag.Problems{p}
}

// variantsLine returns the line of the file's variants: key, or 1.
func variantsLine(src []byte) int {
	for i, l := range bytes.Split(src, []byte("\n")) {
		if bytes.HasPrefix(l, []byte("variants:")) {
			return i + 1
		}
	}
	return 1
}
