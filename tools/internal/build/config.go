package build

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/pelletier/go-toml/v2"
)

// Pack is what the build needs to know from config.toml.
type Pack struct {
	Title   string `toml:"title"`
	BaseURL string `toml:"baseURL"`
	Params  struct {
		Pack       string `toml:"pack"`
		Version    string `toml:"version"`
		Released   string `toml:"released"`
		WebAddress string `toml:"webAddress"`
	} `toml:"params"`
}

// Name is the zip's base name and its top folder: <pack>-<version>.
func (p Pack) Name() string { return p.Params.Pack + "-" + p.Params.Version }

var slug = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*$`)

// readPack reads config.toml and checks the fields the pack's file names come from.
func readPack(root string) (Pack, error) {
	file := filepath.Join(root, "config.toml")
	b, err := os.ReadFile(file)
	if err != nil {
		return Pack{}, err
	}
	var p Pack
	if err := toml.Unmarshal(b, &p); err != nil {
		if de, ok := err.(*toml.DecodeError); ok {
			row, col := de.Position()
			return p, fmt.Errorf("%s:%d:%d: %s", file, row, col, de.String())
		}
		return p, fmt.Errorf("%s: %w", file, err)
	}
	if !slug.MatchString(p.Params.Pack) {
		return p, fmt.Errorf("%s: params.pack = %q: set it to a short lower-case name with letters, digits and dashes, e.g. \"social-media-guidance\"", file, p.Params.Pack)
	}
	if !slug.MatchString(p.Params.Version) {
		return p, fmt.Errorf("%s: params.version = %q: set it to a version such as \"1.0.0\"", file, p.Params.Version)
	}
	return p, nil
}
