package calc

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// ConflictsFile records where sources disagree on a figure (data/README.md "Conflicts").
const ConflictsFile = "conflicts.csv"

// A Conflict is a figure on which sources disagree: the value the data keeps, the other
// value, and who says each. It is structured so that the coverage page can show both
// figures and [Dataset.Audit] can check that the data still holds the kept one.
type Conflict struct {
	Subject      string // a nomenclature code, or a parameter or rule name (registry.csv)
	Field        string // the column the figure is in: fee, reimb_ordinary … for a code; value otherwise
	Date         Date   // a day the disagreement is about
	Kept         decimal.Decimal
	KeptSources  []string
	Other        decimal.Decimal
	OtherSources []string
	Note         string
	File         string
	Line         int
}

// tariffFields are the columns of tariffs.csv a conflict on a code can be about.
var tariffFields = [...]string{"fee", "reimb_ordinary", "reimb_preferential", "reimb_ordinary_dmg", "reimb_preferential_dmg"}

func (ds *Dataset) readConflicts(f File) error {
	recs, err := readTable(f, []string{"subject", "field", "date", "kept", "kept_sources", "other", "other_sources", "note"})
	if err != nil {
		return err
	}
	for _, r := range recs {
		c := Conflict{Subject: r.get("subject"), Field: r.get("field"), Note: r.get("note"), File: f.Name, Line: r.line}
		_, notCode := ParseCode(c.Subject)
		switch {
		case notCode == nil && !isTariffField(c.Field):
			return r.fail("field", strconv.Quote(c.Field)+": a conflict on a code is about one of "+strings.Join(tariffFields[:], ", "))
		case notCode != nil && !ds.knownParam(c.Subject):
			return r.fail("subject", strconv.Quote(c.Subject)+" is neither a 6-digit code nor a parameter or rule of registry.csv")
		case notCode != nil && c.Field != "value":
			return r.fail("field", strconv.Quote(c.Field)+": a conflict on a parameter or rule is about its value")
		}
		if c.Date, err = ParseDate(r.get("date")); err != nil {
			return r.fail("date", strconv.Quote(r.get("date"))+": "+err.Error())
		}
		figures := [2]*decimal.Decimal{}
		for i, col := range [2]string{"kept", "other"} {
			if figures[i], err = optAmount(r, col); err == nil && figures[i] == nil {
				err = r.fail(col, "empty: a conflict is between two figures")
			}
			if err != nil {
				return err
			}
		}
		if c.Kept, c.Other = *figures[0], *figures[1]; c.Kept.Equal(c.Other) {
			return r.fail("other", "the same as kept: not a conflict")
		}
		if c.KeptSources, err = ds.sourceIDs(r, "kept_sources"); err == nil {
			c.OtherSources, err = ds.sourceIDs(r, "other_sources")
		}
		if err != nil {
			return err
		}
		ds.conflicts = append(ds.conflicts, c)
	}
	return nil
}

// Figures writes the kept and the other figure as the data does: at least two decimals,
// more when the source gives more.
func (c Conflict) Figures() (kept, other string) { return figure(c.Kept), figure(c.Other) }

func figure(d decimal.Decimal) string {
	if d.Exponent() < -2 {
		return d.String()
	}
	return euros(d)
}

func isTariffField(f string) bool {
	for _, t := range tariffFields {
		if f == t {
			return true
		}
	}
	return false
}

func (ds *Dataset) knownParam(name string) bool {
	_, ok := ds.entry("parameter", name)
	if !ok {
		_, ok = ds.entry("rule", name)
	}
	return ok
}

// auditConflicts checks that the data still holds each conflict's kept value on its date
// (an import may have replaced it; the conflict record is then stale). A code whose rows
// are not loaded (another part of a split) is not checked.
func (ds *Dataset) auditConflicts() []error {
	var out []error
	for _, c := range ds.conflicts {
		values, checked := ds.valuesOn(c)
		if !checked {
			continue
		}
		held := false
		for _, v := range values {
			held = held || v.Equal(c.Kept)
		}
		if !held {
			out = append(out, &DataError{File: c.File, Line: c.Line, Field: "kept", Err: c.Subject + " " + c.Field + " on " + c.Date.String() +
				": the data does not hold " + euros(c.Kept) + " (update or remove the conflict)"})
		}
	}
	return out
}

// valuesOn returns the figures the data holds for a conflict's subject and field on its
// date; checked is false when the subject's rows are not loaded.
func (ds *Dataset) valuesOn(c Conflict) (values []decimal.Decimal, checked bool) {
	add := func(s string) {
		if d, err := decimal.NewFromString(s); err == nil {
			values = append(values, d)
		}
	}
	if rows, ok := ds.tariffs[Code(c.Subject)]; ok {
		for _, t := range rows {
			if !t.Period.Contains(c.Date) {
				continue
			}
			if c.Field == "fee" && t.Fee != nil {
				values = append(values, *t.Fee)
			}
			for _, cat := range Categories() {
				if v, ok := t.Reimb[cat]; ok && c.Field == "reimb_"+cat.Name() {
					values = append(values, v)
				}
			}
		}
		return values, true
	}
	for _, p := range ds.params[c.Subject] {
		if p.Period.Contains(c.Date) {
			add(p.Value)
		}
	}
	for _, r := range ds.rules[c.Subject] {
		if r.Period.Contains(c.Date) {
			add(r.Value)
		}
	}
	_, isCode := ParseCode(c.Subject)
	return values, isCode != nil
}
