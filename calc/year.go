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
		return nil, &NoDataError{Reason: ds.text(lang, "nodata.year", map[string]string{"year": strconv.Itoa(y)})}
	}
	return yr, nil
}

func (yr *Year) value(name string, used *sourceSet) any {
	p := yr.Params[name]
	if p == nil {
		return nil
	}
	used.list(p.Sources)
	return p.Value
}

// Object returns the year as the object of the contract (BRIEF §8): statut_social.full,
// .partial, .in_training, income_clause, indexation, bim_income_ceiling and agreement, each
// a string or null, with detail objects and the sources.
func (yr *Year) Object() map[string]any {
	used := &sourceSet{ds: yr.ds}
	v := func(name string) any { return yr.value(name, used) }
	o := map[string]any{
		"year": yr.Year,
		"statut_social": map[string]any{
			"full": v("statut_social.full"), "partial": v("statut_social.partial"), "in_training": v("statut_social.in_training"),
		},
		"income_clause": v("income_clause.household"),
		"income_clause_detail": map[string]any{
			"household": v("income_clause.household"), "per_dependant": v("income_clause.per_dependant"),
			"per_titulaire": v("income_clause.per_titulaire"),
		},
		"indexation":         v("indexation"),
		"indexation_detail":  v("indexation.detail"),
		"bim_income_ceiling": v("bim_ceiling.annual"),
		"bim_income_ceiling_detail": map[string]any{
			"annual": v("bim_ceiling.annual"), "annual_per_dependant": v("bim_ceiling.annual_per_dependant"),
			"monthly": v("bim_ceiling.monthly"), "monthly_per_dependant": v("bim_ceiling.monthly_per_dependant"),
		},
		"agreement":              v("agreement"),
		"agreement_status":       v("agreement.status"),
		"accreditation_lump_sum": v("accreditation_lump_sum"),
		"sources_verified":       v("sources_verified"),
	}
	var brackets []any
	for i := 1; i <= 9; i++ {
		n := "maf.bracket." + strconv.Itoa(i)
		if yr.Params[n+".ceiling"] == nil {
			continue
		}
		brackets = append(brackets, map[string]any{"up_to": v(n + ".upto"), "ceiling": v(n + ".ceiling")})
	}
	o["maf"] = map[string]any{"brackets": orEmpty(brackets), "social": v("maf.social"), "child": v("maf.child"), "chronic_reduction": v("maf.chronic_reduction")}
	var other []any
	for _, name := range sortedKeys(yr.Params) {
		if p := yr.Params[name]; isOtherAmount(name) {
			other = append(other, map[string]any{"name": strings.TrimPrefix(name, "amount."), "value": p.Value, "description": optString(p.Note),
				"valid_from": p.Period.From.String(), "valid_to": optString(p.Period.To.String()), "sources": used.list(p.Sources)})
		}
	}
	o["other_amounts"] = orEmpty(other)
	var notes []any
	for _, name := range sortedKeys(yr.Params) {
		if p := yr.Params[name]; p.Note != "" && !isOtherAmount(name) {
			notes = append(notes, map[string]any{"parameter": name, "text": p.Note, "valid_from": p.Period.From.String(), "valid_to": optString(p.Period.To.String()), "sources": used.list(p.Sources)})
		}
	}
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
