package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/guidepack/guidepack/tools/internal/download"
	"github.com/guidepack/guidepack/tools/internal/keep"
	"github.com/guidepack/guidepack/tools/internal/offline"
)

// keepPack makes the hosted site keepable on a phone (after the zip, which has
// none of it): the web app manifest and its icons in the pack's colours, the
// size of what is kept on the download page, and the service worker (sw.js)
// with the list of files and their hashes; then checks the list against the
// site. It returns the files it wrote.
func keepPack(root, site string, p Pack) ([]string, error) {
	code, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(keep.Code)))
	if err != nil {
		return nil, fmt.Errorf("%s: the service worker's code is missing: %v\nhint: layouts/_partials/scripts.html builds it from assets/js/sw.js on the home page", keep.Code, err)
	}
	css, err := os.ReadFile(filepath.Join(root, "assets", "css", "base.css"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	colours := keep.ReadColours(css)
	write := func(rel string, b []byte) error {
		return os.WriteFile(filepath.Join(site, filepath.FromSlash(rel)), b, 0o644)
	}
	made := []string{keep.Manifest, keep.Worker}
	if err := write(keep.Manifest, keep.WebManifest(p.Title, p.Params.Description, colours)); err != nil {
		return nil, err
	}
	for _, i := range keep.Icons {
		if err := write(i.Path, keep.Icon(i.Size, i.Maskable, colours.Brand, colours.Page)); err != nil {
			return nil, err
		}
		made = append(made, i.Path)
	}
	list, err := keep.Walk(site, p.Params.Pack, p.Params.Version)
	if err != nil {
		return nil, err
	}
	if list, err = writeKeepSize(site, list); err != nil {
		return nil, err
	}
	if err := write(keep.Worker, keep.Script(list, code)); err != nil {
		return nil, err
	}
	if err := os.Remove(filepath.Join(site, filepath.FromSlash(keep.Code))); err != nil {
		return nil, err
	}
	return made, offline.CheckKeep(site)
}

// keepSize marks where download.html says how much the pack takes on a device.
var keepSize = []byte("<span data-gp-keep-size></span>")

// writeKeepSize writes the size of the kept files into download.html's
// data-gp-keep-size spans, and returns the list with download.html's new hash
// and size. The page is one of the files it counts: it writes until the figure
// it shows is the figure it has (the first time, but for a few bytes that
// round to another tenth of a megabyte).
func writeKeepSize(site string, l keep.List) (keep.List, error) {
	page := filepath.Join(site, "download.html")
	orig, err := os.ReadFile(page)
	if os.IsNotExist(err) {
		return l, nil // a pack without a download page
	}
	if err != nil {
		return l, err
	}
	at := -1
	for i, f := range l.Files {
		if f.Path == "download.html" {
			at = i
		}
	}
	if at < 0 || !bytes.Contains(orig, keepSize) {
		return l, nil // a download page of the author's own, without the size
	}
	shown := ""
	for range 5 {
		size := download.HumanSize(l.Size())
		if size == shown {
			break
		}
		shown = size
		b := bytes.ReplaceAll(orig, keepSize, []byte("<span data-gp-keep-size> ("+size+")</span>"))
		if err := os.WriteFile(page, b, 0o644); err != nil {
			return l, err
		}
		l.Files[at].Hash, l.Files[at].Size = keep.Hash(b), int64(len(b))
	}
	return l, nil
}
