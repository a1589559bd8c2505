package calc

import (
	"strconv"
	"strings"
)

// The registry (data/registry.csv) declares every rule parameter (rules.csv) and year
// parameter (YYYY/parameters.csv) the engine knows: its name, what its value is, its unit,
// its label in four languages and a description. The loader checks each row of rules.csv
// and parameters.csv against it; the interfaces show its labels. A rule's logic stays in
// Go (rules.go documents each one); a test makes sure the two name the same rules.
//
// Value kinds: amount, amount-or-none (an amount, or "none"), integer, percent, empty,
// text, date, specialties (;-separated, data/README.md), one-of:a;b;c. A name may end in
// a pattern: "maf.bracket.*.upto" (one digit 1–9 for the star), "amount.*" (a slug of
// lower-case letters, digits and _).

// A RegistryEntry is one row of registry.csv.
type RegistryEntry struct {
	Name        string
	Applies     string // rule or parameter
	Value       string
	Unit        string // eur, percent, years or ""
	Labels      map[Lang]string
	Description string
}

func registryColumns() []string {
	return []string{"name", "applies", "value", "unit", "label_en", "label_fr", "label_nl", "label_de", "description"}
}

func (ds *Dataset) readRegistry(f File) error {
	recs, err := readTable(f, registryColumns())
	if err != nil {
		return err
	}
	for _, r := range recs {
		e := RegistryEntry{Name: r.get("name"), Applies: r.get("applies"), Value: r.get("value"), Unit: r.get("unit"),
			Description: r.get("description"), Labels: map[Lang]string{}}
		if e.Name == "" {
			return r.fail("name", "empty")
		}
		if _, dup := ds.registry[e.Name]; dup {
			return r.fail("name", strconv.Quote(e.Name)+" is declared twice")
		}
		if e.Applies != "rule" && e.Applies != "parameter" {
			return r.fail("applies", strconv.Quote(e.Applies)+" is not rule or parameter")
		}
		switch v := e.Value; {
		case oneOf(v, []string{"amount", "amount-or-none", "integer", "percent", "empty", "text", "date", "specialties"}):
		case strings.HasPrefix(v, "one-of:") && len(v) > len("one-of:"):
		default:
			return r.fail("value", strconv.Quote(v)+" is not a value kind (amount, amount-or-none, integer, percent, empty, text, date, specialties, one-of:a;b)")
		}
		if !oneOf(e.Unit, []string{"", "eur", "percent", "years"}) {
			return r.fail("unit", strconv.Quote(e.Unit)+" is not eur, percent, years or empty")
		}
		for _, l := range textLangs {
			if e.Labels[l] = r.get("label_" + string(l)); e.Labels[l] == "" {
				return r.fail("label_"+string(l), "missing label")
			}
		}
		ds.registry[e.Name] = e
	}
	return nil
}

// entry returns the registry entry for a rule or parameter name, matching patterns.
func (ds *Dataset) entry(applies, name string) (RegistryEntry, bool) {
	if e, ok := ds.registry[name]; ok && e.Applies == applies {
		return e, true
	}
	for pattern, e := range ds.registry {
		prefix, suffix, wild := strings.Cut(pattern, "*")
		if !wild || e.Applies != applies || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, suffix) ||
			len(name) <= len(prefix)+len(suffix) {
			continue
		}
		star := name[len(prefix) : len(name)-len(suffix)]
		if suffix != "" && !(len(star) == 1 && star[0] >= '1' && star[0] <= '9') {
			continue // maf.bracket.N.upto: one digit
		}
		if suffix == "" && !isSlug(star) {
			continue // amount.<slug>
		}
		return e, true
	}
	return RegistryEntry{}, false
}

func isSlug(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return s != ""
}

// valueProblem checks a value against its entry's kind; "" when it fits.
func (e RegistryEntry) valueProblem(v string) string {
	_, isAmount := parseAmount(v)
	switch kind := e.Value; {
	case kind == "amount" || kind == "amount-or-none" && v != "none":
		if !isAmount {
			return "must be an amount"
		}
	case kind == "integer":
		if !allDigits(v, 1, 3) {
			return "must be a whole number"
		}
	case kind == "percent":
		if !isAmount {
			return "must be a percentage (1.95)"
		}
	case kind == "empty":
		if v != "" {
			return "must be empty"
		}
	case kind == "date":
		if _, err := ParseDate(v); err != nil {
			return err.Error()
		}
	case kind == "specialties":
		for _, s := range strings.Split(v, ";") {
			if !oneOf(s, specialtyNames()) {
				return strconv.Quote(s) + " is not a specialty"
			}
		}
	case strings.HasPrefix(kind, "one-of:"):
		if vals := strings.Split(kind[len("one-of:"):], ";"); !oneOf(v, vals) {
			return "must be one of " + strings.Join(vals, ", ")
		}
	}
	return ""
}

// Parameter returns the registry entry of a year parameter's name (patterns matched).
func (ds *Dataset) Parameter(name string) (RegistryEntry, bool) { return ds.entry("parameter", name) }

// Registry returns the declared rules and parameters, by name.
func (ds *Dataset) Registry() map[string]RegistryEntry { return ds.registry }
