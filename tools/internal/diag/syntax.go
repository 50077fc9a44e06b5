package diag

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	goccy "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/parser"
)

// YAMLSyntax describes a YAML syntax error in src (err is yaml.v3's) in plain
// words, at the line the author must change, with the fix; the parser's own
// words follow as the last hint line. It looks for the usual mistakes itself (a
// tab, an unclosed quote, a line indented to no level above, a list item among
// fields, a colon in a text); for the rest it asks goccy/go-yaml (the parser
// Hugo uses), which says where the mistake is more exactly than yaml.v3 does.
func YAMLSyntax(name string, src []byte, err error) Problem {
	return yamlSyntax(name, src, err, 0)
}

// yamlSyntax is YAMLSyntax for YAML that starts offset lines into its file:
// the lines its hints name are the file's.
func yamlSyntax(name string, src []byte, err error, offset int) Problem {
	words := strings.TrimPrefix(err.Error(), "yaml: ")
	// goccy takes time and memory in the square of the nesting depth: ask it
	// only about files that nest no deeper than any pack needs.
	if l, c := roughDepth(src); l > 0 || len(src) > MaxSize {
		if p := tooBig(name, src); p != nil {
			return *p
		}
		return *deepProblem(name, l, c)
	}
	if strings.Contains(words, "exceeded max depth") {
		return *deepProblem(name, 1, 1)
	}
	line, col := 0, 0
	if _, perr := parser.ParseBytes(src, 0); perr != nil {
		var ge goccy.Error
		if errors.As(perr, &ge) && ge.GetToken() != nil && ge.GetToken().Position != nil {
			pos := ge.GetToken().Position
			line, col, words = pos.Line, pos.Column, ge.GetMessage()
		}
	}
	if line == 0 {
		if n, _ := fmt.Sscanf(words, "line %d:", &line); n == 1 {
			words = strings.TrimSpace(words[strings.Index(words, ":")+1:])
			col = 1
		}
	}
	p := Problem{File: name, Line: line, Col: col, Msg: "this is not valid YAML: " + words,
		Hint: "check the indentation, and put text that holds a colon (:) or starts with a quote or bracket in quotes"}
	if m := findMistake(src, line, offset); m != nil {
		p = *m
		p.File = name
	}
	p.Hint += "\n(the YAML parser said: " + strings.NewReplacer("\t", `\t`, "\x00", `\0`).Replace(words) + ")"
	return p
}

