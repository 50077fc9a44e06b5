package scenario_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/scenario"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// The JSON Schema in scenarios/schema.json is what authors' editors check and
// complete scenario files with; these tests keep it in step with the checker.

var schemaFile = filepath.Join("..", "..", "..", "scenarios", "schema.json")

func loadSchema(t *testing.T) (*jsonschema.Schema, map[string]any) {
	t.Helper()
	b, err := os.ReadFile(schemaFile)
	qt.Assert(t, err, qt.IsNil)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
	qt.Assert(t, err, qt.IsNil)
	c := jsonschema.NewCompiler()
	qt.Assert(t, c.AddResource("schema.json", doc), qt.IsNil)
	s, err := c.Compile("schema.json")
	qt.Assert(t, err, qt.IsNil)
	var raw map[string]any
	qt.Assert(t, json.Unmarshal(b, &raw), qt.IsNil)
	return s, raw
}

// asJSON reads YAML as the JSON value an editor's YAML language server validates.
func asJSON(t *testing.T, src string) any {
	t.Helper()
	// The language server reads YAML 1.2, which has no dates: reviewed:
	// 2026-11-01 is the text "2026-11-01" (yaml.v3 would make it a time).
	var n yaml.Node
	qt.Assert(t, yaml.Unmarshal([]byte(src), &n), qt.IsNil)
	var plain func(*yaml.Node)
	plain = func(n *yaml.Node) {
		if n.Tag == "!!timestamp" {
			n.Tag = "!!str"
		}
		for _, c := range n.Content {
			plain(c)
		}
	}
	plain(&n)
	var v any
	if n.Kind != 0 {
		qt.Assert(t, n.Decode(&v), qt.IsNil)
	}
	b, err := json.Marshal(v)
	qt.Assert(t, err, qt.IsNil)
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(string(b)))
	qt.Assert(t, err, qt.IsNil)
	return doc
}

func TestSchemaAcceptsSoundScenarios(t *testing.T) {
	s, _ := loadSchema(t)
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "scenarios", "*.yaml"))
	qt.Assert(t, len(files) > 0, qt.IsTrue)
	for _, f := range files {
		b, err := os.ReadFile(f)
		qt.Assert(t, err, qt.IsNil)
		qt.Assert(t, strings.HasPrefix(string(b), "# yaml-language-server: $schema=schema.json\n"), qt.IsTrue,
			qt.Commentf("%s: the first line names the schema for editors", f))
		qt.Assert(t, s.Validate(asJSON(t, string(b))), qt.IsNil, qt.Commentf("%s", f))
	}
	qt.Assert(t, s.Validate(asJSON(t, good)), qt.IsNil)
}

// Mistakes the checker reports that an editor can show as the author types.
func TestSchemaRejectsMistakes(t *testing.T) {
	s, _ := loadSchema(t)
	for _, tc := range []struct{ name, old, new string }{
		{"unknown field", "title: A small scenario", "titel: A small scenario"},
		{"unknown service", "service: all", "service: adult"},
		{"bad judgement", "        judgement: poor", "        judgement: bad"},
		{"choice without next", "        next: ask\n", ""},
		{"step id not a slug", "  - id: ask", "  - id: Ask Them"},
		{"two kinds", "    ending: Done.", "    ending: Done.\n    situation: More."},
		{"field of another kind", "    result: good", "    next: start"},
		{"empty text", "    ending: Done.", `    ending: ""`},
		{"not a list", "    points: [Think first.]", "    points: Think first."},
		{"unknown step field", "    question: Who decides?", "    question: Who decides?\n    hint: none"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(good, tc.old, tc.new, 1)
			qt.Assert(t, src, qt.Not(qt.Equals), good)
			_, ps := scenario.Parse("scenarios/small.yaml", []byte(src), codes)
			qt.Assert(t, len(ps) > 0, qt.IsTrue, qt.Commentf("the checker accepts it"))
			qt.Assert(t, s.Validate(asJSON(t, src)), qt.IsNotNil, qt.Commentf("the schema accepts it"))
		})
	}
}

// Every field the checker knows is in the schema, and no other.
func TestSchemaNamesTheCheckersFields(t *testing.T) {
	_, raw := loadSchema(t)
	defs := raw["$defs"].(map[string]any)
	props := func(v any) []string {
		var out []string
		for k := range v.(map[string]any)["properties"].(map[string]any) {
			out = append(out, k)
		}
		sort.Strings(out)
		return out
	}
	variants := raw["properties"].(map[string]any)["variants"].(map[string]any)["items"]
	var stepKinds []string
	for _, alt := range defs["step"].(map[string]any)["oneOf"].([]any) {
		stepKinds = append(stepKinds, props(alt)...)
	}
	stepKinds = unique(stepKinds)
	for _, tc := range []struct {
		where  string
		schema []string
	}{
		{"scenario", props(raw)},
		{"variant", props(variants)},
		{"step", props(defs["stepOverride"])},
		{"step", stepKinds},
		{"choice", props(defs["choice"])},
		{"option", props(defs["option"])},
	} {
		want := append([]string(nil), scenario.Fields[tc.where]...)
		sort.Strings(want)
		qt.Assert(t, tc.schema, qt.DeepEquals, want, qt.Commentf("the fields of a %s", tc.where))
	}
}

func unique(s []string) []string {
	sort.Strings(s)
	var out []string
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}
