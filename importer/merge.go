package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"honoraria/calc"
)

// Column orders of the files an import writes (data/README.md). Rows appended to an
// existing tariffs.csv follow that file's own header.
var (
	tariffColumns = []string{"code", "label_fr", "label_nl", "category", "specialty", "valid_from", "valid_to", "band",
		"fee", "reimb_ordinary", "reimb_preferential", "reimb_ordinary_dmg", "reimb_preferential_dmg", "key_letters",
		"coefficients", "source", "link", "note"}
	priceColumns   = []string{"code", "valid_from", "valid_to", "fee_code", "amount", "source", "note"}
	feeCodeColumns = []string{"fee_code", "fee_code_cat", "desc_fr", "desc_nl", "meaning", "category", "unit", "percent", "source", "note"}
)

// A Result is what an import did: the complete new data folder (Files) and the report.
type Result struct {
	Input      string
	Tables     []string
	Rows       int      // amount rows read from the export
	Codes      int      // codes with figures written
	Added      []Change // tariff rows written from the export
	PriceRows  int      // rows written to YYYY/prices.csv
	Unchanged  []Change // already in the data with the same figures: the data's row is kept
	Replaced   []Conflict
	Kept       []Kept // rows of the export not written (before 1990)
	FeeCodes   []FeeCodeReport
	KeyLetters []KeyLetterCheck
	Findings   []string      // oddities of the export that were kept as published
	Sources    []calc.Source // sources appended to sources.csv
	Warnings   []string      // audit findings (calc.Dataset.Audit) the import brings in
	Files      []calc.File   // the whole output folder, sorted by name
}

// A Change is one tariff row of the import: a code, a period and its figures.
type Change struct {
	Code         calc.Code
	Period       calc.Period
	Fee          decimal.Decimal
	Ordinary     *decimal.Decimal // reimbursement, fee code 1600
	Preferential *decimal.Decimal // reimbursement, fee code 1300
	From         string           // where in the export: table:line of the fee
	AuthorDoc    string
	File         string // where it was written (Added) or found (Unchanged): file:line
}

// A Conflict is a row of the data that the export replaced because their figures differ:
// the official export is authoritative, and every such figure is listed.
type Conflict struct {
	Import   Change
	Existing string   // file:line of the data row
	Diffs    []string // e.g. "fee 31.81 in the data, 31.90 in the export"
}

// Kept is an export row not written to the data, with the reason.
type Kept struct {
	Row    Row
	Reason string
}

// A FeeCodeReport is one fee code of the export with its meaning and how many rows use it.
type FeeCodeReport struct {
	Info FeeCodeInfo
}

// A KeyLetterCheck compares a fee with Σ coefficient × key-letter value, rounded to the cent.
type KeyLetterCheck struct {
	Code     calc.Code
	Period   calc.Period
	Fee      decimal.Decimal
	Computed decimal.Decimal
	Terms    string // "8 × N265 3.372107 + 30 × Q124 0.195645"
	Match    bool
}

// amountKey identifies the rows of one code and fee code.
type amountKey struct {
	code    calc.Code
	feeCode int
}

