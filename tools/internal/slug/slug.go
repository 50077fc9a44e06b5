// Package slug is the one rule for the ids authors write (scenario and step ids,
// case ids, themes): lower-case letters and digits in words joined by single
// dashes. scenarios/schema.json states the same Pattern (a test checks it).
package slug

import (
	"regexp"
	"strings"
)

// Pattern is the rule as a regular expression.
const Pattern = `^[a-z0-9]+(-[a-z0-9]+)*$`

var re = regexp.MustCompile(Pattern)

// Valid reports whether s is a slug.
func Valid(s string) bool { return re.MatchString(s) }

// Make turns s into a slug, to suggest one: "Friend Request!" → "friend-request".
func Make(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
