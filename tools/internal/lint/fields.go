package lint

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/markdown"
	"github.com/guidepack/guidepack/tools/internal/review"
	"github.com/guidepack/guidepack/tools/internal/slug"
	"go.yaml.in/yaml/v3"
)

// kind is what a field must hold.
type kind int

const (
	plain       kind = iota // a plain line of text
	mdText                  // Markdown text (raw HTML is not allowed)
	slugID                  // lower-case letters, digits and dashes: an id or file name
	codeID                  // a code number such as "5.8"
	words                   // a list of plain texts
	codeList                // a list of codes that data/codes.yaml defines
	number                  // a whole number
	boolean                 // true or false
	any                     // anything: not checked
	reviewField             // reviewed, review_by or owner: checked by review.Check
)

// field describes one key of an entry.
type field struct {
	kind     kind
	required bool
	about    string // what to write, for hints
}

type fields map[string]field

var codeFields = fields{
	"id":      {codeID, true, `the code's number as text in quotes, e.g. "5.8"`},
	"slug":    {slugID, true, `the page name of the code, e.g. "5-8"`},
	"title":   {plain, true, "a short title"},
	"text":    {plain, true, "what the code says, in one or two sentences"},
	"summary": {mdText, false, "what the code means online (Markdown)"},
}

var faqFields = fields{
	"id":       {slugID, true, "the answer's anchor, e.g. can-i-friend-someone"},
	"question": {plain, true, "the question, as a reader would ask it"},
	"answer":   {mdText, true, "the answer (Markdown)"},
	"codes":    {codeList, false, `the codes the answer cites, e.g. ["5.8"]`},
	"keywords": {words, false, "terms for the A–Z index"},
}.withReview()

var caseFields = fields{
	"id":       {slugID, true, "the case's page name, e.g. friend-request-public-page"},
	"title":    {plain, true, "a short neutral title"},
	"role":     {plain, true, `the worker's role, e.g. "Care assistant"`},
	"happened": {mdText, true, "what happened (Markdown)"},
	"mattered": {mdText, true, "why it mattered (Markdown)"},
	"themes":   {words, false, "themes, e.g. [boundaries, privacy]"},
	"codes":    {codeList, false, `the codes the case relates to, e.g. ["5.8"]`},
	"keywords": {words, false, "terms for the A–Z index"},
}.withReview()

// withReview adds the review fields (reviewed, review_by, owner) to fs.
func (fs fields) withReview() fields {
	for k, about := range review.About {
		fs[k] = field{reviewField, false, about}
	}
	return fs
}

var (
	codeRE = regexp.MustCompile(`^\d+(\.\d+)*$`)
)

// checkField checks one value against its field and returns problems.
func checkField(file string, src []byte, k *yaml.Node, f field, v *yaml.Node, known map[string]bool) []Problem {
	key := k.Value
	switch f.kind {
	case any, reviewField:
		return nil
	case boolean:
		if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
			return []Problem{diag.At(file, v, fmt.Sprintf("%s is true or false", key), fmt.Sprintf("write %s: true or %s: false (%s)", key, key, f.about))}
		}
		return nil
	case words, codeList:
		return checkList(file, key, f, v, known)
	case number:
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" {
			return []Problem{diag.At(file, v, fmt.Sprintf("%s must be a whole number", key), "e.g. "+key+": 3")}
		}
		return nil
	}
	if v.Kind != yaml.ScalarNode {
		return []Problem{diag.At(file, v, fmt.Sprintf("%s must be text, not a list or a group of fields", key), f.about)}
	}
	if strings.TrimSpace(v.Value) == "" {
		return []Problem{diag.At(file, v, fmt.Sprintf("%s is empty", key), "write "+f.about)}
	}
	if p, ok := checkText(file, src, k, f, v); ok {
		return []Problem{p}
	}
	return nil
}

