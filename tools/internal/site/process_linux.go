package site

import (
	"os"
	"os/exec"
	"syscall"
)

// diesWithParent has the kernel kill the child when this process ends, and
// passes it the files to hold.
func diesWithParent(cmd *exec.Cmd, inherit []*os.File) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	cmd.ExtraFiles = inherit
}
