package build

import (
	"archive/zip"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/offline"
)

// manifest is every file the staged site must hold when it is published: the
// pages of the generated content (the built-in pages, one a scenario), the
// search files the index wrote, and every file there when the offline check
// passed. A piece gone missing on the way (a folder removed during the build,
// another process in the stage) stops the build rather than publish a pack
// without it.
type manifest struct{ files map[string]bool }

func (m *manifest) add(rel ...string) {
	if m.files == nil {
		m.files = map[string]bool{}
	}
	for _, r := range rel {
		m.files[r] = true
	}
}

// addGenerated expects a page for each file Prepare wrote into the generated
// content (gen/content/<name>.md: <name>.html) and each compiled scenario
// (gen/data/scenarios/<id>.json: scenarios/<id>.html).
func (m *manifest) addGenerated(root string) error {
	gen := GenDir(root)
	for _, g := range []struct{ dir, ext, out string }{
		{filepath.Join(gen, "content"), ".md", ""},
		{filepath.Join(gen, "data", "scenarios"), ".json", "scenarios/"},
	} {
		entries, err := os.ReadDir(g.dir)
		if err != nil && !os.IsNotExist(err) {
			return err
		}
		for _, e := range entries {
			if name, ok := strings.CutSuffix(e.Name(), g.ext); ok && !e.IsDir() {
				m.add(g.out + name + ".html")
			}
		}
	}
	return nil
}

// addListed expects every file the site holds now.
func (m *manifest) addListed(siteDir string) error {
	all, err := offline.List(siteDir)
	m.add(all...)
	return err
}

// written lists the n files a stage wrote into dir (prefix: dir as a slash path
// in the site), failing if fewer are there.
func written(dir, prefix string, n int) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, prefix+"/"+e.Name())
		}
	}
	if len(names) < n {
		return names, fmt.Errorf("%s: %d files written, %d there\nhint: nothing was published; was %s/ changed while the build ran? Build again", prefix, n, len(names), Work)
	}
	return names, nil
}

// verify checks that the staged site, and the zip (under its top folder),
// hold every file of the manifest. What only the hosted site has (hostedOnly:
// download/, _headers) is not in the zip.
func (m *manifest) verify(siteDir, zipPath, top string) error {
	var lost []string
	for rel := range m.files {
		if _, err := os.Lstat(filepath.Join(siteDir, filepath.FromSlash(rel))); err != nil {
			lost = append(lost, rel)
		}
	}
	if err := missing("the built site", lost); err != nil {
		return err
	}
	zr, err := zip.OpenReader(zipPath)
	if err != nil {
		return err
	}
	defer zr.Close()
	in := make(map[string]bool, len(zr.File))
	for _, f := range zr.File {
		in[f.Name] = true
	}
	for rel := range m.files {
		if !hostedOnly(rel) && !in[top+"/"+rel] {
			lost = append(lost, rel)
		}
	}
	return missing("the zip", lost)
}

func missing(what string, lost []string) error {
	if len(lost) == 0 {
		return nil
	}
	sort.Strings(lost)
	files := "files"
	if len(lost) == 1 {
		files = "file"
	}
	list := strings.Join(lost[:min(len(lost), 10)], ", ")
	if len(lost) > 10 {
		list += fmt.Sprintf(" and %d more", len(lost)-10)
	}
	return fmt.Errorf("%s lacks %d %s the build expected: %s\nhint: nothing was published; was %s/ changed while the build ran? Build again", what, len(lost), files, list, Work)
}
