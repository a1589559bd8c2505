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
