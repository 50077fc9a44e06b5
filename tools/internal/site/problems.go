package site

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gohugoio/hugo/common/herrors"
	"github.com/guidepack/guidepack/tools/internal/diag"
)

// ProblemTag starts a log line that holds one author mistake as JSON: what
// layouts/_partials/problem.html logs (errorf in a build, warnf in serve) for a
// render hook or shortcode. It is decoded, never re-parsed.
const ProblemTag = "guidepack-problem "

// hookProblem is what problem.html sends: a position, or (render hooks have
// none) the link or image as written, to be found in the page's file.
type hookProblem struct {
	File, Find, Msg, Hint string
	Line, Col             int
}

// ParseLogLine returns the problem a line of Hugo's log holds, if it is one
// problem.html sent; root is the project, where a link without a position is
// looked for (its page's file, then the data files).
func ParseLogLine(root, line string) (diag.Problem, bool) {
	i := strings.Index(line, ProblemTag)
	if i < 0 {
		return diag.Problem{}, false
	}
	var h hookProblem
	if err := json.Unmarshal([]byte(line[i+len(ProblemTag):]), &h); err != nil {
		return diag.Problem{}, false
	}
	p := diag.Problem{File: h.File, Line: h.Line, Col: h.Col, Msg: h.Msg, Hint: h.Hint}
	if p.Line == 0 && h.Find != "" {
		locate(root, &p, h.Find)
	}
	return p, true
}

// locate sets p's position to where the link or image target find is written,
// "(find", in p's file or, for text from a data file (an FAQ answer, a case)
// rendered on a page, in the data files.
func locate(root string, p *diag.Problem, find string) {
	files := []string{p.File}
	more, _ := filepath.Glob(filepath.Join(root, "data", "*.yaml"))
	files = append(files, more...)
	for _, f := range files {
		if line, col, ok := findIn(f, "("+find); ok {
			p.File, p.Line, p.Col = f, line, col+1
			return
		}
	}
}

// findIn returns the line and column (from 1, in characters) where s first
// occurs in file.
func findIn(file, s string) (line, col int, ok bool) {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0, 0, false
	}
	i := strings.Index(string(b), s)
	if i < 0 {
		return 0, 0, false
	}
	before := string(b[:i])
	line = strings.Count(before, "\n") + 1
	start := strings.LastIndex(before, "\n") + 1
	return line, diag.Chars(diag.LineOf(b, line), i-start+1), true
}

// problems turns what a failed Hugo run said into typed problems: each line
// problem.html logged, each of Hugo's positioned errors (herrors.FileError) at
// its position, and any other log line or error as it is (a developer's
// mistake: no author file to name).
func problems(root, log string, err error) diag.Problems {
	var ps diag.Problems
	for _, line := range strings.Split(log, "\n") {
		t := strings.TrimSpace(line)
		switch p, ok := ParseLogLine(root, line); {
		case ok:
			ps = append(ps, p)
		case strings.HasPrefix(t, "ERROR"):
			ps = append(ps, diag.Problem{Msg: strings.TrimSpace(strings.TrimPrefix(t, "ERROR"))})
		case strings.HasPrefix(t, "WARN"), strings.HasPrefix(t, "INFO"), len(ps) == 0 && t != "":
			ps = append(ps, diag.Problem{Msg: "hugo: " + t})
		case t != "":
			// The lines a message goes on with (Hugo quotes the source):
			// part of the problem above, not problems of their own.
			ps[len(ps)-1].Msg += "\n" + t
		}
	}
	for _, e := range herrors.Errors(err) {
		if strings.Contains(e.Error(), "logged ") && len(ps) > 0 {
			continue // Hugo's count of the errors logged above
		}
		ps = append(ps, fileProblem(e))
	}
	return ps
}

// fileProblem is one of Hugo's errors as a problem: at its position when it has
// one (herrors.FileError), with the words of the error it wraps.
func fileProblem(err error) diag.Problem {
	var fe herrors.FileError
	if !errors.As(err, &fe) {
		return diag.Problem{Msg: strings.TrimPrefix(err.Error(), "error building site: ")}
	}
	pos := fe.Position()
	msg := fe.Error()
	if cause := errors.Unwrap(fe); cause != nil {
		msg = cause.Error()
	}
	if pos.Filename == "" {
		return diag.Problem{Msg: msg}
	}
	return diag.Problem{File: pos.Filename, Line: pos.LineNumber, Col: pos.ColumnNumber, Msg: msg}
}

// WriteProblems writes problems as JSON lines: how the Hugo child sends them
// to guidepack (see BuildProcess).
func WriteProblems(w io.Writer, ps diag.Problems) error {
	enc := json.NewEncoder(w)
	for _, p := range ps {
		if err := enc.Encode(p); err != nil {
			return err
		}
	}
	return nil
}

// ReadProblems reads what WriteProblems wrote.
func ReadProblems(r io.Reader) (diag.Problems, error) {
	var ps diag.Problems
	dec := json.NewDecoder(r)
	for {
		var p diag.Problem
		err := dec.Decode(&p)
		if err == io.EOF {
			return ps, nil
		}
		if err != nil {
			return ps, fmt.Errorf("hugo (child process): reading its problems: %v", err)
		}
		ps = append(ps, p)
	}
}