// findMistake looks for the usual mistakes in src, in the order an author reads
// the file, up to the line after the parser's (upTo; 0 for anywhere). It returns
// the first it finds, or nil.
func findMistake(src []byte, upTo, offset int) *Problem {
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	if upTo <= 0 || upTo+1 > len(lines) {
		upTo = len(lines) - 1
	}
	// A tab in the indentation: the most common, and what the parser words worst.
	for i, l := range lines {
		ind := len(l) - len(strings.TrimLeft(l, " \t"))
		if t := strings.IndexByte(l[:ind], '\t'); t >= 0 && strings.TrimSpace(l) != "" {
			return &Problem{Line: i + 1, Col: t + 1, Msg: "this line is indented with a tab",
				Hint: "indent with spaces, not a tab (YAML does not allow tabs before a line's text)"}
		}
	}
	type level struct {
		indent int
		item   bool // a list item (- ...) rather than a field (key: ...)
	}
	var levels []level
	block := -1    // the indent of the key of a block text (key: |), while in it
	open := false  // the line before ends with a key and no value: what follows is its value
	plain := false // the line before is a field with its text on the line
	for i := 0; i < len(lines) && i <= upTo; i++ {
		l := lines[i]
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") || t == "---" || t == "..." {
			continue
		}
		ind := len(l) - len(strings.TrimLeft(l, " "))
		if block >= 0 {
			if ind > block {
				continue
			}
			block = -1
		}
		lineNo := i + 1
		item := strings.HasPrefix(t, "- ") || t == "-"
		key, rest, isField := field(t)
		if item {
			key, rest, isField = field(strings.TrimSpace(t[1:]))
		}
		// Where the value starts on the line, from 1.
		valCol := ind + len(t) - len(rest) + 1
		if q := quoteStart(rest); q >= 0 && isField {
			text := rest[q:]
			end := closing(text[1:], text[0])
			switch {
			case end < 0 && unclosed(lines[i+1:], text[0]):
				return &Problem{Line: lineNo, Col: runeCol(l, valCol+q), Msg: fmt.Sprintf("the quote %c opened here is not closed", text[0]),
					Hint: fmt.Sprintf("end the text with %c on the same line (write %s for a quote inside it), or leave the quotes out", text[0], escaped(text[0]))}
			case end >= 0:
				after := strings.TrimSpace(text[1+end+1:])
				if after != "" && !strings.HasPrefix(after, "#") {
					other := byte('\'')
					if text[0] == '\'' {
						other = '"'
					}
					return &Problem{Line: lineNo, Col: runeCol(l, valCol+q+1+end+1+strings.Index(text[1+end+1:], after)), Msg: "more text follows the closing quote",
						Hint: fmt.Sprintf("put the whole text in quotes: %s: %c%s%c", key, other, strings.TrimSpace(rest), other)}
				}
			}
		}
		if isField && !balanced(rest) && unclosed(lines[i+1:], ']') {
			b := strings.IndexAny(rest, "[{")
			return &Problem{Line: lineNo, Col: runeCol(l, valCol+b), Msg: fmt.Sprintf("the bracket %c opened here is not closed", rest[b]),
				Hint: fmt.Sprintf("close it with %c on the same line, or put the text in quotes if the bracket is part of it", map[byte]byte{'[': ']', '{': '}'}[rest[b]])}
		}
		if isField && quoteStart(rest) < 0 && !strings.HasPrefix(rest, "[") && !strings.HasPrefix(rest, "{") {
			if c := strings.Index(rest, ": "); c >= 0 {
				return &Problem{Line: lineNo, Col: runeCol(l, valCol+c), Msg: "this text holds a colon and a space (: ), which YAML reads as the start of a field",
					Hint: fmt.Sprintf("put the text in quotes: %s: %q", key, strings.TrimSpace(rest))}
			}
		}
		switch {
		case len(levels) == 0 || ind > levels[len(levels)-1].indent:
			if len(levels) > 0 && !open {
				if plain && strings.Contains(t, ": ") {
					prev := levels[len(levels)-1].indent
					return &Problem{Line: lineNo, Col: ind + 1, Msg: "this line is indented more than the field above it",
						Hint: fmt.Sprintf("if it is a field of its own, indent it by %d spaces, as the line above;\nif it goes on with the text above, put that text in quotes: a colon and a space (: ) start a field", prev)}
				}
				if plain {
					continue // the text of the line above goes on
				}
			}
			levels = append(levels, level{ind, item})
		default:
			for len(levels) > 0 && levels[len(levels)-1].indent > ind {
				levels = levels[:len(levels)-1]
			}
			if len(levels) == 0 || levels[len(levels)-1].indent != ind {
				return &Problem{Line: lineNo, Col: ind + 1, Msg: "this line's indentation matches no line above it",
					Hint: "indent it as " + indents(lines, i, ind, offset) + ", as the fields it belongs with"}
			}
			top := &levels[len(levels)-1]
			switch {
			case item && !top.item:
				return &Problem{Line: lineNo, Col: ind + 1, Msg: "a list item (- ...) where fields (key: value) are expected",
					Hint: "write it as a field, key: value, or indent it under a key that holds a list"}
			case !item && top.item && isField:
				return &Problem{Line: lineNo, Col: ind + 1, Msg: "a field (key: value) where a list item (- ...) is expected",
					Hint: "start it with - to make it an item of the list, or indent it under the item it belongs to"}
			}
		}
		if item {
			// The fields of an item start two columns in: "- id: a" then "  title: b".
			if isField {
				levels = append(levels, level{ind + 2, false})
			}
		}
		r := strings.TrimSpace(rest)
		open = isField && r == "" || item && !isField && strings.TrimSpace(t[1:]) == ""
		plain = isField && r != "" && !strings.HasPrefix(r, "|") && !strings.HasPrefix(r, ">")
		if isField && (strings.HasPrefix(r, "|") || strings.HasPrefix(r, ">")) {
			block = ind
			if item {
				block = ind + 2
			}
		}
	}
	return nil
}

