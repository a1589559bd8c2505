package calc

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
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

// AppendJSONString and the jsonReader Object reads the answer back with, against
// encoding/json: for any valid UTF-8 text, the written JSON is valid, encoding/json reads the
// same text from it, and so does the reader, inside an object and an array as the answer
// nests them.
func FuzzJSONStringReference(f *testing.F) {
	for _, s := range []string{"", "31.81", "«\u00a0BIM\u00a0»", "a\"b\\c", "tab\there\nline", "\x00\x1f", "</script>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the engine's texts are UTF-8 (the loader refuses anything else)
		}
		b := append([]byte(`{"k":[`), AppendJSONString(nil, s)...)
		b = append(b, `,null,true]}`...)
		var ref map[string][]any
		if err := json.Unmarshal(b, &ref); err != nil {
			t.Fatalf("%q written as %s: not JSON: %v", s, b, err)
		}
		r := jsonReader{b: b, seen: map[string]any{}}
		got, end := r.value(0)
		if end != len(b) {
			t.Fatalf("%s: the reader stopped at %d of %d", b, end, len(b))
		}
		list := got.(map[string]any)["k"].([]any)
		if list[0] != ref["k"][0] || list[0] != s || list[1] != nil || list[2] != true {
			t.Fatalf("%q: the reader gives %#v, encoding/json %#v", s, list, ref["k"])
		}
	})
}
