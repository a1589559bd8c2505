package calc

import (
	"strconv"
	"strings"
)

// A Year holds the year's parameters: the doctors' statut social, the agreement's income
// clause, the fee indexation, the BIM income ceilings, the agreement in force and the
// maximum à facturer. A parameter without a sourced value is absent (null in objects).
type Year struct {
	Year   int
	Params map[string]*Param
	Lang   Lang
	ds     *Dataset
}

// ParseYear accepts a four-digit year from 1990 to 2100.
func ParseYear(s string) (int, error) {
	s = strings.TrimSpace(s) // as ParseQuery trims every value
	if !allDigits(s, 4, 4) {
		return 0, inputError("year", s, "must be a four-digit year")
	}
	y, _ := strconv.Atoi(s)
	if y < minYear || y > maxYear {
		return 0, inputError("year", s, "out of range 1990–2100")
	}
	return y, nil
}

// Year returns the parameters in force in year y: for each parameter, the value valid on
// 1 January, or else the first one that starts during the year. It returns a *NoDataError
// when no parameter at all is sourced for that year.
func (ds *Dataset) Year(y int, lang Lang) (*Year, error) {
	if y < minYear || y > maxYear {
		return nil, inputError("year", strconv.Itoa(y), "out of range 1990–2100")
	}
	if lang == "" {
		lang = EN
	} else if _, ok := parseLang(string(lang)); !ok {
		return nil, inputError("lang", string(lang), "must be fr, nl, de or en")
	}
	yr := &Year{Year: y, Params: map[string]*Param{}, Lang: lang, ds: ds}
	jan1, dec31 := DateOf(y, 1, 1), DateOf(y, 12, 31)
	whole := Period{From: jan1, To: dec31}
	for name, ps := range ds.params {
		var pick *Param
		for i := range ps {
			p := &ps[i]
			switch {
			case p.Period.Contains(jan1):
				pick = p
			case pick == nil && p.Period.Overlaps(whole):
				pick = p
			case pick != nil && !pick.Period.Contains(jan1) && p.Period.Overlaps(whole) && p.Period.From < pick.Period.From:
				pick = p
			}
		}
		if pick != nil {
			yr.Params[name] = pick
		}
	}
	if len(yr.Params) == 0 {
		return nil, &NoDataError{Reason: ds.text(lang, "nodata.year", kv("year", strconv.Itoa(y)))}
	}
	return yr, nil
}

// StatutStatus names the statut social a doctor's status gives (the year's
// statut_social.KEY, "none" for no benefit): in_training for a doctor in training, none for
// a non-conventioned doctor, partial for a partially conventioned one, full otherwise. The
// answer's statut_social uses it, and the doctor view through contract.js (scripts/sitegen),
// which needs it without an answer.
func StatutStatus(d DoctorStatus, training bool) string {
	switch {
	case training:
		return "in_training"
	case d == NonConventioned:
		return "none"
	case d == PartialAgreed || d == PartialFree:
		return "partial"
	}
	return "full"
}

func (yr *Year) value(name string, used *sourceSet) any {
	p := yr.Params[name]
	if p == nil {
		return nil
	}
	used.list(p.Sources)
	return p.Value
}

// yearLayout maps the keys of the year object to parameter names: a top-level key, or
// "group.key" for a key inside a nested object. Kept as data so that the object is built
// by one loop (a literal per key costs kilobytes of wasm).
func yearLayout() [][2]string {
	return [][2]string{
		{"statut_social.full", "statut_social.full"},
		{"statut_social.partial", "statut_social.partial"},
		{"statut_social.in_training", "statut_social.in_training"},
		{"income_clause", "income_clause.household"},
		{"income_clause_detail.household", "income_clause.household"},
		{"income_clause_detail.per_dependant", "income_clause.per_dependant"},
		{"income_clause_detail.per_titulaire", "income_clause.per_titulaire"},
		{"indexation", "indexation"},
		{"indexation_detail", "indexation.detail"},
		{"bim_income_ceiling", "bim_ceiling.annual"},
		{"bim_income_ceiling_detail.annual", "bim_ceiling.annual"},
		{"bim_income_ceiling_detail.annual_per_dependant", "bim_ceiling.annual_per_dependant"},
		{"bim_income_ceiling_detail.monthly", "bim_ceiling.monthly"},
		{"bim_income_ceiling_detail.monthly_per_dependant", "bim_ceiling.monthly_per_dependant"},
		{"agreement", "agreement"},
		{"agreement_status", "agreement.status"},
		{"accreditation_lump_sum", "accreditation_lump_sum"},
		{"sources_verified", "sources_verified"},
		{"maf.social", "maf.social"},
		{"maf.child", "maf.child"},
		{"maf.chronic_reduction", "maf.chronic_reduction"},
	}
}

// Object returns the year as the object of the contract (BRIEF §8): statut_social.full,
// .partial, .in_training, income_clause, indexation, bim_income_ceiling and agreement, each
// a string or null, with detail objects, the maximum à facturer, other amounts, notes and
// the sources.
func (yr *Year) Object() map[string]any {
	used := &sourceSet{ds: yr.ds}
	o := obj("year", itoa(yr.Year))
	for _, kv := range yearLayout() {
		dst, key := o, kv[0]
		if group, k, nested := strings.Cut(kv[0], "."); nested {
			m, ok := o[group].(map[string]any)
			if !ok {
				m = map[string]any{}
				o[group] = m
			}
			dst, key = m, k
		}
		dst[key] = yr.value(kv[1], used)
	}
	var brackets []any
	for i := 1; i <= 9; i++ {
		n := "maf.bracket." + strconv.Itoa(i)
		if yr.Params[n+".ceiling"] == nil {
			continue
		}
		brackets = append(brackets, obj("up_to", yr.value(n+".upto", used), "ceiling", yr.value(n+".ceiling", used)))
	}
	o["maf"].(map[string]any)["brackets"] = orEmpty(brackets)
	var other, notes []any
	for _, name := range sortedKeys(yr.Params) {
		p := yr.Params[name]
		entry := obj("valid_from", p.Period.From.String(), "valid_to", optString(p.Period.To.String()), "sources", used.list(p.Sources))
		switch {
		case strings.HasPrefix(name, "amount.") && isSlug(name[len("amount."):]):
			entry["name"], entry["value"], entry["description"] = strings.TrimPrefix(name, "amount."), p.Value, optString(p.Note)
			other = append(other, entry)
		case p.Note != "":
			entry["parameter"], entry["text"] = name, p.Note
			notes = append(notes, entry)
		}
	}
	o["other_amounts"] = orEmpty(other)
	o["notes"] = orEmpty(notes)
	o["sources"] = used.all()
	return o
}

func orEmpty(xs []any) []any {
	if xs == nil {
		return []any{}
	}
	return xs
}
