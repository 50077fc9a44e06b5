package keep

import (
	"encoding/json"
	"fmt"
	"image/color"
	"regexp"
	"strings"
)

// Icons are the icons the manifest names: 192 and 512 pixels, and a maskable 512.
var Icons = []struct {
	Path     string
	Size     int
	Maskable bool
}{
	{Dir + "icon-192.png", 192, false},
	{Dir + "icon-512.png", 512, false},
	{Dir + "icon-maskable-512.png", 512, true},
}

// Colours are the pack's own: its brand colour (the icons' ground, the
// browser's toolbar) and its page colour (the book, the splash screen).
type Colours struct{ Brand, Page color.RGBA }

var customProperty = regexp.MustCompile(`--gp-(brand|bg)\s*:\s*#([0-9a-fA-F]{6})\b`)

// ReadColours reads --gp-brand and --gp-bg from a stylesheet (assets/css/base.css,
// where the pack's colours are set); a missing one keeps the demo pack's.
func ReadColours(css []byte) Colours {
	c := Colours{Brand: color.RGBA{0x1d, 0x4f, 0x7c, 255}, Page: color.RGBA{255, 255, 255, 255}}
	for _, m := range customProperty.FindAllSubmatch(css, -1) {
		var r, g, b uint8
		fmt.Sscanf(string(m[2]), "%02x%02x%02x", &r, &g, &b) // six hex digits: the pattern says so
		if string(m[1]) == "brand" {
			c.Brand = color.RGBA{r, g, b, 255}
		} else {
			c.Page = color.RGBA{r, g, b, 255}
		}
	}
	return c
}

// Hex writes a colour as CSS does, #rrggbb.
func Hex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// ShortName is the name under the icon on a home screen: the title's first
// words, up to 12 characters.
func ShortName(title string) string {
	short := ""
	for _, w := range strings.Fields(title) {
		next := strings.TrimSpace(short + " " + w)
		if len([]rune(next)) > 12 {
			break
		}
		short = next
	}
	if short == "" {
		short = string([]rune(title)[:min(12, len([]rune(title)))])
	}
	return short
}

// WebManifest writes the web app manifest: start_url and scope are relative to
// the manifest, at the site root, so the pack works in any folder of any host.
func WebManifest(title, description string, c Colours) []byte {
	type icon struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose"`
	}
	m := struct {
		Name        string `json:"name"`
		ShortName   string `json:"short_name"`
		Description string `json:"description,omitempty"`
		StartURL    string `json:"start_url"`
		Scope       string `json:"scope"`
		Display     string `json:"display"`
		Theme       string `json:"theme_color"`
		Background  string `json:"background_color"`
		Icons       []icon `json:"icons"`
	}{title, ShortName(title), description, "index.html", "./", "standalone", Hex(c.Brand), Hex(c.Page), nil}
	for _, i := range Icons {
		purpose := "any"
		if i.Maskable {
			purpose = "maskable"
		}
		m.Icons = append(m.Icons, icon{i.Path, fmt.Sprintf("%dx%d", i.Size, i.Size), "image/png", purpose})
	}
	b, _ := json.MarshalIndent(m, "", "  ") // strings only: cannot fail
	return append(b, '\n')
}
