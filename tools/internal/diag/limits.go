package diag

import (
	"fmt"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Limits on what an authored YAML file may hold. They are far above anything a
// guidance pack needs, and low enough that every parser that reads the file
// after us (goccy/go-yaml, to place a syntax error, and Hugo, which uses it)
// stays fast: goccy's time and memory grow with the square of the nesting depth
// (9,000 levels: 130 MB; 20,000: 640 MB and 6 s; 80,000: out of memory).
const (
	MaxDepth = 64       // levels of lists and groups of fields inside one another
	MaxSize  = 16 << 20 // bytes in one file
)

// ParseYAML parses one YAML file as yaml.v3 nodes, after checking its size and,
// before any second parse, how deep it nests. Every problem it returns is
// located in src: line 1 is src's first line.
func ParseYAML(name string, src []byte) (*yaml.Node, *Problem) {
	return ParseYAMLFrom(name, src, 1)
}

// ParseYAMLFrom parses YAML that starts on line first of its file (front
// matter starts on line 2): the nodes' lines, and the lines problems name,
// are the file's.
func ParseYAMLFrom(name string, src []byte, first int) (*yaml.Node, *Problem) {
	doc, p := parseYAML(name, src, first-1)
	if p != nil {
		if p.Line > 0 {
			p.Line += first - 1
		}
		return nil, p
	}
	Shift(doc, first-1)
	return doc, nil
}

func parseYAML(name string, src []byte, offset int) (*yaml.Node, *Problem) {
	if p := tooBig(name, src); p != nil {
		return nil, p
	}
	if p := Text(name, src); p != nil {
		return nil, p
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		p := yamlSyntax(name, src, err, offset)
		return nil, &p
	}
	if n := tooDeep(&doc, 0); n != nil {
		return nil, deepProblem(name, n.Line, n.Column)
	}
	return &doc, nil
}

func tooBig(name string, src []byte) *Problem {
	if len(src) <= MaxSize {
		return nil
	}
	return &Problem{File: name, Line: 1, Col: 1,
		Msg:  fmt.Sprintf("this file is %d MB, more than the %d MB a file may be", len(src)>>20, MaxSize>>20),
		Hint: "split it into smaller files, or remove what does not belong in it"}
}

func deepProblem(name string, line, col int) *Problem {
	return &Problem{File: name, Line: line, Col: col,
		Msg:  fmt.Sprintf("lists or groups of fields are nested more than %d levels deep here", MaxDepth),
		Hint: "a guidance pack needs only a few levels: check for brackets [ { that are never closed, or remove the extra levels"}
}

// tooDeep returns the first node nested more than MaxDepth collections deep, or
// nil. yaml.v3 refuses more than 10,000 levels, so the recursion is bounded.
func tooDeep(n *yaml.Node, depth int) *yaml.Node {
	if n.Kind == yaml.SequenceNode || n.Kind == yaml.MappingNode {
		depth++
		if depth > MaxDepth {
			return n
		}
	}
	for _, c := range n.Content {
		if d := tooDeep(c, depth); d != nil {
			return d
		}
	}
	return nil
}

// roughDepth returns where src, read roughly as YAML, first nests more than
// MaxDepth levels, or 0, 0. It never parses: it counts open brackets outside
// quotes and comments, plus the indentation levels and compact "- " items of
// each line, in one pass and no memory. It is used only on a file that yaml.v3
// has already refused, to decide whether another parser may read it.
func roughDepth(src []byte) (line, col int) {
	var indents []int // the indentation of the enclosing block levels
	flow := 0
	line, col = 1, 1
	lineStart := true
	for i := 0; i < len(src); i++ {
		c := src[i]
		if lineStart && flow == 0 {
			ind := 0
			for i+ind < len(src) && src[i+ind] == ' ' {
				ind++
			}
			if i+ind < len(src) && src[i+ind] != '\n' && src[i+ind] != '#' {
				for len(indents) > 0 && indents[len(indents)-1] >= ind {
					indents = indents[:len(indents)-1]
				}
				indents = append(indents, ind)
				// Compact items ("- - x") and keys ("a: b: c" is refused, but
				// "- a:" nests) each open a level on the same line.
				// "- - x": each item after the line's first opens a level.
				for j := i + ind; j+1 < len(src) && (src[j] == '-' || src[j] == '?') && (src[j+1] == ' ' || src[j+1] == '\t'); {
					if j > i+ind {
						indents = append(indents, j-i)
					}
					if len(indents) > MaxDepth {
						return line, 1 + j - i
					}
					j += 2
					for j < len(src) && src[j] == ' ' {
						j++
					}
				}
				if len(indents) > MaxDepth {
					return line, 1 + ind
				}
			}
		}
		lineStart = false
		switch c {
		case '\n':
			line, col, lineStart = line+1, 1, true
			continue
		case '#':
			if i == 0 || src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n' {
				for i+1 < len(src) && src[i+1] != '\n' {
					i++
				}
			}
		case '"', '\'':
			if i > 0 && !tokenStart(src[i-1]) {
				break
			}
			// A quoted text: skip to its end (a doubled ' or an escaped " stays inside).
			for i++; i < len(src); i++ {
				if src[i] == '\n' {
					line, col = line+1, 0
				}
				if c == '"' && src[i] == '\\' {
					i++
					continue
				}
				if src[i] == c {
					if c == '\'' && i+1 < len(src) && src[i+1] == '\'' {
						i++
						continue
					}
					break
				}
				if src[i]&0xC0 != 0x80 {
					col++
				}
			}
		case '[', '{':
			flow++
			if flow+len(indents) > MaxDepth {
				return line, col
			}
		case ']', '}':
			if flow > 0 {
				flow--
			}
		}
		if c&0xC0 != 0x80 {
			col++
		}
	}
	return 0, 0
}

// tokenStart says whether a quote after b starts a quoted text.
func tokenStart(b byte) bool {
	switch b {
	case ' ', '\t', '\n', '[', '{', ',', ':', '-':
		return true
	}
	return false
}

// MaxID is the most characters an id (a scenario's, a step's, a case's, a
// slug) may have: ids become file names and parts of web addresses, and a
// file system refuses names over 255 bytes.
const MaxID = 80

// LongID returns the problem of an id over MaxID characters, or "", "".
func LongID(key, id string) (msg, hint string) {
	if n := utf8.RuneCountInString(id); n > MaxID {
		return fmt.Sprintf("%s is %d characters long, more than the %d an id may have", key, n, MaxID),
			"shorten it: an id becomes a file name and part of web addresses"
	}
	return "", ""
}