// Merge merges an export into a data folder given as files (as data.Files reads it) and
// returns the new folder. The official export is authoritative: a data row whose period
// the export covers is replaced by the export's figures, and every figure where the two
// differ is listed in Replaced; a data row with the same figures is kept as it is (with
// its sources and notes). The result is loaded with calc.NewDataset before it is returned,
// so a Result is always a valid data folder.
func Merge(base []calc.File, exp *Export) (*Result, error) {
	ds, err := calc.NewDataset(base)
	if err != nil {
		return nil, fmt.Errorf("the data folder to import into is broken: %w", err)
	}
	res := &Result{Input: exp.Input, Tables: exp.Tables, Rows: len(exp.Rows)}
	groups, err := groupRows(exp, res)
	if err != nil {
		return nil, err
	}

	files := map[string][]byte{}
	for _, f := range base {
		files[f.Name] = f.Data
	}
	sourceIDs, err := res.addSources(ds, exp, files)
	if err != nil {
		return nil, err
	}
	sourceOf := func(r Row) string {
		if id := sourceIDs[r.AuthorDoc]; id != "" {
			return id
		}
		return sourceIDs[""]
	}

	// Tariff rows: the fee (fee code 0) of each period, with the base reimbursements (1300,
	// 1600) of exactly that period; every other amount goes to prices.csv.
	removed := map[string]map[int]bool{} // data file → lines of rows replaced
	var added []tariffOut
	var prices []priceOut
	codes := map[calc.Code]bool{}
	for _, g := range groups {
		fees := g.byFeeCode[FeeCodeFee]
		attached := map[*Row]bool{}
		existing := ds.Tariffs(g.code)
		for _, fr := range fees {
			ch := Change{Code: g.code, Period: fr.period(), Fee: fr.Fee, From: fr.File + ":" + strconv.Itoa(fr.Line), AuthorDoc: fr.AuthorDoc}
			for _, fc := range []int{FeeCodeOrdinary, FeeCodePreferential} {
				for _, r := range g.byFeeCode[fc] {
					if r.period() != ch.Period {
						continue
					}
					if calc.Cents(r.Fee).GreaterThan(calc.Cents(fr.Fee)) {
						res.Findings = append(res.Findings, fmt.Sprintf("%s:%d: code %s fee code %d %s is above the fee %s (%s): kept in prices.csv, never used",
							r.File, r.Line, r.Code, fc, amount(r.Fee), amount(fr.Fee), ch.From))
						continue
					}
					v := r.Fee
					if fc == FeeCodeOrdinary {
						ch.Ordinary = &v
					} else {
						ch.Preferential = &v
					}
					attached[r] = true
				}
			}
			var overlapping []calc.Tariff
			for _, t := range existing {
				if t.Period.Overlaps(ch.Period) {
					overlapping = append(overlapping, t)
				}
			}
			if len(overlapping) == 1 && same(overlapping[0], ch) {
				t := overlapping[0]
				ch.File = loc(&t)
				res.Unchanged = append(res.Unchanged, ch)
				// The export's reimbursements the data row lacks complete it from prices.csv.
				for _, fc := range []int{FeeCodeOrdinary, FeeCodePreferential} {
					for _, r := range g.byFeeCode[fc] {
						if attached[r] && reimb(t, calc.Category{Preferential: fc == FeeCodePreferential}) == nil {
							attached[r] = false
						}
					}
				}
				continue
			}
			for _, t := range overlapping {
				if removed[t.File] == nil {
					removed[t.File] = map[int]bool{}
				}
				if !removed[t.File][t.Line] {
					removed[t.File][t.Line] = true
					res.Replaced = append(res.Replaced, Conflict{Import: ch, Existing: loc(&t), Diffs: diffs(t, ch)})
				}
			}
			added = append(added, tariffOut{change: ch, row: fr})
			codes[g.code] = true
		}
		for fc, rows := range g.byFeeCode {
			if fc == FeeCodeFee {
				continue
			}
			for _, r := range rows {
				if !attached[r] {
					prices = append(prices, priceOut{row: r, source: sourceOf(*r)})
					codes[g.code] = true
				}
			}
		}
	}
	res.Codes = len(codes)

	if err := res.writeTariffs(ds, exp, files, removed, added, sourceOf); err != nil {
		return nil, err
	}
	res.checkKeyLetters(exp, added)
	res.writePrices(ds, files, prices)
	res.writeFeeCodes(ds, exp, files, sourceIDs)

	for name, data := range files {
		res.Files = append(res.Files, calc.File{Name: name, Data: data})
	}
	sort.Slice(res.Files, func(i, j int) bool { return res.Files[i].Name < res.Files[j].Name })
	merged, err := calc.NewDataset(res.Files)
	if err != nil {
		if e := atExportLine(res.Files, err); e != nil {
			return nil, e
		}
		return nil, fmt.Errorf("the merged data does not load: %w", err)
	}
	// Disagreements with the rules that the import brings in are reported, not fatal: the
	// official export may be right and a rule's data out of date.
	before := map[string]bool{}
	for _, e := range ds.Audit() {
		before[e.Error()] = true
	}
	for _, e := range merged.Audit() {
		if !before[e.Error()] {
			res.Warnings = append(res.Warnings, e.Error())
		}
	}
	return res, nil
}

// A codeGroup is every amount row of one code, by fee code, sorted by start date.
type codeGroup struct {
	code      calc.Code
	byFeeCode map[int][]*Row
}

