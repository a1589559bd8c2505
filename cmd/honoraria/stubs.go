package main

import (
	"fmt"
	"io"
)

func runImport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "honoraria: import: not built yet")
	return 1
}
