package calc

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// parseAmount parses a non-negative euro amount the way data files and queries write it:
// 1–9 digits, optionally a dot and 1–6 decimals (the official export uses six). No sign,
// no comma, no exponent, no spaces.
func parseAmount(s string) (decimal.Decimal, bool) {
	intPart, frac, dot := s, "", false
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			intPart, frac, dot = s[:i], s[i+1:], true
			break
		}
	}
	if !allDigits(intPart, 1, 9) || (dot && !allDigits(frac, 1, 6)) {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	return d, err == nil
}

// allDigits reports whether s is ASCII digits only, with a length in [min, max].
func allDigits(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// The rounding rule. Every amount is rounded once, half up to the cent, where it enters
// the engine: data files (tariffs, prices, rule and year parameters — the official export
// writes six decimals), and queries (which accept at most two decimals, see ParseQuery).
// Everything the engine computes afterwards adds and subtracts whole cents, so the amounts
// an answer shows add up (fee = reimbursement + personal share) and every comparison (a
// bill check, a ceiling, the audit) compares the amounts shown, never hidden decimals.
//
// Cents rounds an amount half up (away from zero) to the cent: 10.005 → 10.01,
// 5.0025 → 5.00.
func Cents(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// parseMoney parses an amount as parseAmount does and rounds it to the cent: the entry
// point of amounts from data files.
func parseMoney(s string) (decimal.Decimal, bool) {
	d, ok := parseAmount(s)
	return Cents(d), ok
}

// parseCents parses an amount typed in a query: at most two decimals (cents); more is an
// error rather than a silent rounding, so that what is compared is what was typed.
func parseCents(s string) (decimal.Decimal, bool) {
	if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > 2 {
		return decimal.Decimal{}, false
	}
	return parseAmount(s)
}

// euros formats an amount the way every interface prints it: two decimals, a dot,
// rounded half away from zero at the cent.
func euros(d decimal.Decimal) string {
	var buf [24]byte
	return string(appendEuros(buf[:0], d))
}

// appendEuros appends euros(d). Amounts enter the engine rounded to the cent (two
// decimals: exponent -2), so their coefficient is the number of cents: written from an
// int64, without the big.Int arithmetic and strings of StringFixed (issue 12.3).
func appendEuros(b []byte, d decimal.Decimal) []byte {
	if d.Exponent() != -2 {
		d = d.Round(2)
	}
	if d.NumDigits() > 18 {
		return append(b, d.StringFixed(2)...)
	}
	c := d.CoefficientInt64()
	if c < 0 {
		b, c = append(b, '-'), -c
	}
	b = strconv.AppendInt(b, c/100, 10)
	return append(b, '.', byte('0'+c/10%10), byte('0'+c%10))
}
