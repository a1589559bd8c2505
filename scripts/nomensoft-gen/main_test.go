package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
)

// A parsed table: its declared encoding and its rows (field names lower-cased).
type parsed struct {
	encoding string
	rows     []map[string]string
}

func cp1252Reader(charset string, in io.Reader) (io.Reader, error) {
	if !strings.EqualFold(charset, "windows-1252") {
		return nil, fmt.Errorf("unexpected charset %q", charset)
	}
	b, err := io.ReadAll(in)
	if err != nil {
		return nil, err
	}
	var out strings.Builder
	for _, c := range b {
		switch {
		case c < 0x80 || c >= 0xA0:
			out.WriteRune(rune(c))
		case cp1252High[c-0x80] != 0:
			out.WriteRune(cp1252High[c-0x80])
		default:
			return nil, fmt.Errorf("byte %#x is undefined in windows-1252", c)
		}
	}
	return strings.NewReader(out.String()), nil
}

var declRE = regexp.MustCompile(`^<\?xml version="1.0" encoding="([^"]+)"\?>\r?\n`)

// parseTable reads one table with encoding/xml and checks its shape: root FILE_LIST, rows
// named FILE, fields as child elements holding text only.
func parseTable(t *testing.T, dir, name string) parsed {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name+".xml"))
	require.NoError(t, err)
	m := declRE.FindSubmatch(b)
	require.NotNil(t, m, "%s: XML declaration", name)
	p := parsed{encoding: string(m[1])}
	d := xml.NewDecoder(bytes.NewReader(b))
	d.CharsetReader = cp1252Reader
	depth := 0
	var row map[string]string
	var field string
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, name)
		switch tk := tok.(type) {
		case xml.StartElement:
			depth++
			switch depth {
			case 1:
				require.Equal(t, name+"_LIST", tk.Name.Local, "%s: root", name)
			case 2:
				require.Equal(t, name, tk.Name.Local, "%s: row element", name)
				row = map[string]string{}
			case 3:
				field = strings.ToLower(tk.Name.Local)
				text.Reset()
			default:
				t.Fatalf("%s: element <%s> nested too deep", name, tk.Name.Local)
			}
		case xml.CharData:
			if depth == 3 {
				text.Write(tk)
			} else {
				require.Empty(t, strings.TrimSpace(string(tk)), "%s: text outside a field", name)
			}
		case xml.EndElement:
			switch depth {
			case 3:
				_, dup := row[field]
				require.False(t, dup, "%s: field %s twice in a row", name, field)
				row[field] = text.String()
			case 2:
				p.rows = append(p.rows, row)
			}
			depth--
		}
	}
	require.Zero(t, depth, name)
	return p
}

type feeRow struct {
	file, code, feeCode string
	begin, end          time.Time
	amount              decimal.Decimal
}

func parseDate(t *testing.T, s string, timed map[bool]int) time.Time {
	t.Helper()
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04:05"} {
		if d, err := time.Parse(layout, s); err == nil {
			timed[len(layout) > 10]++
			return d
		}
	}
	t.Fatalf("bad date %q", s)
	return time.Time{}
}

var openEndTime = time.Date(2999, 12, 31, 0, 0, 0, 0, time.UTC)

type checked struct {
	encodings  map[string]int
	timed      map[bool]int // dates with / without a time
	summary    map[string]map[string]string
	feeCodes   map[string]map[string]string
	fees       []feeRow
	mismatches map[string]bool // codes whose fee differs from Σ coefficient × value
}

