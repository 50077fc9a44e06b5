// Package markdown renders author Markdown outside Hugo (scenario text) with the
// goldmark settings Hugo uses by default, and finds raw HTML, which Hugo leaves
// out of pages (its goldmark "unsafe" mode is off) and guidepack rejects.
package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// New returns goldmark set up as Hugo's defaults are (markup.goldmark): GitHub
// Flavored Markdown (tables, strikethrough, linkify, task lists), definition
// lists, footnotes and the typographer; raw HTML left out. Heading ids are not
// generated: scenario text sits inside a page that has its own. Links are passed
// through links, which may rewrite them.
func New(links parser.ASTTransformer) goldmark.Markdown {
	opts := []parser.Option{}
	if links != nil {
		opts = append(opts, parser.WithASTTransformers(util.Prioritized(links, 100)))
	}
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(opts...),
	)
}

var plain = New(nil)

// RawHTML returns the first raw HTML in the Markdown src: its line (from 0),
// column (from 1) and the tag, or "" when there is none.
func RawHTML(src string) (line, col int, tag string) {
	if !strings.Contains(src, "<") {
		return 0, 0, ""
	}
	b := []byte(src)
	doc := plain.Parser().Parse(text.NewReader(b))
	offset := -1
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || offset >= 0 {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			if n.Segments.Len() > 0 {
				offset = n.Segments.At(0).Start
			}
		case *ast.HTMLBlock:
			if n.Lines().Len() > 0 {
				offset = n.Lines().At(0).Start
			}
		}
		return ast.WalkContinue, nil
	})
	if offset < 0 {
		return 0, 0, ""
	}
	before := b[:offset]
	line = bytes.Count(before, []byte("\n"))
	col = offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
	end := bytes.IndexAny(b[offset:], " >\n")
	switch {
	case end < 0:
		end = len(b) - offset
	case b[offset+end] == '>':
		end++
	}
	tag = string(b[offset : offset+end])
	if !strings.HasSuffix(tag, ">") {
		tag += "…"
	}
	return line, col, tag
}
