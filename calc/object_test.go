package calc

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// quoteVariants quotes every code of ds on the first day of each of its rows, for a spread
// of patients, doctors, settings, languages and bills: the answers the object tests compare.
func quoteVariants(t *testing.T, ds *Dataset) []*Quote {
	t.Helper()
	variants := []map[string]string{
		{},
		{"insured": "preferential", "dmg": "1", "lang": "fr", "paid": "50"},
		{"dmg": "1", "age": "5", "lang": "nl", "third-party": "1", "paid": "0.5"},
		{"insured": "preferential", "preferential-kind": "income", "age": "30", "referred": "1", "dmg": "1", "lang": "de"},
		{"age": "80", "chronic": "1", "doctor": "nonconventioned", "setting": "hospital-shared", "paid": "100"},
		{"age": "12", "doctor": "partial-free", "household-income": "90000", "dependants": "2", "lang": "fr", "paid": "40"},
		{"age": "40", "doctor": "partial-agreed", "setting": "day-single", "titulaires": "2", "household-income": "30000", "training": "1"},
		{"age": "20", "insured": "preferential", "preferential-kind": "automatic", "on-duty": "1", "special-request": "1", "lang": "nl"},
	}
	var out []*Quote
	for code, rows := range ds.tariffs {
		for i, r := range rows {
			in := map[string]string{"code": string(code), "date": r.Period.From.String()}
			for k, v := range variants[i%len(variants)] {
				in[k] = v
			}
			if _, ok := in["age"]; !ok && (r.Band != "" || r.Category == "gp-visit") {
				in["age"] = "50"
			}
			q, err := ParseQuery(in)
			require.NoError(t, err, "%v", in)
			res, err := ds.Quote(q)
			if err != nil {
				continue
			}
			out = append(out, res)
		}
	}
	require.NotEmpty(t, out)
	return out
}

// AppendJSON writes the JSON of Object — byte for byte what the command line's encoder
// (compact) and the bridge's appendJSON print: keys sorted, <, > and & not escaped.
func TestQuoteAppendJSON(t *testing.T) {
	n := 0
	for _, ds := range []*Dataset{fixture(t), bundledForCoverage(t)} {
		for _, res := range quoteVariants(t, ds) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			require.NoError(t, enc.Encode(res.Object()))
			got := res.AppendJSON([]byte("x"))
			require.Equal(t, "x"+string(bytes.TrimSuffix(want.Bytes(), []byte("\n"))), string(got), "%v", res.Query.Values())
			n++
		}
	}
	t.Logf("%d answers", n)
}

// The object's fields are the contract's (BRIEF §8) and the page's: pinned for one answer.
func TestQuoteObjectFields(t *testing.T) {
	ds := fixture(t)
	res, err := ds.Quote(mustQuery(t, map[string]string{"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": "1", "paid": "5"}))
	require.NoError(t, err)
	o := res.Object()
	keys := func(m map[string]any) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		SortStrings(ks)
		return ks
	}
	assert.Equal(t, []string{"bill_check", "code", "date", "explanation", "fee", "label", "label_translation", "notes", "patient_category", "pay_at_desk",
		"pay_at_desk_with_third_party", "pay_at_desk_without_third_party", "personal_share", "query", "reimbursement", "service",
		"sources", "statut_social", "supplement", "third_party_payment"}, keys(o))
	assert.Equal(t, []string{"expected", "next_step", "out_of_pocket", "paid", "reason", "reimbursement_due", "supplement_charged", "verdict"},
		keys(o["bill_check"].(map[string]any)))
	assert.Equal(t, []string{"allowed", "determined", "key", "reason", "since", "sources"}, keys(o["supplement"].(map[string]any)))
	assert.Equal(t, []string{"applied", "determined", "key", "mandatory", "reason", "since", "sources"}, keys(o["third_party_payment"].(map[string]any)))
	assert.Equal(t, []string{"band", "category", "code", "coefficients", "key_letters", "label_fr", "label_nl", "note", "specialty", "valid_from", "valid_to"},
		keys(o["service"].(map[string]any)))
	assert.Equal(t, []string{"amount", "sources", "status"}, keys(o["statut_social"].(map[string]any)))
	step := o["explanation"].([]any)[0].(map[string]any)
	assert.Equal(t, []string{"amount", "detail", "key", "source", "sources", "text"}, keys(step))
	assert.Equal(t, []string{"date", "eli", "id", "kind", "title", "url"}, keys(step["source"].(map[string]any)))
	assert.Equal(t, QueryFields(), func() []string {
		ks := keys(o["query"].(map[string]any))
		want := QueryFields()
		SortStrings(want)
		require.Equal(t, want, ks)
		return QueryFields()
	}())
	assert.Equal(t, "30.00", o["fee"])
	assert.Equal(t, "29.00", o["reimbursement"])
	assert.Equal(t, "1.00", o["personal_share"])
	assert.Equal(t, "1.00", o["pay_at_desk"])
	assert.Nil(t, o["pay_at_desk_without_third_party"])
	assert.Equal(t, "not-allowed", o["bill_check"].(map[string]any)["verdict"])
	assert.Equal(t, "4.00", o["bill_check"].(map[string]any)["supplement_charged"])
	assert.Equal(t, "0.00", o["bill_check"].(map[string]any)["reimbursement_due"])
	assert.Equal(t, true, o["third_party_payment"].(map[string]any)["mandatory"])
	assert.Equal(t, false, o["supplement"].(map[string]any)["allowed"])
	assert.Equal(t, "true", o["query"].(map[string]any)["dmg"])
	assert.Nil(t, o["query"].(map[string]any)["age"])
	assert.Equal(t, []string{"fee.published", "share.fixed", "reimbursement.difference", "desk.third-party"}, func() []string {
		var ks []string
		for _, s := range o["explanation"].([]any) {
			ks = append(ks, s.(map[string]any)["key"].(string))
		}
		return ks
	}())
}

