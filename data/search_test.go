package data

import (
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
	for _, q := range []string{"1010", "consultation", "raadpleging huisarts", "Pédiatre", "visite", "xyz", "1"} {
		for _, d := range []calc.Date{0, calc.DateOf(2010, 1, 1), calc.DateOf(2024, 3, 1)} {
			assert.Equal(t, ix.Search(q, d, 50), back.Search(q, d, 50), "%q on %s", q, d)
		}
	}
	assert.Equal(t, ds.Search("consultation", 5), ix.Search("consultation", 0, 5))

	_, err = calc.ParseIndex(calc.File{Name: calc.IndexFile, Data: []byte("code,label_fr,label_nl,category,specialty,from,to\n101076,a,b,other,,2024-01-01,\n101010,a,b,other,,2024-01-01,\n")})
	assert.ErrorContains(t, err, "codes out of order")
}
