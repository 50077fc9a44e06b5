package diag

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// At returns a Problem at a YAML node.
func At(file string, n *yaml.Node, msg, hint string) Problem {
	return Problem{File: file, Line: n.Line, Col: n.Column, Msg: msg, Hint: hint}
}

// InText returns where a position inside a text value (line from 0, column from
// 1 in characters, as found in the value) is in src, the file the nodes were
// read from (see ValueAt).
func InText(src []byte, k, v *yaml.Node, line, col int) (int, int) {
	return ValueAt(src, k, v, Offset(v.Value, line, col))
}

// Offset returns the byte offset in text of line (from 0) and column (from 1,
// in characters).
func Offset(text string, line, col int) int {
	off := 0
	for n := 0; n < line; n++ {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			break
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(text) && text[off] != '\n'; c++ {
		_, size := utf8.DecodeRuneInString(text[off:])
		off += size
	}
	return off
}

// ValueAt returns the line and column (from 1, the column in characters) in
// src of byte offset i of v's value (v.Value, as the parser read it; k is its
// key). It starts where the parser's node says the value starts and follows
// the text as the value's style writes it: a block text (key: |, key: >)
// from the line after its key, each line indented as its first is (or as an
// indentation indicator, key: |4, says); plain and quoted text from the node's
// column, its lines folded into spaces; a quote written twice in single
// quotes and escapes (backslash n) in double quotes. Should the file and the
// value part (they cannot, from one parse), the place reached so far is
// returned.
func ValueAt(src []byte, k, v *yaml.Node, i int) (int, int) {
	val := v.Value
	i = min(max(i, 0), len(val))
	block := v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
	double := v.Style&yaml.DoubleQuotedStyle != 0
	single := v.Style&yaml.SingleQuotedStyle != 0
	indent := -1 // block text: the spaces its lines start with; -1: any
	var pos int
	if block {
		indent = blockIndent(src, k, v)
		pos = offsetOf(src, v.Line+1, 1)
		pos = skipSpaces(src, pos, indent)
	} else {
		pos = offsetOf(src, v.Line, v.Column)
		if double || single {
			pos++ // the opening quote
		}
	}
	for j := 0; j < i && pos < len(src); {
		c := src[pos]
		switch {
		case c == '\r':
			pos++
		case c == '\n':
			// A line break: the value holds a newline or (folded) a space for
			// it, or nothing (the line break after a blank line).
			pos = skipSpaces(src, pos+1, indent)
			if val[j] == ' ' || val[j] == '\n' {
				j++
			}
		case double && c == '\\' && pos+1 < len(src):
			pos += escapeLen(src[pos+1])
			if src[pos-1] != '\n' { // not an escaped line break
				_, size := utf8.DecodeRuneInString(val[j:])
				j += size
			}
		case single && c == '\'' && pos+1 < len(src) && src[pos+1] == '\'':
			pos += 2
			j++
		case c == val[j]:
			pos++
			j++
		case c == ' ' || c == '\t':
			pos++ // spaces before a folded line break, which the value drops
		default:
			j = i // the file and the value part: stop here
		}
	}
	before := src[:min(pos, len(src))]
	start := bytes.LastIndexByte(before, '\n') + 1
	return bytes.Count(before, []byte("\n")) + 1, utf8.RuneCount(before[start:]) + 1
}

// offsetOf returns the byte offset of line (from 1) and column (from 1, in
// characters) in src.
func offsetOf(src []byte, line, col int) int {
	off := 0
	for n := 1; n < line; n++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	for c := 1; c < col && off < len(src) && src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	return off
}

// skipSpaces skips up to n spaces (any number of spaces and tabs when n < 0)
// from pos in src.
func skipSpaces(src []byte, pos, n int) int {
	for k := 0; pos < len(src) && (n < 0 || k < n); k++ {
		if src[pos] != ' ' && (n >= 0 || src[pos] != '\t') {
			break
		}
		pos++
	}
	return pos
}

// escapeLen is the length of a double-quoted escape whose letter is c,
// backslash included: \x41, \u00e9, \U0001F600, \n, or a line break.
func escapeLen(c byte) int {
	switch c {
	case 'x':
		return 4
	case 'u':
		return 6
	case 'U':
		return 10
	}
	return 2
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
