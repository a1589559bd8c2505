package importer

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"honoraria/calc"
)

// An Export is INAMI's NomenSoft export as read: every amount row, what each fee code
// means, and each code's labels, rubric and key letters. Read builds it from the export's
// folder, its zip, or a flat file of joined rows.
type Export struct {
	Input    string                     // the path as given
	Tables   []string                   // the files read, in order
	Rows     []Row                      // every amount, as read (File and Line say where)
	FeeCodes map[int]*FeeCodeInfo       // NOMEN_FEECODES, or the descriptions of a flat file
	Codes    map[calc.Code]*CodeInfo    // NOMEN_SUMMARY_EXT and NOMEN_CODE_DESC_HIST
	Labels   map[calc.Code][]LabelSpell // label history (NOMEN_CODE_DESC_HIST), by start date
}

// FeeCodeInfo is one row of NOMEN_FEECODES and its meaning.
type FeeCodeInfo struct {
	Number  int
	Cat     string
	DescFR  string
	DescNL  string
	Meaning FeeCodeMeaning
	File    string
	Line    int
	Rows    int // amount rows under this fee code
}

// CodeInfo is what NOMEN_SUMMARY_EXT says of a code: its current labels, rubric and key
// letters (letter, index, coefficient and value, up to three).
type CodeInfo struct {
	Code       calc.Code
	LabelFR    string
	LabelNL    string
	Rubric     string
	KeyLetters []KeyLetter
	KeyDate    calc.Date // dbegin_key_letter_value: the date the values apply from (0: not given)
	Begin      calc.Date // dbegin: the code valid from (0: not given)
	File       string
	Line       int
}

// A KeyLetter is one term of a fee: coefficient × the value of an indexed key letter.
type KeyLetter struct {
	Letter, Index string
	Coeff, Value  decimal.Decimal
	HasValue      bool
}

// A LabelSpell is a label valid over a period (NOMEN_CODE_DESC_HIST).
type LabelSpell struct {
	From, To calc.Date
	FR, NL   string
}

// The tables of the multi-file export. Required ones must be in the folder or zip.
var exportTables = []struct {
	name     string
	required bool
}{
	{"NOMEN_SUMMARY_EXT", true},
	{"NOMEN_FEECODES", true},
	{"NOMEN_CODE_DESC_HIST", false},
	{"NOMEN_CODE_FEE_LIM", true},
	{"NOMEN_CODE_FEE_BIS_LIM", false},
	{"NOMEN_CODE_FEE_LIM_HIST", false},
	{"NOMEN_CODE_FEE_BIS_LIM_HIST", false},
}

// Limits on what Read accepts. The whole real export is a few hundred MB of XML; anything
// past these is refused before it is read (a *LimitError), never half read.
const (
	maxTable   = 2 << 30 // one table, uncompressed
	maxInput   = 256 << 20
	maxZipRate = 200 // uncompressed/compressed: beyond this a zip entry is a bomb
)

// A LimitError is an input over one of the importer's limits (size, compression ratio).
type LimitError struct {
	File   string
	Reason string
}

func (e *LimitError) Error() string { return e.File + ": " + e.Reason }

// Read reads an export: a folder of the NomenSoft XML tables, a zip of them, or a flat
// CSV/XML file of joined rows.
func Read(p string) (*Export, error) { return readUpTo(p, maxInput) }

