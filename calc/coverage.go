package calc

import (
	"strconv"
	"strings"
)

// Kinds of origin a figure can have in [Coverage]: the Kind of the source a published figure
// comes from (official, agreement, insurer, union, press, other), or one of these.
const (
	KindRule = "rule" // derived from a rule in rules.csv (a fixed personal share)
	KindNone = "none" // no data: the calculator answers "no data"
)

// Coverage says, for every code and year of the data, where each figure comes from, so that
// a user can tell a figure copied from an official table from one read in the press or
// derived by a rule. Build it with [Dataset.Coverage].
type Coverage struct {
	Years     []int // years with a data folder
	FirstYear int   // first and last year of the data (folders and row periods)
	LastYear  int
	// YearsWithoutTariffs are the years from FirstYear to LastYear in which no tariff row
	// is valid on any day; YearsWithoutParams the years no year parameter covers.
	YearsWithoutTariffs []int
	YearsWithoutParams  []int
	YearParams          []YearParams
	Codes               []CodeCoverage
	Conflicts           []Conflict
}

// YearParams lists the year parameters valid on some day of a year, each with the kind of
// its source, and the date the year's sources were last verified ("" when not recorded).
type YearParams struct {
	Year     int
	Kinds    map[string]string // parameter name → source kind
	Verified string
}

// CodeCoverage is one code, from the first to the last year it has data for.
type CodeCoverage struct {
	Code      Code
	LabelFR   string
	LabelNL   string
	Category  string
	FirstYear int
	LastYear  int
	Years     []YearCoverage
}

// YearCoverage is one code in one year. Each field lists the kinds behind the figure, in
// order of first appearance: several when rows of different sources (or bands) share the
// year. A year with no row has every field [KindNone]; Partial says the rows leave some days
// of the year without data.
type YearCoverage struct {
	Year          int
	Fee           []string
	Reimbursement map[Category][]string
	PersonalShare map[Category][]string
	Partial       bool
	Rows          []CoverageRow
}

// CoverageRow is one tariff row behind a [YearCoverage].
type CoverageRow struct {
	Period  Period
	Band    Band
	Sources []string
	File    string
	Line    int
}

// Coverage lists what the data covers. A published reimbursement takes the kind of the row's
// first source, as the engine uses it; without one, a share.fixed rule in force for the code
// and category makes the reimbursement and the share [KindRule]. The personal share comes
// from the same place as the reimbursement (share = fee − reimbursement).
func (ds *Dataset) Coverage() Coverage {
	cov := Coverage{Years: ds.Years()}
	first, last := 0, 0
	widen := func(y int) {
		if first == 0 || y < first {
			first = y
		}
		if y > last {
			last = y
		}
	}
	for _, y := range ds.years {
		widen(y)
	}
	for _, rows := range ds.tariffs {
		for _, t := range rows {
			widen(t.Period.From.Year())
			if t.Period.To != 0 {
				widen(t.Period.To.Year())
			}
		}
	}
	cov.FirstYear, cov.LastYear = first, last

	for _, code := range ds.Codes() {
		cov.Codes = append(cov.Codes, ds.codeCoverage(code, last))
	}
	for y := first; y > 0 && y <= last; y++ {
		if !ds.anyTariffIn(y) {
			cov.YearsWithoutTariffs = append(cov.YearsWithoutTariffs, y)
		}
		yp := ds.yearParams(y)
		if len(yp.Kinds) == 0 {
			cov.YearsWithoutParams = append(cov.YearsWithoutParams, y)
		}
		cov.YearParams = append(cov.YearParams, yp)
	}
	cov.Conflicts = ds.conflicts
	return cov
}

func (ds *Dataset) codeCoverage(code Code, lastYear int) CodeCoverage {
	rows := ds.tariffs[code]
	cc := CodeCoverage{Code: code}
	for _, t := range rows {
		if cc.LabelFR == "" {
			cc.LabelFR = t.LabelFR
		}
		if cc.LabelNL == "" {
			cc.LabelNL = t.LabelNL
		}
		if cc.Category == "" {
			cc.Category = t.Category
		}
		from, to := t.Period.From.Year(), lastYear
		if t.Period.To != 0 {
			to = t.Period.To.Year()
		}
		if to < from { // an open row starting after the last folder
			to = from
		}
		if cc.FirstYear == 0 || from < cc.FirstYear {
			cc.FirstYear = from
		}
		if to > cc.LastYear {
			cc.LastYear = to
		}
	}
	for y := cc.FirstYear; y > 0 && y <= cc.LastYear; y++ {
		cc.Years = append(cc.Years, ds.yearCoverage(rows, y))
	}
	return cc
}

