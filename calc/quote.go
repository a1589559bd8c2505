package calc

import (
	"strings"

	"github.com/shopspring/decimal"
)

// A Step is one line of "why this amount": a message key, its text in the query's
// language, the amount it produced (nil when none) and the sources behind it.
type Step struct {
	Key     string
	Text    string
	Amount  *decimal.Decimal
	Sources []string
	Detail  string // a remark of the data, in the language it was written in (shown behind "details")
}

// A Decision is a yes/no answer with its reason: may a supplement be charged. Determined
// is false when the answer depends on something
// the query did not say (e.g. which kind of preferential status); Allowed then holds the
// answer for the protective reading and Reason says what it depends on.
type Decision struct {
	Allowed    bool
	Determined bool
	Key        string
	Reason     string
	Sources    []string
	Since      Date // the start of the rule behind the answer, when one is
}

// A BillCheck compares what a patient paid with what the rules allow.
type BillCheck struct {
	Paid              decimal.Decimal
	Expected          *decimal.Decimal // what the patient owes without supplement
	SupplementCharged *decimal.Decimal
	// OutOfPocket is what the patient is left to pay once the insurer has paid back the
	// reimbursement (nothing comes back when third-party payment applied: the insurer paid
	// the doctor); nil when the reimbursement is not known.
	OutOfPocket *decimal.Decimal
	Verdict     string // ok, allowed, not-allowed, unknown
	Reason      string
	NextStep    string // what to do when the supplement was not allowed
}

// A Quote is the answer to a [Query]. Reimbursement and PersonalShare are nil when the fee
// is sourced but no published figure or rule gives the reimbursement: the explanation then
// says so, and no amount is guessed.
type Quote struct {
	Query         Query
	Service       Tariff
	Fee           decimal.Decimal
	Reimbursement *decimal.Decimal
	PersonalShare *decimal.Decimal
	Supplement    Decision
	ThirdParty    ThirdParty
	// What is paid at the desk (supplement excluded): the personal share with third-party
	// payment, the whole fee without it (the insurer then pays the reimbursement back).
	PayAtDesk                  *decimal.Decimal
	PayAtDeskWithThirdParty    *decimal.Decimal
	PayAtDeskWithoutThirdParty *decimal.Decimal
	BillCheck                  *BillCheck
	// Category is the fee code whose published patient category priced the quote, when
	// one did (prices.csv); nil when the reimbursement came from the tariff row or a rule.
	Category *FeeCode
	Steps    []Step
	Notes    []Step

	ds   *Dataset
	room [9]Step // room for 6 steps and 3 notes, allocated with the quote (the data's quotes have 3 to 5 and 0 to 2)
}

// ThirdParty says whether third-party payment (tiers payant) is mandatory, since when and
// why, and whether it is applied (mandatory, or asked for in the query).
type ThirdParty struct {
	Mandatory bool
	Applied   bool
	Key       string
	Reason    string
	Sources   []string
	Since     Date // the start of the rule that makes it mandatory
}

