package data

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
)

func TestBundledDataLoads(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	assert.NotEmpty(t, ds.Codes())
	assert.NotEmpty(t, ds.Meta()["checksum"])
}

// The published figures agree with each other and with the rules (BRIEF §6.3).
func TestAudit(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	for _, e := range ds.Audit() {
		t.Error(e)
	}
}

// Freshness (issue 6.4): the year of the data's date (its latest verification, Meta's
// data_date) has a data folder with a sources_verified date. The test reads no clock, so it
// gives the same answer on 1 January as on any day; how old the data is against today is
// shown to users (the page's footer, the coverage page), not failed on.
func TestDataYearHasData(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	date, err := calc.ParseDate(ds.Meta()["data_date"].(string))
	require.NoError(t, err)
	y := date.Year()
	assert.Contains(t, ds.Years(), y, "no data/%d folder: add the year's figures or at least its parameters", y)
	yr, err := ds.Year(y, calc.EN)
	require.NoError(t, err)
	assert.NotNil(t, yr.Params["sources_verified"], "data/%d/parameters.csv has no sources_verified row", y)
}

// Invariants over every code, row, patient category and band in the bundled data: share ≥ 0,
// reimbursement ≤ fee, share + reimbursement = fee, preferential share ≤ ordinary share,
// DMG share ≤ no-DMG share, and the same query gives the same answer.
func TestInvariantsOverAllData(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	n := 0
	for _, code := range ds.Codes() {
		for _, row := range ds.Tariffs(code) {
			days := []calc.Date{row.Period.From}
			if row.Period.To != 0 {
				days = append(days, row.Period.To)
			}
			ages := []string{""}
			if row.Band != "" {
				ages = []string{map[string]string{"under-10": "4", "10-to-75": "40", "over-75-or-chronic": "80"}[string(row.Band)]}
			}
			for _, d := range days {
				for _, age := range ages {
					shares := map[[2]bool]decimal.Decimal{}
					for _, pref := range []bool{false, true} {
						for _, dmg := range []bool{false, true} {
							in := map[string]string{"code": string(code), "date": d.String(), "age": age}
							if pref {
								in["insured"] = "preferential"
							}
							if dmg {
								in["dmg"] = "1"
							}
							q, err := calc.ParseQuery(in)
							require.NoError(t, err)
							res, err := ds.Quote(q)
							var nd *calc.NoDataError
							if errors.As(err, &nd) {
								continue
							}
							require.NoError(t, err, "%v", in)
							n++
							again, err := ds.Quote(q)
							require.NoError(t, err)
							assert.Equal(t, res.Object(), again.Object(), "same input, same output: %v", in)
							if res.PersonalShare == nil {
								continue
							}
							share, reimb := *res.PersonalShare, *res.Reimbursement
							assert.False(t, share.IsNegative(), "share ≥ 0: %v", in)
							assert.True(t, reimb.LessThanOrEqual(res.Fee), "reimbursement ≤ fee: %v", in)
							assert.True(t, share.Add(reimb).Equal(res.Fee), "share + reimbursement = fee: %v", in)
							shares[[2]bool{pref, dmg}] = share
						}
					}
					cmp := func(lo, hi [2]bool, what string) {
						a, ok1 := shares[lo]
						b, ok2 := shares[hi]
						if ok1 && ok2 {
							assert.True(t, a.LessThanOrEqual(b), "%s %s on %s: %s (%s > %s)", code, what, d, row.File, a, b)
						}
					}
					for _, dmg := range []bool{false, true} {
						cmp([2]bool{true, dmg}, [2]bool{false, dmg}, "preferential share ≤ ordinary share")
					}
					for _, pref := range []bool{false, true} {
						cmp([2]bool{pref, true}, [2]bool{pref, false}, "DMG share ≤ no-DMG share")
					}
				}
			}
		}
	}
	assert.Greater(t, n, 100, "the invariants ran over too few quotes")
}

// A data folder made before registry.csv existed (an older import) loads with the
// program's registry.
func TestFolderWithoutRegistry(t *testing.T) {
	files, err := Files(Bundled())
	require.NoError(t, err)
	dir := t.TempDir()
	for _, f := range files {
		if f.Name == "registry.csv" {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, f.Data, 0o644))
	}
	_, err = LoadFrom(os.DirFS(dir))
	require.NoError(t, err)
}
