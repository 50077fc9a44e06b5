package diag

import "go.yaml.in/yaml/v3"

// At returns a Problem at a YAML node.
func At(file string, n *yaml.Node, msg, hint string) Problem {
	return Problem{File: file, Line: n.Line, Col: n.Column, Msg: msg, Hint: hint}
}

// InText returns where a position inside a text value (line from 0, column from
// 1, as found in the value) is in the file. A block scalar (key: |) starts on the
// line after its key, indented (we assume by two spaces) under it.
func InText(k, v *yaml.Node, line, col int) (int, int) {
	switch {
	case v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return v.Line + 1 + line, k.Column + 2 + col - 1
	case v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && line == 0:
		return v.Line, v.Column + col
	}
	return v.Line + line, v.Column + col - 1
}
