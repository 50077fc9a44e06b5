package review_test

import (
	"testing"
	"time"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/review"
)

func day(s string) time.Time {
	t, err := time.Parse(review.Layout, s)
	if err != nil {
		panic(err)
	}
	return t
}

// The next review is due on review_by, else the pack's period after reviewed.
func TestDue(t *testing.T) {
	p := review.Policy{Every: review.Period{Months: 12}}
	qt.Assert(t, p.Due(review.Entry{Reviewed: day("2026-11-01")}), qt.Equals, day("2027-11-01"))
	qt.Assert(t, p.Due(review.Entry{Reviewed: day("2026-11-01"), ReviewBy: day("2027-05-01")}), qt.Equals, day("2027-05-01"))
	qt.Assert(t, p.Due(review.Entry{}).IsZero(), qt.IsTrue)
	qt.Assert(t, review.Policy{}.Due(review.Entry{Reviewed: day("2026-11-01")}).IsZero(), qt.IsTrue) // no period: no due date
}

// Overdue is judged on the pack's clock (its released date), never the day the
// build runs: a review due before it is overdue, one due on it or later is not.
func TestOverdueOnThePacksClock(t *testing.T) {
	p := review.Policy{Owner: "Practice team", Clock: day("2026-11-25")}
	late := review.Entry{Kind: "page", Title: "Privacy", File: "content/guidance/privacy.md", Line: 4, Col: 12, ReviewBy: day("2026-11-24")}
	onTime := review.Entry{Kind: "page", Title: "Boundaries", File: "content/guidance/boundaries.md", Line: 4, Col: 12, ReviewBy: day("2026-11-25")}
	qt.Assert(t, p.IsOverdue(late), qt.IsTrue)
	qt.Assert(t, p.IsOverdue(onTime), qt.IsFalse)
	ps := p.Problems([]review.Entry{onTime, late})
	qt.Assert(t, ps, qt.HasLen, 1)
	qt.Assert(t, ps[0].String(), qt.Equals, `content/guidance/privacy.md:4:12: page "Privacy" was due for review on 24 November 2026 (owner: Practice team)`+
		"\nhint: review it, then set reviewed: and review_by: (the pack's clock is its released date, 2026-11-25)")
	// The same sources judged on another clock: nothing is overdue a year earlier.
	p.Clock = day("2025-11-25")
	qt.Assert(t, p.Problems([]review.Entry{onTime, late}), qt.HasLen, 0)
}

func TestSortedByDueDate(t *testing.T) {
	p := review.Policy{}
	es := p.Sorted([]review.Entry{{Title: "none"}, {Title: "late", ReviewBy: day("2027-01-01")}, {Title: "soon", ReviewBy: day("2026-12-01")}})
	var got []string
	for _, e := range es {
		got = append(got, e.Title)
	}
	qt.Assert(t, got, qt.DeepEquals, []string{"soon", "late", "none"})
}

func TestParsePeriod(t *testing.T) {
	for in, want := range map[string]review.Period{"12 months": {Months: 12}, "1 year": {Years: 1}, "2 years": {Years: 2}, "1 month": {Months: 1}} {
		got, err := review.ParsePeriod(in)
		qt.Assert(t, err, qt.IsNil)
		qt.Assert(t, got, qt.Equals, want)
	}
	for _, bad := range []string{"", "12", "a year", "0 months", "12 weeks", "1 year 6 months"} {
		_, err := review.ParsePeriod(bad)
		qt.Assert(t, err, qt.IsNotNil, qt.Commentf("%q", bad))
	}
}
