package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// The Markdown attributes ({…}) the pack's render hooks accept, and their words
// for what is wrong: a heading's {#id}; a code fence's language and three
// highlighting options (layouts/_markup/render-heading.html and
// render-codeblock.html hold the same lists and fail a page's build; Attribute
// finds the same mistakes in data-file text, whose position the hooks cannot name).
var (
	langRE      = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_+#.-]*$`)
	codeOptions = map[string]bool{"linenos": true, "linenostart": true, "hl_lines": true}
)

const (
	headingHint = "a heading takes only an id, for links to it: ## Title {#my-id}"
	codeHint    = "a code block takes a language and, if you like, lineNos=true, lineNoStart=5 or hl_Lines=[2]: ```yaml {lineNos=true}"
	langHint    = "write the language alone after the fence, e.g. ```yaml"
)

var withAttributes = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()),
)

// Attribute returns the first Markdown attribute in src that the render hooks
// refuse: its line (from 0), column (from 1), what is wrong and a hint; msg is
// "" when there is none.
func Attribute(src string) (line, col int, msg, hint string) {
	if !strings.Contains(src, "{") && !strings.Contains(src, "```") && !strings.Contains(src, "~~~") {
		return 0, 0, "", ""
	}
	b := []byte(src)
	doc := withAttributes.Parser().Parse(text.NewReader(b))
	offset := -1
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || offset >= 0 {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			for _, a := range n.Attributes() {
				if name := string(a.Name); name != "id" && n.Lines().Len() > 0 {
					l := n.Lines().At(0)
					offset = l.Start + bytes.LastIndexByte(b[l.Start:lineEnd(b, l.Start)], '{')
					msg, hint = fmt.Sprintf("the heading attribute %q is not allowed", name), headingHint
					break
				}
			}
		case *ast.FencedCodeBlock:
			if n.Info == nil {
				break
			}
			info := n.Info.Segment.Value(b)
			lang, rest := info, []byte(nil)
			if i := bytes.IndexAny(info, " \t{"); i >= 0 {
				lang, rest = info[:i], bytes.TrimSpace(info[i:])
			}
			if len(lang) > 0 && !langRE.Match(lang) {
				offset, msg, hint = n.Info.Segment.Start, fmt.Sprintf("the code block's language %q is not a language name", lang), langHint
				break
			}
			if len(rest) == 0 {
				break
			}
			if rest[0] != '{' {
				break // words after the language: Hugo and goldmark ignore them
			}
			at := n.Info.Segment.Start + bytes.IndexByte(info, '{')
			attrs, ok := parser.ParseAttributes(text.NewReader(rest))
			if !ok {
				offset, msg, hint = at, fmt.Sprintf("%q after the code block's language is not {name=value} options", rest), codeHint
				break
			}
			for _, a := range attrs {
				if name := string(a.Name); !codeOptions[strings.ToLower(name)] {
					offset, msg, hint = at, fmt.Sprintf("the code block attribute %q is not allowed", name), codeHint
					break
				}
			}
		}
		return ast.WalkContinue, nil
	})
	if offset < 0 {
		return 0, 0, "", ""
	}
	before := b[:offset]
	line = bytes.Count(before, []byte("\n"))
	col = offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col, msg, hint
}

func lineEnd(b []byte, from int) int {
	if i := bytes.IndexByte(b[from:], '\n'); i >= 0 {
		return from + i
	}
	return len(b)
}
