package build

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/guidepack/guidepack/tools/internal/diag"
)

// hookError matches what the link and image render hooks report: they know the
// page's file but not where in it the link is.
// The file is absolute: /a/b.md, or on Windows C:\a\b.md (a drive letter, then
// backslashes or slashes).
var hookError = regexp.MustCompile(`(?m)^((?:[A-Za-z]:)?[/\\][^:\n]+\.(?:md|gotmpl)): (link|image) "([^"\n]*)"`)

// authorFacing rewrites a build error for the author: file names relative to the
// project, and render hook errors given the line:col of the link in the file.
func authorFacing(root string, err error) error {
	if err == nil {
		return nil
	}
	// Problems found before Hugo are typed, with project-relative files:
	// they stay so until printed.
	var ps diag.Problems
	if errors.As(err, &ps) {
		return err
	}
	msg := hookError.ReplaceAllStringFunc(err.Error(), func(m string) string {
		g := hookError.FindStringSubmatch(m)
		file := g[1]
		line, col, ok := find(file, "("+g[3])
		if !ok {
			// Markdown from a data file (an FAQ answer, a case) is rendered on a
			// page: look for the link in the data files.
			files, _ := filepath.Glob(filepath.Join(root, "data", "*.yaml"))
			for _, f := range files {
				if line, col, ok = find(f, "("+g[3]); ok {
					file = f
					break
				}
			}
		}
		if ok {
			return file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col+1) + ": " + g[2] + ` "` + g[3] + `"`
		}
		return m
	})
	msg = relative(msg, root)
	return &Error{msg: msg}
}

// find returns the line and column (from 1) where s first occurs in file.
func find(file, s string) (line, col int, ok bool) {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0, 0, false
	}
	i := strings.Index(string(b), s)
	if i < 0 {
		return 0, 0, false
	}
	before := string(b[:i])
	line = strings.Count(before, "\n") + 1
	col = i - (strings.LastIndex(before, "\n") + 1) + 1
	return line, col, true
}

// Error is a failed build, as the author should read it.
type Error struct{ msg string }

func (e *Error) Error() string { return e.msg }

// relative removes root from the file names in msg and writes what follows it
// with slashes, as every other problem names files: on Windows,
// C:\pack\content\a.md:3:5 becomes content/a.md:3:5, keeping its line and column.
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
