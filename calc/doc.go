// Package calc answers, for one Belgian medical service on one date, for one patient and
// one doctor: what is the official fee, what does the compulsory insurance pay back, what
// is the patient's personal share (ticket modérateur / remgeld), may a supplement be
// charged, and what is paid at the desk — and why, step by step, with the legal source of
// each figure.
//
// The package is pure: it reads no files, keeps no globals and never looks at the clock.
// A [Dataset] is built from CSV files handed in as bytes ([NewDataset]); the package data
// embeds the bundled ones. Every amount and every date a rule uses comes from those files
// (rules.csv holds the dated rule parameters); the code here holds only the logic of each
// rule, documented next to it in rules.go.
//
// Money is [decimal.Decimal], never float; amounts are printed with two decimals and a dot.
//
// A typical use:
//
//	ds, _ := data.Load()
//	q, err := calc.ParseQuery(map[string]string{"code": "101076", "date": "2024-03-01",
//		"insured": "preferential", "dmg": "1"})
//	if err != nil { ... }           // an *InputError naming the field and value
//	quote, err := ds.Quote(q)       // a *NoDataError when no sourced figure covers the query
//	fmt.Println(quote.Fee, quote.Reimbursement, quote.PersonalShare)
package calc
