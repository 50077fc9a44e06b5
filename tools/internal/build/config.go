package build

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/review"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Pack is what the build needs to know from config.toml.
type Pack struct {
	Title   string
	BaseURL string
	Params  struct {
		Pack        string
		Description string
		Version     string
		Released    string // YYYY-MM-DD, written as text or as a TOML date
		WebAddress  string
		// Review: the owner of content that names none, how long after a
		// review the next is due, and whether an overdue review is a warning
		// or fails the build.
		ReviewOwner   string
		ReviewEvery   string
		ReviewOverdue string
		// Feedback is where readers may tell the publisher about a page
		// (mailto: or https:); empty: no feedback link.
		Feedback string
		// Notices are the versions whose changes pages announce; empty:
		// the newest in data/changes.yaml.
		Notices []string
		// NoMaps: scenarioMaps = false, the scenarios' maps are left out of
		// the pack (their pages, their facilitator sheets).
		NoMaps bool
	}
	// Review is the pack's review policy, its clock the released date.
	Review review.Policy

	noticesAt [2]int // where changeNotices is set: line, column
}

// Name is the zip's base name and its top folder: <pack>-<version>.
func (p Pack) Name() string { return p.Params.Pack + "-" + p.Params.Version }

var (
	slug = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]*$`)
	date = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// configName is config.toml as problems name it.
const configName = "config.toml"

// setting is one value of config.toml and where it is written.
type setting struct {
	kind      unstable.Kind
	value     string
	line, col int
}

// readPack reads config.toml and checks the settings the pack is made from:
// every problem at once, each at its line with what to write.
func readPack(root string) (Pack, error) {
	b, err := os.ReadFile(filepath.Join(root, configName))
	if err != nil {
		return Pack{}, err
	}
	p, ps := parsePack(b)
	ps.Quote(configName, b)
	return p, ps.Err()
}

func parsePack(b []byte) (Pack, diag.Problems) {
	var p Pack
	if pr := diag.Text(configName, b); pr != nil {
		return p, diag.Problems{*pr}
	}
	// Hugo reads the file too: a syntax error is the parser's, at its place.
	var doc map[string]any
	if err := toml.Unmarshal(b, &doc); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, col := de.Position()
			words := strings.TrimPrefix(de.Error(), "toml: ")
			pr := diag.Problem{File: configName, Line: row, Col: col, Msg: "this is not valid TOML: " + words,
				Hint: `write each setting as key = value, with text in quotes: title = "My pack"`}
			if line := diag.LineOf(b, row); strings.Contains(words, "new lines") && strings.Contains(line, `"`) {
				pr.Col = diag.Chars(line, strings.LastIndex(line, `"`)+1)
				pr.Msg = `the quote " opened here is not closed`
				pr.Hint = `end the text with " on the same line` + "\n(the TOML parser said: " + words + ")"
			}
			return p, diag.Problems{pr}
		}
		return p, diag.Problems{{File: configName, Line: 1, Col: 1, Msg: "this is not valid TOML: " + err.Error()}}
	}
	set := settings(b)
	var ps diag.Problems
	at := func(key string) (int, int) {
		if s, ok := set[key]; ok {
			return s.line, s.col
		}
		return 1, 1
	}
	text := func(key, what, example string) string {
		s, ok := set[key]
		if !ok {
			where := "at the top of the file, before any [table]"
			if strings.HasPrefix(key, "params.") {
				where = "under [params]"
			}
			ps = append(ps, diag.Problem{File: configName, Line: 1, Col: 1, Whole: true, Msg: fmt.Sprintf("config.toml has no %s (%s)", key, what),
				Hint: fmt.Sprintf("add %s = %s %s", last(key), example, where)})
			return ""
		}
		if s.kind != unstable.String {
			ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: fmt.Sprintf("%s is text, in quotes", key),
				Hint: fmt.Sprintf("write %s = %q", last(key), s.value)})
			return ""
		}
		if strings.TrimSpace(s.value) == "" {
			ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: fmt.Sprintf("%s is empty (%s)", key, what),
				Hint: fmt.Sprintf("write %s = %s", last(key), example)})
		}
		return s.value
	}
	p.Title = text("title", "the pack's title, on every page and handout", `"Social media guidance"`)
	p.Params.Pack = text("params.pack", "the short name of the zip", `"social-media-guidance"`)
	if v := p.Params.Pack; v != "" && !slug.MatchString(v) {
		l, c := at("params.pack")
		ps = append(ps, diag.Problem{File: configName, Line: l, Col: c, Msg: fmt.Sprintf("pack = %q is not a short name", v),
			Hint: `use lower-case letters, digits and dashes, e.g. pack = "social-media-guidance"`})
		p.Params.Pack = ""
	}
	p.Params.Version = text("params.version", "the pack's version", `"1.0.0"`)
	if s, ok := set["params.description"]; ok && s.kind == unstable.String {
		p.Params.Description = s.value // optional: the web app manifest's description
	}
	if v := p.Params.Version; v != "" && !slug.MatchString(v) {
		l, c := at("params.version")
		ps = append(ps, diag.Problem{File: configName, Line: l, Col: c, Msg: fmt.Sprintf("version = %q is not a version", v),
			Hint: `write a version such as version = "1.0.0"`})
		p.Params.Version = ""
	}
	if s, ok := set["params.released"]; !ok {
		ps = append(ps, diag.Problem{File: configName, Line: 1, Col: 1, Whole: true, Msg: "config.toml has no params.released (the release date printed on handouts)",
			Hint: "add released = 2026-11-25 under [params]"})
	} else if (s.kind != unstable.String && s.kind != unstable.LocalDate) || !date.MatchString(s.value) {
		ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: "released is a date, year-month-day",
			Hint: "write released = 2026-11-25"})
	} else {
		p.Params.Released = s.value
	}
	p.Params.WebAddress = text("params.webAddress", "where the newest version of the pack lives, printed on every handout", `"https://example.org/my-pack/"`)
	if v := p.Params.WebAddress; v != "" {
		if u, err := url.Parse(v); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			l, c := at("params.webAddress")
			ps = append(ps, diag.Problem{File: configName, Line: l, Col: c, Msg: fmt.Sprintf("webAddress = %q is not a web address", v),
				Hint: `write the address readers can open, starting https://, e.g. webAddress = "https://example.org/my-pack/"`})
			p.Params.WebAddress = ""
		}
	}
	ps = append(ps, p.readReview(set, doc)...)
	ps = append(ps, wholeNumbers(set)...)
	if s, ok := set["params.scenarioMaps"]; ok {
		if s.kind != unstable.Bool {
			v := s.value
			if s.kind == unstable.String {
				v = strconv.Quote(v)
			}
			ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: fmt.Sprintf("scenarioMaps = %s is neither true nor false", v),
				Hint: "write scenarioMaps = false, with no quotes, to leave the scenarios' maps out of the pack, or true (the default) to keep them"})
		} else {
			p.Params.NoMaps = s.value == "false"
		}
	}
	if s, ok := set["baseURL"]; ok {
		p.BaseURL = s.value
		if u, err := url.Parse(s.value); s.kind != unstable.String || err != nil || strings.Trim(u.Path, "/") != "" {
			ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: fmt.Sprintf("baseURL = %q: the pack does not support a base URL with a path", s.value),
				Hint: `every link in the pack is relative, so it works in any folder and from the zip: write baseURL = "/" and put the address it is published at in webAddress under [params]`})
		}
	}
	return p, ps
}

