// Command honoraria answers, from the bundled data, what a Belgian medical service costs and
// who pays what.
//
//	honoraria quote --code 101076 --date 2024-03-01 --insured preferential --dmg --json
//	honoraria year --year 2020 --json
//	honoraria coverage [--json]
//	honoraria search WORDS… [--lang fr|nl|de|en] [--date YYYY-MM-DD] [--json]
//	honoraria import FILE --out DIR
//
// Exit status: 0 answered, 2 bad input (one line on stderr naming the field and value),
// 3 a valid query the data cannot answer. Neither 2 nor 3 prints an amount.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"honoraria/calc"
	"honoraria/data"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

const usage = "usage: honoraria quote|year|compare|coverage|search|import … (see README.md)"

// run is the whole program, apart from the process, so that tests can call it.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	switch args[0] {
	case "quote":
		return runQuote(args[1:], stdout, stderr)
	case "year":
		return runYear(args[1:], stdout, stderr)
	case "coverage":
		return runCoverage(args[1:], stdout, stderr)
	case "import":
		return runImport(args[1:], stdout, stderr)
	case "search":
		return runSearch(args[1:], stdout, stderr)
	case "compare":
		return runCompare(args[1:], stdout, stderr)
	case "-h", "--help", "help":
		fmt.Fprintln(stdout, usage)
		return 0
	}
	fmt.Fprintf(stderr, "honoraria: bad input: command %q: must be quote, year, compare, coverage, search or import\n", args[0])
	return 2
}

// fail reports an error on one line and returns the exit status of its kind.
func fail(stderr io.Writer, err error) int {
	var ie *calc.InputError
	var nd *calc.NoDataError
	switch {
	case errors.As(err, &ie):
		short := calc.InputError{Field: shorten(ie.Field), Value: shorten(ie.Value), Reason: ie.Reason}
		fmt.Fprintln(stderr, "honoraria: bad input: "+oneLine(short.Error()))
		return 2
	case errors.As(err, &nd):
		// The nearest sourced periods help the reader; their amounts are in the JS API's
		// answer and the page, never printed with a no-data exit.
		msg := oneLine(err.Error())
		if nd.Last != nil {
			msg += " Last sourced fee: " + periodText(nd.Last.Period) + "."
		}
		if nd.Next != nil {
			msg += " Next sourced fee: " + periodText(nd.Next.Period) + "."
		}
		fmt.Fprintln(stderr, "honoraria: "+msg)
		return 3
	}
	fmt.Fprintln(stderr, "honoraria: "+oneLine(err.Error()))
	return 1
}

func periodText(p calc.Period) string {
	if p.To == 0 {
		return "from " + p.From.String() + ", until further notice"
	}
	return "from " + p.From.String() + " to " + p.To.String()
}

func oneLine(s string) string {
	out := []rune{}
	for _, r := range s {
		if r == '\n' || r == '\r' {
			r = ' '
		}
		out = append(out, r)
	}
	return string(out)
}

func printJSON(w io.Writer, v any) {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// dataFor loads the data folder of --data DIR when given (e.g. an import's result), else the
// bundled data. It returns the exit status to use when loading failed.
func dataFor(in map[string]string, stderr io.Writer) (*calc.Dataset, int) {
	dir, ok := in["data"]
	delete(in, "data")
	if !ok {
		return loadData(stderr)
	}
	ds, err := loadFolder(dir)
	if err != nil {
		return nil, fail(stderr, err)
	}
	return ds, 0
}

func loadData(stderr io.Writer) (*calc.Dataset, int) {
	ds, err := data.Load()
	if err != nil {
		fmt.Fprintln(stderr, "honoraria: bundled data is broken: "+oneLine(err.Error()))
		return nil, 1
	}
	return ds, 0
}
