package handout_test

import (
	"fmt"
	"io/fs"
	"math"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/handout"
)

// The page box of print.css (@page margin: 15mm 15mm 22mm), in points.
const (
	mm          = 72 / 25.4
	marginTop   = 15 * mm
	marginSide  = 15 * mm
	marginBelow = 22 * mm
)

// TestEveryPagePrintsOnA4 prints every page of the demo pack to A4, as a trainer
// would from the browser (JavaScript on), and reads each PDF back:
//   - nothing is wider than the sheet, so Chromium need not shrink the page to fit
//     (it scales EVERY sheet down, to about 66 % for one wide code block);
//   - the footer line (title, version, web address) prints once on a sheet;
//   - no sheet is more than 85 % empty, except the last of a section and the
//     last. A section is what the design prints from a new sheet: a section of
//     the pack (gp-handout__page--section), a case card, a scenario's map. A
//     page of the pack is not: its last lines must not take a sheet alone.
//
// It writes PNGs of the whole-pack print and a worksheet to artifacts/print.
func TestEveryPagePrintsOnA4(t *testing.T) {
	t.Parallel()
	handout.Tools(t)
	b := browser.Start(t)
	dir, scs := demo(t)
	var pages []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	sort.Strings(pages)
	if len(pages) < 30 {
		t.Fatalf("only %d pages", len(pages))
	}
	// The width of A4 inside the side margins, in CSS pixels.
	width := (handout.A4.W*72 - 2*marginSide) / 72 * 96
	render := map[string]string{"print.html": "whole-pack", "scenarios/" + scs[0].ID + "/worksheet.html": "worksheet"}
	for _, rel := range pages {
		p := b.Open(t, fileURL(dir, rel), browser.Options{})
		// Lay the page out as for print, on the sheet's width.
		p.Run(t, emulation.SetEmulatedMedia().WithMedia("print"),
			emulation.SetDeviceMetricsOverride(int64(width), 900, 1, false))
		var lay struct {
			Width  int
			Wide   []string
			Starts []string
		}
		p.Eval(t, `(() => {
			const sections = '.gp-handout__page--section, .gp-handout__page--case, .gp-map-sheet';
			const w = document.documentElement.scrollWidth, wide = [], starts = [];
			for (const el of document.querySelectorAll('body *')) {
				const cs = getComputedStyle(el);
				if (cs.display === 'none') continue;
				if (cs.breakBefore === 'page' && el.matches(sections)) starts.push(el.innerText.trim().split(/\s+/).slice(0, 4).join(' '));
				if (w > innerWidth && wide.length < 3 && el.getBoundingClientRect().right > innerWidth + 0.5) wide.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0]);
			}
			return {Width: w, Wide: wide, Starts: starts};
		})()`, &lay)
		if lay.Width > int(math.Ceil(width)) {
			t.Errorf("%s: %d px wide on A4 (%d px fit): Chromium shrinks every sheet to fit; too wide: %s", rel, lay.Width, int(width), strings.Join(lay.Wide, ", "))
		}
		p.Run(t, emulation.ClearDeviceMetricsOverride(), emulation.SetEmulatedMedia().WithMedia(""))
		pdf := handout.Print(t, p, handout.A4)
		sheets := handout.Sheets(t, pdf)
		for i, s := range sheets {
			footer, bottom := 0, 0.0
			var text []string
			for _, w := range s.Words {
				if w.YMin > s.H-marginBelow {
					continue // the running footer, in the page margin
				}
				text = append(text, w.Text)
				bottom = max(bottom, w.YMax)
			}
			all := words(joinWords(s.Words))
			// The footer line: "<title>. Version <v>, <date>. Check for a newer version at …"
			footer = strings.Count(all, ". Version ")
			if footer > 1 {
				t.Errorf("%s: sheet %d of %d prints the footer %d times", rel, i+1, len(sheets), footer)
			}
			if i == len(sheets)-1 || startsSection(sheets[i+1], lay.Starts) {
				continue // a section's last sheet
			}
			fill := (bottom - marginTop) / (s.H - marginTop - marginBelow)
			if fill < 0.15 {
				t.Errorf("%s: sheet %d of %d is %.0f %% empty, a spill-over (it holds only %q)", rel, i+1, len(sheets), 100*(1-fill), clip(strings.Join(text, " ")))
			}
		}
		if rel == "print.html" {
			// Cross-references in the whole-pack print say where to turn.
			if all := words(strings.Join(handout.Pages(t, pdf), " ")); !xref.MatchString(all) {
				t.Errorf("print.html: no cross-reference says where to turn (\"see 1.3\")")
			}
		}
		if name, ok := render[rel]; ok {
			handout.Render(t, pdf, artifacts(), name, 6)
		}
		p.Close()
	}
}

var xref = regexp.MustCompile(`the common questions \(see \d+\)|\(see \d+\.\d+\)`)

// startsSection says whether a sheet begins with a section (an element of the
// design's sections printed on a new sheet): the sheet before it ends one.
func startsSection(s handout.Sheet, starts []string) bool {
	var text []string
	for _, w := range s.Words {
		if w.YMin <= s.H-marginBelow {
			text = append(text, w.Text)
		}
	}
	head := strings.Join(text, " ")
	for _, st := range starts {
		if st != "" && strings.HasPrefix(head, st) {
			return true
		}
	}
	return false
}

func joinWords(ws []handout.Word) string {
	var b strings.Builder
	for _, w := range ws {
		fmt.Fprint(&b, w.Text, " ")
	}
	return b.String()
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