func (ds *Dataset) yearCoverage(rows []Tariff, y int) YearCoverage {
	yc := YearCoverage{Year: y, Reimbursement: map[Category][]string{}, PersonalShare: map[Category][]string{}}
	yp := yearPeriod(y)
	days := map[Band][]Period{} // per band, the parts of the year the rows cover
	for i := range rows {
		t := &rows[i]
		if !t.Period.Overlaps(yp) {
			continue
		}
		yc.Rows = append(yc.Rows, CoverageRow{Period: t.Period, Band: t.Band, Sources: t.Sources, File: t.File, Line: t.Line})
		days[t.Band] = append(days[t.Band], t.Period)
		kind := ds.kindOf(t.Sources)
		if t.Fee == nil {
			yc.Fee = addKind(yc.Fee, KindNone)
		} else {
			yc.Fee = addKind(yc.Fee, kind)
		}
		// The date the rule must be in force on: the first day of the row within the year.
		d := t.Period.From
		if d < yp.From {
			d = yp.From
		}
		for _, c := range Categories() {
			k := ds.reimbursementKind(t, c, d, kind)
			yc.Reimbursement[c] = addKind(yc.Reimbursement[c], k)
			yc.PersonalShare[c] = addKind(yc.PersonalShare[c], k)
		}
	}
	if len(yc.Rows) == 0 {
		yc.Fee = []string{KindNone}
		for _, c := range Categories() {
			yc.Reimbursement[c] = []string{KindNone}
			yc.PersonalShare[c] = []string{KindNone}
		}
		yc.Partial = true
		return yc
	}
	for _, ps := range days {
		if !coversYear(ps, y) {
			yc.Partial = true
		}
	}
	return yc
}

// reimbursementKind follows Quote (it calls the same publishedReimbursement): a published
// figure, one adjusted by a rule (KindRule), else a fixed-share rule, else none. A home-visit
// row is read for the youngest age of its band.
func (ds *Dataset) reimbursementKind(t *Tariff, c Category, d Date, published string) string {
	if t.Fee == nil {
		return KindNone
	}
	if r := ds.ruleFor("not-reimbursed", t, d, c); r != nil {
		return KindNone
	}
	age := -1
	for _, b := range BandAges() {
		if b.Band == t.Band {
			age = b.Age
		}
	}
	if cp, ok, _ := ds.priceFor(Query{Date: d, Age: age, Preferential: c.Preferential, DMG: c.DMG, Doctor: Conventioned}, t.Code); ok {
		return ds.kindOf(cp.price.Sources)
	}
	if pub, ok := ds.publishedReimbursement(Query{Date: d, Age: age}, t, c); ok {
		if pub.rule != nil {
			return KindRule
		}
		return published
	}
	if r := ds.ruleFor("share.fixed", t, d, c); r != nil && r.Value != "none" {
		return KindRule
	}
	return KindNone
}

func (ds *Dataset) kindOf(sources []string) string {
	if len(sources) == 0 {
		return KindNone
	}
	if s, ok := ds.sources[sources[0]]; ok {
		return s.Kind
	}
	return KindNone
}

func addKind(list []string, k string) []string {
	for _, x := range list {
		if x == k {
			return list
		}
	}
	return append(list, k)
}

