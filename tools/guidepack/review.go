package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/guidepack/guidepack/tools/internal/build"
	"github.com/guidepack/guidepack/tools/internal/review"
)

// cmdReview lists every page, answer, case and scenario with review fields, by
// the date its next review is due (those with none last), with its owner.
// Overdue is judged on the pack's released date, as the build judges it.
func cmdReview(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("review", flag.ContinueOnError)
	dir := fs.String("C", ".", "the project folder (holds config.toml)")
	asCSV := fs.Bool("csv", false, "print CSV (for a spreadsheet)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	p, entries, err := build.ReviewList(*dir)
	if err != nil {
		return err
	}
	pol := p.Review
	entries = pol.Sorted(entries)
	date := func(e review.Entry) (due, reviewed, status string) {
		if d := pol.Due(e); !d.IsZero() {
			due, status = d.Format(review.Layout), "due"
		}
		if !e.Reviewed.IsZero() {
			reviewed = e.Reviewed.Format(review.Layout)
		}
		if pol.IsOverdue(e) {
			status = "OVERDUE"
		}
		return
	}
	if *asCSV {
		w := csv.NewWriter(stdout)
		w.Write([]string{"due", "status", "owner", "kind", "title", "file", "line", "reviewed"})
		for _, e := range entries {
			due, reviewed, status := date(e)
			w.Write([]string{due, status, pol.OwnerOf(e), e.Kind, e.Title, e.File, strconv.Itoa(e.Line), reviewed})
		}
		w.Flush()
		return w.Error()
	}
	fmt.Fprintf(stdout, "guidepack: %d pages, answers, cases and scenarios; overdue is judged on the released date, %s\n", len(entries), p.Params.Released)
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "DUE\tSTATUS\tOWNER\tWHAT\tWHERE")
	for _, e := range entries {
		due, _, status := date(e)
		if due == "" {
			due, status = "-", "no date"
		}
		owner := pol.OwnerOf(e)
		if owner == "" {
			owner = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s %q\t%s:%d\n", due, status, owner, e.Kind, e.Title, e.File, e.Line)
	}
	return tw.Flush()
}
