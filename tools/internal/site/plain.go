package site

import "github.com/gohugoio/hugo/commands"

// Plain runs the embedded Hugo with args as `hugo args...` would, its output
// left as it is (on this process's stdout and stderr): for `guidepack hugo`,
// where the author or the benchmark reads what Hugo says (--templateMetrics,
// --logLevel info).
func Plain(args ...string) error {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	return commands.Execute(args)
}
