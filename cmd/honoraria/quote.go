package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"honoraria/calc"
)

const usageQuote = `usage: honoraria quote --code C --date YYYY-MM-DD [--insured ordinary|preferential]
  [--preferential-kind automatic|income] [--dmg] [--age N] [--chronic] [--referred]
  [--doctor conventioned|partial-agreed|partial-free|nonconventioned]
  [--setting ambulatory|hospital-single|hospital-shared|day-single|day-shared] [--on-duty]
  [--special-request] [--household-income EUR (--dependants N | --titulaires N)] [--paid EUR]
  [--third-party] [--training] [--lang fr|nl|de|en] [--data DIR] [--json]
Amounts: a dot and at most two decimals. Exit status: 0 answered, 2 bad input, 3 no data.`

func runQuote(args []string, stdout, stderr io.Writer) int {
	fields := append(calc.QueryFields(), "json", "data")
	bools := map[string]bool{"json": true} // the query's yes/no fields come from the contract
	for _, f := range calc.BoolFields() {
		bools[f] = true
	}
	in, rest, err := parseFlags("quote", args, fields, bools)
	if err == errHelp {
		fmt.Fprintln(stdout, usageQuote)
		return 0
	}
	if err != nil {
		return fail(stderr, err)
	}
	if len(rest) > 0 {
		return fail(stderr, &calc.InputError{Field: "arguments", Value: strings.Join(rest, " "), Reason: "quote takes only --flags"})
	}
	asJSON, err := boolFlag("json", in)
	if err != nil {
		return fail(stderr, err)
	}
	delete(in, "json")
	dataIn := map[string]string{}
	if dir, ok := in["data"]; ok {
		dataIn["data"] = dir
		delete(in, "data")
	}
	q, err := calc.ParseQuery(in)
	if err != nil {
		return fail(stderr, err)
	}
	ds, code := dataFor(dataIn, stderr)
	if ds == nil {
		return code
	}
	res, err := ds.Quote(q)
	if err != nil {
		return fail(stderr, err)
	}
	if asJSON {
		printJSON(stdout, res.Object())
		return 0
	}
	printQuote(stdout, ds, res)
	return 0
}

// printQuote writes the readable answer: its words from messages.csv, its amounts as the
// page formats them (calc.FormatEuros).
func printQuote(w io.Writer, ds *calc.Dataset, res *calc.Quote) {
	o := res.Object()
	lang := res.Query.Lang
	msg := func(key string) string { return ds.Message(lang, key) }
	amt := func(d *decimal.Decimal) string {
		if d == nil {
			return msg("word.not-available")
		}
		return calc.FormatEuros(*d, lang)
	}
	yn := func(b bool) string {
		if b {
			return msg("word.yes")
		}
		return msg("word.no")
	}
	label, _ := o["label"].(string)
	fmt.Fprintf(w, "%s %s — %s\n", res.Query.Code, res.Query.Date, label)
	fee := res.Fee
	fmt.Fprintf(w, "  %-30s %s\n", msg("label.fee"), amt(&fee))
	fmt.Fprintf(w, "  %-30s %s\n", msg("label.reimbursement"), amt(res.Reimbursement))
	fmt.Fprintf(w, "  %-30s %s\n", msg("label.personal-share"), amt(res.PersonalShare))
	fmt.Fprintf(w, "  %-30s %s\n", msg("label.pay-at-desk"), amt(res.PayAtDesk))
	fmt.Fprintf(w, "  %-30s %s — %s\n", msg("label.supplement-allowed"), yn(res.Supplement.Allowed), res.Supplement.Reason)
	fmt.Fprintf(w, "  %-30s %s\n", msg("label.third-party-mandatory"), yn(res.ThirdParty.Mandatory))
	if bc := res.BillCheck; bc != nil {
		fmt.Fprintf(w, "%s: %s — %s\n", msg("label.bill-check"), bc.Verdict, bc.Reason)
	}
	fmt.Fprintf(w, "%s:\n", msg("label.why"))
	for _, s := range append(res.Steps, res.Notes...) {
		line := "  - " + s.Text
		if s.Amount != nil {
			line += " [" + amt(s.Amount) + "]"
		}
		if len(s.Sources) > 0 {
			if src, ok := res.Source(s.Sources[0]); ok {
				line += " (" + src.Title + ")"
			}
		}
		fmt.Fprintln(w, line)
	}
}
