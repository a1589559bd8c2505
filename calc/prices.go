package calc

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// A FeeCode is one fee code of INAMI's NomenSoft export (feecodes.csv): what the amounts
// published under it mean. Fee code 0 is the fee, 1300 and 1600 the reimbursements of
// preferential and ordinary patients; most others name the patient category their
// reimbursement or personal share applies to.
type FeeCode struct {
	Number   int
	Cat      string // fee_code_cat as published
	DescFR   string
	DescNL   string
	Meaning  string // fee, reimbursement, share, other, unknown
	Category PatientCategory
	Unit     string // eur or percent
	Percent  string // the percentage a "percent" fee code names
	Sources  []string
	Note     string
	File     string
	Line     int
}

// Meanings a fee code may have. Only reimbursement and share amounts in euros are ever
// used for a quote; "other" and "unknown" rows are kept and shown, never priced.
func meaningNames() []string { return []string{"fee", "reimbursement", "share", "other", "unknown"} }

// Base fee codes, which tariffs.csv holds in its fee and reimbursement columns.
const (
	feeCodeFee          = 0
	feeCodePreferential = 1300
	feeCodeOrdinary     = 1600
)

// usable reports whether the fee code's amounts can price a patient category.
func (f FeeCode) usable() bool {
	return (f.Meaning == "reimbursement" || f.Meaning == "share") && f.Unit == "eur"
}

// Description returns the fee code's description in the language asked (French for
// German and English, which the export does not have), falling back to the other one.
func (f FeeCode) Description(l Lang) string {
	if (l == NL || f.DescFR == "") && f.DescNL != "" {
		return f.DescNL
	}
	return f.DescFR
}

// A Price is one amount of YYYY/prices.csv: what one fee code publishes for one code and
// period (a reimbursement or personal share for a patient category, or an amount the
// calculator keeps without using it).
type Price struct {
	Code    Code
	Period  Period
	FeeCode int
	Amount  decimal.Decimal
	Sources []string
	Note    string
	File    string
	Line    int
}

func feeCodeColumns() []string {
	return []string{"fee_code", "fee_code_cat", "desc_fr", "desc_nl", "meaning", "category", "unit", "percent", "source", "note"}
}

func priceColumns() []string {
	return []string{"code", "valid_from", "valid_to", "fee_code", "amount", "source", "note"}
}

func (ds *Dataset) readFeeCodes(f File) error {
	recs, err := readTable(f, feeCodeColumns())
	if err != nil {
		return err
	}
	for _, r := range recs {
		n, err := strconv.Atoi(r.get("fee_code"))
		if err != nil || n < 0 || !allDigits(r.get("fee_code"), 1, 6) {
			return r.fail("fee_code", strconv.Quote(r.get("fee_code"))+" is not a fee code (1–6 digits)")
		}
		if _, dup := ds.feeCodes[n]; dup {
			return r.fail("fee_code", strconv.Itoa(n)+" is defined twice")
		}
		fc := FeeCode{Number: n, Cat: r.get("fee_code_cat"), DescFR: r.get("desc_fr"), DescNL: r.get("desc_nl"),
			Meaning: r.get("meaning"), Unit: r.get("unit"), Percent: r.get("percent"), Note: r.get("note"), File: f.Name, Line: r.line}
		if !oneOf(fc.Meaning, meaningNames()) {
			return r.fail("meaning", strconv.Quote(fc.Meaning)+" is not one of "+strings.Join(meaningNames(), ", "))
		}
		if fc.Unit == "" {
			fc.Unit = "eur"
		}
		if fc.Unit != "eur" && fc.Unit != "percent" {
			return r.fail("unit", strconv.Quote(fc.Unit)+" is not eur or percent")
		}
		if fc.Category, err = ParsePatientCategory(r.get("category")); err != nil {
			return r.fail("category", strconv.Quote(r.get("category"))+": "+err.Error())
		}
		if len(fc.Category.Alternatives) > 0 && fc.Meaning != "reimbursement" && fc.Meaning != "share" {
			return r.fail("category", "only a reimbursement or a personal share names a patient category")
		}
		if fc.Sources, err = ds.sourceList(r); err != nil {
			return err
		}
		ds.feeCodes[n] = fc
	}
	return nil
}

// readPrices reads a YYYY/prices.csv. Fee codes are checked once every file is read.
func (ds *Dataset) readPrices(f File, year int) error {
	recs, err := readTable(f, priceColumns())
	if err != nil {
		return err
	}
	for _, r := range recs {
		code, err := ParseCode(r.get("code"))
		if err != nil {
			return r.fail("code", strconv.Quote(r.get("code"))+" is not a 6-digit code")
		}
		p := Price{Code: code, Note: r.get("note"), File: f.Name, Line: r.line}
		if p.Period, err = folderPeriod(r, year); err != nil {
			return err
		}
		if !allDigits(r.get("fee_code"), 1, 6) {
			return r.fail("fee_code", strconv.Quote(r.get("fee_code"))+" is not a fee code (1–6 digits)")
		}
		p.FeeCode, _ = strconv.Atoi(r.get("fee_code"))
		a, err := optAmount(r, "amount")
		if err != nil {
			return err
		}
		if a == nil {
			return r.fail("amount", "empty: leave the row out when the amount is not published")
		}
		p.Amount = *a
		if p.Sources, err = ds.sourceList(r); err != nil {
			return err
		}
		ds.prices[code] = append(ds.prices[code], p)
	}
	return nil
}

