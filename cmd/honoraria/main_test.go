package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
	"honoraria/data"
)

// amountRE matches what an amount looks like in any output: digits, a dot or a comma, two
// decimals.
var amountRE = regexp.MustCompile(`\d[.,]\d\d`)

// TestBadInput: every kind of bad input exits 2 (or 3 for a valid query without data) with
// exactly one line on stderr naming the field and the value, nothing on stdout, and no amount
// other than the one typed (issue 5.4).
func TestBadInput(t *testing.T) {
	long := strings.Repeat("9", 10000)
	for _, c := range []struct {
		name   string
		args   []string
		status int
		field  string // must appear on stderr
		value  string // must appear on stderr (quoted or shortened); "" to skip
	}{
		{"unknown code", []string{"quote", "--code", "999999", "--date", "2024-03-01"}, 3, "999999", ""},
		{"no data on that date", []string{"quote", "--code", "101076", "--date", "2010-03-01"}, 3, "101076", "2010-03-01"},
		{"malformed code", []string{"quote", "--code", "10107", "--date", "2024-03-01"}, 2, "code", "10107"},
		{"letters in code", []string{"quote", "--code", "10107x", "--date", "2024-03-01"}, 2, "code", "10107x"},
		{"missing code", []string{"quote", "--date", "2024-03-01"}, 2, "code", ""},
		{"impossible date", []string{"quote", "--code", "101076", "--date", "2024-02-30"}, 2, "date", "2024-02-30"},
		{"date format", []string{"quote", "--code", "101076", "--date", "01/03/2024"}, 2, "date", "01/03/2024"},
		{"date out of range", []string{"quote", "--code", "101076", "--date", "1850-01-01"}, 2, "date", "1850-01-01"},
		{"date far future", []string{"quote", "--code", "101076", "--date", "3024-01-01"}, 2, "date", "3024-01-01"},
		{"negative paid", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--paid", "-5.00"}, 2, "paid", "-5.00"},
		{"absurd paid", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--paid", "99999999"}, 2, "paid", "99999999"},
		{"paid with comma", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--paid", "31,81"}, 2, "paid", "31,81"},
		{"paid exponent", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--paid", "1e3"}, 2, "paid", "1e3"},
		{"negative income", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--household-income", "-1"}, 2, "household-income", "-1"},
		{"absurd income", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--household-income", "1000000000000"}, 2, "household-income", "1000000000000"},
		{"non-numeric age", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--age", "ten"}, 2, "age", "ten"},
		{"negative age", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--age", "-1"}, 2, "age", "-1"},
		{"absurd age", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--age", "200"}, 2, "age", "200"},
		{"age with decimals", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--age", "10.5"}, 2, "age", "10.5"},
		{"dependants", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--dependants", "many"}, 2, "dependants", "many"},
		{"titulaires zero", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--titulaires", "0"}, 2, "titulaires", "0"},
		{"unknown insured", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--insured", "rich"}, 2, "insured", "rich"},
		{"unknown doctor", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--doctor", "quack"}, 2, "doctor", "quack"},
		{"unknown setting", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--setting", "beach"}, 2, "setting", "beach"},
		{"unknown lang", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--lang", "es"}, 2, "lang", "es"},
		{"unknown preferential kind", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--preferential-kind", "x"}, 2, "preferential-kind", "x"},
		{"bool value", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--dmg=perhaps"}, 2, "dmg", "perhaps"},
		{"very long code", []string{"quote", "--code", long, "--date", "2024-03-01"}, 2, "code", strings.Repeat("9", 64)},
		{"very long lang", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--lang", long}, 2, "lang", strings.Repeat("9", 64)},
		{"non-ASCII digits", []string{"quote", "--code", "１０１０７６", "--date", "2024-03-01"}, 2, "code", "１０１０７６"},
		{"non-ASCII enum", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--insured", "préférentiel"}, 2, "insured", "préférentiel"},
		{"invalid UTF-8", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--lang", "\xff\xfe"}, 2, "lang", ""},
		{"newline in value", []string{"quote", "--code", "101076\n2", "--date", "2024-03-01"}, 2, "code", ""},
		{"unknown flag", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--colour", "red"}, 2, "colour", ""},
		{"stray argument", []string{"quote", "--code", "101076", "--date", "2024-03-01", "extra"}, 2, "arguments", "extra"},
		{"unknown command", []string{"price", "--code", "101076"}, 2, "command", "price"},
		{"year not a number", []string{"year", "--year", "20x4"}, 2, "year", "20x4"},
		{"year out of range", []string{"year", "--year", "1850"}, 2, "year", "1850"},
		{"year missing", []string{"year"}, 2, "year", ""},
		{"year unknown flag", []string{"year", "--year", "2024", "--month", "3"}, 2, "month", ""},
		{"coverage bad bool", []string{"coverage", "--json=maybe"}, 2, "json", "maybe"},
		{"coverage stray argument", []string{"coverage", "2024"}, 2, "arguments", "2024"},
		{"coverage missing folder", []string{"coverage", "--data", "/nonexistent/honoraria"}, 2, "data", "/nonexistent/honoraria"},
		{"import without file", []string{"import", "--out", "x"}, 2, "file", ""},
		{"import without out", []string{"import", "importer/x.xml"}, 2, "out", ""},
		{"import missing file", []string{"import", "/nonexistent/export.xml", "--out", "/nonexistent/out"}, 2, "file", "/nonexistent/export.xml"},
		{"import two files", []string{"import", "a.xml", "b.xml", "--out", "x"}, 2, "arguments", "b.xml"},
		{"import unknown flag", []string{"import", "a.xml", "--force"}, 2, "force", ""},
		// Issue 13.3–13.4, 13.8: strict, complete, unrepeated flags; amounts in cents.
		{"paid, three decimals", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--paid", "31.811"}, 2, "paid", "31.811"},
		{"paid, half a cent", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--paid", "31.805"}, 2, "paid", "31.805"},
		{"income without composition", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--household-income", "100000"}, 2, "dependants", ""},
		{"dependants without income", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--dependants", "2"}, 2, "dependants", "2"},
		{"kind for an ordinary patient", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--insured", "ordinary", "--preferential-kind", "income"}, 2, "preferential-kind", "income"},
		{"repeated flag", []string{"quote", "--code", "101076", "--code", "102034", "--date", "2024-03-01"}, 2, "code", ""},
		{"repeated bool flag", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--dmg", "--dmg=0"}, 2, "dmg", ""},
		{"json not a bool", []string{"quote", "--code", "101076", "--date", "2024-03-01", "--json=perhaps"}, 2, "json", "perhaps"},
		{"year json not a bool", []string{"year", "--year", "2020", "--json=perhaps"}, 2, "json", "perhaps"},
		{"year repeated", []string{"year", "--year", "2020", "--year", "2021"}, 2, "year", ""},
		{"import repeated out", []string{"import", "--out", "a", "x.xml", "--out", "b"}, 2, "out", ""},
		{"very long unknown flag", []string{"quote", "--" + strings.Repeat("a", 100000)}, 2, strings.Repeat("a", 64) + "…", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(c.args, &stdout, &stderr)
			msg := stderr.String()
			assert.Equal(t, c.status, status, "stderr: %q", msg)
			assert.Empty(t, stdout.String(), "nothing on stdout")
			assert.Equal(t, 1, strings.Count(msg, "\n"), "exactly one line on stderr: %q", msg)
			assert.True(t, strings.HasSuffix(msg, "\n"))
			assert.Contains(t, msg, c.field)
			if c.value != "" {
				assert.Contains(t, msg, c.value)
			}
			// No amount, apart from the one typed.
			rest := msg
			for _, a := range c.args {
				rest = strings.ReplaceAll(rest, a, "")
			}
			assert.False(t, amountRE.MatchString(rest), "an amount in %q", msg)
			if c.status == 2 {
				assert.Contains(t, msg, "bad input")
			}
		})
	}
}

func TestCoverageCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"coverage", "--json"}, &stdout, &stderr), stderr.String())
	var o map[string]any
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &o))
	codes := o["codes"].([]any)
	require.NotEmpty(t, codes)
	first := codes[0].(map[string]any)
	assert.NotEmpty(t, first["code"])
	assert.NotEmpty(t, first["years"])
	assert.NotEmpty(t, o["conflicts"])

	stdout.Reset()
	require.Equal(t, 0, run([]string{"coverage"}, &stdout, &stderr))
	text := stdout.String()
	assert.Contains(t, text, "101076 2024 insurer")
	assert.Contains(t, text, "Conflicts between sources")
	assert.Contains(t, text, rowOf(t, "101076", calc.DateOf(2024, 1, 1)))
}

// rowOf is where the bundled data keeps a code's row starting on a day (file:line), so
// that no test depends on a data file's line numbers.
func rowOf(t *testing.T, code string, from calc.Date) string {
	t.Helper()
	ds, err := data.Load()
	require.NoError(t, err)
	for _, r := range ds.Tariffs(calc.Code(code)) {
		if r.Period.From == from {
			return r.File + ":" + strconv.Itoa(r.Line)
		}
	}
	t.Fatalf("no row of %s starts on %s", code, from)
	return ""
}

// TestImportCommand runs the contract command on the fixture, then quotes from the result.
func TestImportCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "data")
	var stdout, stderr bytes.Buffer
	status := run([]string{"import", "../../importer/testdata/nomensoft-fixture.xml", "--out", out}, &stdout, &stderr)
	require.Equal(t, 0, status, stderr.String())
	report := stdout.String()
	assert.Contains(t, report, "written: 2 codes, 2 tariff rows, 1 rows in prices.csv; 1 data rows kept as they were")
	assert.Contains(t, report, "fee codes not understood (rows kept in prices.csv, never used for an amount): 1\n  fee code 1700")
	assert.Contains(t, report, "data rows replaced by the export (the official export is authoritative): 0")
	assert.Empty(t, stderr.String())
	whole, err := os.ReadFile(filepath.Join(out, "import-report.txt"))
	require.NoError(t, err)
	assert.Contains(t, string(whole), "fee code 1700")

	// An export that contradicts the data replaces it and lists the figure — or, with
	// --fail-on-conflict, exits 1 and writes nothing.
	out2 := filepath.Join(t.TempDir(), "data")
	stdout.Reset()
	status = run([]string{"import", "--data", out, "../../importer/testdata/nomensoft-conflict.csv", "--out", out2}, &stdout, &stderr)
	require.Equal(t, 0, status, stderr.String())
	assert.Contains(t, stdout.String(), "data rows replaced by the export (the official export is authoritative): 1")
	assert.Contains(t, stdout.String(), rowOf(t, "101076", calc.DateOf(2024, 1, 1))+" replaced by nomensoft-conflict.csv:2: fee 31.81 in the data, 99.99 in the export")
	// The conflict record on that figure is now stale, and the report says so.
	assert.Contains(t, stdout.String(), "conflicts.csv:2: kept: 101076 fee on 2024-01-01: the data does not hold 31.81")
	stdout.Reset()
	d := filepath.Join(t.TempDir(), "d")
	status = run([]string{"import", "--fail-on-conflict", "--data", out, "../../importer/testdata/nomensoft-conflict.csv", "--out", d}, &stdout, &stderr)
	assert.Equal(t, 1, status)
	_, err = os.Stat(d)
	assert.True(t, os.IsNotExist(err), "nothing written with --fail-on-conflict")

	// The result answers from the fixture; the bundled figure still answers for 101076.
	ds, err := loadFolder(out2)
	require.NoError(t, err)
	assert.Contains(t, ds.Codes(), calc.Code("109991"))
	stdout.Reset()
	stderr.Reset()
	require.Equal(t, 0, run([]string{"coverage", "--data", out2, "--json"}, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), `"code": "109994"`)
	// quote and year answer from the folder: the export's 99.99 replaced the data's 31.81.
	stdout.Reset()
	require.Equal(t, 0, run([]string{"quote", "--code", "101076", "--date", "2024-03-01", "--data", out2, "--json"}, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), `"fee": "99.99"`)
	stdout.Reset()
	require.Equal(t, 0, run([]string{"quote", "--code", "109991", "--date", "2025-01-01", "--insured", "preferential", "--data", out2, "--json"}, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), `"reimbursement": "22.00"`)
	stdout.Reset()
	require.Equal(t, 0, run([]string{"year", "--year", "2020", "--data", out2, "--json"}, &stdout, &stderr), stderr.String())
	assert.Contains(t, stdout.String(), `"full": "5037.70"`)

	// Refuses a non-empty destination.
	stderr.Reset()
	assert.Equal(t, 2, run([]string{"import", "../../importer/testdata/nomensoft-fixture.xml", "--out", out}, &stdout, &stderr))
	assert.Contains(t, stderr.String(), "not empty")
}

func TestImportMalformedNamesLineAndField(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(in, []byte("nomen_code,dbegin_fee,dend_fee,fee_code,fee,author_doc,nomen_desc_fr\n101076,2024-01-01,2999-12-31,0,abc,X,TEST FIXTURE\n"), 0o644))
	var stdout, stderr bytes.Buffer
	assert.Equal(t, 2, run([]string{"import", in, "--out", filepath.Join(dir, "out")}, &stdout, &stderr))
	assert.Equal(t, "honoraria: bad input: bad.csv:2: fee \"abc\": not an amount (digits, a dot, up to 6 decimals; no sign)\n", stderr.String())
	assert.Empty(t, stdout.String())
	_, err := os.Stat(filepath.Join(dir, "out"))
	assert.True(t, os.IsNotExist(err), "nothing written")
}

// Issue 13.8 (minor findings): --help prints usage and exits 0; --json=0 means no JSON; a
// year is trimmed like quote's values; echoed input is cut short.
func TestCommandLineStrictness(t *testing.T) {
	for _, cmd := range []string{"quote", "year", "coverage", "import"} {
		for _, h := range []string{"--help", "-h"} {
			var stdout, stderr bytes.Buffer
			assert.Equal(t, 0, run([]string{cmd, h}, &stdout, &stderr), cmd+" "+h)
			assert.Contains(t, stdout.String(), "usage: honoraria "+cmd)
			assert.Empty(t, stderr.String())
		}
	}

	var stdout, stderr bytes.Buffer
	require.Equal(t, 0, run([]string{"quote", "--code", "101076", "--date", "2024-03-01", "--json=0"}, &stdout, &stderr), stderr.String())
	assert.False(t, strings.HasPrefix(stdout.String(), "{"), "--json=0 prints text: %q", stdout.String())
	stdout.Reset()
	require.Equal(t, 0, run([]string{"quote", "--code", "101076", "--date", "2024-03-01", "--json=1"}, &stdout, &stderr), stderr.String())
	assert.True(t, strings.HasPrefix(stdout.String(), "{"))
	stdout.Reset()
	require.Equal(t, 0, run([]string{"year", "--year", " 2020 ", "--json=false"}, &stdout, &stderr), stderr.String())
	assert.True(t, strings.HasPrefix(stdout.String(), "2020\n"), stdout.String())

	stderr.Reset()
	assert.Equal(t, 2, run([]string{"quote", "--" + strings.Repeat("x", 100000) + "=1"}, &stdout, &stderr))
	assert.Less(t, stderr.Len(), 600, "echoed input is cut short")
	stderr.Reset()
	assert.Equal(t, 2, run([]string{"import", strings.Repeat("y", 100000), "--out", t.TempDir()}, &stdout, &stderr))
	assert.Less(t, stderr.Len(), 600, "echoed input is cut short")

	// A bill in cents compares the amounts shown: paying the fee shown is "ok".
	stdout.Reset()
	require.Equal(t, 0, run([]string{"quote", "--code", "101076", "--date", "2024-03-01", "--paid", "31.81", "--json"}, &stdout, &stderr))
	var o map[string]any
	require.NoError(t, json.Unmarshal(stdout.Bytes(), &o))
	bc := o["bill_check"].(map[string]any)
	assert.Equal(t, "ok", bc["verdict"])
	assert.Equal(t, "0.00", bc["supplement_charged"])
}

// TestSearchCommand (BRIEF §8): search WORDS… [--lang] [--date] [--json] [--data]; JSON is
// a list of objects with at least code, the services with figures on --date first.
func TestSearchCommand(t *testing.T) {
	for _, c := range []struct {
		name   string
		args   []string
		status int
		first  []string // the first codes of the JSON answer, in order ("" args: no JSON)
		stdout string   // text that must appear
	}{
		{"a code prefix", []string{"search", "10107", "--json"}, 0, []string{"101076"}, ""},
		{"French words, any case and accents", []string{"search", "CONSULTATION", "generaliste", "agree", "--json"}, 0, []string{"101076", "101032"}, ""},
		{"Dutch words", []string{"search", "raadpleging", "huisarts", "--lang", "nl", "--json"}, 0, []string{"101076", "101032"}, ""},
		{"flags before the words", []string{"search", "--json", "--date", "2024-03-01", "consultation"}, 0, []string{"101076", "101010", "101032", "101113", "101673"}, ""},
		{"figures on the date first", []string{"search", "consultation", "--date", "2021-03-01", "--json", "--limit", "3"}, 0, []string{"101076", "101113", "102071"}, ""},
		{"nothing found", []string{"search", "xylophone", "--json"}, 0, []string{}, ""},
		{"text table in Dutch", []string{"search", "101076", "--lang", "nl"}, 0, nil, "101076  Raadpleging geaccrediteerde erkende huisarts"},
		{"no words", []string{"search", "--json"}, 2, nil, ""},
		{"bad date", []string{"search", "x", "--date", "2024-13-01"}, 2, nil, ""},
		{"bad lang", []string{"search", "x", "--lang", "es"}, 2, nil, ""},
		{"bad limit", []string{"search", "x", "--limit", "0"}, 2, nil, ""},
		{"missing data folder", []string{"search", "x", "--data", "/nonexistent"}, 2, nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			status := run(c.args, &out, &errb)
			require.Equal(t, c.status, status, errb.String())
			if status != 0 {
				assert.Empty(t, out.String())
				assert.Equal(t, 1, strings.Count(errb.String(), "\n"), errb.String())
				return
			}
			if c.stdout != "" {
				assert.Contains(t, out.String(), c.stdout)
			}
			if c.first == nil {
				return
			}
			var got []map[string]any
			require.NoError(t, json.Unmarshal(out.Bytes(), &got))
			codes := []string{}
			for _, s := range got[:min(len(got), len(c.first))] {
				codes = append(codes, s["code"].(string))
			}
			assert.Equal(t, c.first, codes)
		})
	}
}

// TestBadInputTable: every bad value of testdata/badinput.json (the table e2e/badinput.test.mjs
// asks the page's Honoraria.quote) exits 2 — 3 for a valid query without data — with nothing
// on stdout and the field named on stderr.
func TestBadInputTable(t *testing.T) {
	raw, err := os.ReadFile("testdata/badinput.json")
	require.NoError(t, err)
	var table struct {
		Base   map[string]string            `json:"base"`
		Bad    map[string][]string          `json:"bad"`
		NoData []string                     `json:"no_data"`
		With   map[string]map[string]string `json:"with"`
	}
	require.NoError(t, json.Unmarshal(raw, &table))
	noData := map[string]bool{}
	for _, s := range table.NoData {
		noData[s] = true
	}
	n := 0
	for field, values := range table.Bad {
		for _, v := range values {
			name := field + "=" + v
			if v == "LONG" {
				v = strings.Repeat("x", 5000)
			}
			query := map[string]string{}
			for k, x := range table.Base {
				query[k] = x
			}
			for k, x := range table.With[field] {
				query[k] = x
			}
			query[field] = v
			args := []string{"quote"}
			for k, x := range query {
				args = append(args, "--"+k+"="+x)
			}
			args = append(args, "--json")
			var stdout, stderr bytes.Buffer
			status := run(args, &stdout, &stderr)
			want := 2
			if noData[name] {
				want = 3
			}
			assert.Equal(t, want, status, "%s: %q", name, stderr.String())
			assert.Empty(t, stdout.String(), "%s: nothing on stdout", name)
			assert.Contains(t, stderr.String(), field, name)
			n++
		}
	}
	assert.Greater(t, n, 70)
}
