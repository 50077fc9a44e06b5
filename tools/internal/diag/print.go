package diag

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// sourceLine matches the lines of source context an error quotes ("> 12 | text",
// "  13 | text", "     ^"), in an error that is not typed.
var sourceLine = regexp.MustCompile(`^\s*(>?\s*\d+\s*\||\^\s*$)`)

// Print prints err as age does: "guidepack: error: " for each problem and
// "guidepack: hint: " for the lines that say how to fix it; quoted source
// lines are indented beneath. Problems (diag.Problems) are printed from their
// fields: this is where they become text.
func Print(w io.Writer, err error) {
	var ps Problems
	if errors.As(err, &ps) && ps.Error() == err.Error() {
		for _, p := range ps {
			p.print(w, "error")
		}
		return
	}
	printLevel(w, "error", err.Error())
}

// PrintWarnings prints problems that did not stop the command (overdue
// reviews) as Print prints errors: "guidepack: warning: " and their hint lines.
func PrintWarnings(w io.Writer, ps Problems) {
	for _, p := range ps {
		p.print(w, "warning")
	}
}

// print prints one problem at level (error, warning).
func (p Problem) print(w io.Writer, level string) {
	head := p.Msg
	if p.File != "" {
		head = fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
	}
	for _, l := range strings.Split(strings.TrimSpace(head), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			fmt.Fprintf(w, "guidepack: %s: %s\n", level, l)
		}
	}
	if p.File != "" && p.Source != "" && p.Line > 0 {
		prefix := fmt.Sprintf("> %d | ", p.Line)
		src, col := excerpt(p.Source, p.Col)
		fmt.Fprintf(w, "    %s\n", strings.TrimRight(prefix+src, " "))
		if col > 0 {
			fmt.Fprintf(w, "    %s^\n", strings.Repeat(" ", len(prefix))+caretIndent(src, col))
		}
	}
	if h := strings.TrimSpace(p.Hint); h != "" {
		for _, l := range strings.Split(h, "\n") {
			fmt.Fprintf(w, "guidepack: hint: %s\n", strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "hint:")))
		}
	}
}

func printLevel(w io.Writer, level, text string) {
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
		case sourceLine.MatchString(line):
			fmt.Fprintf(w, "    %s\n", strings.TrimRight(line, " "))
		case strings.HasPrefix(t, "hint:"):
			fmt.Fprintf(w, "guidepack: hint: %s\n", strings.TrimSpace(strings.TrimPrefix(t, "hint:")))
		default:
			fmt.Fprintf(w, "guidepack: %s: %s\n", level, t)
		}
	}
}
