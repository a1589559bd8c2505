package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"honoraria/calc"
)

// runSearch: honoraria search WORDS… [--lang fr|nl|de|en] [--date YYYY-MM-DD] [--limit N]
// [--json] [--data DIR] — the services whose code starts with the words or whose FR/NL
// labels hold every word, those with figures on --date first (calc.Index.Search, the
// same code as the web page's search box).
func runSearch(args []string, stdout, stderr io.Writer) int {
	fields := []string{"lang", "date", "limit", "json", "data"}
	in := map[string]string{}
	var words []string
	for len(args) > 0 { // words and flags in any order
		got, rest, err := parseFlags("search", args, fields, map[string]bool{"json": true})
		if err != nil {
			return fail(stderr, err)
		}
		for k, v := range got {
			in[k] = v
		}
		if len(rest) == 0 {
			break
		}
		words = append(words, rest[0])
		args = rest[1:]
	}
	text := strings.Join(words, " ")
	if strings.TrimSpace(text) == "" {
		return fail(stderr, &calc.InputError{Field: "words", Reason: "required: search WORDS… (a code prefix or words of the label)"})
	}
	asJSON, err := boolFlag("json", in)
	if err != nil {
		return fail(stderr, err)
	}
	lang := calc.FR
	if l, ok := in["lang"]; ok {
		switch calc.Lang(l) {
		case calc.FR, calc.NL, calc.DE, calc.EN:
			lang = calc.Lang(l)
		default:
			return fail(stderr, &calc.InputError{Field: "lang", Value: l, Reason: "must be fr, nl, de or en"})
		}
	}
	var date calc.Date
	if d, ok := in["date"]; ok {
		if date, err = calc.ParseDate(d); err != nil {
			return fail(stderr, &calc.InputError{Field: "date", Value: d, Reason: err.Error()})
		}
	}
	limit := 20
	if l, ok := in["limit"]; ok {
		if limit, err = strconv.Atoi(l); err != nil || limit < 1 || limit > 1000 {
			return fail(stderr, &calc.InputError{Field: "limit", Value: l, Reason: "must be a number from 1 to 1000"})
		}
	}
	ds, code := dataFor(in, stderr)
	if ds == nil {
		return code
	}
	found := ds.Index().Search(text, date, limit)
	if asJSON {
		out := make([]any, len(found))
		for i, s := range found {
			out[i] = ds.SearchObject(s, lang)
		}
		printJSON(stdout, out)
		return 0
	}
	if len(found) == 0 {
		fmt.Fprintln(stdout, "(no service found)")
		return 0
	}
	for _, s := range found {
		label := s.LabelFR
		if lang == calc.NL && s.LabelNL != "" || label == "" {
			label = s.LabelNL
		}
		to := s.To.String()
		if to == "" {
			to = "…"
		}
		fmt.Fprintf(stdout, "%s  %s  (%s – %s)\n", s.Code, label, s.From, to)
		if tr, ok := ds.SearchObject(s, lang)["label_translation"].(map[string]any); ok {
			fmt.Fprintf(stdout, "        %s (%s)\n", tr["label"], tr["mark"])
		}
	}
	return 0
}
