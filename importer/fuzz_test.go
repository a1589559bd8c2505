package importer

import (
	"errors"
	"os"
	"strings"
	"testing"

	"honoraria/calc"
)

// FuzzImport: any bytes are an export that parses, or an *Error naming the file; a parsed
// export merges into the bundled data or fails with an error, never a panic; a merge's
// result always loads and answers its added codes within the invariants.
// Seeds: testdata/fuzz/FuzzImport.
func FuzzImport(f *testing.F) {
	for _, name := range []string{"nomensoft-fixture.xml", "nomensoft-fixture.csv", "nomensoft-conflict.csv"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	// A small base (no tariffs) keeps each execution cheap: the merge itself is the target.
	var base []calc.File
	for _, bf := range bundledFiles(f) {
		if !strings.Contains(bf.Name, "/") {
			base = append(base, bf)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		rows, err := Parse("fuzz.csv", b)
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) || ie.File != "fuzz.csv" {
				t.Fatalf("Parse: %T %v, want *Error naming the file", err, err)
			}
			return
		}
		res, err := Merge(base, FromRows("fuzz.csv", rows))
		if err != nil {
			var ie *Error
			if errors.As(err, &ie) {
				return
			}
			// Anything else must be explained (e.g. a merged folder that would not load).
			if !strings.Contains(err.Error(), "merged data") {
				t.Fatalf("Merge: %T %v", err, err)
			}
			return
		}
		ds, err := calc.NewDataset(res.Files)
		if err != nil {
			t.Fatalf("a merged folder must load: %v", err)
		}
		for _, c := range res.Added {
			q, err := calc.ParseQuery(map[string]string{"code": string(c.Code), "date": c.Period.From.String(), "age": "40"})
			if err != nil {
				t.Fatal(err)
			}
			quote, err := ds.Quote(q)
			if err != nil {
				continue // e.g. a code the rules do not reimburse on that date
			}
			if quote.PersonalShare != nil && (quote.PersonalShare.IsNegative() || !quote.PersonalShare.Add(*quote.Reimbursement).Equal(quote.Fee)) {
				t.Fatalf("%s: share %s + reimbursement %s ≠ fee %s", c.Code, quote.PersonalShare, quote.Reimbursement, quote.Fee)
			}
		}
	})
}
