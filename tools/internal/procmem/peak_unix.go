//go:build unix

package procmem

import (
	"os"
	"syscall"
)

// PeakOf returns an ended process's peak resident memory in bytes (0 where the
// system does not say).
func PeakOf(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		if maxrssInBytes {
			return int64(ru.Maxrss)
		}
		return int64(ru.Maxrss) * 1024
	}
	return 0
}