func (r *Row) period() calc.Period { return calc.Period{From: r.Begin, To: r.End} }

// groupRows sorts the export's rows by code, fee code and start, in O(n log n); checks
// that every code is defined, that no two periods of one code and fee code overlap (an
// identical row given twice, as in a table and its _HIST copy, counts once); counts rows
// per fee code; and sets aside rows before 1990, which the calculator cannot date.
func groupRows(exp *Export, res *Result) ([]codeGroup, error) {
	rows := exp.Rows
	idx := make([]int, len(rows))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool {
		x, y := &rows[idx[a]], &rows[idx[b]]
		if x.Code != y.Code {
			return x.Code < y.Code
		}
		if x.FeeCode != y.FeeCode {
			return x.FeeCode < y.FeeCode
		}
		return x.Begin < y.Begin
	})
	var groups []codeGroup
	var prev *Row
	for _, i := range idx {
		r := &rows[i]
		if _, ok := exp.Codes[r.Code]; !ok {
			if len(exp.Labels[r.Code]) == 0 {
				return nil, &Error{File: r.File, Line: r.Line, Field: "nomen_code", Value: string(r.Code), Reason: "no table of the export defines this code (NOMEN_SUMMARY_EXT, NOMEN_CODE_DESC_HIST)"}
			}
			exp.Codes[r.Code] = &CodeInfo{Code: r.Code, File: r.File, Line: r.Line} // labels from its history
		}
		fc := exp.FeeCodes[r.FeeCode]
		if fc == nil {
			fc = &FeeCodeInfo{Number: r.FeeCode, File: r.File, Line: r.Line, Meaning: FeeCodeMeaning{Meaning: "unknown", Unit: "eur", Why: "not in NOMEN_FEECODES"}}
			exp.FeeCodes[r.FeeCode] = fc
		}
		fc.Rows++
		if prev != nil && prev.Code == r.Code && prev.FeeCode == r.FeeCode && prev.period().Overlaps(r.period()) {
			if prev.period() == r.period() && prev.Fee.Equal(r.Fee) {
				continue // the same row twice
			}
			return nil, &Error{File: r.File, Line: r.Line, Field: "dbegin_fee", Value: r.Begin.String(),
				Reason: fmt.Sprintf("code %s fee code %d period %s overlaps %s at %s:%d", r.Code, r.FeeCode, r.period(), prev.period(), prev.File, prev.Line)}
		}
		prev = r
		if r.End != 0 && r.End.Year() < 1990 {
			res.Kept = append(res.Kept, Kept{Row: *r, Reason: "ends before 1990, outside the calculator's dates"})
			continue
		}
		if r.Begin.Year() < 1990 {
			res.Findings = append(res.Findings, fmt.Sprintf("%s:%d: code %s fee code %d starts on %s; written as from 1990-01-01, the calculator's first day",
				r.File, r.Line, r.Code, r.FeeCode, r.Begin))
			r.Begin = calc.DateOf(1990, 1, 1)
		}
		if len(groups) == 0 || groups[len(groups)-1].code != r.Code {
			groups = append(groups, codeGroup{code: r.Code, byFeeCode: map[int][]*Row{}})
		}
		g := &groups[len(groups)-1]
		g.byFeeCode[r.FeeCode] = append(g.byFeeCode[r.FeeCode], r)
	}
	for _, fc := range exp.FeeCodes {
		res.FeeCodes = append(res.FeeCodes, FeeCodeReport{Info: *fc})
	}
	sort.Slice(res.FeeCodes, func(i, j int) bool { return res.FeeCodes[i].Info.Number < res.FeeCodes[j].Info.Number })
	return groups, nil
}

// same reports whether a data row agrees with an imported one: same period, no band, same
// fee, and the same reimbursements where both have one.
func same(t calc.Tariff, g Change) bool {
	return t.Period == g.Period && t.Band == "" && len(diffs(t, g)) == 0
}

func loc(t *calc.Tariff) string { return t.File + ":" + strconv.Itoa(t.Line) }

