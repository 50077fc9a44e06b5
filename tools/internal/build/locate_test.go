package build

import (
	"testing"

	qt "github.com/frankban/quicktest"
)

// A render hook's error names the page's absolute file; on Windows that is a
// drive letter and backslashes. Both are found, and both keep their line and
// column once made relative.
func TestWindowsPathsKeepTheirPlace(t *testing.T) {
	for _, tc := range []struct{ msg, file string }{
		{`/home/a/pack/content/x.md: link "y.md": no such page`, "/home/a/pack/content/x.md"},
		{`C:\Users\a\pack\content\x.md: link "y.md": no such page`, `C:\Users\a\pack\content\x.md`},
		{`D:/pack/content/cases/_content.gotmpl: image "p.png": no such file`, "D:/pack/content/cases/_content.gotmpl"},
	} {
		m := hookError.FindStringSubmatch(tc.msg)
		qt.Assert(t, m, qt.HasLen, 4, qt.Commentf("%s", tc.msg))
		qt.Assert(t, m[1], qt.Equals, tc.file)
	}
	for _, tc := range []struct{ msg, root, want string }{
		{`C:\pack\content\guidance\a.md:3:5: link "b.md": no such page`, `C:\pack`, `content/guidance/a.md:3:5: link "b.md": no such page`},
		{"/srv/pack/data/faq.yaml:12:7: bad\n/srv/pack/content/a.md:1:1: also", "/srv/pack", "data/faq.yaml:12:7: bad\ncontent/a.md:1:1: also"},
		{`"C:\pack\layouts\page.html:6:27": execute`, `C:\pack`, `"layouts/page.html:6:27": execute`},
	} {
		qt.Assert(t, relative(tc.msg, tc.root), qt.Equals, tc.want)
	}
}
