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
	s := euros(d)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, cents, _ := strings.Cut(s, ".")
	group := "."
	if l == FR {
		group = "\u202f"
	}
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(r)
	}
	return sign + b.String() + "," + cents + " €"
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
	day := itoa(int(d) % 100)
	if l == DE {
		day += "."
	}
	return day + " " + monthNames(l)[int(d)/100%100-1] + " " + itoa(d.Year())
}

// FormatPeriod writes a period in words: "du 1 janvier 2024 au 31 décembre 2024", or for
// an open one "à partir du 1 janvier 2026" (until further notice).
func FormatPeriod(p Period, l Lang) string {
	from, to := FormatDate(p.From, l), FormatDate(p.To, l)
	switch l {
	case FR:
		if p.To == 0 {
			return "à partir du " + from
		}
		return "du " + from + " au " + to
	case NL:
		if p.To == 0 {
			return "vanaf " + from
		}
		return "van " + from + " tot " + to
	case DE:
		if p.To == 0 {
			return "ab dem " + from
		}
		return "vom " + from + " bis " + to
	}
	if p.To == 0 {
		return "from " + from
	}
	return "from " + from + " to " + to
}

// localize writes the dates and periods of a message's arguments in the reader's words.
// Arguments named from, date, period and periods carry a date (YYYY-MM-DD), a period or a
// list of periods separated by ", " (Period.String's form).
func localize(l Lang, key, v string) string {
	switch key {
	case "from", "date":
		if d, err := ParseDate(v); err == nil {
			return FormatDate(d, l)
		}
	case "period", "periods":
		parts := strings.Split(v, ", ")
		for i, s := range parts {
			from, to, ok := strings.Cut(s, " → ")
			a, err1 := ParseDate(from)
			b, err2 := ParseDate(to)
			if !ok || err1 != nil || (to != "" && err2 != nil) {
				return v
			}
			parts[i] = FormatPeriod(Period{From: a, To: b}, l)
		}
		return strings.Join(parts, ", ")
	}
	return v
}
