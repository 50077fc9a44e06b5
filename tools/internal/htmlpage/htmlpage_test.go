package htmlpage_test

import (
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/htmlpage"
	"golang.org/x/net/html"
)

const printPage = `<!DOCTYPE html><html><head><meta name="gp-search" content="noindex">
<style>.x { background: url("img/a.png") }</style></head>
<body><main><h1 id="top" class="gp-title" data-unread="1">Boundaries &amp; you</h1>
<p>Text <a href="a.html#b" title="not kept">link</a></p><!-- a comment --></main></body></html>`

func TestParseKeepsTextAndTheAttributesTheStagesRead(t *testing.T) {
	p := htmlpage.Parse("print.html", []byte(printPage))
	var text string
	for _, tok := range p.Tokens {
		if tok.Type == html.TextToken {
			text += tok.Data
		}
		if tok.Data == "h1" && tok.Type == html.StartTagToken {
			qt.Check(t, tok.Attr, qt.DeepEquals, []html.Attribute{{Key: "id", Val: "top"}, {Key: "class", Val: "gp-title"}})
		}
		if tok.Data == "a" && tok.Type == html.StartTagToken {
			qt.Check(t, htmlpage.Attr(tok, "href"), qt.Equals, "a.html#b")
			qt.Check(t, tok.Attr, qt.DeepEquals, []html.Attribute{{Key: "href", Val: "a.html#b"}}) // no title: no stage reads it
		}
	}
	qt.Check(t, text, qt.Contains, "Boundaries & you")
}

func TestParseTagsKeepsOnlyStyleText(t *testing.T) {
	qt.Assert(t, htmlpage.NoIndex([]byte(printPage)), qt.IsTrue)
	var texts []string
	tags := 0
	for _, tok := range htmlpage.ParseTags("print.html", []byte(printPage)).Tokens {
		switch tok.Type {
		case html.TextToken, html.CommentToken:
			texts = append(texts, tok.Data)
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tags++
		}
	}
	qt.Check(t, texts, qt.DeepEquals, []string{`.x { background: url("img/a.png") }`})
	qt.Check(t, tags, qt.Equals, 17) // every tag is kept
}

func TestEndFindsTheMatchingTag(t *testing.T) {
	p := htmlpage.Parse("x.html", []byte(`<div><div>a</div><br><p>b</div><span>c</span>`))
	qt.Check(t, p.End(0), qt.Equals, 7) // the outer div's </div>, past the inner one
	qt.Check(t, p.End(4), qt.Equals, 4) // <br> is void
	qt.Check(t, p.End(8), qt.Equals, 10)
	qt.Check(t, p.End(5), qt.Equals, len(p.Tokens)) // <p> is never closed
	qt.Check(t, htmlpage.NoIndex([]byte(`<head></head><meta name="gp-search" content="noindex">`)), qt.IsFalse)
}
