//go:build !unix

package site

import "os"

// PeakRSS returns 0: this system does not report a process's peak memory.
func PeakRSS(ps *os.ProcessState) int64 { return 0 }
