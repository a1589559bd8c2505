package data

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
)

// The search index file the build writes (calc.IndexFile) searches exactly like the
// dataset it was built from.
func TestSearchIndexRoundTrip(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	ix := ds.Index()
	assert.Equal(t, len(ds.Codes()), ix.Len())
	back, err := calc.ParseIndex(calc.File{Name: calc.IndexFile, Data: ix.Encode()})
	require.NoError(t, err)
	back.UseSynonyms(ds)
	for _, q := range []string{"1010", "consultation", "raadpleging huisarts", "Pédiatre", "visite", "xyz", "1"} {
		for _, d := range []calc.Date{0, calc.DateOf(2010, 1, 1), calc.DateOf(2024, 3, 1)} {
			assert.Equal(t, ix.Search(q, d, 50), back.Search(q, d, 50), "%q on %s", q, d)
		}
	}
	assert.Equal(t, ds.Search("consultation", 5), ix.Search("consultation", 0, 5))

	_, err = calc.ParseIndex(calc.File{Name: calc.IndexFile, Data: []byte("code,label_fr,label_nl,category,specialty,from,to\n101076,a,b,other,,2024-01-01,\n101010,a,b,other,,2024-01-01,\n")})
	assert.ErrorContains(t, err, "codes out of order")
}

// What people type finds the right codes first: testdata/search.txt, in four languages.
func TestSearchTable(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	ix := ds.Index()
	b, err := os.ReadFile("testdata/search.txt")
	require.NoError(t, err)
	langs := map[string]int{}
	for n, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		require.Len(t, f, 4, "line %d", n+1)
		query, lang, day, want := strings.TrimSpace(f[0]), strings.TrimSpace(f[1]), strings.TrimSpace(f[2]), strings.Fields(f[3])
		langs[lang]++
		var date calc.Date
		if day != "-" {
			date, err = calc.ParseDate(day)
			require.NoError(t, err, "line %d", n+1)
		}
		var got []string
		for _, s := range ix.Search(query, date, max(len(want), 1)) {
			got = append(got, string(s.Code))
		}
		assert.Equal(t, strings.Join(want, " "), strings.Join(got, " "), "line %d: %q (%s) on %s", n+1, query, lang, day)
	}
	for _, l := range []string{"fr", "nl", "de", "en"} {
		assert.GreaterOrEqual(t, langs[l], 8, "queries in %s", l)
	}
	assert.GreaterOrEqual(t, langs["fr"]+langs["nl"]+langs["de"]+langs["en"], 40)
}

// Every category and specialty the word list names exists in the data.
func TestSynonymsNameTheData(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	b, err := os.ReadFile(calc.SynonymsFile)
	require.NoError(t, err)
	known := map[string]bool{}
	ix := ds.Index()
	for _, c := range ds.Codes() {
		s := ix.Search(string(c), 0, 1)[0]
		known["category:"+s.Category], known["specialty:"+s.Specialty] = true, true
	}
	for n, line := range strings.Split(string(b), "\n")[1:] {
		for _, e := range strings.Split(strings.Split(line+",,,", ",")[2], ";") {
			if strings.Contains(e, ":") {
				assert.True(t, known[e], "synonyms.csv:%d: %s is not in the data", n+2, e)
			}
		}
	}
	require.NotNil(t, ds.Synonyms())
}
