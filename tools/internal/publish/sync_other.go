//go:build !linux

package publish

import (
	"errors"
	"runtime"
	"syscall"
)

const isWindows = runtime.GOOS == "windows"

// syncFS is Linux only: elsewhere SyncTree syncs file by file.
func syncFS(string) error { return errors.ErrUnsupported }

// crossDevice: EXDEV on Unix; ERROR_NOT_SAME_DEVICE (17) on Windows.
func crossDevice(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == syscall.EXDEV || isWindows && errno == 17)
}
