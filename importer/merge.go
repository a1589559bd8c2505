package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"honoraria/calc"
)

// tariffColumns is the column order of a new YYYY/tariffs.csv (data/README.md). Rows
// appended to an existing file follow that file's own header.
var tariffColumns = []string{"code", "label_fr", "label_nl", "category", "specialty", "valid_from", "valid_to", "band",
	"fee", "reimb_ordinary", "reimb_preferential", "reimb_ordinary_dmg", "reimb_preferential_dmg", "key_letters",
	"coefficients", "source", "link", "note"}

// A Result is what an import did: the complete new data folder (Files) and the report.
type Result struct {
	Input     string
	Rows      int           // rows read from the export
	Added     []Change      // new code/period rows written to the data
	Unchanged []Change      // already in the data with the same figures
	Conflicts []Conflict    // differing from the data: reported, not applied
	Kept      []Kept        // rows of the export the calculator does not use
	Sources   []calc.Source // sources appended to sources.csv
	Warnings  []string      // audit findings (calc.Dataset.Audit) the import brings in
	Files     []calc.File   // the whole output folder, sorted by name
}

// A Change is one tariff row of the import: a code, a period and its figures.
type Change struct {
	Code         calc.Code
	Period       calc.Period
	Fee          *decimal.Decimal
	Ordinary     *decimal.Decimal // reimbursement, fee code 1600
	Preferential *decimal.Decimal // reimbursement, fee code 1300
	Lines        []int            // lines of the export
	AuthorDocs   []string
	DescFR       string
	DescNL       string
	AuthorityIDs []string
	File         string // where it was written (Added) or found (Unchanged): file:line
}

// A Conflict is an imported row that disagrees with a row of the data for the same code and
// an overlapping period. It is not applied.
type Conflict struct {
	Import   Change
	Existing string   // file:line of the data row
	Diffs    []string // what differs, e.g. "fee 31.81 in the data, 31.90 in the export"
}

// Kept is an export row the calculator does not use, with the reason.
type Kept struct {
	Line    int
	Code    calc.Code
	Period  calc.Period
	FeeCode int
	Desc    string // the fee code's description
	Fee     decimal.Decimal
	Reason  string
}

