package bundle

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
	"honoraria/data"
)

// answer is what the interfaces would show for a query: the answer's object or the
// error's object.
func answer(t *testing.T, ds *calc.Dataset, in map[string]string) map[string]any {
	t.Helper()
	q, err := calc.ParseQuery(in)
	require.NoError(t, err)
	res, err := ds.Quote(q)
	if err != nil {
		return calc.ErrorObject(err)
	}
	return res.Object()
}

func TestSplitOfTheBundledDataIsOnePart(t *testing.T) {
	files, err := data.Files(data.Bundled())
	require.NoError(t, err)
	n := ChoosePrefixLength(files, DefaultPartBytes)
	assert.Equal(t, 0, n, "today's 41 codes fit in one part")
	cut, err := Split(files, n)
	require.NoError(t, err)
	require.Len(t, cut.Parts, 1)
	whole, err := calc.NewDataset(files)
	require.NoError(t, err)

	core, err := calc.NewDataset(cut.Core)
	require.NoError(t, err, "the core alone loads")
	assert.Empty(t, core.Codes())
	assert.Empty(t, core.Translations(calc.DE), "translated labels are per-code rows: in the parts, not the core")
	assert.Equal(t, whole.Meta(), core.Meta(), "same checksum, data date and years as the whole")
	assert.Equal(t, "all", core.Split().PartOf("101076"))

	merged, err := calc.NewDataset(Merge(cut.Core, cut.Parts["all"]))
	require.NoError(t, err)
	assert.Equal(t, whole.Meta(), merged.Meta())
	assert.Equal(t, whole.Codes(), merged.Codes())
	for _, code := range whole.Codes() {
		for _, date := range []string{"2009-06-01", "2014-09-01", "2020-03-01", "2024-03-01", "2026-02-01", "2031-01-01"} {
			in := map[string]string{"code": string(code), "date": date, "insured": "preferential", "dmg": "true"}
			assert.Equal(t, answer(t, whole, in), answer(t, merged, in), "%s on %s", code, date)
		}
	}
	// Every row is in the part, once, with its file's header.
	for _, f := range cut.Parts["all"] {
		assert.True(t, PerCode(f), f.Name)
	}
}

func TestSplitByPrefix(t *testing.T) {
	files, err := data.Files(data.Bundled())
	require.NoError(t, err)
	cut, err := Split(files, 2)
	require.NoError(t, err)
	assert.Contains(t, cut.Parts, "10")
	whole, err := calc.NewDataset(files)
	require.NoError(t, err)
	// Each code answers from the core and its own part alone, at every date.
	for _, code := range whole.Codes() {
		core, err := calc.NewDataset(cut.Core)
		require.NoError(t, err)
		part := core.Split().PartOf(code)
		require.Equal(t, string(code[:2]), part)
		ds, err := calc.NewDataset(Merge(cut.Core, cut.Parts[part]))
		require.NoError(t, err)
		for y := 2008; y <= 2027; y++ {
			// German: the label's translation comes with the code's part too.
			in := map[string]string{"code": string(code), "date": fmt.Sprintf("%d-07-01", y), "lang": "de"}
			assert.Equal(t, answer(t, whole, in), answer(t, ds, in), "%s in %d", code, y)
		}
	}
	// Merging every part in any order gives every row back.
	var groups [][]calc.File
	for _, p := range cut.Parts {
		groups = append(groups, p)
	}
	all, err := calc.NewDataset(Merge(append([][]calc.File{cut.Core}, groups...)...))
	require.NoError(t, err)
	assert.Equal(t, whole.Codes(), all.Codes())
	assert.Equal(t, whole.Meta(), all.Meta())
}

func TestSplitKeepsQuotedNewlinesAndAnyPerCodeFile(t *testing.T) {
	files := []calc.File{
		{Name: "2024/prices.csv", Data: []byte("code,note\n101076,\"two\nlines\"\n202020,x\r\n")},
		{Name: "2024/other.csv", Data: []byte("name,value\na,1\n")},
	}
	for _, f := range files {
		recs := records(string(f.Data))
		joined := ""
		for _, r := range recs {
			joined += r
		}
		assert.Equal(t, string(f.Data), joined)
	}
	assert.True(t, PerCode(files[0]))
	assert.False(t, PerCode(files[1]))
	assert.False(t, PerCode(calc.File{Name: "feecodes.csv", Data: []byte("code,label\n")}), "top-level files stay in the core")
	assert.Equal(t, map[string]int{"10": 19, "20": 10}, PartSizes(files, 2))
	assert.Equal(t, 1, ChoosePrefixLength(files, 20))
}

func TestMerge(t *testing.T) {
	got := Merge(
		[]calc.File{{Name: "b.csv", Data: []byte("h\n")}, {Name: "a.csv", Data: []byte("x")}},
		[]calc.File{{Name: "b.csv", Data: []byte("h\n1\n")}},
		[]calc.File{{Name: "b.csv", Data: []byte("h\n2")}, {Name: "a.csv", Data: []byte("x\ny\n")}},
	)
	assert.Equal(t, []calc.File{{Name: "b.csv", Data: []byte("h\n1\n2")}, {Name: "a.csv", Data: []byte("x\ny\n")}}, got)
}
