package build

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/htmlpage"
	"github.com/guidepack/guidepack/tools/internal/lint"
	"github.com/guidepack/guidepack/tools/internal/offline"
	"github.com/guidepack/guidepack/tools/internal/pack"
	"github.com/guidepack/guidepack/tools/internal/parallel"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/scenario"
	"github.com/guidepack/guidepack/tools/internal/search"
)

// The stages other packages own. Each is wired here, in one place.

// Prepare checks the authored files (data files, front matter, scenarios) and
// writes what Hugo reads into the generated folder. It returns how many scenarios
// it compiled. Both build and serve run it before Hugo.
func Prepare(root string) (scenarios int, err error) {
	if err := WriteBuiltinPages(root); err != nil {
		return 0, err
	}
	// Report the problems of the data files, pages and scenarios together.
	res, lintErr := lint.Project(root)
	scs, scErr := scenario.Load(root, res.Codes)
	var all diag.Problems
	for _, err := range []error{lintErr, scErr} {
		var ps diag.Problems
		switch {
		case errors.As(err, &ps):
			all = append(all, ps...)
		case err != nil:
			return 0, err
		}
	}
	if err := all.Err(); err != nil {
		return 0, err
	}
	return len(scs), quiz.Compile(root, GenDir(root), scs)
}

// scanned is what the search index and the offline check take from the built
// pages. Each page is read and tokenized once, on every core, for both.
type scanned struct {
	search []search.Page
	check  []offline.File
	zip    map[string]pack.Entry // each page and stylesheet, compressed for the zip
}

// scanSite reads every page and stylesheet of the built site in dir.
func scanSite(dir string) (*scanned, error) {
	all, err := offline.List(dir)
	if err != nil {
		return nil, err
	}
	var pages, sheets []string
	for _, rel := range all {
		switch {
		case strings.HasSuffix(rel, ".html"):
			pages = append(pages, rel)
		case strings.HasSuffix(rel, ".css"):
			sheets = append(sheets, rel)
		}
	}
	files := append(pages, sheets...)
	// The largest first (the print pages hold whole sections), so no core is
	// left with one big page at the end.
	order := make([]int, len(files))
	size := make([]int64, len(files))
	for i, rel := range files {
		order[i] = i
		if fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel))); err == nil {
			size[i] = fi.Size()
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return size[order[a]] > size[order[b]] })
	sc := &scanned{search: make([]search.Page, len(pages)), check: make([]offline.File, len(files))}
	errs := make([]error, len(files))
	zipped := make([]pack.Entry, len(files))
	parallel.For(len(files), func(k int) {
		i := order[k]
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(files[i])))
		if err == nil {
			zipped[i] = pack.Compress(b)
		}
		switch {
		case err != nil:
			errs[i] = err
		case i >= len(pages):
			sc.check[i] = offline.ScanCSS(files[i], b)
		default:
			p := htmlpage.Parse(files[i], b)
			sc.search[i] = search.Prepare(p)
			sc.check[i] = offline.ScanPage(p)
		}
	})
	sc.zip = make(map[string]pack.Entry, len(files))
	for i, rel := range files {
		sc.zip[rel] = zipped[i]
	}
	return sc, errors.Join(errs...)
}

// indexSearch writes the search index into the built site.
func indexSearch(siteDir string, sc *scanned) error {
	_, err := search.New(sc.search).Write(filepath.Join(siteDir, "search"))
	return err
}

// checkOffline checks the built site (with its search index) as an offline pack.
func checkOffline(siteDir string, sc *scanned) (offline.Report, error) {
	all, err := offline.List(siteDir)
	if err != nil {
		return offline.Report{}, err
	}
	return offline.CheckFiles(all, sc.check)
}
