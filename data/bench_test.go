package data

import (
	"errors"
	"testing"

	"honoraria/calc"
	"honoraria/data/bundle"
)

// yearQueries is a full year's coverage (issue 5.2): every code, every tariff row valid in
// the year, from the day it starts (or 1 January), for the four patient categories
// (ordinary or preferential, with or without a DMG) — the quotes a year's price list needs.
func yearQueries(tb testing.TB, ds *calc.Dataset, year int) []calc.Query {
	tb.Helper()
	first, last := calc.DateOf(year, 1, 1), calc.DateOf(year, 12, 31)
	var qs []calc.Query
	for _, code := range ds.Codes() {
		for _, row := range ds.Tariffs(code) {
			if row.Period.From > last || (row.Period.To != 0 && row.Period.To < first) {
				continue
			}
			day := max(row.Period.From, first)
			for _, insured := range []string{"ordinary", "preferential"} {
				for _, dmg := range []string{"", "1"} {
					q, err := calc.ParseQuery(map[string]string{"code": string(code), "date": day.String(), "insured": insured, "dmg": dmg, "age": bandAge[string(row.Band)]})
					if err != nil {
						tb.Fatal(err)
					}
					qs = append(qs, q)
				}
			}
		}
	}
	return qs
}

var bandAge = map[string]string{"under-10": "4", "10-to-75": "40", "over-75-or-chronic": "80"}

// BenchmarkYearCoverage quotes every code × patient category for every row of 2024 and
// builds each answer's object (what the page and the command line print).
func BenchmarkYearCoverage(b *testing.B) {
	ds, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	qs := yearQueries(b, ds, 2024)
	b.ReportAllocs()
	for b.Loop() {
		for _, q := range qs {
			res, err := ds.Quote(q)
			var nd *calc.NoDataError
			if errors.As(err, &nd) {
				continue
			}
			if err != nil {
				b.Fatal(err)
			}
			_ = res.Object()
		}
	}
	b.ReportMetric(float64(len(qs)), "quotes/op")
}

// BenchmarkCoverage is the coverage report over all years (cmd/honoraria coverage).
func BenchmarkCoverage(b *testing.B) {
	ds, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = ds.Coverage()
	}
}

// BenchmarkLoadBundle is the page's start-up work once data.txt has arrived: split the
// bundle, parse and validate every file (bundle.Decode + calc.NewDataset).
func BenchmarkLoadBundle(b *testing.B) {
	files, err := Files(Bundled())
	if err != nil {
		b.Fatal(err)
	}
	text, err := bundle.Encode(files)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		fs, err := bundle.Decode(text)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := calc.NewDataset(fs); err != nil {
			b.Fatal(err)
		}
	}
}
