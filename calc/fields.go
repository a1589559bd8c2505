package calc

// The query contract (BRIEF §8): one table of the fields every interface accepts — the
// command-line flags, the URL parameters, the JS API's object — with their kind, allowed
// values, default and limits. ParseQuery reads it, Query.Values writes it back, the command
// line builds its flags from it, and the page gets it through Honoraria.meta().

// A DoctorStatus is the doctor's adherence to the national agreement.
type DoctorStatus string

// Doctor statuses: fully conventioned, partially conventioned inside or outside the
// declared blocks, not conventioned.
const (
	Conventioned    DoctorStatus = "conventioned"
	PartialAgreed   DoctorStatus = "partial-agreed"
	PartialFree     DoctorStatus = "partial-free"
	NonConventioned DoctorStatus = "nonconventioned"
)

// A Setting is where the service is given: ambulatory care, or a hospital stay (single or
// shared room, classic or day hospital).
type Setting string

// Settings.
const (
	Ambulatory     Setting = "ambulatory"
	HospitalSingle Setting = "hospital-single"
	HospitalShared Setting = "hospital-shared"
	DaySingle      Setting = "day-single"
	DayShared      Setting = "day-shared"
)

// A PreferentialKind says how a patient has the preferential regime (BIM): through a
// social benefit (automatic) or an income test. The zero value is "not said".
type PreferentialKind string

// Preferential kinds.
const (
	PreferentialAutomatic PreferentialKind = "automatic"
	PreferentialIncome    PreferentialKind = "income"
)

// A Band is a patient band of the GP home-visit tables; the zero Band is every patient.
type Band string

// Bands.
const (
	BandUnder10         Band = "under-10"
	Band10To75          Band = "10-to-75"
	BandOver75OrChronic Band = "over-75-or-chronic"
)

// BandAges gives each home-visit band the youngest age in it: the age that quotes a band
// when only the band is known (the coverage report, the price poster's rows by band).
func BandAges() []struct {
	Band Band
	Age  int
} {
	return []struct {
		Band Band
		Age  int
	}{{BandUnder10, 0}, {Band10To75, 10}, {BandOver75OrChronic, 75}}
}

// A Field is one query field of the contract.
type Field struct {
	Name    string   // as the command-line flag (without dashes), the URL parameter and the JS key
	Kind    string   // code, date, enum, bool, int, amount, lang
	Values  []string // the allowed values of an enum (and lang)
	Default string   // the value when not given ("" = none)
	Min     int      // int: the range
	Max     int
}

// Fields returns the query contract, in the order interfaces list the fields.
func Fields() []Field {
	return []Field{
		{Name: "code", Kind: "code"},
		{Name: "date", Kind: "date"},
		{Name: "insured", Kind: "enum", Values: []string{"ordinary", "preferential"}, Default: "ordinary"},
		{Name: "preferential-kind", Kind: "enum", Values: []string{string(PreferentialAutomatic), string(PreferentialIncome)}},
		{Name: "dmg", Kind: "bool", Default: "false"},
		{Name: "age", Kind: "int", Min: 0, Max: maxAge},
		{Name: "chronic", Kind: "bool", Default: "false"},
		{Name: "referred", Kind: "bool", Default: "false"},
		{Name: "doctor", Kind: "enum", Values: []string{string(Conventioned), string(PartialAgreed), string(PartialFree), string(NonConventioned)}, Default: string(Conventioned)},
		{Name: "setting", Kind: "enum", Values: []string{string(Ambulatory), string(HospitalSingle), string(HospitalShared), string(DaySingle), string(DayShared)}, Default: string(Ambulatory)},
		{Name: "on-duty", Kind: "bool", Default: "false"},
		{Name: "special-request", Kind: "bool", Default: "false"},
		{Name: "household-income", Kind: "amount", Max: maxIncome},
		{Name: "dependants", Kind: "int", Min: 0, Max: maxDependants}, // with household-income
		{Name: "titulaires", Kind: "int", Min: 1, Max: maxTitulaires}, // with household-income
		{Name: "paid", Kind: "amount", Max: maxPaid},
		{Name: "third-party", Kind: "bool", Default: "false"},
		{Name: "lang", Kind: "lang", Values: []string{string(EN), string(FR), string(NL), string(DE)}, Default: string(EN)},
		{Name: "training", Kind: "bool", Default: "false"},
	}
}

// QueryFields lists the fields ParseQuery accepts, named as the command-line flags.
func QueryFields() []string {
	fs := Fields()
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Name
	}
	return out
}

// BoolFields lists the yes/no fields (flags that may be given without a value).
func BoolFields() []string {
	var out []string
	for _, f := range Fields() {
		if f.Kind == "bool" {
			out = append(out, f.Name)
		}
	}
	return out
}

// Object returns the field for the interfaces (Honoraria.meta().fields).
func (f Field) Object() map[string]any {
	o := obj("name", f.Name, "kind", f.Kind, "values", stringsToAny(f.Values), "default", optString(f.Default))
	if f.Kind == "int" {
		o["min"], o["max"] = itoa(f.Min), itoa(f.Max)
	}
	if f.Kind == "amount" {
		o["max"] = itoa(f.Max)
	}
	return o
}

// field returns the contract's field of that name.
func field(name string) Field {
	for _, f := range Fields() {
		if f.Name == name {
			return f
		}
	}
	return Field{}
}

// enumError is the input error for a value outside an enum field's values.
func enumError(name, v string) *InputError {
	vals := field(name).Values
	msg := "must be "
	for i, x := range vals {
		switch {
		case i == 0:
		case i == len(vals)-1:
			msg += " or "
		default:
			msg += ", "
		}
		msg += x
	}
	return inputError(name, v, msg)
}