// field splits "key: value" (or "key:") into its key and value.
func field(t string) (key, rest string, ok bool) {
	if strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "'") || strings.HasPrefix(t, "[") || strings.HasPrefix(t, "{") {
		return "", "", false
	}
	if strings.HasSuffix(t, ":") && !strings.Contains(t[:len(t)-1], ": ") {
		return t[:len(t)-1], "", true
	}
	k, v, ok := strings.Cut(t, ": ")
	if !ok || strings.ContainsAny(k, " \t") && !strings.HasPrefix(k, "\"") {
		return "", "", false
	}
	return k, v, true
}

// quoteStart returns where a quoted text starts in a value, or -1.
func quoteStart(v string) int {
	t := strings.TrimLeft(v, " ")
	if strings.HasPrefix(t, "\"") || strings.HasPrefix(t, "'") {
		return len(v) - len(t)
	}
	return -1
}

// closing returns where a quoted text (after its opening quote q) ends on its
// line, or -1.
func closing(s string, q byte) int {
	for i := 0; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q && q == '\'' && i+1 < len(s) && s[i+1] == '\'':
			i++
		case s[i] == q:
			return i
		}
	}
	return -1
}

// unclosed says whether the lines after a quote or bracket left open reach a
// field (or the end) before a line that could close it.
func unclosed(after []string, q byte) bool {
	for _, l := range after {
		if strings.IndexByte(l, q) >= 0 || q == ']' && strings.IndexByte(l, '}') >= 0 {
			return false
		}
		if looksLikeField(l) {
			return true
		}
	}
	return true
}

// balanced says whether a value that starts with a bracket closes it on its line.
func balanced(v string) bool {
	v = strings.TrimSpace(v)
	if !strings.HasPrefix(v, "[") && !strings.HasPrefix(v, "{") {
		return true
	}
	depth := 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '"', '\'':
			if e := closing(v[i+1:], v[i]); e >= 0 {
				i += e + 1
			}
		case '[', '{':
			depth++
		case ']', '}':
			depth--
		}
	}
	return depth <= 0
}

var fieldLine = regexp.MustCompile(`^\s*(- )?[A-Za-z_][\w-]*:( |$)`)

func looksLikeField(l string) bool { return fieldLine.MatchString(l) }

func escaped(q byte) string {
	if q == '"' {
		return `\"`
	}
	return `''`
}

// indents lists the indentations of the lines above line i that are less deep
// than ind, nearest first, as the author may have meant one of them.
func indents(lines []string, i, ind, offset int) string {
	seen := map[int]bool{}
	var out []string
	for j := i - 1; j >= 0 && len(out) < 2; j-- {
		t := strings.TrimSpace(lines[j])
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		n := len(lines[j]) - len(strings.TrimLeft(lines[j], " "))
		if !seen[n] && (n < ind || len(out) == 0 && n > ind) {
			seen[n] = true
			out = append(out, fmt.Sprintf("line %d (%d spaces)", j+1+offset, n))
		}
		if n == 0 {
			break
		}
	}
	if len(out) == 0 {
		return "the lines above"
	}
	return strings.Join(out, " or ")
}

// runeCol converts a byte column (from 1) on l to characters.
func runeCol(l string, byteCol int) int { return Chars(l, byteCol) }
