package calc

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Service is a code as the search lists it: labels, category and the dates covered.
type Service struct {
	Code    Code
	LabelFR string
	LabelNL string
	// LabelDE and LabelEN are the project's translations of the label German and English
	// readers see (the French one, else the Dutch one): not official (labels.go).
	LabelDE, LabelEN string
	Category         string
	Specialty        string
	From, To         Date // first and last day covered by data (To zero: open)
}

// Object returns the service for the interfaces.
func (s Service) Object() map[string]any {
	return obj("code", string(s.Code), "label_fr", optString(s.LabelFR), "label_nl", optString(s.LabelNL), "category", s.Category, "specialty", optString(s.Specialty), "from", s.From.String(), "to", optString(s.To.String()))
}

// Search finds services by code prefix (digits) or by words that all occur in the French or
// Dutch label, ignoring case and accents. Results are sorted by code; at most limit.
func (ds *Dataset) Search(text string, limit int) []Service {
	return ds.Index().Search(text, 0, limit)
}

// An Index is the label search over every code of a dataset: what the search box needs
// and nothing else, so the web page can search the whole nomenclature without loading
// its figures. Build it from a dataset ([Dataset.Index]) or read it back from its file
// ([ParseIndex], written by [Index.Encode]); both search alike. The words of the labels,
// categories and specialties are kept once each, with the services that use them, so a
// keystroke scans the vocabulary, not every label.
type Index struct {
	services []Service        // sorted by code
	vocab    []string         // distinct words of the labels, categories, specialties
	post     [][]int32        // per word of vocab: the services that use it
	word     map[string]int32 // word → its place in vocab
	syn      *Synonyms        // the search's word list (synonyms.csv), may be nil
}

// IndexFile is the name the build gives the search index's file.
const IndexFile = "search.csv"

func indexColumns() []string {
	return []string{"code", "label_fr", "label_nl", "label_de", "label_en", "category", "specialty", "from", "to"}
}

// Index lists every code of the dataset with its labels and the dates its data covers;
// it searches with the dataset's synonyms.
func (ds *Dataset) Index() *Index {
	ix := &Index{}
	for _, code := range ds.Codes() {
		ix.add(ds.service(code))
	}
	return ix.UseSynonyms(ds)
}

// UseSynonyms makes the index search with ds's word list (synonyms.csv); it returns ix.
func (ix *Index) UseSynonyms(ds *Dataset) *Index {
	ix.syn = ds.synonyms
	return ix
}

func (ix *Index) add(s Service) {
	if ix.word == nil {
		ix.word = map[string]int32{}
	}
	n := int32(len(ix.services))
	ix.services = append(ix.services, s)
	words := tokens(fold(s.LabelFR + " " + s.LabelNL + " " + s.Category + " " + s.Specialty))
	words = append(words, "category:"+s.Category, "specialty:"+s.Specialty)
	for _, w := range words {
		j, ok := ix.word[w]
		if !ok {
			j = int32(len(ix.vocab))
			ix.word[w] = j
			ix.vocab = append(ix.vocab, w)
			ix.post = append(ix.post, nil)
		}
		if p := ix.post[j]; len(p) == 0 || p[len(p)-1] != n {
			ix.post[j] = append(p, n)
		}
	}
}

// Len is the number of services in the index.
func (ix *Index) Len() int { return len(ix.services) }

