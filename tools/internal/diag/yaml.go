package diag

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// At returns a Problem at a YAML node.
func At(file string, n *yaml.Node, msg, hint string) Problem {
	return Problem{File: file, Line: n.Line, Col: n.Column, Msg: msg, Hint: hint}
}

// InText returns where a position inside a text value (line from 0, column from
// 1, as found in the value) is in src, the file the nodes were read from. A
// block text (key: |) starts on the line after its key, indented as its first
// line is (or as its indentation indicator, key: |4, says).
func InText(src []byte, k, v *yaml.Node, line, col int) (int, int) {
	switch {
	case v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		return v.Line + 1 + line, blockIndent(src, k, v) + col
	case v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && line == 0:
		return v.Line, v.Column + col
	}
	return v.Line + line, v.Column + col - 1
}

// blockIndent returns the indentation of block text v's lines in src.
func blockIndent(src []byte, k, v *yaml.Node) int {
	header := LineOf(src, v.Line)
	if i := strings.IndexAny(header, "|>"); i >= 0 {
		for _, c := range header[i+1:] {
			if c >= '1' && c <= '9' {
				return k.Column - 1 + int(c-'0')
			}
			if c != '-' && c != '+' {
				break
			}
		}
	}
	for n := v.Line + 1; ; n++ {
		l := LineOf(src, n)
		if strings.TrimSpace(l) != "" {
			return len(l) - len(strings.TrimLeft(l, " "))
		}
		if n > v.Line+1 && !hasLine(src, n) {
			return k.Column + 1 // no text: as YAML's usual two spaces
		}
	}
}

// hasLine says whether src has a line n (from 1).
func hasLine(src []byte, n int) bool { return bytes.Count(src, []byte("\n"))+1 >= n }

// DuplicateKeys reports every key given twice in one mapping, anywhere in n, at
// each place it is given: YAML keeps only the last, so the others would be
// silently lost.
func DuplicateKeys(file string, n *yaml.Node) Problems {
	var ps Problems
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.MappingNode {
			first := map[string]*yaml.Node{}
			var order []string
			all := map[string][]*yaml.Node{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k := n.Content[i]
				if k.Kind != yaml.ScalarNode || k.Value == "<<" {
					continue
				}
				if _, ok := first[k.Value]; !ok {
					first[k.Value] = k
					order = append(order, k.Value)
				}
				all[k.Value] = append(all[k.Value], k)
			}
			for _, key := range order {
				ks := all[key]
				if len(ks) < 2 {
					continue
				}
				for i, k := range ks {
					other := ks[0]
					if i == 0 {
						other = ks[1]
					}
					ps = append(ps, Problem{File: file, Line: k.Line, Col: k.Column,
						Msg:  fmt.Sprintf("%s is given twice: here and at line %d", key, other.Line),
						Hint: "keep one of them (only the last would be used)"})
				}
			}
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return ps
}

// Shift moves every node of n down by lines: for YAML that starts below the top
// of its file (front matter starts on line 2).
func Shift(n *yaml.Node, lines int) {
	n.Line += lines
	for _, c := range n.Content {
		Shift(c, lines)
	}
}
