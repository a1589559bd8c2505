package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/shopspring/decimal"

	"honoraria/calc"
	"honoraria/data"
	"honoraria/importer"
)

// runImport converts an official NomenSoft fee export into a complete data folder:
//
//	honoraria import FILE --out DIR [--data DIR] [--fail-on-conflict]
//
// DIR starts as a copy of --data (default: the bundled data); rows of the export are merged
// into it by code and period. Conflicts (same code, overlapping period, different amount)
// are listed and not applied; the exit status is then 0, or 1 with --fail-on-conflict.
// A malformed export is bad input (exit 2) naming its line and field.
func runImport(args []string, stdout, stderr io.Writer) int {
	in, pos, err := parseInterleaved("import", args, []string{"out", "data", "fail-on-conflict"}, map[string]bool{"fail-on-conflict": true})
	if err != nil {
		return fail(stderr, err)
	}
	switch {
	case len(pos) == 0:
		return fail(stderr, &calc.InputError{Field: "file", Reason: "required: honoraria import FILE --out DIR"})
	case len(pos) > 1:
		return fail(stderr, &calc.InputError{Field: "arguments", Value: strings.Join(pos[1:], " "), Reason: "import takes one FILE"})
	case in["out"] == "":
		return fail(stderr, &calc.InputError{Field: "out", Reason: "required: --out DIR, a new folder for the resulting data"})
	}
	failOnConflict, err := boolFlag("fail-on-conflict", in)
	if err != nil {
		return fail(stderr, err)
	}
	file, out := pos[0], in["out"]
	if entries, err := os.ReadDir(out); err == nil && len(entries) > 0 {
		return fail(stderr, &calc.InputError{Field: "out", Value: out, Reason: "the folder is not empty: choose a new one"})
	}

	b, err := os.ReadFile(file)
	if err != nil {
		return fail(stderr, &calc.InputError{Field: "file", Value: file, Reason: "cannot read: " + pathErr(err)})
	}
	rows, err := importer.Parse(filepath.Base(file), b)
	if err != nil {
		return importFail(stderr, err)
	}

	var base []calc.File
	if dir, ok := in["data"]; ok {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return fail(stderr, &calc.InputError{Field: "data", Value: dir, Reason: "not a folder"})
		}
		base, err = data.Files(os.DirFS(dir))
	} else {
		base, err = data.Files(data.Bundled())
	}
	if err != nil {
		return fail(stderr, err)
	}
	res, err := importer.Merge(base, rows, filepath.Base(file))
	if err != nil {
		return importFail(stderr, err)
	}
	if err := importer.WriteFolder(out, res.Files); err != nil {
		return fail(stderr, err)
	}
	// Load what was written, as a build would: a broken result is an error.
	ds, err := data.LoadFrom(os.DirFS(out))
	if err != nil {
		return fail(stderr, fmt.Errorf("the written folder %s does not load: %w", out, err))
	}
	printImport(stdout, res, out, ds)
	if failOnConflict && len(res.Conflicts) > 0 {
		fmt.Fprintf(stderr, "honoraria: import: %d conflicts (--fail-on-conflict)\n", len(res.Conflicts))
		return 1
	}
	return 0
}

// importFail reports a defect of the export as bad input (exit 2); anything else, such as a
// broken base folder, as an error (exit 1).
func importFail(stderr io.Writer, err error) int {
	var ie *importer.Error
	if errors.As(err, &ie) {
		fmt.Fprintln(stderr, "honoraria: bad input: "+oneLine(err.Error()))
		return 2
	}
	return fail(stderr, err)
}

func pathErr(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// parseInterleaved parses flags given before or after positional arguments
// (import FILE --out DIR), which the flag package alone stops at.
func parseInterleaved(name string, args, fields []string, bools map[string]bool) (map[string]string, []string, error) {
	all := map[string]string{}
	var pos []string
	for {
		in, rest, err := parseFlags(name, args, fields, bools)
		if err != nil {
			return nil, nil, err
		}
		for k, v := range in {
			all[k] = v
		}
		if len(rest) == 0 {
			return all, pos, nil
		}
		if len(rest) < len(args) && args[len(args)-len(rest)-1] == "--" {
			return all, append(pos, rest...), nil // after "--" everything is positional
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func printImport(w io.Writer, res *importer.Result, out string, ds *calc.Dataset) {
	fmt.Fprintf(w, "read %s: %d rows\n", res.Input, res.Rows)
	fmt.Fprintf(w, "added: %d\n", len(res.Added))
	for _, c := range res.Added {
		fmt.Fprintf(w, "  %s %s: %s (%s)\n", c.Code, c.Period, figures(c), c.File)
	}
	fmt.Fprintf(w, "unchanged: %d\n", len(res.Unchanged))
	for _, c := range res.Unchanged {
		fmt.Fprintf(w, "  %s %s: same figures as %s\n", c.Code, c.Period, c.File)
	}
	fmt.Fprintf(w, "kept, not used: %d\n", len(res.Kept))
	for _, k := range res.Kept {
		fmt.Fprintf(w, "  %s:%d: %s %s fee code %d %q %s: %s\n", res.Input, k.Line, k.Code, k.Period, k.FeeCode, k.Desc, importer.FormatAmount(k.Fee), k.Reason)
	}
	for _, s := range res.Sources {
		fmt.Fprintf(w, "source added: %s (%s)\n", s.ID, s.Title)
	}
	for _, s := range res.Warnings {
		fmt.Fprintf(w, "warning: %s\n", s)
	}
	fmt.Fprintf(w, "conflicts: %d\n", len(res.Conflicts))
	for _, c := range res.Conflicts {
		fmt.Fprintf(w, "  %s %s (%s:%s) vs %s: %s — not applied\n", c.Import.Code, c.Import.Period, res.Input, lines(c.Import.Lines), c.Existing, strings.Join(c.Diffs, "; "))
	}
	fmt.Fprintf(w, "wrote %s (%d codes, years %v)\n", out, len(ds.Codes()), ds.Years())
}

func figures(c importer.Change) string {
	s := "fee " + opt(c.Fee)
	if c.Ordinary != nil {
		s += ", reimb_ordinary " + opt(c.Ordinary)
	}
	if c.Preferential != nil {
		s += ", reimb_preferential " + opt(c.Preferential)
	}
	return s
}

func opt(d *decimal.Decimal) string { return importer.FormatAmount(*d) }

func lines(ls []int) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = fmt.Sprint(l)
	}
	return strings.Join(s, ",")
}
