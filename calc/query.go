package calc

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// A Query is one question: a service on a date, for a patient and a doctor. Build it with
// [ParseQuery], which every interface (command line, URL, JS API) uses, so that they all
// accept and reject the same inputs. The zero Query has no code and no date and is not valid.
type Query struct {
	Code             Code
	Date             Date
	Preferential     bool             // intervention majorée / verhoogde tegemoetkoming (BIM)
	PreferentialKind PreferentialKind // "" when not said
	DMG              bool             // the patient has a global medical file (DMG/GMD)
	Age              int              // -1 when not given
	Chronic          bool
	Referred         bool // referred by the GP (specialist consultations)
	Doctor           DoctorStatus
	Setting          Setting
	OnDuty           bool // within the organised duty service (garde / wachtdienst)
	SpecialRequest   bool // an exigence particulière of the patient
	HouseholdIncome  *decimal.Decimal
	Dependants       int
	Titulaires       int
	Paid             *decimal.Decimal // bill check: what the patient paid at the desk
	ThirdParty       bool             // third-party payment asked for
	InTraining       bool             // the doctor is in training (médecin stagiaire / arts in opleiding)
	Lang             Lang
}

// Limits on numeric inputs: anything beyond is a typing error, not a real case.
const (
	maxAge        = 130
	maxDependants = 50
	maxTitulaires = 20
	maxPaid       = 100000    // euros paid for one service
	maxIncome     = 100000000 // household taxable income
)

// ParseQuery reads a query from field names (the command-line flag names without dashes)
// to values as typed. Values are trimmed of surrounding spaces; empty values mean "not
// given". Booleans accept 1/0, true/false, yes/no, on/off. Amounts have at most two
// decimals (cents: more is an error, never a silent rounding). Conflicting or incomplete
// fields are errors too: preferential-kind needs insured=preferential, household-income
// needs dependants or titulaires, and those need household-income. Unknown fields and bad values give an *InputError naming the field and
// the value; several errors are reported in field order, the first one returned.
func ParseQuery(in map[string]string) (Query, error) {
	q := Query{Age: -1, Doctor: Conventioned, Setting: Ambulatory, Titulaires: 1, Lang: EN}
	known := map[string]bool{}
	for _, f := range QueryFields() {
		known[f] = true
	}
	keys := make([]string, 0, len(in))
	for k := range in {
		keys = append(keys, k)
	}
	SortStrings(keys)
	for _, k := range keys {
		if !known[k] {
			return q, inputError(k, in[k], "unknown field (known: "+strings.Join(QueryFields(), ", ")+")")
		}
		if !utf8.ValidString(in[k]) {
			return q, inputError(k, string([]rune(in[k])), "not valid text") // invalid bytes as U+FFFD
		}
	}
	get := func(k string) string { return strings.TrimSpace(in[k]) }

	var err error
	if get("code") == "" {
		return q, inputError("code", "", "required: a 6-digit nomenclature code")
	}
	if q.Code, err = ParseCode(get("code")); err != nil {
		return q, err
	}
	if get("date") == "" {
		return q, inputError("date", "", "required: YYYY-MM-DD")
	}
	if q.Date, err = ParseDate(get("date")); err != nil {
		return q, inputError("date", get("date"), err.Error())
	}
	switch v := get("insured"); v {
	case "", "ordinary":
	case "preferential":
		q.Preferential = true
	default:
		return q, enumError("insured", v)
	}
	switch v := PreferentialKind(get("preferential-kind")); v {
	case "":
	case PreferentialAutomatic, PreferentialIncome:
		if !q.Preferential {
			return q, inputError("preferential-kind", string(v), "only for a preferential patient (insured=preferential)")
		}
		q.PreferentialKind = v
	default:
		return q, enumError("preferential-kind", string(v))
	}
	for _, b := range []struct {
		name string
		dst  *bool
	}{{"dmg", &q.DMG}, {"chronic", &q.Chronic}, {"referred", &q.Referred}, {"on-duty", &q.OnDuty},
		{"special-request", &q.SpecialRequest}, {"third-party", &q.ThirdParty}, {"training", &q.InTraining}} {
		if *b.dst, err = parseBool(b.name, get(b.name)); err != nil {
			return q, err
		}
	}
	if v := get("age"); v != "" {
		if q.Age, err = parseInt("age", v, 0, maxAge); err != nil {
			return q, err
		}
	}
	switch v := DoctorStatus(get("doctor")); v {
	case "":
	case Conventioned, PartialAgreed, PartialFree, NonConventioned:
		q.Doctor = v
	default:
		return q, enumError("doctor", string(v))
	}
	switch v := Setting(get("setting")); v {
	case "":
	case Ambulatory, HospitalSingle, HospitalShared, DaySingle, DayShared:
		q.Setting = v
	default:
		return q, enumError("setting", string(v))
	}
	if v := get("household-income"); v != "" {
		d, ok := parseCents(v)
		if !ok || d.GreaterThan(decimal.NewFromInt(maxIncome)) {
			return q, inputError("household-income", v, "must be an amount in euros from 0 to 100000000, with a dot and at most two decimals")
		}
		q.HouseholdIncome = &d
	}
	if v := get("dependants"); v != "" {
		if q.Dependants, err = parseInt("dependants", v, 0, maxDependants); err != nil {
			return q, err
		}
	}
	if v := get("titulaires"); v != "" {
		if q.Titulaires, err = parseInt("titulaires", v, 1, maxTitulaires); err != nil {
			return q, err
		}
	}
	// The household's composition goes with its income: the income clause's ceiling
	// depends on both, and neither is assumed.
	switch income, dep, tit := get("household-income"), get("dependants"), get("titulaires"); {
	case income != "" && dep == "" && tit == "":
		return q, inputError("dependants", "", "required with household-income: the number of dependants (0 when none), or --titulaires")
	case income == "" && dep != "":
		return q, inputError("dependants", dep, "only with household-income")
	case income == "" && tit != "":
		return q, inputError("titulaires", tit, "only with household-income")
	}
	if v := get("paid"); v != "" {
		d, ok := parseCents(v)
		if !ok || d.GreaterThan(decimal.NewFromInt(maxPaid)) {
			return q, inputError("paid", v, "must be an amount in euros from 0 to 100000, with a dot and at most two decimals (cents)")
		}
		d = Cents(d) // "5" → 5.00: written as cents without rounding again (appendEuros)
		q.Paid = &d
	}
	if v := get("lang"); v != "" {
		l, ok := parseLang(v)
		if !ok {
			return q, inputError("lang", v, "must be fr, nl, de or en")
		}
		q.Lang = l
	}
	return q, nil
}

