// Package htmlpage reads a built page into HTML tokens once, for every stage that
// looks inside the pages (the search index, the offline check): at thousands of
// pages, reading and tokenizing each page once instead of once per stage is
// most of those stages' time.
package htmlpage

import (
	"bytes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is one built page.
type Page struct {
	Rel    string       // slash path relative to the site root
	Tokens []html.Token // every token, in order; text is unescaped; only the attributes in Attrs
}

// Attrs are the attributes Parse keeps: those the search index and the offline
// check read. Keeping only these is half the cost of reading a page. A stage
// that reads another attribute adds it here.
var Attrs = map[string]bool{
	// the offline check: ids, and every attribute that names a URL
	"id": true, "name": true, "style": true, "href": true, "src": true, "srcset": true,
	"action": true, "data": true, "poster": true, "rel": true,
	// the search index
	"class": true, "content": true, "data-gp-search-doc": true, "data-gp-search-group": true,
}

// Parse tokenizes a page. It never fails: bad HTML reads as browsers read it,
// token by token.
func Parse(rel string, src []byte) *Page { return parse(rel, src, true) }

// ParseTags tokenizes a page's tags only, and the text of its <style>
// elements: what the offline check reads, for pages that search leaves out.
func ParseTags(rel string, src []byte) *Page { return parse(rel, src, false) }

// NoIndex says whether a page asks search to leave it out (the print pages, the
// worksheets): <meta name="gp-search" content="noindex"> in its head.
func NoIndex(src []byte) bool {
	head, _, _ := bytes.Cut(src, []byte("</head>"))
	return bytes.Contains(head, []byte(`<meta name="gp-search" content="noindex">`))
}

func parse(rel string, src []byte, text bool) *Page {
	toks := make([]html.Token, 0, len(src)/24)
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		t := html.Token{Type: tt}
		switch tt {
		case html.ErrorToken:
			return &Page{Rel: rel, Tokens: toks}
		case html.TextToken, html.CommentToken, html.DoctypeToken:
			if !text && (tt != html.TextToken || len(toks) == 0 || toks[len(toks)-1].DataAtom != atom.Style) {
				continue
			}
			t.Data = string(z.Text())
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, more := z.TagName()
			t.DataAtom = atom.Lookup(name)
			if t.DataAtom != 0 {
				t.Data = t.DataAtom.String()
			} else {
				t.Data = string(name)
			}
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				if a := atom.Lookup(k); a != 0 && Attrs[a.String()] {
					t.Attr = append(t.Attr, html.Attribute{Key: a.String(), Val: string(v)})
				} else if Attrs[string(k)] {
					t.Attr = append(t.Attr, html.Attribute{Key: string(k), Val: string(v)})
				}
			}
		}
		toks = append(toks, t)
	}
}

// Attr returns the value of a token's attribute k, or "".
func Attr(t html.Token, k string) string {
	for _, a := range t.Attr {
		if a.Key == k {
			return a.Val
		}
	}
	return ""
}

// IsVoid says whether an element never has content or an end tag (<br>, <img>).
func IsVoid(a atom.Atom) bool {
	switch a {
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr:
		return true
	}
	return false
}

// opens says whether token i opens an element with content (a start tag, not
// self-closing, not void).
func (p *Page) opens(i int) bool {
	t := p.Tokens[i]
	return t.Type == html.StartTagToken && !IsVoid(t.DataAtom)
}

// End returns the index of the end tag that closes the element opened at
// token i (counting nested elements of the same name), or len(Tokens) when it is
// never closed. For a void or self-closing element it returns i.
func (p *Page) End(i int) int {
	if !p.opens(i) {
		return i
	}
	name := p.Tokens[i].Data
	depth := 0
	for j := i + 1; j < len(p.Tokens); j++ {
		t := p.Tokens[j]
		if t.Data != name {
			continue
		}
		switch t.Type {
		case html.StartTagToken:
			depth++
		case html.EndTagToken:
			if depth == 0 {
				return j
			}
			depth--
		}
	}
	return len(p.Tokens)
}
