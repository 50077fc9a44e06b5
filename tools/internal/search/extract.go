package search

import (
	"strings"

	"github.com/guidepack/guidepack/tools/internal/htmlpage"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Doc is one search result: a page, or a part of one with its own anchor (a
// common question, a scenario step).
type Doc struct {
	URL, Title, Section string
	Headings            string
	Body                string
}

// extract reads a built page: the page itself and the parts of it marked with
// data-gp-search-doc (and an id). Only <main> is read; the policy notice that
// every page repeats is left out. It returns nil for pages marked noindex.
func extract(p *htmlpage.Page) []Doc {
	toks := p.Tokens
	page := Doc{URL: p.Rel}
	main := -1
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Type != html.StartTagToken && t.Type != html.SelfClosingTagToken {
			continue
		}
		switch t.DataAtom {
		case atom.Meta:
			switch htmlpage.Attr(t, "name") {
			case "gp-search":
				if htmlpage.Attr(t, "content") == "noindex" {
					return nil
				}
			case "gp-section":
				page.Section = htmlpage.Attr(t, "content")
			}
		case atom.Title:
			if page.Title == "" {
				page.Title = strings.TrimSpace(text(p, i))
			}
		case atom.Main:
			if main < 0 {
				main = i
			}
			i = p.End(i)
		}
	}
	if main < 0 {
		return nil
	}
	x := extractor{p: p, page: &page}
	var body, heads strings.Builder
	x.read(main+1, p.End(main), &page, &body, &heads)
	page.Body, page.Headings = squash(body.String()), squash(heads.String())
	return append([]Doc{page}, x.subs...)
}

type extractor struct {
	p    *htmlpage.Page
	page *Doc
	subs []Doc
}

// read reads tokens [from, to) into d: text into body, headings into heads.
func (x *extractor) read(from, to int, d *Doc, body, heads *strings.Builder) {
	p := x.p
	for i := from; i < to; i++ {
		t := p.Tokens[i]
		switch t.Type {
		case html.TextToken:
			body.WriteString(t.Data)
		case html.EndTagToken:
			if isBlock(t.DataAtom) {
				body.WriteString(" ")
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			end := p.End(i)
			switch {
			case t.DataAtom == atom.Script || t.DataAtom == atom.Style || t.DataAtom == atom.Nav || hasClass(t, "gp-notice"):
				i = end
			case htmlpage.Attr(t, "data-gp-search-doc") != "" && htmlpage.Attr(t, "id") != "" && d == x.page:
				sub := Doc{URL: x.page.URL + "#" + htmlpage.Attr(t, "id"), Section: x.page.Title}
				var sb, sh strings.Builder
				x.read(i+1, end, &sub, &sb, &sh)
				sub.Body, sub.Headings = squash(sb.String()), squash(sh.String())
				if h := x.firstHeading(i+1, end); h != "" {
					sub.Title = h
				}
				x.subs = append(x.subs, sub)
				heads.WriteString(" " + sub.Title + " ")
				i = end
			case t.DataAtom == atom.H1 && d == x.page:
				x.page.Title = squash(text(p, i))
				i = end
			case t.DataAtom == atom.H2 || t.DataAtom == atom.H3 || t.DataAtom == atom.Summary:
				heads.WriteString(" " + text(p, i) + " ")
				i = end
			case htmlpage.IsVoid(t.DataAtom) || t.Type == html.SelfClosingTagToken:
				if isBlock(t.DataAtom) {
					body.WriteString(" ")
				}
			}
		}
	}
}

// firstHeading returns the text of the first h2 or h3 in tokens [from, to).
func (x *extractor) firstHeading(from, to int) string {
	for i := from; i < to; i++ {
		t := x.p.Tokens[i]
		if t.Type == html.StartTagToken && (t.DataAtom == atom.H2 || t.DataAtom == atom.H3) {
			return squash(text(x.p, i))
		}
	}
	return ""
}

// text returns the text inside the element opened at token i, with a space
// after each block.
func text(p *htmlpage.Page, i int) string {
	var b strings.Builder
	end := p.End(i)
	for j := i + 1; j < end; j++ {
		t := p.Tokens[j]
		switch t.Type {
		case html.TextToken:
			b.WriteString(t.Data)
		case html.EndTagToken:
			if isBlock(t.DataAtom) {
				b.WriteString(" ")
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			if t.DataAtom == atom.Br {
				b.WriteString(" ")
			}
		}
	}
	if isBlock(p.Tokens[i].DataAtom) {
		b.WriteString(" ")
	}
	return b.String()
}

func hasClass(t html.Token, c string) bool {
	for _, f := range strings.Fields(htmlpage.Attr(t, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.Td, atom.Th, atom.Dt, atom.Dd, atom.Section, atom.Details, atom.Summary, atom.Br, atom.Blockquote, atom.Tr:
		return true
	}
	return false
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