// checkExport checks a folder export: shape, fee codes known, current periods in the
// non-HIST files and past ones in HIST, periods without overlap, every amount ≤ the fee of
// its code and period, preferential ≥ ordinary for each pair of descriptions, labels in
// both languages, key letters against the fee.
func checkExport(t *testing.T, dir string) checked {
	t.Helper()
	c := checked{encodings: map[string]int{}, timed: map[bool]int{}, summary: map[string]map[string]string{},
		feeCodes: map[string]map[string]string{}, mismatches: map[string]bool{}}
	tables := map[string]parsed{}
	for _, name := range tableOrder {
		p := parseTable(t, dir, name)
		tables[name] = p
		c.encodings[strings.ToUpper(p.encoding)]++
	}
	for _, r := range tables[tFeeCodes].rows {
		require.NotContains(t, c.feeCodes, r["fee_code"], "fee code twice")
		require.NotEmpty(t, r["fee_code_desc_fr"])
		require.NotEmpty(t, r["fee_code_desc_nl"])
		c.feeCodes[r["fee_code"]] = r
	}
	for _, fc := range []string{"0", "1300", "1600"} {
		require.Contains(t, c.feeCodes, fc)
	}
	for _, r := range tables[tSummary].rows {
		require.Regexp(t, `^\d{6}$`, r["nomen_code"])
		require.NotContains(t, c.summary, r["nomen_code"], "code twice in the summary")
		c.summary[r["nomen_code"]] = r
	}

	type key struct{ code, feeCode string }
	byKey := map[key][]feeRow{}
	for _, name := range []string{tLim, tBisLim, tLimHist, tBisHist} {
		hist := strings.HasSuffix(name, "_HIST")
		for _, r := range tables[name].rows {
			f := feeRow{file: name, code: r["nomen_code"], feeCode: r["fee_code"],
				begin: parseDate(t, r["dbegin_fee"], c.timed), end: parseDate(t, r["dend_fee"], c.timed)}
			var err error
			f.amount, err = decimal.NewFromString(r["fee"])
			require.NoError(t, err, "%s: fee %q", name, r["fee"])
			require.Contains(t, c.summary, f.code, "%s: code not in the summary", name)
			require.Contains(t, c.feeCodes, f.feeCode, "%s: fee code not in NOMEN_FEECODES", name)
			require.False(t, f.end.Before(f.begin), "%s: %s ends before it begins", name, f.code)
			require.Equal(t, !hist, f.end.Equal(openEndTime), "%s: %s %s ends %s", name, f.code, f.feeCode, f.end)
			require.False(t, f.amount.IsNegative())
			c.fees = append(c.fees, f)
			byKey[key{f.code, f.feeCode}] = append(byKey[key{f.code, f.feeCode}], f)
		}
	}
	// No overlap per code and fee code; the fee's period for each row.
	feeOn := map[string]map[[2]time.Time]decimal.Decimal{}
	for k, rows := range byKey {
		for i := range rows {
			for j := range i {
				a, b := rows[i], rows[j]
				require.True(t, a.end.Before(b.begin) || b.end.Before(a.begin), "%s %s: overlapping periods", k.code, k.feeCode)
			}
			if k.feeCode == "0" {
				if feeOn[k.code] == nil {
					feeOn[k.code] = map[[2]time.Time]decimal.Decimal{}
				}
				feeOn[k.code][[2]time.Time{rows[i].begin, rows[i].end}] = rows[i].amount
			}
		}
	}
	// Every amount ≤ the fee of the same code and period.
	amount := map[[4]string]decimal.Decimal{}
	for _, f := range c.fees {
		fee, ok := feeOn[f.code][[2]time.Time{f.begin, f.end}]
		require.True(t, ok, "%s %s %s: no fee (fee code 0) row for this period", f.file, f.code, f.feeCode)
		require.True(t, f.amount.LessThanOrEqual(fee), "%s %s %s: %s > fee %s", f.file, f.code, f.feeCode, f.amount, fee)
		amount[[4]string{f.code, f.feeCode, f.begin.String(), f.end.String()}] = f.amount
	}
	// Preferential ≥ ordinary, pairing descriptions "avec" / "sans régime préférentiel".
	byDesc := map[string]string{}
	for num, r := range c.feeCodes {
		byDesc[r["fee_code_desc_fr"]] = num
	}
	pairs := 0
	for pref, r := range c.feeCodes {
		d := r["fee_code_desc_fr"]
		if !strings.Contains(d, "avec régime préférentiel") {
			continue
		}
		ord, ok := byDesc[strings.Replace(d, "avec régime préférentiel", "sans régime préférentiel", 1)]
		if !ok {
			continue
		}
		for k, p := range amount {
			if k[1] != pref {
				continue
			}
			if o, ok := amount[[4]string{k[0], ord, k[2], k[3]}]; ok {
				pairs++
				require.True(t, p.GreaterThanOrEqual(o), "%s: preferential %s (%s) < ordinary %s (%s)", k[0], p, pref, o, ord)
			}
		}
	}
	require.Positive(t, pairs, "no preferential/ordinary pair checked")

	// Labels through time, both languages.
	langs := map[string]map[string]bool{}
	for _, r := range tables[tDescHist].rows {
		require.Contains(t, c.summary, r["nomen_code"])
		require.Contains(t, []string{"F", "N"}, r["language"])
		require.NotEmpty(t, r["nomen_desc"])
		b, e := parseDate(t, r["dbegin"], c.timed), parseDate(t, r["dend"], c.timed)
		require.False(t, e.Before(b))
		if langs[r["nomen_code"]] == nil {
			langs[r["nomen_code"]] = map[string]bool{}
		}
		langs[r["nomen_code"]][r["language"]] = true
	}
	for code := range c.summary {
		require.True(t, langs[code]["F"], "%s: no French label", code)
	}

	// Key letters: Σ coefficient × value, rounded to the cent, against the fee in force on
	// dbegin_key_letter_value.
	for code, r := range c.summary {
		if r["key_letter1"] == "" {
			continue
		}
		var total decimal.Decimal
		complete := true
		for i := 1; i <= 3; i++ {
			n := fmt.Sprint(i)
			if r["key_letter"+n] == "" {
				continue
			}
			v := r["key_letter"+n+"_value"]
			if v == "" {
				complete = false
				continue
			}
			require.NotContains(t, v, ".", "%s: key-letter value with a decimal comma", code)
			value, err := decimal.NewFromString(strings.Replace(v, ",", ".", 1))
			require.NoError(t, err)
			coeff, err := decimal.NewFromString(r["key_coeff"+n])
			require.NoError(t, err)
			total = total.Add(coeff.Mul(value))
		}
		if !complete {
			continue
		}
		on := parseDate(t, r["dbegin_key_letter_value"], c.timed)
		var fee *decimal.Decimal
		for p, a := range feeOn[code] {
			if !on.Before(p[0]) && !on.After(p[1]) {
				fee = &a
			}
		}
		require.NotNil(t, fee, "%s: no fee on %s", code, on)
		if !total.Round(2).Equal(*fee) {
			c.mismatches[code] = true
		}
	}
	return c
}

