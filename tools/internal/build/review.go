package build

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/lint"
	"github.com/guidepack/guidepack/tools/internal/review"
	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// packDataFile is what the layouts show of reviews and changes, worked out here
// (dates written for readers, defaults applied) so that the layouts only show it:
// .guidepack/gen/data/guidepack.json, read as hugo.Data.guidepack.
const packDataFile = "guidepack.json"

type packData struct {
	// Review is, by kind (page, faq, case, scenario) and key (a page's file
	// under content/, else an id), what readers see of its review.
	Review map[string]map[string]review.Shown `json:"review"`
	// Notices are, by page file under content/, the changes it announces.
	Notices map[string][]notice `json:"notices"`
	// Changes is the change log, newest first; Latest is its first entry's
	// changes, for the download page.
	Changes []change `json:"changes"`
}

type notice struct {
	Version string `json:"version"`
	Date    string `json:"date"`
	Note    string `json:"note"`
}

type change struct {
	Version string       `json:"version"`
	Date    string       `json:"date"` // 1 December 2026
	ISO     string       `json:"iso"`  // 2026-12-01
	Summary string       `json:"summary"`
	Pages   []pageChange `json:"pages"`
}

type pageChange struct {
	Page string `json:"page"`
	Note string `json:"note"`
}

// Reviews returns the review entries of the pack: pages, answers, cases and
// scenarios that give review fields.
func Reviews(res lint.Result, scs []*scenario.Scenario) []review.Entry {
	out := append([]review.Entry(nil), res.Reviews...)
	for _, s := range scs {
		if s.Review != nil {
			out = append(out, *s.Review)
		}
	}
	return out
}

// checkChanges checks the change log against config.toml: its newest version
// is the pack's, and every version changeNotices names is in it.
func checkChanges(p Pack, changes []lint.Change) diag.Problems {
	var ps diag.Problems
	if len(changes) > 0 && changes[0].At != nil && changes[0].Version != "" && p.Params.Version != "" && changes[0].Version != p.Params.Version {
		ps = append(ps, diag.At("data/changes.yaml", changes[0].At,
			fmt.Sprintf("the newest version in the change log is %s, but config.toml says version = %q", changes[0].Version, p.Params.Version),
			fmt.Sprintf("add an entry for version %s at the top of data/changes.yaml (newest first), or correct version in config.toml", p.Params.Version)))
	}
	for _, v := range p.Params.Notices {
		if !slices.ContainsFunc(changes, func(c lint.Change) bool { return c.Version == v }) {
			ps = append(ps, diag.Problem{File: configName, Line: max(p.noticesAt[0], 1), Col: max(p.noticesAt[1], 1),
				Msg:  fmt.Sprintf("changeNotices names version %s, which data/changes.yaml does not list", v),
				Hint: "name versions of the change log, or leave changeNotices out to announce the newest version's changes"})
		}
	}
	return ps
}

// writePackData writes guidepack.json into the generated data.
func writePackData(root string, p Pack, entries []review.Entry, changes []lint.Change) error {
	d := packData{Review: p.Review.Show(entries), Notices: map[string][]notice{}, Changes: []change{}}
	versions := p.Params.Notices
	if len(versions) == 0 && len(changes) > 0 {
		versions = []string{changes[0].Version}
	}
	for _, c := range changes {
		out := change{Version: c.Version, Summary: c.Summary, Pages: []pageChange{}}
		if !c.Date.IsZero() {
			out.Date, out.ISO = review.Long(c.Date), c.Date.Format(review.Layout)
		}
		for _, pc := range c.Pages {
			out.Pages = append(out.Pages, pageChange{pc.Page, pc.Note})
			if slices.Contains(versions, c.Version) {
				d.Notices[pc.Page] = append(d.Notices[pc.Page], notice{c.Version, out.Date, pc.Note})
			}
		}
		d.Changes = append(d.Changes, out)
	}
	b, err := json.MarshalIndent(d, "", " ")
	if err != nil {
		return err
	}
	// Unchanged, it is left alone: serve's Hugo would otherwise read every
	// page's data as changed and render the whole pack again on each save.
	return writeIfChanged(filepath.Join(GenDir(root), "data", packDataFile), b)
}

// changesSince is what readme.txt says changed in this version.
func changesSince(changes []lint.Change, version string) string {
	for i, c := range changes {
		if c.Version != version {
			continue
		}
		s := "What changed in this version"
		if i+1 < len(changes) {
			s += " (since version " + changes[i+1].Version + ")"
		}
		s += ":\n" + c.Summary + "\n"
		for _, pc := range c.Pages {
			s += "- " + pc.Title + ": " + pc.Note + "\n"
		}
		return s
	}
	return ""
}

// ReviewList checks the project's authored files as a build does and returns
// the pack and every entry with review fields, for `guidepack review`.
func ReviewList(root string) (Pack, []review.Entry, error) {
	p, err := readPack(root)
	if err != nil {
		return p, nil, err
	}
	res, lintErr := lint.Project(root)
	scs, scErr := scenario.Load(root, res.Codes)
	all, err := diag.Gather(lintErr, scErr)
	if err != nil {
		return p, nil, err
	}
	if err := all.Err(); err != nil {
		return p, nil, err
	}
	return p, Reviews(res, scs), nil
}
