package diag

import (
	"bytes"
	"unicode/utf8"
)

// Text checks that src is text guidepack and Hugo can read: UTF-8 with no
// byte-order mark and no NUL. It returns the first place that is not, or nil.
func Text(name string, src []byte) *Problem {
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		return &Problem{File: name, Line: 1, Col: 1, Whole: true, Msg: "the file starts with a byte-order mark (BOM)",
			Hint: "save it as UTF-8 without a BOM (in the editor's Save as, choose the encoding UTF-8, not \"UTF-8 with BOM\")"}
	}
	line, start := 1, 0
	for i := 0; i < len(src); {
		c := src[i]
		if c == '\n' {
			line, start = line+1, i+1
			i++
			continue
		}
		if c == 0 {
			return &Problem{File: name, Line: line, Col: utf8.RuneCount(src[start:i]) + 1, Msg: "this line holds a NUL character, which is not text",
				Hint: "remove it; if the file came from a word processor, copy its text into a plain text editor", Source: quotable(src[start:])}
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size == 1 {
			return &Problem{File: name, Line: line, Col: utf8.RuneCount(src[start:i]) + 1, Msg: "this line holds a byte that is not UTF-8 text",
				Hint: "save the file as UTF-8 (in the editor's Save as, choose the encoding UTF-8), then check the character here", Source: quotable(src[start:])}
		}
		i += size
	}
	return nil
}

// quotable returns the line at the start of b, made printable: bytes that are
// not UTF-8 and NULs become U+FFFD.
func quotable(b []byte) string {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		b = b[:i]
	}
	return string(bytes.ReplaceAll(bytes.ToValidUTF8(bytes.TrimRight(b, "\r"), []byte("\uFFFD")), []byte{0}, []byte("\uFFFD")))
}