// Encode writes the index as CSV (columns code,label_fr,label_nl,label_de,label_en,category,
// specialty,from,to).
func (ix *Index) Encode() []byte {
	var b strings.Builder
	b.WriteString(strings.Join(indexColumns(), ",") + "\n")
	for _, s := range ix.services {
		for i, v := range []string{string(s.Code), s.LabelFR, s.LabelNL, s.LabelDE, s.LabelEN, s.Category, s.Specialty, s.From.String(), s.To.String()} {
			if i > 0 {
				b.WriteByte(',')
			}
			if strings.ContainsAny(v, ",\"\r\n") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			b.WriteString(v)
		}
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// ParseIndex reads an index written by [Index.Encode]. (Its errors are terse: the
// function is in the wasm, and the build wrote the file.)
func ParseIndex(f File) (*Index, error) {
	recs, err := readTable(f, indexColumns())
	if err != nil {
		return nil, err
	}
	ix := &Index{services: make([]Service, 0, len(recs))}
	for _, r := range recs {
		s := Service{Code: Code(r.get("code")), LabelFR: r.get("label_fr"), LabelNL: r.get("label_nl"), LabelDE: r.get("label_de"), LabelEN: r.get("label_en"),
			Category: r.get("category"), Specialty: r.get("specialty")}
		from, err1 := ParseDate(r.get("from"))
		to, err2 := ParseDate(r.get("to"))
		n := len(ix.services)
		if err1 != nil || (err2 != nil && r.get("to") != "") || !allDigits(string(s.Code), 6, 6) || n > 0 && ix.services[n-1].Code >= s.Code {
			return nil, r.fail("code", "a bad row, or codes out of order")
		}
		s.From, s.To = from, to
		ix.add(s)
	}
	return ix, nil
}

// Search finds services by code prefix (digits) or by words: each word of the query (or
// phrase of the word list) must occur in the French or Dutch label, the category or the
// specialty — itself, as a synonym (synonyms.csv: specialties and everyday words in FR, NL,
// DE and EN), or with one typo when it has five letters or more — ignoring case and
// accents. When no service has every word, those with the most of them are found. At most limit, best first: those whose data covers date first (all when date is
// zero), then the closest matches (a whole word before a word's start, before part of a
// word or a synonym, before a typo), then those still in force, then by code.
func (ix *Index) Search(text string, date Date, limit int) []Service {
	text = fold(strings.TrimSpace(text))
	if text == "" || limit <= 0 {
		return nil
	}
	n := len(ix.services)
	score := make([]int32, n) // < 0: a word is missing
	// What a service would score on the units it matches, and how many it matches: when no
	// service matches every unit ("prix visite patient 75 ans"), those that match the most
	// are shown rather than nothing.
	partial, matched := make([]int32, n), make([]int32, n)
	units := ix.units(tokens(text))
	for ui, u := range units {
		q := make([]uint8, n)
		ix.quality(u, ui == len(units)-1, q)
		for i := range score {
			if q[i] > 0 {
				partial[i] += int32(q[i])
				matched[i]++
			}
			if q[i] == 0 || score[i] < 0 {
				score[i] = -1
			} else {
				score[i] += int32(q[i])
			}
		}
	}
	prefixes := ix.codesIn(tokens(text))
	most := int32(0) // a query that names codes finds those codes, not partial matches
	if len(prefixes) > 0 {
		most = -1
	}
	for i := 0; i < len(score) && most >= 0; i++ {
		most = max(most, matched[i])
		if score[i] > 0 || len(units) == 0 {
			most = -1 // every unit matched somewhere (or there are none): no fallback
			break
		}
	}
	for i := range score {
		if len(units) == 0 {
			score[i] = -1
		} else if most > 0 && matched[i] == most {
			score[i] = partial[i]
		}
	}
	var best []int32 // the best limit services, best first
	for i, s := range ix.services {
		for _, p := range prefixes {
			if strings.HasPrefix(string(s.Code), p) {
				score[i] = 100
			}
		}
		if score[i] <= 0 {
			continue
		}
		k := len(best)
		for k > 0 && ix.before(int32(i), best[k-1], score, date) {
			k--
		}
		if k < limit {
			best = append(best, 0)
			copy(best[k+1:], best[k:])
			best[k] = int32(i)
			best = best[:min(len(best), limit)]
		}
	}
	out := make([]Service, len(best))
	for k, i := range best {
		out[k] = ix.services[i]
	}
	return out
}

// codesIn reads the codes a query names, as people write them: one code or its start
// ("1010", "101076"), the same in groups ("101 076", "101.076"), or several codes
// ("101076-101080", the ambulatory and hospital codes of a pair), with words the list
// ignores ("code 101076") around them.
func (ix *Index) codesIn(words []string) []string {
	var digits []string
	for _, w := range words {
		if allDigits(w, 1, 6) {
			digits = append(digits, w)
		} else if e, ok := ix.syn.expandOf(w); !ok || len(e) > 0 {
			return nil
		}
	}
	joined := strings.Join(digits, "")
	if len(digits) > 1 && len(joined) > 6 {
		for _, d := range digits {
			if len(d) != 6 {
				return nil
			}
		}
		return digits
	}
	if joined == "" || len(joined) > 6 {
		return nil
	}
	return []string{joined}
}

// before: service i ranks before service j.
func (ix *Index) before(i, j int32, score []int32, date Date) bool {
	a, b := ix.services[i], ix.services[j]
	if date != 0 {
		ca, cb := (Period{From: a.From, To: a.To}).Contains(date), (Period{From: b.From, To: b.To}).Contains(date)
		if ca != cb {
			return ca
		}
	}
	if score[i] != score[j] {
		return score[i] > score[j]
	}
	if a.To != b.To {
		return a.To == 0 || b.To != 0 && a.To > b.To
	}
	return a.Code < b.Code
}

// units groups the query's words: a phrase of the word list (the longest, up to four
// words) is one unit; a word the list ignores is dropped when there are others.
func (ix *Index) units(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		u := words[i]
		if ix.syn != nil {
			for k := min(len(words), i+4); k > i+1; k-- {
				if p := strings.Join(words[i:k], " "); ix.syn.expand[p] != nil {
					u, i = p, k-1
					break
				}
			}
			if e, ok := ix.syn.expand[u]; ok && len(e) == 0 && len(words) > 1 {
				continue
			}
		}
		out = append(out, u)
	}
	return out
}

// quality sets q[i] to how well service i matches the unit u (0: not at all): 8 the whole
// word, 6 its start, 4 inside a word or through the word list, 3 a word-list term begun
// (the last word, being typed); only when none of these matches any service, 1 for one
// typo away (a word of five letters or more).
func (ix *Index) quality(u string, last bool, q []uint8) {
	one := !strings.Contains(u, " ")
	if one {
		ix.words(u, 8, 6, 4, q)
	}
	if ix.syn != nil {
		for _, t := range ix.syn.terms {
			if t == u {
				ix.expand(t, 4, q)
			} else if last && len(u) >= 3 && strings.HasPrefix(t, u) {
				ix.expand(t, 3, q)
			}
		}
	}
	for _, v := range q {
		if v > 0 || len(u) < 5 {
			return
		}
	}
	if ix.syn != nil {
		for _, t := range ix.syn.terms {
			if near(t, u) {
				ix.expand(t, 1, q)
			}
		}
	}
	for j, w := range ix.vocab {
		if one && near(w, u) {
			ix.mark(j, 1, q)
		}
	}
}

// words marks the services with a word equal to w, starting with it or (w of three
// letters or more) holding it.
func (ix *Index) words(w string, whole, start, inside uint8, q []uint8) {
	for j, v := range ix.vocab {
		switch {
		case v == w:
			ix.mark(j, whole, q)
		case strings.HasPrefix(v, w):
			ix.mark(j, start, q)
		case len(w) >= 3 && strings.Contains(v, w):
			ix.mark(j, inside, q)
		}
	}
}

func (ix *Index) expand(term string, level uint8, q []uint8) {
	for _, e := range ix.syn.expand[term] {
		if strings.Contains(e, ":") {
			if j, ok := ix.word[e]; ok {
				ix.mark(int(j), level, q)
			}
		} else {
			ix.words(e, level, level, level, q)
		}
	}
}

func (ix *Index) mark(j int, level uint8, q []uint8) {
	for _, i := range ix.post[j] {
		q[i] = max(q[i], level)
	}
}

// service summarises a code's rows, labels taken from the latest row that has them.
func (ds *Dataset) service(code Code) Service {
	rows := append([]Tariff(nil), ds.tariffs[code]...)
	insertionSort(len(rows), func(i, j int) bool { return rows[i].Period.From < rows[j].Period.From }, func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	s := Service{Code: code, Category: rows[0].Category, Specialty: rows[0].Specialty, From: rows[0].Period.From}
	for _, r := range rows {
		if r.LabelFR != "" {
			s.LabelFR = r.LabelFR
		}
		if r.LabelNL != "" {
			s.LabelNL = r.LabelNL
		}
		if r.Period.To > s.To {
			s.To = r.Period.To
		}
	}
	for _, r := range rows {
		if r.Period.To == 0 {
			s.To = 0
		}
	}
	shown := s.LabelFR
	if shown == "" {
		shown = s.LabelNL
	}
	if tr := ds.translation(code, DE, shown); tr != nil {
		s.LabelDE = tr.Label
	}
	if tr := ds.translation(code, EN, shown); tr != nil {
		s.LabelEN = tr.Label
	}
	return s
}

// lower is strings.ToLower without strings.Map and its helpers (~6 KB of wasm): letters
// by unicode.ToLower, invalid bytes as U+FFFD (as strings.ToLower does).
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			rs := []rune(s)
			for j, r := range rs {
				rs[j] = unicode.ToLower(r)
			}
			return string(rs)
		}
	}
	return s
}

// plainASCII reports whether s is ASCII without capitals.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// fold lowers case and strips the accents used in French, Dutch and German labels.
func fold(s string) string {
	if plainASCII(s) {
		return s // nothing to lower or strip: no copy (the start-up folds every synonym)
	}
	var b strings.Builder
	for _, r := range lower(s) {
		switch r {
		case 'à', 'á', 'â', 'ä', 'ã':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'î', 'ï', 'í':
			r = 'i'
		case 'ô', 'ö', 'ó':
			r = 'o'
		case 'û', 'ü', 'ù', 'ú':
			r = 'u'
		case 'ç':
			r = 'c'
		case 'ß':
			b.WriteString("ss")
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	SortStrings(out)
	return out
}