// appendEuros writes what StringFixed(2) writes, for amounts on both sides of its int64
// fast path: every exponent, halves, negatives, zeros, long coefficients.
func TestAppendEuros(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	check := func(d decimal.Decimal) {
		t.Helper()
		require.Equal(t, d.StringFixed(2), euros(d), "%s (exp %d)", d.String(), d.Exponent())
	}
	for _, s := range []string{"0", "0.00", "-0", "0.005", "-0.005", "0.004999", "-0.0049", "31.805", "31.815", "99999999999999.995",
		"123456789012345678901234.5", "1e-30", "5e-19", "-12.3", "1e3", "12e2", "0.015", "2.675", "1.0000000000000000005"} {
		d, err := decimal.NewFromString(s)
		require.NoError(t, err)
		check(d)
	}
	for i := 0; i < 200000; i++ {
		c := r.Int63n(int64(1) << uint(r.Intn(62)+1))
		if r.Intn(2) == 0 {
			c = -c
		}
		check(decimal.New(c, int32(r.Intn(26)-21)))
	}
	for i := int64(-100000); i <= 100000; i++ {
		check(decimal.New(i, -3))
	}
}

// text replaces each {placeholder} by its argument in one pass: a value is never read again
// for placeholders, one without an argument stays, dates read in the reader's words.
func TestTextPlaceholders(t *testing.T) {
	ds := &Dataset{messages: map[string]*message{ // en, fr, nl, de
		"k":    {"from {from} pay {amount} ({amount}), {unknown} {", "dès le {from}"},
		"flat": {"no placeholder"},
	}}
	assert.Equal(t, "from 1 March 2024 pay {from} ({from}), {unknown} {", ds.text(EN, "k", map[string]string{"from": "2024-03-01", "amount": "{from}"}))
	assert.Equal(t, "dès le 1 mars 2024", ds.text(FR, "k", map[string]string{"from": "2024-03-01"}))
	assert.Equal(t, "no placeholder", ds.text(NL, "flat", map[string]string{"x": "y"}))
	assert.Equal(t, "missing", ds.text(EN, "missing", nil))
	assert.Equal(t, "from {from} pay {amount} ({amount}), {unknown} {", ds.text(DE, "k", nil))
	assert.Equal(t, "from 1 March 2024 pay 3 (3), {unknown} {", ds.textArgs(EN, "k", "amount", "3", "from", "2024-03-01"))
	assert.Equal(t, "from {from} pay 3 (3), {unknown} {", ds.textArgs(EN, "k", "amount", "3", "from"), "an odd pair is no argument")
}

// The query an answer echoes has every field of the contract, sorted by name, each value
// what ParseQuery reads back.
func TestValuePairs(t *testing.T) {
	q := mustQuery(t, map[string]string{"code": "101076", "date": "2024-03-01", "insured": "preferential", "dmg": "1", "age": "7",
		"household-income": "50000", "dependants": "2", "paid": "12.5", "lang": "nl", "training": "1"})
	pairs := q.valuePairs()
	names := QueryFields()
	SortStrings(names)
	require.Len(t, pairs, len(names))
	in := map[string]string{}
	for i, p := range pairs {
		assert.Equal(t, names[i], p[0])
		if p[1] != "" {
			in[p[0]] = p[1]
		}
	}
	back, err := ParseQuery(in)
	require.NoError(t, err)
	assert.Equal(t, q.Values(), back.Values())
	assert.Equal(t, "12.50", q.Values()["paid"])
}
