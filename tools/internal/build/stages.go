package build

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/lint"
	"github.com/guidepack/guidepack/tools/internal/offline"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/scenario"
	"github.com/guidepack/guidepack/tools/internal/search"
	"github.com/guidepack/guidepack/tools/internal/trace"
)

// The stages other packages own. Each is wired here, in one place.

// Prepared says what Prepare found.
type Prepared struct {
	Pages     int                 // Markdown pages under content/
	Scenarios int                 // scenarios compiled (each a page too)
	Synonyms  map[string][]string // data/synonyms.yaml, for the search index
	// Warnings are what the author should know but does not stop the
	// build: reviews that are overdue (unless config.toml makes them errors).
	Warnings diag.Problems
	// Changes is what the zip's readme.txt says changed in this version.
	Changes string
	// Loaded is every scenario read, sound or not: also when Prepare fails on
	// their problems, so serve can draw their maps for the author.
	Loaded []*scenario.Scenario
}

// Prepare checks the authored files (data files, front matter, scenarios) and
// writes what Hugo reads into the generated folder. Both build and serve run it
// before Hugo.
func Prepare(root string) (Prepared, error) { return new(Cache).Prepare(root) }

// Cache keeps what Prepare found in each page and scenario, and what it compiled
// of each scenario, for the next Prepare: guidepack serve prepares on every
// save, and checks and compiles again only the files changed since. The zero
// Cache is ready; one Prepare at a time.
type Cache struct {
	pages     lint.Cache
	scenarios scenario.Cache
	compiled  quiz.Cache
}

// Prepare is the package's Prepare, with what c keeps.
func (c *Cache) Prepare(root string) (Prepared, error) {
	if err := WriteBuiltinPages(root); err != nil {
		return Prepared{}, err
	}
	if err := writeEmptyData(root); err != nil {
		return Prepared{}, err
	}
	// config.toml's own problems are the caller's to report (build.run adds
	// them to these); what it does say sets the review policy and the version.
	p, err := readPack(root)
	var configProblems diag.Problems
	if err != nil && !errors.As(err, &configProblems) {
		return Prepared{}, err
	}
	// Report the problems of the data files, pages and scenarios together.
	res, lintErr := c.pages.Project(root)
	scs, scErr := c.scenarios.Load(root, res.Codes)
	all := res.ScenarioPages(scs)
	changed := checkChanges(p, res.Changes)
	quoteFiles(root, changed)
	all = append(all, changed...)
	entries := Reviews(res, scs)
	overdue := p.Review.Problems(entries)
	quoteFiles(root, overdue)
	var warnings diag.Problems
	if p.Review.Overdue == "error" {
		all = append(all, overdue...)
	} else {
		warnings = overdue
	}
	gathered, err := diag.Gather(lintErr, scErr)
	if err != nil {
		return Prepared{}, err
	}
	all = append(all, gathered...)
	if err := all.Err(); err != nil {
		return Prepared{Loaded: scs}, err
	}
	if err := writePackData(root, p, entries, res.Changes); err != nil {
		return Prepared{}, err
	}
	return Prepared{Pages: res.Pages, Scenarios: len(scs), Synonyms: res.Synonyms, Warnings: warnings, Changes: changesSince(res.Changes, p.Params.Version), Loaded: scs},
		c.compiled.Compile(root, GenDir(root), scs, compileOptions(p)...)
}

// compileOptions are what config.toml says of the compiled scenarios.
func compileOptions(p Pack) []quiz.CompileOption {
	if p.Params.NoMaps {
		return []quiz.CompileOption{quiz.WithoutMaps()}
	}
	return nil
}

// indexSearch writes the search index into the built site and returns the
// files it wrote (slash paths in the site).
func indexSearch(siteDir string, sc *scanned, syn map[string][]string) ([]string, error) {
	dir := filepath.Join(siteDir, "search")
	st, err := search.New(sc.search, syn).Write(dir)
	if err != nil {
		return nil, err
	}
	return written(dir, "search", st.Files)
}

// checkOffline checks the built site (with its search index) as an offline pack.
// Its problems are traced back to what the author wrote in root's files.
func checkOffline(root, siteDir string, sc *scanned) (offline.Report, error) {
	all, err := offline.List(siteDir)
	if err != nil {
		return offline.Report{}, err
	}
	rep, err := offline.CheckFiles(all, sc.check)
	// The scripts' problems are listed with the references'.
	var refs, scripts *offline.Error
	if serr := offline.CheckScripts(siteDir); errors.As(serr, &scripts) {
		if errors.As(err, &refs) {
			refs.Problems = append(refs.Problems, scripts.Problems...)
		} else if err == nil {
			err = scripts
		}
	} else if serr != nil && err == nil {
		err = serr
	}
	var oe *offline.Error
	if errors.As(err, &oe) {
		ps := trace.Problems(root, oe.Problems)
		quoteFiles(root, ps)
		return rep, ps.Err()
	}
	return rep, err
}

// optionalData are the data files a pack may leave out: its section is then
// empty (the layouts read an empty list, written into the generated data).
var optionalData = []string{"faq.yaml", "cases.yaml"}

func writeEmptyData(root string) error {
	for _, name := range optionalData {
		p := filepath.Join(GenDir(root), "data", name)
		if _, err := os.Stat(filepath.Join(root, "data", name)); err == nil {
			if err := os.RemoveAll(p); err != nil {
				return err
			}
			continue
		}
		if err := writeIfChanged(p, []byte("[]\n")); err != nil {
			return err
		}
	}
	return nil
}
