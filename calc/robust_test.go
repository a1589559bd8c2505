package calc

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withTariffRow returns the fixture files with one more row in 2024/tariffs.csv.
func withTariffRow(t *testing.T, row string) []File {
	files := fixtureFiles(t)
	for i, f := range files {
		if f.Name == "2024/tariffs.csv" {
			files[i].Data = []byte(strings.TrimRight(string(f.Data), "\n") + "\n" + row + "\n")
			return files
		}
	}
	t.Fatal("no 2024/tariffs.csv in the fixture")
	return nil
}

// Issue 13.3: amounts are rounded once, half up to the cent, where they enter: the amounts
// shown add up, and the bill check compares the amounts shown.
func TestMoneyRoundedOnce(t *testing.T) {
	ds, err := NewDataset(withTariffRow(t, "109991,TEST FIXTURE six decimals,,other,,2024-01-01,2024-12-31,,10.005000,5.002500,,,,,,test-fixture,,"))
	require.NoError(t, err)
	for _, c := range []struct {
		name                       string
		paid                       string
		fee, reimb, share, verdict string
		charged                    string
	}{
		{"no bill", "", "10.01", "5.00", "5.01", "", ""},
		{"paid the fee shown", "10.01", "10.01", "5.00", "5.01", "ok", "0.00"},
		{"one cent more", "10.02", "10.01", "5.00", "5.01", "unknown", "0.01"},
		{"one cent less", "10.00", "10.01", "5.00", "5.01", "ok", "0.00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := map[string]string{"code": "109991", "date": "2024-03-01", "paid": c.paid}
			res, err := ds.Quote(mustQuery(t, in))
			require.NoError(t, err)
			o := res.Object()
			assert.Equal(t, c.fee, o["fee"])
			assert.Equal(t, c.reimb, o["reimbursement"])
			assert.Equal(t, c.share, o["personal_share"])
			assert.True(t, res.Fee.Equal(res.Reimbursement.Add(*res.PersonalShare)), "the amounts shown add up")
			if c.paid == "" {
				return
			}
			bc := o["bill_check"].(map[string]any)
			assert.Equal(t, c.charged, bc["supplement_charged"])
			if c.verdict != "unknown" {
				assert.Equal(t, c.verdict, bc["verdict"])
			} else {
				assert.NotEqual(t, "ok", bc["verdict"])
			}
		})
	}
	assert.Equal(t, "10.01", Cents(mustDecimal(t, "10.005")).StringFixed(2))
	assert.Equal(t, "5.00", Cents(mustDecimal(t, "5.0025")).StringFixed(2))
	assert.Equal(t, "31.81", Cents(mustDecimal(t, "31.805")).StringFixed(2))
}

func mustDecimal(t *testing.T, s string) decimal.Decimal {
	d, ok := parseAmount(s)
	require.True(t, ok, s)
	return d
}

// Issues 13.3 and 13.4: query amounts have at most two decimals; conflicting and incomplete
// fields are named input errors; values are trimmed the same way everywhere.
func TestQueryStrictness(t *testing.T) {
	base := func(kv ...string) map[string]string {
		m := map[string]string{"code": "101076", "date": "2024-03-01"}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	for _, c := range []struct {
		name  string
		in    map[string]string
		field string // "" when valid
	}{
		{"paid in cents", base("paid", "31.81"), ""},
		{"paid, one decimal", base("paid", "31.8"), ""},
		{"paid, three decimals", base("paid", "31.811"), "paid"},
		{"paid, half a cent", base("paid", "31.805"), "paid"},
		{"income, three decimals", base("household-income", "50000.001", "dependants", "0"), "household-income"},
		{"income without composition", base("household-income", "50000"), "dependants"},
		{"income with dependants", base("household-income", "50000", "dependants", "2"), ""},
		{"income with titulaires", base("household-income", "50000", "titulaires", "2"), ""},
		{"dependants without income", base("dependants", "2"), "dependants"},
		{"titulaires without income", base("titulaires", "2"), "titulaires"},
		{"kind for an ordinary patient", base("insured", "ordinary", "preferential-kind", "income"), "preferential-kind"},
		{"kind without insured", base("preferential-kind", "automatic"), "preferential-kind"},
		{"kind for a preferential patient", base("insured", "preferential", "preferential-kind", "income"), ""},
		{"trimmed", base("code", " 101076 ", "paid", " 31.81 "), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseQuery(c.in)
			if c.field == "" {
				require.NoError(t, err)
				return
			}
			var ie *InputError
			require.ErrorAs(t, err, &ie)
			assert.Equal(t, c.field, ie.Field)
		})
	}
	y, err := ParseYear(" 2020 ")
	require.NoError(t, err, "a year is trimmed like every query value")
	assert.Equal(t, 2020, y)
}

// Issue 13.7: the loader rejects invalid UTF-8 and source URLs that are neither http(s) nor a
// relative path (the seeds are cited by path).
func TestLoaderRejectsBadTextAndLinks(t *testing.T) {
	src := func(url string) File {
		return File{Name: "sources.csv", Data: []byte("id,kind,title,url,date,eli\nsrc,official,A table," + url + ",2024,\n")}
	}
	for _, c := range []struct {
		name  string
		files []File
		want  string // "" when valid
	}{
		{"https", []File{src("https://www.inami.fgov.be/fr/x")}, ""},
		{"http", []File{src("http://example.org")}, ""},
		{"seed path", []File{src("shared/seeds/000_91109aa5780f3bbd.txt")}, ""},
		{"folder path", []File{src("shared/reference/")}, ""},
		{"javascript", []File{src("javascript:alert(1)")}, `sources.csv:2: url: "javascript:alert(1)"`},
		{"javascript, mixed case", []File{src("JaVaScRiPt:alert(1)")}, "sources.csv:2: url"},
		{"data", []File{src("data:text/html;base64;PHNjcmlwdD4=")}, "sources.csv:2: url"},
		{"file", []File{src("file:///etc/passwd")}, "sources.csv:2: url"},
		{"scheme-relative", []File{src("//evil.example/x")}, "sources.csv:2: url"},
		{"http without host", []File{src("https:///x")}, "sources.csv:2: url"},
		{"space", []File{src("java script:x")}, "sources.csv:2: url"},
		{"invalid UTF-8 in sources", []File{src("https://example.org/caf\xe9")}, "sources.csv:2: url: not valid UTF-8"},
		{"invalid UTF-8 in tariffs", []File{src("https://example.org"), {Name: "2024/tariffs.csv", Data: []byte(tariffHeader + "101076,caf\xe9,nl,gp-consultation,,2024-01-01,2024-12-31,,31.81,,,,,,,src,,\n")}}, "2024/tariffs.csv:2: label_fr: not valid UTF-8"},
		{"invalid UTF-8 in a header", []File{src("https://example.org"), {Name: "messages.csv", Data: []byte("key,en\xff\n")}}, "messages.csv:1: not valid UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := NewDataset(c.files)
			if c.want == "" {
				require.NoError(t, err)
				return
			}
			var de *DataError
			require.ErrorAs(t, err, &de)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}