// checkList checks a list of words or codes (each known).
func checkList(file, key string, f field, v *yaml.Node, known map[string]bool) []Problem {
	if v.Kind != yaml.SequenceNode {
		if v.Kind == yaml.ScalarNode && v.Value != "" {
			return []Problem{diag.At(file, v, fmt.Sprintf("%s is a list", key), fmt.Sprintf("write %s: [%s]", key, listOf(f, v.Value)))}
		}
		return []Problem{diag.At(file, v, fmt.Sprintf("%s is a list", key), f.about)}
	}
	var ps []Problem
	for _, item := range v.Content {
		if item.Kind != yaml.ScalarNode || strings.TrimSpace(item.Value) == "" {
			ps = append(ps, diag.At(file, item, fmt.Sprintf("each item of %s must be a short text", key), f.about))
			continue
		}
		if f.kind == codeList && !known[item.Value] {
			ps = append(ps, diag.At(file, item, fmt.Sprintf("unknown code %q", item.Value), knownHint(known)))
		}
	}
	return ps
}

// checkText checks a text that is there (not empty) as its field's kind
// says: plain text, an id, a code number, Markdown. It returns its first
// problem, if it has one.
func checkText(file string, src []byte, k *yaml.Node, f field, v *yaml.Node) (Problem, bool) {
	key, val := k.Value, strings.TrimSpace(v.Value)
	inText := func(line, col int, msg, hint string) (Problem, bool) {
		l, c := diag.InText(src, k, v, line, chars(v.Value, line, col))
		return Problem{File: file, Line: l, Col: c, Msg: msg, Hint: hint}, true
	}
	switch f.kind {
	case plain:
		if line, col, tag := markdown.RawHTML(v.Value); tag != "" {
			return inText(line, col, fmt.Sprintf("raw HTML %s in %s, which would be shown as it is written", tag, key), key+" is plain text: leave the tag out")
		}
	case slugID:
		if msg, hint := diag.LongID(key, val); msg != "" {
			return diag.At(file, v, msg, hint), true
		}
		if !slug.Valid(val) {
			return diag.At(file, v, fmt.Sprintf("%s %q must be lower-case letters, digits and dashes", key, val), "e.g. "+slug.Make(val)), true
		}
	case codeID:
		if v.Tag != "!!str" || v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
			return diag.At(file, v, fmt.Sprintf("%s %s must be in quotes", key, val), fmt.Sprintf(`write %s: "%s" (without quotes, 5.10 would read as the number 5.1)`, key, val)), true
		}
		if !codeRE.MatchString(val) {
			return diag.At(file, v, fmt.Sprintf("%s %q is not a code number", key, val), `e.g. "5.8"`), true
		}
	case mdText:
		if line, col, tag := markdown.RawHTML(v.Value); tag != "" {
			return inText(line, col, fmt.Sprintf("raw HTML %s in %s", tag, key),
				"write Markdown instead: **bold**, [link text](page.md), lists with -; HTML is left out of the page")
		}
		if line, col, msg, hint := markdown.Attribute(v.Value); msg != "" {
			return inText(line, col, msg+" in "+key, hint)
		}
	}
	return Problem{}, false
}

// listOf writes a text as the list the author meant: items split at commas,
// codes in quotes.
func listOf(f field, v string) string {
	var items []string
	for _, it := range strings.Split(v, ",") {
		if it = strings.TrimSpace(it); it == "" {
			continue
		}
		if f.kind == codeList {
			it = strconv.Quote(it)
		}
		items = append(items, it)
	}
	return strings.Join(items, ", ")
}

func knownHint(known map[string]bool) string {
	if len(known) == 0 {
		return "data/codes.yaml lists no codes"
	}
	var ids []string
	for id := range known {
		ids = append(ids, `"`+id+`"`)
	}
	sort.Strings(ids)
	return "the codes in data/codes.yaml are " + strings.Join(ids, ", ")
}

// nearest returns the key of fs closest to k, or "".
func nearest(k string, fs fields) string { return diag.Nearest(k, sortedKeys(fs)) }

// chars converts a byte column on line (from 0) of text to characters.
func chars(text string, line, col int) int {
	if lines := strings.Split(text, "\n"); line < len(lines) {
		return diag.Chars(lines[line], col)
	}
	return col
}
