package calc

import (
	"errors"
	"reflect"
	"testing"
)

// FuzzParseQuery: any field map is either an *InputError or a query; every query, on the
// fixture and on the bundled data, is answered or refused with an *InputError or a
// *NoDataError, never a panic, and every answer keeps the invariants: personal share ≥ 0,
// reimbursement ≤ fee, share + reimbursement = fee, same input same output.
// Seeds: testdata/fuzz/FuzzParseQuery.
func FuzzParseQuery(f *testing.F) {
	f.Add("101076", "2024-03-01", "preferential", "1", "30", "conventioned", "ambulatory", "40.00", "lang", "fr")
	datasets := []*Dataset{fixture(f), bundledForCoverage(f)}
	f.Fuzz(func(t *testing.T, code, date, insured, dmg, age, doctor, setting, paid, key, value string) {
		in := map[string]string{"code": code, "date": date, "insured": insured, "dmg": dmg, "age": age,
			"doctor": doctor, "setting": setting, "paid": paid}
		if key != "" {
			in[key] = value
		}
		q, err := ParseQuery(in)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("ParseQuery(%q): %T %v, want *InputError", in, err, err)
			}
			return
		}
		for _, ds := range datasets {
			res, err := ds.Quote(q)
			if err != nil {
				var ie *InputError
				var nd *NoDataError
				if !errors.As(err, &ie) && !errors.As(err, &nd) {
					t.Fatalf("Quote(%q): %T %v", in, err, err)
				}
				continue
			}
			checkQuote(t, in, res)
			again, err := ds.Quote(q)
			if err != nil || !reflect.DeepEqual(res.Object(), again.Object()) {
				t.Fatalf("Quote(%q) is not deterministic", in)
			}
		}
	})
}

func checkQuote(t *testing.T, in map[string]string, res *Quote) {
	t.Helper()
	if res.Fee.IsNegative() {
		t.Fatalf("%q: fee %s < 0", in, res.Fee)
	}
	if (res.PersonalShare == nil) != (res.Reimbursement == nil) {
		t.Fatalf("%q: share and reimbursement must both be known or both unknown", in)
	}
	if res.PersonalShare == nil {
		return
	}
	s, r := *res.PersonalShare, *res.Reimbursement
	switch {
	case s.IsNegative():
		t.Fatalf("%q: personal share %s < 0", in, s)
	case r.IsNegative():
		t.Fatalf("%q: reimbursement %s < 0", in, r)
	case r.GreaterThan(res.Fee):
		t.Fatalf("%q: reimbursement %s > fee %s", in, r, res.Fee)
	case !s.Add(r).Equal(res.Fee):
		t.Fatalf("%q: share %s + reimbursement %s ≠ fee %s", in, s, r, res.Fee)
	}
	if res.PayAtDesk != nil && res.PayAtDesk.GreaterThan(res.Fee) {
		t.Fatalf("%q: pay at desk %s > fee %s", in, res.PayAtDesk, res.Fee)
	}
}

// FuzzNewDataset: any bytes in place of one data file give a *DataError or a dataset, never
// a panic; a dataset that loads can be quoted, covered and audited.
// Seeds: testdata/fuzz/FuzzNewDataset.
func FuzzNewDataset(f *testing.F) {
	base := map[string][]byte{
		"sources.csv":         readFile(f, "../data/sources.csv"),
		"rules.csv":           readFile(f, "../data/rules.csv"),
		"registry.csv":        readFile(f, "../data/registry.csv"),
		"messages.csv":        readFile(f, "../data/messages.csv"),
		"2024/tariffs.csv":    readFile(f, "../data/2024/tariffs.csv"),
		"2024/parameters.csv": readFile(f, "../data/2024/parameters.csv"),
	}
	names := []string{"2024/tariffs.csv", "2024/parameters.csv", "rules.csv", "sources.csv", "messages.csv", "registry.csv"}
	f.Add(uint8(0), base["2024/tariffs.csv"])
	f.Fuzz(func(t *testing.T, which uint8, b []byte) {
		name := names[int(which)%len(names)]
		var files []File
		for n, d := range base {
			if n == name {
				d = b
			}
			files = append(files, File{Name: n, Data: d})
		}
		ds, err := NewDataset(files)
		if err != nil {
			var de *DataError
			if !errors.As(err, &de) {
				t.Fatalf("%s: %T %v, want *DataError", name, err, err)
			}
			if de.File == "" {
				t.Fatalf("%s: a DataError must name its file: %v", name, err)
			}
			return
		}
		_ = ds.Coverage().Object()
		_ = ds.Audit()
		for _, code := range ds.Codes() {
			for _, tr := range ds.Tariffs(code) {
				for _, in := range []map[string]string{
					{"code": string(code), "date": tr.Period.From.String(), "age": "40"},
					{"code": string(code), "date": tr.Period.From.String(), "age": "5", "insured": "preferential", "dmg": "1", "paid": "100"},
				} {
					q, err := ParseQuery(in)
					if err != nil {
						t.Fatalf("%q: %v", in, err)
					}
					if res, err := ds.Quote(q); err == nil {
						checkQuote(t, in, res)
						_ = res.Object()
					}
				}
			}
		}
	})
}