// Merge adds the export's rows to a data folder given as files (as data.Files reads it) and
// returns the new folder. input names the export in sources and notes (its file name).
// The base folder must load; the result is loaded with calc.NewDataset before it is returned,
// so a Result is always a valid data folder.
func Merge(base []calc.File, rows []Row, input string) (*Result, error) {
	ds, err := calc.NewDataset(base)
	if err != nil {
		return nil, fmt.Errorf("the data folder to import into is broken: %w", err)
	}
	res := &Result{Input: input, Rows: len(rows)}
	groups, err := group(input, rows, res)
	if err != nil {
		return nil, err
	}

	var added []Change
	for _, g := range groups {
		existing := ds.Tariffs(g.Code)
		if banded := firstBanded(existing); banded != nil {
			res.Conflicts = append(res.Conflicts, Conflict{Import: g, Existing: loc(banded),
				Diffs: []string{"the data splits this code by patient band (" + banded.Band + "); the export does not"}})
			continue
		}
		var overlapping []calc.Tariff
		for _, t := range existing {
			if t.Period.Overlaps(g.Period) {
				overlapping = append(overlapping, t)
			}
		}
		switch {
		case len(overlapping) == 0:
			added = append(added, g)
		case len(overlapping) == 1 && len(diffs(overlapping[0], g)) == 0:
			g.File = loc(&overlapping[0])
			res.Unchanged = append(res.Unchanged, g)
		default:
			for _, t := range overlapping {
				res.Conflicts = append(res.Conflicts, Conflict{Import: g, Existing: loc(&t), Diffs: diffs(t, g)})
			}
		}
	}

	files := map[string][]byte{}
	for _, f := range base {
		files[f.Name] = f.Data
	}
	var earliest calc.Date // the file's earliest dbegin: the date of its sources
	for _, r := range rows {
		if earliest == 0 || r.Begin < earliest {
			earliest = r.Begin
		}
	}
	ids, err := res.addSources(ds, added, files, earliest)
	if err != nil {
		return nil, err
	}
	for i := range added {
		g := &added[i]
		file := strconv.Itoa(g.Period.From.Year()) + "/tariffs.csv"
		rec := tariffRecord(ds, *g, ids, input)
		line, data, err := appendRow(files[file], rec)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		files[file] = data
		g.File = file + ":" + strconv.Itoa(line)
	}
	res.Added = added

	for name, data := range files {
		res.Files = append(res.Files, calc.File{Name: name, Data: data})
	}
	sort.Slice(res.Files, func(i, j int) bool { return res.Files[i].Name < res.Files[j].Name })
	merged, err := calc.NewDataset(res.Files)
	if err != nil {
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

func loc(t *calc.Tariff) string { return t.File + ":" + strconv.Itoa(t.Line) }

func firstBanded(ts []calc.Tariff) *calc.Tariff {
	for i := range ts {
		if ts[i].Band != "" {
			return &ts[i]
		}
	}
	return nil
}

// group turns export rows into one Change per code and period. Fee codes other than the
// fee and the two reimbursements, rows starting before 1990 (outside the calculator's dates)
// and reimbursements without a fee go to res.Kept.
func group(input string, rows []Row, res *Result) ([]Change, error) {
	type key struct {
		code calc.Code
		p    calc.Period
	}
	byKey := map[key]*Change{}
	lineOf := map[key]map[int]int{} // fee code → first line, to name both lines of a clash
	var order []key
	for _, r := range rows {
		p := calc.Period{From: r.Begin, To: r.End}
		kept := func(reason string) {
			res.Kept = append(res.Kept, Kept{Line: r.Line, Code: r.Code, Period: p, FeeCode: r.FeeCode, Desc: firstNonEmpty(r.FeeCodeDescFR, r.FeeCodeDescNL), Fee: r.Fee, Reason: reason})
		}
		if r.Begin.Year() < 1990 {
			kept("starts before 1990, outside the calculator's dates")
			continue
		}
		var dst **decimal.Decimal
		k := key{r.Code, p}
		g := byKey[k]
		if g == nil {
			g = &Change{Code: r.Code, Period: p}
		}
		switch r.FeeCode {
		case FeeCodeFee:
			dst = &g.Fee
		case FeeCodeOrdinary:
			dst = &g.Ordinary
		case FeeCodePreferential:
			dst = &g.Preferential
		default:
			kept("fee code " + strconv.Itoa(r.FeeCode) + " is not used by the calculator (it uses 0 fee, 1300 and 1600 reimbursements)")
			continue
		}
		if byKey[k] == nil {
			byKey[k], lineOf[k] = g, map[int]int{}
			order = append(order, k)
		}
		fee := r.Fee
		if *dst != nil && !(*dst).Equal(fee) {
			return nil, &Error{File: input, Line: r.Line, Field: "fee", Value: fee.String(),
				Reason: fmt.Sprintf("code %s fee code %d for %s is %s at line %d", r.Code, r.FeeCode, p, (*dst).String(), lineOf[k][r.FeeCode])}
		}
		if *dst == nil {
			*dst = &fee
			lineOf[k][r.FeeCode] = r.Line
		}
		g.Lines = append(g.Lines, r.Line)
		g.AuthorDocs = addUnique(g.AuthorDocs, r.AuthorDoc)
		g.AuthorityIDs = addUnique(g.AuthorityIDs, r.AuthorityID)
		g.DescFR = firstNonEmpty(g.DescFR, r.DescFR)
		g.DescNL = firstNonEmpty(g.DescNL, r.DescNL)
	}

	var out []Change
	for _, k := range order {
		g := *byKey[k]
		if g.Fee == nil {
			for _, r := range rows {
				if r.Code == g.Code && r.Begin == g.Period.From && r.End == g.Period.To {
					res.Kept = append(res.Kept, Kept{Line: r.Line, Code: r.Code, Period: g.Period, FeeCode: r.FeeCode, Desc: firstNonEmpty(r.FeeCodeDescFR, r.FeeCodeDescNL), Fee: r.Fee,
						Reason: "a reimbursement without a fee (fee code 0) for the same code and period cannot be checked"})
				}
			}
			continue
		}
		// The fee's document is the row's first source.
		if l := lineOf[k][FeeCodeFee]; l > 0 {
			for _, r := range rows {
				if r.Line == l {
					g.AuthorDocs = append([]string{r.AuthorDoc}, removeString(g.AuthorDocs, r.AuthorDoc)...)
				}
			}
		}
		for fc, r := range map[int]*decimal.Decimal{FeeCodeOrdinary: g.Ordinary, FeeCodePreferential: g.Preferential} {
			if r != nil && r.GreaterThan(*g.Fee) {
				return nil, &Error{File: input, Line: lineOf[k][fc], Field: "fee", Value: r.String(),
					Reason: fmt.Sprintf("reimbursement (fee code %d) is more than the fee %s of code %s at line %d", fc, g.Fee.String(), g.Code, lineOf[k][FeeCodeFee])}
			}
		}
		out = append(out, g)
	}
	// Two periods of one code in the export must not overlap.
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Code != out[j].Code {
			return out[i].Code < out[j].Code
		}
		return out[i].Period.From < out[j].Period.From
	})
	for i := 1; i < len(out); i++ {
		a, b := out[i-1], out[i]
		if a.Code == b.Code && a.Period.Overlaps(b.Period) {
			return nil, &Error{File: input, Line: b.Lines[0], Field: "dbegin_fee", Value: b.Period.From.String(),
				Reason: fmt.Sprintf("code %s period %s overlaps %s at line %d", b.Code, b.Period, a.Period, a.Lines[0])}
		}
	}
	return out, nil
}