func parseBool(field, v string) (bool, error) {
	switch lower(v) {
	case "", "0", "false", "no", "off":
		return false, nil
	case "1", "true", "yes", "on":
		return true, nil
	}
	return false, inputError(field, v, "must be true or false (1 or 0)")
}

func parseInt(field, v string, min, max int) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || !allDigits(strings.TrimPrefix(v, "+"), 1, 4) {
		return 0, inputError(field, v, "must be a whole number from "+strconv.Itoa(min)+" to "+strconv.Itoa(max))
	}
	if n < min || n > max {
		return 0, inputError(field, v, "out of range "+strconv.Itoa(min)+"–"+strconv.Itoa(max))
	}
	return n, nil
}

// Values returns the query as field → value, the inverse of ParseQuery, with defaults
// written out (the household's composition only with its income). Interfaces echo it so that a result says exactly what it answers.
func (q Query) Values() map[string]string {
	pairs := q.valuePairs()
	m := make(map[string]string, len(pairs))
	for _, p := range pairs {
		m[p[0]] = p[1]
	}
	return m
}

// valuePairs returns the query's fields (QueryFields) and values ("" for a value not
// given), sorted by field name: the order an answer writes its query in (Quote.AppendJSON).
func (q Query) valuePairs() [19][2]string {
	insured, age, income, paid, dependants, titulaires := "ordinary", "", "", "", "", ""
	if q.Preferential {
		insured = "preferential"
	}
	if q.Age >= 0 {
		age = strconv.Itoa(q.Age)
	}
	if q.HouseholdIncome != nil {
		income = euros(*q.HouseholdIncome)
		dependants, titulaires = strconv.Itoa(q.Dependants), strconv.Itoa(q.Titulaires)
	}
	if q.Paid != nil {
		paid = euros(*q.Paid)
	}
	return [...][2]string{{"age", age}, {"chronic", strconv.FormatBool(q.Chronic)}, {"code", string(q.Code)}, {"date", q.Date.String()},
		{"dependants", dependants}, {"dmg", strconv.FormatBool(q.DMG)}, {"doctor", string(q.Doctor)}, {"household-income", income},
		{"insured", insured}, {"lang", string(q.Lang)}, {"on-duty", strconv.FormatBool(q.OnDuty)}, {"paid", paid},
		{"preferential-kind", string(q.PreferentialKind)}, {"referred", strconv.FormatBool(q.Referred)}, {"setting", string(q.Setting)},
		{"special-request", strconv.FormatBool(q.SpecialRequest)}, {"third-party", strconv.FormatBool(q.ThirdParty)},
		{"titulaires", titulaires}, {"training", strconv.FormatBool(q.InTraining)}}
}
