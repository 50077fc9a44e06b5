package search

import (
	"bytes"
	"strings"

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
func extract(rel string, src []byte) []Doc {
	// Most noindex pages are the big print pages: skip them before parsing.
	if head, _, _ := bytes.Cut(src, []byte("</head>")); bytes.Contains(head, []byte(`<meta name="gp-search" content="noindex">`)) {
		return nil
	}
	root, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		return nil
	}
	var page Doc
	page.URL = rel
	var main *html.Node
	noindex := false
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				switch attr(n, "name") {
				case "gp-search":
					noindex = noindex || attr(n, "content") == "noindex"
				case "gp-section":
					page.Section = attr(n, "content")
				}
			case atom.Title:
				if page.Title == "" {
					page.Title = strings.TrimSpace(text(n))
				}
			case atom.Main:
				main = n
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	if noindex || main == nil {
		return nil
	}
	var subs []Doc
	var body, heads strings.Builder
	var read func(n *html.Node, d *Doc, body, heads *strings.Builder)
	read = func(n *html.Node, d *Doc, body, heads *strings.Builder) {
		if n.Type == html.TextNode {
			body.WriteString(n.Data)
			return
		}
		if n.Type != html.ElementNode {
			return
		}
		switch {
		case n.DataAtom == atom.Script || n.DataAtom == atom.Style || n.DataAtom == atom.Nav:
			return
		case hasClass(n, "gp-notice"):
			return
		case attr(n, "data-gp-search-doc") != "" && attr(n, "id") != "" && d == &page:
			sub := Doc{URL: rel + "#" + attr(n, "id"), Section: page.Title}
			var sb, sh strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				read(c, &sub, &sb, &sh)
			}
			sub.Body, sub.Headings = squash(sb.String()), squash(sh.String())
			if h := firstHeading(n); h != "" {
				sub.Title = h
			}
			subs = append(subs, sub)
			heads.WriteString(" " + sub.Title + " ")
			return
		case n.DataAtom == atom.H1:
			if d == &page {
				page.Title = squash(text(n))
				return
			}
		case n.DataAtom == atom.H2 || n.DataAtom == atom.H3 || n.DataAtom == atom.Summary:
			heads.WriteString(" " + text(n) + " ")
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			read(c, d, body, heads)
		}
		if isBlock(n) {
			body.WriteString(" ")
		}
	}
	read(main, &page, &body, &heads)
	page.Body, page.Headings = squash(body.String()), squash(heads.String())
	return append([]Doc{page}, subs...)
}

func firstHeading(n *html.Node) string {
	var found string
	var f func(*html.Node)
	f = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode && (n.DataAtom == atom.H2 || n.DataAtom == atom.H3) {
			found = squash(text(n))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
	}
	f(n)
	return found
}

func text(n *html.Node) string {
	var b strings.Builder
	var f func(*html.Node)
	f = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			f(c)
		}
		if isBlock(n) {
			b.WriteString(" ")
		}
	}
	f(n)
	return b.String()
}

func attr(n *html.Node, k string) string {
	for _, a := range n.Attr {
		if a.Key == k {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

func isBlock(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.P, atom.Li, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.Td, atom.Th, atom.Dt, atom.Dd, atom.Section, atom.Details, atom.Summary, atom.Br, atom.Blockquote, atom.Tr:
		return true
	}
	return false
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
