package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/diag"
)

// authorFacing gives a failed build's error to the author: problems stay typed
// (diag.Problems, sorted, their files relative to the project with slashes);
// any other error keeps its words with the project's folder taken out of them.
func authorFacing(root string, err error) error {
	if err == nil {
		return nil
	}
	var ps diag.Problems
	if !errors.As(err, &ps) {
		return &Error{msg: relative(err.Error(), root)}
	}
	out := make(diag.Problems, len(ps))
	for i, p := range ps {
		p.File = RelFile(root, p.File)
		p.Msg = relative(p.Msg, root)
		p.Hint = relative(p.Hint, root)
		out[i] = p
	}
	return out.Err()
}

// HugoProblems makes the problems Hugo's run found read as the others do: files
// relative to the project, and the line each is on quoted.
func HugoProblems(root string, err error) error {
	err = authorFacing(root, err)
	var ps diag.Problems
	if errors.As(err, &ps) {
		quoteFiles(root, ps)
	}
	return err
}

// RelFile names file (absolute, from Hugo) as every problem does: relative to
// the project at root, with slashes. On Windows, C:\pack\content\a.md (or
// C:/pack/content/a.md) is content/a.md. A file outside root, or already
// relative, is left as it is (with slashes).
func RelFile(root, file string) string {
	if file == "" {
		return ""
	}
	f, r := strings.ReplaceAll(file, `\`, "/"), strings.TrimRight(strings.ReplaceAll(root, `\`, "/"), "/")+"/"
	if strings.HasPrefix(f, r) {
		return f[len(r):]
	}
	if !filepath.IsAbs(file) && !strings.HasPrefix(f, "/") && (len(f) < 2 || f[1] != ':') {
		return f
	}
	return file
}

// quoteFiles sets each problem's source line from its file.
func quoteFiles(root string, ps diag.Problems) {
	done := map[string]bool{}
	for _, p := range ps {
		if p.File != "" && !done[p.File] {
			done[p.File] = true
			if b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(p.File))); err == nil {
				ps.Quote(p.File, b)
			}
		}
	}
}

// Error is a failed build that is not an author's mistake in a file (a folder
// that cannot be written, a lock), as the author should read it.
type Error struct{ msg string }

func (e *Error) Error() string { return e.msg }

// relative removes root from the file names in msg (words, not a position: a
// position travels in a diag.Problem) and writes what follows it with slashes.
func relative(msg, root string) string {
	for _, r := range []string{root + "/", root + "\\"} {
		for {
			i := strings.Index(msg, r)
			if i < 0 {
				break
			}
			rest := msg[i+len(r):]
			end := strings.IndexAny(rest, ": \n\"")
			if end < 0 {
				end = len(rest)
			}
			msg = msg[:i] + strings.ReplaceAll(rest[:end], "\\", "/") + rest[end:]
		}
	}
	return msg
}
