package calc

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each rule at, before and after its start date, on the fixture (fee 30.00 for 101076,
// 40.00 for 102034 …). want.share "" means "no personal share can be given".
func TestPersonalShareRules(t *testing.T) {
	ds := fixture(t)
	cases := []struct {
		name  string
		in    map[string]string
		share string
	}{
		// GP consultation shares, AR of 2011: from 2011-12-01.
		{"gp before 2011-12-01: no rule, no published figure", q("101076", "2011-11-30", ""), ""},
		{"gp ordinary without DMG", q("101076", "2011-12-01", ""), "6.00"},
		{"gp ordinary with DMG", q("101076", "2011-12-01", "dmg"), "4.00"},
		{"gp preferential without DMG", q("101076", "2011-12-01", "preferential"), "1.50"},
		{"gp preferential with DMG", q("101076", "2024-03-01", "preferential", "dmg"), "1.00"},
		// Specialist flat share from 2015-01-01; per-code before.
		{"specialist 2014: published table", q("102034", "2014-12-31", ""), "12.00"},
		{"specialist 2014 preferential: published table", q("102034", "2014-12-31", "preferential"), "4.00"},
		{"specialist 2015 ordinary: flat", q("102034", "2015-01-01", ""), "12.00"},
		{"specialist 2015 preferential: flat", q("102034", "2015-01-01", "preferential"), "3.00"},
		{"specialist DMG does not change the flat share", q("102034", "2020-01-01", "dmg"), "12.00"},
		// GP referral reduction, from 2007-02-01, DMG required, never with third party.
		{"referral before 2007-02-01", q("102034", "2007-01-31", "dmg", "referred"), "12.00"},
		{"referral ordinary", q("102034", "2007-02-01", "dmg", "referred"), "7.00"},
		{"referral preferential", q("102034", "2007-02-01", "preferential", "dmg", "referred"), "2.00"},
		{"referral after 2015 ordinary", q("102034", "2024-05-01", "dmg", "referred"), "7.00"},
		{"referral after 2015 preferential", q("102034", "2024-05-01", "preferential", "dmg", "referred"), "1.00"},
		{"referral needs a DMG", q("102034", "2024-05-01", "referred"), "12.00"},
		{"referral never with third party", q("102034", "2024-05-01", "dmg", "referred", "third-party"), "12.00"},
		{"referral: oncology not on the list", q("102270", "2024-05-01", "dmg", "referred"), "12.00"},
		// Young preferential patients with a DMG, from 2023-10-01.
		{"young preferential before 2023-10-01", q("101076", "2023-09-30", "preferential", "dmg", "age=24"), "1.00"},
		{"young preferential at 24", q("101076", "2023-10-01", "preferential", "dmg", "age=24"), "0.00"},
		{"young preferential at 25", q("101076", "2023-10-01", "preferential", "dmg", "age=25"), "1.00"},
		{"young preferential without DMG", q("101076", "2023-10-01", "preferential", "age=3"), "1.50"},
		{"young ordinary with DMG", q("101076", "2023-10-01", "dmg", "age=3"), "4.00"},
		{"young preferential at a specialist", q("102034", "2024-01-01", "preferential", "dmg", "age=10"), "0.00"},
		// GP home visits: published per age band; DMG changes only 75+ / chronic.
		{"visit under 10", q("103132", "2024-03-01", "age=5"), "8.00"},
		{"visit under 10 preferential", q("103132", "2024-03-01", "age=5", "preferential"), "2.00"},
		{"visit 10–74", q("103132", "2024-03-01", "age=40"), "17.00"},
		{"visit 10–74 with DMG: no 1.00 surcharge", q("103132", "2024-03-01", "age=40", "dmg"), "16.00"},
		{"visit 10–74 preferential with DMG: same share", q("103132", "2024-03-01", "age=40", "dmg", "preferential"), "4.00"},
		{"visit under 10 with DMG: same share", q("103132", "2024-03-01", "age=5", "dmg"), "8.00"},
		{"visit 75+", q("103132", "2024-03-01", "age=75"), "16.00"},
		{"visit chronic", q("103132", "2024-03-01", "age=40", "chronic"), "16.00"},
		{"visit 75+ with DMG: not published", q("103132", "2024-03-01", "age=80", "dmg"), ""},
		// DMG management: no share.
		{"DMG management", q("102771", "2010-06-01", ""), "0.00"},
		// Phone consultation.
		{"phone 2022 ordinary", q("101732", "2022-08-01", ""), "2.00"},
		{"phone 2025-02-14 preferential", q("101732", "2025-02-14", "preferential"), "1.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := quote(t, ds, c.in)
			if c.share == "" {
				assert.Nil(t, res.PersonalShare)
				assert.Nil(t, res.Reimbursement)
				return
			}
			require.NotNil(t, res.PersonalShare)
			assert.Equal(t, c.share, str(*res.PersonalShare))
			assert.Equal(t, str(res.Fee.Sub(*res.PersonalShare)), str(*res.Reimbursement), "reimbursement = fee − share")
		})
	}
}

