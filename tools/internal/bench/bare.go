package bench

import (
	"os"
	"path/filepath"
)

// bareLayouts are the least Hugo needs to render the same pages: title and content.
var bareLayouts = map[string]string{
	"config.toml": `baseURL = "/"
title = "Bare"
relativeURLs = true
uglyURLs = true
disableKinds = ["rss", "sitemap", "robotstxt", "404"]
[taxonomies]
  theme = "themes"
`,
	"layouts/baseof.html":           `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
	"layouts/page.html":             `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
	"layouts/section.html":          `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
	"layouts/home.html":             `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
	"layouts/taxonomy.html":         `{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}`,
	"layouts/term.html":             `{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}`,
	"layouts/_shortcodes/code.html": `Code {{ .Get 0 }}`,
}

// Bare writes, beside a generated pack, the same content with bare layouts: what
// Hugo alone does with the same pages.
func Bare(pack, dir string) error {
	if err := copyTree(filepath.Join(pack, "content"), filepath.Join(dir, "content")); err != nil {
		return err
	}
	if err := copyTree(filepath.Join(pack, "data"), filepath.Join(dir, "data")); err != nil {
		return err
	}
	for name, text := range bareLayouts {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
