// Package bench measures guidepack at size: it generates synthetic packs
// (deterministic from a seed) and times the whole build, stage by stage, against
// bare Hugo on the same pages.
package bench

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// Spec says what to generate.
type Spec struct {
	Pages, Scenarios int
	Seed             uint64
	// Maps: also build the pack without its scenarios' maps, turn about, to
	// measure what they cost (Row.Maps).
	Maps bool
}

// page is one generated page: its file and the section it is in.
type page struct{ file, title string }

var words = strings.Fields(`social media worker service boundaries friend request privacy confidential
photograph permission colleague concern employer policy conduct profile online post comment message
community judgement support family carer information reputation training record share public private
account setting team manager regulator practice standard respect trust safety report`)

// Generate writes a synthetic pack into dir: the repository's config, layouts,
// assets and codes, and Spec.Pages pages in nested sections (with headings, lists,
// tables, code citations and links to other pages), FAQ entries and case examples
// in proportion, and Spec.Scenarios scenarios, half with variants.
func Generate(repo, dir string, s Spec) error {
	r := rand.New(rand.NewPCG(s.Seed, 0x67756964))
	for _, name := range []string{"config.toml", "layouts", "assets", "data/codes.yaml", "content/cases/_content.gotmpl", "content/codes", "content/faq.md"} {
		if err := copyTree(filepath.Join(repo, name), filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	w := func(name, text string) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(text), 0o644)
	}
	if err := w("content/_index.md", "---\ntitle: Generated pack\n---\nA pack generated for benchmarks.\n"); err != nil {
		return err
	}
	// Sections of 10 subsections of up to 50 pages.
	var pages []page
	for i := 0; len(pages) < s.Pages; i++ {
		sec := fmt.Sprintf("s%02d", i)
		if err := w("content/"+sec+"/_index.md", fmt.Sprintf("---\ntitle: Section %d\nweight: %d\n---\nPages about %s.\n", i, i+1, phrase(r, 4))); err != nil {
			return err
		}
		for j := 0; j < 10 && len(pages) < s.Pages; j++ {
			sub := fmt.Sprintf("%s/t%02d", sec, j)
			if err := w("content/"+sub+"/_index.md", fmt.Sprintf("---\ntitle: Topic %d.%d\nweight: %d\n---\n", i, j, j+1)); err != nil {
				return err
			}
			for k := 0; k < 50 && len(pages) < s.Pages; k++ {
				pages = append(pages, page{file: fmt.Sprintf("%s/p%03d.md", sub, k), title: titleCase(phrase(r, 3)) + fmt.Sprintf(" %d", len(pages))})
			}
		}
	}
	for i, p := range pages {
		if err := w("content/"+p.file, pageText(r, i, pages)); err != nil {
			return err
		}
	}
	var faq, cases strings.Builder
	for i := 0; i < max(1, s.Pages/50); i++ {
		fmt.Fprintf(&faq, "- id: q%d\n  question: Can I %s?\n  answer: |\n    %s.\n\n    - %s\n    - %s\n  codes: [\"5.8\"]\n  keywords: [%s]\n",
			i, phrase(r, 5), sentence(r, 20), sentence(r, 8), sentence(r, 8), phrase(r, 2))
		fmt.Fprintf(&cases, "- id: case-%d\n  title: %s\n  role: Care worker\n  happened: |\n    %s.\n  mattered: |\n    %s.\n  themes: [%s]\n",
			i, titleCase(phrase(r, 4)), sentence(r, 25), sentence(r, 25), words[r.IntN(len(words))])
	}
	if err := w("data/faq.yaml", faq.String()); err != nil {
		return err
	}
	if err := w("data/cases.yaml", cases.String()); err != nil {
		return err
	}
	if err := w("content/cases/_index.md", "---\ntitle: Case examples\nweight: 90\n---\n"); err != nil {
		return err
	}
	if err := w("content/scenarios/_index.md", "---\ntitle: Scenarios\nweight: 91\n---\n"); err != nil {
		return err
	}
	for i := 0; i < s.Scenarios; i++ {
		if err := w(fmt.Sprintf("scenarios/gen-%03d.yaml", i), scenarioText(r, i, i%2 == 0)); err != nil {
			return err
		}
	}
	return nil
}

