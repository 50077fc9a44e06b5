package quiz

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/markdown"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// renderer turns scenario Markdown into HTML as Hugo would, with links to pages
// written as Hugo's render hook expects them (page.md, relative to content/scenarios/).
type renderer struct {
	root string
	md   goldmark.Markdown
	bad  []string // links that name no page, from the last render
}

func newRenderer(root string) *renderer {
	r := &renderer{root: root}
	r.md = markdown.New(r)
	return r
}

func (r *renderer) render(src string) (string, error) {
	r.bad = nil
	var b bytes.Buffer
	if err := r.md.Convert([]byte(src), &b); err != nil {
		return "", err
	}
	if len(r.bad) > 0 {
		if scheme, _, ok := strings.Cut(r.bad[0], ":"); ok && hasScheme(r.bad[0]) {
			return "", fmt.Errorf("link %q uses the scheme %q\nhint: use an http(s) or mailto link, or a page.md link", r.bad[0], scheme)
		}
		return "", fmt.Errorf("link %q: no such page\nhint: links to pages are relative to content/scenarios/, e.g. ../guidance/boundaries.md", r.bad[0])
	}
	return strings.TrimSpace(b.String()), nil
}

// Transform rewrites links: page.md links become the page's root-relative address
// (/guidance/boundaries.html), which Hugo makes relative on every page it lands on;
// web links are marked rel="external" so print shows their address.
func (r *renderer) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		l, ok := n.(*ast.Link)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		dest := string(l.Destination)
		switch {
		case strings.HasPrefix(dest, "http://"), strings.HasPrefix(dest, "https://"), strings.HasPrefix(dest, "mailto:"):
			l.SetAttributeString("rel", []byte("external"))
		case strings.HasPrefix(dest, "#"):
		case hasScheme(dest):
			r.bad = append(r.bad, dest)
		default:
			file, frag, _ := strings.Cut(dest, "#")
			target := path.Clean(path.Join("scenarios", file))
			if !strings.HasSuffix(file, ".md") || strings.HasPrefix(target, "..") || !exists(filepath.Join(r.root, "content", filepath.FromSlash(target))) {
				r.bad = append(r.bad, dest)
				return ast.WalkContinue, nil
			}
			url := "/" + strings.TrimSuffix(target, ".md") + ".html"
			if strings.HasSuffix(target, "/_index.md") || target == "_index.md" {
				url = "/" + strings.TrimSuffix(target, "_index.md") + "index.html"
			}
			if frag != "" {
				url += "#" + frag
			}
			l.Destination = []byte(url)
		}
		return ast.WalkContinue, nil
	})
}

// hasScheme tells whether dest starts with a URL scheme (javascript:, data:, …).
func hasScheme(dest string) bool {
	i := strings.IndexByte(dest, ':')
	if i <= 0 {
		return false
	}
	for _, c := range strings.ToLower(dest[:i]) {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