func TestTinyExport(t *testing.T) {
	dir := t.TempDir()
	zipPath := filepath.Join(t.TempDir(), "export.zip")
	var log bytes.Buffer
	rep, err := generate(options{out: dir, zip: zipPath, codes: 300, years: 4, feeCodes: 120, seed: 3, lastYear: 2026}, &log)
	require.NoError(t, err)
	c := checkExport(t, dir)

	require.Len(t, c.summary, 300)
	require.Len(t, c.feeCodes, 120)
	require.Equal(t, map[string]int{"UTF-8": 4, "WINDOWS-1252": 3}, c.encodings)
	require.Positive(t, c.timed[true], "dates with a time")
	require.Positive(t, c.timed[false], "dates without a time")
	for code, r := range c.summary {
		require.Equal(t, byte('0'), code[0], "synthetic codes begin with 0")
		require.True(t, strings.HasPrefix(r["nomen_desc_fr"], "[SYNTHÉTIQUE] "), r["nomen_desc_fr"])
		require.True(t, strings.HasPrefix(r["nomen_desc_nl"], "[SYNTHETISCH] "), r["nomen_desc_nl"])
	}
	files := map[string]int{}
	for _, f := range c.fees {
		files[f.file]++
	}
	for _, name := range []string{tLim, tBisLim, tLimHist, tBisHist} {
		require.Positive(t, files[name], name)
	}
	// The deliberate mismatches are exactly those reported, and reported on stderr.
	want := map[string]bool{}
	for _, m := range rep.Mismatches {
		want[m.Code] = true
		require.Contains(t, log.String(), "deliberate key-letter mismatch: "+m.Code)
	}
	require.NotEmpty(t, want)
	require.Equal(t, want, c.mismatches)

	// The zip holds the same seven files.
	zr, err := zip.OpenReader(zipPath)
	require.NoError(t, err)
	defer zr.Close()
	require.Len(t, zr.File, 7)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		require.NoError(t, err)
		got, err := io.ReadAll(rc)
		rc.Close()
		require.NoError(t, err)
		disk, err := os.ReadFile(filepath.Join(dir, zf.Name))
		require.NoError(t, err)
		require.True(t, bytes.Equal(disk, got), zf.Name)
	}
}

func TestSameSeedSameBytes(t *testing.T) {
	run := func(seed uint64) string {
		dir := t.TempDir()
		_, err := generate(options{out: dir, codes: 40, years: 3, feeCodes: 60, seed: seed, lastYear: 2026}, io.Discard)
		require.NoError(t, err)
		return dir
	}
	a, b, other := run(9), run(9), run(10)
	for _, name := range tableOrder {
		x, err := os.ReadFile(filepath.Join(a, name+".xml"))
		require.NoError(t, err)
		y, err := os.ReadFile(filepath.Join(b, name+".xml"))
		require.NoError(t, err)
		require.True(t, bytes.Equal(x, y), name)
	}
	x, _ := os.ReadFile(filepath.Join(a, tSummary+".xml"))
	y, _ := os.ReadFile(filepath.Join(other, tSummary+".xml"))
	require.False(t, bytes.Equal(x, y), "another seed, another export")
}

func TestRefusesDataFolder(t *testing.T) {
	out := filepath.Join("..", "..", "data", "nomensoft-gen-test")
	_, err := generate(options{out: out, codes: 5, years: 2, feeCodes: 60, seed: 1, lastYear: 2026}, io.Discard)
	require.ErrorContains(t, err, "refusing")
	_, err = os.Stat(out)
	require.True(t, os.IsNotExist(err))
	_, err = generate(options{out: t.TempDir(), zip: filepath.Join("..", "..", "data", "x.zip"), codes: 5, years: 2, feeCodes: 60, seed: 1, lastYear: 2026}, io.Discard)
	require.ErrorContains(t, err, "refusing")
}

// The hand-written fixture of real figures (importer/testdata/nomensoft) has the same shape
// and holds the same invariants; its key letters all match their fee.
func TestFixtureShape(t *testing.T) {
	c := checkExport(t, filepath.Join("..", "..", "importer", "testdata", "nomensoft"))
	require.Empty(t, c.mismatches)
	require.Equal(t, map[string]int{"UTF-8": 4, "WINDOWS-1252": 3}, c.encodings)
	require.Equal(t, "consultation médecin généraliste agréé accrédité", c.summary["101076"]["nomen_desc_fr"])
	require.Equal(t, "enfant avant le 10ème anniversaire sans DMG avec régime préférentiel", c.feeCodes["9012"]["fee_code_desc_fr"])
	require.Len(t, c.fees, 50)
}
