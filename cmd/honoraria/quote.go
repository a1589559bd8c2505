package main

import (
	"fmt"
	"io"
	"strings"

	"honoraria/calc"
)

func runQuote(args []string, stdout, stderr io.Writer) int {
	fields := append(calc.QueryFields(), "json", "data")
	bools := map[string]bool{"dmg": true, "chronic": true, "referred": true, "on-duty": true,
		"special-request": true, "third-party": true, "json": true}
	in, rest, err := parseFlags("quote", args, fields, bools)
	if err != nil {
		return fail(stderr, err)
	}
	if len(rest) > 0 {
		return fail(stderr, &calc.InputError{Field: "arguments", Value: strings.Join(rest, " "), Reason: "quote takes only --flags"})
	}
	asJSON := in["json"] != "" && in["json"] != "false"
	delete(in, "json")
	dir, withData := in["data"]
	delete(in, "data")
	q, err := calc.ParseQuery(in)
	if err != nil {
		return fail(stderr, err)
	}
	from := map[string]string{}
	if withData {
		from["data"] = dir
	}
	ds, code := loadDataFrom(from, stderr)
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
	printQuote(stdout, res)
	return 0
}

// labels are the words of the readable answer, per language.
func labels(l calc.Lang) map[string]string {
	switch l {
	case calc.FR:
		return map[string]string{"fee": "Honoraire", "reimbursement": "Intervention de l'assurance", "share": "Intervention personnelle", "desk": "À payer au cabinet", "supplement": "Supplément autorisé", "yes": "oui", "no": "non", "third": "Tiers payant obligatoire", "why": "Pourquoi", "na": "non disponible", "bill": "Contrôle de la facture"}
	case calc.NL:
		return map[string]string{"fee": "Honorarium", "reimbursement": "Tegemoetkoming", "share": "Remgeld", "desk": "Te betalen bij de arts", "supplement": "Supplement toegelaten", "yes": "ja", "no": "nee", "third": "Derdebetalersregeling verplicht", "why": "Waarom", "na": "niet beschikbaar", "bill": "Controle van de factuur"}
	case calc.DE:
		return map[string]string{"fee": "Honorar", "reimbursement": "Erstattung", "share": "Eigenanteil", "desk": "Beim Arzt zu zahlen", "supplement": "Honorarzuschlag zulässig", "yes": "ja", "no": "nein", "third": "Drittzahlerregelung Pflicht", "why": "Warum", "na": "nicht verfügbar", "bill": "Rechnungsprüfung"}
	}
	return map[string]string{"fee": "Fee", "reimbursement": "Reimbursement", "share": "Personal share", "desk": "Paid at the desk", "supplement": "Supplement allowed", "yes": "yes", "no": "no", "third": "Third-party payment mandatory", "why": "Why", "na": "not available", "bill": "Bill check"}
}

func printQuote(w io.Writer, res *calc.Quote) {
	o := res.Object()
	l := labels(res.Query.Lang)
	amt := func(v any) string {
		if s, ok := v.(string); ok {
			return strings.Replace(s, ".", ",", 1) + " €"
		}
		return l["na"]
	}
	yn := func(b bool) string {
		if b {
			return l["yes"]
		}
		return l["no"]
	}
	svc := o["service"].(map[string]any)
	label, _ := svc["label_fr"].(string)
	if nl, ok := svc["label_nl"].(string); ok && (res.Query.Lang == calc.NL || label == "") {
		label = nl
	}
	fmt.Fprintf(w, "%s %s — %s\n", res.Query.Code, res.Query.Date, label)
	fmt.Fprintf(w, "  %-30s %s\n", l["fee"], amt(o["fee"]))
	fmt.Fprintf(w, "  %-30s %s\n", l["reimbursement"], amt(o["reimbursement"]))
	fmt.Fprintf(w, "  %-30s %s\n", l["share"], amt(o["personal_share"]))
	fmt.Fprintf(w, "  %-30s %s\n", l["desk"], amt(o["pay_at_desk"]))
	fmt.Fprintf(w, "  %-30s %s — %s\n", l["supplement"], yn(res.Supplement.Allowed), res.Supplement.Reason)
	fmt.Fprintf(w, "  %-30s %s\n", l["third"], yn(res.ThirdParty.Allowed))
	if bc := res.BillCheck; bc != nil {
		fmt.Fprintf(w, "%s: %s — %s\n", l["bill"], bc.Verdict, bc.Reason)
	}
	fmt.Fprintf(w, "%s:\n", l["why"])
	for _, s := range append(res.Steps, res.Notes...) {
		line := "  - " + s.Text
		if s.Amount != nil {
			line += " [" + amt(s.Amount.StringFixed(2)) + "]"
		}
		if len(s.Sources) > 0 {
			if src, ok := res.Source(s.Sources[0]); ok {
				line += " (" + src.Title + ")"
			}
		}
		fmt.Fprintln(w, line)
	}
}
