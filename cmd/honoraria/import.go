package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"honoraria/calc"
	"honoraria/data"
	"honoraria/importer"
)

// runImport converts INAMI's NomenSoft export into a complete data folder:
//
//	honoraria import PATH --out DIR [--data DIR] [--fail-on-conflict]
//
// PATH is the export's folder of XML tables, its zip, or a flat CSV/XML of joined rows.
// DIR starts as a copy of --data (default: the bundled data); the export is merged into it
// and is authoritative: data rows it covers with other figures are replaced, and each such
// figure is listed. The whole report is also written to DIR/import-report.txt. With
// --fail-on-conflict any such difference exits 1 and writes nothing.
// A malformed export is bad input (exit 2) naming its file, line and field; an export over
// a size limit exits 4.
func runImport(args []string, stdout, stderr io.Writer) int {
	in, pos, err := parseInterleaved("import", args, []string{"out", "data", "fail-on-conflict"}, map[string]bool{"fail-on-conflict": true})
	if err == errHelp {
		fmt.Fprintln(stdout, "usage: honoraria import PATH --out DIR [--data DIR] [--fail-on-conflict]\nExit status: 0 written, 1 conflicts with --fail-on-conflict (nothing written), 2 bad input, 4 over a limit.")
		return 0
	}
	if err != nil {
		return fail(stderr, err)
	}
	switch {
	case len(pos) == 0:
		return fail(stderr, &calc.InputError{Field: "file", Reason: "required: honoraria import PATH --out DIR"})
	case len(pos) > 1:
		return fail(stderr, &calc.InputError{Field: "arguments", Value: strings.Join(pos[1:], " "), Reason: "import takes one PATH"})
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
	if _, err := os.Stat(file); err != nil {
		return fail(stderr, &calc.InputError{Field: "file", Value: file, Reason: "cannot read: " + pathErr(err)})
	}
	exp, err := importer.Read(file)
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
	res, err := importer.Merge(base, exp)
	if err != nil {
		return importFail(stderr, err)
	}
	var report strings.Builder
	res.WriteReport(&report, -1)
	if failOnConflict && len(res.Replaced) > 0 {
		res.WriteReport(stdout, 20)
		fmt.Fprintf(stderr, "honoraria: import: %d data rows differ from the export (--fail-on-conflict): nothing written\n", len(res.Replaced))
		return 1
	}
	files := append(res.Files, calc.File{Name: "import-report.txt", Data: []byte(report.String())})
	if err := importer.WriteFolder(out, files); err != nil {
		return fail(stderr, err)
	}
	res.WriteReport(stdout, 20)
	fmt.Fprintf(stdout, "wrote %s (the whole report: %s)\n", out, filepath.Join(out, "import-report.txt"))
	return 0
}

// importFail reports a defect of the export as bad input (exit 2); anything else, such as a
// broken base folder, as an error (exit 1).
func importFail(stderr io.Writer, err error) int {
	var ie *importer.Error
	var le *importer.LimitError
	switch {
	case errors.As(err, &le):
		fmt.Fprintln(stderr, "honoraria: over a limit: "+oneLine(err.Error()))
		return 4
	case errors.As(err, &ie):
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
			if _, twice := all[k]; twice {
				return nil, nil, &calc.InputError{Field: k, Value: shorten(v), Reason: "given more than once"}
			}
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
