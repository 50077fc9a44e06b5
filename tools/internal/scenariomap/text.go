package scenariomap

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// advance is the width of each printable ASCII character, in thousandths of an
// em, in DejaVu Sans: the widest of the fonts a reader's system-ui or
// sans-serif is likely to be (and Debian's default), so text measured with it
// fits in the others too.
var advance = [95]int{
	318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, // space to /
	636, 636, 636, 636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, // 0 to ?
	1000, 684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, // @ to O
	603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838, 500, // P to _
	500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, // ` to o
	635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, // p to ~
}

// width returns the width of s in px at a font size, bold or not, as DejaVu
// Sans draws it (bold about 10% wider). Letters beyond ASCII count as a capital
// M, and wide scripts (CJK) as a full em.
func width(s string, size float64, bold bool) float64 {
	total := 0
	for _, r := range s {
		switch {
		case r >= ' ' && r <= '~':
			total += advance[r-' ']
		case r == '’' || r == '‘':
			total += 318
		case r == '“' || r == '”':
			total += 518
		case r == '–':
			total += 500
		case r == '—' || r == '…':
			total += 1000
		case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
			total += 1000
		default:
			total += 863
		}
	}
	w := float64(total) / 1000 * size
	if bold {
		w *= 1.1
	}
	return w
}

// wrap breaks s into at most maxLines lines no wider than w px; it reports
// whether it had to cut the text short (the last line then ends with "…"). A
// word wider than a line is broken inside.
func wrap(s string, w, size float64, maxLines int) ([]string, bool) {
	var lines []string
	line := ""
	words := strings.Fields(s)
	for i := 0; i < len(words); i++ {
		word := words[i]
		try := word
		if line != "" {
			try = line + " " + word
		}
		if width(try, size, false) <= w {
			line = try
			continue
		}
		if line != "" {
			lines = append(lines, line)
			line = ""
			i--
			continue
		}
		// A word too long for a line on its own: break it.
		cut := fit(word, w, size, "")
		if cut == 0 {
			cut = len(word[:firstRune(word)])
		}
		lines = append(lines, word[:cut])
		words[i] = word[cut:]
		i--
	}
	if line != "" {
		lines = append(lines, line)
	}
	if len(lines) <= maxLines {
		return lines, false
	}
	lines = lines[:maxLines]
	last := lines[maxLines-1]
	for width(last+"…", size, false) > w && last != "" {
		_, n := utf8.DecodeLastRuneInString(last)
		last = last[:len(last)-n]
	}
	lines[maxLines-1] = strings.TrimRight(last, " ,.;:–—-") + "…"
	return lines, true
}

// fit returns how many bytes of s fit in w px with suffix after them.
func fit(s string, w, size float64, suffix string) int {
	n := 0
	for i, r := range s {
		if width(s[:i+utf8.RuneLen(r)]+suffix, size, false) > w {
			break
		}
		n = i + utf8.RuneLen(r)
	}
	return n
}

func firstRune(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	return n
}

// esc escapes text for XML (element text and attribute values).
func esc(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&#39;")
		default:
			if r < ' ' && r != '\n' && r != '\t' || r == utf8.RuneError || r == 0xFFFE || r == 0xFFFF {
				continue // not allowed in XML
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