// Quote answers a query: fee, reimbursement, personal share, supplement, third-party
// payment and pay-at-desk, with the steps that produced them. It returns an *InputError
// when the query lacks something this service needs (the age for a GP home visit) and a
// *NoDataError when no sourced figure covers the code and date.
func (ds *Dataset) Quote(q Query) (*Quote, error) {
	if q.Code == "" || q.Date == 0 {
		return nil, inputError("code", string(q.Code), "a query needs a code and a date (use ParseQuery)")
	}
	// Open-ended rows hold "until further notice", not forever: past the last year of
	// the data (fees are indexed every 1 January) the answer is "no data".
	if ds.horizon > 0 && q.Date.Year() > ds.horizon {
		e := &NoDataError{Code: q.Code, Date: q.Date, Reason: ds.textArgs(q.Lang, "nodata.horizon", "year", itoa(ds.horizon))}
		e.Last, e.Next = ds.knownAround(q)
		return nil, e
	}
	rows := ds.tariffs[q.Code]
	if len(rows) == 0 {
		return nil, &NoDataError{Code: q.Code, Date: q.Date, Reason: ds.textArgs(q.Lang, "nodata.code")}
	}
	var band Band
	if rows[0].Category == "gp-visit" || rows[0].Band != "" {
		if q.Age < 0 {
			return nil, inputError("age", "", ds.textArgs(q.Lang, "input.age-required", "code", string(q.Code)))
		}
		band = visitBand(q)
	}
	var t *Tariff
	for i := range rows {
		// An unbanded row (an import prices bands by fee code) serves every band.
		if (rows[i].Band == band || rows[i].Band == "") && rows[i].Period.Contains(q.Date) {
			t = &rows[i]
			break
		}
	}
	if t == nil || t.Fee == nil {
		e := &NoDataError{Code: q.Code, Date: q.Date, Reason: ds.textArgs(q.Lang, "nodata.fee")}
		if t == nil {
			e.Reason = ds.textArgs(q.Lang, "nodata.date", "periods", periodsOf(rows, band))
		}
		e.Last, e.Next = ds.knownAround(q)
		return nil, e
	}
	cat := Category{Preferential: q.Preferential, DMG: q.DMG}
	if r := ds.ruleFor("not-reimbursed", t, q.Date, cat); r != nil {
		return nil, &NoDataError{Code: q.Code, Date: q.Date, Reason: ds.textArgs(q.Lang, "nodata.not-reimbursed", "from", r.Period.From.String())}
	}

	res := &Quote{Query: q, Service: *t, Fee: *t.Fee, ds: ds}
	res.Steps, res.Notes = res.room[:0:6], res.room[6:6:9] // more grow as any slice
	res.Service.LabelFR, res.Service.LabelNL = ds.labelsOf(t)
	res.step("fee.published", t.Fee, t.Sources, "code", string(t.Code), "label", res.label(), "period", t.Period.String())
	if t.Link != "" {
		res.step("fee.linked", nil, t.Sources)
		res.Steps[len(res.Steps)-1].Detail = t.Link
	}
	if t.Band != "" {
		res.step("band."+string(t.Band), nil, nil)
	}

	res.ThirdParty = ds.thirdParty(q, t, cat)
	res.personalShare(t, cat)
	res.Supplement = ds.supplement(q, t, cat)
	res.payAtDesk()
	res.maf()
	if q.Paid != nil {
		res.billCheck()
	}
	return res, nil
}

// visitBand is the patient band of the GP home-visit tables: under 10, 75 and over or
// chronically ill, or in between.
func visitBand(q Query) Band {
	switch {
	case q.Age < 10:
		return BandUnder10
	case q.Age >= 75 || q.Chronic:
		return BandOver75OrChronic
	}
	return Band10To75
}

// knownAround returns the code's sourced fees nearest the query's date: the latest one
// starting before it and the earliest one starting after it (for the patient's band when
// the age is given).
func (ds *Dataset) knownAround(q Query) (last, next *KnownFee) {
	for i := range ds.tariffs[q.Code] {
		t := &ds.tariffs[q.Code][i]
		if t.Fee == nil || (t.Band != "" && q.Age >= 0 && t.Band != visitBand(q)) {
			continue
		}
		k := &KnownFee{Fee: euros(*t.Fee), Period: t.Period, Sources: t.Sources}
		switch {
		case t.Period.From <= q.Date && (last == nil || t.Period.From > last.Period.From):
			last = k
		case t.Period.From > q.Date && (next == nil || t.Period.From < next.Period.From):
			next = k
		}
	}
	return last, next
}

// labelsOf returns a row's labels: its own, or — where an import wrote them only where
// they change — those of the latest earlier row of the code that has them.
func (ds *Dataset) labelsOf(t *Tariff) (fr, nl string) {
	if t.LabelFR != "" || t.LabelNL != "" {
		return t.LabelFR, t.LabelNL
	}
	var best *Tariff
	for i := range ds.tariffs[t.Code] {
		r := &ds.tariffs[t.Code][i]
		if (r.LabelFR != "" || r.LabelNL != "") && r.Period.From <= t.Period.From && (best == nil || r.Period.From > best.Period.From) {
			best = r
		}
	}
	if best == nil {
		return "", ""
	}
	return best.LabelFR, best.LabelNL
}

