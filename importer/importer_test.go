package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
	"honoraria/data"
)

func bundledFiles(t testing.TB) []calc.File {
	t.Helper()
	files, err := data.Files(data.Bundled())
	require.NoError(t, err)
	return files
}

func parseFixture(t testing.TB, name string) []Row {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	rows, err := Parse(name, b)
	require.NoError(t, err)
	return rows
}

// importInto merges a fixture into the bundled data, writes it to a temp folder and loads
// the folder back from disk, as the command line does.
func importInto(t *testing.T, fixtures ...string) (*Result, *calc.Dataset) {
	t.Helper()
	base := bundledFiles(t)
	var res *Result
	for _, fx := range fixtures {
		var err error
		res, err = Merge(base, FromRows(fx, parseFixture(t, fx)))
		require.NoError(t, err)
		base = res.Files
	}
	dir := filepath.Join(t.TempDir(), "out")
	require.NoError(t, WriteFolder(dir, res.Files))
	ds, err := data.LoadFrom(os.DirFS(dir))
	require.NoError(t, err)
	return res, ds
}

func quoteOf(t *testing.T, ds *calc.Dataset, in map[string]string) *calc.Quote {
	t.Helper()
	q, err := calc.ParseQuery(in)
	require.NoError(t, err)
	res, err := ds.Quote(q)
	require.NoError(t, err)
	return res
}

func TestParseXMLFixture(t *testing.T) {
	rows := parseFixture(t, "nomensoft-fixture.xml")
	require.Len(t, rows, 7)
	r := rows[0]
	assert.Equal(t, calc.Code("109991"), r.Code)
	assert.Equal(t, calc.DateOf(2024, 1, 1), r.Begin)
	assert.Zero(t, r.End, "2999-12-31 is the open end")
	assert.Equal(t, "25", r.Fee.String())
	assert.Equal(t, "TESTFIXTURE_001", r.AuthorDoc)
	assert.Equal(t, "TEST FIXTURE consultation", r.DescFR)
	assert.Greater(t, rows[1].Line, r.Line)
}

func TestParseCSVFixture(t *testing.T) {
	rows := parseFixture(t, "nomensoft-fixture.csv")
	require.Len(t, rows, 7)
	assert.Equal(t, calc.DateOf(2023, 1, 1), rows[0].Begin, "DD/MM/YYYY")
	assert.Equal(t, "50", rows[0].Fee.String(), "decimal comma")
	assert.Equal(t, 2, rows[0].Line)
	assert.Equal(t, 1600, rows[1].FeeCode)
}

