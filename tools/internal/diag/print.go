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
func Print(w io.Writer, err error) {
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
		case sourceLine.MatchString(line):
			fmt.Fprintf(w, "    %s\n", strings.TrimRight(line, " "))
		case strings.HasPrefix(t, "hint:"):
			fmt.Fprintf(w, "guidepack: hint: %s\n", strings.TrimSpace(strings.TrimPrefix(t, "hint:")))
		default:
			fmt.Fprintf(w, "guidepack: error: %s\n", t)
		}
	}
}
