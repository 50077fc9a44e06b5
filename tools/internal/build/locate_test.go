package build

import (
	"errors"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
)

// Hugo names a page by its absolute file; on Windows that is a drive letter
// and backslashes. Made relative, the file keeps its line and column: they
// travel in the problem, never in the text.
func TestWindowsPathsKeepTheirPlace(t *testing.T) {
	for _, tc := range []struct{ root, file, want string }{
		{`C:\pack`, `C:\pack\content\guidance\a.md`, "content/guidance/a.md"},
		{`C:\pack\`, `C:\pack\data\faq.yaml`, "data/faq.yaml"},
		{`D:\Users\a b\pack`, `D:/Users/a b/pack/content/cases/_content.gotmpl`, "content/cases/_content.gotmpl"},
		{"/srv/pack", "/srv/pack/layouts/page.html", "layouts/page.html"},
		{"/srv/pack", "content/a.md", "content/a.md"},
		{"/srv/pack", "/elsewhere/a.md", "/elsewhere/a.md"},
		{"/srv/pack", "", ""},
	} {
		qt.Assert(t, RelFile(tc.root, tc.file), qt.Equals, tc.want, qt.Commentf("%s in %s", tc.file, tc.root))
	}
	err := authorFacing(`C:\pack`, diag.Problems{
		{File: `C:\pack\data\faq.yaml`, Line: 12, Col: 7, Msg: "bad"},
		{File: `C:\pack\content\a.md`, Line: 3, Col: 5, Msg: `link "b.md": no such page`},
	})
	var ps diag.Problems
	qt.Assert(t, errors.As(err, &ps), qt.IsTrue)
	qt.Assert(t, ps, qt.DeepEquals, diag.Problems{
		{File: "content/a.md", Line: 3, Col: 5, Msg: `link "b.md": no such page`},
		{File: "data/faq.yaml", Line: 12, Col: 7, Msg: "bad"},
	})
	qt.Assert(t, relative(`"C:\pack\layouts\page.html:6:27": execute`, `C:\pack`), qt.Equals, `"layouts/page.html:6:27": execute`)
}
