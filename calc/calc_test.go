package calc

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
