// Package review holds the rules of content review: when a page, answer, case
// or scenario was last reviewed, when its next review is due, who owns it, and
// which are overdue. Every part of guidepack that reads review fields (the data
// and front matter checks, the scenario checker, the build, `guidepack review`)
// reads them through this package, so a rule is written once.
package review

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"go.yaml.in/yaml/v3"
)

// The field names, the same in front matter, data files and scenarios.
const (
	Reviewed = "reviewed"
	ReviewBy = "review_by"
	Owner    = "owner"
)

// Fields are the review fields of an entry, as the author wrote them.
type Fields struct {
	Reviewed, ReviewBy, Owner *yaml.Node
}

// Set records a field of an entry; it returns false when key is not a review field.
func (f *Fields) Set(key string, v *yaml.Node) bool {
	switch key {
	case Reviewed:
		f.Reviewed = v
	case ReviewBy:
		f.ReviewBy = v
	case Owner:
		f.Owner = v
	default:
		return false
	}
	return true
}

// About says what each field holds, for hints.
var About = map[string]string{
	Reviewed: "the date the content was last checked, e.g. 2026-11-01",
	ReviewBy: "the date the next review is due, e.g. 2027-11-01",
	Owner:    "who keeps the content up to date, e.g. Practice team",
}

// Entry is one reviewed piece of content, checked.
type Entry struct {
	Kind  string // page, faq, case or scenario
	Key   string // the page's file under content/, or the answer's, case's or scenario's id
	Title string
	File  string // where its fields are written, relative to the project
	Line  int    // where: the reviewed field, else the entry
	Col   int

	Reviewed time.Time // zero when not given
	ReviewBy time.Time // zero when not given (see Policy.Due)
	Owner    string    // empty when not given (see Policy.Owner)
}

// Layout is how dates are written in authored files.
const Layout = "2006-01-02"

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// Date reads a date written YYYY-MM-DD (in quotes or not).
func Date(file string, key string, v *yaml.Node) (time.Time, *diag.Problem) {
	bad := func(msg string) (time.Time, *diag.Problem) {
		p := diag.At(file, v, msg, fmt.Sprintf("write the date as year-month-day, e.g. %s: 2026-11-01", key))
		return time.Time{}, &p
	}
	if v.Kind != yaml.ScalarNode {
		return bad(fmt.Sprintf("%s is a date, not a list or a group of fields", key))
	}
	s := strings.TrimSpace(v.Value)
	if !dateRE.MatchString(s) {
		return bad(fmt.Sprintf("%s %q is not a date written year-month-day", key, s))
	}
	t, err := time.Parse(Layout, s)
	if err != nil {
		return bad(fmt.Sprintf("%s %s is not a day of the calendar", key, s))
	}
	return t, nil
}

// Check reads an entry's review fields into e and returns their problems: dates
// written YYYY-MM-DD, review_by after reviewed, owner a line of text.
func Check(file string, f Fields, e *Entry) []diag.Problem {
	var ps []diag.Problem
	if f.Reviewed != nil {
		e.Line, e.Col = f.Reviewed.Line, f.Reviewed.Column
		if t, p := Date(file, Reviewed, f.Reviewed); p != nil {
			ps = append(ps, *p)
		} else {
			e.Reviewed = t
		}
	}
	if f.ReviewBy != nil {
		if e.Line == 0 {
			e.Line, e.Col = f.ReviewBy.Line, f.ReviewBy.Column
		}
		if t, p := Date(file, ReviewBy, f.ReviewBy); p != nil {
			ps = append(ps, *p)
		} else if !e.Reviewed.IsZero() && !t.After(e.Reviewed) {
			ps = append(ps, diag.At(file, f.ReviewBy, fmt.Sprintf("review_by %s is not after reviewed %s", f.ReviewBy.Value, f.Reviewed.Value),
				"review_by is when the next review is due: a date after the last review"))
		} else {
			e.ReviewBy = t
		}
	}
	if f.Owner != nil {
		if f.Owner.Kind != yaml.ScalarNode || strings.TrimSpace(f.Owner.Value) == "" || strings.Contains(strings.TrimSpace(f.Owner.Value), "\n") {
			ps = append(ps, diag.At(file, f.Owner, "owner is one line of text", "write "+About[Owner]))
		} else {
			e.Owner = strings.TrimSpace(f.Owner.Value)
		}
	}
	return ps
}

// Period is how long after a review the next is due.
type Period struct{ Years, Months int }

