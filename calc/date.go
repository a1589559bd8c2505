package calc

import (
	"fmt"
	"time"
)

// A Date is a calendar day, stored as yyyymmdd so that dates compare as integers.
// The zero Date is "no date": it is before every real date and prints as "".
type Date int32

// Range of dates the calculator accepts. The bundled data starts in 2007.
const (
	minYear = 1990
	maxYear = 2100
)

// ParseDate parses YYYY-MM-DD. It rejects impossible days (2024-02-30) and years outside
// 1990–2100.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s[:4]+s[5:7]+s[8:], 8, 8) {
		return 0, fmt.Errorf("not a date of the form YYYY-MM-DD")
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("no such day in the calendar")
	}
	if t.Year() < minYear || t.Year() > maxYear {
		return 0, fmt.Errorf("out of range %d–%d", minYear, maxYear)
	}
	return DateOf(t.Year(), int(t.Month()), t.Day()), nil
}

// DateOf returns the Date for a year, month and day, which must be valid.
func DateOf(year, month, day int) Date { return Date(year*10000 + month*100 + day) }

// Year returns the calendar year.
func (d Date) Year() int { return int(d) / 10000 }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == 0 }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", int(d)/10000, int(d)/100%100, int(d)%100)
}

// A Period is an inclusive range of days. A zero To means "until further notice".
type Period struct {
	From, To Date
}

// Contains reports whether d falls within p.
func (p Period) Contains(d Date) bool {
	return d >= p.From && (p.To == 0 || d <= p.To)
}

// Overlaps reports whether p and q share at least one day.
func (p Period) Overlaps(q Period) bool {
	return (q.To == 0 || p.From <= q.To) && (p.To == 0 || q.From <= p.To)
}

// String returns "2024-01-01 → 2024-12-31" or "2024-01-01 →" when open.
func (p Period) String() string { return p.From.String() + " → " + p.To.String() }
