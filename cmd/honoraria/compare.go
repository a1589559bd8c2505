package main

import (
	"fmt"
	"io"
	"strings"

	"honoraria/calc"
)

const usageCompare = `usage: honoraria compare [quote flags…] [--compare patient|doctor|referral|custom]
  [--cases "insured=preferential,dmg=1;doctor=nonconventioned,age=70"] [--data DIR] [--json]
The same service for each case of a kind of comparison (custom: two to four cases, each a
list of insured, dmg, doctor, referred, age separated by commas, cases by semicolons) and
why one case pays less. Exit status: 0 answered, 2 bad input.`

// runCompare prints calc.Dataset.Compare: the page's compare panel on the command line.
func runCompare(args []string, stdout, stderr io.Writer) int {
	qf, status, ok := parseQueryFlags("compare", usageCompare, args, []string{"compare", "cases"}, stdout, stderr)
	if !ok {
		return status
	}
	in, dataIn, asJSON := qf.query, qf.data, qf.json
	kind, cases := qf.extra["compare"], qf.extra["cases"]
	if kind == "" {
		kind = calc.ComparePatient
	}
	var custom []map[string]string
	if cases != "" {
		for _, c := range strings.Split(cases, ";") {
			set := map[string]string{}
			for _, kv := range strings.Split(c, ",") {
				if kv = strings.TrimSpace(kv); kv == "" {
					continue
				}
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					return fail(stderr, &calc.InputError{Field: "cases", Value: kv, Reason: "each field as name=value"})
				}
				set[strings.TrimSpace(k)] = v
			}
			custom = append(custom, set)
		}
	}
	if _, err := calc.ParseQuery(in); err != nil {
		return fail(stderr, err)
	}
	ds, code := dataFor(dataIn, stderr)
	if ds == nil {
		return code
	}
	cmp, err := ds.Compare(in, kind, custom)
	if err != nil {
		return fail(stderr, err)
	}
	if asJSON {
		printJSON(stdout, cmp.Object())
		return 0
	}
	l := cmp.Lang
	for _, col := range cmp.Columns {
		switch {
		case col.Err != nil:
			fmt.Fprintf(stdout, "%s: %s\n", col.Label, col.Err)
		case col.Quote.PersonalShare == nil:
			fmt.Fprintf(stdout, "%s: %s %s\n", col.Label, ds.Message(l, "label.personal-share"), ds.Message(l, "word.not-available"))
		default:
			fmt.Fprintf(stdout, "%s: %s %s\n", col.Label, ds.Message(l, "label.personal-share"), calc.FormatEuros(*col.Quote.PersonalShare, l))
		}
	}
	for _, d := range cmp.Differences {
		fmt.Fprintln(stdout, strings.ReplaceAll(d.Text, "\u00a0", " "))
	}
	return 0
}
