package procmem_test

import (
	"os"
	"os/exec"
	"runtime"
	"testing"

	qt "github.com/frankban/quicktest"
	"github.com/guidepack/guidepack/tools/internal/procmem"
)

func TestThisProcessAndAChild(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("/proc is Linux's")
	}
	now, peak := procmem.Resident("self"), procmem.Peak()
	qt.Check(t, now > 1<<20, qt.IsTrue, qt.Commentf("resident %d bytes", now))
	qt.Check(t, peak >= now, qt.IsTrue, qt.Commentf("peak %d < resident %d", peak, now))
	qt.Check(t, procmem.Resident("no-such-process"), qt.Equals, int64(0))

	cmd := exec.Command(os.Args[0], "-test.run", "^$")
	qt.Assert(t, cmd.Run(), qt.IsNil)
	qt.Check(t, procmem.PeakOf(cmd.ProcessState) > 1<<20, qt.IsTrue, qt.Commentf("a Go test binary holds more than 1 MiB"))
}
