package calc

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestCategoryMatch reads testdata/categories.txt: category, patient, expected match.
func TestCategoryMatch(t *testing.T) {
	f, err := os.Open("testdata/categories.txt")
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		left, want, ok := strings.Cut(text, "=>")
		require.True(t, ok, "line %d: no =>", line)
		fields := strings.Fields(left)
		require.Len(t, fields, 2, "line %d", line)
		written := strings.TrimPrefix(fields[0], "-")
		pc, err := ParsePatientCategory(written)
		require.NoError(t, err, "line %d", line)
		assert.Equal(t, written, pc.Canonical(), "line %d: written form round trip", line)
		p := patient{age: -1, conventioned: true}
		for _, w := range strings.Split(fields[1], ",") {
			switch {
			case w == "-":
			case strings.HasPrefix(w, "age="):
				p.age, _ = strconv.Atoi(w[4:])
			case w == "preferential":
				p.preferential = true
			case w == "dmg":
				p.dmg = true
			case w == "chronic":
				p.chronic = true
			case w == "referred":
				p.referred = true
			case w == "training":
				p.training = true
			case w == "nonconventioned":
				p.conventioned = false
			default:
				t.Fatalf("line %d: unknown patient word %q", line, w)
			}
		}
		spec, needsAge := pc.match(p)
		got := strconv.Itoa(spec)
		switch {
		case needsAge:
			got = "age?"
		case spec < 0:
			got = "none"
		}
		assert.Equal(t, strings.TrimSpace(want), got, "line %d: %s", line, text)
		n++
	}
	require.NoError(t, sc.Err())
	require.Greater(t, n, 15)
}

func TestParsePatientCategoryErrors(t *testing.T) {
	for _, bad := range []string{"preferential", "preferential=maybe", "dmg=yes;dmg=no", "colour=blue", "age=10", "age=20-10", "age=x-", "age=-5", "|"} {
		_, err := ParsePatientCategory(bad)
		assert.Error(t, err, bad)
	}
}

// TestQuoteByCategory: prices.csv amounts for patient categories are chosen by the most
// specific category matching the patient, named in the explanation; the tariff row's
// columns and the rules answer the rest.
func TestQuoteByCategory(t *testing.T) {
	files := fixtureFiles(t)
	files = append(files,
		File{Name: "feecodes.csv", Data: []byte("fee_code,fee_code_cat,desc_fr,desc_nl,meaning,category,unit,percent,source,note\n" +
			"0,1,Honoraire,Honorarium,fee,,eur,,test-fixture,\n" +
			"1300,2,avec régime préférentiel,met voorkeurregeling,reimbursement,preferential=yes,eur,,test-fixture,\n" +
			"1600,2,sans régime préférentiel,zonder voorkeurregeling,reimbursement,preferential=no,eur,,test-fixture,\n" +
			"9001,2,avec DMG sans régime préférentiel,met GMD zonder voorkeurregeling,reimbursement,preferential=no;dmg=yes,eur,,test-fixture,\n" +
			"9002,2,enfant avant le 10ème anniversaire,kind voor de 10de verjaardag,reimbursement,age=0-9,eur,,test-fixture,\n" +
			"9003,5,ticket modérateur médecin stagiaire,remgeld arts in opleiding,share,training=yes,eur,,test-fixture,\n" +
			"9004,9,description nobody understands,,unknown,,eur,,test-fixture,\n")},
		File{Name: "2015/prices.csv", Data: []byte("code,valid_from,valid_to,fee_code,amount,source,note\n" +
			"102034,2015-01-01,2026-12-31,9001,31.00,test-fixture,\n" +
			"102034,2015-01-01,2026-12-31,9002,35.00,test-fixture,\n" +
			"102034,2015-01-01,2026-12-31,9003,2.00,test-fixture,\n" +
			"102034,2015-01-01,2026-12-31,9004,39.00,test-fixture,\n" +
			"102034,2015-01-01,2026-12-31,1600,25.00,test-fixture,\n")},
	)
	ds, err := NewDataset(files)
	require.NoError(t, err)
	for _, c := range []struct {
		in            map[string]string
		reimb, share  string
		feeCode, note string
	}{
		// 1600 completes the tariff row (which has no reimbursement after 2015).
		{map[string]string{"age": "40"}, "25.00", "15.00", "", ""},
		{map[string]string{"age": "40", "dmg": "1"}, "31.00", "9.00", "9001", ""},
		{map[string]string{"age": "8"}, "35.00", "5.00", "9002", ""},
		// DMG and age both match: the DMG category names two dimensions, the age one.
		{map[string]string{"age": "8", "dmg": "1"}, "31.00", "9.00", "9001", ""},
		{map[string]string{"dmg": "1"}, "31.00", "9.00", "9001", "note.category-needs-age"},
		{map[string]string{"age": "40", "training": "1"}, "38.00", "2.00", "9003", ""},
	} {
		in := map[string]string{"code": "102034", "date": "2016-05-01"}
		for k, v := range c.in {
			in[k] = v
		}
		res := quote(t, ds, in)
		require.NotNil(t, res.Reimbursement, "%v", c.in)
		assert.Equal(t, c.reimb, str(res.Reimbursement), "%v", c.in)
		assert.Equal(t, c.share, str(res.PersonalShare), "%v", c.in)
		if c.feeCode == "" {
			assert.Nil(t, res.Category, "%v", c.in)
		} else {
			require.NotNil(t, res.Category, "%v", c.in)
			assert.Equal(t, c.feeCode, strconv.Itoa(res.Category.Number))
			assert.Contains(t, res.Object()["explanation"].([]any)[1].(map[string]any)["text"], "fee code "+c.feeCode)
		}
		var notes []string
		for _, n := range res.Notes {
			notes = append(notes, n.Key)
		}
		if c.note != "" {
			assert.Contains(t, notes, c.note, "%v", c.in)
		}
	}
}

