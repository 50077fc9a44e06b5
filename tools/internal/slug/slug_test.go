package slug_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/guidepack/guidepack/tools/internal/slug"
)

func TestMakeGivesValid(t *testing.T) {
	for in, want := range map[string]string{
		"Friend Request!": "friend-request", "  a--b  ": "a-b", "Code 5.8": "code-5-8", "already-good": "already-good",
	} {
		got := slug.Make(in)
		if got != want || !slug.Valid(got) {
			t.Errorf("Make(%q) = %q (valid %v), want %q", in, got, slug.Valid(got), want)
		}
	}
	for _, bad := range []string{"", "A", "a--b", "-a", "a-", "a b", "a_b"} {
		if slug.Valid(bad) {
			t.Errorf("Valid(%q)", bad)
		}
	}
}

// The JSON Schema editors check scenario files with states the same rule.
func TestSchemaStatesTheRule(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "scenarios", "schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Defs struct {
			ID struct{ Pattern string } `json:"id"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(b, &schema); err != nil {
		t.Fatal(err)
	}
	if schema.Defs.ID.Pattern != slug.Pattern {
		t.Errorf("scenarios/schema.json $defs.id.pattern is %q; slug.Pattern is %q", schema.Defs.ID.Pattern, slug.Pattern)
	}
}