// readUpTo is Read with the flat file's limit as a parameter, so that a test can cross it
// without streaming 256 MiB.
func readUpTo(p string, limit int) (*Export, error) {
	st, err := os.Stat(p)
	if err != nil {
		return nil, &Error{File: p, Reason: "cannot read: " + pathErr(err)}
	}
	if st.IsDir() {
		return readTables(p, folderTables(p))
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, &Error{File: p, Reason: "cannot read: " + pathErr(err)}
	}
	defer f.Close()
	var magic [4]byte
	n, _ := io.ReadFull(f, magic[:])
	if n == 4 && string(magic[:]) == "PK\x03\x04" {
		zr, err := zip.NewReader(f, st.Size())
		if err != nil {
			return nil, &Error{File: p, Reason: "not a readable zip: " + err.Error()}
		}
		tables, err := zipTables(p, zr)
		if err != nil {
			return nil, err
		}
		return readTables(p, tables)
	}
	tooBig := &LimitError{File: p, Reason: "a flat file larger than " + strconv.Itoa(limit>>20) + " MiB (use the export's folder or zip)"}
	if st.Size() > int64(limit) {
		return nil, tooBig
	}
	// A flat export is text. Its first bytes are checked before the rest is read, so that
	// a device or binary file (/dev/zero, an image) is refused at once, not after 256 MiB.
	// A special file (device, pipe) reports no size: it is read up to the limit, no more.
	head := make([]byte, 64<<10)
	copy(head, magic[:n])
	m, err := io.ReadFull(f, head[n:])
	head = head[:n+m]
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, &Error{File: p, Reason: "cannot read: " + err.Error()}
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return nil, &Error{File: p, Reason: "not a text file (a NUL byte at offset " + strconv.Itoa(i) + "): give the export's folder, its zip, or a flat CSV/XML file"}
	}
	b, err := io.ReadAll(io.LimitReader(io.MultiReader(bytes.NewReader(head), f), int64(limit)+1))
	if err != nil {
		return nil, &Error{File: p, Reason: "cannot read: " + err.Error()}
	}
	if len(b) > limit {
		return nil, tooBig
	}
	rows, err := Parse(filepath.Base(p), b)
	if err != nil {
		return nil, err
	}
	return FromRows(p, rows), nil
}

func pathErr(err error) string {
	var pe *fs.PathError
	if e, ok := err.(*fs.PathError); ok {
		pe = e
		return pe.Err.Error()
	}
	return err.Error()
}

// A tableSource opens one table of the export by its name (NOMEN_FEECODES …).
type tableSource struct {
	names map[string]string // table name → file name as found
	open  func(file string) (io.ReadCloser, error)
}

