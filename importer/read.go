// Package importer turns INAMI NomenSoft's fee export (XML rows NOMEN_HONORAIRES, or the same
// columns as CSV; BRIEF §6.4) into the calculator's data format (data/README.md), merging it
// with an existing data folder: identical figures are left alone, new codes and periods are
// added, and a different amount for a code and period already in the data is reported as a
// conflict and never applied.
//
// Parse reads an export, Merge computes the new data folder as files, WriteFolder writes it.
// Only WriteFolder touches the disk.
package importer

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"honoraria/calc"
)

// Fee codes of the export that the calculator uses (BRIEF §6.4). Rows with other fee codes
// are kept in the report, never silently dropped.
const (
	FeeCodeFee          = 0    // the fee (honoraire / honorarium)
	FeeCodePreferential = 1300 // reimbursement, preferential beneficiaries
	FeeCodeOrdinary     = 1600 // reimbursement, ordinary beneficiaries
)

// A Row is one row of the export.
type Row struct {
	File          string // the table or file the row was read from
	Line          int    // 1-based line of the row in that file
	Code          calc.Code
	DescNL        string
	DescFR        string
	Begin         calc.Date // may be before 1990, which the calculator cannot hold
	End           calc.Date // 0: open end (2999-12-31)
	FeeCodeCat    string
	FeeCode       int
	FeeCodeDescNL string
	FeeCodeDescFR string
	Fee           decimal.Decimal
	AuthorDoc     string
	AuthorityID   string
}

// An Error is a defect in the input file, located by line and field, quoting the value.
type Error struct {
	File   string
	Line   int // 0 when the defect concerns the whole file
	Field  string
	Value  string
	Reason string
}

func (e *Error) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
	}
	if e.Field == "" {
		return loc + ": " + e.Reason
	}
	v := e.Value
	if r := []rune(v); len(r) > 64 {
		v = string(r[:64]) + "…"
	}
	return fmt.Sprintf("%s: %s %s: %s", loc, e.Field, strconv.Quote(v), e.Reason)
}

// The export's columns. Those marked required must be present in a CSV header.
var columns = []struct {
	name     string
	required bool
}{
	{"nomen_code", true}, {"nomen_desc_nl", false}, {"nomen_desc_fr", false},
	{"dbegin_fee", true}, {"dend_fee", true}, {"fee_code_cat", false}, {"fee_code", true},
	{"fee_code_desc_nl", false}, {"fee_code_desc_fr", false}, {"fee", true},
	{"author_doc", true}, {"authority_id", false},
}

func knownColumn(name string) bool {
	for _, c := range columns {
		if c.name == name {
			return true
		}
	}
	return false
}

// Parse reads an export given as bytes; name is used in error messages. XML is recognised
// by its first character '<'; anything else is read as CSV (comma or semicolon separated).
// Text that is not UTF-8 is read as Windows-1252, the encoding of Belgian spreadsheet exports.
func Parse(name string, b []byte) ([]Row, error) {
	if len(b) > maxInput {
		return nil, &LimitError{File: name, Reason: "file larger than 256 MiB"}
	}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(b, []byte("\ufeff")), " \t\r\n")
	if len(trimmed) == 0 {
		return nil, &Error{File: name, Reason: "the file is empty"}
	}
	if trimmed[0] == '<' {
		return parseXML(name, b)
	}
	return parseCSV(name, b)
}

