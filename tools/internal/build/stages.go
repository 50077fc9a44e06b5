package build

import (
	"github.com/guidepack/guidepack/tools/internal/lint"
	"github.com/guidepack/guidepack/tools/internal/quiz"
	"github.com/guidepack/guidepack/tools/internal/scenario"
	"github.com/guidepack/guidepack/tools/internal/search"
)

// The stages other packages own. Each is wired here, in one place.

// Prepare checks the authored files (data files, front matter, scenarios) and
// writes what Hugo reads into the generated folder. It returns how many scenarios
// it compiled. Both build and serve run it before Hugo.
func Prepare(root string) (scenarios int, err error) {
	if err := WriteDownloadPage(root); err != nil {
		return 0, err
	}
	res, err := lint.Project(root)
	if err != nil {
		return 0, err
	}
	return compileScenarios(root, GenDir(root), res.Codes)
}

// compileScenarios validates scenarios/*.yaml under root and writes what Hugo
// reads into gen (.guidepack/gen).
func compileScenarios(root, gen string, codes []string) (int, error) {
	scs, err := scenario.Load(root, codes)
	if err != nil {
		return 0, err
	}
	return len(scs), quiz.Compile(root, gen, scs)
}

// indexSearch writes the search index into the built site.
func indexSearch(siteDir string) error {
	_, err := search.Build(siteDir)
	return err
}