// checkPrices runs once every file is read: each price names a known fee code, and no two
// prices of one code and fee code overlap. Prices are sorted by start date (the order of
// the year files, so the sort is nearly free), then fee code.
func (ds *Dataset) checkPrices() error {
	for code, ps := range ds.prices {
		insertionSort(len(ps), func(i, j int) bool {
			a, b := &ps[i], &ps[j]
			return a.Period.From < b.Period.From || a.Period.From == b.Period.From && a.FeeCode < b.FeeCode
		}, func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		last := map[int]int{} // fee code → index of its latest price
		for i, p := range ps {
			if _, ok := ds.feeCodes[p.FeeCode]; !ok {
				return &DataError{File: p.File, Line: p.Line, Field: "fee_code", Err: strconv.Itoa(p.FeeCode) + " is not in feecodes.csv"}
			}
			if j, seen := last[p.FeeCode]; seen && ps[j].Period.Overlaps(p.Period) {
				a := ps[j]
				return &DataError{File: p.File, Line: p.Line, Field: "valid_from",
					Err: "code " + string(code) + " fee code " + strconv.Itoa(p.FeeCode) + " period " + p.Period.String() + " overlaps " + a.Period.String() + " (" + a.File + ":" + strconv.Itoa(a.Line) + ")"}
			}
			last[p.FeeCode] = i
		}
	}
	return nil
}

// FeeCodes returns the fee codes the data describes, by number.
func (ds *Dataset) FeeCodes() map[int]FeeCode { return ds.feeCodes }

// Prices returns the published amounts of a code (all fee codes and periods).
func (ds *Dataset) Prices(code Code) []Price { return ds.prices[code] }

// A categoryPrice is the published amount chosen for a patient: the price, its fee code,
// and whether the amount is the reimbursement or the personal share.
type categoryPrice struct {
	price   *Price
	feeCode FeeCode
}

// priceFor picks, among the amounts published for the code on the date under fee codes
// that name patient categories, the one whose category names the patient most
// specifically. Fee codes 1300 and 1600 are not candidates: they are the base
// reimbursements of the tariff row (reimbursementsAt), whose DMG reading depends on the
// service. ageMatters lists the categories that would need the patient's age to decide.
func (ds *Dataset) priceFor(q Query, code Code) (best categoryPrice, ok bool, ageMatters []FeeCode) {
	p := patientOf(q)
	bestSpec := -1
	for i := range ds.prices[code] {
		pr := &ds.prices[code][i]
		if pr.FeeCode == feeCodePreferential || pr.FeeCode == feeCodeOrdinary || !pr.Period.Contains(q.Date) {
			continue
		}
		fc := ds.feeCodes[pr.FeeCode]
		if !fc.usable() {
			continue
		}
		spec, needsAge := fc.Category.match(p)
		if needsAge {
			ageMatters = append(ageMatters, fc)
		}
		// The most specific category wins; on a tie, the lower fee code (a stable choice,
		// the explanation names it).
		if spec > bestSpec {
			best, bestSpec, ok = categoryPrice{price: pr, feeCode: fc}, spec, true
		}
	}
	return best, ok, ageMatters
}

// reimbursementsAt returns the reimbursements published for the query's date by column
// (tariffs.csv), completed with the base fee codes 1300 and 1600 of prices.csv where their
// period covers the date but differs from the row's, and — for a patient with a DMG — the
// amount published for the same patient without DMG under a category fee code: the figure
// the DMG rules of GP visits start from (publishedReimbursement).
func (ds *Dataset) reimbursementsAt(t *Tariff, q Query) map[Category]decimal.Decimal {
	var extra map[Category]decimal.Decimal
	add := func(cat Category, amount decimal.Decimal) {
		if _, have := t.Reimb[cat]; have {
			return
		}
		if extra == nil {
			extra = make(map[Category]decimal.Decimal, len(t.Reimb)+2)
			for k, v := range t.Reimb {
				extra[k] = v
			}
		}
		if _, have := extra[cat]; !have {
			extra[cat] = amount
		}
	}
	for _, pr := range ds.prices[t.Code] {
		if (pr.FeeCode == feeCodePreferential || pr.FeeCode == feeCodeOrdinary) && pr.Period.Contains(q.Date) {
			add(Category{Preferential: pr.FeeCode == feeCodePreferential}, pr.Amount)
		}
	}
	if q.DMG {
		without := q
		without.DMG = false
		if cp, ok, _ := ds.priceFor(without, t.Code); ok && cp.feeCode.Meaning == "reimbursement" {
			add(Category{Preferential: q.Preferential}, cp.price.Amount)
		}
	}
	if extra == nil {
		return t.Reimb
	}
	return extra
}
