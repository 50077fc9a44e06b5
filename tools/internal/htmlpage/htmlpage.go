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
	Tokens []html.Token // every token, in order; text is unescaped
}

// Parse tokenizes a page. It never fails: bad HTML reads as browsers read it,
// token by token.
func Parse(rel string, src []byte) *Page {
	toks := make([]html.Token, 0, len(src)/32)
	z := html.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		toks = append(toks, z.Token())
	}
	return &Page{Rel: rel, Tokens: toks}
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

// HasAttr says whether the token has attribute k.
func HasAttr(t html.Token, k string) bool {
	for _, a := range t.Attr {
		if a.Key == k {
			return true
		}
	}
	return false
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

// Opens says whether token i opens an element with content (a start tag, not
// self-closing, not void).
func (p *Page) Opens(i int) bool {
	t := p.Tokens[i]
	return t.Type == html.StartTagToken && !IsVoid(t.DataAtom)
}

// End returns the index of the end tag that closes the element opened at
// token i (counting nested elements of the same name), or len(Tokens) when it is
// never closed. For a void or self-closing element it returns i.
func (p *Page) End(i int) int {
	if !p.Opens(i) {
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
