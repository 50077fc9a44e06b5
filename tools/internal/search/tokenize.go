package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/unicode/norm"
)

// Fold lower-cases s and takes accents off (NFKD, combining marks dropped), as
// search.js does with toLowerCase().normalize('NFKD') and a mark-stripping regexp.
func Fold(s string) string {
	if ascii(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Words splits folded text into words of letters a–z and digits, as search.js does
// with /[^a-z0-9]+/. Stop words are left out.
func Words(s string) []string {
	f := strings.FieldsFunc(Fold(s), func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	out := f[:0]
	for _, w := range f {
		if !stop[w] {
			out = append(out, w)
		}
	}
	return out
}

// Stem returns the English (Porter2) stem of a word: "reporting" and "reports"
// both become "report". The browser never stems: the index maps every word form
// it holds to its stem.
func Stem(w string) string {
	if len(w) < 3 || number(w) {
		return w
	}
	if s, ok := stems.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(w, false)
	stems.Store(w, s)
	return s
}

// stems caches Stem: a pack uses a few thousand words many times over, and
// stemming is most of the time indexing takes. Safe on every core.
var stems sync.Map

// number says whether a word is all digits: it has no stem and no inflections.
func number(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// stop words carry no meaning for search; search.js holds the same list.
var stop = map[string]bool{}

// StopWords is the list, space-separated, shared with the browser.
const StopWords = "a an and are as at be but by can could do does for from has have how i if in is it its me my of on or s should t that the their them they this to was we what when where which who why will with would you your"

func init() {
	for _, w := range strings.Fields(StopWords) {
		stop[w] = true
	}
}
