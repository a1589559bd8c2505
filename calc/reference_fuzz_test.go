package calc

import (
	"encoding/csv"
	"strings"
	"testing"
	"time"
)

// Reference fuzzing: the hand-written parsers (kept by hand to keep the wasm small) agree
// with the standard library on every input both are meant to read.

// parseCSV against encoding/csv: on input without carriage returns (encoding/csv folds
// them), both accept or both reject, and accepted input gives the same records, blank
// lines (a single blank cell) left out as parseCSV leaves them out.
func FuzzParseCSVReference(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n", "\"x,y\",\"q\"\"q\"\n", "a\n\nb\n", "\"a\nb\",c", "a,\"b\"c\n", "a\"b\n", "\"open", "  \n,\n", "\"\"\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.ContainsRune(s, '\r') {
			return
		}
		rows, err := parseCSV(File{Name: "f.csv", Data: []byte(s)})
		r := csv.NewReader(strings.NewReader(s))
		r.FieldsPerRecord = -1
		want, stdErr := r.ReadAll()
		if (err == nil) != (stdErr == nil) {
			t.Fatalf("%q: parseCSV error %v, encoding/csv error %v", s, err, stdErr)
		}
		if err != nil {
			return
		}
		var std [][]string
		for _, rec := range want {
			if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
				continue
			}
			std = append(std, rec)
		}
		if len(std) != len(rows) {
			t.Fatalf("%q: %d rows, encoding/csv %d", s, len(rows), len(std))
		}
		for i := range std {
			if strings.Join(std[i], "\x00") != strings.Join(rows[i].cells, "\x00") || len(std[i]) != len(rows[i].cells) {
				t.Fatalf("%q: row %d: %q, encoding/csv %q", s, i, rows[i].cells, std[i])
			}
		}
	})
}

// ParseDate against time.Parse("2006-01-02"): the same days, within the engine's years.
func FuzzParseDateReference(f *testing.F) {
	for _, s := range []string{"2024-03-01", "2024-02-29", "2023-02-29", "2024-13-01", "2024-1-01", "+024-01-01", "２０２４-01-01", "1900-01-01", "2024-04-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		tm, stdErr := time.Parse("2006-01-02", s)
		inRange := stdErr == nil && tm.Year() >= minYear && tm.Year() <= maxYear
		switch {
		case err == nil && (stdErr != nil || tm.Year() != d.Year() || int(tm.Month()) != int(d)/100%100 || tm.Day() != int(d)%100):
			t.Fatalf("%q: ParseDate %v, time.Parse %v %v", s, d, tm, stdErr)
		case err != nil && inRange && len(s) == 10:
			t.Fatalf("%q: ParseDate rejects (%v) a day time.Parse reads: %v", s, err, tm)
		case err == nil && d.String() != s:
			t.Fatalf("%q: written back as %q", s, d.String())
		}
	})
}