// last returns the last part of a dotted key.
func last(key string) string { return key[strings.LastIndexByte(key, '.')+1:] }

// settings returns every key = value of b (dotted, with its table: params.pack)
// with its place, from go-toml's parser. b is valid TOML.
func settings(b []byte) map[string]setting {
	out := map[string]setting{}
	var p unstable.Parser
	p.Reset(b)
	table := ""
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = dotted(e.Key())
			if e.Kind == unstable.ArrayTable {
				table = "[]" + table // settings of an array of tables are not ours
			}
		case unstable.KeyValue:
			key := dotted(e.Key())
			if table != "" {
				key = table + "." + key
			}
			v := e.Value()
			s := setting{kind: v.Kind, value: string(v.Data)}
			if v.Raw.Length > 0 {
				pos := p.Shape(v.Raw).Start
				s.line, s.col = pos.Line, pos.Column
			}
			if s.line == 0 { // an array or table value has no text of its own: its key's place
				if it := e.Key(); it.Next() && it.Node().Raw.Length > 0 {
					pos := p.Shape(it.Node().Raw).Start
					s.line, s.col = pos.Line, pos.Column
				}
			}
			if s.line == 0 {
				s.line, s.col = 1, 1
			}
			if _, seen := out[key]; !seen {
				out[key] = s
			}
		}
	}
	return out
}

func dotted(it unstable.Iterator) string {
	var parts []string
	for it.Next() {
		parts = append(parts, string(it.Node().Data))
	}
	return strings.Join(parts, ".")
}

// withProblems adds more problems (config.toml's) to err, what Prepare
// returned, so that every mistake found before Hugo is reported in one run.
func withProblems(err error, more diag.Problems) error {
	if len(more) == 0 {
		return err
	}
	var ps diag.Problems
	switch {
	case err == nil:
		return more.Err()
	case errors.As(err, &ps):
		return append(append(diag.Problems(nil), more...), ps...).Err()
	}
	return err
}

