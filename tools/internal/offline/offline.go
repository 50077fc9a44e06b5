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

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/htmlpage"
	"github.com/guidepack/guidepack/tools/internal/linkpolicy"
	"github.com/guidepack/guidepack/tools/internal/parallel"
)

// Problem is one bad reference: the page that holds it, the reference as written,
// and why it breaks the pack.
type Problem struct {
	Page string // slash path relative to the site root
	Ref  string
	Why  string
	// Near is what the reference may have meant: the nearest id on its
	// target page, or the nearest file beside the one it names; or "".
	Near string
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

// File is what the check needs of one page or stylesheet: the ids it defines
// and the references it makes. ScanPage and ScanCSS make it.
type File struct {
	rel  string
	page bool
	ids  map[string]bool
	refs []ref
}

// ScanCSS reads a stylesheet's references.
func ScanCSS(rel string, b []byte) File {
	return File{rel: rel, refs: cssRefs(string(b))}
}

// ScanPage reads a page's ids and references.
func ScanPage(p *htmlpage.Page) File {
	ids, refs := htmlRefs(p.Tokens)
	return File{rel: p.Rel, page: true, ids: ids, refs: refs}
}

// Check walks the site in dir and returns every problem found, as *Error.
// It reads the files on every core.
func Check(dir string) (Report, error) {
	all, err := List(dir)
	if err != nil {
		return Report{}, err
	}
	var files []string
	for _, rel := range all {
		if Reads(rel) {
			files = append(files, rel)
		}
	}
	scanned := make([]File, len(files))
	errs := make([]error, len(files))
	parallel.For(len(files), func(i int) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(files[i])))
		switch {
		case err != nil:
			errs[i] = err
		case strings.HasSuffix(files[i], ".css"):
			scanned[i] = ScanCSS(files[i], b)
		default:
			scanned[i] = ScanPage(htmlpage.ParseTags(files[i], b))
		}
	})
	for _, err := range errs {
		if err != nil {
			return Report{}, err
		}
	}
	return CheckFiles(all, scanned)
}

// Reads says whether the check reads a file (by its slash path): pages and
// stylesheets, the files that hold references.
func Reads(rel string) bool {
	return strings.HasSuffix(rel, ".html") || strings.HasSuffix(rel, ".css")
}

// List returns the slash path of every file in the site in dir, sorted.
func List(dir string) ([]string, error) {
	var all []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		all = append(all, filepath.ToSlash(rel))
		return nil
	})
	sort.Strings(all)
	return all, err
}

// CheckFiles checks the scanned pages and stylesheets of a site whose files
// (slash paths, from List) are all; it returns every problem found, as *Error.
// It looks at no file itself, so it is quick however many references there are.
func CheckFiles(all []string, scanned []File) (Report, error) {
	site := tree{files: make(map[string]bool, len(all)), dirs: map[string]bool{".": true}}
	for _, rel := range all {
		site.files[rel] = true
		for d := path.Dir(rel); d != "." && !site.dirs[d]; d = path.Dir(d) {
			site.dirs[d] = true
		}
	}
	var rep Report
	site.ids = make(map[string]map[string]bool, len(scanned))
	for _, s := range scanned {
		if s.page {
			rep.Pages++
			site.ids[s.rel] = s.ids
		} else {
			rep.Stylesheets++
		}
	}
	// Check the references on every core, each file's into its own list.
	found := make([][]Problem, len(scanned))
	parallel.For(len(scanned), func(i int) {
		s := scanned[i]
		for _, r := range s.refs {
			if why := site.checkRef(s.rel, r); why != "" {
				found[i] = append(found[i], Problem{Page: s.rel, Ref: r.url, Why: why, Near: site.nearest(s.rel, r.url)})
			}
		}
	})
	var problems []Problem
	for i, s := range scanned {
		rep.Refs += len(s.refs)
		problems = append(problems, found[i]...)
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Page < problems[j].Page })
		return rep, &Error{Problems: problems}
	}
	return rep, nil
}

