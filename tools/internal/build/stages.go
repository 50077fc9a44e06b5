package build

// The stages other packages own. Each is wired here, in one place.

// CompileScenarios validates scenarios/*.yaml under root and writes what Hugo reads
// into gen (.guidepack/gen). It returns how many scenarios it compiled.
func CompileScenarios(root, gen string) (int, error) {
	return 0, nil // wired when the scenario compiler lands
}

// indexSearch writes the search index into the built site.
func indexSearch(siteDir string) error {
	return nil // wired when the search index lands
}