// parseCSV reads the export's columns from a CSV file with a header line.
func parseCSV(name string, b []byte) ([]Row, error) {
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	if !utf8.Valid(b) {
		if hasUTF8Sequence(b) {
			return nil, &Error{File: name, Line: invalidUTF8Line(b), Reason: "mixes UTF-8 and another encoding: save the file as UTF-8 (or wholly as Windows-1252)"}
		}
		b = []byte(windows1252(b))
	}
	firstLine := b
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		firstLine = b[:i]
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.ReuseRecord = false
	if bytes.Count(firstLine, []byte(";")) > bytes.Count(firstLine, []byte(",")) {
		r.Comma = ';'
	}
	header, err := r.Read()
	if err != nil {
		return nil, csvError(name, err)
	}
	index := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if !knownColumn(h) {
			continue // the export may grow columns; the ones we use are checked below
		}
		if _, dup := index[h]; dup {
			return nil, &Error{File: name, Line: 1, Field: h, Value: h, Reason: "duplicate column"}
		}
		index[h] = i
	}
	for _, c := range columns {
		if _, ok := index[c.name]; c.required && !ok {
			return nil, &Error{File: name, Line: 1, Field: c.name, Reason: "missing column (the header must name nomen_code, dbegin_fee, dend_fee, fee_code, fee, author_doc)"}
		}
	}
	var rows []Row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := r.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) != len(header) {
			return nil, &Error{File: name, Line: line, Reason: fmt.Sprintf("row has %d cells, header has %d", len(rec), len(header))}
		}
		fields := map[string]string{}
		for col, i := range index {
			fields[col] = rec[i]
		}
		row, err := makeRow(name, line, fields, true)
		if err != nil {
			return nil, err
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil, &Error{File: name, Reason: "no rows after the header"}
	}
	return rows, nil
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &Error{File: name, Line: pe.Line, Reason: pe.Err.Error()}
	}
	if err == io.EOF {
		return &Error{File: name, Reason: "the file is empty"}
	}
	return &Error{File: name, Reason: err.Error()}
}

// parseXML reads every element that has a nomen_code child (or attribute) as one row: the
// export's <NOMEN_HONORAIRES> rows, whatever the root element is called.
func parseXML(name string, b []byte) ([]Row, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.CharsetReader = charsetReader
	type frame struct {
		line   int
		fields map[string]string
		text   strings.Builder
		leaf   bool
	}
	var stack []*frame
	var rows []Row
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := d.InputPos()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			return nil, &Error{File: name, Line: line, Reason: "malformed XML: " + err.Error()}
		}
		switch t := tok.(type) {
		case xml.StartElement:
			line, _ := d.InputPos()
			f := &frame{line: line, fields: map[string]string{}, leaf: true}
			for _, a := range t.Attr {
				if k := strings.ToLower(a.Name.Local); knownColumn(k) {
					f.fields[k] = a.Value
				}
			}
			if len(stack) > 0 {
				stack[len(stack)-1].leaf = false
			}
			stack = append(stack, f)
			if len(stack) > 64 {
				return nil, &Error{File: name, Line: line, Reason: "XML nested deeper than 64 elements"}
			}
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].text.Write(t)
			}
		case xml.EndElement:
			f := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			k := strings.ToLower(t.Name.Local)
			if f.leaf && len(stack) > 0 && knownColumn(k) {
				parent := stack[len(stack)-1]
				if _, dup := parent.fields[k]; dup {
					return nil, &Error{File: name, Line: f.line, Field: k, Value: f.text.String(), Reason: "given twice in one row"}
				}
				parent.fields[k] = f.text.String()
			}
			if _, ok := f.fields["nomen_code"]; ok {
				row, err := makeRow(name, f.line, f.fields, true)
				if err != nil {
					return nil, err
				}
				rows = append(rows, row)
			}
		}
	}
	if len(rows) == 0 {
		return nil, &Error{File: name, Reason: "no <NOMEN_HONORAIRES> row with a nomen_code"}
	}
	return rows, nil
}

