package quiz

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/linkpolicy"
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
	bad  []badLink // links that name no page, from the last render
	// pages, when set, records each page a link named (a path under root)
	// and whether it was there.
	pages map[string]bool
}

// badLink is a link that leads nowhere, and where it starts in the Markdown (a
// byte offset).
type badLink struct {
	dest    string
	offset  int
	picture bool // an image, not a link
}

// linkError is a broken link in a text: what is wrong, how to fix it, and where
// in the text the link is (a byte offset).
type linkError struct {
	msg, hint, dest string
	offset          int
}

func (e *linkError) Error() string { return e.msg }

// newRenderer renders with the project's goldmark settings, cfg (see markdown.Load).
func newRenderer(root string, cfg markdown.Config) *renderer {
	r := &renderer{root: root}
	r.md = markdown.New(cfg, r)
	return r
}

// render returns the HTML of the Markdown src, or a *linkError for its first
// broken link.
func (r *renderer) render(src string) (string, error) {
	r.bad = nil
	var b bytes.Buffer
	if err := r.md.Convert([]byte(src), &b); err != nil {
		return "", err
	}
	if len(r.bad) > 0 {
		bad := r.bad[0]
		if bad.picture {
			return "", &linkError{fmt.Sprintf("picture %q is not a file in the pack", bad.dest),
				"the pack loads nothing from elsewhere: put the picture in the pack and give its path", bad.dest, bad.offset}
		}
		switch linkpolicy.Classify(bad.dest) {
		case linkpolicy.OtherScheme:
			scheme, _, _ := strings.Cut(bad.dest, ":")
			return "", &linkError{fmt.Sprintf("link %q uses the scheme %q", bad.dest, scheme),
				linkpolicy.SchemeHint, bad.dest, bad.offset}
		case linkpolicy.RootRelative, linkpolicy.ProtocolRelative:
			return "", &linkError{fmt.Sprintf("link %q is root-relative", bad.dest),
				linkpolicy.RootRelativeHint, bad.dest, bad.offset}
		}
		return "", &linkError{fmt.Sprintf("link %q: no such page", bad.dest),
			"links to pages are relative to content/scenarios/, e.g. ../guidance/boundaries.md", bad.dest, bad.offset}
	}
	return strings.TrimSpace(b.String()), nil
}

// start returns where a link starts in the source: its [, just before its text.
func start(l *ast.Link) int {
	for c := l.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return max(0, t.Segment.Start-1)
		}
	}
	return 0
}

// Transform rewrites links: page.md links become the page's root-relative address
// (/guidance/boundaries.html), which Hugo makes relative on every page it lands on;
// web links are marked rel="external" so print shows their address.
func (r *renderer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	src := reader.Source()
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Image:
			// A picture from elsewhere (javascript:, data:, a web address) is
			// refused: the pack holds its own pictures and loads nothing.
			if _, ok := linkpolicy.Scheme(string(n.Destination)); ok {
				dest := string(n.Destination)
				r.bad = append(r.bad, badLink{dest, max(0, bytes.Index(src, []byte("]("+dest))-1), true})
			}
			return ast.WalkContinue, nil
		case *ast.AutoLink:
			url := string(n.URL(src))
			if n.AutoLinkType == ast.AutoLinkURL && linkpolicy.Classify(url) == linkpolicy.OtherScheme {
				r.bad = append(r.bad, badLink{url, max(0, bytes.Index(src, []byte("<"+url))), false})
			}
			return ast.WalkContinue, nil
		}
		l, ok := n.(*ast.Link)
		if !ok {
			return ast.WalkContinue, nil
		}
		dest := string(l.Destination)
		switch linkpolicy.Classify(dest) {
		case linkpolicy.External:
			l.SetAttributeString("rel", []byte("external"))
		case linkpolicy.Fragment:
		case linkpolicy.OtherScheme, linkpolicy.RootRelative, linkpolicy.ProtocolRelative:
			r.bad = append(r.bad, badLink{dest, start(l), false})
		default:
			file, frag, _ := strings.Cut(dest, "#")
			target := path.Clean(path.Join("scenarios", file))
			if !strings.HasSuffix(file, ".md") || strings.HasPrefix(target, "..") || !r.exists(filepath.Join(r.root, "content", filepath.FromSlash(target))) {
				r.bad = append(r.bad, badLink{dest, start(l), false})
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

// exists tells whether the page p is there, and records it.
func (r *renderer) exists(p string) bool {
	there := exists(p)
	if r.pages != nil {
		r.pages[p] = there
	}
	return there
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
