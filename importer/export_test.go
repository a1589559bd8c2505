package importer

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
)

// A tiny export in the real multi-file form, written inline (TEST FIXTURE codes 1099xx,
// amounts made up): the tests below damage it one way at a time.
func tinyExport() map[string]string {
	row := func(table string, fields ...string) string {
		var b strings.Builder
		b.WriteString("  <" + table + ">")
		for i := 0; i < len(fields); i += 2 {
			b.WriteString("<" + fields[i] + ">" + fields[i+1] + "</" + fields[i] + ">")
		}
		b.WriteString("</" + table + ">\n")
		return b.String()
	}
	file := func(table string, rows ...string) string {
		return `<?xml version="1.0" encoding="UTF-8"?>` + "\n<" + table + "_LIST>\n" + strings.Join(rows, "") + "</" + table + "_LIST>\n"
	}
	return map[string]string{
		"NOMEN_SUMMARY_EXT.xml": file("NOMEN_SUMMARY_EXT",
			row("NOMEN_SUMMARY_EXT", "NOMEN_CODE", "109991", "DBEGIN", "2024-01-01T00:00:00", "NOMEN_DESC_FR", "TEST FIXTURE consultation médecin", "NOMEN_DESC_NL", "TEST FIXTURE raadpleging arts", "NOMEN_GRP_N", "N01",
				"KEY_LETTER1", "N", "KEY_LETTER_INDEX1", "N265", "KEY_COEFF1", "8", "KEY_LETTER1_VALUE", "3,372107",
				"KEY_LETTER2", "Q", "KEY_LETTER_INDEX2", "Q124", "KEY_COEFF2", "30", "KEY_LETTER2_VALUE", "0,195645")),
		"NOMEN_FEECODES.xml": file("NOMEN_FEECODES",
			row("NOMEN_FEECODES", "FEE_CODE", "0", "FEE_CODE_DESC_FR", "Honoraire", "FEE_CODE_DESC_NL", "Honorarium", "FEE_CODE_CAT", "1"),
			row("NOMEN_FEECODES", "FEE_CODE", "1300", "FEE_CODE_DESC_FR", "avec régime préférentiel", "FEE_CODE_DESC_NL", "met voorkeurregeling", "FEE_CODE_CAT", "2"),
			row("NOMEN_FEECODES", "FEE_CODE", "1600", "FEE_CODE_DESC_FR", "sans régime préférentiel", "FEE_CODE_DESC_NL", "zonder voorkeurregeling", "FEE_CODE_CAT", "2"),
			row("NOMEN_FEECODES", "FEE_CODE", "4711", "FEE_CODE_DESC_FR", "TEST FIXTURE description inconnue", "FEE_CODE_DESC_NL", "", "FEE_CODE_CAT", "9")),
		"NOMEN_CODE_FEE_LIM.xml": file("NOMEN_CODE_FEE_LIM",
			row("NOMEN_CODE_FEE_LIM", "NOMEN_CODE", "109991", "FEE_CODE", "0", "DBEGIN_FEE", "2025-01-01T00:00:00", "DEND_FEE", "2999-12-31T00:00:00", "FEE", "32.85"),
			row("NOMEN_CODE_FEE_LIM", "NOMEN_CODE", "109991", "FEE_CODE", "1600", "DBEGIN_FEE", "2025-01-01", "DEND_FEE", "2999-12-31", "FEE", "20.85"),
			row("NOMEN_CODE_FEE_LIM", "NOMEN_CODE", "109991", "FEE_CODE", "1300", "DBEGIN_FEE", "2025-01-01", "DEND_FEE", "2999-12-31", "FEE", "29.85"),
			row("NOMEN_CODE_FEE_LIM", "NOMEN_CODE", "109991", "FEE_CODE", "4711", "DBEGIN_FEE", "2025-01-01", "DEND_FEE", "2999-12-31", "FEE", "1.00")),
		"NOMEN_CODE_FEE_LIM_HIST.xml": file("NOMEN_CODE_FEE_LIM_HIST",
			row("NOMEN_CODE_FEE_LIM_HIST", "NOMEN_CODE", "109991", "FEE_CODE", "0", "DBEGIN_FEE", "2024-01-01", "DEND_FEE", "2024-12-31", "FEE", "31.00")),
	}
}

func writeExport(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "export")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	for name, body := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	return dir
}

func zipExport(t *testing.T, files map[string]string) string {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = w.Write([]byte(body))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	p := filepath.Join(t.TempDir(), "export.zip")
	require.NoError(t, os.WriteFile(p, buf.Bytes(), 0o644))
	return p
}