func tableName(file string) (string, bool) {
	base := path.Base(strings.ReplaceAll(file, `\`, "/"))
	name, ok := strings.CutSuffix(strings.ToUpper(base), ".XML")
	return name, ok
}

func folderTables(dir string) tableSource {
	src := tableSource{names: map[string]string{}, open: func(file string) (io.ReadCloser, error) {
		f, err := os.Open(filepath.Join(dir, file))
		if err != nil {
			return nil, err
		}
		if st, err := f.Stat(); err == nil && st.Size() > maxTable {
			f.Close()
			return nil, &LimitError{File: file, Reason: "larger than 2 GiB"}
		}
		return f, nil
	}}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name, ok := tableName(e.Name()); ok && !e.IsDir() {
			src.names[name] = e.Name()
		}
	}
	return src
}

// zipTables finds the tables in a zip, at any depth. Entries are only read, never written
// to disk, but a name that climbs out of the archive ("zip slip") or is absolute is refused
// all the same: such an archive is not an export. Sizes are checked against the limits
// before anything is decompressed, and again while reading.
func zipTables(p string, zr *zip.Reader) (tableSource, error) {
	byFile := map[string]*zip.File{}
	src := tableSource{names: map[string]string{}}
	for _, f := range zr.File {
		n := strings.ReplaceAll(f.Name, `\`, "/")
		if strings.HasPrefix(n, "/") || strings.Contains("/"+n+"/", "/../") || (len(n) > 1 && n[1] == ':') {
			return src, &Error{File: p, Field: "zip entry", Value: f.Name, Reason: "a path outside the archive"}
		}
		name, ok := tableName(n)
		if !ok || f.FileInfo().IsDir() {
			continue
		}
		if f.UncompressedSize64 > maxTable {
			return src, &LimitError{File: p + ":" + f.Name, Reason: "uncompressed size " + strconv.FormatUint(f.UncompressedSize64, 10) + " bytes is over 2 GiB"}
		}
		if f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxZipRate {
			return src, &LimitError{File: p + ":" + f.Name, Reason: "compressed more than 200 times: refused as a decompression bomb"}
		}
		if _, dup := src.names[name]; dup {
			return src, &Error{File: p, Field: "zip entry", Value: f.Name, Reason: "the table " + name + " is in the archive twice"}
		}
		src.names[name] = f.Name
		byFile[f.Name] = f
	}
	src.open = func(file string) (io.ReadCloser, error) {
		f := byFile[file]
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		return &limitedReadCloser{rc: rc, left: int64(f.UncompressedSize64), file: p + ":" + file}, nil
	}
	return src, nil
}

// limitedReadCloser refuses to read past the size a zip entry declared.
type limitedReadCloser struct {
	rc   io.ReadCloser
	left int64
	file string
}

func (l *limitedReadCloser) Read(b []byte) (int, error) {
	n, err := l.rc.Read(b)
	l.left -= int64(n)
	if l.left < 0 {
		return n, &LimitError{File: l.file, Reason: "more data than the archive declares"}
	}
	return n, err
}

func (l *limitedReadCloser) Close() error { return l.rc.Close() }

// readTables reads the export's tables: labels and key letters, fee codes, label history,
// then the four amount tables.
func readTables(input string, src tableSource) (*Export, error) {
	for _, t := range exportTables {
		if _, ok := src.names[t.name]; t.required && !ok {
			return nil, &Error{File: input, Reason: "the export has no " + t.name + ".xml (required: NOMEN_SUMMARY_EXT.xml, NOMEN_FEECODES.xml, NOMEN_CODE_FEE_LIM.xml)"}
		}
	}
	exp := &Export{Input: input, FeeCodes: map[int]*FeeCodeInfo{}, Codes: map[calc.Code]*CodeInfo{}, Labels: map[calc.Code][]LabelSpell{}}
	for _, t := range exportTables {
		file, ok := src.names[t.name]
		if !ok {
			continue
		}
		rc, err := src.open(file)
		if err != nil {
			if le, ok := err.(*LimitError); ok {
				return nil, le
			}
			return nil, &Error{File: file, Reason: "cannot read: " + err.Error()}
		}
		exp.Tables = append(exp.Tables, file)
		var read func(line int, f map[string]string) error
		switch t.name {
		case "NOMEN_SUMMARY_EXT":
			read = func(line int, f map[string]string) error { return exp.addCode(file, line, f) }
		case "NOMEN_FEECODES":
			read = func(line int, f map[string]string) error { return exp.addFeeCode(file, line, f) }
		case "NOMEN_CODE_DESC_HIST":
			read = func(line int, f map[string]string) error { return exp.addLabel(file, line, f) }
		default:
			read = func(line int, f map[string]string) error { return exp.addAmount(file, line, f) }
		}
		err = readXMLTable(file, rc, t.name, read)
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	for _, spells := range exp.Labels {
		sort.Slice(spells, func(i, j int) bool { return spells[i].From < spells[j].From })
	}
	for _, fc := range exp.FeeCodes {
		fc.Meaning = ClassifyFeeCode(fc.Number, fc.Cat, fc.DescFR, fc.DescNL)
	}
	return exp, nil
}

func fieldError(file string, line int, f map[string]string, field, reason string) error {
	return &Error{File: file, Line: line, Field: field, Value: f[field], Reason: reason}
}

func (exp *Export) addCode(file string, line int, f map[string]string) error {
	code, err := calc.ParseCode(f["nomen_code"])
	if err != nil {
		return fieldError(file, line, f, "nomen_code", "a nomenclature code is 6 digits")
	}
	ci := &CodeInfo{Code: code, LabelFR: f["nomen_desc_fr"], LabelNL: f["nomen_desc_nl"], Rubric: f["nomen_grp_n"], File: file, Line: line}
	if v := f["dbegin"]; v != "" {
		if ci.Begin, _, err = parseDate(v); err != nil {
			return fieldError(file, line, f, "dbegin", err.Error())
		}
	}
	if v := f["dbegin_key_letter_value"]; v != "" {
		if ci.KeyDate, _, err = parseDate(v); err != nil {
			return fieldError(file, line, f, "dbegin_key_letter_value", err.Error())
		}
	}
	for i := 1; i <= 3; i++ {
		n := strconv.Itoa(i)
		letter := f["key_letter"+n]
		if letter == "" {
			continue
		}
		kl := KeyLetter{Letter: letter, Index: f["key_letter_index"+n]}
		if kl.Coeff, err = parseDecimal(f["key_coeff"+n]); err != nil {
			return fieldError(file, line, f, "key_coeff"+n, err.Error())
		}
		if v := f["key_letter"+n+"_value"]; v != "" {
			if kl.Value, err = parseDecimal(v); err != nil {
				return fieldError(file, line, f, "key_letter"+n+"_value", err.Error())
			}
			kl.HasValue = true
		}
		ci.KeyLetters = append(ci.KeyLetters, kl)
	}
	// A code may have several rows (one per validity): the latest is the current one, the
	// others' labels join the label history.
	if old, dup := exp.Codes[code]; dup {
		if old.Begin == ci.Begin {
			return fieldError(file, line, f, "nomen_code", "defined twice for the same dbegin (first at line "+strconv.Itoa(old.Line)+")")
		}
		if old.Begin > ci.Begin {
			old, ci = ci, old
		}
		exp.Labels[code] = append(exp.Labels[code], LabelSpell{From: old.Begin, To: ci.Begin - 1, FR: old.LabelFR, NL: old.LabelNL})
	}
	exp.Codes[code] = ci
	return nil
}

func (exp *Export) addFeeCode(file string, line int, f map[string]string) error {
	s := f["fee_code"]
	if !digits(s) || len(s) > 6 {
		return fieldError(file, line, f, "fee_code", "a fee code is a whole number")
	}
	n, _ := strconv.Atoi(s)
	if old, dup := exp.FeeCodes[n]; dup {
		return fieldError(file, line, f, "fee_code", "defined twice (first at line "+strconv.Itoa(old.Line)+")")
	}
	exp.FeeCodes[n] = &FeeCodeInfo{Number: n, Cat: f["fee_code_cat"], DescFR: f["fee_code_desc_fr"], DescNL: f["fee_code_desc_nl"], File: file, Line: line}
	return nil
}

func (exp *Export) addLabel(file string, line int, f map[string]string) error {
	code, err := calc.ParseCode(f["nomen_code"])
	if err != nil {
		return fieldError(file, line, f, "nomen_code", "a nomenclature code is 6 digits")
	}
	sp := LabelSpell{}
	if s := f["dbegin"]; s != "" {
		if sp.From, _, err = parseDate(s); err != nil {
			return fieldError(file, line, f, "dbegin", err.Error())
		}
	}
	if s := f["dend"]; s != "" {
		if sp.To, _, err = parseDate(s); err != nil {
			return fieldError(file, line, f, "dend", err.Error())
		}
	}
	desc := f["nomen_desc"]
	switch strings.ToUpper(f["language"]) {
	case "F", "FR":
		sp.FR = desc
	case "N", "NL":
		sp.NL = desc
	default:
		return fieldError(file, line, f, "language", "must be F or N")
	}
	exp.Labels[code] = append(exp.Labels[code], sp)
	return nil
}

func (exp *Export) addAmount(file string, line int, f map[string]string) error {
	r, err := makeRow(file, line, f, false)
	if err != nil {
		return err
	}
	exp.Rows = append(exp.Rows, r)
	return nil
}

// FromRows makes an Export of a flat file's joined rows: fee-code descriptions and labels
// come from the rows themselves.
func FromRows(input string, rows []Row) *Export {
	exp := &Export{Input: input, Tables: []string{filepath.Base(input)}, Rows: rows, FeeCodes: map[int]*FeeCodeInfo{}, Codes: map[calc.Code]*CodeInfo{}, Labels: map[calc.Code][]LabelSpell{}}
	for _, r := range rows {
		if fc := exp.FeeCodes[r.FeeCode]; fc == nil {
			exp.FeeCodes[r.FeeCode] = &FeeCodeInfo{Number: r.FeeCode, Cat: r.FeeCodeCat, DescFR: r.FeeCodeDescFR, DescNL: r.FeeCodeDescNL, File: r.File, Line: r.Line}
		}
		ci := exp.Codes[r.Code]
		if ci == nil {
			ci = &CodeInfo{Code: r.Code, File: r.File, Line: r.Line}
			exp.Codes[r.Code] = ci
		}
		if r.DescFR != "" || r.DescNL != "" {
			exp.Labels[r.Code] = append(exp.Labels[r.Code], LabelSpell{From: r.Begin, To: r.End, FR: r.DescFR, NL: r.DescNL})
			ci.LabelFR, ci.LabelNL = firstNonEmpty(r.DescFR, ci.LabelFR), firstNonEmpty(r.DescNL, ci.LabelNL)
		}
	}
	for _, spells := range exp.Labels {
		sort.SliceStable(spells, func(i, j int) bool { return spells[i].From < spells[j].From })
	}
	for _, fc := range exp.FeeCodes {
		fc.Meaning = ClassifyFeeCode(fc.Number, fc.Cat, fc.DescFR, fc.DescNL)
	}
	return exp
}

// parseDecimal reads a key-letter value or coefficient: a decimal comma or dot.
func parseDecimal(s string) (decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	whole, frac, dot := strings.Cut(s, ".")
	if !digits(whole) || len(whole) > 9 || (dot && (!digits(frac) || len(frac) > 9)) {
		return decimal.Decimal{}, errString("not a number (digits, a comma or dot, decimals)")
	}
	return decimal.NewFromString(s)
}

type errString string

func (e errString) Error() string { return string(e) }

var _ = bytes.MinRead
