// Package markdown renders author Markdown outside Hugo (scenario text) with the
// goldmark settings the project gives Hugo (config.toml's [markup.goldmark], over
// Hugo's defaults, read by Hugo's own code), and finds raw HTML, which Hugo
// leaves out of pages (its goldmark "unsafe" mode is off) and guidepack rejects.
package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gohugoio/hugo-goldmark-extensions/extras"
	hconfig "github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/markup/goldmark/goldmark_config"
	"github.com/gohugoio/hugo/markup/markup_config"
	"github.com/spf13/afero"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Config is Hugo's goldmark configuration.
type Config = goldmark_config.Config

// Default is Hugo's, for a project that sets nothing.
var Default = goldmark_config.Default

// Load reads the goldmark settings of the project in root from its config.toml,
// with Hugo's own config reader, so pages and scenarios are rendered alike.
// Without a config.toml, Hugo's defaults.
func Load(root string) (Config, error) {
	file := filepath.Join(root, "config.toml")
	if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
		return Default, nil
	}
	p, err := hconfig.FromFile(afero.NewOsFs(), file)
	if err != nil {
		return Config{}, err
	}
	mc, err := markup_config.Decode(p)
	if err != nil {
		return Config{}, fmt.Errorf("%s: [markup]: %w", file, err)
	}
	return mc.Goldmark, nil
}

// New returns goldmark set up as Hugo sets it up from cfg (markup/goldmark's
// newMarkdown, Hugo v0.165): the renderer options (hard wraps, XHTML, unsafe),
// the extensions it turns on (tables, strikethrough, linkify, task lists,
// typographer with its substitutions, definition lists, footnotes, CJK, the
// extra inline tags) and title attributes. Hugo's own extensions for its render
// hooks, block attributes and heading ids are left out: scenario text sits inside
// a page that has its own ids. Links are passed through links, which may rewrite
// them.
func New(cfg Config, links parser.ASTTransformer) goldmark.Markdown {
	var ropts []renderer.Option
	if cfg.Renderer.HardWraps {
		ropts = append(ropts, html.WithHardWraps())
	}
	if cfg.Renderer.XHTML {
		ropts = append(ropts, html.WithXHTML())
	}
	if cfg.Renderer.Unsafe {
		ropts = append(ropts, html.WithUnsafe())
	}
	x := cfg.Extensions
	exts := []goldmark.Extender{extras.New(extras.Config{
		Delete:      extras.DeleteConfig{Enable: x.Extras.Delete.Enable},
		Insert:      extras.InsertConfig{Enable: x.Extras.Insert.Enable},
		Mark:        extras.MarkConfig{Enable: x.Extras.Mark.Enable},
		Subscript:   extras.SubscriptConfig{Enable: x.Extras.Subscript.Enable},
		Superscript: extras.SuperscriptConfig{Enable: x.Extras.Superscript.Enable},
	})}
	if x.Table {
		exts = append(exts, extension.Table)
	}
	if x.Strikethrough {
		exts = append(exts, extension.Strikethrough)
	}
	if x.Linkify {
		exts = append(exts, extension.Linkify)
	}
	if x.TaskList {
		exts = append(exts, extension.TaskList)
	}
	if t := x.Typographer; !t.Disable {
		exts = append(exts, extension.NewTypographer(extension.WithTypographicSubstitutions(map[extension.TypographicPunctuation][]byte{
			extension.LeftSingleQuote:  []byte(t.LeftSingleQuote),
			extension.RightSingleQuote: []byte(t.RightSingleQuote),
			extension.LeftDoubleQuote:  []byte(t.LeftDoubleQuote),
			extension.RightDoubleQuote: []byte(t.RightDoubleQuote),
			extension.EnDash:           []byte(t.EnDash),
			extension.EmDash:           []byte(t.EmDash),
			extension.Ellipsis:         []byte(t.Ellipsis),
			extension.LeftAngleQuote:   []byte(t.LeftAngleQuote),
			extension.RightAngleQuote:  []byte(t.RightAngleQuote),
			extension.Apostrophe:       []byte(t.Apostrophe),
		})))
	}
	if x.DefinitionList {
		exts = append(exts, extension.DefinitionList)
	}
	if x.Footnote.Enable {
		exts = append(exts, extension.NewFootnote(extension.WithFootnoteBacklinkHTML(x.Footnote.BacklinkHTML)))
	}
	if x.CJK.Enable {
		var opts []extension.CJKOption
		if x.CJK.EastAsianLineBreaks {
			if x.CJK.EastAsianLineBreaksStyle == "css3draft" {
				opts = append(opts, extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft))
			} else {
				opts = append(opts, extension.WithEastAsianLineBreaks())
			}
		}
		if x.CJK.EscapedSpace {
			opts = append(opts, extension.WithEscapedSpace())
		}
		exts = append(exts, extension.NewCJK(opts...))
	}
	var popts []parser.Option
	if cfg.Parser.Attribute.Title {
		popts = append(popts, parser.WithAttribute())
	}
	if links != nil {
		popts = append(popts, parser.WithASTTransformers(util.Prioritized(links, 100)))
	}
	return goldmark.New(goldmark.WithExtensions(exts...), goldmark.WithParserOptions(popts...), goldmark.WithRendererOptions(ropts...))
}

// plain finds raw HTML: with Hugo's defaults, whatever the project sets (raw
// HTML is refused either way).
var plain = New(Default, nil)

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