func TestReadFolderAndZip(t *testing.T) {
	files := tinyExport()
	// The same tables as a folder, a zip with a folder inside, and in Windows-1252.
	cp1252 := map[string]string{}
	for k, v := range files {
		cp1252[k] = v
	}
	cp1252["NOMEN_SUMMARY_EXT.xml"] = string(appendLatin1(nil, strings.Replace(files["NOMEN_SUMMARY_EXT.xml"], `encoding="UTF-8"`, `encoding="windows-1252"`, 1)))
	nested := map[string]string{}
	for k, v := range files {
		nested["export/"+k] = v
	}
	for name, p := range map[string]string{"folder": writeExport(t, files), "zip": zipExport(t, nested), "windows-1252": writeExport(t, cp1252)} {
		t.Run(name, func(t *testing.T) {
			exp, err := Read(p)
			require.NoError(t, err)
			assert.Len(t, exp.Rows, 5)
			ci := exp.Codes["109991"]
			require.NotNil(t, ci)
			assert.Equal(t, "TEST FIXTURE consultation médecin", ci.LabelFR)
			require.Len(t, ci.KeyLetters, 2)
			assert.Equal(t, "3.372107", ci.KeyLetters[0].Value.String())

			res, err := Merge(bundledFiles(t), exp)
			require.NoError(t, err)
			require.Len(t, res.KeyLetters, 1)
			assert.True(t, res.KeyLetters[0].Match, "8 × 3.372107 + 30 × 0.195645 = 32.846206 → 32.85")
			assert.Equal(t, 1, res.PriceRows, "fee code 4711 is kept")
			ds, err := calc.NewDataset(res.Files)
			require.NoError(t, err)
			q := quoteOf(t, ds, map[string]string{"code": "109991", "date": "2025-03-01", "insured": "preferential"})
			assert.Equal(t, "32.85", q.Fee.StringFixed(2))
			assert.Equal(t, "29.85", q.Reimbursement.StringFixed(2))
			assert.Equal(t, "31.00", quoteOf(t, ds, map[string]string{"code": "109991", "date": "2024-03-01"}).Fee.StringFixed(2))
			tr := ds.Tariffs("109991")
			require.Len(t, tr, 2)
			assert.Equal(t, "N;Q", tr[1].KeyLetters)
			assert.Empty(t, tr[1].LabelFR, "the label is written where it changes only")
		})
	}
}

func appendLatin1(dst []byte, s string) []byte {
	for _, r := range s {
		dst = append(dst, byte(r))
	}
	return dst
}

