package bench

import (
	"os"
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
)

// Each template --templateMetrics names goes to the kind of output it writes;
// the templates others call count in their callers.
func TestKindOf(t *testing.T) {
	for tmpl, want := range map[string]string{
		"page.html":                       KindPages,
		"cases/page.html":                 KindPages,
		"faq.html":                        KindPages,
		"scenarios/page.html":             KindScenarios,
		"scenarios/section.html":          KindScenarios,
		"section.print.html":              KindPrint,
		"home.print.html":                 KindPrint,
		"scenarios/page.worksheet.html":   KindSheets,
		"scenarios/page.facilitator.html": KindSheets,
		"a-z.html":                        KindLists,
		"section.html":                    KindLists,
		"term.html":                       KindLists,
		"home.html":                       KindLists,
		"whats-new.atom.xml":              KindOther,
		"home.headers":                    KindOther,
		"_partials/print/chunk.html":      "",
		"_markup/render-link.html":        "",
		"_shortcodes/code.html":           "",
		"/cases/_content.gotmpl":          "",
	} {
		qt.Check(t, kindOf(tmpl), qt.Equals, want, qt.Commentf("%s", tmpl))
	}
}

// A real run's output (1,000 generated pages): each kind gets its templates'
// time, the html format's wall time is shared by template time, and the other
// formats' walls go to their kinds.
func TestParseHugo(t *testing.T) {
	b, err := os.ReadFile("testdata/hugo-metrics-1000.txt")
	qt.Assert(t, err, qt.IsNil)
	got, err := ParseHugo(string(b))
	qt.Assert(t, err, qt.IsNil)
	ms := func(d time.Duration) int64 { return d.Milliseconds() }
	qt.Check(t, ms(got.Total), qt.Equals, int64(4439))
	qt.Check(t, ms(got.Render), qt.Equals, int64(4247))
	qt.Check(t, ms(got.Before), qt.Equals, int64(190))
	kinds := map[string]Kind{}
	for _, k := range got.Kinds {
		kinds[k.Name] = k
	}
	qt.Check(t, kinds[KindPrint].Files, qt.Equals, 6)                // 5 sections + the whole pack
	qt.Check(t, ms(kinds[KindPrint].Render), qt.Equals, int64(1044)) // the print format's step
	qt.Check(t, kinds[KindSheets].Files, qt.Equals, 300)
	qt.Check(t, ms(kinds[KindSheets].Render), qt.Equals, int64(499)) // 376 + 123 ms
	qt.Check(t, kinds[KindScenarios].Files, qt.Equals, 151)
	qt.Check(t, kinds[KindPages].Files > 1000, qt.IsTrue)
	var html time.Duration
	for _, k := range []string{KindPages, KindScenarios, KindLists} {
		html += kinds[k].Render
	}
	qt.Check(t, ms(html), qt.Equals, int64(2674), qt.Commentf("the html format's wall, shared out"))
	// No timings: an error, not a table of zeros.
	_, err = ParseHugo("Start building sites …\n")
	qt.Check(t, err, qt.ErrorMatches, `hugo printed no timings[\s\S]*`)
}
