package data

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
)

// The comparisons of the page (the compare panel) and the command line, on the bundled data.
func TestCompare(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	base := map[string]string{"code": "101076", "date": "2024-03-01", "dmg": "1", "lang": "fr"}
	shares := func(c *calc.Comparison) map[string]string {
		m := map[string]string{}
		for _, col := range c.Columns {
			require.NoError(t, col.Err, col.Key)
			m[col.Key] = col.Quote.PersonalShare.StringFixed(2)
		}
		return m
	}

	t.Run("patients", func(t *testing.T) {
		c, err := ds.Compare(base, calc.ComparePatient, nil)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"scenario_current": "4.00", "scenario_ordinary": "6.00", "scenario_ordinary_dmg": "4.00",
			"scenario_preferential": "1.50", "scenario_preferential_dmg": "1.00"}, shares(c))
		d := c.Differences[0]
		assert.Equal(t, "share", d.Why)
		assert.Equal(t, "scenario_preferential_dmg", d.Cheaper)
		assert.Equal(t, "scenario_current", d.Dearer)
		assert.Equal(t, "3.00", d.Diff.StringFixed(2))
		assert.Equal(t, "share.fixed", d.Causes[0].Key)
		assert.Contains(t, d.Text, "«\u00a0BIM, avec DMG\u00a0», le patient paie 3,00\u00a0€ de moins que dans le cas «\u00a0Votre choix\u00a0» (1,00\u00a0€ au lieu de 4,00\u00a0€)")
		assert.Contains(t, d.Text, "intervention majorée (BIM)")
		o := c.Object()
		assert.Equal(t, "3.00", o["differences"].([]any)[0].(map[string]any)["data"].(map[string]any)["diff"])
	})

	t.Run("doctors", func(t *testing.T) {
		in := map[string]string{"code": "101076", "date": "2024-03-01", "dmg": "1", "lang": "en"}
		c, err := ds.Compare(in, calc.CompareDoctor, nil)
		require.NoError(t, err)
		var labels []string
		allowed := map[string]bool{}
		for _, col := range c.Columns {
			labels = append(labels, col.Label)
			assert.Equal(t, "27.81", col.Quote.Reimbursement.StringFixed(2))
			allowed[col.Key] = col.Quote.Supplement.Allowed
		}
		assert.Equal(t, []string{"Your choice", "Conventioned", "Partially conventioned, agreed hours", "Partially conventioned, free hours", "Not conventioned"}, labels)
		assert.Equal(t, map[string]bool{"scenario_current": false, "scenario_doctor_conventioned": false, "scenario_doctor_partial-agreed": false,
			"scenario_doctor_partial-free": true, "scenario_doctor_nonconventioned": true}, allowed)
		require.Len(t, c.Differences, 2)
		assert.Equal(t, "same", c.Differences[0].Why)
		assert.Equal(t, "27.81", c.Differences[0].Reimbursement.StringFixed(2))
		assert.Contains(t, c.Differences[0].Text, "same (4,00\u00a0€), and so is the reimbursement (27,81\u00a0€)")
		assert.Equal(t, "supplement", c.Differences[1].Why)
		assert.Equal(t, []string{"scenario_doctor_partial-free", "scenario_doctor_nonconventioned"}, c.Differences[1].Cases)
		assert.Contains(t, c.Differences[1].Text, "may be charged in “Partially conventioned, free hours” and “Not conventioned”, not in")
	})

	t.Run("referral", func(t *testing.T) {
		in := map[string]string{"code": "102034", "date": "2016-05-01", "dmg": "1", "lang": "en"}
		c, err := ds.Compare(in, calc.CompareReferral, nil)
		require.NoError(t, err)
		assert.Equal(t, map[string]string{"scenario_current": "12.00", "scenario_ordinary_dmg_notreferred": "12.00", "scenario_ordinary_dmg_referred": "7.00",
			"scenario_preferential_dmg_notreferred": "3.00", "scenario_preferential_dmg_referred": "1.00"}, shares(c))
		d := c.Differences[0]
		assert.Equal(t, "scenario_preferential_dmg_referred", d.Cheaper)
		assert.Equal(t, "11.00", d.Diff.StringFixed(2))
		assert.Equal(t, "share.fixed share.referral-reduction", c.Object()["differences"].([]any)[0].(map[string]any)["data"].(map[string]any)["reasons"])
		assert.Contains(t, d.Text, "the referral by the GP lowers it to 1,00\u00a0€")
	})

	t.Run("four languages", func(t *testing.T) {
		want := map[string]string{"fr": "le patient paie 5,00\u00a0€ de moins que", "nl": "betaalt de patiënt 5,00\u00a0€ minder dan",
			"de": "zahlt der Patient 5,00\u00a0€ weniger als", "en": "the patient pays 5,00\u00a0€ less than"}
		for lang, s := range want {
			c, err := ds.Compare(map[string]string{"code": "101076", "date": "2024-03-01", "lang": lang}, calc.ComparePatient, nil)
			require.NoError(t, err)
			assert.Contains(t, c.Differences[0].Text, s, lang)
		}
	})

	t.Run("custom cases", func(t *testing.T) {
		in := map[string]string{"code": "102034", "date": "2016-05-01", "dmg": "1", "lang": "en"}
		c, err := ds.Compare(in, calc.CompareCustom, []map[string]string{
			{"insured": "ordinary", "dmg": ""}, {"insured": "preferential", "dmg": "1", "referred": "1"}, {"doctor": "nonconventioned", "age": "70"}})
		require.NoError(t, err)
		require.Len(t, c.Columns, 3)
		assert.Equal(t, "1.00", c.Columns[1].Quote.PersonalShare.StringFixed(2))
		assert.True(t, c.Columns[2].Quote.Supplement.Allowed)
		assert.Equal(t, "Case 3", c.Columns[2].Title)
		assert.Equal(t, "not conventioned, 70 years", c.Columns[2].Detail)
		_, err = ds.Compare(in, calc.CompareCustom, []map[string]string{{"age": "7x"}, {}})
		assert.ErrorContains(t, err, "age")
		_, err = ds.Compare(in, "neighbours", nil)
		assert.ErrorContains(t, err, "compare")
	})
}

// The price poster's rows: fee + the declared maximum, in decimals.
func TestPosterLine(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	quote := func(doctor string) *calc.Quote {
		q, err := calc.ParseQuery(map[string]string{"code": "101076", "date": "2024-03-01", "doctor": doctor})
		require.NoError(t, err)
		res, err := ds.Quote(q)
		require.NoError(t, err)
		return res
	}
	ten, err := calc.ParseDeclared("10,05")
	require.NoError(t, err)
	p := quote("conventioned").PosterLine(ten)
	assert.True(t, p.Forbidden)
	assert.Equal(t, "0.00", p.Object()["max_supplement"])
	assert.Equal(t, "31.81", p.Object()["total"])
	p = quote("nonconventioned").PosterLine(ten)
	assert.Equal(t, map[string]any{"fee": "31.81", "reimbursement": p.Object()["reimbursement"], "personal_share": p.Object()["personal_share"],
		"forbidden": false, "declared": true, "max_supplement": "10.05", "total": "41.86"}, p.Object())
	p = quote("nonconventioned").PosterLine(nil)
	assert.Nil(t, p.Object()["total"])
	for _, bad := range []string{"1.234", "-1", "abc", "100000"} {
		_, err := calc.ParseDeclared(bad)
		assert.Error(t, err, bad)
	}
}
