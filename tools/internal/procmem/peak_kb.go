//go:build unix && !darwin

package procmem

const maxrssInBytes = false
