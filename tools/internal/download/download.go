// Package download puts the zip into the hosted site: the file under download/,
// and its link and size into download.html, in the element its layout marks
// (layouts/download.html). The copy of download.html inside the zip keeps the
// "you have the downloaded copy" text.
package download

import (
	"bytes"
	"fmt"
	"github.com/guidepack/guidepack/tools/internal/publish"
	"os"
	"path/filepath"
)

// Link puts the zip into the hosted site (download/<name>.zip) and replaces the
// element marked data-gp-download in download.html with a link to it and its
// size. A site without download.html gets neither.
func Link(siteDir, zipPath string, size int64) error {
	page := filepath.Join(siteDir, "download.html")
	b, err := os.ReadFile(page)
	if os.IsNotExist(err) {
		return nil // a pack without a download page
	}
	if err != nil {
		return err
	}
	const open, end = "<div data-gp-download>", "</div>"
	i := bytes.Index(b, []byte(open))
	j := bytes.Index(b[max(i, 0):], []byte(end)) + max(i, 0)
	if i < 0 || j < i {
		return fmt.Errorf("download.html: the element %s is missing (layouts/download.html)", open)
	}
	name := filepath.Base(zipPath)
	link := fmt.Sprintf(`<p class="gp-download"><a class="gp-button gp-download__link" href="download/%s" download>Download this pack for offline use</a> <span class="gp-download__size">(zip file, %s)</span></p>`, name, HumanSize(size))
	out := append(append(append([]byte{}, b[:i]...), link...), b[j+len(end):]...)
	if err := os.WriteFile(page, out, 0o644); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(siteDir, "download"), 0o755); err != nil {
		return err
	}
	// A second name for the same file where the file system allows: the zip
	// is as big as the site, and copying it is time and disk for nothing.
	if err := os.Link(zipPath, filepath.Join(siteDir, "download", name)); err == nil {
		return nil
	}
	return publish.CopyFile(zipPath, filepath.Join(siteDir, "download", name))
}

// HumanSize prints a byte count as readers expect: "312 KB", "4.2 MB".
func HumanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
