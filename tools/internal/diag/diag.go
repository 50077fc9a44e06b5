// Package diag holds the mistakes guidepack finds in what authors write: each with
// its file, line and column, what is wrong, and a hint on how to fix it.
package diag

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Problem is one mistake in an authored file.
type Problem struct {
	File      string // relative to the project, with slashes; "" when no file is to blame
	Line, Col int    // from 1, Col in characters; 0 when unknown
	Msg, Hint string
	Source    string // the text of the line it is on, to quote; optional
	Whole     bool   // about the file as a whole (at 1:1): no line to quote
}

// String prints the problem, the line it is on with a caret under the column
// (when Source is set), and the hint:
//
//	scenarios/a.yaml:11:15: choice A of step "start" leads to "ned", ...
//	> 11 |         next: ned
//	                     ^
//	hint: did you mean "end"?
func (p Problem) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s", p.File, p.Line, p.Col, p.Msg)
	if p.File == "" {
		s = p.Msg // a developer's mistake (a layout's) or the system's: no author file
	}
	if p.Source != "" && p.Line > 0 {
		prefix := fmt.Sprintf("> %d | ", p.Line)
		src, col := excerpt(p.Source, p.Col)
		s += "\n" + prefix + src
		if col > 0 {
			s += "\n" + strings.Repeat(" ", len(prefix)) + caretIndent(src, col) + "^"
		}
	}
	if p.Hint != "" {
		// Each line of a hint is a hint line, so that guidepack prefixes it as one.
		s += "\nhint: " + strings.ReplaceAll(strings.TrimSpace(p.Hint), "\n", "\nhint: ")
	}
	return s
}

// maxQuote is the most characters of a line a problem quotes.
const maxQuote = 100

// excerpt returns at most maxQuote characters of line around column col (with
// … where it is cut) and col's column in the excerpt.
func excerpt(line string, col int) (string, int) {
	rs := []rune(line)
	if len(rs) <= maxQuote {
		return line, col
	}
	start := max(0, min(col-1-maxQuote*3/5, len(rs)-maxQuote))
	end := min(len(rs), start+maxQuote)
	s := string(rs[start:end])
	if start > 0 {
		s = "…" + s
		col = col - start + 1
	}
	if end < len(rs) {
		s += "…"
	}
	return s, col
}

// caretIndent returns what goes before a caret under column col of line: a space
// for each character before it (a tab for a tab, so they line up).
func caretIndent(line string, col int) string {
	var b strings.Builder
	for i, r := range []rune(line) {
		if i >= col-1 {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Quote sets the Source of every problem in file from its text, src.
func (ps Problems) Quote(file string, src []byte) {
	for i := range ps {
		if ps[i].File == file && ps[i].Line > 0 && ps[i].Source == "" && !ps[i].Whole {
			ps[i].Source = LineOf(src, ps[i].Line)
		}
	}
}

// LineOf returns line n (from 1) of src, without its line ending, or "".
func LineOf(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(string(src), "\r")
}

// Chars converts a column counted in bytes on line (from 1) to one counted in
// characters, as YAML positions are.
func Chars(line string, byteCol int) int {
	if byteCol < 1 || byteCol-1 > len(line) {
		return byteCol
	}
	return utf8.RuneCountInString(line[:byteCol-1]) + 1
}

// Problems is every mistake found in a run. As an error it prints one problem per
// line (with its hint on the next), sorted by file and position.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Sort orders the problems by file, line and column.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// Err returns the sorted problems as an error, or nil when there are none.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	ps.Sort()
	return ps
}

// Gather collects the problems in errs (each nil, Problems or another error),
// so that stages run one after another report in one run. An error that is
// not Problems is returned as it is: the run cannot go on.
func Gather(errs ...error) (Problems, error) {
	var all Problems
	for _, err := range errs {
		var ps Problems
		switch {
		case errors.As(err, &ps):
			all = append(all, ps...)
		case err != nil:
			return nil, err
		}
	}
	return all, nil
}

// Nearest returns the candidate closest to s by edit distance, if it is close
// enough to be what the author meant, or "".
func Nearest(s string, candidates []string) string {
	best, bestD := "", max(2, len(s)/3)+1
	for _, c := range candidates {
		if d := distance(s, c); d < bestD || d == bestD && c < best {
			best, bestD = c, d
		}
	}
	return best
}

func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// Sorted returns the problems sorted (by file and position), leaving ps as it is.
func (ps Problems) Sorted() Problems {
	out := append(Problems(nil), ps...)
	out.Sort()
	return out
}
