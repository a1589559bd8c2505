package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"honoraria/calc"
	"honoraria/data"
)

// runCoverage prints, per code and year, the kind of source behind each figure
// (calc.Dataset.Coverage). --data DIR reads another data folder (e.g. an import's result).
func runCoverage(args []string, stdout, stderr io.Writer) int {
	in, rest, err := parseFlags("coverage", args, []string{"json", "data"}, map[string]bool{"json": true})
	if err == errHelp {
		fmt.Fprintln(stdout, "usage: honoraria coverage [--data DIR] [--json]")
		return 0
	}
	if err != nil {
		return fail(stderr, err)
	}
	if len(rest) > 0 {
		return fail(stderr, &calc.InputError{Field: "arguments", Value: strings.Join(rest, " "), Reason: "coverage takes only --flags"})
	}
	asJSON, err := boolFlag("json", in)
	if err != nil {
		return fail(stderr, err)
	}
	ds, status := dataFor(in, stderr)
	if ds == nil {
		return status
	}
	cov := ds.Coverage()
	if asJSON {
		printJSON(stdout, cov.Object())
		return 0
	}
	printCoverage(stdout, cov)
	return 0
}

func oneOf(s string, list ...string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// boolFlag reads a flag given as --name or --name=true|false.
func boolFlag(name string, in map[string]string) (bool, error) {
	switch v, ok := in[name]; {
	case !ok:
		return false, nil
	case oneOf(strings.ToLower(v), "1", "true", "yes", "on"): // as calc.ParseQuery reads booleans
		return true, nil
	case oneOf(strings.ToLower(v), "0", "false", "no", "off"):
		return false, nil
	default:
		return false, &calc.InputError{Field: name, Value: v, Reason: "must be true or false"}
	}
}

// loadFolder loads a data folder from disk; a missing folder is bad input, a broken one a
// data error (exit 1) naming file, line and field.
func loadFolder(dir string) (*calc.Dataset, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, &calc.InputError{Field: "data", Value: dir, Reason: "not a folder"}
	}
	ds, err := data.LoadFrom(os.DirFS(dir))
	if err != nil {
		return nil, fmt.Errorf("data folder %s: %w", dir, err)
	}
	return ds, nil
}

// printCoverage writes the coverage as tables: one line per code and year with the kind of
// the fee and of the reimbursement/share per category (O ordinary, P preferential, +DMG).
func printCoverage(w io.Writer, cov calc.Coverage) {
	years := make([]string, len(cov.Years))
	for i, y := range cov.Years {
		years[i] = fmt.Sprint(y)
	}
	fmt.Fprintf(w, "Data folders: %s (figures from %d to %d)\n", strings.Join(years, " "), cov.FirstYear, cov.LastYear)
	fmt.Fprintf(w, "Years with no tariff row: %s\n", yearList(cov.YearsWithoutTariffs))
	fmt.Fprintf(w, "Years with no year parameter: %s\n", yearList(cov.YearsWithoutParams))
	fmt.Fprintf(w, "Kinds: %s (rule = derived from rules.csv; none = no data)\n\n", strings.Join(calc.Kinds(), ", "))

	cats := calc.Categories()
	fmt.Fprintf(w, "%-6s %-4s %-10s", "code", "year", "fee")
	for _, c := range cats {
		fmt.Fprintf(w, " %-16s", "reimb/share "+shortCat(c))
	}
	fmt.Fprintf(w, " %s\n", "rows")
	for _, cc := range cov.Codes {
		for _, yc := range cc.Years {
			fee := strings.Join(yc.Fee, "+")
			if yc.Partial && len(yc.Rows) > 0 {
				fee += "*"
			}
			fmt.Fprintf(w, "%-6s %-4d %-10s", cc.Code, yc.Year, fee)
			for _, c := range cats {
				fmt.Fprintf(w, " %-16s", strings.Join(yc.Reimbursement[c], "+"))
			}
			var rows []string
			for _, r := range yc.Rows {
				rows = append(rows, fmt.Sprintf("%s:%d", r.File, r.Line))
			}
			fmt.Fprintf(w, " %s\n", strings.Join(rows, " "))
		}
	}
	fmt.Fprintln(w, "(* some days of the year have no row)")

	fmt.Fprintf(w, "\nYear parameters:\n")
	for _, yp := range cov.YearParams {
		kinds := map[string][]string{}
		for name, k := range yp.Kinds {
			kinds[k] = append(kinds[k], name)
		}
		var parts []string
		for _, k := range calc.Kinds() {
			if n := len(kinds[k]); n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", k, n))
			}
		}
		if len(parts) == 0 {
			parts = []string{"none"}
		}
		verified := yp.Verified
		if verified == "" {
			verified = "not recorded"
		}
		fmt.Fprintf(w, "  %d: %s; sources verified %s\n", yp.Year, strings.Join(parts, ", "), verified)
	}

	fmt.Fprintf(w, "\nConflicts between sources (%d):\n", len(cov.Conflicts))
	for _, c := range cov.Conflicts {
		kept, other := c.Figures()
		fmt.Fprintf(w, "  %s %s on %s: kept %s (%s), other %s (%s) — %s:%d\n", c.Subject, c.Field, c.Date,
			kept, strings.Join(c.KeptSources, ", "), other, strings.Join(c.OtherSources, ", "), c.File, c.Line)
	}
}

func shortCat(c calc.Category) string {
	s := "O"
	if c.Preferential {
		s = "P"
	}
	if c.DMG {
		s += "+DMG"
	}
	return s
}

func yearList(ys []int) string {
	if len(ys) == 0 {
		return "none"
	}
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = fmt.Sprint(y)
	}
	return strings.Join(s, " ")
}