func TestReadBadExports(t *testing.T) {
	without := func(name string) map[string]string {
		f := tinyExport()
		delete(f, name)
		return f
	}
	with := func(name, body string) map[string]string {
		f := tinyExport()
		f[name] = body
		return f
	}
	edit := func(name, old, new string) map[string]string {
		f := tinyExport()
		f[name] = strings.Replace(f[name], old, new, 1)
		return f
	}
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"missing table", without("NOMEN_FEECODES.xml"), "the export has no NOMEN_FEECODES.xml"},
		{"truncated", edit("NOMEN_CODE_FEE_LIM.xml", "</NOMEN_CODE_FEE_LIM_LIST>", ""), "NOMEN_CODE_FEE_LIM.xml:8: malformed XML: the file ends with 1 element(s) not closed"},
		{"bad amount", edit("NOMEN_CODE_FEE_LIM.xml", "<FEE>32.85</FEE>", "<FEE>-32.85</FEE>"), `NOMEN_CODE_FEE_LIM.xml:3: fee "-32.85"`},
		{"undefined code", edit("NOMEN_CODE_FEE_LIM.xml", "<NOMEN_CODE>109991</NOMEN_CODE><FEE_CODE>4711", "<NOMEN_CODE>109992</NOMEN_CODE><FEE_CODE>4711"), `NOMEN_CODE_FEE_LIM.xml:6: nomen_code "109992": no table of the export defines this code`},
		{"overlap", edit("NOMEN_CODE_FEE_LIM_HIST.xml", "<DEND_FEE>2024-12-31</DEND_FEE>", "<DEND_FEE>2025-06-30</DEND_FEE>"), "code 109991 fee code 0 period 2025-01-01 →  overlaps 2024-01-01 → 2025-06-30 at NOMEN_CODE_FEE_LIM_HIST.xml:3"},
		{"entity bomb", with("NOMEN_FEECODES.xml", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><L><NOMEN_FEECODES><FEE_CODE>&b;</FEE_CODE></NOMEN_FEECODES></L>`), "NOMEN_FEECODES.xml:1: a document type declaration"},
		{"mixed encodings", edit("NOMEN_SUMMARY_EXT.xml", `<?xml version="1.0" encoding="UTF-8"?>`, "<?xml version=\"1.0\"?>\n<!-- caf\xe9 -->"), "NOMEN_SUMMARY_EXT.xml:2: mixes UTF-8 and another encoding"},
		{"invalid UTF-8 further on", edit("NOMEN_CODE_FEE_LIM.xml", "<FEE>1.00</FEE>", "<FEE>1.00\xe9</FEE>"), "NOMEN_CODE_FEE_LIM.xml:6: malformed XML"},
		{"strict date", edit("NOMEN_CODE_FEE_LIM.xml", "<DBEGIN_FEE>2025-01-01T00:00:00</DBEGIN_FEE>", "<DBEGIN_FEE>2025-01-01 junk</DBEGIN_FEE>"), `NOMEN_CODE_FEE_LIM.xml:3: dbegin_fee "2025-01-01 junk"`},
		{"wrong table", with("NOMEN_CODE_FEE_LIM.xml", "<L><OTHER/></L>"), "NOMEN_CODE_FEE_LIM.xml: no <NOMEN_CODE_FEE_LIM> row"},
	} {
		t.Run(c.name, func(t *testing.T) {
			exp, err := Read(writeExport(t, c.files))
			if err == nil {
				_, err = Merge(bundledFiles(t), exp)
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
			var ie *Error
			assert.ErrorAs(t, err, &ie)
		})
	}
}

func TestReadZipSlipAndBomb(t *testing.T) {
	files := tinyExport()
	files["../NOMEN_CODE_FEE_BIS_LIM.xml"] = files["NOMEN_CODE_FEE_LIM.xml"]
	_, err := Read(zipExport(t, files))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `zip entry "../NOMEN_CODE_FEE_BIS_LIM.xml": a path outside the archive`)

	bomb := tinyExport()
	bomb["NOMEN_CODE_FEE_BIS_LIM.xml"] = "<L>" + strings.Repeat(" ", 1<<20) + "</L>"
	_, err = Read(zipExport(t, bomb))
	var le *LimitError
	require.ErrorAs(t, err, &le)
	assert.Contains(t, err.Error(), "decompression bomb")
}

// NOMEN_SUMMARY_EXT may carry a code once per validity: the latest row is the current one,
// the older one's labels describe the older periods; a code only NOMEN_CODE_DESC_HIST
// defines is imported with its labels from there.
func TestCodeRowsThroughTime(t *testing.T) {
	files := tinyExport()
	// The current row from 2025; an older one from 2020.
	files["NOMEN_SUMMARY_EXT.xml"] = strings.Replace(files["NOMEN_SUMMARY_EXT.xml"], "<DBEGIN>2024-01-01T00:00:00</DBEGIN>", "<DBEGIN>2025-01-01T00:00:00</DBEGIN>", 1)
	files["NOMEN_SUMMARY_EXT.xml"] = strings.Replace(files["NOMEN_SUMMARY_EXT.xml"], "</NOMEN_SUMMARY_EXT_LIST>",
		"  <NOMEN_SUMMARY_EXT><NOMEN_CODE>109991</NOMEN_CODE><DBEGIN>2020-01-01</DBEGIN><NOMEN_DESC_FR>TEST FIXTURE ancien libellé</NOMEN_DESC_FR><NOMEN_DESC_NL>TEST FIXTURE oude omschrijving</NOMEN_DESC_NL></NOMEN_SUMMARY_EXT>\n</NOMEN_SUMMARY_EXT_LIST>", 1)
	files["NOMEN_CODE_DESC_HIST.xml"] = `<?xml version="1.0" encoding="UTF-8"?>
<L><NOMEN_CODE_DESC_HIST><nomen_code>109993</nomen_code><language>F</language><nomen_desc>TEST FIXTURE code historique</nomen_desc><dbegin>2020-01-01</dbegin></NOMEN_CODE_DESC_HIST></L>
`
	files["NOMEN_CODE_FEE_LIM_HIST.xml"] = strings.Replace(files["NOMEN_CODE_FEE_LIM_HIST.xml"], "</NOMEN_CODE_FEE_LIM_HIST_LIST>",
		"  <NOMEN_CODE_FEE_LIM_HIST><NOMEN_CODE>109993</NOMEN_CODE><FEE_CODE>0</FEE_CODE><DBEGIN_FEE>2021-01-01</DBEGIN_FEE><DEND_FEE>2021-12-31</DEND_FEE><FEE>12.00</FEE></NOMEN_CODE_FEE_LIM_HIST>\n</NOMEN_CODE_FEE_LIM_HIST_LIST>", 1)
	exp, err := Read(writeExport(t, files))
	require.NoError(t, err)
	res, err := Merge(bundledFiles(t), exp)
	require.NoError(t, err)
	ds, err := calc.NewDataset(res.Files)
	require.NoError(t, err)
	tr := ds.Tariffs("109991")
	require.Len(t, tr, 2)
	assert.Equal(t, "TEST FIXTURE ancien libellé", tr[0].LabelFR, "2024: the older row's label")
	assert.Equal(t, "TEST FIXTURE consultation médecin", tr[1].LabelFR, "2025: the current label")
	old := ds.Tariffs("109993")
	require.Len(t, old, 1)
	assert.Equal(t, "TEST FIXTURE code historique", old[0].LabelFR)
}
