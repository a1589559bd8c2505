package calc

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Rules the engine implements. Each rule's logic lives here, documented next to its code;
// its amounts, dates and sources live in data/rules.csv, one row per dated parameter, and
// what its value is (kind, unit, labels) in data/registry.csv.
// To find "the specialist share after 2015", search this file for the rule name
// (share.fixed) and data/rules.csv for the rows.
//
//	share.fixed                 The personal share of a code or category is a fixed amount
//	                            for each patient category (insured × DMG). Value: an amount,
//	                            or "none" to say a code is outside a category's fixed share.
//	                            GP consultations 101010/101032/101054/101076 from 2011-12-01
//	                            (6.00/4.00/1.50/1.00, AR of 23 March 1982 as amended);
//	                            specialist consultations from 2015-01-01 (12.00/3.00);
//	                            supplements 102491/102513; teleconsultations; DMG management.
//	share.referral-reduction    A specialist consultation after a GP referral: the share is
//	                            lower by the value (5.00 ordinary / 2.00 preferential, since
//	                            2007-02-01) when the patient has a DMG, it is the first
//	                            consultation of that specialty in the calendar year, and no
//	                            third-party payment is used. Never below zero.
//	referral.specialties        The specialties the referral reduction applies to (value:
//	                            ;-separated specialties from data/README.md).
//	share.free-young-preferential
//	                            Preferential patients aged 0 to the value (24) with a DMG pay
//	                            no personal share at GPs and specialists (agreement tariffs),
//	                            from 2023-10-01.
//	share.cap-child-visit       GP home visits of children under 10: the share is at most the
//	                            value (twice the DMG consultation share). Used to check data.
//	share.dmg-visit-min-age     The DMG 30 % share reduction applies to GP home visits only
//	                            for patients aged at least the value (75) or chronically ill;
//	                            for others the DMG does not change a visit's share.
//	share.visit-surcharge       The published no-DMG share of ordinary patients aged 10–74
//	                            for these visit codes includes a surcharge (value, 1.00)
//	                            that DMG holders, patients under 10, of 75 and over and the
//	                            chronically ill do not pay (AR amending the AR of 23 March
//	                            1982, Council of Ministers 19 December 2003).
//	not-reimbursed              The code is not reimbursed and a conventioned doctor may not
//	                            charge it (phone consultations from 2025-02-15).
//	third-party.mandatory       The doctor must apply third-party payment (preferential
//	                            patients at GP consultations, legally from 2015-07-01).
//	supplement.ban-shared-room  No supplement for a patient in a double or common room.
//	                            Value: "all" doctors (law of 27 December 2012) or only
//	                            "conventioned" ones (before).
//	supplement.ban-day-shared   No supplement in a double or common room in day hospital.
//	supplement.ban-preferential-ambulatory
//	                            No supplement for preferential patients in ambulatory care.
//	                            Value: "automatic" (BIM through a social benefit, from
//	                            2025-01-01) or "all" (every BIM, from 2026-01-01).
//	supplement.ban-code         No supplement may be charged for these codes.
//
// ruleFor returns the parameter of a rule that applies to a tariff row, a date and a
// patient category, or nil. A row naming the code wins over a row naming its category,
// which wins over a row naming neither (all codes).
func (ds *Dataset) ruleFor(name string, t *Tariff, d Date, c Category) *RuleParam {
	var best *RuleParam
	bestRank := 0
	rules := ds.rules[name] // one map lookup, not one per row
	for i := range rules {
		p := &rules[i]
		if !p.Period.Contains(d) || !p.matchesPatient(c) {
			continue
		}
		rank := 0
		switch {
		case len(p.Codes) > 0:
			if t == nil || !hasCode(p.Codes, t.Code) {
				continue
			}
			rank = 3
		case p.Category != "":
			if t == nil || p.Category != t.Category {
				continue
			}
			rank = 2
		default:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = p, rank
		}
	}
	return best
}

func (p *RuleParam) matchesPatient(c Category) bool {
	switch p.Insured {
	case "ordinary":
		if c.Preferential {
			return false
		}
	case "preferential":
		if !c.Preferential {
			return false
		}
	}
	switch p.DMG {
	case "yes":
		return c.DMG
	case "no":
		return !c.DMG
	}
	return true
}

func hasCode(list []Code, c Code) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

// amount is the rule's value as an amount (zero when it is not one), read at load.
func (p *RuleParam) amount() decimal.Decimal { return p.money }

func (p *RuleParam) integer() int {
	n, _ := strconv.Atoi(p.Value)
	return n
}
