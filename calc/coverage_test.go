package calc

import (
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bundledForCoverage loads ../data as the program does (calc cannot import package data).
func bundledForCoverage(t testing.TB) *Dataset {
	t.Helper()
	var files []File
	fsys := os.DirFS("../data")
	require.NoError(t, fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".csv") {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		files = append(files, File{Name: p, Data: b})
		return err
	}))
	ds, err := NewDataset(files)
	require.NoError(t, err)
	return ds
}

func yearOf(t *testing.T, cc CodeCoverage, y int) YearCoverage {
	t.Helper()
	for _, yc := range cc.Years {
		if yc.Year == y {
			return yc
		}
	}
	t.Fatalf("code %s has no year %d", cc.Code, y)
	return YearCoverage{}
}

func codeOf(t *testing.T, cov Coverage, code Code) CodeCoverage {
	t.Helper()
	for _, cc := range cov.Codes {
		if cc.Code == code {
			return cc
		}
	}
	t.Fatalf("no code %s in coverage", code)
	return CodeCoverage{}
}

func TestCoverageFixture(t *testing.T) {
	cov := fixture(t).Coverage()
	// Fixture rows: 101076 2011–2026 fee only; 102034 published reimbursements before 2015,
	// fee only after; source kind "other".
	gp := codeOf(t, cov, "101076")
	assert.Equal(t, 2011, gp.FirstYear)
	assert.Equal(t, 2026, gp.LastYear)
	assert.Len(t, gp.Years, 16)
	y2011 := yearOf(t, gp, 2011)
	assert.Equal(t, []string{"other"}, y2011.Fee)
	// share.fixed starts 2011-12-01: the row's first day in 2011 is before it.
	assert.Equal(t, []string{KindNone}, y2011.Reimbursement[Category{}])
	y2024 := yearOf(t, gp, 2024)
	assert.Equal(t, []string{KindRule}, y2024.Reimbursement[Category{}])
	assert.Equal(t, []string{KindRule}, y2024.PersonalShare[Category{Preferential: true, DMG: true}])
	assert.False(t, y2024.Partial)

	spec := codeOf(t, cov, "102034")
	assert.Equal(t, 2006, spec.FirstYear)
	y2014 := yearOf(t, spec, 2014)
	assert.Equal(t, []string{"other"}, y2014.Reimbursement[Category{}])
	// The published figure without DMG holds with a DMG for a specialist.
	assert.Equal(t, []string{"other"}, y2014.Reimbursement[Category{DMG: true}])
	assert.Equal(t, []string{KindRule}, yearOf(t, spec, 2015).Reimbursement[Category{Preferential: true}])
}

func TestCoverageBundled(t *testing.T) {
	ds := bundledForCoverage(t)
	cov := ds.Coverage()
	assert.Equal(t, ds.Years(), cov.Years)
	require.NotEmpty(t, cov.Codes)
	// Every code of the data is listed, with every year from its first to its last.
	assert.Len(t, cov.Codes, len(ds.Codes()))
	for _, cc := range cov.Codes {
		assert.Len(t, cc.Years, cc.LastYear-cc.FirstYear+1, cc.Code)
		for _, yc := range cc.Years {
			for _, k := range yc.Fee {
				assert.Contains(t, Kinds(), k)
			}
			for _, c := range Categories() {
				assert.NotEmpty(t, yc.Reimbursement[c], "%s %d %s", cc.Code, yc.Year, c.Name())
			}
		}
	}
	// 101076 in 2024 comes from the VNZ insurer table; shares from the GP rule.
	y := yearOf(t, codeOf(t, cov, "101076"), 2024)
	assert.Equal(t, []string{"insurer"}, y.Fee)
	assert.Equal(t, []string{KindRule}, y.Reimbursement[Category{DMG: true}])
	// The 2022 row of 101076 ends 2022-05-31 in the data: part of 2022 is not covered.
	assert.True(t, yearOf(t, codeOf(t, cov, "101076"), 2022).Partial)
	// Conflicts (conflicts.csv) are listed with both figures, their sources and their place.
	var found bool
	for _, c := range cov.Conflicts {
		if c.Subject == "101076" && c.Date == DateOf(2024, 1, 1) {
			found = true
			kept, other := c.Figures()
			assert.Equal(t, []string{"fee", "31.81", "31.98", "conflicts.csv"}, []string{c.Field, kept, other, c.File})
			assert.Equal(t, []string{"vnz-2024"}, c.KeptSources)
			assert.Equal(t, []string{"domus-2024"}, c.OtherSources)
			assert.Positive(t, c.Line)
		}
	}
	assert.True(t, found, "the 101076 2024 conflict is listed")
}

