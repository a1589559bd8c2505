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
	text = fold(strings.TrimSpace(text))
	if text == "" || limit <= 0 {
		return nil
	}
	words := strings.Fields(text)
	var out []Service
	for _, code := range ds.Codes() {
		s := ds.service(code)
		hay := fold(s.LabelFR + " " + s.LabelNL + " " + s.Category + " " + s.Specialty)
		match := strings.HasPrefix(string(code), text)
		if !match {
			match = true
			for _, w := range words {
				match = match && strings.Contains(hay, w)
			}
		}
		if match {
			out = append(out, s)
			if len(out) == limit {
				break
			}
		}
	}
	return out
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
	sortStrings(out)
	return out
}