func TestPricesDataErrors(t *testing.T) {
	feecodes := "fee_code,fee_code_cat,desc_fr,desc_nl,meaning,category,unit,percent,source,note\n9001,2,x,,reimbursement,dmg=yes,eur,,test-fixture,\n"
	for _, c := range []struct{ feecodes, prices, want string }{
		{feecodes, "102034,2015-01-01,,9002,1.00,test-fixture,", "9002 is not in feecodes.csv"},
		{feecodes, "102034,2015-01-01,,9001,1.00,test-fixture,\n102034,2015-06-01,,9001,2.00,test-fixture,", "overlaps"},
		{feecodes, "102034,2015-01-01,,9001,-1.00,test-fixture,", "not an amount"},
		{feecodes, "102034,2016-01-01,,9001,1.00,test-fixture,", "does not fall in 2015"},
		{strings.Replace(feecodes, "dmg=yes", "dmg=perhaps", 1), "", "must be yes or no"},
		{strings.Replace(feecodes, "reimbursement", "refund", 1), "", "is not one of"},
	} {
		files := append(fixtureFiles(t), File{Name: "feecodes.csv", Data: []byte(c.feecodes)},
			File{Name: "2015/prices.csv", Data: []byte("code,valid_from,valid_to,fee_code,amount,source,note\n" + c.prices + "\n")})
		_, err := NewDataset(files)
		require.Error(t, err, c.prices)
		assert.Contains(t, err.Error(), c.want)
	}
}

func TestAuditPriceAboveFee(t *testing.T) {
	files := append(fixtureFiles(t),
		File{Name: "feecodes.csv", Data: []byte("fee_code,fee_code_cat,desc_fr,desc_nl,meaning,category,unit,percent,source,note\n9001,2,x,,reimbursement,dmg=yes,eur,,test-fixture,\n9002,9,y,,unknown,,eur,,test-fixture,\n")},
		File{Name: "2015/prices.csv", Data: []byte("code,valid_from,valid_to,fee_code,amount,source,note\n102034,2015-01-01,,9001,41.00,test-fixture,\n102034,2015-01-01,,9002,99.00,test-fixture,\n")})
	ds, err := NewDataset(files)
	require.NoError(t, err)
	var found []string
	for _, e := range ds.Audit() {
		found = append(found, e.Error())
	}
	require.Len(t, found, 1, "the unknown fee code's amount is not audited: it is never used")
	assert.Contains(t, found[0], "2015/prices.csv:2: amount: code 102034 fee code 9001: 41.00 is above the fee 40.00")
	// and the quote does not use it.
	res := quote(t, ds, map[string]string{"code": "102034", "date": "2016-01-01", "dmg": "1"})
	assert.Nil(t, res.Category)
}
