package main

import (
	"fmt"
	"io"
)

func cmdServe(args []string, stdout, stderr io.Writer) error {
	return fmt.Errorf("serve: not yet available")
}