// diffs lists what differs between a data row and an imported one.
func diffs(t calc.Tariff, g Change) []string {
	var out []string
	if t.Period != g.Period {
		out = append(out, "period "+t.Period.String()+" in the data, "+g.Period.String()+" in the export")
	}
	if t.Band != "" {
		out = append(out, "the data splits this code by patient band ("+string(t.Band)+"); the export prices bands by fee code")
	}
	cmp := func(what string, have, got *decimal.Decimal) {
		switch {
		case have == nil || got == nil: // a figure only one side has: nothing to compare
		case !calc.Cents(*have).Equal(calc.Cents(*got)): // the amounts the calculator uses (calc.Cents)
			out = append(out, what+" "+amount(*have)+" in the data, "+amount(*got)+" in the export")
		}
	}
	fee := g.Fee
	cmp("fee", t.Fee, &fee)
	cmp("reimb_ordinary", reimb(t, calc.Category{}), g.Ordinary)
	cmp("reimb_preferential", reimb(t, calc.Category{Preferential: true}), g.Preferential)
	return out
}

func reimb(t calc.Tariff, c calc.Category) *decimal.Decimal {
	if r, ok := t.Reimb[c]; ok {
		return &r
	}
	return nil
}

// FormatAmount writes an amount as the data files do.
func FormatAmount(d decimal.Decimal) string { return amount(d) }

// amount writes an amount as the data does: two decimals, more only when the export has
// significant ones (never rounded here: the file keeps the export's published figure; the
// calculator rounds it to the cent when it loads it, calc.Cents, and the import compares
// figures at the cent too).
func amount(d decimal.Decimal) string {
	s := d.StringFixed(6)
	s = strings.TrimRight(s, "0")
	if i := strings.IndexByte(s, '.'); len(s)-i-1 < 2 {
		s += strings.Repeat("0", 2-(len(s)-i-1))
	}
	return s
}

func optAmount(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return amount(*d)
}

// addSources appends to sources.csv one source per author_doc of the export's rows (the
// legal document behind each figure, in flat copies), or one source for the export when
// its rows name none, and returns author_doc → source id ("" for the export itself).
func (res *Result) addSources(ds *calc.Dataset, exp *Export, files map[string][]byte) (map[string]string, error) {
	var latest calc.Date // the export's newest start date: the state it describes
	docs := map[string]bool{}
	for _, r := range exp.Rows {
		latest = max(latest, r.Begin)
		docs[r.AuthorDoc] = true
	}
	ids := map[string]string{}
	var rows [][]string
	name := path.Base(filepath.ToSlash(exp.Input))
	for _, doc := range sortedKeys(docs) {
		src := calc.Source{Kind: "official", Title: "INAMI NomenSoft export " + name, URL: name, Date: latest.String()}
		base := "nomensoft-" + slug(name)
		if doc != "" {
			src.Title = "INAMI NomenSoft export — " + doc
			base = "nomensoft-" + slug(doc)
		}
		id := base
		for n := 2; ; n++ {
			old, exists := ds.Source(id)
			if !exists {
				break
			}
			if old.Kind == src.Kind && old.Title == src.Title && old.URL == src.URL {
				src = old // the same export imported again
				break
			}
			id = base + "-" + strconv.Itoa(n)
		}
		ids[doc] = id
		if src.ID == id {
			continue
		}
		src.ID = id
		rows = append(rows, []string{id, src.Kind, src.Title, src.URL, src.Date, ""})
		res.Sources = append(res.Sources, src)
	}
	data, err := appendRecords(files["sources.csv"], []string{"id", "kind", "title", "url", "date", "eli"}, rows)
	if err != nil {
		return nil, fmt.Errorf("sources.csv: %w", err)
	}
	files["sources.csv"] = data
	return ids, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		out = "doc"
	}
	if len(out) > 40 {
		out = out[:40]
	}
	return out
}

type tariffOut struct {
	change Change
	row    *Row
}

type priceOut struct {
	row    *Row
	source string
}

// labelsAt returns a code's labels on a date: the label history's spell covering it, else
// the current labels of NOMEN_SUMMARY_EXT.
func labelsAt(exp *Export, code calc.Code, d calc.Date) (fr, nl string) {
	if ci := exp.Codes[code]; ci != nil {
		fr, nl = ci.LabelFR, ci.LabelNL
	}
	for _, sp := range exp.Labels[code] {
		if sp.From <= d && (sp.To == 0 || d <= sp.To) {
			if sp.FR != "" {
				fr = sp.FR
			}
			if sp.NL != "" {
				nl = sp.NL
			}
		}
	}
	return fr, nl
}

