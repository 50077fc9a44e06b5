package markdown_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

const pack = `
-- content/_index.md --
---
title: Home
---
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/a.md --
---
title: A
---
She said "no thanks" -- politely...
-- scenarios/s.yaml --
id: s
title: S
service: all
steps:
  - id: a
    situation: 'She said "no thanks" -- politely...'
    choices:
      - text: Go.
        feedback: Fine.
        judgement: good
        next: b
  - id: b
    ending: Done.
`

// Scenario Markdown follows config.toml's [markup] as pages do: with Hugo's
// typographer on (the default) both get curly quotes and dashes; turned off in
// config.toml, neither does.
func TestScenariosFollowMarkupConfig(t *testing.T) {
	for _, c := range []struct {
		name, config string
		want, not    []string
	}{
		{"default", "", []string{"&ldquo;no thanks&rdquo; &ndash; politely&hellip;"}, nil},
		{"typographer off", "\n[markup.goldmark.extensions.typographer]\n  disable = true\n",
			[]string{"no thanks", "-- politely..."}, []string{"&ldquo;", "&ndash;", "&hellip;"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			root := sitetest.Write(t, pack)
			f, err := os.OpenFile(filepath.Join(root, "config.toml"), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString(c.config)
			f.Close()
			s := &sitetest.Site{T: t, Root: root}
			if err := s.Rebuild(); err != nil {
				t.Fatal(err)
			}
			for _, page := range []string{"guidance/a.html", "scenarios/s.html"} {
				got := s.File(page)
				for _, w := range c.want {
					if !strings.Contains(got, w) {
						t.Errorf("%s lacks %q", page, w)
					}
				}
				for _, n := range c.not {
					if strings.Contains(got, n) {
						t.Errorf("%s has %q", page, n)
					}
				}
			}
		})
	}
}