// diffs lists what differs between a data row and an imported one: the period, the fee,
// and the reimbursements (a reimbursement the data lacks counts as a difference: filling it
// is a reviewer's decision).
func diffs(t calc.Tariff, g Change) []string {
	var out []string
	if t.Period != g.Period {
		out = append(out, "period "+t.Period.String()+" in the data, "+g.Period.String()+" in the export")
	}
	cmp := func(what string, have, got *decimal.Decimal) {
		switch {
		case have == nil && got == nil:
		case have == nil:
			out = append(out, what+" not in the data, "+amount(*got)+" in the export")
		case got == nil: // the export lacks a figure the data has: nothing to change
		case !have.Equal(*got):
			out = append(out, what+" "+amount(*have)+" in the data, "+amount(*got)+" in the export")
		}
	}
	cmp("fee", t.Fee, g.Fee)
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
// significant ones (never rounded: the export's figure is the published one).
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

// addSources appends to sources.csv one source per author_doc used by the added rows and
// returns author_doc → source id.
func (res *Result) addSources(ds *calc.Dataset, added []Change, files map[string][]byte, earliest calc.Date) (map[string]string, error) {
	ids := map[string]string{}
	data := files["sources.csv"]
	for _, g := range added {
		for _, doc := range g.AuthorDocs {
			if _, done := ids[doc]; done {
				continue
			}
			src := calc.Source{Kind: "official", Title: "INAMI NomenSoft export — " + doc, URL: path.Base(res.Input), Date: earliest.String()}
			base := "nomensoft-" + slug(doc)
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
			var err error
			if _, data, err = appendRow(data, map[string]string{"id": id, "kind": src.Kind, "title": src.Title, "url": src.URL, "date": src.Date, "eli": ""}); err != nil {
				return nil, fmt.Errorf("sources.csv: %w", err)
			}
			res.Sources = append(res.Sources, src)
		}
	}
	files["sources.csv"] = data
	return ids, nil
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

// tariffRecord is the data row for an added Change. A code the data already knows keeps
// its category and specialty (and labels where the export has none); a new code is "other".
func tariffRecord(ds *calc.Dataset, g Change, ids map[string]string, input string) map[string]string {
	rec := map[string]string{"code": string(g.Code), "label_fr": g.DescFR, "label_nl": g.DescNL, "category": "other",
		"valid_from": g.Period.From.String(), "valid_to": g.Period.To.String(), "fee": optAmount(g.Fee),
		"reimb_ordinary": optAmount(g.Ordinary), "reimb_preferential": optAmount(g.Preferential)}
	var note []string
	if known := ds.Tariffs(g.Code); len(known) > 0 {
		k := known[len(known)-1]
		rec["category"], rec["specialty"] = k.Category, k.Specialty
		if rec["label_fr"] == "" && rec["label_nl"] == "" {
			rec["label_fr"], rec["label_nl"] = k.LabelFR, k.LabelNL
		}
		note = append(note, "category from "+loc(&k))
	} else {
		note = append(note, "category other: code not in the data before the import")
	}
	var srcs []string
	for _, d := range g.AuthorDocs {
		srcs = append(srcs, ids[d])
	}
	rec["source"] = strings.Join(srcs, ";")
	lines := make([]string, len(g.Lines))
	for i, l := range g.Lines {
		lines[i] = strconv.Itoa(l)
	}
	n := "Imported from " + path.Base(input) + " line " + strings.Join(lines, ", ") + " (author_doc " + strings.Join(g.AuthorDocs, ", ")
	if ids := strings.Join(removeString(g.AuthorityIDs, ""), ", "); ids != "" {
		n += "; authority_id " + ids
	}
	rec["note"] = n + "); " + strings.Join(note, "; ") + "."
	return rec
}

// appendRow appends a record to a CSV file, following its header (or the tariff columns
// when the file is new), and returns the line the record starts on.
func appendRow(data []byte, rec map[string]string) (int, []byte, error) {
	var header []string
	if len(bytes.TrimSpace(data)) == 0 {
		header = tariffColumns
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		_ = w.Write(header)
		w.Flush()
		data = buf.Bytes()
	} else {
		r := csv.NewReader(bytes.NewReader(data))
		h, err := r.Read()
		if err != nil {
			return 0, nil, err
		}
		for _, c := range h {
			header = append(header, strings.TrimPrefix(strings.TrimSpace(c), "\ufeff"))
		}
	}
	if len(data) > 0 && data[len(data)-1] != '\n' {
		data = append(data, '\n')
	}
	line := bytes.Count(data, []byte("\n")) + 1
	row := make([]string, len(header))
	for i, c := range header {
		row[i] = rec[c]
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(row)
	w.Flush()
	return line, append(append([]byte(nil), data...), buf.Bytes()...), w.Error()
}

func addUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

func removeString(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