// makeRow validates one row's fields.
// flat is true for a flat file of joined rows, where every row names its source document
// (author_doc); the multi-file export's amount tables do not carry it.
func makeRow(file string, line int, f map[string]string, flat bool) (Row, error) {
	get := func(k string) string { return strings.TrimSpace(f[k]) }
	bad := func(field, reason string) (Row, error) {
		return Row{}, &Error{File: file, Line: line, Field: field, Value: f[field], Reason: reason}
	}
	r := Row{File: file, Line: line, DescNL: get("nomen_desc_nl"), DescFR: get("nomen_desc_fr"), FeeCodeCat: get("fee_code_cat"),
		FeeCodeDescNL: get("fee_code_desc_nl"), FeeCodeDescFR: get("fee_code_desc_fr"),
		AuthorDoc: get("author_doc"), AuthorityID: get("authority_id")}
	code, err := calc.ParseCode(get("nomen_code"))
	if err != nil {
		return bad("nomen_code", "a nomenclature code is 6 digits")
	}
	r.Code = code
	var open bool
	if r.Begin, open, err = parseDate(get("dbegin_fee")); err != nil || open {
		if open {
			return bad("dbegin_fee", "2999-12-31 is the open end, not a start")
		}
		return bad("dbegin_fee", err.Error())
	}
	if r.End, _, err = parseDate(get("dend_fee")); err != nil {
		return bad("dend_fee", err.Error())
	}
	if r.End != 0 && r.End < r.Begin {
		return bad("dend_fee", "before dbegin_fee "+r.Begin.String())
	}
	fc := get("fee_code")
	if !digits(fc) || len(fc) > 6 {
		return bad("fee_code", "a fee code is a whole number (0 fee, 1300 preferential, 1600 ordinary reimbursement)")
	}
	r.FeeCode, _ = strconv.Atoi(fc)
	if r.Fee, err = parseFee(get("fee")); err != nil {
		return bad("fee", err.Error())
	}
	if r.AuthorDoc == "" && flat {
		return bad("author_doc", "every figure needs its source document (e.g. OA2024_400)")
	}
	for _, k := range []string{"author_doc", "nomen_desc_nl", "nomen_desc_fr", "fee_code_desc_nl", "fee_code_desc_fr", "fee_code_cat", "authority_id"} {
		if len(f[k]) > 2000 {
			return bad(k, "longer than 2000 characters")
		}
		if strings.ContainsAny(f[k], "\x00") {
			return bad(k, "contains a NUL character")
		}
	}
	return r, nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseDate accepts YYYY-MM-DD or DD/MM/YYYY, optionally followed by a time of day
// ("T00:00:00" or " 00:00:00", with optional fractions; the XML export writes
// xs:dateTime). Nothing else may follow. 2999-12-31 means "open end" and returns open = true.
func parseDate(s string) (d calc.Date, open bool, err error) {
	const bad = errString("not a date (write YYYY-MM-DD or DD/MM/YYYY, optionally with a time)")
	day, clock := s, ""
	if len(s) > 10 {
		day, clock = s[:10], s[10:]
		if clock[0] != 'T' && clock[0] != ' ' || !isClock(clock[1:]) {
			return 0, false, bad
		}
	}
	var t time.Time
	switch {
	case len(day) == 10 && day[4] == '-':
		t, err = time.Parse("2006-01-02", day)
	case len(day) == 10 && day[2] == '/':
		t, err = time.Parse("02/01/2006", day)
	default:
		err = bad
	}
	if err != nil {
		return 0, false, bad
	}
	if t.Year() == 2999 && t.Month() == 12 && t.Day() == 31 {
		return 0, true, nil
	}
	if t.Year() < 1900 || t.Year() > 2100 {
		return 0, false, errString("year out of range 1900–2100 (2999-12-31 is the open end)")
	}
	return calc.DateOf(t.Year(), int(t.Month()), t.Day()), false, nil
}

// isClock accepts HH:MM:SS with optional fractions of a second and an optional Z or
// ±HH:MM zone.
func isClock(s string) bool {
	if len(s) < 8 || s[2] != ':' || s[5] != ':' || !digits(s[:2]+s[3:5]+s[6:8]) {
		return false
	}
	s = s[8:]
	if strings.HasPrefix(s, ".") {
		i := 1
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == 1 {
			return false
		}
		s = s[i:]
	}
	switch {
	case s == "", s == "Z":
		return true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && s[3] == ':' && digits(s[1:3]+s[4:]):
		return true
	}
	return false
}

// parseFee reads an amount with up to 6 decimals, a dot or a comma as decimal separator.
func parseFee(s string) (decimal.Decimal, error) {
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	whole, frac, dot := strings.Cut(s, ".")
	if !digits(whole) || len(whole) > 9 || (dot && (!digits(frac) || len(frac) > 6)) {
		return decimal.Decimal{}, errors.New("not an amount (digits, a dot, up to 6 decimals; no sign)")
	}
	return decimal.NewFromString(s)
}
