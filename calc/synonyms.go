package calc

import (
	"strings"
)

// SynonymsFile is the search's word list (data/README.md "synonyms.csv"): what people
// type (a specialty, an everyday word, an abbreviation, in FR, NL, DE or EN) and the label
// words, categories or specialties it stands for. It sits at the top of the data folder, so
// the web page gets it with the core.
const SynonymsFile = "synonyms.csv"

func synonymColumns() []string { return []string{"term", "lang", "expands", "note"} }

// Synonyms are the search's word list, folded: a term (one to four words) → what it
// stands for. A term with nothing to expand to is a word the search ignores (an article,
// a preposition) when the query has other words.
type Synonyms struct {
	expand map[string][]string // folded term → label words, "category:…", "specialty:…"
	terms  []string            // the folded terms, sorted
}

func (ds *Dataset) readSynonyms(f File) error {
	recs, err := readTable(f, synonymColumns())
	if err != nil {
		return err
	}
	s := &Synonyms{expand: map[string][]string{}}
	for _, r := range recs {
		words := tokens(fold(r.get("term")))
		term := strings.Join(words, " ")
		_, lang := parseLang(r.get("lang"))
		key := r.get("lang") + ":" + term
		var exp []string
		if v := r.get("expands"); v != "" {
			exp = strings.Split(v, ";")
		}
		if len(words) == 0 || len(words) > 4 || !lang || s.expand[key] != nil {
			return r.fail("term", "one to four words, a language fr|nl|de|en, once per language")
		}
		s.expand[key] = exp
		for _, e := range exp {
			if e == "" || fold(e) != e || strings.Contains(e, " ") {
				return r.fail("expands", e+": not a folded label word (lower case, no accents), category:NAME or specialty:NAME")
			}
		}
		if _, ok := s.expand[term]; !ok {
			s.terms = append(s.terms, term)
		}
		s.expand[term] = append(s.expand[term], exp...)
	}
	SortStrings(s.terms)
	ds.synonyms = s
	return nil
}

// expandOf is what a folded term stands for; ok is false for a term not in the list (and
// for a nil list).
func (s *Synonyms) expandOf(term string) (e []string, ok bool) {
	if s == nil {
		return nil, false
	}
	e, ok = s.expand[term]
	return e, ok
}

// Synonyms returns the search's word list (nil when the data has none).
func (ds *Dataset) Synonyms() *Synonyms { return ds.synonyms }

// tokens splits folded text into words of letters, digits and ':' (category:NAME).
func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r < 128 && !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == ':') || r == '–' || r == '’' || r == '\u00a0'
	})
}

// near reports whether a and b are at most one edit apart: one letter inserted, deleted,
// replaced, or two neighbours swapped.
func near(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i, j := 0, len(a)
	for i < j && a[i] == b[i] {
		i++
	}
	for j > i && a[j-1] == b[j-1+len(b)-len(a)] {
		j--
	}
	// a[i:j] and b[i:j+len(b)-len(a)] differ: at most one letter, or a swap of two.
	d := len(b) - len(a)
	return d <= 1 && j-i <= 1 || d == 0 && j-i == 2 && a[i] == b[i+1] && a[i+1] == b[i]
}