// patientBand is the home-visit band of the row, or — for a visit row that covers every
// band (an import, whose bands are fee codes) — the patient's.
func patientBand(t *Tariff, q Query) Band {
	if t.Band == "" && t.Category == "gp-visit" && q.Age >= 0 {
		return visitBand(q)
	}
	return t.Band
}

func periodsOf(rows []Tariff, band Band) string {
	var ps []string
	for _, r := range rows {
		if r.Band == band {
			ps = append(ps, r.Period.String())
		}
	}
	return strings.Join(ps, ", ")
}

func (res *Quote) step(key string, amount *decimal.Decimal, sources []string, args ...string) {
	res.Steps = append(res.Steps, Step{Key: key, Text: res.ds.textArgs(res.Query.Lang, key, args...), Amount: amount, Sources: sources})
}

func (res *Quote) note(key string, sources []string, args ...string) {
	res.Notes = append(res.Notes, Step{Key: key, Text: res.ds.textArgs(res.Query.Lang, key, args...), Sources: sources})
}

// personalShare sets PersonalShare and Reimbursement: from the published table where there
// is one, else from the fixed-share rule in force, then the reductions that apply.
func (res *Quote) personalShare(t *Tariff, cat Category) {
	ds, q := res.ds, res.Query
	fee := res.Fee
	set := func(share decimal.Decimal) {
		if share.GreaterThan(fee) {
			share = fee
		}
		if share.IsNegative() {
			share = decimal.Zero
		}
		r := fee.Sub(share)
		res.PersonalShare, res.Reimbursement = &share, &r
	}

	// Free care for young preferential patients overrides every table and rule.
	if r := ds.ruleFor("share.free-young-preferential", t, q.Date, cat); r != nil {
		if q.Age >= 0 && q.Age <= r.integer() {
			set(decimal.Zero)
			res.step("share.free-young-preferential", res.PersonalShare, r.Sources, "age", r.Value, "from", r.Period.From.String())
			return
		}
		if q.Age < 0 {
			res.note("note.free-young-preferential", r.Sources, "age", r.Value)
		}
	}

	fixed := ds.ruleFor("share.fixed", t, q.Date, cat)
	if fixed != nil && fixed.Value == "none" {
		fixed = nil
	}
	cp, byCategory, ageMatters := ds.priceFor(q, t.Code)
	if len(ageMatters) > 0 {
		// One note for every category the age would decide.
		var codes, descs []string
		var sources []string
		for _, fc := range ageMatters {
			codes, descs = append(codes, itoa(fc.Number)), append(descs, fc.Description(q.Lang))
			sources = append(sources, fc.Sources...)
		}
		res.note("note.category-needs-age", sources, "fee_code", strings.Join(codes, ", "), "description", strings.Join(descs, "; "))
	}
	if byCategory && cp.price.Amount.GreaterThan(fee) {
		res.note("note.category-above-fee", cp.price.Sources, "fee_code", itoa(cp.feeCode.Number), "amount", euros(cp.price.Amount))
		byCategory = false
	}
	if byCategory {
		res.Category = &cp.feeCode
		args := []string{"fee_code", itoa(cp.feeCode.Number), "description", cp.feeCode.Description(q.Lang)}
		if cp.feeCode.Meaning == "share" {
			set(cp.price.Amount)
			res.step("share.category", res.PersonalShare, cp.price.Sources, args...)
			res.step("reimbursement.difference", res.Reimbursement, nil)
		} else {
			set(fee.Sub(cp.price.Amount))
			res.step("reimbursement.category", res.Reimbursement, cp.price.Sources, args...)
			res.step("share.difference", res.PersonalShare, nil)
		}
		if fixed != nil && !fixed.amount().Equal(*res.PersonalShare) {
			res.note("note.data-rule-mismatch", append(cp.price.Sources, fixed.Sources...), "rule", euros(fixed.amount()), "published", euros(*res.PersonalShare))
		}
	} else if pub, ok := ds.publishedReimbursement(q, t, cat); ok {
		share := fee.Sub(pub.reimb)
		set(share)
		sources := t.Sources
		var args []string
		if pub.rule != nil {
			sources = append(append([]string(nil), t.Sources...), pub.rule.Sources...)
			args = []string{"surcharge", euros(pub.rule.amount())}
		}
		res.step(pub.key, res.Reimbursement, sources, args...)
		res.step("share.difference", res.PersonalShare, nil)
		if fixed != nil && !fixed.amount().Equal(share) {
			res.note("note.data-rule-mismatch", append(t.Sources, fixed.Sources...), "rule", euros(fixed.amount()), "published", euros(share))
		}
	} else if fixed != nil {
		set(fixed.amount())
		res.step("share.fixed", res.PersonalShare, fixed.Sources, "from", fixed.Period.From.String())
		res.step("reimbursement.difference", res.Reimbursement, nil)
	} else {
		res.step("share.no-data", nil, nil)
		if r, ok := ds.reimbursementsAt(t, q)[Category{Preferential: cat.Preferential}]; ok && cat.DMG && t.Category == "gp-visit" {
			without := fee.Sub(r) // the published share without DMG, which the DMG lowers by 30 %
			sources := t.Sources
			if m := ds.ruleFor("share.dmg-visit-min-age", t, q.Date, cat); m != nil {
				sources = append(append([]string(nil), m.Sources...), t.Sources...)
			}
			res.note("note.visit-dmg-reduction", sources, "share", euros(without))
		}
		return
	}

	if patientBand(t, q) == BandUnder10 {
		if c := ds.ruleFor("share.cap-child-visit", t, q.Date, cat); c != nil && res.PersonalShare.GreaterThan(c.amount()) {
			res.note("note.child-cap-exceeded", c.Sources, "cap", euros(c.amount()))
		}
	}
	if q.Referred {
		res.referral(t, cat, set)
	}
}

