package calc

import (
	"strings"
	"unicode/utf8"
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
	index  map[string]int // column → cell, shared by the rows of one file
	values []string
}

func (r record) get(col string) string {
	if i, ok := r.index[col]; ok {
		return r.values[i]
	}
	return ""
}

func (r record) fail(field, msg string) *DataError {
	return &DataError{File: r.file, Line: r.line, Field: field, Err: msg}
}

// readTable parses a CSV file whose header must name exactly the given columns, in any
// order. Unknown, missing and duplicate columns are errors, and so are rows of the wrong
// width. Cells are trimmed of surrounding spaces; blank lines are skipped.
func readTable(f File, columns []string) ([]record, error) {
	rows, err := parseCSV(f)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, &DataError{File: f.Name, Line: 1, Err: "cannot read the header: the file is empty"}
	}
	header := rows[0].cells
	want := make(map[string]bool, len(columns))
	for _, c := range columns {
		want[c] = true
	}
	seen := make(map[string]bool, len(header))
	for i, h := range header {
		h = strings.TrimPrefix(strings.TrimSpace(h), "\ufeff")
		header[i] = h
		switch {
		case !utf8.ValidString(h):
			return nil, &DataError{File: f.Name, Line: 1, Err: "not valid UTF-8 (save the file as UTF-8)"}
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
	index := make(map[string]int, len(header))
	for i, h := range header {
		index[h] = i
	}
	out := make([]record, 0, len(rows)-1)
	for _, row := range rows[1:] {
		if len(row.cells) != len(header) {
			return nil, &DataError{File: f.Name, Line: row.line, Err: "row has " + itoa(len(row.cells)) + " cells, header has " + itoa(len(header))}
		}
		for i := range row.cells {
			if !utf8.ValidString(row.cells[i]) {
				return nil, &DataError{File: f.Name, Line: row.line, Field: header[i], Err: "not valid UTF-8 (save the file as UTF-8)"}
			}
			row.cells[i] = strings.TrimSpace(row.cells[i])
		}
		out = append(out, record{file: f.Name, line: row.line, index: index, values: row.cells})
	}
	return out, nil
}

type csvRow struct {
	line  int // where the row starts
	cells []string
}

// parseCSV reads RFC 4180 CSV: comma-separated, fields optionally in double quotes (which
// may hold commas, newlines and doubled quotes), LF or CRLF line ends. Blank lines are
// skipped. Written by hand instead of encoding/csv to keep the wasm build small.
//
// It is the start-up's hot path (issue 12.1): every cell is a substring of one copy of the
// file (a quoted cell with doubled quotes alone is copied), and the cells of all rows share
// one backing array sized from the file's commas and lines: a handful of allocations per
// file, not one per cell or byte.
func parseCSV(f File) ([]csvRow, error) {
	s := string(f.Data)
	lines := strings.Count(s, "\n") + 1
	rows := make([]csvRow, 0, lines)
	arena := make([]string, 0, strings.Count(s, ",")+lines)
	line := 1
	for i := 0; i < len(s); {
		start := line
		first := len(arena) // the row's cells are arena[first:]
		for {
			if i < len(s) && s[i] == '"' {
				i++
				begin, doubled := i, false
				for {
					if i >= len(s) {
						return nil, &DataError{File: f.Name, Line: start, Err: "a quoted field is not closed"}
					}
					c := s[i]
					if c == '"' {
						if i+1 < len(s) && s[i+1] == '"' {
							doubled = true
							i += 2
							continue
						}
						break
					}
					if c == '\n' {
						line++
					}
					i++
				}
				cell := s[begin:i]
				i++ // the closing quote
				if doubled {
					// Every quote inside is one of a pair, so pairs read left to right.
					cell = strings.ReplaceAll(cell, `""`, `"`)
				}
				if i < len(s) && s[i] != ',' && s[i] != '\n' && s[i] != '\r' {
					return nil, &DataError{File: f.Name, Line: line, Err: "extraneous text after a quoted field"}
				}
				arena = append(arena, cell)
			} else {
				begin := i
				for i < len(s) && s[i] != ',' && s[i] != '\n' && s[i] != '\r' {
					if s[i] == '"' {
						return nil, &DataError{File: f.Name, Line: line, Err: `a bare " in an unquoted field`}
					}
					i++
				}
				arena = append(arena, s[begin:i]) // a slice of the file: no copy
			}
			if i < len(s) && s[i] == ',' {
				i++
				continue
			}
			break
		}
		if i < len(s) && s[i] == '\r' {
			i++
		}
		if i < len(s) && s[i] == '\n' {
			i++
		}
		line++
		cells := arena[first:len(arena):len(arena)]
		if len(cells) == 1 && strings.TrimSpace(cells[0]) == "" {
			arena = arena[:first]
			continue // blank line
		}
		rows = append(rows, csvRow{line: start, cells: cells})
	}
	return rows, nil
}

// insertionSort sorts a short list stably (a handful of files, years or rows per code),
// by index like sort.Slice but without reflection. Not generic: an instance's dictionary
// marks its element type as used in an interface, and a type holding decimals then keeps
// decimal.Decimal's fmt.Formatter code (~9 KB of wasm).
func insertionSort(n int, less func(i, j int) bool, swap func(i, j int)) {
	for i := 1; i < n; i++ {
		for j := i; j > 0 && less(j, j-1); j-- {
			swap(j, j-1)
		}
	}
}

// SortStrings sorts xs in place: a Shell sort, a few hundred bytes of wasm where the
// slices and sort packages' pdqsort instances weigh ~20 KB (~5 KB brotli), and fast
// enough for the 10,000 codes of the whole nomenclature.
func SortStrings[S ~string](xs []S) {
	for gap := len(xs) / 2; gap > 0; gap /= 2 {
		for i := gap; i < len(xs); i++ {
			for j := i; j >= gap && xs[j] < xs[j-gap]; j -= gap {
				xs[j], xs[j-gap] = xs[j-gap], xs[j]
			}
		}
	}
}
