// Package linkpolicy is the one rule for links: the ones authors write (in pages,
// data files and scenarios) and the references a built page holds. A reader may
// follow a link with one of the schemes in Follow when online; every other
// reference is relative and names a file in the pack. The scenario compiler
// (quiz) and the offline check use this package; the link render hook reads the
// same rule from data/linkpolicy.json, which the build writes (Write).
package linkpolicy

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Follow are the schemes of links a reader may follow when online. Nothing in the
// pack loads from them by itself.
var Follow = []string{"http", "https", "mailto", "tel"}

// What an author is told when a link breaks the rule.
const (
	SchemeHint       = "use an http(s), mailto or tel link, or a page.md link"
	RootRelativeHint = "write the link relative to the page it is in, e.g. ../guidance/boundaries.md: a pack works in any folder"
)

// Kind is what a reference is, by the rule.
type Kind int

const (
	Relative         Kind = iota // a path relative to the page (it must name a file)
	Fragment                     // #id, on the same page
	External                     // a scheme in Follow
	OtherScheme                  // javascript:, data:, file:, ftp:, …
	ProtocolRelative             // //host/x: loads from the network; under file:// points nowhere
	RootRelative                 // /x: breaks under file:// and in a sub-folder
)

// Classify says what the reference u is.
func Classify(u string) Kind {
	u = strings.TrimSpace(u)
	switch s, ok := Scheme(u); {
	case strings.HasPrefix(u, "#"):
		return Fragment
	case ok && slices.Contains(Follow, s):
		return External
	case ok:
		return OtherScheme
	case strings.HasPrefix(u, "//"):
		return ProtocolRelative
	case strings.HasPrefix(u, "/"):
		return RootRelative
	}
	return Relative
}

// Scheme returns the URL scheme u starts with, lower-cased (javascript, data, …),
// and whether it has one (RFC 3986: a letter, then letters, digits, +, - or .,
// then a colon).
func Scheme(u string) (string, bool) {
	i := strings.IndexByte(u, ':')
	if i <= 0 {
		return "", false
	}
	s := strings.ToLower(u[:i])
	for j, c := range s {
		if !(c >= 'a' && c <= 'z' || j > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return "", false
		}
	}
	return s, true
}

// Data is the rule as the link render hook reads it (hugo.Data.linkpolicy).
type Data struct {
	Follow           []string `json:"follow"`
	SchemeHint       string   `json:"schemeHint"`
	RootRelativeHint string   `json:"rootRelativeHint"`
}

// Write writes the rule into dataDir/linkpolicy.json (the generated data folder
// Hugo mounts), unless it holds it already.
func Write(dataDir string) error {
	b, err := json.MarshalIndent(Data{Follow, SchemeHint, RootRelativeHint}, "", "  ")
	if err != nil {
		return err
	}
	p := filepath.Join(dataDir, "linkpolicy.json")
	if old, err := os.ReadFile(p); err == nil && string(old) == string(b) {
		return nil
	}
	return os.WriteFile(p, b, 0o644)
}
