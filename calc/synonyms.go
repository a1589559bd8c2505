package calc

import (
	"strconv"
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
	seen := map[string]bool{}
	for _, r := range recs {
		words := tokens(fold(r.get("term")))
		term := strings.Join(words, " ")
		lang := r.get("lang")
		switch {
		case len(words) == 0 || len(words) > 4:
			return r.fail("term", "one to four words")
		case !oneOf(lang, []string{"fr", "nl", "de", "en"}):
			return r.fail("lang", strconv.Quote(lang)+" is not fr, nl, de or en")
		case seen[lang+" "+term]:
			return r.fail("term", strconv.Quote(term)+" is listed twice for "+lang)
		}
		seen[lang+" "+term] = true
		var exp []string
		for _, e := range strings.Split(r.get("expands"), ";") {
			if e = strings.TrimSpace(e); e == "" {
				continue
			}
			kind, v, named := strings.Cut(e, ":")
			if named && (kind != "category" && kind != "specialty" || v == "" || v != strings.ToLower(v) || strings.ContainsAny(v, " ,")) ||
				!named && (len(tokens(fold(e))) != 1 || fold(e) != e) {
				return r.fail("expands", strconv.Quote(e)+" is not a folded label word (lower case, no accents), category:NAME or specialty:NAME")
			}
			exp = append(exp, e)
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

// Synonyms returns the search's word list (nil when the data has none).
func (ds *Dataset) Synonyms() *Synonyms { return ds.synonyms }

// tokens splits folded text into words of letters and digits.
func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != '–' && r != '’' && r != '\u00a0')
	})
}

// near reports whether a and b are at most one edit apart: one letter inserted, deleted,
// replaced, or two neighbours swapped.
func near(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return true
	}
	if len(a) < len(b) {
		return a[i:] == b[i+1:]
	}
	return a[i+1:] == b[i+1:] || i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}
