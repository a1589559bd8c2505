package calc

import (
	"hash/fnv"
	"path"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// A Dataset is everything the calculator knows: tariff rows, year parameters, dated rule
// parameters, sources and explanation texts. Build it with [NewDataset]; it is read-only
// afterwards and safe for concurrent use. The zero Dataset knows nothing and answers every
// query with a [NoDataError].
type Dataset struct {
	sources  map[string]Source
	tariffs  map[Code][]Tariff // sorted by band, then valid_from
	params   map[string][]Param
	rules    map[string][]RuleParam
	messages map[string]*message
	registry map[string]RegistryEntry
	// sourceJSON are the sources as answers cite them, as JSON (Quote.AppendJSON), written
	// once per dataset.
	sourceJSON   map[string]string
	feeCodes     map[int]FeeCode
	prices       map[Code][]Price // sorted by valid_from, then fee code
	checksum     string
	dataDate     Date // the latest sources_verified date
	years        []int
	horizon      int // the last year the data speaks of: folders and explicit valid_to dates
	split        *Split
	synonyms     *Synonyms
	conflicts    []Conflict                      // conflicts.csv, in file order
	translations map[Lang]map[Code][]Translation // the project's translations of labels (labels.go)
}

// A Source is where figures come from: a table, a legal text, an article.
type Source struct {
	ID    string
	Kind  string // official, agreement, insurer, union, press, other
	Title string
	URL   string
	Date  string
	ELI   string
}

// A Code is a 6-digit INAMI/RIZIV nomenclature code.
type Code string

// ParseCode accepts exactly six ASCII digits.
func ParseCode(s string) (Code, error) {
	if !allDigits(s, 6, 6) {
		return "", inputError("code", s, "a nomenclature code is 6 digits")
	}
	return Code(s), nil
}

// A Tariff is one row of a tariffs.csv: the published figures for one code, period and
// patient band. Nil reimbursements were not published.
type Tariff struct {
	Code         Code
	LabelFR      string
	LabelNL      string
	Category     string
	Specialty    string
	Period       Period
	Band         Band
	Fee          *decimal.Decimal
	Reimb        map[Category]decimal.Decimal // published reimbursements
	KeyLetters   string
	Coefficients string
	Sources      []string
	Link         string
	Note         string
	File         string
	Line         int
}

// A Category is a beneficiary category in the official tables.
type Category struct {
	Preferential bool
	DMG          bool
}

// A Param is one year parameter (statut social, income clause, indexation …).
type Param struct {
	Name    string
	Value   string
	Period  Period
	Sources []string
	Note    string
	File    string
	Line    int
}

// A RuleParam is one dated parameter of a rule the engine implements (see rules.go).
type RuleParam struct {
	Rule     string
	Codes    []Code
	Category string // when applies_to is "category:…"
	Period   Period
	Insured  string // ordinary, preferential, any
	DMG      string // yes, no, any
	Value    string
	Sources  []string
	Note     string
	File     string
	Line     int
	money    decimal.Decimal // Value read as an amount, once (amount)
}

// Lang is an interface language.
type Lang string

// The languages of the interfaces.
const (
	EN Lang = "en"
	FR Lang = "fr"
	NL Lang = "nl"
	DE Lang = "de"
)

func parseLang(s string) (Lang, bool) {
	switch Lang(s) {
	case EN, FR, NL, DE:
		return Lang(s), true
	}
	return "", false
}

// Columns of each kind of data file (data/README.md).
func sourceColumns() []string { return []string{"id", "kind", "title", "url", "date", "eli"} }

func tariffColumns() []string {
	return []string{"code", "label_fr", "label_nl", "category", "specialty", "valid_from", "valid_to", "band", "fee", "reimb_ordinary", "reimb_preferential", "reimb_ordinary_dmg", "reimb_preferential_dmg", "key_letters", "coefficients", "source", "link", "note"}
}

func paramColumns() []string {
	return []string{"name", "value", "valid_from", "valid_to", "source", "note"}
}

func ruleColumns() []string {
	return []string{"rule", "applies_to", "valid_from", "valid_to", "insured", "dmg", "value", "source", "note"}
}

func messageColumns() []string { return []string{"key", "en", "fr", "nl", "de"} }

// NewDataset parses and validates the data files: sources.csv, rules.csv, messages.csv and
// YYYY/tariffs.csv, YYYY/parameters.csv. The first defect found is returned as a
// *DataError naming file, line and field.
func NewDataset(files []File) (*Dataset, error) {
	ds := &Dataset{
		sources:  map[string]Source{},
		tariffs:  map[Code][]Tariff{},
		params:   map[string][]Param{},
		rules:    map[string][]RuleParam{},
		messages: map[string]*message{},
		feeCodes: map[int]FeeCode{},
		prices:   map[Code][]Price{},
		registry: map[string]RegistryEntry{},
	}
	files = append([]File(nil), files...)
	insertionSort(len(files), func(i, j int) bool { return files[i].Name < files[j].Name }, func(i, j int) { files[i], files[j] = files[j], files[i] })
	sum := fnv.New64a()
	years := map[int]bool{}
	// sources and the registry first: the other files refer to them.
	needRegistry := ""
	for _, f := range files {
		var err error
		switch {
		case f.Name == "sources.csv":
			err = ds.readSources(f)
		case f.Name == "registry.csv":
			err = ds.readRegistry(f)
		case f.Name == "rules.csv" || path.Base(f.Name) == "parameters.csv":
			needRegistry = f.Name
		}
		if err != nil {
			return nil, err
		}
	}
	ds.sourceJSON = make(map[string]string, len(ds.sources))
	var buf []byte
	for id := range ds.sources {
		buf = ds.appendSourceJSON(buf[:0], id)
		ds.sourceJSON[id] = string(buf)
	}
	if needRegistry != "" && len(ds.registry) == 0 {
		return nil, &DataError{File: needRegistry, Err: "registry.csv, which declares every rule and parameter, is missing or empty"}
	}
	for _, f := range files {
		var err error
		if f.Name == SplitFile {
			if err = ds.readSplit(f); err != nil {
				return nil, err
			}
			continue
		}
		sum.Write([]byte(f.Name + "\x00"))
		sum.Write(f.Data)
		switch dir, base := path.Split(f.Name); {
		case f.Name == "sources.csv" || f.Name == "registry.csv":
		case f.Name == "rules.csv":
			err = ds.readRules(f)
		case f.Name == "messages.csv":
			err = ds.readMessages(f)
		case f.Name == "feecodes.csv":
			err = ds.readFeeCodes(f)
		case f.Name == SynonymsFile:
			err = ds.readSynonyms(f)
		case f.Name == ConflictsFile:
			err = ds.readConflicts(f)
		case translatedLang(f.Name) != "":
			err = ds.readLabels(f, translatedLang(f.Name))
		case base == "tariffs.csv" || base == "parameters.csv" || base == "prices.csv":
			y, yerr := strconv.Atoi(strings.TrimSuffix(dir, "/"))
			if yerr != nil || y < minYear || y > maxYear {
				return nil, &DataError{File: f.Name, Err: "a tariffs or parameters file must sit in a YYYY/ folder"}
			}
			years[y] = true
			switch base {
			case "tariffs.csv":
				err = ds.readTariffs(f, y)
			case "prices.csv":
				err = ds.readPrices(f, y)
			default:
				err = ds.readParams(f, y)
			}
		case strings.HasSuffix(f.Name, ".csv"):
			err = &DataError{File: f.Name, Err: "unknown data file"}
		}
		if err != nil {
			return nil, err
		}
	}
	if err := ds.checkOverlaps(); err != nil {
		return nil, err
	}
	if err := ds.checkPrices(); err != nil {
		return nil, err
	}
	if err := ds.checkLabels(); err != nil {
		return nil, err
	}
	for y := range years {
		ds.years = append(ds.years, y)
	}
	ys := ds.years
	insertionSort(len(ys), func(i, j int) bool { return ys[i] < ys[j] }, func(i, j int) { ys[i], ys[j] = ys[j], ys[i] })
	for _, y := range ds.years {
		ds.horizon = max(ds.horizon, y)
	}
	for _, rows := range ds.tariffs {
		for _, r := range rows {
			ds.horizon = max(ds.horizon, r.Period.To.Year())
		}
	}
	ds.checksum = strconv.FormatUint(sum.Sum64(), 16)
	if ds.split != nil {
		// A core and some parts: answer as the whole data they were cut from.
		ds.checksum = ds.split.Checksum
		ds.horizon = max(ds.horizon, ds.split.Horizon)
	}
	return ds, nil
}

func (ds *Dataset) readSources(f File) error {
	recs, err := readTable(f, sourceColumns())
	if err != nil {
		return err
	}
	for _, r := range recs {
		id := r.get("id")
		if id == "" {
			return r.fail("id", "empty")
		}
		if _, dup := ds.sources[id]; dup {
			return r.fail("id", strconv.Quote(id)+" is defined twice")
		}
		switch r.get("kind") {
		case "official", "agreement", "insurer", "union", "press", "other":
		default:
			return r.fail("kind", strconv.Quote(r.get("kind"))+" is not one of official, agreement, insurer, union, press, other")
		}
		if r.get("title") == "" || r.get("url") == "" {
			return r.fail("title", "title and url are required")
		}
		if !linkable(r.get("url")) {
			return r.fail("url", strconv.Quote(r.get("url"))+" must be an http(s) URL or a relative path (no other scheme)")
		}
		ds.sources[id] = Source{ID: id, Kind: r.get("kind"), Title: r.get("title"), URL: r.get("url"), Date: r.get("date"), ELI: r.get("eli")}
	}
	return nil
}

// linkable reports whether a source's url may be shown as a link: an http:// or https://
// URL with a host, or a relative path to a document shipped with the data (seeds/000_….txt)
// — no other scheme (javascript:, data:, file: …), no scheme-relative //host, no spaces or
// control characters.
func linkable(u string) bool {
	for i := 0; i < len(u); i++ {
		if u[i] <= ' ' || u[i] == 0x7f || u[i] == '\\' {
			return false
		}
	}
	low := lower(u)
	for _, p := range []string{"https://", "http://"} {
		if strings.HasPrefix(low, p) {
			return len(u) > len(p) && u[len(p)] != '/'
		}
	}
	// A relative path: no scheme (a colon before any slash), not //host.
	slash := strings.IndexByte(u, '/')
	colon := strings.IndexByte(u, ':')
	return !strings.HasPrefix(u, "//") && (colon < 0 || (slash >= 0 && slash < colon))
}

// sourceList parses a ;-separated list of source ids, each of which must exist.
func (ds *Dataset) sourceList(r record) ([]string, error) { return ds.sourceIDs(r, "source") }

// sourceIDs reads a column of source ids separated by ";", each one in sources.csv.
func (ds *Dataset) sourceIDs(r record, col string) ([]string, error) {
	raw := r.get(col)
	if raw == "" {
		return nil, r.fail(col, "every figure needs a source")
	}
	ids := make([]string, 0, strings.Count(raw, ";")+1)
	for rest, more := raw, true; more; {
		var id string
		id, rest, more = strings.Cut(rest, ";")
		id = strings.TrimSpace(id)
		if _, ok := ds.sources[id]; !ok {
			return nil, r.fail(col, strconv.Quote(id)+" is not in sources.csv")
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// folderPeriod reads a row's period and checks that it starts in the year of its folder
// (YYYY/tariffs.csv, parameters.csv, prices.csv).
func folderPeriod(r record, year int) (Period, error) {
	p, err := period(r)
	if err == nil && p.From.Year() != year {
		err = r.fail("valid_from", p.From.String()+" does not fall in "+strconv.Itoa(year)+": rows go in the folder of the year they start")
	}
	return p, err
}

func period(r record) (Period, error) {
	from, err := ParseDate(r.get("valid_from"))
	if err != nil {
		return Period{}, r.fail("valid_from", strconv.Quote(r.get("valid_from"))+": "+err.Error())
	}
	p := Period{From: from}
	if s := r.get("valid_to"); s != "" {
		if p.To, err = ParseDate(s); err != nil {
			return Period{}, r.fail("valid_to", strconv.Quote(s)+": "+err.Error())
		}
		if p.To < p.From {
			return Period{}, r.fail("valid_to", s+" is before valid_from "+from.String())
		}
	}
	return p, nil
}

func optAmount(r record, col string) (*decimal.Decimal, error) {
	s := r.get(col)
	if s == "" {
		return nil, nil
	}
	d, ok := parseMoney(s)
	if !ok {
		return nil, r.fail(col, strconv.Quote(s)+" is not an amount (write 31.81: digits, a dot, up to 6 decimals)")
	}
	return &d, nil
}

// Categories, specialties and bands a tariff row may name (data/README.md).
func categoryNames() []string {
	return []string{"gp-consultation", "gp-consultation-supplement", "gp-visit", "specialist-consultation", "specialist-consultation-supplement", "dmg", "teleconsultation", "other"}
}

func specialtyNames() []string {
	return []string{"internal-medicine", "paediatrics", "cardiology", "gastro-enterology", "pneumology", "rheumatology", "neurology", "psychiatry", "neuropsychiatry", "endocrinology", "oncology", "dermatology", "geriatrics", "other"}
}

func bandNames() []string {
	return []string{string(BandUnder10), string(Band10To75), string(BandOver75OrChronic)}
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// reimbColumns: the reimbursement columns of a tariffs.csv and their categories (a
// static table: no map built per row).
var reimbColumns = [...]struct {
	col string
	cat Category
}{{"reimb_ordinary", Category{}}, {"reimb_preferential", Category{Preferential: true}},
	{"reimb_ordinary_dmg", Category{DMG: true}}, {"reimb_preferential_dmg", Category{Preferential: true, DMG: true}}}

func (ds *Dataset) readTariffs(f File, year int) error {
	recs, err := readTable(f, tariffColumns())
	if err != nil {
		return err
	}
	for _, r := range recs {
		code, err := ParseCode(r.get("code"))
		if err != nil {
			return r.fail("code", strconv.Quote(r.get("code"))+" is not a 6-digit code")
		}
		t := Tariff{Code: code, LabelFR: r.get("label_fr"), LabelNL: r.get("label_nl"), Category: r.get("category"),
			Specialty: r.get("specialty"), Band: Band(r.get("band")), KeyLetters: r.get("key_letters"),
			Coefficients: r.get("coefficients"), Link: r.get("link"), Note: r.get("note"), File: f.Name, Line: r.line,
			Reimb: map[Category]decimal.Decimal{}}
		if !oneOf(t.Category, categoryNames()) {
			return r.fail("category", strconv.Quote(t.Category)+" is not one of "+strings.Join(categoryNames(), ", "))
		}
		if t.Specialty != "" && !oneOf(t.Specialty, specialtyNames()) {
			return r.fail("specialty", strconv.Quote(t.Specialty)+" is not one of "+strings.Join(specialtyNames(), ", "))
		}
		if t.Band != "" && !oneOf(string(t.Band), bandNames()) {
			return r.fail("band", strconv.Quote(string(t.Band))+" is not one of "+strings.Join(bandNames(), ", "))
		}
		if t.Period, err = folderPeriod(r, year); err != nil {
			return err
		}
		if t.Fee, err = optAmount(r, "fee"); err != nil {
			return err
		}
		for _, rc := range reimbColumns {
			col, cat := rc.col, rc.cat
			a, err := optAmount(r, col)
			if err != nil {
				return err
			}
			if a == nil {
				continue
			}
			if t.Fee == nil {
				return r.fail(col, "a reimbursement without a fee cannot be checked")
			}
			if a.GreaterThan(*t.Fee) {
				return r.fail(col, euros(*a)+" is more than the fee "+euros(*t.Fee))
			}
			t.Reimb[cat] = *a
		}
		if t.Sources, err = ds.sourceList(r); err != nil {
			return err
		}
		ds.tariffs[code] = append(ds.tariffs[code], t)
	}
	return nil
}

func (ds *Dataset) readParams(f File, year int) error {
	recs, err := readTable(f, paramColumns())
	if err != nil {
		return err
	}
	for _, r := range recs {
		p := Param{Name: r.get("name"), Value: r.get("value"), Note: r.get("note"), File: f.Name, Line: r.line}
		e, known := ds.entry("parameter", p.Name)
		if !known {
			return r.fail("name", strconv.Quote(p.Name)+" is not a known parameter (see data/registry.csv)")
		}
		if p.Value == "" {
			return r.fail("value", "empty: leave the row out when the value is not sourced")
		}
		if problem := e.valueProblem(p.Value); problem != "" {
			return r.fail("value", strconv.Quote(p.Value)+": "+problem)
		}
		if p.Period, err = folderPeriod(r, year); err != nil {
			return err
		}
		if p.Sources, err = ds.sourceList(r); err != nil {
			return err
		}
		if p.Name == "sources_verified" {
			d, err := ParseDate(p.Value)
			if err != nil {
				return r.fail("value", strconv.Quote(p.Value)+": "+err.Error())
			}
			if d > ds.dataDate {
				ds.dataDate = d
			}
		}
		ds.params[p.Name] = append(ds.params[p.Name], p)
	}
	return nil
}

func (ds *Dataset) readRules(f File) error {
	recs, err := readTable(f, ruleColumns())
	if err != nil {
		return err
	}
	for _, r := range recs {
		p := RuleParam{Rule: r.get("rule"), Insured: r.get("insured"), DMG: r.get("dmg"), Value: r.get("value"), Note: r.get("note"), File: f.Name, Line: r.line}
		e, known := ds.entry("rule", p.Rule)
		if !known {
			return r.fail("rule", strconv.Quote(p.Rule)+" is not a rule the engine implements (see data/registry.csv and calc/rules.go)")
		}
		problem := e.valueProblem(p.Value)
		to := r.get("applies_to")
		switch {
		case strings.HasPrefix(to, "category:"):
			p.Category = strings.TrimPrefix(to, "category:")
			if !oneOf(p.Category, categoryNames()) {
				return r.fail("applies_to", strconv.Quote(p.Category)+" is not a category")
			}
		case to == "" || to == "all":
		default:
			for _, c := range strings.Split(to, ";") {
				code, err := ParseCode(strings.TrimSpace(c))
				if err != nil {
					return r.fail("applies_to", strconv.Quote(c)+" is not a 6-digit code")
				}
				p.Codes = append(p.Codes, code)
			}
		}
		if !oneOf(p.Insured, []string{"ordinary", "preferential", "any"}) {
			return r.fail("insured", strconv.Quote(p.Insured)+" is not ordinary, preferential or any")
		}
		if !oneOf(p.DMG, []string{"yes", "no", "any"}) {
			return r.fail("dmg", strconv.Quote(p.DMG)+" is not yes, no or any")
		}
		if problem != "" {
			return r.fail("value", strconv.Quote(p.Value)+": "+problem)
		}
		if p.Period, err = period(r); err != nil {
			return err
		}
		if p.Sources, err = ds.sourceList(r); err != nil {
			return err
		}
		p.money, _ = parseMoney(p.Value)
		ds.rules[p.Rule] = append(ds.rules[p.Rule], p)
	}
	return nil
}

func (ds *Dataset) readMessages(f File) error {
	recs, err := readTable(f, messageColumns())
	if err != nil {
		return err
	}
	all := make([]message, len(recs)) // one allocation for every message
	ds.messages = make(map[string]*message, len(recs))
	for i, r := range recs {
		k := r.get("key")
		if _, dup := ds.messages[k]; dup {
			return r.fail("key", strconv.Quote(k)+" is defined twice")
		}
		m := &all[i]
		for j, l := range textLangs {
			if m[j] = r.get(string(l)); m[j] == "" {
				return r.fail(string(l), "missing translation")
			}
		}
		ds.messages[k] = m
	}
	return nil
}

// A message is a text of messages.csv in each of textLangs (a map per message was a
// sixth of the start-up's allocations).
type message [len(textLangs)]string

// textLangs are the languages every text of the data (messages, registry labels) is
// written in, in messages.csv's column order.
var textLangs = [...]Lang{EN, FR, NL, DE}

// in returns the message in l: "" for a language it has not.
func (m *message) in(l Lang) string {
	for i, x := range textLangs {
		if x == l {
			return m[i]
		}
	}
	return ""
}

// checkLabels requires a label in French or Dutch on at least one row of each code: an
// import writes the label only where it changes, so that ten thousand codes over many
// periods do not repeat it on every row.
func (ds *Dataset) checkLabels() error {
	for _, rows := range ds.tariffs {
		labelled := false
		for _, t := range rows {
			labelled = labelled || t.LabelFR != "" || t.LabelNL != ""
		}
		if !labelled {
			return &DataError{File: rows[0].File, Line: rows[0].Line, Field: "label_fr", Err: "code " + string(rows[0].Code) + " needs a label in French or Dutch on one of its rows"}
		}
	}
	return nil
}

// checkOverlaps rejects two tariff rows for the same code and band, two parameters of the
// same name, or two rule parameters of the same rule and scope, whose periods overlap.
func (ds *Dataset) checkOverlaps() error {
	for code, rows := range ds.tariffs {
		insertionSort(len(rows), func(i, j int) bool {
			a, b := &rows[i], &rows[j]
			return a.Band < b.Band || a.Band == b.Band && a.Period.From < b.Period.From
		}, func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
		for i := 1; i < len(rows); i++ {
			a, b := rows[i-1], rows[i]
			if a.Band == b.Band && a.Period.Overlaps(b.Period) {
				return &DataError{File: b.File, Line: b.Line, Field: "valid_from",
					Err: "code " + string(code) + " period " + b.Period.String() + " overlaps " + a.Period.String() + " (" + a.File + ":" + strconv.Itoa(a.Line) + ")"}
			}
		}
		ds.tariffs[code] = rows
	}
	for name, ps := range ds.params {
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				if ps[i].Period.Overlaps(ps[j].Period) {
					return &DataError{File: ps[j].File, Line: ps[j].Line, Field: "valid_from",
						Err: name + " period " + ps[j].Period.String() + " overlaps " + ps[i].Period.String() + " (" + ps[i].File + ":" + strconv.Itoa(ps[i].Line) + ")"}
				}
			}
		}
	}
	for _, rs := range ds.rules {
		for i := range rs {
			for j := i + 1; j < len(rs); j++ {
				if rs[i].sameScope(rs[j]) && rs[i].Period.Overlaps(rs[j].Period) {
					return &DataError{File: rs[j].File, Line: rs[j].Line, Field: "valid_from",
						Err: rs[j].Rule + " overlaps the row at line " + strconv.Itoa(rs[i].Line) + " for the same codes and patients"}
				}
			}
		}
	}
	return nil
}

// sameScope reports whether two parameters of one rule could both match one query.
func (p RuleParam) sameScope(q RuleParam) bool {
	if p.Category != q.Category {
		return false
	}
	if len(p.Codes) > 0 || len(q.Codes) > 0 {
		shared := false
		for _, a := range p.Codes {
			for _, b := range q.Codes {
				shared = shared || a == b
			}
		}
		if !shared {
			return false
		}
	}
	meet := func(a, b string) bool { return a == "any" || b == "any" || a == b }
	return meet(p.Insured, q.Insured) && meet(p.DMG, q.DMG)
}

// Years lists the years that have a data folder.
func (ds *Dataset) Years() []int { return append([]int(nil), ds.years...) }

// Source returns a source by id.
func (ds *Dataset) Source(id string) (Source, bool) {
	s, ok := ds.sources[id]
	return s, ok
}

// Tariffs returns the rows for a code, sorted by band and date.
func (ds *Dataset) Tariffs(code Code) []Tariff { return ds.tariffs[code] }

// Codes returns every code in the data, sorted.
func (ds *Dataset) Codes() []Code {
	out := make([]Code, 0, len(ds.tariffs))
	for c := range ds.tariffs {
		out = append(out, c)
	}
	SortStrings(out)
	return out
}

// Meta describes the data: a checksum of all files (shown in the page footer so a user can
// tell which data answered), the date the sources were last verified, and the years covered.
// (The query's fields reach the pages through contract.js, which scripts/sitegen writes
// from Fields at build time: the page needs them before the engine has started.)
func (ds *Dataset) Meta() map[string]any {
	ys := make([]any, len(ds.years))
	for i, y := range ds.years {
		ys[i] = strconv.Itoa(y)
	}
	return obj("checksum", ds.checksum, "data_date", ds.dataDate.String(), "years", ys)
}

func itoa(i int) string { return strconv.Itoa(i) }
