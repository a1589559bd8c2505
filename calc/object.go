package calc

import "github.com/shopspring/decimal"

// Objects are what every interface prints: the command line as JSON, the JS API as plain
// objects. Their values are only string, bool, nil, []any and map[string]any, so that
// encoding/json and syscall/js turn them into the same thing.

func optEuros(d *decimal.Decimal) any {
	if d == nil {
		return nil
	}
	return euros(*d)
}

func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Object returns the quote as the object of the contract (BRIEF §8): fee, reimbursement,
// personal_share, supplement, third_party_payment, pay_at_desk, explanation, sources, and
// bill_check when a paid amount was given.
func (res *Quote) Object() map[string]any {
	used := &sourceSet{ds: res.ds}
	steps := func(ss []Step) []any {
		out := make([]any, len(ss))
		for i, s := range ss {
			out[i] = map[string]any{"key": s.Key, "text": s.Text, "amount": optEuros(s.Amount), "source": used.first(s.Sources), "sources": used.list(s.Sources), "detail": optString(s.Detail)}
		}
		return out
	}
	decision := func(d Decision, field string) map[string]any {
		return map[string]any{field: d.Allowed, "determined": d.Determined, "key": d.Key, "reason": d.Reason,
			"since": optString(d.Since.String()), "sources": used.list(d.Sources)}
	}
	t := res.Service
	o := map[string]any{
		"query": valuesObject(res.Query.Values()),
		"code":  string(t.Code),
		"date":  res.Query.Date.String(),
		"service": map[string]any{"code": string(t.Code), "label_fr": optString(t.LabelFR), "label_nl": optString(t.LabelNL),
			"category": t.Category, "specialty": optString(t.Specialty), "band": optString(string(t.Band)),
			"valid_from": t.Period.From.String(), "valid_to": optString(t.Period.To.String()),
			"key_letters": optString(t.KeyLetters), "coefficients": optString(t.Coefficients), "note": optString(t.Note)},
		"fee":            euros(res.Fee),
		"reimbursement":  optEuros(res.Reimbursement),
		"personal_share": optEuros(res.PersonalShare),
		"supplement":     decision(res.Supplement, "allowed"),
		"third_party_payment": func() map[string]any {
			tp := res.ThirdParty
			return map[string]any{"mandatory": tp.Mandatory, "determined": true, "key": tp.Key, "reason": tp.Reason,
				"since": optString(tp.Since.String()), "sources": used.list(tp.Sources), "applied": tp.Applied}
		}(),
		"pay_at_desk":                     optEuros(res.PayAtDesk),
		"pay_at_desk_with_third_party":    optEuros(res.PayAtDeskWithThirdParty),
		"pay_at_desk_without_third_party": optEuros(res.PayAtDeskWithoutThirdParty),
		"label":                           optString(res.label()),
		"label_translation":               res.labelTranslation(),
		"statut_social":                   res.statutSocial(),
		"patient_category": func() any {
			fc := res.Category
			if fc == nil {
				return nil
			}
			return map[string]any{"fee_code": itoa(fc.Number), "meaning": fc.Meaning, "category": fc.Category.Text(),
				"description": optString(fc.Description(res.Query.Lang)), "description_fr": optString(fc.DescFR), "description_nl": optString(fc.DescNL)}
		}(),
		"explanation": steps(res.Steps),
		"notes":       steps(res.Notes),
	}
	if bc := res.BillCheck; bc != nil {
		paid := bc.Paid
		o["bill_check"] = map[string]any{"paid": euros(paid), "expected": optEuros(bc.Expected),
			"supplement_charged": optEuros(bc.SupplementCharged), "verdict": bc.Verdict, "reason": bc.Reason,
			"out_of_pocket": optEuros(bc.OutOfPocket), "next_step": optString(bc.NextStep),
			"reimbursement_due": func() any {
				if res.ThirdParty.Applied {
					return "0.00"
				}
				return optEuros(res.Reimbursement)
			}()}
	}
	o["sources"] = used.all()
	return o
}

func valuesObject(v map[string]string) map[string]any {
	o := make(map[string]any, len(v))
	for k, s := range v {
		o[k] = optString(s)
	}
	return o
}

// sourceSet collects the sources an answer cites, in order of first use.
type sourceSet struct {
	ds    *Dataset
	order []string
	seen  map[string]bool
}

func (s *sourceSet) add(id string) {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if !s.seen[id] {
		s.seen[id] = true
		s.order = append(s.order, id)
	}
}

func (s *sourceSet) first(ids []string) any {
	if len(ids) == 0 {
		return nil
	}
	s.add(ids[0])
	return s.ds.sourceObject(ids[0])
}

func (s *sourceSet) list(ids []string) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		s.add(id)
		out[i] = id
	}
	return out
}

func (s *sourceSet) all() []any {
	out := make([]any, len(s.order))
	for i, id := range s.order {
		out[i] = s.ds.sourceObject(id)
	}
	return out
}

// sourceObject returns a source's object, built once per dataset and shared by every answer
// that cites it (answers are read, never changed, by the interfaces): a quote cites a
// handful of sources, each a map of six fields (issue 12: allocations per quote).
func (ds *Dataset) sourceObject(id string) map[string]any {
	if o, ok := ds.sourceObjects[id]; ok {
		return o
	}
	src := ds.sources[id]
	return map[string]any{"id": id, "kind": src.Kind, "title": src.Title, "url": src.URL, "date": optString(src.Date), "eli": optString(src.ELI)}
}

// label is the service's label in the query's language: Dutch for nl, French otherwise
// (the official labels are French and Dutch), the other one when that one is missing.
func (res *Quote) label() string {
	fr, nl := res.Service.LabelFR, res.Service.LabelNL
	if (res.Query.Lang == NL || fr == "") && nl != "" {
		return nl
	}
	return fr
}

// statutSocial is the doctors' yearly social benefit for the query's doctor
// (StatutStatus; none has no amount): the amount in force on the query's date when
// sourced, else null.
func (res *Quote) statutSocial() map[string]any {
	q := res.Query
	status := StatutStatus(q.Doctor, q.InTraining)
	o := map[string]any{"status": status, "amount": nil, "sources": []any{}}
	if p := res.ds.param("statut_social."+status, q.Date); p != nil {
		o["amount"], o["sources"] = p.Value, stringsToAny(p.Sources)
	}
	return o
}
