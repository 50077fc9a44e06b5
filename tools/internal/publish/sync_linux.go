package publish

import (
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

const isWindows = false

// syncFS writes the whole file system holding path to disk, in one call.
func syncFS(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}

func crossDevice(err error) bool { return err == syscall.EXDEV }

// StartSync starts writing the file system holding path to disk in the
// background, so that Publish, later, waits for less. Elsewhere than Linux it
// does nothing.
func StartSync(path string) { go syncFS(path) }
