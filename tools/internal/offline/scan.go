package offline

import (
	"net/url"
	"regexp"
	"strings"

	"golang.org/x/net/html"
)

// htmlRefs returns the ids a page defines and every reference it makes.
func htmlRefs(toks []html.Token) (map[string]bool, []ref) {
	ids := map[string]bool{}
	var refs []ref
	inStyle := false
	for _, t := range toks {
		switch t.Type {
		case html.TextToken:
			if inStyle {
				refs = append(refs, cssRefs(t.Data)...)
			}
		case html.EndTagToken:
			inStyle = false
		case html.StartTagToken, html.SelfClosingTagToken:
			inStyle = t.Data == "style"
			if len(t.Attr) == 0 {
				continue
			}
			attrs := attrList(t.Attr)
			if id, ok := attrs.get("id"); ok {
				ids[id] = true
			}
			if n, ok := attrs.get("name"); ok && t.Data == "a" {
				ids[n] = true
			}
			if s, ok := attrs.get("style"); ok {
				refs = append(refs, cssRefs(s)...)
			}
			refs = append(refs, tagRefs(t.Data, attrs)...)
		}
	}
	return ids, refs
}

// attrList is a tag's attributes; the first of a name counts, as in browsers.
type attrList []html.Attribute

func (l attrList) get(k string) (string, bool) {
	for _, a := range l {
		if a.Key == k {
			return a.Val, true
		}
	}
	return "", false
}

func tagRefs(tag string, a attrList) []ref {
	var refs []ref
	add := func(attr string, k kind) {
		if v, ok := a.get(attr); ok {
			refs = append(refs, ref{url: v, kind: k})
		}
	}
	switch tag {
	case "a", "area":
		add("href", navigate)
	case "form":
		add("action", navigate)
	case "link":
		relAttr, _ := a.get("rel")
		rel := strings.ToLower(relAttr)
		if strings.Contains(rel, "stylesheet") || strings.Contains(rel, "icon") || strings.Contains(rel, "preload") ||
			strings.Contains(rel, "prefetch") || strings.Contains(rel, "manifest") || strings.Contains(rel, "modulepreload") {
			add("href", load)
		} else {
			add("href", navigate)
		}
	case "script", "iframe", "frame", "embed", "img", "source", "track", "audio", "video", "input":
		add("src", load)
	case "object":
		add("data", load)
	}
	if tag == "video" {
		add("poster", load)
	}
	if v, ok := a.get("srcset"); ok {
		for _, c := range strings.Split(v, ",") {
			if f := strings.Fields(c); len(f) > 0 {
				refs = append(refs, ref{url: f[0], kind: load})
			}
		}
	}
	return refs
}

var cssURL = regexp.MustCompile(`url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')`)

// cssRefs returns the url() and @import references of a stylesheet: all load.
func cssRefs(css string) []ref {
	var refs []ref
	for _, m := range cssURL.FindAllStringSubmatch(css, -1) {
		for _, g := range m[1:] {
			if g != "" {
				refs = append(refs, ref{url: g, kind: load})
				break
			}
		}
	}
	return refs
}

func unescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}
