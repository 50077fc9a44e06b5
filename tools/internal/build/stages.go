package build

// The stages other packages own. Each is wired here, in one place.

// compileScenarios validates scenarios/*.yaml and writes what Hugo reads into gen.
func compileScenarios(root, gen string) (int, error) {
	return 0, nil // wired when the scenario compiler lands
}

// indexSearch writes the search index into the built site.
func indexSearch(siteDir string) error {
	return nil // wired when the search index lands
}