// coversYear reports whether the periods together cover every day of year y.
func coversYear(ps []Period, y int) bool {
	insertionSort(len(ps), func(i, j int) bool { return ps[i].From < ps[j].From }, func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	next := DateOf(y, 1, 1) // the first day not yet covered
	end := DateOf(y, 12, 31)
	for _, p := range ps {
		if p.From > next {
			return false
		}
		if p.To == 0 || p.To >= end {
			return true
		}
		if d := dayAfter(p.To); d > next {
			next = d
		}
	}
	return false
}

func (ds *Dataset) anyTariffIn(y int) bool {
	yp := yearPeriod(y)
	for _, rows := range ds.tariffs {
		for _, t := range rows {
			if t.Period.Overlaps(yp) {
				return true
			}
		}
	}
	return false
}

func (ds *Dataset) yearParams(y int) YearParams {
	yp := YearParams{Year: y, Kinds: map[string]string{}}
	p := yearPeriod(y)
	for name, ps := range ds.params {
		for _, x := range ps {
			if !x.Period.Overlaps(p) {
				continue
			}
			if name == "sources_verified" {
				if x.Period.From.Year() == y {
					yp.Verified = x.Value
				}
				continue
			}
			if _, seen := yp.Kinds[name]; !seen {
				yp.Kinds[name] = ds.kindOf(x.Sources)
			}
		}
	}
	return yp
}

// Kinds lists every kind a coverage figure can have, most authoritative first.
func Kinds() []string {
	return []string{"official", "agreement", "insurer", "union", "press", "other", KindRule, KindNone}
}

// Object returns the coverage as a plain object (strings, bools, nil, lists and maps only,
// like [Quote.Object]). Kinds of one figure are joined with "+" (e.g. "insurer+rule").
//
//	{"years": [...], "first_year", "last_year", "years_without_tariffs": [...],
//	 "years_without_parameters": [...], "kinds": [...],
//	 "year_parameters": [{"year", "verified", "parameters": {name: kind}}],
//	 "codes": [{"code", "label_fr", "label_nl", "category", "first_year", "last_year",
//	   "years": [{"year", "fee", "reimbursement": {category: kind}, "personal_share": {…},
//	     "partial", "rows": [{"valid_from", "valid_to", "band", "sources", "file", "line"}]}]}],
//	 "conflicts": [{"subject", "valid_from", "valid_to", "file", "line", "note", "sources"}]}
func (c Coverage) Object() map[string]any {
	years := func(ys []int) []any {
		out := make([]any, len(ys))
		for i, y := range ys {
			out[i] = strconv.Itoa(y)
		}
		return out
	}
	strs := func(ss []string) []any {
		out := make([]any, len(ss))
		for i, s := range ss {
			out[i] = s
		}
		return out
	}
	byCat := func(m map[Category][]string) map[string]any {
		o := map[string]any{}
		for _, cat := range Categories() {
			o[cat.Name()] = strings.Join(m[cat], "+")
		}
		return o
	}
	codes := make([]any, len(c.Codes))
	for i, cc := range c.Codes {
		ys := make([]any, len(cc.Years))
		for j, yc := range cc.Years {
			rows := make([]any, len(yc.Rows))
			for k, r := range yc.Rows {
				rows[k] = map[string]any{"valid_from": r.Period.From.String(), "valid_to": optString(r.Period.To.String()),
					"band": optString(string(r.Band)), "sources": strs(r.Sources), "file": r.File, "line": strconv.Itoa(r.Line)}
			}
			ys[j] = map[string]any{"year": strconv.Itoa(yc.Year), "fee": strings.Join(yc.Fee, "+"),
				"reimbursement": byCat(yc.Reimbursement), "personal_share": byCat(yc.PersonalShare),
				"partial": yc.Partial, "rows": rows}
		}
		codes[i] = map[string]any{"code": string(cc.Code), "label_fr": optString(cc.LabelFR), "label_nl": optString(cc.LabelNL),
			"category": cc.Category, "first_year": strconv.Itoa(cc.FirstYear), "last_year": strconv.Itoa(cc.LastYear), "years": ys}
	}
	params := make([]any, len(c.YearParams))
	for i, yp := range c.YearParams {
		kinds := map[string]any{}
		for n, k := range yp.Kinds {
			kinds[n] = k
		}
		params[i] = map[string]any{"year": strconv.Itoa(yp.Year), "verified": optString(yp.Verified), "parameters": kinds}
	}
	conflicts := make([]any, len(c.Conflicts))
	for i, cf := range c.Conflicts {
		kept, other := cf.Figures()
		conflicts[i] = map[string]any{"subject": cf.Subject, "field": cf.Field, "date": cf.Date.String(),
			"kept": kept, "kept_sources": strs(cf.KeptSources), "other": other, "other_sources": strs(cf.OtherSources),
			"file": cf.File, "line": strconv.Itoa(cf.Line), "note": cf.Note}
	}
	yearStr := func(y int) any {
		if y == 0 {
			return nil
		}
		return strconv.Itoa(y)
	}
	return map[string]any{
		"years": years(c.Years), "first_year": yearStr(c.FirstYear), "last_year": yearStr(c.LastYear),
		"years_without_tariffs": years(c.YearsWithoutTariffs), "years_without_parameters": years(c.YearsWithoutParams),
		"kinds": strs(Kinds()), "year_parameters": params, "codes": codes, "conflicts": conflicts,
	}
}