// published is a reimbursement read from a tariff row, with the message key that explains
// how, and the rule behind any adjustment.
type published struct {
	reimb decimal.Decimal
	key   string
	rule  *RuleParam
}

// publishedReimbursement returns the published reimbursement for the patient's category.
// A DMG changes the share only of GP consultations and GP home visits; for every other row,
// a figure published without DMG distinction holds for patients with a DMG too. For home
// visits of patients under 75 and not chronically ill, the DMG's 30 % reduction does not
// apply (share.dmg-visit-min-age) but DMG holders of 10 and over do not pay the visit
// surcharge that the no-DMG figure of ordinary patients includes (share.visit-surcharge).
func (ds *Dataset) publishedReimbursement(q Query, t *Tariff, cat Category) (published, bool) {
	reimb := ds.reimbursementsAt(t, q)
	if r, ok := reimb[cat]; ok {
		return published{reimb: r, key: "reimbursement.published"}, true
	}
	if !cat.DMG {
		return published{}, false
	}
	r, ok := reimb[Category{Preferential: cat.Preferential}]
	if !ok {
		return published{}, false
	}
	switch t.Category {
	case "gp-consultation":
		return published{}, false
	case "gp-visit":
		min := ds.ruleFor("share.dmg-visit-min-age", t, q.Date, cat)
		if min == nil || q.Chronic || q.Age >= min.integer() {
			return published{}, false
		}
		if cat.Preferential || patientBand(t, q) == BandUnder10 {
			return published{reimb: r, key: "reimbursement.published-visit-dmg"}, true
		}
		sur := ds.ruleFor("share.visit-surcharge", t, q.Date, Category{})
		if sur == nil {
			return published{}, false
		}
		return published{reimb: r.Add(sur.amount()), key: "reimbursement.published-visit-dmg-surcharge", rule: sur}, true
	}
	return published{reimb: r, key: "reimbursement.published-any-dmg"}, true
}

