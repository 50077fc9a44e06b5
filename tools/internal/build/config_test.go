package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
)

const goodConfig = `baseURL = "/"
title = "A pack"

[params]
  pack = "a-pack"
  version = "1.0.0"
  released = "2026-11-25"
  webAddress = "https://example.org/a-pack/"
`

// Each mistake in config.toml is one problem at its line, saying what to write.
func TestConfigMistakes(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"version a number", `version = "1.0.0"`, `version = 2`,
			"config.toml:6:13: params.version is text, in quotes\nhint: write version = \"2\""},
		{"released not a date", `released = "2026-11-25"`, `released = "25 November"`,
			"config.toml:7:14: released is a date, year-month-day\nhint: write released = 2026-11-25"},
		{"no title", "title = \"A pack\"\n", "",
			"config.toml:1:1: config.toml has no title (the pack's title, on every page and handout)\nhint: add title = \"Social media guidance\" at the top of the file, before any [table]"},
		{"no web address", "  webAddress = \"https://example.org/a-pack/\"\n", "",
			"config.toml:1:1: config.toml has no params.webAddress (where the newest version of the pack lives, printed on every handout)\nhint: add webAddress = \"https://example.org/my-pack/\" under [params]"},
		{"javascript: web address", `webAddress = "https://example.org/a-pack/"`, `webAddress = "javascript:alert(1)"`,
			"config.toml:8:16: webAddress = \"javascript:alert(1)\" is not a web address\nhint: write the address readers can open, starting https://"},
		{"baseURL with a path", `baseURL = "/"`, `baseURL = "https://example.org/pack/"`,
			"config.toml:1:11: baseURL = \"https://example.org/pack/\": the pack does not support a base URL with a path\nhint: every link in the pack is relative"},
		{"pack not a name", `pack = "a-pack"`, `pack = "A Pack"`,
			"config.toml:5:10: pack = \"A Pack\" is not a short name\nhint: use lower-case letters, digits and dashes"},
		{"not TOML", `title = "A pack"`, `title = "A pack`,
			"config.toml:2:9: the quote \" opened here is not closed\nhint: end the text with \" on the same line\nhint: (the TOML parser said: basic strings cannot have new lines)"},
		{"not TOML, otherwise", `title = "A pack"`, `title == "A pack"`,
			"config.toml:2:8: this is not valid TOML: unexpected character"},
		{"BOM", `baseURL`, "\ufeffbaseURL",
			"config.toml:1:1: the file starts with a byte-order mark (BOM)"},
		{"imageMaxKB as text", `webAddress = "https://example.org/a-pack/"`, "webAddress = \"https://example.org/a-pack/\"\n  imageMaxKB = \"500\"",
			"config.toml:9:16: imageMaxKB is a whole number above 0 (the largest image a page may show, in KB)\nhint: write imageMaxKB = 500, with no quotes"},
		{"imageMaxKB 0", `webAddress = "https://example.org/a-pack/"`, "webAddress = \"https://example.org/a-pack/\"\n  imageMaxKB = 0",
			"config.toml:9:16: imageMaxKB is a whole number above 0"},
		{"printWholePackMax a fraction", `webAddress = "https://example.org/a-pack/"`, "webAddress = \"https://example.org/a-pack/\"\n  printWholePackMax = 4.5",
			"config.toml:9:23: printWholePackMax is a whole number above 0"},
		{"scenarioMaps as text", `webAddress = "https://example.org/a-pack/"`, "webAddress = \"https://example.org/a-pack/\"\n  scenarioMaps = \"no\"",
			"config.toml:9:18: scenarioMaps = \"no\" is neither true nor false\nhint: write scenarioMaps = false, with no quotes, to leave the scenarios' maps out of the pack, or true (the default) to keep them"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(goodConfig, tc.old, tc.new, 1)
			qt.Assert(t, src, qt.Not(qt.Equals), goodConfig)
			_, ps := parsePack([]byte(src))
			qt.Assert(t, ps, qt.HasLen, 1, qt.Commentf("%v", ps))
			qt.Assert(t, strings.HasPrefix(ps[0].String(), tc.want), qt.IsTrue, qt.Commentf("got:\n%s\nwant:\n%s", ps[0], tc.want))
		})
	}
}

// scenarioMaps = false leaves the maps out; true, or nothing, keeps them.
func TestConfigScenarioMaps(t *testing.T) {
	for src, noMaps := range map[string]bool{
		goodConfig: false,
		strings.Replace(goodConfig, "[params]", "[params]\n  scenarioMaps = true", 1):  false,
		strings.Replace(goodConfig, "[params]", "[params]\n  scenarioMaps = false", 1): true,
	} {
		p, ps := parsePack([]byte(src))
		qt.Assert(t, ps, qt.HasLen, 0)
		qt.Assert(t, p.Params.NoMaps, qt.Equals, noMaps, qt.Commentf("%s", src))
	}
}

// A release date written as a TOML date is as good as one in quotes.
func TestConfigDates(t *testing.T) {
	for _, released := range []string{`"2026-11-25"`, `2026-11-25`} {
		p, ps := parsePack([]byte(strings.Replace(goodConfig, `"2026-11-25"`, released, 1)))
		qt.Assert(t, ps, qt.HasLen, 0)
		qt.Assert(t, p.Params.Released, qt.Equals, "2026-11-25")
		qt.Assert(t, p.Name(), qt.Equals, "a-pack-1.0.0")
		qt.Assert(t, p.Title, qt.Equals, "A pack")
	}
}

// What Run returns for an author's mistake is typed: errors.As finds the
// problems, with their files relative to the project.
func TestRunReturnsTypedProblems(t *testing.T) {
	dir := t.TempDir()
	qt.Assert(t, os.WriteFile(filepath.Join(dir, "config.toml"), []byte(strings.Replace(goodConfig, `version = "1.0.0"`, "version = 2", 1)), 0o644), qt.IsNil)
	_, err := Run(Options{Root: dir})
	var ps diag.Problems
	qt.Assert(t, errors.As(err, &ps), qt.IsTrue, qt.Commentf("%T %v", err, err))
	qt.Assert(t, ps, qt.HasLen, 1)
	qt.Assert(t, []any{ps[0].File, ps[0].Line, ps[0].Col}, qt.DeepEquals, []any{"config.toml", 6, 13})
	qt.Assert(t, ps[0].Source, qt.Equals, "  version = 2")
}