func pageText(r *rand.Rand, i int, pages []page) string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %q\ndescription: %s.\nweight: %d\ncodes: [\"5.8\"]\nthemes: [%s]\nkeywords: [%s]\n---\n",
		pages[i].title, sentence(r, 10), i%50+1, words[r.IntN(len(words))], phrase(r, 2))
	fmt.Fprintf(&b, "%s, as {{< code \"5.8\" >}} says.\n\n", sentence(r, 30))
	for h := 0; h < 3; h++ {
		fmt.Fprintf(&b, "## %s\n\n%s.\n\n", titleCase(phrase(r, 3)), sentence(r, 40))
		for l := 0; l < 4; l++ {
			fmt.Fprintf(&b, "- %s\n", sentence(r, 8))
		}
		b.WriteString("\n")
	}
	b.WriteString("| Question | Answer |\n|---|---|\n")
	for l := 0; l < 3; l++ {
		fmt.Fprintf(&b, "| %s | %s |\n", phrase(r, 3), phrase(r, 5))
	}
	for l := 0; l < 2; l++ {
		j := r.IntN(len(pages))
		fmt.Fprintf(&b, "\nSee also [%s](%s).\n", pages[j].title, relLink(pages[i].file, pages[j].file))
	}
	return b.String()
}

// relLink is the Markdown link from one content file to another.
func relLink(from, to string) string {
	rel, _ := filepath.Rel(filepath.Dir(from), to)
	return filepath.ToSlash(rel)
}

func scenarioText(r *rand.Rand, i int, variants bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "id: gen-%03d\ntitle: %s\nsummary: %s.\nservice: all\ncodes: [\"5.8\"]\nminutes: 5\nstart: s1\nsteps:\n", i, titleCase(phrase(r, 4)), sentence(r, 10))
	for s := 1; s <= 4; s++ {
		fmt.Fprintf(&b, "  - id: s%d\n    title: %s\n    situation: %s.\n    choices:\n", s, titleCase(phrase(r, 3)), sentence(r, 25))
		fmt.Fprintf(&b, "      - text: %s.\n        feedback: %s.\n        judgement: good\n        next: %s\n", sentence(r, 6), sentence(r, 15), next(s))
		fmt.Fprintf(&b, "      - text: %s.\n        feedback: %s.\n        judgement: poor\n        next: bad\n", sentence(r, 6), sentence(r, 15))
	}
	fmt.Fprintf(&b, "  - id: q\n    question: %s?\n    options:\n      - text: %s.\n        correct: true\n        feedback: %s.\n      - text: %s.\n        feedback: %s.\n    next: good\n",
		sentence(r, 8), phrase(r, 4), sentence(r, 6), phrase(r, 4), sentence(r, 6))
	fmt.Fprintf(&b, "  - id: good\n    ending: %s.\n    result: good\n    points: [%s]\n  - id: bad\n    ending: %s.\n    result: poor\n", sentence(r, 12), phrase(r, 4), sentence(r, 12))
	if variants {
		fmt.Fprintf(&b, "variants:\n  - id: gen-%03d-children\n    service: children\n    steps:\n      - id: s1\n        situation: %s.\n  - id: gen-%03d-adults\n    service: adults\n", i, sentence(r, 20), i)
	}
	return b.String()
}

func next(s int) string {
	if s == 4 {
		return "q"
	}
	return fmt.Sprintf("s%d", s+1)
}

func phrase(r *rand.Rand, n int) string {
	out := make([]string, n)
	for i := range out {
		out[i] = words[r.IntN(len(words))]
	}
	return strings.Join(out, " ")
}

func sentence(r *rand.Rand, n int) string {
	s := phrase(r, n)
	return strings.ToUpper(s[:1]) + s[1:]
}

func titleCase(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(from, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}