func TestNotReimbursedFrom20250215(t *testing.T) {
	ds := fixture(t)
	_, err := ds.Quote(mustQuery(t, q("101732", "2025-02-15", "")))
	var nd *NoDataError
	require.ErrorAs(t, err, &nd)
	assert.Contains(t, nd.Reason, "from 15 February 2025", "dates in the reader's words")
}

func TestThirdPartyMandatory(t *testing.T) {
	ds := fixture(t)
	cases := []struct {
		name      string
		in        map[string]string
		mandatory bool
		desk      string
	}{
		{"preferential GP before 2015-07-01", q("101076", "2015-06-30", "preferential", "dmg"), false, "30.00"},
		{"preferential GP from 2015-07-01", q("101076", "2015-07-01", "preferential", "dmg"), true, "1.00"},
		{"ordinary GP", q("101076", "2024-03-01", "dmg"), false, "30.00"},
		{"ordinary GP asks for it", q("101076", "2024-03-01", "dmg", "third-party"), false, "4.00"},
		{"preferential home visit: not mandatory", q("103132", "2024-03-01", "preferential", "age=40"), false, "45.00"},
		{"phone consultation: every patient", q("101732", "2023-03-01", ""), true, "2.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := quote(t, ds, c.in)
			assert.Equal(t, c.mandatory, res.ThirdParty.Mandatory)
			require.NotNil(t, res.PayAtDesk)
			assert.Equal(t, c.desk, str(*res.PayAtDesk))
		})
	}
}

func TestSupplementRules(t *testing.T) {
	ds := fixture(t)
	cases := []struct {
		name       string
		in         map[string]string
		allowed    bool
		determined bool
		key        string
	}{
		{"conventioned: agreement tariffs", q("102034", "2024-03-01", ""), false, true, "supplement.agreement-tariffs"},
		{"conventioned, special request", q("102034", "2024-03-01", "special-request"), true, true, "supplement.special-request"},
		{"nonconventioned ambulatory", q("102034", "2024-03-01", "doctor=nonconventioned"), true, true, "supplement.nonconventioned"},
		{"nonconventioned on duty", q("102034", "2024-03-01", "doctor=nonconventioned", "on-duty"), false, true, "supplement.on-duty"},
		{"partial, free hours", q("102034", "2024-03-01", "doctor=partial-free"), true, true, "supplement.partial-free"},
		{"partial, agreement hours", q("102034", "2024-03-01", "doctor=partial-agreed"), false, true, "supplement.agreement-tariffs"},
		{"partial GP, home visit", q("103132", "2024-03-01", "doctor=partial-free", "age=40"), false, true, "supplement.partial-visit"},
		{"shared room 2012, nonconventioned", q("102034", "2012-12-31", "doctor=nonconventioned", "setting=hospital-shared"), true, true, "supplement.nonconventioned"},
		{"shared room 2012, conventioned", q("102034", "2012-12-31", "setting=hospital-shared"), false, true, "supplement.ban-shared-room.conventioned"},
		{"shared room 2013, nonconventioned", q("102034", "2013-01-01", "doctor=nonconventioned", "setting=hospital-shared"), false, true, "supplement.ban-shared-room.all"},
		{"single room, conventioned", q("102034", "2024-03-01", "setting=hospital-single"), true, true, "supplement.single-room"},
		{"day hospital shared, before mid-2015", q("102034", "2015-06-30", "doctor=nonconventioned", "setting=day-shared"), true, true, "supplement.nonconventioned"},
		{"day hospital shared, from mid-2015", q("102034", "2015-07-01", "doctor=nonconventioned", "setting=day-shared"), false, true, "supplement.ban-day-shared"},
		{"BIM automatic 2024: no ban yet", q("102034", "2024-12-31", "preferential", "preferential-kind=automatic", "doctor=nonconventioned"), true, true, "supplement.nonconventioned"},
		{"BIM automatic 2025", q("102034", "2025-01-01", "preferential", "preferential-kind=automatic", "doctor=nonconventioned"), false, true, "supplement.ban-preferential.automatic"},
		{"BIM income 2025", q("102034", "2025-01-01", "preferential", "preferential-kind=income", "doctor=nonconventioned"), true, true, "supplement.nonconventioned"},
		{"BIM kind unknown 2025", q("102034", "2025-06-01", "preferential", "doctor=nonconventioned"), false, false, "supplement.ban-preferential.kind-unknown"},
		{"BIM income 2026", q("102034", "2026-01-01", "preferential", "preferential-kind=income", "doctor=nonconventioned"), false, true, "supplement.ban-preferential.all"},
		{"BIM 2026 in a single hospital room", q("102034", "2026-01-01", "preferential", "doctor=nonconventioned", "setting=hospital-single"), true, true, "supplement.nonconventioned"},
		{"income clause above", q("102034", "2010-03-01", "household-income=70000", "dependants=2"), true, true, "supplement.income-clause-above"},
		{"income clause below", q("102034", "2010-03-01", "household-income=63000", "dependants=2"), false, true, "supplement.income-clause-below"},
		{"income clause, two titulaires", q("102034", "2010-03-01", "household-income=81000", "titulaires=2"), true, true, "supplement.income-clause-above"},
		{"income clause, two titulaires below", q("102034", "2010-03-01", "household-income=80000", "titulaires=2"), false, true, "supplement.income-clause-below"},
		{"income clause unknown year", q("102034", "2016-03-01", "household-income=900000", "dependants=0"), false, false, "supplement.income-clause-unknown"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := quote(t, ds, c.in)
			assert.Equal(t, c.key, res.Supplement.Key)
			assert.Equal(t, c.allowed, res.Supplement.Allowed)
			assert.Equal(t, c.determined, res.Supplement.Determined)
			assert.NotEmpty(t, res.Supplement.Reason)
			assert.NotEqual(t, c.key, res.Supplement.Reason, "message text missing")
		})
	}
}

