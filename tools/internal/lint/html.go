package lint

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// md parses Markdown as the site does (CommonMark with GitHub's extensions), to find
// raw HTML, which Hugo leaves out of the page (goldmark's unsafe mode is off).
var md = goldmark.New(goldmark.WithExtensions(extension.GFM, extension.DefinitionList, extension.Footnote))

// rawHTML returns the first raw HTML in the Markdown src: its line (from 0),
// column (from 1) and the tag, or "" when there is none.
func rawHTML(src string) (line, col int, tag string) {
	if !strings.Contains(src, "<") {
		return 0, 0, ""
	}
	b := []byte(src)
	doc := md.Parser().Parse(text.NewReader(b))
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