// tree is what the check knows of the site: its files and folders, and the ids
// on each page. It is only read while references are checked.
type tree struct {
	files, dirs map[string]bool
	ids         map[string]map[string]bool
}

// checkRef returns why r, found in page, breaks the offline pack, or "".
func (site tree) checkRef(page string, r ref) string {
	u := strings.TrimSpace(r.url)
	if u == "" {
		return ""
	}
	if c := linkpolicy.Classify(u); c != linkpolicy.Relative && c != linkpolicy.Fragment {
		return schemeProblem(u, c, r.kind)
	}
	target, frag, _ := strings.Cut(u, "#")
	target, _, _ = strings.Cut(target, "?")
	targetRel := page
	if target != "" {
		var why string
		if targetRel, why = site.file(page, target); why != "" {
			return why
		}
	}
	if frag != "" && strings.HasSuffix(targetRel, ".html") && !site.ids[targetRel][unescape(frag)] {
		return fmt.Sprintf("no element with id %q on %s", unescape(frag), targetRel)
	}
	return ""
}

// folderWhy is why a reference to a folder breaks the pack.
const folderWhy = "names a folder: link to the file (e.g. index.html), since file:// shows no index"

// file returns the site file that target (a relative reference's path, found
// in page) names, or why it names none.
func (site tree) file(page, target string) (rel, why string) {
	if strings.HasSuffix(target, "/") {
		return "", folderWhy
	}
	rel = path.Clean(path.Join(path.Dir(page), unescape(target)))
	switch {
	case rel == ".." || strings.HasPrefix(rel, "../"):
		return "", "points outside the pack"
	case site.dirs[rel]:
		return "", folderWhy
	case !site.files[rel]:
		return "", "no such file in the pack"
	}
	return rel, ""
}

// schemeProblem returns why u, a reference that is not relative (class c,
// of kind k), breaks the offline pack, or "" for a link the reader may follow.
func schemeProblem(u string, c linkpolicy.Kind, k kind) string {
	const network = "loads from the network: an offline pack must hold every file it needs"
	switch c {
	case linkpolicy.OtherScheme:
		scheme, _ := linkpolicy.Scheme(u)
		switch {
		case scheme == "javascript":
			return "javascript: URLs are not allowed"
		case scheme == "data" && k == load:
			return ""
		case scheme == "data":
			return "data: URLs are not allowed in links"
		case k == load:
			return network
		}
		return "unsupported URL scheme"
	case linkpolicy.External:
		if k == load {
			return network
		}
		return "" // a link the reader may follow when online; nothing loads by itself
	case linkpolicy.ProtocolRelative:
		return "protocol-relative URL: loads from the network, and under file:// points nowhere"
	case linkpolicy.RootRelative:
		return "root-relative: breaks under file:// and under a sub-folder; make it relative"
	}
	return ""
}

// nearest returns what u, a reference on page that checkRef refused, may have
// meant: the nearest id on its target page, or the nearest file in the folder
// of the file it names (as it would be written on page); or "".
func (site tree) nearest(page, u string) string {
	target, frag, _ := strings.Cut(strings.TrimSpace(u), "#")
	target, _, _ = strings.Cut(target, "?")
	targetRel := page
	if target != "" {
		targetRel = path.Clean(path.Join(path.Dir(page), unescape(target)))
	}
	if site.files[targetRel] {
		if frag == "" {
			return ""
		}
		ids := make([]string, 0, len(site.ids[targetRel]))
		for id := range site.ids[targetRel] {
			ids = append(ids, id)
		}
		return diag.Nearest(unescape(frag), ids)
	}
	dir, base := path.Split(targetRel)
	var names []string
	for f := range site.files {
		if d, b := path.Split(f); d == dir {
			names = append(names, b)
		}
	}
	if n := diag.Nearest(base, names); n != "" {
		return strings.TrimSuffix(target, path.Base(target)) + n
	}
	return ""
}
