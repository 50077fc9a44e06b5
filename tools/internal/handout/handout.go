// Package handout prints pages of a built pack as a trainer would, with headless
// Chromium (CDP Page.printToPDF), and reads the PDF back with Debian's
// poppler-utils: the text of each page (pdftotext) and PNG renders for a person to
// look at (pdftoppm). The print tests use it; the print layouts and stylesheet
// themselves live in layouts/_partials/print and assets/css/print.css.
package handout

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/guidepack/guidepack/tools/internal/browser"
	"github.com/guidepack/guidepack/tools/internal/needs"
)

// Paper is a sheet size, in inches.
type Paper struct {
	Name string
	W, H float64
}

// The two paper sizes every handout must print well on.
var (
	A4     = Paper{"a4", 8.27, 11.69}
	Letter = Paper{"letter", 8.5, 11}
	Papers = []Paper{A4, Letter}
)

// Tools checks that pdftotext and pdftoppm are installed. Without them, or with
// -short, the test is skipped and needs.Main says why.
func Tools(t testing.TB) {
	t.Helper()
	needs.Path(t, needs.Poppler)
}

// Print prints the open page to PDF on the paper, as the browser's print dialog
// would with default settings: no browser header or footer, no backgrounds, the
// margins of the page's own @page rule.
func Print(t testing.TB, p *browser.Page, paper Paper) []byte {
	t.Helper()
	var pdf []byte
	p.Run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().
			WithPaperWidth(paper.W).WithPaperHeight(paper.H).
			WithPrintBackground(false).
			WithDisplayHeaderFooter(false).
			Do(ctx)
		return err
	}))
	return pdf
}

// Pages returns the text of each page of a PDF, in reading order.
func Pages(t testing.TB, pdf []byte) []string {
	t.Helper()
	f := writeTemp(t, pdf)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1]
	}
	return pages
}

// Render writes PNGs of the first n pages of a PDF into dir, named
// <name>-<page>.png, and returns their paths.
func Render(t testing.TB, pdf []byte, dir, name string, n int) []string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f := writeTemp(t, pdf)
	prefix := filepath.Join(dir, name)
	old, _ := filepath.Glob(prefix + "-*.png")
	for _, o := range old {
		os.Remove(o)
	}
	cmd := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", fmt.Sprint(n), f, prefix)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, stderr.String())
	}
	out, _ := filepath.Glob(prefix + "-*.png")
	return out
}

func writeTemp(t testing.TB, b []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(f, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// Word is one word of a printed page and its box, in points from the top left.
type Word struct {
	Text                   string
	XMin, YMin, XMax, YMax float64
}

// Sheet is one printed page: its size in points and its words.
type Sheet struct {
	W, H  float64
	Words []Word
}

var (
	bboxPage = regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	bboxWord = regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
)

// Sheets returns the pages of a PDF with the position of every word
// (pdftotext -bbox), for judging how full each page is.
func Sheets(t testing.TB, pdf []byte) []Sheet {
	t.Helper()
	f := writeTemp(t, pdf)
	out, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox: %v", err)
	}
	var sheets []Sheet
	for _, line := range strings.Split(string(out), "\n") {
		if m := bboxPage.FindStringSubmatch(line); m != nil {
			sheets = append(sheets, Sheet{W: num(m[1]), H: num(m[2])})
			continue
		}
		if m := bboxWord.FindStringSubmatch(line); m != nil && len(sheets) > 0 {
			s := &sheets[len(sheets)-1]
			s.Words = append(s.Words, Word{Text: html.UnescapeString(m[5]), XMin: num(m[1]), YMin: num(m[2]), XMax: num(m[3]), YMax: num(m[4])})
		}
	}
	return sheets
}

func num(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}
