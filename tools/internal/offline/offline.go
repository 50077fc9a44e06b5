// Package offline checks that a built site works as an offline pack: opened from
// file:// with no server and no network. Every internal reference must be relative
// and name a file in the site; every #fragment must exist on its target page;
// nothing may load from the network.
package offline

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/parallel"
)

// Problem is one bad reference: the page that holds it, the reference as written,
// and why it breaks the pack.
type Problem struct {
	Page string // slash path relative to the site root
	Ref  string
	Why  string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %s: %s", p.Page, p.Ref, p.Why) }

// Error is returned by Check when the site has problems. It lists them all.
type Error struct{ Problems []Problem }

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the site is not a sound offline pack (%d problems):", len(e.Problems))
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Report tells what Check looked at.
type Report struct {
	Pages, Stylesheets, Refs int
}

// ref is one reference found in a file.
type ref struct {
	url  string
	kind kind
}

type kind int

const (
	navigate kind = iota // a link the reader follows: <a href>, <form action>
	load                 // something the browser loads: script, stylesheet, image, font, frame, media
)

// scanned is what one file holds.
type scanned struct {
	rel  string
	ids  map[string]bool
	refs []ref
	err  error
}

// Check walks the site in dir and returns every problem found, as *Error.
// It reads the files on every core.
func Check(dir string) (Report, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".css")) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return Report{}, err
	}
	results := make([]scanned, len(files))
	parallel.For(len(files), func(i int) { results[i] = scanFile(dir, files[i]) })

	var rep Report
	ids := make(map[string]map[string]bool, len(results))
	for _, s := range results {
		if s.err != nil {
			return rep, s.err
		}
		if strings.HasSuffix(s.rel, ".html") {
			rep.Pages++
			ids[s.rel] = s.ids
		} else {
			rep.Stylesheets++
		}
	}
	var problems []Problem
	for _, s := range results {
		for _, r := range s.refs {
			rep.Refs++
			if why := checkRef(dir, s.rel, r, ids); why != "" {
				problems = append(problems, Problem{Page: s.rel, Ref: r.url, Why: why})
			}
		}
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Page < problems[j].Page })
		return rep, &Error{Problems: problems}
	}
	return rep, nil
}

func scanFile(dir, file string) scanned {
	rel, _ := filepath.Rel(dir, file)
	s := scanned{rel: filepath.ToSlash(rel)}
	b, err := os.ReadFile(file)
	if err != nil {
		s.err = err
		return s
	}
	if strings.HasSuffix(file, ".css") {
		s.refs = cssRefs(string(b))
		return s
	}
	s.ids, s.refs = htmlRefs(b)
	return s
}

// checkRef returns why r, found in page, breaks the offline pack, or "".
func checkRef(dir, page string, r ref, ids map[string]map[string]bool) string {
	u := strings.TrimSpace(r.url)
	if u == "" {
		return ""
	}
	lower := strings.ToLower(u)
	switch {
	case strings.HasPrefix(lower, "javascript:"):
		return "javascript: URLs are not allowed"
	case strings.HasPrefix(lower, "data:"):
		if r.kind == load {
			return ""
		}
		return "data: URLs are not allowed in links"
	case strings.HasPrefix(u, "//"):
		return "protocol-relative URL: loads from the network, and under file:// points nowhere"
	case hasScheme(lower):
		if r.kind == navigate && (strings.HasPrefix(lower, "http:") || strings.HasPrefix(lower, "https:") ||
			strings.HasPrefix(lower, "mailto:") || strings.HasPrefix(lower, "tel:")) {
			return "" // a link the reader may follow when online; nothing loads by itself
		}
		if r.kind == load {
			return "loads from the network: an offline pack must hold every file it needs"
		}
		return "unsupported URL scheme"
	case strings.HasPrefix(u, "/"):
		return "root-relative: breaks under file:// and under a sub-folder; make it relative"
	}
	target, frag, _ := strings.Cut(u, "#")
	target, _, _ = strings.Cut(target, "?")
	targetRel := page
	if target != "" {
		if strings.HasSuffix(target, "/") {
			return "names a folder: link to the file (e.g. index.html), since file:// shows no index"
		}
		targetRel = path.Clean(path.Join(path.Dir(page), unescape(target)))
		if targetRel == ".." || strings.HasPrefix(targetRel, "../") {
			return "points outside the pack"
		}
		fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(targetRel)))
		switch {
		case err != nil:
			return "no such file in the pack"
		case fi.IsDir():
			return "names a folder: link to the file (e.g. index.html), since file:// shows no index"
		}
	}
	if frag != "" && strings.HasSuffix(targetRel, ".html") {
		if !ids[targetRel][unescape(frag)] {
			return fmt.Sprintf("no element with id %q on %s", unescape(frag), targetRel)
		}
	}
	return ""
}

func hasScheme(u string) bool {
	i := strings.IndexByte(u, ':')
	if i <= 0 {
		return false
	}
	for _, c := range u[:i] {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}
