//go:build !unix

package procmem

import "os"

// PeakOf returns 0: this system does not report a process's peak memory.
func PeakOf(ps *os.ProcessState) int64 { return 0 }
