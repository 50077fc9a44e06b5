package keep

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// Pack is what Write needs to know of the pack.
type Pack struct {
	ID, Version        string // config.toml's pack (the same across versions) and version
	Title, Description string
	Colours            Colours
	// Size prints a byte count for readers ("886 KB").
	Size func(int64) string
}

// Write makes a built site keepable on a phone: the web app manifest and its
// icons, the size of what is kept in download.html, and the worker (sw.js):
// the list of files and their hashes, then the worker's code, which Hugo built
// into Code (removed once used). It returns the files it wrote. The list's
// hashes are those k knows (the build's reads of every file): Write reads no
// file of the site but download.html and Code, and fails if a file has changed
// since the build read it.
func Write(site string, p Pack, k *Known) ([]string, error) {
	code, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(Code)))
	if err != nil {
		return nil, fmt.Errorf("%s: the service worker's code is missing: %v\nhint: layouts/_partials/scripts.html builds it from assets/js/sw.js on the home page", Code, err)
	}
	write := func(rel string, b []byte) error {
		k.Wrote(rel, b)
		return os.WriteFile(filepath.Join(site, filepath.FromSlash(rel)), b, 0o644)
	}
	made := []string{Manifest, Worker}
	if err := write(Manifest, WebManifest(p.Title, p.Description, p.Colours)); err != nil {
		return nil, err
	}
	for _, i := range Icons {
		if err := write(i.Path, Icon(i.Size, i.Maskable, p.Colours.Brand, p.Colours.Page)); err != nil {
			return nil, err
		}
		made = append(made, i.Path)
	}
	// download.html was changed after the scan read it (download.Link): it is
	// listed as it is now.
	page := filepath.Join(site, "download.html")
	orig, err := os.ReadFile(page)
	switch {
	case err == nil:
		k.Wrote("download.html", orig)
	case !os.IsNotExist(err): // else a pack without a download page
		return nil, err
	}
	list, err := k.List(site, p.ID, p.Version)
	if err != nil {
		return nil, err
	}
	if list, err = writeSize(page, orig, list, p.Size); err != nil {
		return nil, err
	}
	if err := write(Worker, Script(list, code)); err != nil {
		return nil, err
	}
	return made, os.Remove(filepath.Join(site, filepath.FromSlash(Code)))
}

// sizeMark marks where download.html says how much the pack takes on a device.
var sizeMark = []byte("<span data-gp-keep-size></span>")

// writeSize writes the size of the kept files into the data-gp-keep-size spans
// of download.html (page, holding orig), and returns the list with its new hash
// and size. The page is one of the files it counts: it writes until the figure
// it shows is the figure it has (the first time, but for a few bytes that
// round to another figure).
func writeSize(page string, orig []byte, l List, human func(int64) string) (List, error) {
	at := -1
	for i, f := range l.Files {
		if f.Path == "download.html" {
			at = i
		}
	}
	if at < 0 || !bytes.Contains(orig, sizeMark) {
		return l, nil // a download page of the author's own, without the size
	}
	shown := ""
	for range 5 {
		size := human(l.Size())
		if size == shown {
			break
		}
		shown = size
		b := bytes.ReplaceAll(orig, sizeMark, []byte("<span data-gp-keep-size> ("+size+")</span>"))
		if err := os.WriteFile(page, b, 0o644); err != nil {
			return l, err
		}
		l.Files[at].Hash, l.Files[at].Size = Hash(b), int64(len(b))
	}
	return l, nil
}
