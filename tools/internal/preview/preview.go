// Package preview is what `guidepack serve` adds to Hugo's server: every author
// mistake shown the same way, in the terminal and in a banner on every page,
// while the rest of the pack stays readable.
//
// Mistakes come from two places. Prepare (config.toml, front matter, data files,
// scenarios) runs on every save; a page Hugo cannot read at all (front matter
// that is not valid YAML) is left out of Hugo's mounts for the preview, and
// Hugo reads the data files from a copy that holds each as it last could be
// read, so Hugo builds the rest instead of showing its own error page or a
// template's stack trace. The render hooks and shortcodes (links, images,
// codes) report as Hugo renders: in serve they log a warning holding the problem
// as data (layouts/_partials/problem.html), which Banner reads from Hugo's log.
// A mistake in a layout (a developer's) still shows Hugo's error page.
package preview

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// ConfigFile is the configuration the preview's Hugo reads, in the generated
// folder: config.toml with the files Hugo cannot read left out of its mounts.
const ConfigFile = "serve.toml"

// Unreadable returns the authored files among the problems' that Hugo cannot
// read at all: data files and front matter that do not parse. Others (an
// unknown field, a missing title) Hugo reads, and the banner names them.
func Unreadable(root string, ps diag.Problems) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range ps {
		f := p.File
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f)))
		if err != nil {
			continue
		}
		switch {
		case strings.HasPrefix(f, "data/") && (path.Ext(f) == ".yaml" || path.Ext(f) == ".yml"):
			var v any
			if yaml.Unmarshal(b, &v) != nil {
				out = append(out, f)
			}
		case strings.HasPrefix(f, "content/") && path.Ext(f) == ".md":
			if !frontMatterParses(b) {
				out = append(out, f)
			}
		}
	}
	return out
}

// frontMatterParses tells whether a page's front matter (YAML between ---, or
// TOML between +++) parses; a page with none does.
func frontMatterParses(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	for _, fence := range []string{"---", "+++"} {
		if !strings.HasPrefix(s, fence+"\n") {
			continue
		}
		end := strings.Index(s[len(fence)+1:], "\n"+fence)
		if end < 0 {
			return false
		}
		fm := s[len(fence)+1 : len(fence)+1+end]
		var v map[string]any
		if fence == "---" {
			return yaml.Unmarshal([]byte(fm), &v) == nil
		}
		return toml.Unmarshal([]byte(fm), &v) == nil
	}
	return true
}

// standIn is what a left-out data file is replaced with for the layouts that
// read it, when serve has not seen it readable: an empty list (its section is
// empty while the file is fixed).
var standIn = map[string]string{"data/faq.yaml": "[]\n", "data/cases.yaml": "[]\n", "data/codes.yaml": "[]\n"}

// LastGood keeps the last readable text of each data file, what the preview
// shows while it cannot be read: the pack as it was (a broken codes.yaml does
// not make every cited code unknown).
type LastGood map[string][]byte

// DataDir is the preview's data folder, in the generated folder: Hugo reads the
// data files from there, copied by WriteConfig, never from data/ directly, so
// it never sees one it cannot read (not even between a save and guidepack's
// check of it).
const DataDir = "serve-data"

// WriteConfig writes the preview's configuration into gen (the generated
// folder): root's config.toml with each page in leave (project-relative, as
// Unreadable returns) left out of the content mount, and the data mount
// reading DataDir, which it fills with root's data files: each in leave as it
// last was readable (good), or as an empty list. It returns the
// configuration's path. When config.toml does not parse, Hugo reads it as it
// is (and says why it cannot).
func WriteConfig(root, gen string, leave []string, good LastGood) (string, error) {
	b, err := os.ReadFile(filepath.Join(root, "config.toml"))
	if err != nil {
		return "", err
	}
	var doc map[string]any
	if toml.Unmarshal(b, &doc) != nil {
		return filepath.Join(root, "config.toml"), nil
	}
	if err := mirrorData(root, filepath.Join(gen, DataDir), leave, good); err != nil {
		return "", err
	}
	var excludes []any // "! file" under content/
	for _, f := range leave {
		if rest, ok := strings.CutPrefix(f, "content/"); ok {
			excludes = append(excludes, "! "+rest)
		}
	}
	rel, err := filepath.Rel(root, filepath.Join(gen, DataDir))
	if err != nil {
		return "", err
	}
	if mod, ok := doc["module"].(map[string]any); ok {
		if mounts, ok := mod["mounts"].([]any); ok {
			for _, m := range mounts {
				mm, ok := m.(map[string]any)
				if !ok {
					continue
				}
				switch src, _ := mm["source"].(string); src {
				case "content":
					if len(excludes) > 0 {
						files, _ := mm["files"].([]any)
						mm["files"] = append(files, excludes...)
					}
				case "data":
					mm["source"] = filepath.ToSlash(rel)
				}
			}
		}
	}
	out, err := toml.Marshal(doc)
	if err != nil {
		return "", err
	}
	p := filepath.Join(gen, ConfigFile)
	return p, writeIfChanged(p, out)
}

// mirrorData copies root's data files into dir: those Hugo can read as they
// are (and keeps them in good), the others (in leave) as they last were, or
// an empty list where the layouts read one. Files no longer in data/ go.
func mirrorData(root, dir string, leave []string, good LastGood) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	files, _ := filepath.Glob(filepath.Join(root, "data", "*.yaml"))
	want := map[string]bool{}
	for _, f := range files {
		name := filepath.Base(f)
		rel := "data/" + name
		var b []byte
		if !slices.Contains(leave, rel) {
			b, _ = os.ReadFile(f) // gone since: as one that cannot be read
		}
		// What is copied parses, whatever the check saw: the file may have
		// changed since (an editor writes it in two steps).
		var v any
		if b != nil && yaml.Unmarshal(b, &v) == nil {
			good[rel] = b
		} else if g, ok := good[rel]; ok {
			b = g
		} else if s, ok := standIn[rel]; ok {
			b = []byte(s)
		} else {
			continue
		}
		want[name] = true
		if err := writeIfChanged(filepath.Join(dir, name), b); err != nil {
			return err
		}
	}
	have, _ := os.ReadDir(dir)
	for _, e := range have {
		if !want[e.Name()] {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	return nil
}

// writeIfChanged writes b to p unless p holds it already: Hugo rebuilds on
// every write it sees.
func writeIfChanged(p string, b []byte) error {
	if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, b) {
		return nil
	}
	return os.WriteFile(p, b, 0o644)
}

// bannerJSON is what the layouts read as hugo.Data.guidepack_errors.
type bannerJSON struct {
	Count int      `json:"count"`
	Lines []string `json:"lines"` // as the terminal prints them, without "guidepack: "
}

// bannerLines prints problems as the terminal does, for the banner.
func bannerLines(ps diag.Problems) []string {
	var b strings.Builder
	diag.Print(&b, ps)
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		lines = append(lines, strings.TrimPrefix(l, "guidepack: "))
	}
	return lines
}

// encode is the banner file for problems, or nil for none.
func encode(ps diag.Problems) []byte {
	if len(ps) == 0 {
		return nil
	}
	b, _ := json.Marshal(bannerJSON{Count: len(ps), Lines: bannerLines(ps)})
	return b
}
