//go:build unix && !linux

package publish

import "syscall"

func unixSync() error { syscall.Sync(); return nil }
