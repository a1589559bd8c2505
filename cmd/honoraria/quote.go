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
	qf, status, ok := parseQueryFlags("quote", usageQuote, args, nil, stdout, stderr)
	if !ok {
		return status
	}
	q, err := calc.ParseQuery(qf.query)
	if err != nil {
		return fail(stderr, err)
	}
	ds, code := dataFor(qf.data, stderr)
	if ds == nil {
		return code
	}
	res, err := ds.Quote(q)
	if err != nil {
		return fail(stderr, err)
	}
	if qf.json {
		printJSON(stdout, res.Object())
		return 0
	}
	printQuote(stdout, ds, res)
	return 0
}

// queryFlags are a query command's flags: the query's fields (the contract's, calc.Fields),
// --json, --data and the command's own extra flags.
type queryFlags struct {
	query map[string]string // the query's fields only
	extra map[string]string // the command's own flags
	data  map[string]string // {"data": DIR} when --data was given
	json  bool
}

// parseQueryFlags parses a query command's flags. ok is false when the command is done:
// --help printed its usage (status 0) or the flags were bad input (status 2).
func parseQueryFlags(name, usage string, args, extra []string, stdout, stderr io.Writer) (qf queryFlags, status int, ok bool) {
	fields := append(append(calc.QueryFields(), "json", "data"), extra...)
	bools := map[string]bool{"json": true} // the query's yes/no fields come from the contract
	for _, f := range calc.BoolFields() {
		bools[f] = true
	}
	in, rest, err := parseFlags(name, args, fields, bools)
	if err == errHelp {
		fmt.Fprintln(stdout, usage)
		return qf, 0, false
	}
	if err != nil {
		return qf, fail(stderr, err), false
	}
	if len(rest) > 0 {
		return qf, fail(stderr, &calc.InputError{Field: "arguments", Value: strings.Join(rest, " "), Reason: name + " takes only --flags"}), false
	}
	if qf.json, err = boolFlag("json", in); err != nil {
		return qf, fail(stderr, err), false
	}
	qf.data, qf.extra = map[string]string{}, map[string]string{}
	if dir, ok := in["data"]; ok {
		qf.data["data"] = dir
	}
	for _, k := range extra {
		if v, ok := in[k]; ok {
			qf.extra[k] = v
		}
		delete(in, k)
	}
	delete(in, "json")
	delete(in, "data")
	qf.query = in
	return qf, 0, true
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
	if tr, ok := o["label_translation"].(map[string]any); ok {
		fmt.Fprintf(w, "  (%s: %s)\n", tr["mark"], tr["label"])
	}
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
