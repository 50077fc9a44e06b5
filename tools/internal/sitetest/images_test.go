package sitetest_test

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// An image beside its page (a page bundle) or in the shared content/images/,
// linked relatively as Markdown does, shows on the page and in each print page
// (which are in other folders) and goes into the zip: every src names a file
// that is there, relative to the page it is in.
func TestImagesWorkOnThePageAndInEveryPrintPage(t *testing.T) {
	root := sitetest.Write(t, `
-- content/_index.md --
---
title: Home
---
-- content/guidance/_index.md --
---
title: Guidance
---
-- content/guidance/settings/index.md --
---
title: Settings
---
![A switch turned off](switch.png)

![A padlock](../../images/padlock.svg)
-- content/guidance/deeper/_index.md --
---
title: Deeper
---
-- content/guidance/deeper/more.md --
---
title: More
---
![A padlock, again](../../images/padlock.svg)
-- content/images/padlock.svg --
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>
`)
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 2, 2))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "content/guidance/settings/switch.png"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &sitetest.Site{T: t, Root: root}
	if err := s.Rebuild(); err != nil {
		t.Fatalf("build failed:\n%v", err)
	}
	src := regexp.MustCompile(`<img src="([^"]+)" alt="([^"]+)"`)
	unzipped := s.Unzip()
	for page, want := range map[string]int{
		"guidance/settings.html": 2, "guidance/deeper/more.html": 1,
		"guidance/print.html": 3, "print.html": 3,
	} {
		imgs := src.FindAllStringSubmatch(s.File(page), -1)
		if len(imgs) != want {
			t.Errorf("%s: %d images, want %d", page, len(imgs), want)
		}
		for _, m := range imgs {
			file := path.Join(path.Dir(page), m[1])
			if _, err := os.Stat(filepath.Join(s.Public(), file)); err != nil {
				t.Errorf("%s: <img src=%q alt=%q> names no file in the site: %v", page, m[1], m[2], err)
			}
			if _, err := os.Stat(filepath.Join(unzipped, filepath.FromSlash(file))); err != nil {
				t.Errorf("%s: %s is not in the zip", page, file)
			}
		}
	}
}
