package diag

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	goccy "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
)

// YAMLSyntax describes a YAML syntax error in src (err is yaml.v3's). goccy/go-yaml (the parser
// Hugo uses) says where the mistake is more exactly than yaml.v3 does, so ask it.
func YAMLSyntax(name string, src []byte, err error) Problem {
	line, col := 0, 0
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	// goccy takes time and memory in the square of the nesting depth: ask it
	// only about files that nest no deeper than any pack needs.
	if l, c := roughDepth(src); l > 0 || len(src) > MaxSize {
		if p := tooBig(name, src); p != nil {
			return *p
		}
		return *deepProblem(name, l, c)
	}
	if strings.Contains(msg, "exceeded max depth") {
		return *deepProblem(name, 1, 1)
	}
	if _, perr := parser.ParseBytes(src, 0); perr != nil {
		first, _, _ := strings.Cut(goccy.FormatError(perr, false, false), "\n")
		if m := goccyPos.FindStringSubmatch(first); m != nil {
			line, _ = strconv.Atoi(m[1])
			col, _ = strconv.Atoi(m[2])
			msg = m[3]
		}
	}
	if line == 0 {
		if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
			msg = strings.TrimSpace(msg[strings.Index(msg, ":")+1:])
			col = 1
		}
	}
	return Problem{File: name, Line: line, Col: col, Msg: "this is not valid YAML: " + msg,
		Hint: "check the indentation, and put text that holds a colon (:) or starts with a quote or bracket in quotes"}
}

var goccyPos = regexp.MustCompile(`^\[(\d+):(\d+)\] (.*)`)
