//go:build !unix

package publish_test

import "os"

func killSelf() { os.Exit(9) } // the test that kills is Unix only