func TestCoverageObjectPlainValues(t *testing.T) {
	o := bundledForCoverage(t).Coverage().Object()
	assertPlain(t, o, "coverage")
	b, err := json.Marshal(o)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"code":"101076"`)
	assert.Contains(t, string(b), `"ordinary_dmg":"rule"`)
}

// assertPlain checks that v holds only what the wasm bridge converts: string, bool, nil,
// []any and map[string]any.
func assertPlain(t *testing.T, v any, path string) {
	t.Helper()
	switch x := v.(type) {
	case nil, string, bool:
	case []any:
		for _, e := range x {
			assertPlain(t, e, path+"[]")
		}
	case map[string]any:
		for k, e := range x {
			assertPlain(t, e, path+"."+k)
		}
	default:
		t.Errorf("%s: %T is not a plain value", path, v)
	}
}

func TestCoversYear(t *testing.T) {
	p := func(a, b Date) Period { return Period{From: a, To: b} }
	assert.True(t, coversYear([]Period{p(DateOf(2023, 5, 1), 0)}, 2024))
	assert.True(t, coversYear([]Period{p(DateOf(2024, 7, 1), 0), p(DateOf(2024, 1, 1), DateOf(2024, 6, 30))}, 2024))
	assert.False(t, coversYear([]Period{p(DateOf(2024, 1, 1), DateOf(2024, 6, 29)), p(DateOf(2024, 7, 1), 0)}, 2024))
	assert.False(t, coversYear([]Period{p(DateOf(2024, 1, 2), 0)}, 2024))
	assert.True(t, coversYear([]Period{p(DateOf(2024, 1, 1), DateOf(2024, 2, 29)), p(DateOf(2024, 3, 1), DateOf(2024, 12, 31))}, 2024))
	assert.Equal(t, DateOf(2025, 1, 1), dayAfter(DateOf(2024, 12, 31)))
	assert.Equal(t, DateOf(2023, 3, 1), dayAfter(DateOf(2023, 2, 28)))
}

func BenchmarkCoverage(b *testing.B) {
	ds := bundledForCoverage(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = ds.Coverage()
	}
}

// Every object the interfaces print holds plain values only (assertPlain): the quote, the
// year, the comparison, the poster row, the fields, the meta, an error.
func TestObjectsPlainValues(t *testing.T) {
	ds := bundledForCoverage(t)
	q, err := ParseQuery(map[string]string{"code": "101076", "date": "2024-03-01", "paid": "40", "dmg": "1"})
	require.NoError(t, err)
	res, err := ds.Quote(q)
	require.NoError(t, err)
	assertPlain(t, res.Object(), "quote")
	assertPlain(t, res.PosterLine(nil).Object(), "poster")
	for _, y := range ds.Years() {
		yr, err := ds.Year(y, FR)
		require.NoError(t, err)
		assertPlain(t, yr.Object(), "year")
	}
	for _, kind := range CompareKinds() {
		cmp, err := ds.Compare(map[string]string{"code": "101076", "date": "2024-03-01"}, kind, []map[string]string{{"dmg": "1"}, {"insured": "preferential"}})
		require.NoError(t, err)
		assertPlain(t, cmp.Object(), "compare."+kind)
	}
	for _, f := range Fields() {
		assertPlain(t, f.Object(), "field")
	}
	assertPlain(t, ds.Meta(), "meta")
	_, err = ParseQuery(map[string]string{"code": "x"})
	assertPlain(t, ErrorObject(err), "error")
}
