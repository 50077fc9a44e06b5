package scenariomap

import (
	"math"
	"strconv"
	"testing"
)

// luminance is a colour's relative luminance (WCAG 2.2); hex is #rrggbb or #rgb.
func luminance(hex string) float64 {
	if len(hex) == 4 {
		hex = string([]byte{'#', hex[1], hex[1], hex[2], hex[2], hex[3], hex[3]})
	}
	c := func(i int) float64 {
		v, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*c(0) + 0.7152*c(1) + 0.0722*c(2)
}

func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

// TestContrast: text has 4.5:1 against the fill it sits on; lines, arrowheads
// and borders 3:1 against white (WCAG 1.4.3 and 1.4.11).
func TestContrast(t *testing.T) {
	for _, fill := range fills {
		for _, text := range []string{ink, muted, good, risky, poor} {
			if c := contrast(text, fill); c < 4.5 {
				t.Errorf("text %s on %s: %.2f:1", text, fill, c)
			}
		}
	}
	for _, l := range looks {
		if c := contrast(l.colour, white); c < 4.5 { // letters are text on white
			t.Errorf("line %s on white: %.2f:1", l.colour, c)
		}
	}
	if c := contrast(white, ink); c < 4.5 { // the Start tab
		t.Errorf("start tab: %.2f:1", c)
	}
}
