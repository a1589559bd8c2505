package main

import (
	"fmt"
	"io"
	"strings"

	"honoraria/calc"
)

func runYear(args []string, stdout, stderr io.Writer) int {
	in, rest, err := parseFlags("year", args, []string{"year", "lang", "json", "data"}, map[string]bool{"json": true})
	if err != nil {
		return fail(stderr, err)
	}
	if len(rest) > 0 {
		return fail(stderr, &calc.InputError{Field: "arguments", Value: strings.Join(rest, " "), Reason: "year takes only --flags"})
	}
	if in["year"] == "" {
		return fail(stderr, &calc.InputError{Field: "year", Reason: "required: --year YYYY"})
	}
	y, err := calc.ParseYear(in["year"])
	if err != nil {
		return fail(stderr, err)
	}
	lang := calc.Lang(in["lang"])
	ds, code := loadDataFrom(in, stderr)
	if ds == nil {
		return code
	}
	yr, err := ds.Year(y, lang)
	if err != nil {
		return fail(stderr, err)
	}
	o := yr.Object()
	if in["json"] != "" && in["json"] != "false" {
		printJSON(stdout, o)
		return 0
	}
	s := func(v any) string {
		if x, ok := v.(string); ok {
			return x
		}
		return "not available"
	}
	ss := o["statut_social"].(map[string]any)
	fmt.Fprintf(stdout, "%d\n  statut social: full %s, partial %s, in training %s\n", y, s(ss["full"]), s(ss["partial"]), s(ss["in_training"]))
	fmt.Fprintf(stdout, "  income clause (household): %s\n  indexation: %s\n  BIM income ceiling: %s\n  agreement: %s\n",
		s(o["income_clause"]), s(o["indexation"]), s(o["bim_income_ceiling"]), s(o["agreement"]))
	return 0
}
