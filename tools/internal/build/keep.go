package build

import (
	"os"
	"path/filepath"

	"github.com/guidepack/guidepack/tools/internal/download"
	"github.com/guidepack/guidepack/tools/internal/keep"
)

// keepPack makes the hosted site keepable on a phone (after the zip, which has
// none of it; keep.Write), in the pack's colours (assets/css/base.css), with
// the hashes of the files the build has read (known): no file is read again.
// It returns the files it wrote.
func keepPack(root, site string, p Pack, known *keep.Known) ([]string, error) {
	css, err := os.ReadFile(filepath.Join(root, "assets", "css", "base.css"))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	made, err := keep.Write(site, keep.Pack{
		ID: p.Params.Pack, Version: p.Params.Version, Title: p.Title, Description: p.Params.Description,
		Colours: keep.ReadColours(css), Size: download.HumanSize,
	}, known)
	return made, err
}
