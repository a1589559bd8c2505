package calc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const labelsHeader = "code,translated_from,official_label,label,status,note\n"

func withLabels(t *testing.T, name, body string) (*Dataset, error) {
	t.Helper()
	return NewDataset(append(fixtureFiles(t), File{Name: name, Data: []byte(labelsHeader + body)}))
}

// A German or English answer carries the project's translation of the label it shows,
// marked as not official; a French or Dutch one, or a label the translation is not of,
// carries none; the official label is unchanged (issue 11.3).
func TestLabelTranslation(t *testing.T) {
	ds, err := withLabels(t, "labels-de.csv", "101076,fr,TEST FIXTURE consultation généraliste,Hausarzt-Konsultation,unofficial-project-translation,\n"+
		"102270,fr,an older label,Onkologe,unofficial-project-translation,\n")
	require.NoError(t, err)
	for _, c := range []struct {
		code, lang string
		want       any
	}{
		{"101076", "de", "Hausarzt-Konsultation"},
		{"101076", "en", nil}, // no labels-en.csv
		{"101076", "fr", nil},
		{"101076", "nl", nil},
		{"102270", "de", nil}, // the translation is of another label
		{"102034", "de", nil}, // no translation
	} {
		o := quote(t, ds, map[string]string{"code": c.code, "date": "2024-03-01", "lang": c.lang}).Object()
		tr, _ := o["label_translation"].(map[string]any)
		if c.want == nil {
			assert.Nil(t, o["label_translation"], "%s %s", c.code, c.lang)
			continue
		}
		require.NotNil(t, tr, "%s %s", c.code, c.lang)
		assert.Equal(t, c.want, tr["label"])
		assert.Equal(t, false, tr["official"])
		assert.Equal(t, "Übersetzung des Projekts Honoraria, nicht amtlich", tr["mark"])
		assert.Equal(t, "TEST FIXTURE consultation généraliste", o["label"], "the official label stays the answer's label")
	}
}

// A labels file's defects name file, line, field and value.
func TestLabelFileErrors(t *testing.T) {
	row := func(code, from, status string) string {
		return code + "," + from + ",TEST FIXTURE consultation généraliste,Hausarzt," + status + ",\n"
	}
	good := row("101076", "fr", TranslationStatus)
	for _, c := range []struct{ name, body, want string }{
		{"labels-fr.csv", good, "labels-fr.csv: translated labels are for de or en (fr given)"},
		{"labels-de.csv", row("10107", "fr", TranslationStatus), `labels-de.csv:2: code: "10107"`},
		{"labels-de.csv", row("101076", "de", TranslationStatus), `labels-de.csv:2: translated_from: "de": the official label's language, fr or nl`},
		{"labels-de.csv", row("101076", "fr", "official"), `labels-de.csv:2: status: "official": must be unofficial-project-translation`},
		{"labels-de.csv", row("101076", "fr", ""), `labels-de.csv:2: status: ""`},
		{"labels-de.csv", good + good, `labels-de.csv:3: official_label: 101076: "TEST FIXTURE consultation généraliste" is translated twice (line 2)`},
		{"labels-de.csv", "101076,fr,,Hausarzt," + TranslationStatus + ",\n", "labels-de.csv:2: official_label: empty"},
		{"labels-en.csv", "101076,fr,x,," + TranslationStatus + ",\n", "labels-en.csv:2: label: empty translation of 101076"},
	} {
		_, err := withLabels(t, c.name, c.body)
		if assert.Error(t, err, c.want) {
			assert.Contains(t, err.Error(), c.want)
		}
	}
}
