package calc

import (
	"strconv"
	"strings"
)

// Translated labels (data/README.md "labels-LANG.csv"): the official labels of the
// nomenclature are French and Dutch; for German and English readers the project keeps its
// own translations of the bundled codes' labels, one row per code and official label (a
// code's label may change over the years). They are text, never a figure, and never
// official: an answer shows the official label first and the translation after it, marked
// as the project's. A translation names the official label it translates; where that is
// not the label of the answer (the label changed, or another period's row is shown) the
// translation is not used, so a stale translation never stands for a new label.

// TranslationStatus is the one value of a labels file's status column: the label is the
// project's translation, not a text published by INAMI/RIZIV.
const TranslationStatus = "unofficial-project-translation"

// LabelFile is the name of the translated labels of a language ("labels-de.csv").
func LabelFile(l Lang) string { return "labels-" + string(l) + ".csv" }

func labelColumns() []string {
	return []string{"code", "translated_from", "official_label", "label", "status", "note"}
}

// A Translation is the project's translation of one code's official label.
type Translation struct {
	Code     Code
	Lang     Lang   // the translation's language: de or en
	From     Lang   // the official label's language: fr or nl
	Official string // the official label translated, as in tariffs.csv
	Label    string
	File     string
	Line     int
}

// IsLabelFile reports whether name is a file of translated labels (labels-LANG.csv): rows
// per code, which a split bundle cuts into the parts like the tariffs.
func IsLabelFile(name string) bool { return translatedLang(name) != "" }

// translatedLang is the language of a labels file's name, or "" when the name is not one.
func translatedLang(name string) Lang {
	l, ok := strings.CutPrefix(name, "labels-")
	if !ok {
		return ""
	}
	l, ok = strings.CutSuffix(l, ".csv")
	if !ok {
		return ""
	}
	return Lang(l)
}

func (ds *Dataset) readLabels(f File, lang Lang) error {
	if lang != DE && lang != EN {
		return &DataError{File: f.Name, Err: "translated labels are for de or en (" + string(lang) + " given): the French and Dutch labels are the official ones, in tariffs.csv"}
	}
	recs, err := readTable(f, labelColumns())
	if err != nil {
		return err
	}
	if ds.translations == nil {
		ds.translations = map[Lang]map[Code][]Translation{}
	}
	m := map[Code][]Translation{}
	for _, r := range recs {
		code, err := ParseCode(r.get("code"))
		if err != nil {
			return r.fail("code", strconv.Quote(r.get("code"))+": a nomenclature code is 6 digits")
		}
		from := Lang(r.get("translated_from"))
		if from != FR && from != NL {
			return r.fail("translated_from", strconv.Quote(string(from))+": the official label's language, fr or nl")
		}
		if st := r.get("status"); st != TranslationStatus {
			return r.fail("status", strconv.Quote(st)+": must be "+TranslationStatus+" (the project's translation, not INAMI's)")
		}
		tr := Translation{Code: code, Lang: lang, From: from, Official: r.get("official_label"), Label: r.get("label"), File: f.Name, Line: r.line}
		if tr.Official == "" {
			return r.fail("official_label", "empty: name the official label the translation is of")
		}
		if tr.Label == "" {
			return r.fail("label", "empty translation of "+string(code))
		}
		for _, o := range m[code] {
			if o.Official == tr.Official {
				return r.fail("official_label", string(code)+": "+strconv.Quote(tr.Official)+" is translated twice (line "+itoa(o.Line)+")")
			}
		}
		m[code] = append(m[code], tr)
	}
	ds.translations[lang] = m
	return nil
}

// Translations returns the translated labels of a language (nil when there are none), by
// code: what the data tests check against the tariffs' labels.
func (ds *Dataset) Translations(l Lang) map[Code][]Translation { return ds.translations[l] }

// ShownLabels returns the official labels a code's answers show in German and English
// (its rows' French label, else Dutch; quote.go labelsOf), each once: what the
// translations must cover.
func (ds *Dataset) ShownLabels(code Code) []string {
	var out []string
	seen := map[string]bool{}
	for i := range ds.tariffs[code] {
		fr, nl := ds.labelsOf(&ds.tariffs[code][i])
		l := fr
		if l == "" {
			l = nl
		}
		if l != "" && !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// translation returns the project's translation of label, the official label of code an
// answer shows, in lang — or nil when there is none for that label.
func (ds *Dataset) translation(code Code, lang Lang, label string) *Translation {
	for i, tr := range ds.translations[lang][code] {
		if label != "" && tr.Official == label {
			return &ds.translations[lang][code][i]
		}
	}
	return nil
}

func (ds *Dataset) translationObject(tr *Translation) any {
	if tr == nil {
		return nil
	}
	return map[string]any{"lang": string(tr.Lang), "label": tr.Label, "translated_from": string(tr.From),
		"official": false, "mark": ds.text(tr.Lang, "label.translation", nil)}
}

// SearchObject is a search result's object (Service.Object) with, for a German or English
// reader, the project's translation of the label those readers see (the French one, else
// the Dutch one) as label_translation, or null. The translation comes with the service
// (the search index carries it), so it needs none of the code's rows.
func (ds *Dataset) SearchObject(s Service, lang Lang) map[string]any {
	o := s.Object()
	tr := &Translation{Code: s.Code, Lang: lang, From: FR}
	if s.LabelFR == "" {
		tr.From = NL
	}
	switch lang {
	case DE:
		tr.Label = s.LabelDE
	case EN:
		tr.Label = s.LabelEN
	}
	if tr.Label == "" {
		tr = nil
	}
	o["label_translation"] = ds.translationObject(tr)
	return o
}
