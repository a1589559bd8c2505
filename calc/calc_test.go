package calc

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixture builds a Dataset from the real rules, messages and sources in data/ and the
// made-up tariffs and parameters in testdata/ (marked TEST FIXTURE, never bundled), so that
// each rule is tested on round amounts at, before and after its dates.
func fixture(t testing.TB) *Dataset {
	t.Helper()
	ds, err := NewDataset(fixtureFiles(t))
	require.NoError(t, err)
	return ds
}

// fixtureFiles are the files of fixture, to extend.
func fixtureFiles(t testing.TB) []File {
	t.Helper()
	sources := string(readFile(t, "../data/sources.csv"))
	sources = strings.TrimRight(sources, "\n") + "\ntest-fixture,other,TEST FIXTURE (amounts made up for tests),calc/testdata,,\n"
	files := []File{
		{Name: "sources.csv", Data: []byte(sources)},
		{Name: "rules.csv", Data: readFile(t, "../data/rules.csv")},
		{Name: "registry.csv", Data: readFile(t, "../data/registry.csv")},
		{Name: "messages.csv", Data: readFile(t, "../data/messages.csv")},
	}
	files = append(files, splitByYear(t, "tariffs.csv", readFile(t, "testdata/tariffs-fixture.csv"))...)
	return append(files, splitByYear(t, "parameters.csv", readFile(t, "testdata/parameters-fixture.csv"))...)
}

func readFile(t testing.TB, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.FromSlash(p))
	require.NoError(t, err)
	return b
}

// splitByYear puts each row of a fixture CSV into the YYYY/ folder of its valid_from.
func splitByYear(t testing.TB, base string, b []byte) []File {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	require.NoError(t, err)
	col := -1
	for i, h := range rows[0] {
		if h == "valid_from" {
			col = i
		}
	}
	require.GreaterOrEqual(t, col, 0)
	byYear := map[string][][]string{}
	var order []string
	for _, r := range rows[1:] {
		y := r[col][:4]
		if byYear[y] == nil {
			order = append(order, y)
		}
		byYear[y] = append(byYear[y], r)
	}
	var out []File
	for _, y := range order {
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		require.NoError(t, w.WriteAll(append([][]string{rows[0]}, byYear[y]...)))
		out = append(out, File{Name: y + "/" + base, Data: buf.Bytes()})
	}
	return out
}

// quote runs one query given as field → value and fails the test on error.
func quote(t testing.TB, ds *Dataset, in map[string]string) *Quote {
	t.Helper()
	q, err := ParseQuery(in)
	require.NoError(t, err)
	res, err := ds.Quote(q)
	require.NoError(t, err)
	return res
}

func str(d interface{ StringFixed(int32) string }) string { return d.StringFixed(2) }

// A no-data answer names the code's nearest sourced fees before and after the date.
func TestNoDataKnownAround(t *testing.T) {
	ds := fixture(t)
	for _, c := range []struct {
		in         map[string]string
		last, next string // "fee from" or ""
	}{
		{map[string]string{"code": "102270", "date": "2014-06-01"}, "", "50.00 2015-01-01"},
		{map[string]string{"code": "103132", "date": "2023-06-01", "age": "5"}, "", "45.00 2024-01-01"},
		{map[string]string{"code": "103132", "date": "2025-06-01", "age": "5"}, "45.00 2024-01-01", ""},
		{map[string]string{"code": "101076", "date": "2027-03-01"}, "30.00 2011-01-01", ""},
	} {
		q, err := ParseQuery(c.in)
		require.NoError(t, err)
		_, err = ds.Quote(q)
		var nd *NoDataError
		require.ErrorAs(t, err, &nd, "%v", c.in)
		known := func(k *KnownFee) string {
			if k == nil {
				return ""
			}
			return k.Fee + " " + k.Period.From.String()
		}
		assert.Equal(t, c.last, known(nd.Last), "last %v", c.in)
		assert.Equal(t, c.next, known(nd.Next), "next %v", c.in)
		o := ErrorObject(err)["error"].(map[string]any)
		if c.last != "" {
			assert.Equal(t, c.last[:5], o["last_known"].(map[string]any)["fee"])
		} else {
			assert.Nil(t, o["last_known"])
		}
	}
}

// FormatEuros prints what the page's Intl formatter prints (node: new
// Intl.NumberFormat('fr-BE', {minimumFractionDigits: 2, maximumFractionDigits: 2})).
func TestFormatEuros(t *testing.T) {
	for _, c := range []struct {
		in   string
		lang Lang
		want string
	}{
		{"5881.81", FR, "5\u202f881,81 €"},
		{"5881.81", NL, "5.881,81 €"},
		{"5881.81", DE, "5.881,81 €"},
		{"5881.81", EN, "5.881,81 €"},
		{"31.805", FR, "31,81 €"},
		{"0", NL, "0,00 €"},
		{"1234567.5", FR, "1\u202f234\u202f567,50 €"},
		{"999.99", DE, "999,99 €"},
		{"-12.3", NL, "-12,30 €"},
	} {
		d, err := decimal.NewFromString(c.in)
		require.NoError(t, err)
		assert.Equal(t, c.want, FormatEuros(d, c.lang), "%s %s", c.in, c.lang)
	}
}

func TestFormatDateAndPeriod(t *testing.T) {
	d := DateOf(2024, 3, 1)
	for l, want := range map[Lang]string{FR: "1 mars 2024", NL: "1 maart 2024", DE: "1. März 2024", EN: "1 March 2024"} {
		assert.Equal(t, want, FormatDate(d, l))
	}
	closed := Period{From: DateOf(2024, 1, 1), To: DateOf(2024, 12, 31)}
	open := Period{From: DateOf(2026, 1, 1)}
	assert.Equal(t, "du 1 janvier 2024 au 31 décembre 2024", FormatPeriod(closed, FR))
	assert.Equal(t, "vanaf 1 januari 2026", FormatPeriod(open, NL))
	assert.Equal(t, "ab dem 1. Januar 2026", FormatPeriod(open, DE))
	assert.Equal(t, "from 1 January 2024 to 31 December 2024, from 1 January 2026", localize(EN, "periods", closed.String()+", "+open.String()))
	// Not a date: left alone.
	assert.Equal(t, "soon", localize(FR, "from", "soon"))
	assert.Equal(t, "2024-01-01 → 2024-12-31, soon", localize(FR, "periods", closed.String()+", soon"))
	assert.Equal(t, "24", localize(FR, "age", "24"))
	assert.Equal(t, "", FormatDate(0, FR))
	assert.Equal(t, "2024-01-01 → ", open.String()[:0]+Period{From: DateOf(2024, 1, 1)}.String())
	assert.Equal(t, "0990-01-05", DateOf(990, 1, 5).String())
}

// localize is writeLocalized's words as a string: a message argument as textOf writes it.
func localize(l Lang, key, v string) string {
	var b strings.Builder
	writeLocalized(&b, l, key, v)
	return b.String()
}
