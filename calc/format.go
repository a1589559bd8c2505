package calc

import (
	"strings"

	"github.com/shopspring/decimal"
)

// FormatEuros writes an amount as readers of the language read it, rounded half away
// from zero to the cent: "5 881,81 €" in French (a narrow no-break space between
// thousands), "5.881,81 €" in Dutch, German and Belgian English. It is the rule of the
// page's formatter (site/format.js, Intl with fr-BE, nl-BE, de-BE, en-BE), so the command
// line and the page print the same.
func FormatEuros(d decimal.Decimal, l Lang) string {
	var buf [48]byte
	return string(appendFormatEuros(buf[:0], d, l))
}

// appendFormatEuros appends FormatEuros(d, l).
func appendFormatEuros(b []byte, d decimal.Decimal, l Lang) []byte {
	var num [32]byte
	s := appendEuros(num[:0], d)
	if len(s) > 0 && s[0] == '-' {
		b, s = append(b, '-'), s[1:]
	}
	whole, cents := s[:len(s)-3], s[len(s)-2:]
	group := "."
	if l == FR {
		group = "\u202f"
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b = append(b, group...)
		}
		b = append(b, c)
	}
	b = append(b, ',')
	b = append(b, cents...)
	return append(b, " €"...)
}

// Message returns the text of a message key (messages.csv) in a language: the one
// translation store of the engine, the command line and the pages.
func (ds *Dataset) Message(l Lang, key string) string { return ds.text(l, key, nil) }

// monthNames are the months as each language writes a date in words.
func monthNames(l Lang) [12]string {
	switch l {
	case FR:
		return [12]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	case NL:
		return [12]string{"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"}
	case DE:
		return [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	}
	return [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
}

// FormatDate writes a date as readers of the language read it, as the page does (Intl,
// day, long month, year): "1 mars 2024", "1 maart 2024", "1. März 2024", "1 March 2024".
func FormatDate(d Date, l Lang) string {
	if d == 0 {
		return ""
	}
	var buf [32]byte
	return string(appendFormatDate(buf[:0], d, l))
}

// appendFormatDate appends FormatDate(d, l).
func appendFormatDate(b []byte, d Date, l Lang) []byte {
	if d == 0 {
		return b
	}
	b = appendPadded(b, int(d)%100, 1)
	if l == DE {
		b = append(b, '.')
	}
	b = append(b, ' ')
	b = append(b, monthNames(l)[int(d)/100%100-1]...)
	b = append(b, ' ')
	return appendPadded(b, d.Year(), 1)
}

// FormatPeriod writes a period in words: "du 1 janvier 2024 au 31 décembre 2024", or for
// an open one "à partir du 1 janvier 2026" (until further notice).
func FormatPeriod(p Period, l Lang) string {
	var buf [64]byte
	return string(appendFormatPeriod(buf[:0], p, l))
}

// appendFormatPeriod appends FormatPeriod(p, l).
func appendFormatPeriod(b []byte, p Period, l Lang) []byte {
	var open, from, to string // the words before the start, before it when there is an end, before the end
	switch l {
	case FR:
		open, from, to = "à partir du ", "du ", " au "
	case NL:
		open, from, to = "vanaf ", "van ", " tot "
	case DE:
		open, from, to = "ab dem ", "vom ", " bis "
	default:
		open, from, to = "from ", "from ", " to "
	}
	if p.To == 0 {
		return appendFormatDate(append(b, open...), p.From, l)
	}
	b = appendFormatDate(append(b, from...), p.From, l)
	return appendFormatDate(append(b, to...), p.To, l)
}

// appendLocalized appends a message's argument with its dates and periods in the reader's
// words. Arguments named from, date, period and periods carry a date (YYYY-MM-DD), a period
// or a list of periods separated by ", " (Period.String's form); others are appended as
// they are, as are values that do not read as their name says.
func appendLocalized(b []byte, l Lang, key, v string) []byte {
	switch key {
	case "from", "date":
		if d, err := ParseDate(v); err == nil {
			return appendFormatDate(b, d, l)
		}
	case "period", "periods":
		start := len(b)
		for rest := v; ; {
			s, more, found := strings.Cut(rest, ", ")
			from, to, ok := strings.Cut(s, " → ")
			a, err1 := ParseDate(from)
			z, err2 := ParseDate(to)
			if !ok || err1 != nil || (to != "" && err2 != nil) {
				return append(b[:start], v...)
			}
			b = appendFormatPeriod(b, Period{From: a, To: z}, l)
			if !found {
				return b
			}
			b, rest = append(b, ", "...), more
		}
	}
	return append(b, v...)
}