// ParsePeriod reads "12 months", "1 year", "18 months", "2 years".
func ParsePeriod(s string) (Period, error) {
	f := strings.Fields(s)
	if len(f) == 2 {
		n, err := strconv.Atoi(f[0])
		if err == nil && n > 0 && n <= 120 {
			switch strings.TrimSuffix(f[1], "s") {
			case "year":
				return Period{Years: n}, nil
			case "month":
				return Period{Months: n}, nil
			}
		}
	}
	return Period{}, fmt.Errorf("%q is not a period such as \"12 months\" or \"2 years\"", s)
}

// Policy is the pack's review settings (config.toml [params]).
type Policy struct {
	Owner   string // reviewOwner: the owner of content that names none
	Every   Period // reviewEvery: when no review_by is given, the next review is due this long after reviewed
	Overdue string // reviewOverdue: "warning" (the default) or "error"
	// Clock is the date overdue is judged on: the pack's released date, not
	// the day the build runs, so the same sources always build the same way.
	Clock time.Time
}

// Due returns when the entry's next review is due: its review_by, else its
// reviewed date plus the pack's period; zero when neither is known.
func (p Policy) Due(e Entry) time.Time {
	if !e.ReviewBy.IsZero() {
		return e.ReviewBy
	}
	if !e.Reviewed.IsZero() && p.Every != (Period{}) {
		return e.Reviewed.AddDate(p.Every.Years, p.Every.Months, 0)
	}
	return time.Time{}
}

// OwnerOf returns the entry's owner, else the pack's.
func (p Policy) OwnerOf(e Entry) string {
	if e.Owner != "" {
		return e.Owner
	}
	return p.Owner
}

// IsOverdue says whether the entry's review is overdue on the policy's clock:
// its due date has passed (a review due on the clock's day is not yet overdue).
func (p Policy) IsOverdue(e Entry) bool {
	d := p.Due(e)
	return !d.IsZero() && !p.Clock.IsZero() && d.Before(p.Clock)
}

// Problems returns a problem for each overdue entry, in file order.
func (p Policy) Problems(es []Entry) diag.Problems {
	var ps diag.Problems
	for _, e := range es {
		if !p.IsOverdue(e) {
			continue
		}
		owner := p.OwnerOf(e)
		if owner == "" {
			owner = "no owner"
		}
		ps = append(ps, diag.Problem{File: e.File, Line: max(e.Line, 1), Col: max(e.Col, 1),
			Msg:  fmt.Sprintf("%s %q was due for review on %s (owner: %s)", e.Kind, e.Title, Long(p.Due(e)), owner),
			Hint: fmt.Sprintf("review it, then set reviewed: and review_by: (the pack's clock is its released date, %s)", p.Clock.Format(Layout))})
	}
	ps.Sort()
	return ps
}

// Sorted returns the entries by due date (those with none last), then file.
func (p Policy) Sorted(es []Entry) []Entry {
	out := append([]Entry(nil), es...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := p.Due(out[i]), p.Due(out[j])
		if a.IsZero() != b.IsZero() {
			return b.IsZero()
		}
		if !a.Equal(b) {
			return a.Before(b)
		}
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Line < out[j].Line
	})
	return out
}

// Long writes a date as readers read it: 1 November 2026.
func Long(t time.Time) string { return t.Format("2 January 2006") }

// Month writes a date's month: November 2027.
func Month(t time.Time) string { return t.Format("January 2006") }

// Shown is what a reader sees of an entry's review, for the layouts.
type Shown struct {
	Reviewed string `json:"reviewed,omitempty"` // "1 November 2026"
	Due      string `json:"due,omitempty"`      // "November 2027"
	Owner    string `json:"owner,omitempty"`
}

// Show returns what readers see of each entry, by kind and key: only entries
// with a reviewed date or a due date.
func (p Policy) Show(es []Entry) map[string]map[string]Shown {
	out := map[string]map[string]Shown{"page": {}, "faq": {}, "case": {}, "scenario": {}}
	for _, e := range es {
		var s Shown
		if !e.Reviewed.IsZero() {
			s.Reviewed = Long(e.Reviewed)
		}
		if d := p.Due(e); !d.IsZero() {
			s.Due = Month(d)
		}
		if s == (Shown{}) {
			continue
		}
		s.Owner = p.OwnerOf(e)
		if out[e.Kind] == nil {
			out[e.Kind] = map[string]Shown{}
		}
		out[e.Kind][e.Key] = s
	}
	return out
}