func TestImportFixtureAndQuote(t *testing.T) {
	res, ds := importInto(t, "nomensoft-fixture.xml", "nomensoft-fixture.csv")
	// The last import's report: the CSV.
	require.Len(t, res.Added, 2)
	assert.Empty(t, res.Replaced)
	// Fee code 1500 is not understood: its row is kept in prices.csv and listed.
	var unknown []int
	for _, fc := range res.FeeCodes {
		if fc.Info.Meaning.Meaning == "unknown" {
			unknown = append(unknown, fc.Info.Number)
			assert.Equal(t, 1, fc.Info.Rows)
		}
	}
	assert.Equal(t, []int{1500}, unknown)
	assert.Equal(t, 1, res.PriceRows)

	for _, c := range []struct {
		in                        map[string]string
		fee, reimbursement, share string
	}{
		{map[string]string{"code": "109991", "date": "2025-06-01"}, "25.00", "15.00", "10.00"},
		{map[string]string{"code": "109991", "date": "2025-06-01", "insured": "preferential"}, "25.00", "22.00", "3.00"},
		{map[string]string{"code": "109992", "date": "2020-03-01"}, "40.12", "28.00", "12.12"},
		{map[string]string{"code": "109993", "date": "2024-03-01", "insured": "preferential"}, "50.00", "45.00", "5.00"},
		{map[string]string{"code": "102771", "date": "2012-06-01"}, "11.11", "11.11", "0.00"},
	} {
		q := quoteOf(t, ds, c.in)
		assert.Equal(t, c.fee, q.Fee.StringFixed(2), c.in)
		require.NotNil(t, q.Reimbursement, c.in)
		assert.Equal(t, c.reimbursement, q.Reimbursement.StringFixed(2), c.in)
		assert.Equal(t, c.share, q.PersonalShare.StringFixed(2), c.in)
		src, ok := q.Source(q.Service.Sources[0])
		require.True(t, ok)
		assert.Equal(t, "official", src.Kind)
		assert.Contains(t, src.Title, "INAMI NomenSoft export — TESTFIXTURE_00")
	}
	// The data file keeps the published figure's decimals (40.1234); the calculator
	// rounds it once, to the cent, when it loads it (calc.Cents).
	tariffs := ds.Tariffs("109992")
	require.Len(t, tariffs, 1)
	assert.Equal(t, "40.12", tariffs[0].Fee.String())
	var written string
	for _, f := range res.Files {
		if f.Name == "2020/tariffs.csv" {
			written = string(f.Data)
		}
	}
	assert.Contains(t, written, ",40.1234,")
	assert.Equal(t, "other", tariffs[0].Category)
	// A known code keeps its category.
	for _, tr := range ds.Tariffs("102771") {
		assert.Equal(t, "dmg", tr.Category)
	}
	// The bundled figures are still there.
	q := quoteOf(t, ds, map[string]string{"code": "101076", "date": "2024-03-01"})
	assert.Equal(t, "31.81", q.Fee.StringFixed(2))
}

func TestImportIdenticalIsUnchanged(t *testing.T) {
	exp := FromRows("nomensoft-fixture.xml", parseFixture(t, "nomensoft-fixture.xml"))
	res, err := Merge(bundledFiles(t), exp)
	require.NoError(t, err)
	require.Len(t, res.Unchanged, 1)
	assert.Equal(t, calc.Code("101076"), res.Unchanged[0].Code)
	assert.Equal(t, "2024/tariffs.csv:4", res.Unchanged[0].File)
	assert.Len(t, res.Added, 2)
	assert.Empty(t, res.Replaced)
	require.Len(t, res.Sources, 2)
	assert.Equal(t, "nomensoft-testfixture-001", res.Sources[0].ID)
	assert.Equal(t, "nomensoft-fixture.xml", res.Sources[0].URL)

	// Importing the same file again changes nothing and adds no source.
	again, err := Merge(res.Files, FromRows("nomensoft-fixture.xml", parseFixture(t, "nomensoft-fixture.xml")))
	require.NoError(t, err)
	assert.Empty(t, again.Added)
	assert.Empty(t, again.Sources)
	assert.Empty(t, again.Replaced)
	assert.Len(t, again.Unchanged, 3)
	assert.Equal(t, res.Files, again.Files)
}

// The official export is authoritative: a data figure it contradicts is replaced, and
// listed with both values.
func TestImportExportIsAuthoritative(t *testing.T) {
	res, ds := importInto(t, "nomensoft-conflict.csv")
	require.Len(t, res.Replaced, 1)
	c := res.Replaced[0]
	assert.Equal(t, calc.Code("101076"), c.Import.Code)
	assert.Equal(t, "2024/tariffs.csv:4", c.Existing)
	assert.Equal(t, []string{"fee 31.81 in the data, 99.99 in the export"}, c.Diffs)
	assert.Equal(t, "nomensoft-conflict.csv:2", c.Import.From)
	q := quoteOf(t, ds, map[string]string{"code": "101076", "date": "2024-03-01"})
	assert.Equal(t, "99.99", q.Fee.StringFixed(2))
	// The other periods of the code are untouched.
	assert.Equal(t, "30.00", quoteOf(t, ds, map[string]string{"code": "101076", "date": "2023-03-01"}).Fee.StringFixed(2))
	require.Len(t, res.Added, 2)
	assert.Equal(t, "12.34", quoteOf(t, ds, map[string]string{"code": "109994", "date": "2026-06-01"}).Fee.StringFixed(2))
}

