package calc

import (
	"strings"

	"github.com/shopspring/decimal"
)

// A PosterLine is one row of the price poster (law of 27 October 2021): the insurance's
// and the patient's shares, the most a supplement may add and the most the patient may be
// asked in all. The engine computes it so that the page does no money arithmetic.
type PosterLine struct {
	Fee           decimal.Decimal
	Reimbursement *decimal.Decimal
	PersonalShare *decimal.Decimal
	Forbidden     bool             // no supplement may be charged: the maximum is 0.00
	Declared      bool             // the maximum is the one the doctor declared
	MaxSupplement *decimal.Decimal // nil when a supplement is allowed and none was declared
	Total         *decimal.Decimal // fee + maximum supplement; nil when the maximum is unknown
}

// maxDeclared bounds a declared supplement (euros for one service).
const maxDeclared = 99999

// ParseDeclared reads the supplement maximum a doctor declares for a service: euros with
// a dot or a comma and at most two decimals ("" = none declared).
func ParseDeclared(s string) (*decimal.Decimal, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	d, ok := parseCents(strings.Replace(s, ",", ".", 1))
	if !ok || d.IsNegative() || d.GreaterThan(decimal.NewFromInt(maxDeclared)) {
		return nil, inputError("max", s, "must be an amount in euros from 0 to 99999, with at most two decimals")
	}
	return &d, nil
}

// PosterLine returns the quote's poster row with the supplement maximum the doctor
// declared (nil when none): where no supplement may be charged the maximum is 0.00 and the
// total the fee; where one may, the declared maximum counts, and without one the maximum
// and the total are unknown.
func (res *Quote) PosterLine(declared *decimal.Decimal) PosterLine {
	p := PosterLine{Fee: res.Fee, Reimbursement: res.Reimbursement, PersonalShare: res.PersonalShare, Forbidden: !res.Supplement.Allowed}
	switch {
	case p.Forbidden:
		zero := decimal.Zero
		p.MaxSupplement = &zero
	case declared != nil:
		d := *declared
		p.MaxSupplement, p.Declared = &d, true
	}
	if p.MaxSupplement != nil {
		t := p.Fee.Add(*p.MaxSupplement)
		p.Total = &t
	}
	return p
}

// Object returns the poster row for the interfaces (amounts as strings, null when unknown).
func (p PosterLine) Object() map[string]any {
	fee := p.Fee
	return obj("fee", euros(fee), "reimbursement", optEuros(p.Reimbursement), "personal_share", optEuros(p.PersonalShare), "forbidden", p.Forbidden, "declared", p.Declared, "max_supplement", optEuros(p.MaxSupplement), "total", optEuros(p.Total))
}
