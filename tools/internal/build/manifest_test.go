package build_test

import (
	"os"
	"path/filepath"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/sitetest"
)

// A build whose work folder, or part of its staged site, goes missing while it
// runs fails, naming what is missing, and publishes nothing: the last good
// site and zip stay.
func TestNothingMissingIsPublished(t *testing.T) {
	for _, tc := range []struct {
		name, stage string
		disturb     func(root string) error
		want        string
	}{
		{".guidepack removed before Hugo", "scenarios", func(root string) error {
			return os.RemoveAll(filepath.Join(root, ".guidepack"))
		}, ".guidepack/ was removed while the build ran"},
		{".guidepack removed before publishing", "zip", func(root string) error {
			return os.RemoveAll(filepath.Join(root, ".guidepack"))
		}, ".guidepack/ was removed while the build ran"},
		{"a generated page never built", "scenarios", func(root string) error {
			return os.Remove(filepath.Join(root, ".guidepack", "gen", "content", "a-z.md"))
		}, "the built site lacks 1 file the build expected: a-z.html"},
		{"a search chunk lost", "check", func(root string) error {
			return os.Remove(filepath.Join(root, ".guidepack", "stage", "site", "search", "t-0.js"))
		}, "the built site lacks 1 file the build expected: search/t-0.js"},
		{"a page lost after the check", "zip", func(root string) error {
			return os.Remove(filepath.Join(root, ".guidepack", "stage", "site", "guidance", "privacy.html"))
		}, "the built site lacks 1 file the build expected: guidance/privacy.html"},
		// keep lists the hashes of the files as the scan and the zip read
		// them, and reads no file again: one changed after is caught by its
		// size and time, not listed with a hash that is not its own.
		{"a page changed after the scan read it", "zip", func(root string) error {
			return os.WriteFile(filepath.Join(root, ".guidepack", "stage", "site", "guidance", "privacy.html"), []byte("<p>changed</p>"), 0o644)
		}, "sw.js: cannot list 1 file changed after the build read them: guidance/privacy.html"},
		{"a search chunk changed after the zip read it", "zip", func(root string) error {
			return os.WriteFile(filepath.Join(root, ".guidepack", "stage", "site", "search", "t-0.js"), []byte("gpSearch.add({})"), 0o644)
		}, "sw.js: cannot list 1 file changed after the build read them: search/t-0.js"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := sitetest.Build(t, miniPack)
			site, zipSum := treeHash(t, s.Public()), fileHash(t, s.Result.Zip)
			zipPath := s.Result.Zip
			build.SetAfterStage(func(stage, root string) {
				if stage == tc.stage {
					qt.Assert(t, tc.disturb(root), qt.IsNil)
				}
			})
			defer build.SetAfterStage(nil)
			err := s.Rebuild()
			qt.Assert(t, err, qt.ErrorMatches, "(?s).*"+regexpQuote(tc.want)+".*")
			qt.Assert(t, err, qt.ErrorMatches, "(?s).*nothing was published.*")
			qt.Assert(t, treeHash(t, s.Public()), qt.Equals, site)
			qt.Assert(t, fileHash(t, zipPath), qt.Equals, zipSum)

			build.SetAfterStage(nil)
			qt.Assert(t, s.Rebuild(), qt.IsNil, qt.Commentf("the next build is sound"))
			s.AssertFile("a-z.html", "A–Z")
			s.AssertFile("search/t-0.js", "gpSearch.add")
		})
	}
}
