package calc

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// FormatEuros writes an amount as readers of the language read it, rounded half away
// from zero to the cent: "5 881,81 €" in French (a narrow no-break space between
// thousands), "5.881,81 €" in Dutch, German and Belgian English. It is the rule of the
// page's formatter (site/format.js, Intl with fr-BE, nl-BE, de-BE, en-BE), so the command
// line and the page print the same.
func FormatEuros(d decimal.Decimal, l Lang) string {
	var num, out [48]byte // on the stack: one allocation, the string (issue 12.3)
	s := appendEuros(num[:0], d)
	b := out[:0]
	if len(s) > 0 && s[0] == '-' {
		b, s = append(b, '-'), s[1:]
	}
	whole, cents := s, s[len(s):]
	for i, c := range s {
		if c == '.' {
			whole, cents = s[:i], s[i+1:]
			break
		}
	}
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
	b = append(append(append(b, ','), cents...), " €"...)
	return string(b)
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
	var b strings.Builder
	writeDate(&b, d, l)
	return b.String()
}

// FormatPeriod writes a period in words: "du 1 janvier 2024 au 31 décembre 2024", or for
// an open one "à partir du 1 janvier 2026" (until further notice).
func FormatPeriod(p Period, l Lang) string {
	var b strings.Builder
	writePeriod(&b, p, l)
	return b.String()
}

// writeDate, writePeriod and writeLocalized write dates and periods in words straight into
// a message being filled in (Dataset.textOf): no string per date, period or part (issue
// 12.3: a quote's messages carry half a dozen dates). writeLocalized writes a message's
// argument: those named from, date, period and periods carry a date (YYYY-MM-DD), a period
// or a list of periods separated by ", " (Period.String's form), written in the reader's
// words; any other, or one that does not read, as it is.

func writeDate(b *strings.Builder, d Date, l Lang) {
	if d == 0 {
		return
	}
	var n [8]byte
	b.Write(strconv.AppendInt(n[:0], int64(d)%100, 10))
	if l == DE {
		b.WriteByte('.')
	}
	b.WriteByte(' ')
	b.WriteString(monthNames(l)[int(d)/100%100-1])
	b.WriteByte(' ')
	b.Write(strconv.AppendInt(n[:0], int64(d.Year()), 10))
}

func writePeriod(b *strings.Builder, p Period, l Lang) {
	open, from, to := "from ", "from ", " to "
	switch l {
	case FR:
		open, from, to = "à partir du ", "du ", " au "
	case NL:
		open, from, to = "vanaf ", "van ", " tot "
	case DE:
		open, from, to = "ab dem ", "vom ", " bis "
	}
	if p.To == 0 {
		b.WriteString(open)
		writeDate(b, p.From, l)
		return
	}
	b.WriteString(from)
	writeDate(b, p.From, l)
	b.WriteString(to)
	writeDate(b, p.To, l)
}

func writeLocalized(b *strings.Builder, l Lang, key, v string) {
	switch key {
	case "from", "date":
		if d, err := ParseDate(v); err == nil {
			writeDate(b, d, l)
			return
		}
	case "period", "periods":
		// All the periods in words, or v as it is when one of them does not read.
		if readPeriods(v, nil, l) {
			readPeriods(v, b, l)
			return
		}
	}
	b.WriteString(v)
}

// readPeriods reads a list of periods "YYYY-MM-DD → YYYY-MM-DD, YYYY-MM-DD → , …" and,
// when b is not nil, writes them in words, separated by ", ". It reports whether every
// period reads.
func readPeriods(v string, b *strings.Builder, l Lang) bool {
	for rest, more, n := v, true, 0; more; n++ {
		var s string
		s, rest, more = strings.Cut(rest, ", ")
		from, to, ok := strings.Cut(s, " → ")
		if !ok {
			return false
		}
		var p Period
		var err error
		if p.From, err = ParseDate(from); err != nil {
			return false
		}
		if to != "" {
			if p.To, err = ParseDate(to); err != nil {
				return false
			}
		}
		if b != nil {
			if n > 0 {
				b.WriteString(", ")
			}
			writePeriod(b, p, l)
		}
	}
	return true
}
