package calc

import "strconv"

// A Date is a calendar day, stored as yyyymmdd so that dates compare as integers.
// The zero Date is "no date": it is before every real date and prints as "".
type Date int32

// Range of dates the calculator accepts. The bundled data starts in 2007.
const (
	minYear = 1990
	maxYear = 2100
)

// ParseDate parses YYYY-MM-DD. It rejects impossible days (2024-02-30) and years outside
// 1990–2100. (Written by hand rather than with time.Parse: the wasm build is smaller.)
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !allDigits(s[:4], 4, 4) || !allDigits(s[5:7], 2, 2) || !allDigits(s[8:], 2, 2) {
		return 0, errorString("not a date of the form YYYY-MM-DD")
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:])
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, errorString("no such day in the calendar")
	}
	if y < minYear || y > maxYear {
		return 0, errorString("out of range " + strconv.Itoa(minYear) + "–" + strconv.Itoa(maxYear))
	}
	return DateOf(y, m, d), nil
}

// errorString is a constant error message.
type errorString string

func (e errorString) Error() string { return string(e) }

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
	var buf [10]byte
	return string(appendDate(buf[:0], d))
}

// appendDate appends YYYY-MM-DD (nothing for the zero Date).
func appendDate(b []byte, d Date) []byte {
	if d == 0 {
		return b
	}
	b = appendPadded(b, int(d)/10000, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d)/100%100, 2)
	b = append(b, '-')
	return appendPadded(b, int(d)%100, 2)
}

// appendPadded appends n ≥ 0 in decimal, zero-padded to at least w digits.
func appendPadded(b []byte, n, w int) []byte {
	var digits [20]byte
	i := len(digits)
	for ; n > 0 || len(digits)-i < w; n /= 10 {
		i--
		digits[i] = byte('0' + n%10)
	}
	return append(b, digits[i:]...)
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
func (p Period) String() string {
	var buf [32]byte
	b := append(appendDate(buf[:0], p.From), " → "...)
	return string(appendDate(b, p.To))
}

// yearPeriod is the calendar year y.
func yearPeriod(y int) Period { return Period{From: DateOf(y, 1, 1), To: DateOf(y, 12, 31)} }

func dayAfter(d Date) Date {
	y, m, day := d.Year(), int(d)/100%100, int(d)%100
	if day < daysIn(y, m) {
		return DateOf(y, m, day+1)
	}
	if m < 12 {
		return DateOf(y, m+1, 1)
	}
	return DateOf(y+1, 1, 1)
}

func daysIn(y, m int) int {
	switch m {
	case 4, 6, 9, 11:
		return 30
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}