func TestBillCheck(t *testing.T) {
	ds := fixture(t)
	cases := []struct {
		name    string
		in      map[string]string
		verdict string
		charged string
	}{
		{"paid the fee", q("102034", "2024-03-01", "paid=40.00"), "ok", "0.00"},
		{"paid less", q("102034", "2024-03-01", "paid=12"), "ok", "0.00"},
		{"supplement, conventioned", q("102034", "2024-03-01", "paid=55.50"), "not-allowed", "15.50"},
		{"supplement, nonconventioned", q("102034", "2024-03-01", "paid=55.50", "doctor=nonconventioned"), "allowed", "15.50"},
		{"with third party the share is due", q("101076", "2024-03-01", "preferential", "dmg", "paid=1.00"), "ok", "0.00"},
		{"with third party, more than the share", q("101076", "2024-03-01", "preferential", "dmg", "paid=5.00"), "not-allowed", "4.00"},
		{"undetermined BIM kind", q("102034", "2025-03-01", "preferential", "doctor=nonconventioned", "paid=50.00"), "unknown", "10.00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := quote(t, ds, c.in)
			require.NotNil(t, res.BillCheck)
			assert.Equal(t, c.verdict, res.BillCheck.Verdict)
			require.NotNil(t, res.BillCheck.SupplementCharged)
			assert.Equal(t, c.charged, str(*res.BillCheck.SupplementCharged))
		})
	}
}

// q builds a query: code, date, then flags ("dmg", "preferential", "age=40" …).
func q(code, date string, flags ...string) map[string]string {
	m := map[string]string{"code": code, "date": date}
	for _, f := range flags {
		switch {
		case f == "":
		case f == "preferential":
			m["insured"] = "preferential"
		default:
			k, v, ok := strings.Cut(f, "=")
			if !ok {
				v = "1"
			}
			m[k] = v
		}
	}
	return m
}

func mustQuery(t testing.TB, in map[string]string) Query {
	t.Helper()
	qq, err := ParseQuery(in)
	require.NoError(t, err)
	return qq
}

func TestMaximumAFacturerNote(t *testing.T) {
	ds := fixture(t)
	cases := []struct {
		in       map[string]string
		key, arg string
	}{
		{q("101076", "2024-03-01", "dmg"), "note.maf", "250.00"},
		{q("101076", "2024-03-01", "dmg", "household-income=9000", "dependants=0"), "note.maf-income", "250.00"},
		{q("101076", "2024-03-01", "dmg", "household-income=20000", "dependants=0"), "note.maf-income", "1000.00"},
		{q("101076", "2024-03-01", "preferential"), "note.maf-social", "400.00"},
		{q("101076", "2023-03-01", "dmg"), "", ""},                          // no MàF table that year
		{q("101076", "2024-03-01", "preferential", "dmg", "age=5"), "", ""}, // no share, nothing counts
	}
	for _, c := range cases {
		res := quote(t, ds, c.in)
		var found *Step
		for i, n := range res.Notes {
			if strings.HasPrefix(n.Key, "note.maf") {
				found = &res.Notes[i]
			}
		}
		if c.key == "" {
			assert.Nil(t, found, "%v", c.in)
			continue
		}
		if assert.NotNil(t, found, "%v", c.in) {
			assert.Equal(t, c.key, found.Key)
			assert.Contains(t, found.Text, c.arg)
		}
	}
}

// Past the last year the data speaks of, an open-ended row does not answer.
func TestHorizon(t *testing.T) {
	ds := fixture(t)
	quote(t, ds, q("101076", "2026-12-31", ""))
	_, err := ds.Quote(mustQuery(t, q("101076", "2027-01-01", "")))
	var nd *NoDataError
	require.ErrorAs(t, err, &nd)
	assert.Contains(t, nd.Reason, "2026")
}
