package search

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/unicode/norm"
)

// Fold lower-cases s and takes accents off (NFKD, combining marks dropped), as
// search.js does with toLowerCase().normalize('NFKD') and a mark-stripping regexp.
// Curly apostrophes become straight ones, so "don’t" reads as "don't".
func Fold(s string) string {
	if ascii(s) {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '‘' || r == '’' || r == 'ʼ':
			r = '\''
		}
		b.WriteRune(r)
	}
	return b.String()
}

// WordPattern finds the words of folded text: numbers with dots ("5.8", a code)
// stay one word; letters and digits, with apostrophes inside ("don't"). The
// runtime reads this pattern from the index's metadata: one pattern, one place.
const WordPattern = `[0-9]+(?:\.[0-9]+)+|[a-z0-9]+(?:'[a-z]+)*`

var wordRE = regexp.MustCompile(WordPattern)

// findWords returns what wordRE.FindAllString(s, -1) returns, by hand: the
// regular expression was half of the search preparation of every page (a CPU
// profile of the 5,000-page bench pack). The pattern stays the rule (search.js
// reads it); TestFindWordsIsThePattern holds the two equal.
func findWords(s string) []string {
	digit := func(i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }
	lower := func(i int) bool { return i < len(s) && s[i] >= 'a' && s[i] <= 'z' }
	var out []string
	for i := 0; i < len(s); {
		if !digit(i) && !lower(i) {
			i++ // every other byte, a non-ASCII one too, is never in a word
			continue
		}
		j := i
		// [0-9]+(?:\.[0-9]+)+, tried first
		if digit(i) {
			for digit(j) {
				j++
			}
			k := j
			for k < len(s) && s[k] == '.' && digit(k+1) {
				for k++; digit(k); k++ {
				}
			}
			if k > j {
				out = append(out, s[i:k])
				i = k
				continue
			}
		}
		// [a-z0-9]+(?:'[a-z]+)*
		for digit(j) || lower(j) {
			j++
		}
		for j < len(s) && s[j] == '\'' && lower(j+1) {
			for j++; lower(j); j++ {
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// Words splits text into the words search matches: folded, contractions
// expanded ("don't" and "dont" are "do not"), split at apostrophes
// ("employer's" is "employer" and "s"), stop words left out. search.js does the
// same with the pattern, stop words and contractions of the index metadata.
func Words(s string) []string {
	var out []string
	for _, t := range findWords(Fold(s)) {
		parts, ok := contractions[t]
		if !ok {
			parts = strings.Split(t, "'")
		}
		for _, w := range parts {
			if w != "" && !stop[w] {
				out = append(out, w)
			}
		}
	}
	return out
}

// Stem returns the stem a word is indexed under: its English (Porter2) stem,
// with the agent and the doctrine of a word made one ("racist" and "racism"),
// and a few clipped words made whole ("photo" is "photograph"). The browser
// never stems: the index maps every word form it holds to its stem.
func Stem(w string) string {
	if len(w) < 3 || number(w) {
		return w
	}
	if s, ok := stems.Load(w); ok {
		return s.(string)
	}
	s := english.Stem(w, false)
	if c, ok := clipped[s]; ok {
		s = c
	}
	if strings.HasSuffix(s, "ist") && len(s) >= 6 {
		s = strings.TrimSuffix(s, "ist") + "ism"
	}
	stems.Store(w, s)
	return s
}

// clipped are short words readers type for longer ones, stem to stem.
var clipped = map[string]string{"photo": "photograph", "info": "inform", "pic": "pictur", "msg": "messag"}

// stems caches Stem: a pack uses a few thousand words many times over, and
// stemming is most of the time indexing takes. Safe on every core.
var stems sync.Map

// number says whether a word is all digits (and dots): it has no stem and no inflections.
func number(w string) bool {
	for i := 0; i < len(w); i++ {
		if (w[i] < '0' || w[i] > '9') && w[i] != '.' {
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

// StopWords carry no meaning for search. The runtime reads them from the index
// metadata.
const StopWords = "a am an and are as at be been but by can could did do does for from had has have how i if in is it its me my of on or our s should t that the their them they this to was we what when where which who why will with would you your"

var stop = map[string]bool{}

// contractionList is the English contractions readers type, with and without
// the apostrophe (never "well" for "we'll", or "ill" for "I'll": those are words).
const contractionList = `don't:do not|doesn't:does not|didn't:did not|can't:can not|cannot:can not|won't:will not|wouldn't:would not|
shouldn't:should not|couldn't:could not|isn't:is not|aren't:are not|wasn't:was not|weren't:were not|haven't:have not|
hasn't:has not|hadn't:had not|mustn't:must not|needn't:need not|mightn't:might not|shan't:shall not|i'm:i am|i've:i have|
you're:you are|you've:you have|they're:they are|they've:they have|we've:we have|it's:it is|that's:that is|what's:what is|
who's:who is|there's:there is|here's:here is|let's:let us|i'll:i will|you'll:you will|we'll:we will|they'll:they will|
i'd:i would|you'd:you would|we'd:we would|they'd:they would|he's:he is|she's:she is`

// noBare are contractions whose spelling without the apostrophe is another word.
var noBare = map[string]bool{"well": true, "ill": true, "shell": true, "hell": true, "were": true, "wed": true, "shed": true, "id": true, "lets": true, "its": true, "hes": true, "shes": true, "whos": true, "heres": true}

// contractions maps a contraction, as the tokenizer sees it, to its words.
var contractions = map[string][]string{}

func init() {
	for _, w := range strings.Fields(StopWords) {
		stop[w] = true
	}
	for _, e := range strings.Split(strings.ReplaceAll(contractionList, "\n", ""), "|") {
		k, v, _ := strings.Cut(e, ":")
		contractions[k] = strings.Fields(v)
		if bare := strings.ReplaceAll(k, "'", ""); !noBare[bare] {
			contractions[bare] = strings.Fields(v)
		}
	}
}

// Contractions returns the contractions and their words, for the runtime.
func Contractions() map[string]string {
	out := make(map[string]string, len(contractions))
	keys := make([]string, 0, len(contractions))
	for k := range contractions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out[k] = strings.Join(contractions[k], " ")
	}
	return out
}
