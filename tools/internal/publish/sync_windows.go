package publish

import "errors"

func unixSync() error { return errors.ErrUnsupported }
