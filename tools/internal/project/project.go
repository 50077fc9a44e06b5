// Package project finds a guidepack project (a pack: config.toml beside
// layouts/) from a folder inside it, the way git finds its repository: from the
// working directory up. The command and the tests use it, so neither depends on
// where the source was compiled (runtime.Caller breaks under go install and
// -trimpath).
package project

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// ErrNotFound is returned when no folder from dir up holds a project.
var ErrNotFound = errors.New("no guidepack project (config.toml beside layouts/) here or in any folder above")

// Find returns the nearest folder, from dir up, that holds config.toml and
// layouts/.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		if Is(d) {
			return d, nil
		}
		up := filepath.Dir(d)
		if up == d {
			return "", fmt.Errorf("%s: %w", abs, ErrNotFound)
		}
		d = up
	}
}

// Is reports whether dir holds a project: config.toml and a layouts folder.
func Is(dir string) bool {
	if st, err := os.Stat(filepath.Join(dir, "config.toml")); err != nil || st.IsDir() {
		return false
	}
	st, err := os.Stat(filepath.Join(dir, "layouts"))
	return err == nil && st.IsDir()
}