// A code the data splits by patient band is replaced by the export's single row, whose
// age-band amounts come as fee codes; the report says so.
func TestImportReplacesBandedCode(t *testing.T) {
	csv := "nomen_code,dbegin_fee,dend_fee,fee_code,fee,author_doc,nomen_desc_fr\n103132,2024-01-01,2024-12-31,0,10.00,TESTFIXTURE_005,TEST FIXTURE\n"
	rows, err := Parse("banded.csv", []byte(csv))
	require.NoError(t, err)
	res, err := Merge(bundledFiles(t), FromRows("banded.csv", rows))
	require.NoError(t, err)
	require.Len(t, res.Replaced, 3, "one per band")
	assert.Contains(t, strings.Join(res.Replaced[0].Diffs, ";"), "patient band")
	ds, err := calc.NewDataset(res.Files)
	require.NoError(t, err)
	q := quoteOf(t, ds, map[string]string{"code": "103132", "date": "2024-06-01", "age": "40"})
	assert.Equal(t, "10.00", q.Fee.StringFixed(2))
}

func TestMalformedInput(t *testing.T) {
	const header = "nomen_code,nomen_desc_fr,dbegin_fee,dend_fee,fee_code,fee,author_doc\n"
	for _, c := range []struct {
		name, file string
		want       string // in the error
	}{
		{"bad code", header + "10107,TEST FIXTURE,2024-01-01,2999-12-31,0,1.00,X\n", `x.csv:2: nomen_code "10107"`},
		{"bad date", header + "101076,TEST FIXTURE,2024-02-30,2999-12-31,0,1.00,X\n", `x.csv:2: dbegin_fee "2024-02-30"`},
		{"end before begin", header + "101076,TEST FIXTURE,2024-02-01,2024-01-01,0,1.00,X\n", `x.csv:2: dend_fee "2024-01-01"`},
		{"bad fee", header + "101076,TEST FIXTURE,2024-01-01,2999-12-31,0,-1.00,X\n", `x.csv:2: fee "-1.00"`},
		{"seven decimals", header + "101076,TEST FIXTURE,2024-01-01,2999-12-31,0,1.0000001,X\n", `x.csv:2: fee "1.0000001"`},
		{"bad fee code", header + "101076,TEST FIXTURE,2024-01-01,2999-12-31,fee,1.00,X\n", `x.csv:2: fee_code "fee"`},
		{"no author", header + "101076,TEST FIXTURE,2024-01-01,2999-12-31,0,1.00,\n", `x.csv:2: author_doc ""`},
		{"short row", header + "101076,TEST FIXTURE,2024-01-01\n", `x.csv:2: row has 3 cells`},
		{"missing column", "nomen_code,dbegin_fee,dend_fee,fee_code,author_doc\n", `x.csv:1: fee "": missing column`},
		{"empty", "\n", `x.csv: the file is empty`},
		{"header only", header, `x.csv: no rows`},
		{"two fees", header + "109991,TEST FIXTURE,2024-01-01,2999-12-31,0,1.00,X\n109991,TEST FIXTURE,2024-01-01,2999-12-31,0,2.00,X\n", `x.csv:3: dbegin_fee "2024-01-01": code 109991 fee code 0 period 2024-01-01 →  overlaps 2024-01-01 →  at x.csv:2`},
		{"overlap", header + "109991,TEST FIXTURE,2024-01-01,2999-12-31,0,1.00,X\n109991,TEST FIXTURE,2025-01-01,2999-12-31,0,2.00,X\n", `x.csv:3: dbegin_fee "2025-01-01": code 109991 fee code 0 period 2025-01-01 →  overlaps 2024-01-01`},
		{"date with junk", header + "101076,TEST FIXTURE,2024-01-01 junk,2999-12-31,0,1.00,X\n", `x.csv:2: dbegin_fee "2024-01-01 junk"`},
		{"mixed encodings", header + "101076,caf\xc3\xa9 caf\xe9,2024-01-01,2999-12-31,0,1.00,X\n", `x.csv:2: mixes UTF-8 and another encoding`},
		{"xml syntax", "<NOMEN_HONORAIRES_LIST>\n<NOMEN_HONORAIRES>\n<nomen_code>101076</nomen_code>\n</NOMEN_HONORAIRES_LIST>\n", `x.csv:4: malformed XML`},
		{"xml bad fee", "<L>\n<NOMEN_HONORAIRES>\n<nomen_code>101076</nomen_code><dbegin_fee>2024-01-01</dbegin_fee><dend_fee>2999-12-31</dend_fee><fee_code>0</fee_code>\n<fee>abc</fee><author_doc>X</author_doc>\n</NOMEN_HONORAIRES>\n</L>\n", `x.csv:2: fee "abc"`},
		{"xml no rows", "<L><row/></L>", `no <NOMEN_HONORAIRES> row`},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows, err := Parse("x.csv", []byte(c.file))
			if err == nil {
				_, err = Merge(bundledFiles(t), FromRows("x.csv", rows))
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			var ie *Error
			assert.ErrorAs(t, err, &ie)
		})
	}
}