// readReview reads the optional review, feedback and notice settings.
func (p *Pack) readReview(set map[string]setting, doc map[string]any) diag.Problems {
	var ps diag.Problems
	opt := func(key, example string) (string, setting, bool) {
		s, ok := set["params."+key]
		if !ok {
			return "", s, false
		}
		if s.kind != unstable.String || strings.TrimSpace(s.value) == "" {
			ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: fmt.Sprintf("%s is text, in quotes", key),
				Hint: fmt.Sprintf("write %s = %s under [params], or leave it out", key, example)})
			return "", s, false
		}
		return strings.TrimSpace(s.value), s, true
	}
	if v, _, ok := opt("reviewOwner", `"Practice team"`); ok {
		p.Params.ReviewOwner = v
		p.Review.Owner = v
	}
	if v, s, ok := opt("reviewEvery", `"12 months"`); ok {
		if per, err := review.ParsePeriod(v); err != nil {
			ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: "reviewEvery " + err.Error(),
				Hint: `write how long after a review the next is due, e.g. reviewEvery = "12 months"`})
		} else {
			p.Params.ReviewEvery = v
			p.Review.Every = per
		}
	}
	p.Review.Overdue = "warning"
	if v, s, ok := opt("reviewOverdue", `"error"`); ok {
		if v != "warning" && v != "error" {
			ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: fmt.Sprintf("reviewOverdue = %q is neither \"warning\" nor \"error\"", v),
				Hint: `write reviewOverdue = "error" to stop the build when a review is overdue, or "warning" (the default) to be told`})
		} else {
			p.Review.Overdue = v
		}
	}
	p.Params.ReviewOverdue = p.Review.Overdue
	if v, s, ok := opt("feedback", `"mailto:guidance@example.org"`); ok {
		if u, err := url.Parse(v); err != nil || !(u.Scheme == "mailto" && u.Opaque != "" || u.Scheme == "https" && u.Host != "") {
			ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: fmt.Sprintf("feedback = %q is neither a mailto: nor an https: address", v),
				Hint: `write an email address, feedback = "mailto:guidance@example.org", or a web form's address starting https://`})
		} else {
			p.Params.Feedback = v
		}
	}
	if s, ok := set["params.changeNotices"]; ok {
		p.noticesAt = [2]int{s.line, s.col}
		params, _ := doc["params"].(map[string]any)
		list, _ := params["changeNotices"].([]any)
		for _, v := range list {
			if v, ok := v.(string); ok && strings.TrimSpace(v) != "" {
				p.Params.Notices = append(p.Params.Notices, strings.TrimSpace(v))
			} else {
				list = nil
				break
			}
		}
		if s.kind != unstable.Array || len(list) == 0 {
			p.Params.Notices = nil
			ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: "changeNotices is a list of versions",
				Hint: `write changeNotices = ["1.1.0", "1.0.1"]: the versions whose changes the changed pages announce`})
		}
	}
	if p.Params.Released != "" {
		p.Review.Clock, _ = time.Parse(review.Layout, p.Params.Released)
	}
	return ps
}

// ConfigProblems returns config.toml's problems (none when it is sound), for
// `serve`, which shows them with the others Prepare finds.
func ConfigProblems(root string) diag.Problems {
	_, err := readPack(root)
	var ps diag.Problems
	if errors.As(err, &ps) {
		return ps
	}
	if err != nil {
		return diag.Problems{{Msg: err.Error()}}
	}
	return nil
}

// counts are the settings that are a whole number above 0, with what they are
// and how to write one (the layouts read them; a text or 0 would silently turn
// a check off).
var counts = []struct{ key, what, example string }{
	{"params.imageMaxKB", "the largest image a page may show, in KB", "imageMaxKB = 500"},
	{"params.printWholePackMax", "the most pages the whole pack prints as one handout", "printWholePackMax = 400"},
}

// wholeNumbers checks the counts that are set.
func wholeNumbers(set map[string]setting) diag.Problems {
	var ps diag.Problems
	for _, c := range counts {
		s, ok := set[c.key]
		if !ok {
			continue
		}
		if n, err := strconv.Atoi(strings.ReplaceAll(s.value, "_", "")); s.kind != unstable.Integer || err != nil || n < 1 {
			ps = append(ps, diag.Problem{File: configName, Line: s.line, Col: s.col, Msg: fmt.Sprintf("%s is a whole number above 0 (%s)", last(c.key), c.what),
				Hint: "write " + c.example + ", with no quotes"})
		}
	}
	return ps
}
