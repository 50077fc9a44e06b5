package markdown

import (
	"fmt"
	"testing"
)

// TestAttribute: what the render hooks refuse is found, at the { of the
// attributes or the language after the fence; what they accept is not.
func TestAttribute(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"## Title {#id}", ""},
		{"```yaml {lineNos=true hl_Lines=[2] LINENOSTART=3}\na: 1\n```", ""},
		{"```go some words\nx\n```", ""},
		{"A paragraph.\n{.x onclick=\"y\"}", ""}, // block attributes are off: text
		{"Text\n\n## Title {.wide}", `2:10: the heading attribute "class" is not allowed`},
		{"## Title {#a onclick=x}", `0:10: the heading attribute "onclick" is not allowed`},
		{"```html {title=\"a\\\" onmouseover=\\\"x\"}\nx\n```", `0:9: the code block attribute "title" is not allowed`},
		{"  ```go {noClasses=true}\n  x\n  ```", `0:9: the code block attribute "noClasses" is not allowed`},
		{"```x\"onmouseover=\"y\nx\n```", `0:4: the code block's language "x\"onmouseover=\"y" is not a language name`},
		{"```go {title=\nx\n```", `0:7: "{title=" after the code block's language is not {name=value} options`},
	} {
		line, col, msg, _ := Attribute(c.src)
		got := ""
		if msg != "" {
			got = fmt.Sprintf("%d:%d: %s", line, col, msg)
		}
		if got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
	}
}