func TestPre1990RowsAreKept(t *testing.T) {
	csv := "nomen_code,nomen_desc_fr,dbegin_fee,dend_fee,fee_code,fee,author_doc\n109991,TEST FIXTURE,1985-01-01,1989-12-31,0,1.00,X\n"
	rows, err := Parse("old.csv", []byte(csv))
	require.NoError(t, err)
	res, err := Merge(bundledFiles(t), FromRows("old.csv", rows))
	require.NoError(t, err)
	require.Len(t, res.Kept, 1)
	assert.Contains(t, res.Kept[0].Reason, "before 1990")
	assert.Empty(t, res.Added)
}

func TestWindows1252CSV(t *testing.T) {
	csv := "nomen_code;nomen_desc_fr;dbegin_fee;dend_fee;fee_code;fee;author_doc\n109991;TEST FIXTURE m\xe9decin;01/01/2024;31/12/2999;0;1,50;X\n"
	rows, err := Parse("cp1252.csv", []byte(csv))
	require.NoError(t, err)
	assert.Equal(t, "TEST FIXTURE médecin", rows[0].DescFR)
	assert.Equal(t, "1.5", rows[0].Fee.String())
}

// A reimbursement above its fee is published as it is: kept in prices.csv (where the
// engine never uses an amount above the fee) and reported.
func TestReimbursementAboveFeeIsAFinding(t *testing.T) {
	csv := "nomen_code,nomen_desc_fr,dbegin_fee,dend_fee,fee_code,fee,author_doc\n109991,TEST FIXTURE,2024-01-01,2999-12-31,0,1.00,X\n109991,TEST FIXTURE,2024-01-01,2999-12-31,1600,2.00,X\n"
	rows, err := Parse("x.csv", []byte(csv))
	require.NoError(t, err)
	res, err := Merge(bundledFiles(t), FromRows("x.csv", rows))
	require.NoError(t, err)
	require.Len(t, res.Findings, 1)
	assert.Contains(t, res.Findings[0], "x.csv:3: code 109991 fee code 1600 2.00 is above the fee 1.00")
	assert.Equal(t, 1, res.PriceRows)
}

func TestWriteFolderRefusesNonEmpty(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "x"), nil, 0o644))
	err := WriteFolder(dir, nil)
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "not empty"))
}

func TestAmountFormat(t *testing.T) {
	for in, want := range map[string]string{"31.810000": "31.81", "40.123400": "40.1234", "5": "5.00", "0.000000": "0.00", "1.5": "1.50"} {
		d, err := parseFee(in)
		require.NoError(t, err)
		assert.Equal(t, want, amount(d), in)
	}
}