// referral applies the GP-referral reduction to a specialist consultation's share.
func (res *Quote) referral(t *Tariff, cat Category, set func(decimal.Decimal)) {
	ds, q := res.ds, res.Query
	rr := ds.ruleFor("share.referral-reduction", t, q.Date, cat)
	if rr == nil || t.Category != "specialist-consultation" {
		res.note("note.referral-not-applicable", nil)
		return
	}
	switch {
	case !q.DMG:
		res.note("note.referral-needs-dmg", rr.Sources)
		return
	case res.ThirdParty.Applied:
		res.note("note.referral-third-party", rr.Sources)
		return
	}
	if sp := ds.ruleFor("referral.specialties", t, q.Date, cat); sp == nil || !(t.Specialty == "other" || oneOf(t.Specialty, strings.Split(sp.Value, ";"))) {
		res.note("note.referral-specialty", rr.Sources)
		return
	} else if t.Specialty == "other" {
		res.note("note.referral-specialty-check", sp.Sources, "list", sp.Value)
	}
	set(res.PersonalShare.Sub(rr.amount()))
	res.step("share.referral-reduction", res.PersonalShare, rr.Sources, "reduction", euros(rr.amount()))
	res.step("reimbursement.difference", res.Reimbursement, nil)
}

func (ds *Dataset) thirdParty(q Query, t *Tariff, cat Category) ThirdParty {
	if r := ds.ruleFor("third-party.mandatory", t, q.Date, cat); r != nil {
		key := "third-party.mandatory"
		return ThirdParty{Mandatory: true, Applied: true, Key: key, Since: r.Period.From, Sources: r.Sources,
			Reason: ds.textArgs(q.Lang, key, "from", r.Period.From.String())}
	}
	key := "third-party.optional"
	if q.ThirdParty {
		key = "third-party.asked"
	}
	return ThirdParty{Applied: q.ThirdParty, Key: key, Reason: ds.textArgs(q.Lang, key)}
}

// verdict is a determined "no" with its reason; callers set Allowed or clear Determined.
func (ds *Dataset) verdict(q Query, key string, sources []string, args ...string) Decision {
	return Decision{Determined: true, Key: key, Reason: ds.textArgs(q.Lang, key, args...), Sources: sources}
}

func (res *Quote) payAtDesk() {
	fee := res.Fee
	res.PayAtDeskWithoutThirdParty = &fee
	res.PayAtDeskWithThirdParty = res.PersonalShare
	if res.ThirdParty.Applied {
		res.PayAtDesk = res.PersonalShare
		if res.PersonalShare != nil {
			res.step("desk.third-party", res.PayAtDesk, res.ThirdParty.Sources)
		}
	} else {
		res.PayAtDesk = &fee
		res.step("desk.full-fee", res.PayAtDesk, nil)
	}
	if res.ThirdParty.Mandatory {
		res.PayAtDeskWithoutThirdParty = nil // not an option: third party is mandatory
	}
}

func (res *Quote) billCheck() {
	q := res.Query
	bc := &BillCheck{Paid: *q.Paid, Expected: res.PayAtDesk}
	res.BillCheck = bc
	money := func(d decimal.Decimal) string { return FormatEuros(d, q.Lang) }
	switch {
	case res.ThirdParty.Applied:
		paid := *q.Paid
		bc.OutOfPocket = &paid
	case res.Reimbursement != nil:
		left := q.Paid.Sub(*res.Reimbursement)
		bc.OutOfPocket = &left
	}
	if bc.Expected == nil {
		bc.Verdict, bc.Reason = "unknown", res.ds.textArgs(q.Lang, "bill.no-expected")
		return
	}
	charged := q.Paid.Sub(*bc.Expected)
	switch {
	case !charged.IsPositive():
		zero := decimal.Zero
		bc.SupplementCharged = &zero
		bc.Verdict = "ok"
		bc.Reason = res.ds.textArgs(q.Lang, "bill.ok", "expected", money(*bc.Expected))
		if charged.IsNegative() {
			bc.Reason = res.ds.textArgs(q.Lang, "bill.less", "expected", money(*bc.Expected))
		}
		return
	case !res.Supplement.Determined:
		bc.Verdict = "unknown"
	case res.Supplement.Allowed:
		bc.Verdict = "allowed"
	default:
		bc.Verdict = "not-allowed"
		bc.NextStep = res.ds.textArgs(q.Lang, "bill.next-step")
	}
	bc.SupplementCharged = &charged
	bc.Reason = res.ds.textArgs(q.Lang, "bill."+bc.Verdict, "supplement", money(charged), "expected", money(*bc.Expected), "reason", res.Supplement.Reason)
}

// Source returns a source cited by the quote.
func (res *Quote) Source(id string) (Source, bool) { return res.ds.Source(id) }
