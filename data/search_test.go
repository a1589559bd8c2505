package data

import (
	"fmt"
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
	// The index carries the project's translations of the labels (issue 11.3): a search
	// result shows them without the code's rows (the web page's split data).
	got := back.Search("101076", 0, 1)
	require.Len(t, got, 1)
	assert.Equal(t, "Konsultation beim anerkannten, akkreditierten Hausarzt", got[0].LabelDE)
	assert.Equal(t, "Consultation with a recognised, accredited GP", got[0].LabelEN)
	o := ds.SearchObject(got[0], calc.DE)["label_translation"].(map[string]any)
	assert.Equal(t, false, o["official"])
	assert.Nil(t, ds.SearchObject(got[0], calc.NL)["label_translation"])

	_, err = calc.ParseIndex(calc.File{Name: calc.IndexFile, Data: []byte("code,label_fr,label_nl,label_de,label_en,category,specialty,from,to\n101076,a,b,,,other,,2024-01-01,\n101010,a,b,,,other,,2024-01-01,\n")})
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

// index10k is a search index of 10,000 generated codes whose labels mix the real labels'
// words with 3,000 made-up ones (about the vocabulary of the whole nomenclature).
func index10k(tb testing.TB) *calc.Index {
	ds, err := Load()
	require.NoError(tb, err)
	real := ds.Index().Search("1", 0, 1000)
	made := make([]string, 3000)
	for i := range made {
		made[i] = fmt.Sprintf("%cexamen%dtion", 'a'+i%26, i)
	}
	var b strings.Builder
	b.WriteString("code,label_fr,label_nl,label_de,label_en,category,specialty,from,to\n")
	for i := 0; i < 10000; i++ {
		r := real[i%len(real)]
		fr := r.LabelFR + " " + made[i%3000] + " " + made[(i*7)%3000]
		nl := r.LabelNL + " " + made[(i*13)%3000]
		to := "2024-12-31"
		if i%3 == 0 {
			to = ""
		}
		q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
		fmt.Fprintf(&b, "%06d,%s,%s,,,%s,%s,2014-01-01,%s\n", 100000+i*7, q(fr), q(nl), r.Category, r.Specialty, to)
	}
	ix, err := calc.ParseIndex(calc.File{Name: calc.IndexFile, Data: []byte(b.String())})
	require.NoError(tb, err)
	require.Equal(tb, 10000, ix.Len())
	return ix.UseSynonyms(ds)
}

// BenchmarkSearch10k: one keystroke (the query typed so far) over 10,000 codes; the
// budget is 30 ms per keystroke in the browser (docs/measurements.md).
func BenchmarkSearch10k(b *testing.B) {
	ix := index10k(b)
	var keys []string
	for _, q := range []string{"dermatologue", "consultation generaliste", "Hausbesuch", "huisbzoek", "médecin traitant"} {
		for i := 1; i <= len(q); i++ {
			keys = append(keys, q[:i])
		}
	}
	d := calc.DateOf(2024, 6, 1)
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, k := range keys {
			ix.Search(k, d, 10)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(keys))/1000, "ms/keystroke")
}

// The 10,000-code index of the benchmark builds and answers (so that a change of the
// index's format cannot leave the benchmark broken unseen: make test runs no benchmark).
func TestSearch10kIndex(t *testing.T) {
	got := index10k(t).Search("dermatologue", calc.DateOf(2024, 6, 1), 5)
	require.NotEmpty(t, got)
	assert.Equal(t, "dermatology", got[0].Specialty)
}

// BenchmarkSearch10kQuestions: whole questions over 10,000 codes — words the list ignores,
// no service with every word (the closest are shown), a code written in groups, nothing.
func BenchmarkSearch10kQuestions(b *testing.B) {
	ix := index10k(b)
	d := calc.DateOf(2024, 6, 1)
	for _, q := range []string{"combien coute une consultation chez le generaliste", "visite patient 75 ans", "101 076", "dermatologue", "xyzzy plugh"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				ix.Search(q, d, 10)
			}
		})
	}
}
