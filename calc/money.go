package calc

import (
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

// euros formats an amount the way every interface prints it: two decimals, a dot,
// rounded half away from zero at the cent.
func euros(d decimal.Decimal) string { return d.StringFixed(2) }
