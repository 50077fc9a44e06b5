//go:build !linux

package publish

import (
	"errors"
	"runtime"
	"syscall"
)

const isWindows = runtime.GOOS == "windows"

// syncFS: on Unix, sync(2) for everything, in one call (on macOS it schedules
// the writes rather than wait for them); on Windows, SyncTree syncs file by
// file.
func syncFS(string) error {
	if isWindows {
		return errors.ErrUnsupported
	}
	return unixSync()
}

// crossDevice: EXDEV on Unix; ERROR_NOT_SAME_DEVICE (17) on Windows.
func crossDevice(err error) bool {
	var errno syscall.Errno
	return errors.As(err, &errno) && (errno == syscall.EXDEV || isWindows && errno == 17)
}

// StartSync does nothing here (see the Linux one).
func StartSync(string) {}
