package preview

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/pelletier/go-toml/v2"
)

func write(t *testing.T, root, name, text string) string {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(name))
	qt.Assert(t, os.MkdirAll(filepath.Dir(p), 0o755), qt.IsNil)
	qt.Assert(t, os.WriteFile(p, []byte(text), 0o644), qt.IsNil)
	return p
}

// Only files Hugo cannot read at all are left out: a data file or front
// matter that does not parse; a misspelt field is shown, not hidden.
func TestUnreadable(t *testing.T) {
	root := t.TempDir()
	write(t, root, "data/faq.yaml", "- id: a\n\tquestion: b\n")
	write(t, root, "data/cases.yaml", "- id: a\n  titel: b\n")
	write(t, root, "content/a.md", "---\ntitle: \"A\n---\n")
	write(t, root, "content/b.md", "+++\ntitle = \"B\n+++\n")
	write(t, root, "content/c.md", "---\nkeywrds: [x]\n---\n")
	write(t, root, "content/d.md", "---\ntitle: D\n")
	var ps diag.Problems
	for _, f := range []string{"data/faq.yaml", "data/cases.yaml", "content/a.md", "content/b.md", "content/c.md", "content/d.md", "scenarios/x.yaml", ""} {
		ps = append(ps, diag.Problem{File: f, Line: 1, Col: 1, Msg: "x"}, diag.Problem{File: f, Line: 2, Col: 1, Msg: "y"})
	}
	qt.Assert(t, Unreadable(root, ps), qt.DeepEquals, []string{"data/faq.yaml", "content/a.md", "content/b.md", "content/d.md"})
}

// The preview's configuration is config.toml with the unreadable pages left
// out of the content mount, and Hugo's data read from a copy: the data files
// as they are, or, for one that cannot be read, as it last was (an empty list
// when never seen readable).
func TestWriteConfig(t *testing.T) {
	root := t.TempDir()
	gen := filepath.Join(root, ".guidepack", "gen")
	write(t, root, "config.toml", `title = "T"
[[module.mounts]]
  source = "content"
  target = "content"
  files = ["! images/**"]
[[module.mounts]]
  source = "data"
  target = "data"
`)
	write(t, root, "data/faq.yaml", "- id: a\n\tquestion: b\n")
	write(t, root, "data/codes.yaml", "- id: \"5.8\n")
	write(t, root, "data/cases.yaml", "[]\n")
	write(t, gen, DataDir+"/gone.yaml", "[]\n")
	p, err := WriteConfig(root, gen, []string{"data/faq.yaml", "data/codes.yaml", "content/guidance/a.md"}, LastGood{"data/codes.yaml": []byte("- id: \"5.8\"\n")})
	qt.Assert(t, err, qt.IsNil)
	b, err := os.ReadFile(p)
	qt.Assert(t, err, qt.IsNil)
	var doc struct {
		Title  string
		Module struct {
			Mounts []struct {
				Source, Target string
				Files          []string
			}
		}
	}
	qt.Assert(t, toml.Unmarshal(b, &doc), qt.IsNil)
	qt.Assert(t, doc.Title, qt.Equals, "T")
	qt.Assert(t, fmt.Sprint(doc.Module.Mounts), qt.Equals, "[{content content [! images/** ! guidance/a.md]} {.guidepack/gen/serve-data data []}]")
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(gen, DataDir, name))
		if os.IsNotExist(err) {
			return "(none)"
		}
		qt.Assert(t, err, qt.IsNil)
		return string(b)
	}
	qt.Check(t, read("faq.yaml"), qt.Equals, "[]\n", qt.Commentf("never seen readable: an empty list"))
	qt.Check(t, read("codes.yaml"), qt.Equals, "- id: \"5.8\"\n", qt.Commentf("the last good text"))
	qt.Check(t, read("cases.yaml"), qt.Equals, "[]\n", qt.Commentf("as it is"))
	qt.Check(t, read("gone.yaml"), qt.Equals, "(none)", qt.Commentf("no longer in data/"))

	// A file that changed after the check (so not in leave) and does not
	// parse is not copied either: an editor's save in two steps, seen half way.
	write(t, root, "data/cases.yaml", "- id: a\n\ttitle: b\n")
	_, err = WriteConfig(root, gen, nil, LastGood{"data/cases.yaml": []byte("- id: a\n")})
	qt.Assert(t, err, qt.IsNil)
	qt.Check(t, read("cases.yaml"), qt.Equals, "- id: a\n")
}

// A hook's problem stays until its file changes; the banner is written at the
// end of a build, only when what it holds changed, and removed when empty.
func TestBannerKeepsHookProblemsUntilTheirFileChanges(t *testing.T) {
	root := t.TempDir()
	qt.Assert(t, os.MkdirAll(filepath.Join(root, ".guidepack", "gen", "data"), 0o755), qt.IsNil)
	page := write(t, root, "content/a.md", "---\ntitle: A\n---\nSee [b](#nope).\n")
	var term bytes.Buffer
	b := NewBanner(root, &term)
	banner := func() string {
		s, err := os.ReadFile(b.file)
		if os.IsNotExist(err) {
			return ""
		}
		qt.Assert(t, err, qt.IsNil)
		return string(s)
	}
	qt.Assert(t, b.Prepared(nil), qt.IsNil)
	qt.Assert(t, banner(), qt.Equals, "")
	line := fmt.Sprintf(`WARN  guidepack-problem {"file":%q,"find":"#nope","msg":"link \"#nope\": no heading","hint":"did you mean \"b\"?"}`, page)
	qt.Assert(t, b.Line(line), qt.IsTrue)
	qt.Assert(t, b.Line(line), qt.IsTrue) // once more, from the print page
	qt.Assert(t, b.Line("Total in 13 ms"), qt.IsFalse)
	qt.Assert(t, banner(), qt.Contains, `content/a.md:4:9: link \"#nope\": no heading`)
	qt.Assert(t, banner(), qt.Contains, `"count":1`)
	qt.Assert(t, strings.Count(term.String(), "guidepack: error: content/a.md:4:9"), qt.Equals, 1)
	// A build that does not render a.md again keeps it.
	qt.Assert(t, b.Line("Total in 9 ms"), qt.IsFalse)
	qt.Assert(t, banner(), qt.Contains, "content/a.md:4:9")
	// Hugo renders a.md again and does not report it: it is forgotten.
	qt.Assert(t, b.Line("Source changed /a.md"), qt.IsFalse)
	b.Line("Total in 9 ms")
	qt.Assert(t, banner(), qt.Equals, "")
}

// A full build (Hugo's configuration changed) renders every page again: the
// hooks' problems are what it reports.
func TestBannerAfterAFullBuild(t *testing.T) {
	root := t.TempDir()
	qt.Assert(t, os.MkdirAll(filepath.Join(root, ".guidepack", "gen", "data"), 0o755), qt.IsNil)
	page := write(t, root, "content/a.md", "---\ntitle: A\n---\nSee [b](#nope).\n")
	b := NewBanner(root, io.Discard)
	b.Line(fmt.Sprintf(`WARN  guidepack-problem {"file":%q,"find":"#nope","msg":"link \"#nope\": no heading"}`, page))
	b.Line("Total in 9 ms")
	_, err := os.Stat(b.file)
	qt.Assert(t, err, qt.IsNil)
	b.Line("Change of config file detected, rebuilding site (#2).")
	b.Line("Rebuilt in 300 ms")
	_, err = os.Stat(b.file)
	qt.Assert(t, os.IsNotExist(err), qt.IsTrue)
}
