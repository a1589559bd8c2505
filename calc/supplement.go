package calc

import "github.com/shopspring/decimal"

// supplement decides whether a supplement (supplément d'honoraires / ereloonsupplement)
// may be charged on top of the fee, and why. Legal bans come first, in this order: the
// code, the room (law of 27 December 2012; day hospital from mid-2015), preferential
// patients in ambulatory care (law of 29 November 2022: automatic BIM from 2025-01-01, all
// BIM from 2026-01-01), the organised duty service. Then the doctor's convention
// (agreement §14 in seed 000, §18 in seed 001): a fully conventioned doctor — or a
// partially conventioned one outside the declared blocks — applies agreement tariffs
// except for an exigence particulière of the patient or a household above the agreement's
// income ceiling.
func (ds *Dataset) supplement(q Query, t *Tariff, cat Category) Decision {
	d := q.Date
	no := func(key string, sources []string, args ...string) Decision {
		return ds.verdict(q, key, sources, args...)
	}
	// banned is a "no" by a dated rule: the answer says since when.
	banned := func(key string, r *RuleParam) Decision {
		d := ds.verdict(q, key, r.Sources, "from", r.Period.From.String())
		d.Since = r.Period.From
		return d
	}
	yes := func(key string, sources []string, args ...string) Decision {
		d := ds.verdict(q, key, sources, args...)
		d.Allowed = true
		return d
	}
	conventioned := q.Doctor == Conventioned || q.Doctor == PartialAgreed

	if r := ds.ruleFor("supplement.ban-code", t, d, cat); r != nil {
		return no("supplement.ban-code", r.Sources)
	}
	switch q.Setting {
	case HospitalShared, DayShared:
		r := ds.ruleFor("supplement.ban-shared-room", t, d, cat)
		if q.Setting == DayShared {
			if day := ds.ruleFor("supplement.ban-day-shared", t, d, cat); day != nil {
				return banned("supplement.ban-day-shared", day)
			}
			r = nil // before the day-hospital ban, only the convention counts
		}
		if r != nil && (r.Value == "all" || conventioned) {
			return banned("supplement.ban-shared-room."+r.Value, r)
		}
	case Ambulatory:
		if r := ds.ruleFor("supplement.ban-preferential-ambulatory", t, d, cat); r != nil {
			switch {
			case r.Value == "all" || q.PreferentialKind == PreferentialAutomatic:
				return banned("supplement.ban-preferential."+r.Value, r)
			case q.PreferentialKind == "":
				// Banned for the protective reading; the kind of BIM decides.
				d := banned("supplement.ban-preferential.kind-unknown", r)
				d.Determined = false
				return d
			}
		}
	}
	if q.OnDuty {
		return no("supplement.on-duty", ds.agreementSources(d))
	}
	if p := ds.param("agreement.status", d); p != nil && p.Value == "none" {
		return yes("supplement.no-agreement", p.Sources)
	}

	switch {
	case q.Doctor == NonConventioned:
		return yes("supplement.nonconventioned", ds.agreementSources(d))
	case q.Doctor == PartialFree && t.Category == "gp-visit":
		return no("supplement.partial-visit", ds.agreementSources(d))
	case q.Doctor == PartialFree && q.Setting == Ambulatory:
		return yes("supplement.partial-free", ds.agreementSources(d))
	}
	// A conventioned doctor, or a partially conventioned one at agreement hours or in
	// hospital.
	switch {
	case q.Setting == HospitalSingle || q.Setting == DaySingle:
		return yes("supplement.single-room", ds.agreementSources(d))
	case q.SpecialRequest:
		return yes("supplement.special-request", ds.agreementSources(d))
	case q.HouseholdIncome != nil:
		return ds.incomeClause(q)
	}
	return no("supplement.agreement-tariffs", ds.agreementSources(d))
}

// incomeClause applies the agreement's household-income clause: agreement tariffs need not
// be applied to members of a household whose taxable income exceeds the household ceiling
// plus an amount per dependant (one titulaire), or the per-titulaire ceiling for each
// titulaire plus the amount per dependant (several titulaires).
func (ds *Dataset) incomeClause(q Query) Decision {
	d := q.Date
	perDep := ds.param("income_clause.per_dependant", d)
	base := ds.param("income_clause.household", d)
	if q.Titulaires > 1 {
		base = ds.param("income_clause.per_titulaire", d)
	}
	if base == nil || perDep == nil {
		v := ds.verdict(q, "supplement.income-clause-unknown", ds.agreementSources(d))
		v.Determined = false
		return v
	}
	b, _ := decimalOf(base)
	pd, _ := decimalOf(perDep)
	ceiling := pd.Mul(decimal.NewFromInt(int64(q.Dependants)))
	if q.Titulaires > 1 {
		ceiling = ceiling.Add(b.Mul(decimal.NewFromInt(int64(q.Titulaires))))
	} else {
		ceiling = ceiling.Add(b)
	}
	args := []string{"ceiling", euros(ceiling), "income", euros(*q.HouseholdIncome)}
	if q.HouseholdIncome.GreaterThan(ceiling) {
		v := ds.verdict(q, "supplement.income-clause-above", base.Sources, args...)
		v.Allowed = true
		return v
	}
	return ds.verdict(q, "supplement.income-clause-below", base.Sources, args...)
}

// param returns the year parameter of that name valid on d, or nil.
func (ds *Dataset) param(name string, d Date) *Param {
	ps := ds.params[name] // one map lookup, not one per row (a quote asks for ~20 parameters)
	for i := range ps {
		if ps[i].Period.Contains(d) {
			return &ps[i]
		}
	}
	return nil
}

// agreementSources names the national agreement in force on d, the text the convention
// rules come from.
func (ds *Dataset) agreementSources(d Date) []string {
	if p := ds.param("agreement", d); p != nil {
		return p.Sources
	}
	return nil
}

// decimalOf reads an amount parameter; false when p is nil.
func decimalOf(p *Param) (decimal.Decimal, bool) {
	if p == nil {
		return decimal.Decimal{}, false
	}
	return parseMoney(p.Value)
}
