// Package procmem reads how much memory processes hold, as the kernel counts
// it (resident set sizes), for the build's stage table and the benchmark.
// Where the system does not say, the figures are 0.
package procmem

import (
	"bytes"
	"os"
	"strconv"
)

// Resident returns the resident memory of a process ("self" or a pid) now, in
// bytes (VmRSS).
func Resident(pid string) int64 { return status(pid, "VmRSS:") }

// Peak returns this process's peak resident memory in bytes (VmHWM), since it
// started or since ResetPeak.
func Peak() int64 { return status("self", "VmHWM:") }

// ResetPeak starts a new peak (Linux: writing 5 to clear_refs resets VmHWM).
func ResetPeak() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// status returns a kB field of /proc/<pid>/status in bytes.
func status(pid, field string) int64 {
	b, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0
	}
	for _, line := range bytes.Split(b, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte(field)); ok {
			if f := bytes.Fields(v); len(f) > 0 {
				kb, _ := strconv.ParseInt(string(f[0]), 10, 64)
				return kb << 10
			}
		}
	}
	return 0
}
