package calc

import (
	"strings"
)

// A Service is a code as the search lists it: labels, category and the dates covered.
type Service struct {
	Code      Code
	LabelFR   string
	LabelNL   string
	Category  string
	Specialty string
	From, To  Date // first and last day covered by data (To zero: open)
}

// Object returns the service for the interfaces.
func (s Service) Object() map[string]any {
	return map[string]any{"code": string(s.Code), "label_fr": optString(s.LabelFR), "label_nl": optString(s.LabelNL),
		"category": s.Category, "specialty": optString(s.Specialty), "from": s.From.String(), "to": optString(s.To.String())}
}

// Search finds services by code prefix (digits) or by words that all occur in the French or
// Dutch label, ignoring case and accents. Results are sorted by code; at most limit.
func (ds *Dataset) Search(text string, limit int) []Service {
	return ds.Index().Search(text, 0, limit)
}

// An Index is the label search over every code of a dataset: what the search box needs
// and nothing else, so the web page can search the whole nomenclature without loading
// its figures. Build it from a dataset ([Dataset.Index]) or read it back from its file
// ([ParseIndex], written by [Index.Encode]); both search alike.
type Index struct {
	services []Service // sorted by code
	hay      []string  // per service: folded labels, category and specialty
}

// IndexFile is the name the build gives the search index's file.
const IndexFile = "search.csv"

func indexColumns() []string {
	return []string{"code", "label_fr", "label_nl", "category", "specialty", "from", "to"}
}

// Index lists every code of the dataset with its labels and the dates its data covers.
func (ds *Dataset) Index() *Index {
	ix := &Index{}
	for _, code := range ds.Codes() {
		ix.add(ds.service(code))
	}
	return ix
}

func (ix *Index) add(s Service) {
	ix.services = append(ix.services, s)
	ix.hay = append(ix.hay, fold(s.LabelFR+" "+s.LabelNL+" "+s.Category+" "+s.Specialty))
}

// Len is the number of services in the index.
func (ix *Index) Len() int { return len(ix.services) }

// Encode writes the index as CSV (columns code,label_fr,label_nl,category,specialty,from,to).
func (ix *Index) Encode() []byte {
	var b strings.Builder
	b.WriteString(strings.Join(indexColumns(), ",") + "\n")
	for _, s := range ix.services {
		for i, v := range []string{string(s.Code), s.LabelFR, s.LabelNL, s.Category, s.Specialty, s.From.String(), s.To.String()} {
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
	ix := &Index{services: make([]Service, 0, len(recs)), hay: make([]string, 0, len(recs))}
	for _, r := range recs {
		s := Service{Code: Code(r.get("code")), LabelFR: r.get("label_fr"), LabelNL: r.get("label_nl"), Category: r.get("category"), Specialty: r.get("specialty")}
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

// Search finds services by code prefix (digits) or by words that all occur in the French or
// Dutch label (or the category), ignoring case and accents; at most limit, in code order,
// those whose data covers date first (every one when date is zero).
func (ix *Index) Search(text string, date Date, limit int) []Service {
	text = fold(strings.TrimSpace(text))
	if text == "" || limit <= 0 {
		return nil
	}
	words := strings.Fields(text)
	var first, later []Service
	for i, s := range ix.services {
		match := strings.HasPrefix(string(s.Code), text)
		if !match {
			match = true
			for _, w := range words {
				if !strings.Contains(ix.hay[i], w) {
					match = false
					break
				}
			}
		}
		switch {
		case !match:
		case date == 0 || (Period{From: s.From, To: s.To}).Contains(date):
			first = append(first, s)
			if len(first) == limit {
				return first
			}
		case len(later) < limit:
			later = append(later, s)
		}
	}
	return append(first, later[:min(len(later), limit-len(first))]...)
}

// service summarises a code's rows, labels taken from the latest row that has them.
func (ds *Dataset) service(code Code) Service {
	rows := append([]Tariff(nil), ds.tariffs[code]...)
	insertionSort(rows, func(a, b Tariff) bool { return a.Period.From < b.Period.From })
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
	return s
}

// fold lowers case and strips the accents used in French, Dutch and German labels.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
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
