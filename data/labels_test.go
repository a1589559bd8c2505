package data

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
)

// Every official label a German or English answer shows has the project's translation
// (issue 11.3), and every translation is of a label the data shows: a label that changed
// leaves its old translation unused, and this test names it.
func TestTranslatedLabelsCoverTheBundledCodes(t *testing.T) {
	ds, err := Load()
	require.NoError(t, err)
	for _, lang := range []calc.Lang{calc.DE, calc.EN} {
		trs := ds.Translations(lang)
		require.NotEmpty(t, trs, "%s: no %s", lang, calc.LabelFile(lang))
		for _, code := range ds.Codes() {
			shown := ds.ShownLabels(code)
			for _, label := range shown {
				found := false
				for _, tr := range trs[code] {
					found = found || tr.Official == label
				}
				assert.True(t, found, "%s: code %s: no translation of the official label %q", calc.LabelFile(lang), code, label)
			}
			for _, tr := range trs[code] {
				assert.Contains(t, shown, tr.Official, "%s:%d: official_label: %q is not a label code %s shows (stale translation?)", tr.File, tr.Line, tr.Official, code)
				assert.NotEqual(t, tr.Official, tr.Label, "%s:%d: label: the translation repeats the official label", tr.File, tr.Line)
			}
		}
		for code, list := range trs {
			assert.NotEmpty(t, ds.Tariffs(code), "%s:%d: code: %s is not in the data", list[0].File, list[0].Line, code)
		}
	}
}
