package scenario_test

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/diag"
	"github.com/guidepack/guidepack/tools/internal/scenario"
)

// The authoring guide's examples (docs/authoring.md) are what authors copy: the scenario, with the
// variants example added, must be sound, and the error it shows must be the one
// the checker gives.
func TestAuthoringPageExamples(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "docs", "authoring.md"))
	qt.Assert(t, err, qt.IsNil)
	blocks := regexp.MustCompile("(?s)```(yaml|text)\n(.*?)```").FindAllStringSubmatch(string(b), -1)
	qt.Assert(t, blocks, qt.HasLen, 5) // the last two are reviews and the change log (lint's test)
	example, variants, shown := blocks[0][2], blocks[1][2], blocks[2][2]

	scs, ps := scenario.Parse("scenarios/example.yaml", []byte(example), codes)
	qt.Assert(t, ps, qt.HasLen, 0)
	qt.Assert(t, scs, qt.HasLen, 1)

	// The variants example changes a step of the demo friend request.
	demo, err := os.ReadFile(filepath.Join("..", "..", "..", "scenarios", "friend-request.yaml"))
	qt.Assert(t, err, qt.IsNil)
	base, _, _ := strings.Cut(string(demo), "\nvariants:\n")
	scs, ps = scenario.Parse("scenarios/friend-request.yaml", []byte(base+"\n"+variants), codes)
	qt.Assert(t, ps, qt.HasLen, 0)
	qt.Assert(t, scs, qt.HasLen, 2)

	// The error shown is the one a misspelt next in the demo gives.
	broken := strings.Replace(string(demo), "next: check-policy", "next: chek-policy", 1)
	_, ps = scenario.Parse("scenarios/friend-request.yaml", []byte(broken), codes)
	qt.Assert(t, len(ps) > 0, qt.IsTrue)
	// As guidepack prints it, with the command's own printer.
	var want strings.Builder
	diag.Print(&want, errors.New(ps[0].String()))
	qt.Assert(t, shown, qt.Equals, want.String())
}
