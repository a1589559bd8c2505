package calc

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// A File is one data file handed to [NewDataset]: its path relative to the data folder
// (e.g. "2024/tariffs.csv") and its bytes.
type File struct {
	Name string
	Data []byte
}

// A record is one CSV row, read by column name, that remembers where it came from so that
// every defect can be reported as file:line: field.
type record struct {
	file   string
	line   int
	values map[string]string
}

func (r record) get(col string) string { return r.values[col] }

func (r record) fail(field, msg string) *DataError {
	return &DataError{File: r.file, Line: r.line, Field: field, Err: msg}
}

// readTable parses a CSV file whose header must name exactly the given columns, in any
// order. Unknown, missing and duplicate columns are errors, and so are rows of the wrong
// width. Cells are trimmed of surrounding spaces.
func readTable(f File, columns []string) ([]record, error) {
	r := csv.NewReader(bytes.NewReader(f.Data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, &DataError{File: f.Name, Line: 1, Err: "cannot read the header: " + errString(err)}
	}
	want := make(map[string]bool, len(columns))
	for _, c := range columns {
		want[c] = true
	}
	seen := make(map[string]bool, len(header))
	for _, h := range header {
		h = strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")
		switch {
		case !want[h]:
			return nil, &DataError{File: f.Name, Line: 1, Field: h, Err: "unknown column (expected " + strings.Join(columns, ",") + ")"}
		case seen[h]:
			return nil, &DataError{File: f.Name, Line: 1, Field: h, Err: "duplicate column"}
		}
		seen[h] = true
	}
	for _, c := range columns {
		if !seen[c] {
			return nil, &DataError{File: f.Name, Line: 1, Field: c, Err: "missing column"}
		}
	}
	var out []record
	for {
		row, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, &DataError{File: f.Name, Line: pe.Line, Err: pe.Err.Error()}
			}
			return nil, &DataError{File: f.Name, Err: err.Error()}
		}
		line, _ := r.FieldPos(0)
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue // blank line
		}
		if len(row) != len(header) {
			return nil, &DataError{File: f.Name, Line: line, Err: "row has " + itoa(len(row)) + " cells, header has " + itoa(len(header))}
		}
		rec := record{file: f.Name, line: line, values: make(map[string]string, len(row))}
		for i, h := range header {
			rec.values[strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")] = strings.TrimSpace(row[i])
		}
		out = append(out, rec)
	}
}

func errString(err error) string {
	if err == io.EOF {
		return "the file is empty"
	}
	return err.Error()
}