// writeTariffs removes the replaced data rows from their files (byte for byte, the rest
// untouched) and appends the export's rows to the tariffs.csv of the year they start.
// Labels are written where they change; a code the data knows keeps its category and
// specialty, a new one is "other".
func (res *Result) writeTariffs(ds *calc.Dataset, exp *Export, files map[string][]byte, removed map[string]map[int]bool, added []tariffOut, sourceOf func(Row) string) error {
	for file, lines := range removed {
		data, err := removeRecords(files[file], lines)
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		files[file] = data
	}
	sort.Slice(added, func(i, j int) bool {
		a, b := added[i].change, added[j].change
		return a.Code < b.Code || a.Code == b.Code && a.Period.From < b.Period.From
	})
	priced := map[calc.Code]calc.Period{}
	for i := 0; i < len(added); {
		j := i
		for j < len(added) && added[j].change.Code == added[i].change.Code {
			j++
		}
		if ci := exp.Codes[added[i].change.Code]; ci != nil && len(ci.KeyLetters) > 0 {
			if row, ok := keyLetterRow(ci, added[i:j], added[i].change.Code); ok {
				priced[row.Code] = row.Period
			}
		}
		i = j
	}
	byYear := map[string][][]string{}
	var prevCode calc.Code
	var prevFR, prevNL string
	for i := range added {
		ch := &added[i].change
		fr, nl := labelsAt(exp, ch.Code, ch.Period.From)
		category, specialty := "other", ""
		if known := ds.Tariffs(ch.Code); len(known) > 0 {
			k := known[len(known)-1]
			category, specialty = k.Category, k.Specialty
			if fr == "" && nl == "" {
				fr, nl = k.LabelFR, k.LabelNL
			}
		}
		if fr == "" && nl == "" {
			nl = "[" + string(ch.Code) + ": no label in the export]"
		}
		writeFR, writeNL := fr, nl
		if ch.Code == prevCode && fr == prevFR && nl == prevNL {
			writeFR, writeNL = "", ""
		}
		prevCode, prevFR, prevNL = ch.Code, fr, nl
		rec := map[string]string{"code": string(ch.Code), "label_fr": writeFR, "label_nl": writeNL, "category": category,
			"specialty": specialty, "valid_from": ch.Period.From.String(), "valid_to": ch.Period.To.String(),
			"fee": amount(ch.Fee), "reimb_ordinary": optAmount(ch.Ordinary), "reimb_preferential": optAmount(ch.Preferential),
			"source": sourceOf(*added[i].row), "note": ch.From}
		if kl := keyLetterColumns(exp.Codes[ch.Code], ch, priced); kl != nil {
			rec["key_letters"], rec["coefficients"] = kl[0], kl[1]
		}
		file := strconv.Itoa(ch.Period.From.Year()) + "/tariffs.csv"
		header := headerOf(files[file], tariffColumns)
		row := make([]string, len(header))
		for j, c := range header {
			row[j] = rec[c]
		}
		byYear[file] = append(byYear[file], row)
		ch.File = file
	}
	for file, rows := range byYear {
		data, err := appendRecords(files[file], tariffColumns, rows)
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		files[file] = data
	}
	for _, a := range added {
		res.Added = append(res.Added, a.change)
	}
	return nil
}

// keyLetterRow picks the period the current key-letter values of NOMEN_SUMMARY_EXT price:
// the one containing dbegin_key_letter_value when given, else the code's latest.
func keyLetterRow(ci *CodeInfo, added []tariffOut, code calc.Code) (Change, bool) {
	var best Change
	found := false
	for _, a := range added {
		ch := a.change
		if ch.Code != code {
			continue
		}
		if ci.KeyDate != 0 {
			if ch.Period.Contains(ci.KeyDate) {
				return ch, true
			}
			continue
		}
		if !found || ch.Period.From > best.Period.From {
			best, found = ch, true
		}
	}
	return best, found
}

