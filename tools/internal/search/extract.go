package search

import (
	"strings"
	"unicode"

	"github.com/guidepack/guidepack/tools/internal/htmlpage"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Doc is one search result: a page, or a part of one with its own anchor (a
// common question, a scenario step).
type Doc struct {
	URL, Title, Section string
	Headings            string // the headings' text, for ranking
	Body                string // the text under the headings, for ranking
	Text                string // everything, headings included, in reading order: for passages
	Heads               []Head // the headings with an id, where they start in Text
	Group               string // docs with the same group are one result (a scenario, its versions and steps)
	Part                bool   // a step: shown under its page's title, as a sub-link
	Page                string // a step's page title
}

// Head is a heading with an id: a passage under it links to it.
type Head struct {
	At        int // where it starts in Doc.Text, in UTF-16 units (as the browser counts)
	ID, Title string
}

// skipped are the classes whose elements search leaves out: the policy notice
// every page repeats, lists of other pages (a listing's entries are those
// pages' titles: the pages themselves answer), the cited codes line, print
// links, a common question's own link, and a scenario's instructions,
// verdicts, answers and links between steps (verdicts and answers give a
// scenario away, and none is what a reader searches for).
var skipped = map[string]bool{
	"gp-notice": true, "gp-list": true, "gp-meta": true, "gp-faq__codes": true, "gp-faq__link": true, "gp-print-link": true,
	"gp-scenario__intro": true, "gp-scenario__ask": true, "gp-judgement": true, "gp-scenario__go": true,
	"gp-scenario__reflection": true, "gp-scenario__answer": true,
	"gp-scenario-map": true, // the map's words are the steps' titles again, and how to read it
}

// quiet are the classes inside which <summary>, <legend> and <strong> are
// boilerplate ("What happens if you choose A", "Choose all the answers that apply").
var quiet = map[string]bool{"gp-scenario__feedback": true, "gp-scenario__options": true}

// extract reads a built page: the page itself and the parts of it marked with
// data-gp-search-doc (and an id). Only <main> is read. A part marked "step"
// belongs to its page's result (a scenario's step); any other part is a result
// of its own (a common question). An element with data-gp-search-group puts
// the page in that group (a scenario's versions, from one file). It returns nil
// for pages marked noindex.
func extract(p *htmlpage.Page) []Doc {
	toks := p.Tokens
	page := Doc{URL: p.Rel, Group: p.Rel}
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
	end := p.End(main)
	for i := main + 1; i < end; i++ {
		if g := htmlpage.Attr(toks[i], "data-gp-search-group"); g != "" && toks[i].Type == html.StartTagToken {
			page.Group = g
			break
		}
	}
	x := extractor{p: p, page: &page}
	x.read(main+1, end, &page, newTexts(&page))
	for i := range x.subs {
		x.subs[i].Group = page.Group
		if !x.subs[i].Part {
			x.subs[i].Group = x.subs[i].URL
		}
	}
	return append([]Doc{page}, x.subs...)
}

type extractor struct {
	p     *htmlpage.Page
	page  *Doc
	subs  []Doc
	quiet int // tokens before this index are inside a quiet element
}

// texts collects a doc's text as it is read.
type texts struct {
	d                *Doc
	body, heads, all strings.Builder
	units            int  // UTF-16 length of all
	space            bool // all ends with a space (runs of white space are one)
}

func newTexts(d *Doc) *texts { return &texts{d: d} }

func (x *texts) write(s string, heading bool) {
	if heading {
		x.heads.WriteString(s)
	} else {
		x.body.WriteString(s)
	}
	for _, r := range s {
		if unicode.IsSpace(r) {
			if !x.space && x.units > 0 {
				x.all.WriteByte(' ')
				x.units++
				x.space = true
			}
			continue
		}
		x.all.WriteRune(r)
		x.space = false
		x.units++
		if r >= 0x10000 {
			x.units++
		}
	}
}

func (x *texts) blank() { x.write(" ", false); x.heads.WriteString(" ") }

func (x *texts) done() {
	x.d.Body, x.d.Headings = squash(x.body.String()), squash(x.heads.String())
	x.d.Text = strings.TrimRight(x.all.String(), " ")
}

// read reads tokens [from, to) into d.
func (x *extractor) read(from, to int, d *Doc, out *texts) {
	p := x.p
	for i := from; i < to; i++ {
		t := p.Tokens[i]
		switch t.Type {
		case html.TextToken:
			out.write(t.Data, false)
		case html.EndTagToken:
			if isBlock(t.DataAtom) {
				out.blank()
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			// Where the element ends: looked for only where it is used (a
			// look ahead to the end tag; every tag's would cost the page's
			// length times its depth).
			end := func() int { return p.End(i) }
			if isBlock(t.DataAtom) {
				out.blank() // words of two blocks never run together
			}
			switch {
			case t.DataAtom == atom.Script || t.DataAtom == atom.Style || t.DataAtom == atom.Nav || t.DataAtom == atom.Svg || skip(t):
				i = end()
			case i < x.quiet && (t.DataAtom == atom.Summary || t.DataAtom == atom.Legend || t.DataAtom == atom.Strong):
				i = end()
			case htmlpage.Attr(t, "data-gp-search-doc") != "" && htmlpage.Attr(t, "id") != "" && d == x.page:
				sub := Doc{URL: x.page.URL + "#" + htmlpage.Attr(t, "id"), Section: x.page.Title}
				if htmlpage.Attr(t, "data-gp-search-doc") == "step" {
					sub.Part, sub.Page, sub.Section = true, x.page.Title, x.page.Section
				}
				e := end()
				st := newTexts(&sub)
				x.read(i+1, e, &sub, st)
				st.done()
				if h := x.firstHeading(i+1, e); h != "" {
					sub.Title = h
				}
				x.subs = append(x.subs, sub) // its words are its own, not its page's
				i = e
			case t.DataAtom == atom.H1 && d == x.page:
				x.page.Title = squash(text(p, i))
				i = end()
			case t.DataAtom == atom.H2 || t.DataAtom == atom.H3 || t.DataAtom == atom.Summary:
				h := text(p, i)
				if id := htmlpage.Attr(t, "id"); id != "" && d == x.page {
					d.Heads = append(d.Heads, Head{At: out.units, ID: id, Title: squash(h)})
				}
				out.write(" "+h+" ", true)
				i = end()
			default:
				if hasQuietClass(t) {
					x.quiet = max(x.quiet, end())
				}
			}
		}
	}
	if d == x.page && out.d == x.page {
		out.done()
	}
}

func skip(t html.Token) bool {
	for _, f := range strings.Fields(htmlpage.Attr(t, "class")) {
		if skipped[f] {
			return true
		}
	}
	return false
}

func hasQuietClass(t html.Token) bool {
	for _, f := range strings.Fields(htmlpage.Attr(t, "class")) {
		if quiet[f] {
			return true
		}
	}
	return false
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
// where blocks meet.
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
			if isBlock(t.DataAtom) {
				b.WriteString(" ")
			}
		}
	}
	return b.String()
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Li, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.Td, atom.Th, atom.Dt, atom.Dd, atom.Section, atom.Details,
		atom.Summary, atom.Br, atom.Blockquote, atom.Tr, atom.Ul, atom.Ol, atom.Pre, atom.Article, atom.Aside, atom.Fieldset, atom.Legend,
		atom.Label, atom.Figure, atom.Figcaption, atom.Table, atom.Dl, atom.Header, atom.Footer, atom.Hr:
		return true
	}
	return false
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
