package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"honoraria/calc"
)

func sortedNames(m map[string]*calc.Param) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func runYear(args []string, stdout, stderr io.Writer) int {
	in, rest, err := parseFlags("year", args, []string{"year", "lang", "json", "data"}, map[string]bool{"json": true})
	if err == errHelp {
		fmt.Fprintln(stdout, "usage: honoraria year --year YYYY [--lang fr|nl|de|en] [--data DIR] [--json]")
		return 0
	}
	if err != nil {
		return fail(stderr, err)
	}
	if len(rest) > 0 {
		return fail(stderr, &calc.InputError{Field: "arguments", Value: strings.Join(rest, " "), Reason: "year takes only --flags"})
	}
	asJSON, err := boolFlag("json", in)
	if err != nil {
		return fail(stderr, err)
	}
	if strings.TrimSpace(in["year"]) == "" {
		return fail(stderr, &calc.InputError{Field: "year", Reason: "required: --year YYYY"})
	}
	y, err := calc.ParseYear(in["year"])
	if err != nil {
		return fail(stderr, err)
	}
	lang := calc.Lang(in["lang"])
	ds, code := dataFor(in, stderr)
	if ds == nil {
		return code
	}
	yr, err := ds.Year(y, lang)
	if err != nil {
		return fail(stderr, err)
	}
	o := yr.Object()
	if asJSON {
		printJSON(stdout, o)
		return 0
	}
	// The readable form: each parameter with its registry label and unit, in the language.
	if lang == "" {
		lang = calc.EN
	}
	fmt.Fprintf(stdout, "%d\n", y)
	for _, name := range sortedNames(yr.Params) {
		p := yr.Params[name]
		e, _ := ds.Parameter(name)
		v := p.Value
		if d, err := decimal.NewFromString(v); err == nil && e.Unit == "eur" {
			v = calc.FormatEuros(d, lang)
		} else if e.Unit == "percent" {
			v = strings.Replace(v, ".", ",", 1) + " %"
		}
		label := e.Labels[lang]
		if label == "" {
			label = name
		}
		fmt.Fprintf(stdout, "  %-55s %s\n", label+" ("+name+")", v)
	}
	return 0
}
