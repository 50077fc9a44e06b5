package needs

import (
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// ghost is a tool no machine has.
var ghost = &Tool{Name: "Ghost", Get: "sudo apt-get install ghost", find: func() (string, error) {
	return "", errors.New("not here")
}}

// In the child (GUIDEPACK_NEEDS_CHILD set), the package's tests are two that
// need the ghost tool and one that needs nothing.
func TestMain(m *testing.M) {
	if os.Getenv("GUIDEPACK_NEEDS_CHILD") != "" {
		os.Exit(Main(m, ghost))
	}
	os.Exit(m.Run())
}

func TestChildNeedsGhost(t *testing.T) {
	if os.Getenv("GUIDEPACK_NEEDS_CHILD") == "" {
		t.Skip("runs in the child")
	}
	Path(t, ghost)
	t.Fatal("ran without its tool")
}

func TestChildNeedsGhostToo(t *testing.T) { TestChildNeedsGhost(t) }

func TestChildNeedsNothing(t *testing.T) {}

func child(t *testing.T, args ...string) (string, error) {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestChild"}, args...)...)
	cmd.Env = append(os.Environ(), "GUIDEPACK_NEEDS_CHILD=1")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// A missing tool fails the run with one message naming it and how to get it,
// not one per test; the tests that need it are not reported as failures.
func TestMissingToolFailsOnce(t *testing.T) {
	out, err := child(t)
	if err == nil {
		t.Fatalf("the run passed without its tool:\n%s", out)
	}
	if n := strings.Count(out, "Ghost"); n != 1 {
		t.Errorf("the tool is named %d times, want once:\n%s", n, out)
	}
	for _, want := range []string{"guidepack: FAIL: Ghost is not installed: run bash tools/test", "sudo apt-get install ghost", "(2 tests skipped for want of it)"} {
		if !strings.Contains(out, want) {
			t.Errorf("the message lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "--- FAIL") {
		t.Errorf("tests fail one by one:\n%s", out)
	}
}

// -short passes, skipping the tests that need a tool, and says how many.
func TestShortSkipsAndCounts(t *testing.T) {
	out, err := child(t, "-test.short")
	if err != nil {
		t.Fatalf("-short failed: %v\n%s", err, out)
	}
	if !strings.Contains(out, "guidepack: -short skipped 2 tests that need Ghost") {
		t.Errorf("no count of skipped tests:\n%s", out)
	}
}

// Without Main (a package that forgot its TestMain) a missing tool fails the
// test that needs it, rather than skip it unseen.
func TestWithoutMainFails(t *testing.T) {
	if os.Getenv("GUIDEPACK_NEEDS_CHILD") != "" {
		t.Skip("not in the child")
	}
	ft := &fakeT{TB: t}
	func() {
		defer func() { recover() }()
		Path(ft, ghost)
	}()
	if !ft.fatal || !strings.Contains(ft.msg, "Ghost is not installed") {
		t.Errorf("Path without Main: fatal %v, %q", ft.fatal, ft.msg)
	}
}

type fakeT struct {
	testing.TB
	fatal bool
	msg   string
}

func (f *fakeT) Helper() {}
func (f *fakeT) Fatal(args ...any) {
	f.fatal = true
	f.msg = args[0].(string)
	panic("fatal")
}
