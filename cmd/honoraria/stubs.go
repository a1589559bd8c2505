package main

import (
	"fmt"
	"io"
)

func runCoverage(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "honoraria: coverage: not built yet")
	return 1
}

func runImport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "honoraria: import: not built yet")
	return 1
}