// keyLetterColumns gives the key letters and coefficients to the row their values price
// (priced: code → that row's period).
func keyLetterColumns(ci *CodeInfo, ch *Change, priced map[calc.Code]calc.Period) []string {
	if ci == nil || len(ci.KeyLetters) == 0 {
		return nil
	}
	if p, ok := priced[ch.Code]; !ok || p != ch.Period {
		return nil
	}
	var letters, coeffs []string
	for _, kl := range ci.KeyLetters {
		letters = append(letters, kl.Letter)
		coeffs = append(coeffs, kl.Coeff.String())
	}
	return []string{strings.Join(letters, ";"), strings.Join(coeffs, ";")}
}

// checkKeyLetters compares the fee a code's key letters price with Σ coefficient ×
// key-letter value, rounded half up to the cent, where every value is given.
func (res *Result) checkKeyLetters(exp *Export, added []tariffOut) {
	byCode := map[calc.Code][]tariffOut{}
	for _, a := range added {
		byCode[a.change.Code] = append(byCode[a.change.Code], a)
	}
	for code, rows := range byCode {
		ci := exp.Codes[code]
		if ci == nil || len(ci.KeyLetters) == 0 {
			continue
		}
		ch, ok := keyLetterRow(ci, rows, code)
		if !ok {
			continue
		}
		sum := decimal.Zero
		var terms []string
		complete := true
		for _, kl := range ci.KeyLetters {
			if !kl.HasValue {
				complete = false
				break
			}
			sum = sum.Add(kl.Coeff.Mul(kl.Value))
			terms = append(terms, kl.Coeff.String()+" × "+firstNonEmpty(kl.Index, kl.Letter)+" "+kl.Value.String())
		}
		if !complete {
			continue
		}
		computed := sum.Round(2)
		res.KeyLetters = append(res.KeyLetters, KeyLetterCheck{Code: code, Period: ch.Period, Fee: ch.Fee, Computed: computed,
			Terms: strings.Join(terms, " + "), Match: computed.Equal(calc.Cents(ch.Fee))})
	}
	sort.Slice(res.KeyLetters, func(i, j int) bool { return res.KeyLetters[i].Code < res.KeyLetters[j].Code })
}

// writePrices writes YYYY/prices.csv: the data's own prices, less those of a code and fee
// code the export publishes for an overlapping period, and the export's.
func (res *Result) writePrices(ds *calc.Dataset, files map[string][]byte, prices []priceOut) {
	fresh := map[amountKey][]calc.Period{}
	for _, p := range prices {
		k := amountKey{p.row.Code, p.row.FeeCode}
		fresh[k] = append(fresh[k], p.row.period())
	}
	type line struct {
		code    calc.Code
		from    calc.Date
		feeCode int
		cells   []string
	}
	byYear := map[string][]line{}
	for name := range files {
		if path.Base(name) == "prices.csv" {
			delete(files, name) // rewritten whole below
		}
	}
	for _, code := range ds.Codes() {
		for _, p := range ds.Prices(code) {
			replaced := false
			for _, q := range fresh[amountKey{p.Code, p.FeeCode}] {
				replaced = replaced || q.Overlaps(p.Period)
			}
			if replaced {
				continue
			}
			file := strconv.Itoa(p.Period.From.Year()) + "/prices.csv"
			byYear[file] = append(byYear[file], line{p.Code, p.Period.From, p.FeeCode, []string{string(p.Code), p.Period.From.String(), p.Period.To.String(),
				strconv.Itoa(p.FeeCode), amount(p.Amount), strings.Join(p.Sources, ";"), p.Note}})
		}
	}
	for _, p := range prices {
		r := p.row
		file := strconv.Itoa(r.Begin.Year()) + "/prices.csv"
		byYear[file] = append(byYear[file], line{r.Code, r.Begin, r.FeeCode, []string{string(r.Code), r.Begin.String(), r.End.String(),
			strconv.Itoa(r.FeeCode), amount(r.Fee), p.source, ""}})
		res.PriceRows++
	}
	for file, lines := range byYear {
		sort.Slice(lines, func(i, j int) bool {
			a, b := lines[i], lines[j]
			if a.code != b.code {
				return a.code < b.code
			}
			if a.from != b.from {
				return a.from < b.from
			}
			return a.feeCode < b.feeCode
		})
		rows := make([][]string, len(lines))
		for i, l := range lines {
			rows[i] = l.cells
		}
		files[file], _ = appendRecords(nil, priceColumns, rows)
	}
}

