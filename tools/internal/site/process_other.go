//go:build !linux

package site

import (
	"os"
	"os/exec"
	"runtime"
)

// diesWithParent passes the child the files to hold (Unix). The child ends
// when its stdin closes: there is no more to do here.
func diesWithParent(cmd *exec.Cmd, inherit []*os.File) {
	if runtime.GOOS != "windows" {
		cmd.ExtraFiles = inherit
	}
}
