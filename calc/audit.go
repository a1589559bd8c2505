package calc

import "github.com/shopspring/decimal"

// Audit checks the published figures against each other and against the rules, and returns
// every disagreement as a *DataError (an empty list means the data is consistent):
//
//   - the preferential share is not above the ordinary share (same DMG status);
//   - the share with a DMG is not above the share without (same insured status);
//   - a published reimbursement agrees with the fixed share rule in force (share.fixed) on
//     every day the two overlap;
//   - a child's home-visit share is within the cap (share.cap-child-visit);
//   - an amount published for a patient category (prices.csv) is not above the fee of the
//     day it starts (the engine never uses such an amount).
//
// The loader has already made sure that no reimbursement of a tariff row exceeds its fee.
func (ds *Dataset) Audit() []error {
	var out []error
	for _, code := range ds.Codes() {
		for i := range ds.tariffs[code] {
			out = append(out, ds.auditRow(&ds.tariffs[code][i])...)
		}
		out = append(out, ds.auditPrices(code)...)
	}
	return append(out, ds.auditConflicts()...)
}

func (ds *Dataset) auditPrices(code Code) []error {
	var out []error
	rows := ds.tariffs[code]
	for _, p := range ds.prices[code] {
		if fc := ds.feeCodes[p.FeeCode]; !fc.usable() && p.FeeCode != feeCodeOrdinary && p.FeeCode != feeCodePreferential {
			continue
		}
		for _, t := range rows {
			if t.Fee != nil && t.Period.Contains(p.Period.From) && p.Amount.GreaterThan(*t.Fee) {
				out = append(out, &DataError{File: p.File, Line: p.Line, Field: "amount", Err: "code " + string(code) + " fee code " + itoa(p.FeeCode) + ": " +
					euros(p.Amount) + " is above the fee " + euros(*t.Fee) + " on " + p.Period.From.String() + " (" + t.File + ":" + itoa(t.Line) + ")"})
			}
		}
	}
	return out
}

func (ds *Dataset) auditRow(t *Tariff) []error {
	var out []error
	fail := func(msg string) {
		out = append(out, &DataError{File: t.File, Line: t.Line, Field: "reimb", Err: "code " + string(t.Code) + ": " + msg})
	}
	share := func(c Category) (decimal.Decimal, bool) {
		r, ok := t.Reimb[c]
		if !ok {
			return decimal.Decimal{}, false
		}
		return t.Fee.Sub(r), true
	}
	for _, dmg := range []bool{false, true} {
		o, ok1 := share(Category{DMG: dmg})
		p, ok2 := share(Category{Preferential: true, DMG: dmg})
		if ok1 && ok2 && p.GreaterThan(o) {
			fail("preferential share " + euros(p) + " is above the ordinary share " + euros(o))
		}
	}
	for _, pref := range []bool{false, true} {
		n, ok1 := share(Category{Preferential: pref})
		d, ok2 := share(Category{Preferential: pref, DMG: true})
		if ok1 && ok2 && d.GreaterThan(n) {
			fail("share with DMG " + euros(d) + " is above the share without " + euros(n))
		}
	}
	// Days to check against rules: the row's first day and every rule start inside the row.
	days := []Date{t.Period.From}
	for _, rs := range ds.rules {
		for _, r := range rs {
			if r.Period.From > t.Period.From && t.Period.Contains(r.Period.From) {
				days = append(days, r.Period.From)
			}
		}
	}
	for c := range t.Reimb {
		s, _ := share(c)
		for _, d := range days {
			if r := ds.ruleFor("share.fixed", t, d, c); r != nil && r.Value != "none" && !r.amount().Equal(s) {
				fail("on " + d.String() + " the published share " + euros(s) + " differs from the rule's " + euros(r.amount()) + " (rules.csv:" + itoa(r.Line) + ")")
			}
			if t.Band == BandUnder10 {
				if r := ds.ruleFor("share.cap-child-visit", t, d, c); r != nil && s.GreaterThan(r.amount()) {
					fail("on " + d.String() + " the child visit share " + euros(s) + " is above the cap " + euros(r.amount()) + " (rules.csv:" + itoa(r.Line) + ")")
				}
			}
		}
	}
	return out
}
