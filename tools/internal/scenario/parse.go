package scenario

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/markdown"
	"github.com/guidepack/guidepack/tools/internal/parallel"
	"github.com/guidepack/guidepack/tools/internal/review"
	"github.com/guidepack/guidepack/tools/internal/slug"
	"go.yaml.in/yaml/v3"
)

// Load reads and checks every scenarios/*.yaml under root. codes are the code ids
// data/codes.yaml defines. It returns diag.Problems when anything is wrong.
func Load(root string, codes []string) ([]*Scenario, error) {
	return new(Cache).Load(root, codes)
}

// Cache keeps what Load found in each file, for the next Load (guidepack serve
// loads on every save): a file whose size and time on disk are as they were,
// with the same codes, is not read again, and gives the same *Scenario values,
// which the caller may use as keys for work of its own. The scenarios are not
// changed once loaded. The zero Cache is ready; one Load at a time.
type Cache struct {
	codes string
	files map[string]cachedFile
}

type cachedFile struct {
	size  int64
	mtime time.Time
	src   []byte
	scs   []*Scenario
	ps    diag.Problems
}

// Load is the package's Load, reading and parsing only the files changed since
// the last.
func (c *Cache) Load(root string, codes []string) ([]*Scenario, error) {
	if key := strings.Join(codes, "\x00"); key != c.codes || c.files == nil {
		c.codes, c.files = key, map[string]cachedFile{}
	}
	files, err := filepath.Glob(filepath.Join(root, "scenarios", "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var all []*Scenario
	var ps diag.Problems
	yml, _ := filepath.Glob(filepath.Join(root, "scenarios", "*.yml"))
	for _, f := range yml {
		name, _ := filepath.Rel(root, f)
		ps = append(ps, diag.Problem{File: filepath.ToSlash(name), Line: 1, Col: 1, Whole: true, Msg: "this scenario is not read: scenario files end in .yaml",
			Hint: "rename it to " + strings.TrimSuffix(filepath.Base(f), ".yml") + ".yaml"})
	}
	// Read and parse the files on every core, then take their scenarios and
	// problems in file order.
	type file struct {
		name string
		cachedFile
		err error
	}
	read := make([]file, len(files))
	parallel.For(len(files), func(i int) {
		f := &read[i]
		name, _ := filepath.Rel(root, files[i])
		f.name = filepath.ToSlash(name)
		fi, err := os.Stat(files[i])
		if err != nil {
			f.err = err
			return
		}
		if was, ok := c.files[f.name]; ok && was.size == fi.Size() && was.mtime.Equal(fi.ModTime()) {
			f.cachedFile = was
			return
		}
		f.size, f.mtime = fi.Size(), fi.ModTime()
		f.src, f.err = os.ReadFile(files[i])
		if f.err != nil {
			return
		}
		if int64(len(f.src)) != f.size {
			f.mtime = time.Time{} // changed while read: read again next time
		}
		f.scs, f.ps = Parse(f.name, f.src, codes)
	})
	kept := make(map[string]cachedFile, len(read))
	seen := map[string]string{}
	for _, f := range read {
		if f.err != nil {
			return nil, f.err
		}
		kept[f.name] = f.cachedFile
		name, src := f.name, f.src
		ps = append(ps, f.ps...)
		for _, s := range f.scs {
			line, col := 1, 1
			if s.idAt != nil {
				line, col = s.idAt.Line, s.idAt.Column
			}
			if s.ID == "" {
				continue // reported already
			}
			if other, dup := seen[s.ID]; dup {
				ps = append(ps, diag.Problem{File: name, Line: line, Col: col, Msg: fmt.Sprintf("scenario id %q is also used in %s", s.ID, other),
					Hint: "give each scenario (and each variant) its own id", Source: diag.LineOf(src, line)})
				continue
			}
			seen[s.ID] = fmt.Sprintf("%s:%d", name, line)
			all = append(all, s)
		}
	}
	c.files = kept
	return all, ps.Err()
}

// reader walks one file's YAML, collecting problems.
type reader struct {
	file  string
	src   []byte
	codes map[string]bool
	ps    diag.Problems
	meant map[*yaml.Node]map[string]bool // per mapping, the fields an unknown key was taken for
}

// missing reports that the mapping m has no field key, unless an unknown key in it
// was already reported as a misspelling of key.
func (r *reader) missing(m *yaml.Node, key, msg, hint string) {
	if !r.meant[m][key] {
		r.add(m, msg, hint)
	}
}

func (r *reader) add(n *yaml.Node, msg, hint string) {
	r.ps = append(r.ps, diag.At(r.file, n, msg, hint))
}

// Parse reads one scenario file. It never panics, whatever src holds. Each
// problem quotes the line it is on.
func Parse(name string, src []byte, codes []string) ([]*Scenario, diag.Problems) {
	scs, ps := parse(name, src, codes)
	ps.Quote(name, src)
	return scs, ps
}

func parse(name string, src []byte, codes []string) ([]*Scenario, diag.Problems) {
	r := &reader{file: name, src: src, codes: map[string]bool{}, meant: map[*yaml.Node]map[string]bool{}}
	for _, c := range codes {
		r.codes[c] = true
	}
	doc, perr := diag.ParseYAML(name, src)
	if perr != nil {
		return nil, diag.Problems{*perr}
	}
	// A key given twice anywhere (a step, a choice, the top) is lost: report it
	// at both places, here, once.
	r.ps = append(r.ps, diag.DuplicateKeys(name, doc)...)
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var first, second yaml.Node
	if dec.Decode(&first) == nil && dec.Decode(&second) == nil && len(second.Content) > 0 &&
		!(second.Content[0].Kind == yaml.ScalarNode && second.Content[0].Tag == "!!null" && second.Content[0].Value == "") {
		r.add(&second, "a scenario file holds one scenario, but --- starts a second one here",
			"put each scenario in a file of its own; variants of one go under variants:")
	}
	if len(doc.Content) == 0 {
		return nil, diag.Problems{{File: name, Line: 1, Col: 1, Msg: "the file is empty", Hint: "see docs/authoring.md for a scenario to start from"}}
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		r.add(top, "a scenario file must be fields (key: value)", "start with id: and title:")
		return nil, r.ps
	}
	fields := r.fields(top, topFields)
	base := &Scenario{File: name}
	r.meta(base, fields, true)
	stepNodes := r.stepNodes(fields["steps"])

	var out []*Scenario
	if vs, ok := fields["variants"]; ok {
		if vs.Kind != yaml.SequenceNode || len(vs.Content) == 0 {
			msg := "variants must be a list"
			if vs.Kind == yaml.SequenceNode {
				msg = "variants is an empty list"
			}
			r.add(vs, msg, "give each variant its id and what it changes, e.g. - id: friend-request-children, or remove variants:")
		} else {
			var runs []variantRun
			for _, vn := range vs.Content {
				if vn.Kind != yaml.MappingNode {
					r.add(vn, "each variant must be fields (key: value)", "start it with id:")
					continue
				}
				before := r.ps
				r.ps = nil
				vf := r.fields(vn, variantFields)
				v := *base
				v.Codes = append([]string(nil), base.Codes...)
				v.given = map[string]bool{}
				for k := range base.given {
					v.given[k] = true
				}
				r.meta(&v, vf, false)
				if _, ok := vf["id"]; !ok {
					r.add(vn, "this variant has no id", "add id: a name for the variant, e.g. friend-request-adults")
				}
				steps := mergeSteps(stepNodes, r.stepNodes(vf["steps"]))
				out = append(out, r.finish(&v, steps, vn))
				name := fmt.Sprintf("the variant at line %d", vn.Line)
				if v.ID != "" && v.ID != base.ID {
					name = fmt.Sprintf("variant %q", v.ID)
				}
				runs = append(runs, variantRun{name, r.ps})
				r.ps = before
			}
			r.ps = append(r.ps, shared(runs, vs.Line)...)
		}
	} else {
		out = append(out, r.finish(base, stepNodes, top))
	}
	r.ps.Sort()
	return out, r.ps
}

// variantRun is the problems found in one variant (with the base it shares).
type variantRun struct {
	name string
	ps   diag.Problems
}

// shared reports a problem that every variant has once; a problem in the shared
// base (above the variants, which start at line from) that only some variants
// have names them, as it comes from what they change.
func shared(runs []variantRun, from int) diag.Problems {
	count := map[string]int{}
	for _, run := range runs {
		seen := map[string]bool{}
		for _, p := range run.ps {
			if k := p.String(); !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	var out diag.Problems
	done := map[string]bool{}
	for _, run := range runs {
		for _, p := range run.ps {
			k := p.String()
			if count[k] == len(runs) || p.Line >= from {
				if !done[k] {
					done[k] = true
					out = append(out, p)
				}
				continue
			}
			p.Msg += " (in " + run.name + ")"
			out = append(out, p)
		}
	}
	return out
}

// stepNode is a step's fields as written, before parsing.
type stepNode struct {
	id      string
	node    *yaml.Node // the mapping
	fields  map[string]*yaml.Node
	keys    map[string]*yaml.Node
	version string // see Step.Version
}

func (r *reader) stepNodes(n *yaml.Node) []*stepNode {
	if n == nil {
		return nil
	}
	if n.Kind != yaml.SequenceNode {
		r.add(n, "steps must be a list", "start each step with a dash: - id: ...")
		return nil
	}
	var out []*stepNode
	for _, sn := range n.Content {
		if sn.Kind != yaml.MappingNode {
			r.add(sn, "each step must be fields (key: value)", "start it with id:")
			continue
		}
		s := &stepNode{node: sn, fields: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
		for i := 0; i+1 < len(sn.Content); i += 2 {
			s.fields[sn.Content[i].Value] = sn.Content[i+1]
			s.keys[sn.Content[i].Value] = sn.Content[i]
		}
		if id := s.fields["id"]; id != nil && id.Kind == yaml.ScalarNode {
			s.id = id.Value
		}
		out = append(out, s)
	}
	return out
}

// mergeSteps applies a variant's steps to the base's: a variant step with a
// base step's id replaces the fields it gives (all of them when it makes the step
// another kind); other variant steps are added.
func mergeSteps(base, variant []*stepNode) []*stepNode {
	out := make([]*stepNode, 0, len(base)+len(variant))
	index := map[string]int{}
	for _, b := range base {
		c := &stepNode{id: b.id, node: b.node, fields: map[string]*yaml.Node{}, keys: map[string]*yaml.Node{}}
		for k, v := range b.fields {
			c.fields[k], c.keys[k] = v, b.keys[k]
		}
		if b.id != "" {
			index[b.id] = len(out)
		}
		out = append(out, c)
	}
	for _, v := range variant {
		i, ok := index[v.id]
		if !ok || v.id == "" {
			a := *v
			a.version = VersionAdds
			out = append(out, &a)
			continue
		}
		c := out[i]
		c.version = VersionChanges
		for _, k := range kindKeys {
			_, inVariant := v.fields[k]
			_, inBase := c.fields[k]
			if inVariant && !inBase {
				c.fields, c.keys = map[string]*yaml.Node{}, map[string]*yaml.Node{}
				c.node = v.node
				break
			}
		}
		for k, n := range v.fields {
			c.fields[k], c.keys[k] = n, v.keys[k]
		}
	}
	return out
}

var (
	topFields     = []string{"id", "title", "summary", "service", "codes", "minutes", "start", "steps", "variants", review.Reviewed, review.ReviewBy, review.Owner}
	variantFields = []string{"id", "title", "summary", "service", "codes", "minutes", "start", "steps", review.Reviewed, review.ReviewBy, review.Owner}
	stepFields    = []string{"id", "title", "situation", "question", "reflection", "ending", "choices", "options", "multiple", "next", "result", "points", "codes"}
	choiceFields  = []string{"text", "feedback", "judgement", "next"}
	optionFields  = []string{"text", "feedback", "correct"}
	kindKeys      = []string{Situation, Question, Reflection, Ending}
)

// fields returns a mapping's values by key, reporting unknown and repeated keys.
func (r *reader) fields(m *yaml.Node, known []string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !contains(known, k.Value) {
			hint := "the fields here are " + strings.Join(known, ", ")
			if n := diag.Nearest(k.Value, known); n != "" {
				hint = fmt.Sprintf("did you mean %q? ", n) + hint
				if r.meant[m] == nil {
					r.meant[m] = map[string]bool{}
				}
				r.meant[m][n] = true
			}
			r.add(k, fmt.Sprintf("unknown field %q", k.Value), hint)
			continue
		}
		out[k.Value] = v
	}
	return out
}

// meta reads the scenario's own fields (or a variant's, which override the base's).
func (r *reader) meta(s *Scenario, f map[string]*yaml.Node, isBase bool) {
	if s.given == nil {
		s.given = map[string]bool{}
	}
	for k := range f {
		s.given[k] = true
	}
	if n, ok := f["id"]; ok {
		s.ID = r.slug(n, "id")
		s.idAt = n
	}
	if n, ok := f["title"]; ok {
		s.Title = r.plain(n, "title")
	}
	if n, ok := f["summary"]; ok {
		s.Summary = r.plain(n, "summary")
	}
	if n, ok := f["service"]; ok {
		s.Service = r.oneOf(n, "service", Services)
	}
	if n, ok := f["codes"]; ok {
		s.Codes = r.codeList(n)
	}
	if n, ok := f["minutes"]; ok {
		s.Minutes = r.number(n, "minutes")
	}
	if n, ok := f["start"]; ok {
		s.Start = r.slug(n, "start")
		s.startAt = n
	}
	for k, n := range f {
		s.reviewAt.Set(k, n) // a variant's override the base's
	}
}

// finish parses the steps and checks the scenario as a whole.
func (r *reader) finish(s *Scenario, nodes []*stepNode, at *yaml.Node) *Scenario {
	s.Review = &review.Entry{Kind: "scenario", Key: s.ID, Title: s.Title, File: r.file, Line: at.Line, Col: at.Column}
	r.ps = append(r.ps, review.Check(r.file, s.reviewAt, s.Review)...)
	for _, need := range []struct{ v, name, hint string }{
		{s.ID, "id", "add id: a short name in lower case with dashes, e.g. friend-request"},
		{s.Title, "title", "add title: what the scenario is about"},
		{s.Service, "service", "add service: children, adults or all"},
	} {
		if need.v == "" && !s.given[need.name] && !r.meant[at][need.name] {
			r.add(at, fmt.Sprintf("the scenario %shas no %s", named(s.ID), need.name), need.hint)
		}
	}
	if len(nodes) == 0 {
		r.add(at, fmt.Sprintf("the scenario %shas no steps", named(s.ID)), "add steps: a list of situations, questions, reflections and endings")
		return s
	}
	ids := map[string]*stepNode{}
	for _, n := range nodes {
		st := r.step(n)
		if st.ID != "" {
			if first, dup := ids[st.ID]; dup {
				r.add(n.fields["id"], fmt.Sprintf("step id %q is used twice", st.ID), fmt.Sprintf("it is first used at line %d; give each step its own id", first.node.Line))
				continue
			}
			ids[st.ID] = n
		}
		s.Steps = append(s.Steps, st)
	}
	if s.Start == "" {
		s.Start = s.Steps[0].ID
	}
	r.links(s, ids)
	return s
}

func named(id string) string {
	if id == "" {
		return ""
	}
	return strconv.Quote(id) + " "
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// text reads a non-empty plain text.
func (r *reader) text(n *yaml.Node, key string) string {
	if n.Kind != yaml.ScalarNode {
		r.add(n, key+" must be text", "write it after the colon, or as a block starting with |")
		return ""
	}
	if tagged(n) {
		written := []rune(diag.LineOf(r.src, n.Line))
		r.add(n, fmt.Sprintf("YAML reads the %s at the start of %s as a tag, not as text", n.Tag, key),
			fmt.Sprintf("put the text in quotes: %s: %q", key, strings.TrimSpace(string(written[min(n.Column-1, len(written)):]))))
		return ""
	}
	if strings.TrimSpace(n.Value) == "" {
		r.add(n, key+" is empty", "write the "+key)
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// plain reads a plain text (a title), which holds no HTML: it would be shown
// as it is written.
func (r *reader) plain(n *yaml.Node, key string) string {
	s := r.text(n, key)
	if line, col, tag := markdown.RawHTML(s); tag != "" {
		l, c := diag.InText(r.src, &yaml.Node{}, n, line, col)
		r.ps = append(r.ps, diag.Problem{File: r.file, Line: l, Col: c, Msg: fmt.Sprintf("raw HTML %s in %s, which would be shown as it is written", tag, key),
			Hint: key + " is plain text: leave the tag out"})
		return ""
	}
	return s
}

// md reads Markdown text, which must hold no raw HTML, and where it is.
func (r *reader) md(k, n *yaml.Node, key string) (string, Where) {
	s := r.text(n, key)
	at := Where{File: r.file, Line: n.Line, Col: n.Column, key: k, value: n, src: r.src}
	if s != "" {
		at.trim = strings.Index(n.Value, s) // the value was trimmed
	}
	if i := strings.Index(s, "{{"); i >= 0 && i+2 < len(s) && (s[i+2] == '<' || s[i+2] == '%') {
		line := strings.Count(s[:i], "\n")
		lineStart := strings.LastIndexByte(s[:i], '\n') + 1
		l, c := at.In(line, diag.Chars(s[lineStart:], i-lineStart+1))
		r.ps = append(r.ps, diag.Problem{File: r.file, Line: l, Col: c, Msg: fmt.Sprintf("a shortcode in %s, which is shown as it is written", key),
			Hint: "shortcodes such as {{< code \"5.8\" >}} work in pages, not in scenarios: name the code in words, and list it under codes: of an ending"})
	}
	if line, col, tag := markdown.RawHTML(s); tag != "" {
		if lines := strings.Split(s, "\n"); line < len(lines) {
			col = diag.Chars(lines[line], col)
		}
		l, c := at.In(line, col)
		r.ps = append(r.ps, diag.Problem{File: r.file, Line: l, Col: c, Msg: fmt.Sprintf("raw HTML %s in %s", tag, key),
			Hint: "write Markdown instead: **bold**, [link text](page.md), lists with -; HTML is not allowed in scenarios"})
	}
	return s, at
}

func (r *reader) slug(n *yaml.Node, key string) string {
	s := r.text(n, key)
	if msg, hint := diag.LongID(key, s); msg != "" {
		r.add(n, msg, hint)
		return ""
	}
	if s != "" && !slug.Valid(s) {
		r.add(n, fmt.Sprintf("%s %q must be lower-case letters, digits and dashes", key, s), "e.g. "+slug.Make(s))
		return ""
	}
	return s
}

func (r *reader) oneOf(n *yaml.Node, key string, allowed []string) string {
	s := r.text(n, key)
	if s != "" && !contains(allowed, s) {
		hint := key + " is one of " + strings.Join(allowed, ", ")
		if near := diag.Nearest(s, allowed); near != "" {
			hint = fmt.Sprintf("did you mean %q? ", near) + hint
		}
		r.add(n, fmt.Sprintf("%s %q is not one of %s", key, s, strings.Join(allowed, ", ")), hint)
		return ""
	}
	return s
}

func (r *reader) number(n *yaml.Node, key string) int {
	v, err := strconv.Atoi(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil || v < 1 {
		r.add(n, key+" must be a whole number, 1 or more", "e.g. "+key+": 10")
		return 0
	}
	return v
}

func (r *reader) boolean(n *yaml.Node, key string) bool {
	switch n.Value {
	case "true", "yes":
		return true
	case "false", "no":
		return false
	}
	r.add(n, key+" must be true or false", "e.g. "+key+": true")
	return false
}

func (r *reader) codeList(n *yaml.Node) []string {
	if n.Kind != yaml.SequenceNode {
		r.add(n, "codes must be a list", `write them in square brackets: codes: ["5.8"]`)
		return nil
	}
	var out []string
	for _, c := range n.Content {
		if c.Kind != yaml.ScalarNode || !r.codes[c.Value] {
			r.add(c, fmt.Sprintf("unknown code %q", c.Value), "the codes are listed in data/codes.yaml: "+r.codeNames())
			continue
		}
		out = append(out, c.Value)
	}
	return out
}

func (r *reader) codeNames() string {
	var ids []string
	for c := range r.codes {
		ids = append(ids, strconv.Quote(c))
	}
	sort.Strings(ids)
	if len(ids) == 0 {
		return "none yet"
	}
	return strings.Join(ids, ", ")
}

// tagged says whether YAML took what the author began a text with (! as in a
// picture, ![x](p.png)) for a tag.
func tagged(n *yaml.Node) bool {
	return strings.HasPrefix(n.Tag, "!") && !strings.HasPrefix(n.Tag, "!!")
}
