//go:build !linux

package idle

import "errors"

func idleThreadsWork() bool { return false }

func setIdlePriority() error { return errors.New("no idle scheduling class here") }
