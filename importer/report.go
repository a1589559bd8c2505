package importer

import (
	"fmt"
	"io"
	"strings"
)

// WriteReport writes what the import did: counts, every fee code the mapping did not
// understand (with its description and row count), the fee codes kept but not used for an
// amount, the data figures the export replaced, key-letter mismatches, rows not written,
// oddities and audit warnings. limit caps each list (-1: everything).
func (res *Result) WriteReport(w io.Writer, limit int) {
	list := func(title string, n int, item func(i int) string) {
		fmt.Fprintf(w, "%s: %d\n", title, n)
		for i := 0; i < n; i++ {
			if limit >= 0 && i == limit {
				fmt.Fprintf(w, "  … %d more (see import-report.txt)\n", n-limit)
				break
			}
			fmt.Fprintf(w, "  %s\n", item(i))
		}
	}
	fmt.Fprintf(w, "read %s: %s; %d amount rows\n", res.Input, strings.Join(res.Tables, ", "), res.Rows)
	fmt.Fprintf(w, "written: %d codes, %d tariff rows, %d rows in prices.csv; %d data rows kept as they were (same figures)\n",
		res.Codes, len(res.Added), res.PriceRows, len(res.Unchanged))
	byMeaning := map[string][]FeeCodeReport{}
	for _, fc := range res.FeeCodes {
		byMeaning[fc.Info.Meaning.Meaning] = append(byMeaning[fc.Info.Meaning.Meaning], fc)
	}
	fmt.Fprintf(w, "fee codes: %d (fee %d, reimbursement %d, personal share %d, other %d, unknown %d)\n", len(res.FeeCodes),
		len(byMeaning["fee"]), len(byMeaning["reimbursement"]), len(byMeaning["share"]), len(byMeaning["other"]), len(byMeaning["unknown"]))
	feeCode := func(fcs []FeeCodeReport) func(int) string {
		return func(i int) string {
			fc := fcs[i].Info
			s := fmt.Sprintf("fee code %d (cat %q) %q / %q: %d rows", fc.Number, fc.Cat, fc.DescFR, fc.DescNL, fc.Rows)
			if fc.Meaning.Why != "" {
				s += " — " + fc.Meaning.Why
			}
			return s
		}
	}
	unknown := byMeaning["unknown"]
	list("fee codes not understood (rows kept in prices.csv, never used for an amount)", len(unknown), feeCode(unknown))
	other := byMeaning["other"]
	list("fee codes understood as not a patient's amount (kept, not used)", len(other), feeCode(other))
	list("data rows replaced by the export (the official export is authoritative)", len(res.Replaced), func(i int) string {
		c := res.Replaced[i]
		d := strings.Join(c.Diffs, "; ")
		if d == "" {
			d = "no figure differs"
		}
		return fmt.Sprintf("%s %s: %s replaced by %s: %s", c.Import.Code, c.Import.Period, c.Existing, c.Import.From, d)
	})
	var mismatches []KeyLetterCheck
	for _, k := range res.KeyLetters {
		if !k.Match {
			mismatches = append(mismatches, k)
		}
	}
	fmt.Fprintf(w, "key letters checked: %d codes\n", len(res.KeyLetters))
	list("fees that differ from Σ coefficient × key-letter value", len(mismatches), func(i int) string {
		k := mismatches[i]
		return fmt.Sprintf("%s %s: fee %s, %s = %s", k.Code, k.Period, amount(k.Fee), k.Terms, amount(k.Computed))
	})
	list("rows not written", len(res.Kept), func(i int) string {
		k := res.Kept[i]
		return fmt.Sprintf("%s:%d: %s fee code %d %s %s: %s", k.Row.File, k.Row.Line, k.Row.Code, k.Row.FeeCode, k.Row.period(), amount(k.Row.Fee), k.Reason)
	})
	list("findings (kept as published)", len(res.Findings), func(i int) string { return res.Findings[i] })
	list("sources added", len(res.Sources), func(i int) string { return res.Sources[i].ID + " (" + res.Sources[i].Title + ")" })
	list("audit warnings the import brings in", len(res.Warnings), func(i int) string { return res.Warnings[i] })
}
