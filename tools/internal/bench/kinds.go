package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// The output kinds Hugo's time is split into.
const (
	KindPages     = "pages"
	KindScenarios = "scenario pages"
	KindPrint     = "print pages"
	KindSheets    = "worksheets, facilitator sheets"
	KindLists     = "A–Z and lists"
	KindOther     = "other (feed, headers)"
)

// kindOrder is the order the table lists them in.
var kindOrder = []string{KindPages, KindScenarios, KindPrint, KindSheets, KindLists, KindOther}

// Kind is what Hugo spent on one kind of output.
type Kind struct {
	Name     string
	Files    int           // top-level templates run: one per file written
	Template time.Duration // their template time, summed over every core
	Render   time.Duration // wall: the render step of its output format; the html format's shared by template time
}

// Breakdown is where one Hugo run's time went.
type Breakdown struct {
	Kinds   []Kind
	Before  time.Duration // reading the sources and assembling the pages (content adapters included)
	Render  time.Duration // rendering every output format, wall
	Total   time.Duration // the whole Hugo build, wall
	Formats map[string]time.Duration
}

// kindOf says which kind of output a template writes, from its name as
// --templateMetrics prints it; "" for templates others call (partials, render
// hooks, shortcodes, content adapters), whose time their callers' includes.
func kindOf(template string) string {
	base := template[strings.LastIndex(template, "/")+1:]
	switch {
	case strings.HasPrefix(template, "_") || strings.HasPrefix(base, "_"):
		return ""
	case strings.Contains(base, ".print."):
		return KindPrint
	case strings.Contains(base, ".worksheet.") || strings.Contains(base, ".facilitator."):
		return KindSheets
	case !strings.HasSuffix(base, ".html"):
		return KindOther
	case strings.HasPrefix(template, "scenarios/"):
		return KindScenarios
	case template == "a-z.html" || base == "section.html" || base == "home.html" || base == "taxonomy.html" || base == "term.html":
		return KindLists
	}
	return KindPages
}

// formatOf is the output format a kind's files are rendered in (Hugo renders
// one format after another, so each format's step has its own wall time).
func formatsOf(kind string) []string {
	switch kind {
	case KindPrint:
		return []string{"print"}
	case KindSheets:
		return []string{"worksheet", "facilitator"}
	case KindOther:
		return []string{"atom", "headers"}
	}
	return []string{"html"}
}

var (
	logStep   = regexp.MustCompile(`build:\s+step (\w+) .*?duration (\S+)$`)
	logFormat = regexp.MustCompile(`build:\s+step render substep pages .*outputFormat (\w+) duration (\S+)$`)
	logTotal  = regexp.MustCompile(`build:\s+duration (\S+)$`)
	metric    = regexp.MustCompile(`^\s*(\S+)\s+\S+\s+\S+\s+(\d+)\s+(\S+)\s*$`)
)

// ParseHugo reads what Hugo prints with --logLevel info --templateMetrics.
func ParseHugo(out string) (Breakdown, error) {
	b := Breakdown{Formats: map[string]time.Duration{}}
	kinds := map[string]*Kind{}
	for _, k := range kindOrder {
		kinds[k] = &Kind{Name: k}
	}
	dur := func(s string) time.Duration { d, _ := time.ParseDuration(s); return d }
	var htmlTemplate time.Duration
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimRight(l, "\r ")
		if m := logFormat.FindStringSubmatch(l); m != nil {
			b.Formats[m[1]] += dur(m[2])
			continue
		}
		if m := logStep.FindStringSubmatch(l); m != nil {
			switch {
			case m[1] == "render" && strings.Contains(l, " step render pages "):
				b.Render = dur(m[2])
			case (m[1] == "process" || m[1] == "assemble") && !strings.Contains(l, "substep"):
				b.Before += dur(m[2])
			}
			continue
		}
		if m := logTotal.FindStringSubmatch(l); m != nil {
			b.Total = dur(m[1])
			continue
		}
		if m := metric.FindStringSubmatch(l); m != nil {
			d, err := time.ParseDuration(m[1])
			if err != nil {
				continue // the table's header
			}
			k := kindOf(m[3])
			if k == "" {
				continue
			}
			n, _ := strconv.Atoi(m[2])
			kinds[k].Files += n
			kinds[k].Template += d
			if formatsOf(k)[0] == "html" {
				htmlTemplate += d
			}
		}
	}
	if b.Total == 0 || len(b.Formats) == 0 {
		return b, fmt.Errorf("hugo printed no timings (run with --logLevel info --templateMetrics):\n%s", out)
	}
	for _, name := range kindOrder {
		k := kinds[name]
		fs := formatsOf(name)
		if fs[0] == "html" {
			if htmlTemplate > 0 {
				k.Render = time.Duration(float64(b.Formats["html"]) * float64(k.Template) / float64(htmlTemplate))
			}
		} else {
			for _, f := range fs {
				k.Render += b.Formats[f]
			}
		}
		b.Kinds = append(b.Kinds, *k)
	}
	return b, nil
}

// HugoKinds runs Hugo once more on a pack that guidepack has built (its
// generated folder in place), with --templateMetrics and --logLevel info, and
// says where its time went by output kind. The metrics slow Hugo down: the
// shares count, the absolute figures less.
func HugoKinds(self, pack, tmp string) (Breakdown, error) {
	dest := filepath.Join(tmp, "kinds-public")
	defer os.RemoveAll(dest)
	out, _, _, _, err := child(self, "hugo", "build", "--source", pack, "--destination", dest, "--templateMetrics", "--logLevel", "info", "--noBuildLock")
	if err != nil {
		return Breakdown{}, fmt.Errorf("hugo --templateMetrics: %v\n%s", err, out)
	}
	return ParseHugo(string(out))
}
