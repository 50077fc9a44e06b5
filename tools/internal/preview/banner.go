package preview

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/site"
)

// BannerFile is the banner's data, in the generated data folder: the layouts
// show it on every page in serve (layouts/_partials/serve-errors.html).
const BannerFile = "guidepack_errors.json"

// Banner keeps the preview's problems and writes them where every page shows
// them: what Prepare found on the last save, and what Hugo's render hooks
// reported. Hugo renders a page's Markdown again only when it (or what it
// depends on) changes, so a hook's problem is kept until its file changes
// (Changed), and then until Hugo reports it again.
type Banner struct {
	root, file string
	terminal   io.Writer // where the render hooks' problems are printed

	mu       sync.Mutex
	prepared diag.Problems
	rendered []diag.Problem // the hooks' problems, in the order they came
	dirty    bool           // rendered changed since the banner was written
	written  []byte
}

// NewBanner returns the banner of the project at root; terminal is where the
// problems Hugo's render hooks report are printed.
func NewBanner(root string, terminal io.Writer) *Banner {
	// written: not what any banner is, so that the first write removes a
	// banner an earlier serve left.
	return &Banner{root: root, file: filepath.Join(build.GenDir(root), "data", BannerFile), terminal: terminal, written: []byte("-")}
}

// Prepared sets what Prepare found on a save and writes the banner.
func (b *Banner) Prepared(ps diag.Problems) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.prepared = ps
	return b.write()
}

// Changed forgets the hooks' problems in file (project-relative, slashes): it
// has changed, and Hugo renders it again, reporting what is still wrong.
func (b *Banner) Changed(file string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	kept := b.rendered[:0]
	for _, p := range b.rendered {
		if p.File != file {
			kept = append(kept, p)
		}
	}
	if len(kept) != len(b.rendered) {
		b.dirty = true
	}
	b.rendered = kept
}

// Line reads one line of Hugo's log. A problem a hook logged is kept and
// printed (it reports true: the line is the banner's); a file Hugo renders
// again (changedLine), or every file when Hugo builds all again (its
// configuration changed), loses the problems it had; at the end of a build
// (builtLine) the banner is written if what it holds changed.
func (b *Banner) Line(line string) bool {
	if p, ok := site.ParseLogLine(b.root, line); ok {
		var ps diag.Problems
		errors.As(build.HugoProblems(b.root, diag.Problems{p}), &ps)
		b.mu.Lock()
		defer b.mu.Unlock()
		for _, p := range ps {
			if !slices.Contains(b.rendered, p) {
				b.rendered = append(b.rendered, p)
				b.dirty = true
				diag.Print(b.terminal, diag.Problems{p})
			}
		}
		return true
	}
	if file, ok := changedLine(line); ok {
		b.Changed(file)
		return false
	}
	if strings.HasPrefix(strings.TrimSpace(line), "Change of config file detected") {
		// A full build from the start: every page is rendered again.
		b.mu.Lock()
		b.dirty = b.dirty || len(b.rendered) > 0
		b.rendered = nil
		b.mu.Unlock()
		return false
	}
	if builtLine(line) {
		b.flush()
	}
	return false
}

// changedLine returns the file a line of Hugo's server says it renders again
// ("Source changed /guidance/a.md": content/guidance/a.md; "Data changed
// /faq.yaml": data/faq.yaml). Hugo says so before it renders, in the same
// stream as what the hooks then report: read in that order, a problem
// reported again is never forgotten after it.
func changedLine(line string) (string, bool) {
	line = strings.TrimSpace(line)
	for prefix, dir := range map[string]string{"Source changed /": "content/", "Data changed /": "data/"} {
		if rest, ok := strings.CutPrefix(line, prefix); ok {
			return dir + rest, true
		}
	}
	return "", false
}

// flush writes the banner if a problem came since it was written.
func (b *Banner) flush() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.dirty {
		b.dirty = false
		b.write()
	}
}

// builtLine tells whether a line of Hugo's server says a build has ended:
// "Built in 128 ms" (the first), "Rebuilt in 327 ms" (after a change of its
// configuration), "Total in 13 ms" (after other changes). Hugo's progress
// words, not a problem's: problems come as data (ParseLogLine).
func builtLine(line string) bool {
	line = strings.TrimSpace(line)
	for _, p := range []string{"Built in ", "Rebuilt in ", "Total in "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// write writes the banner file if what it holds changed (or removes it when
// there is nothing to show).
func (b *Banner) write() error {
	all := append(append(diag.Problems(nil), b.prepared...), b.rendered...)
	data := encode(all.Sorted())
	if string(data) == string(b.written) {
		return nil
	}
	b.written = data
	if data == nil {
		if err := os.Remove(b.file); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	return os.WriteFile(b.file, data, 0o644)
}
