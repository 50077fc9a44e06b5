package diag

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// sourceLine matches the lines of source context an error quotes ("> 12 | text",
// "  13 | text", "     ^").
var sourceLine = regexp.MustCompile(`^\s*(>?\s*\d+\s*\||\^\s*$)`)

// Print prints every line of err prefixed as age does: "guidepack: error: "
// for problems and "guidepack: hint: " for the lines that say how to fix them;
// quoted source lines are indented beneath them.
func Print(w io.Writer, err error) { printLevel(w, "error", err.Error()) }

// PrintWarning prints a problem that did not stop the command (an overdue
// review) as Print prints an error: "guidepack: warning: " and its hint lines.
func PrintWarning(w io.Writer, text string) { printLevel(w, "warning", text) }

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