// writeFeeCodes writes feecodes.csv: the export's fee codes with their meaning, and the
// data's own that the export does not redefine.
func (res *Result) writeFeeCodes(ds *calc.Dataset, exp *Export, files map[string][]byte, sourceIDs map[string]string) {
	if len(exp.FeeCodes) == 0 {
		return
	}
	type row struct {
		n     int
		cells []string
	}
	var rows []row
	for n, fc := range ds.FeeCodes() {
		if exp.FeeCodes[n] == nil {
			rows = append(rows, row{n, []string{strconv.Itoa(n), fc.Cat, fc.DescFR, fc.DescNL, fc.Meaning, fc.Category.Text(), fc.Unit, fc.Percent, strings.Join(fc.Sources, ";"), fc.Note}})
		}
	}
	src := sourceIDs[""]
	if src == "" {
		for _, id := range sourceIDs {
			src = max(src, id)
		}
	}
	for n, fc := range exp.FeeCodes {
		m := fc.Meaning
		note := fc.File + ":" + strconv.Itoa(fc.Line) + "; " + strconv.Itoa(fc.Rows) + " rows"
		if m.Why != "" {
			note += "; " + m.Why
		}
		rows = append(rows, row{n, []string{strconv.Itoa(n), fc.Cat, fc.DescFR, fc.DescNL, m.Meaning, m.Category, firstNonEmpty(m.Unit, "eur"), m.Percent, src, note}})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].n < rows[j].n })
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = r.cells
	}
	files["feecodes.csv"], _ = appendRecords(nil, feeCodeColumns, cells)
}

// headerOf returns a CSV file's header, or def for a new file.
func headerOf(data []byte, def []string) []string {
	if len(bytes.TrimSpace(data)) == 0 {
		return def
	}
	h, err := csv.NewReader(bytes.NewReader(data)).Read()
	if err != nil {
		return def
	}
	for i, c := range h {
		h[i] = strings.TrimPrefix(strings.TrimSpace(c), "\ufeff")
	}
	return h
}

// appendRecords appends rows to a CSV file (which gets header when new), in one pass.
func appendRecords(data []byte, header []string, rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(len(data) + 64*len(rows))
	w := csv.NewWriter(&buf)
	if len(bytes.TrimSpace(data)) == 0 {
		if err := w.Write(header); err != nil {
			return nil, err
		}
	} else {
		buf.Write(data)
		if data[len(data)-1] != '\n' {
			buf.WriteByte('\n')
		}
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// removeRecords cuts the records starting on the given lines out of a CSV file, leaving
// every other byte as it was.
func removeRecords(data []byte, lines map[int]bool) ([]byte, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	var out bytes.Buffer
	start := int64(0)
	for {
		_, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		end := r.InputOffset()
		if !lines[line] {
			out.Write(data[start:end])
		}
		start = end
	}
	out.Write(data[start:])
	return out.Bytes(), nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// atExportLine turns a defect of a written data row into an *Error at the export's line the
// row came from (written rows carry it in their note column, table:line), so that every
// error points at the export; nil when the defect is not in a row the import wrote.
func atExportLine(files []calc.File, err error) error {
	var de *calc.DataError
	if !errors.As(err, &de) || de.Line < 2 {
		return nil
	}
	for _, f := range files {
		if f.Name != de.File {
			continue
		}
		r := csv.NewReader(bytes.NewReader(f.Data))
		r.FieldsPerRecord = -1
		header, herr := r.Read()
		if herr != nil {
			return nil
		}
		for {
			rec, rerr := r.Read()
			if rerr != nil {
				return nil
			}
			if line, _ := r.FieldPos(0); line != de.Line {
				continue
			}
			for i, h := range header {
				if h != "note" || i >= len(rec) {
					continue
				}
				file, n, ok := strings.Cut(rec[i], ":")
				line, aerr := strconv.Atoi(n)
				if !ok || aerr != nil || file == "" {
					return nil
				}
				value := ""
				if j := slices.Index(header, de.Field); j >= 0 && j < len(rec) {
					value = rec[j]
				}
				return &Error{File: file, Line: line, Field: de.Field, Value: value, Reason: de.Err + " (in the data written as " + de.File + ":" + strconv.Itoa(de.Line) + ")"}
			}
			return nil
		}
	}
	return nil
}
