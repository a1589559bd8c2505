package calc

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Comparisons: the same service for two to five cases side by side, and the sentences that
// say why one case pays less than another ("why does my neighbour pay less?"). The engine
// builds the cases, quotes each one and writes the sentences with their cause keys; the
// page and the command line only lay them out.

// Comparison kinds: the patient categories, the doctor's four statuses, the GP's referral,
// or the user's own cases.
const (
	ComparePatient  = "patient"
	CompareDoctor   = "doctor"
	CompareReferral = "referral"
	CompareCustom   = "custom"
)

// CompareKinds lists the kinds of comparison, the default first.
func CompareKinds() []string {
	return []string{ComparePatient, CompareDoctor, CompareReferral, CompareCustom}
}

// Limits on the user's own cases.
const (
	MinCases = 2
	MaxCases = 4
)

// caseFields are the fields a case may set (the others follow the base query).
var caseFields = []string{"insured", "dmg", "doctor", "referred", "age"}

// A Case is one column of a comparison: a key (stable, for tests and the page), its label
// in the query's language, and the fields it sets over the base query.
type Case struct {
	Key     string
	Label   string
	Title   string // the user's own cases: "Case 2" …
	Detail  string // … and what it sets, in words ("preferential, with DMG")
	Set     map[string]string
	Current bool // the base query itself ("your choice")
}

// A Column is a case answered: its query and quote, or the error that stopped it.
type Column struct {
	Case
	Query Query
	Quote *Quote
	Err   error
}

// A Cause is one reason in a difference sentence: the explanation step's key and its text.
type Cause struct {
	Key  string
	Text string
}

// A Difference is one sentence under a comparison: why (share, same, supplement, tp), its
// text in the query's language, and its facts for machines.
type Difference struct {
	Why           string
	Text          string
	Cheaper       string           // share: the cheaper case's key …
	Dearer        string           // … and the dearer one's
	Diff          *decimal.Decimal // share: how much less the cheaper case pays
	Causes        []Cause          // share: the steps that differ
	Reimbursement *decimal.Decimal // same: the common reimbursement, when it is common
	Cases         []string         // supplement: the cases where it is allowed; tp: where mandatory
}

// A Comparison is the answer to [Dataset.Compare].
type Comparison struct {
	Kind        string
	Lang        Lang
	Columns     []Column
	Differences []Difference
}

// ParseCase reads one of the user's own cases (fields insured, dmg, doctor, referred, age;
// empty values follow the base query). Unknown fields and bad values are input errors.
func ParseCase(in map[string]string) (map[string]string, error) {
	out := map[string]string{}
	for k, v := range in {
		v = strings.TrimSpace(v)
		known := false
		for _, f := range caseFields {
			known = known || f == k
		}
		if !known {
			return nil, inputError("case", k, "unknown case field (known: "+strings.Join(caseFields, ", ")+")")
		}
		switch k {
		case "dmg", "referred":
			b, err := parseBool(k, v)
			if err != nil {
				return nil, err
			}
			out[k] = strconv.FormatBool(b)
			continue
		case "age":
			if v == "" {
				continue
			}
			n, err := parseInt(k, v, 0, maxAge)
			if err != nil {
				return nil, err
			}
			v = strconv.Itoa(n)
		case "insured", "doctor":
			if v == "" {
				continue
			}
			if !contains(field(k).Values, v) {
				return nil, enumError(k, v)
			}
		}
		out[k] = v
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fixedCases are the cases of the patient comparison: the key, then the fields it sets.
var fixedCases = [][]string{
	{"scenario_ordinary", "insured", "ordinary", "dmg", "false"},
	{"scenario_ordinary_dmg", "insured", "ordinary", "dmg", "true"},
	{"scenario_preferential", "insured", "preferential", "dmg", "false"},
	{"scenario_preferential_dmg", "insured", "preferential", "dmg", "true"},
}

// Cases returns the cases of a kind of comparison in a language; custom holds the user's
// own cases (ParseCase), two to four of them. "Your choice" comes first except for the
// user's own cases.
func (ds *Dataset) Cases(kind string, custom []map[string]string, l Lang) ([]Case, error) {
	// Each case as its key, then the fields it sets (one loop builds them all: fewer call
	// sites in the wasm than a literal per case).
	var sets [][]string
	switch kind {
	case ComparePatient:
		sets = fixedCases
	case CompareDoctor:
		for _, d := range field("doctor").Values {
			sets = append(sets, []string{"scenario_doctor_" + d, "doctor", d})
		}
	case CompareReferral:
		for _, ins := range field("insured").Values {
			for _, ref := range []string{"notreferred", "referred"} {
				sets = append(sets, []string{"scenario_" + ins + "_dmg_" + ref, "insured", ins, "dmg", "true", "referred", strconv.FormatBool(ref == "referred")})
			}
		}
	case CompareCustom:
		if len(custom) < MinCases || len(custom) > MaxCases {
			return nil, inputError("cases", itoa(len(custom)), "between 2 and 4 cases")
		}
	default:
		return nil, inputError("compare", kind, "must be "+strings.Join(CompareKinds(), ", "))
	}
	var out []Case
	if kind != CompareCustom {
		out = append(out, Case{Key: "scenario_current", Label: ds.text(l, "compare.scenario_current", nil), Set: map[string]string{}, Current: true})
	}
	for _, s := range sets {
		out = append(out, Case{Key: s[0], Label: ds.text(l, "compare."+s[0], nil), Set: kv(s[1:]...)})
	}
	for i, in := range custom {
		set, err := ParseCase(in)
		if err != nil {
			return nil, err
		}
		n := itoa(i + 1)
		title, detail := ds.text(l, "compare.compare_col", kv("n", n)), ds.describeCase(set, l)
		out = append(out, Case{Key: "scenario_custom_" + n, Label: title + ": " + detail, Title: title, Detail: detail, Set: set})
	}
	return out, nil
}

// describeCase writes a custom case in a few words ("preferential, with DMG, 70 years").
func (ds *Dataset) describeCase(set map[string]string, l Lang) string {
	var words []string
	for _, f := range caseFields {
		v, ok := set[f]
		if !ok || v == "" {
			continue
		}
		key := v // insured: ordinary, preferential
		switch f {
		case "dmg":
			key = "nodmg"
			if v == "true" {
				key = "dmg"
			}
		case "referred":
			key = "notreferred"
			if v == "true" {
				key = "referred"
			}
		case "doctor":
			key = "doctor_" + v
		case "age":
			key = "age"
		}
		words = append(words, ds.text(l, "compare.compare_short_"+key, kv("age", v)))
	}
	if len(words) == 0 {
		return ds.text(l, "compare.compare_as_form", nil)
	}
	return strings.Join(words, ", ")
}

// Compare quotes a service for each case of a kind of comparison: base is the query's
// fields as ParseQuery reads them; every case sets a few of them over it. The bill (paid)
// is left out, and the preferential kind when a case's patient is not preferential. A case
// whose query fails keeps its error; Compare itself fails only on a bad kind or case.
func (ds *Dataset) Compare(base map[string]string, kind string, custom []map[string]string) (*Comparison, error) {
	l := EN
	if v, ok := parseLang(strings.TrimSpace(base["lang"])); ok {
		l = v
	}
	cases, err := ds.Cases(kind, custom, l)
	if err != nil {
		return nil, err
	}
	cmp := &Comparison{Kind: kind, Lang: l}
	for _, c := range cases {
		in := make(map[string]string, len(base)+len(c.Set))
		for _, m := range []map[string]string{base, c.Set} {
			for k, v := range m {
				in[k] = v
			}
		}
		delete(in, "paid")
		if strings.TrimSpace(in["insured"]) != "preferential" {
			delete(in, "preferential-kind")
		}
		col := Column{Case: c}
		if col.Query, col.Err = ParseQuery(in); col.Err == nil {
			col.Quote, col.Err = ds.Quote(col.Query)
		}
		cmp.Columns = append(cmp.Columns, col)
	}
	cmp.Differences = ds.differences(cmp.Columns, l)
	return cmp, nil
}

// nbspEuros is an amount for a sentence, kept on one line ("5,00 €").
func nbspEuros(d decimal.Decimal, l Lang) string {
	return strings.ReplaceAll(FormatEuros(d, l), " ", "\u00a0")
}

// shareOf is a column's personal share (the columns compared have one).
func shareOf(c *Column) decimal.Decimal { return *c.Quote.PersonalShare }

// extremes returns the first column that pays the least and the first that pays the most.
func extremes(cs []*Column) (lo, hi *Column) {
	lo, hi = cs[0], cs[0]
	for _, c := range cs[1:] {
		if shareOf(c).LessThan(shareOf(lo)) {
			lo = c
		}
		if shareOf(c).GreaterThan(shareOf(hi)) {
			hi = c
		}
	}
	return lo, hi
}

// differences writes the sentences under the table: who pays less and why (or that all
// pay the same), where a supplement may be charged, where third-party payment is mandatory.
func (ds *Dataset) differences(cols []Column, l Lang) []Difference {
	msg := func(key string, args ...string) string { return ds.text(l, "compare."+key, kv(args...)) }
	// named lists the cases' labels, quoted, as a sentence does.
	named := func(cs []*Column) string {
		s := make([]string, len(cs))
		for i, c := range cs {
			s[i] = msg("why_quote", "s", c.Label)
		}
		return joinList(s, msg("and"))
	}
	var pool []*Column
	for i := range cols {
		if c := &cols[i]; c.Err == nil && c.Quote.PersonalShare != nil {
			pool = append(pool, c)
		}
	}
	if len(pool) < 2 {
		return nil
	}
	// The reference is "your choice" (the first custom case): the neighbour is the cheapest
	// other case; when none is cheaper, the dearest one; when all pay the same as the
	// reference, the others are compared among themselves.
	ref := pool[0]
	var cheap, dear *Column
	lo, hi := extremes(pool[1:])
	allLo, allHi := extremes(pool)
	switch {
	case shareOf(lo).LessThan(shareOf(ref)):
		cheap, dear = lo, ref
	case shareOf(hi).GreaterThan(shareOf(ref)):
		cheap, dear = ref, hi
	case shareOf(allLo).LessThan(shareOf(allHi)):
		cheap, dear = allLo, allHi
	}
	var out []Difference
	// add appends a sentence (one append site: a Difference is a large struct to copy).
	add := func(why, text string, cases []*Column) *Difference {
		out = append(out, Difference{Why: why, Text: text, Cases: keysOf(cases)})
		return &out[len(out)-1]
	}
	if cheap != nil {
		causes := ds.causes(cheap, dear, l)
		diff := shareOf(dear).Sub(shareOf(cheap))
		texts := make([]string, len(causes))
		for i, c := range causes {
			texts[i] = c.Text
		}
		key := "why_less"
		if len(causes) == 0 {
			key = "why_less_plain"
		}
		d := add("share", msg(key, "cheap", named([]*Column{cheap}), "dear", named([]*Column{dear}), "diff", nbspEuros(diff, l),
			"a", nbspEuros(shareOf(cheap), l), "b", nbspEuros(shareOf(dear), l), "reasons", strings.Join(texts, "; ")), nil)
		d.Cheaper, d.Dearer, d.Diff, d.Causes = cheap.Key, dear.Key, &diff, causes
	} else {
		r0 := pool[0].Quote.Reimbursement
		same := r0 != nil
		for _, c := range pool {
			same = same && sameAmount(c.Quote.Reimbursement, r0)
		}
		d := add("same", msg("why_same_share", "a", nbspEuros(shareOf(pool[0]), l)), nil)
		if same {
			d.Reimbursement = r0
			d.Text = msg("why_same", "a", nbspEuros(shareOf(pool[0]), l), "r", nbspEuros(*r0, l))
		}
	}
	// "Your choice" is named only when no other column is the same case.
	var unique, allowed, refused, mandatory []*Column
	for _, c := range pool {
		dup := false
		for _, o := range pool {
			dup = dup || (c.Current && o != c && sameCase(o.Query, c.Query))
		}
		if dup {
			continue
		}
		unique = append(unique, c)
		if c.Quote.Supplement.Allowed {
			allowed = append(allowed, c)
		} else {
			refused = append(refused, c)
		}
		if c.Quote.ThirdParty.Mandatory {
			mandatory = append(mandatory, c)
		}
	}
	if len(allowed) > 0 && len(refused) > 0 {
		add("supplement", msg("why_supplement", "allowed", named(allowed), "others", named(refused), "reason", refused[0].Quote.Supplement.Reason), allowed)
	}
	if len(mandatory) > 0 && len(mandatory) < len(unique) {
		add("tp", msg("why_tp", "list", named(mandatory)), mandatory)
	}
	return out
}

// keysOf lists the columns' case keys (nil for none).
func keysOf(cs []*Column) []string {
	if len(cs) == 0 {
		return nil
	}
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.Key
	}
	return s
}

// sameCase reports whether two queries ask the same thing, the bill and the language aside.
func sameCase(a, b Query) bool {
	a.Paid, b.Paid, a.Lang, b.Lang = nil, nil, "", ""
	va, vb := a.Values(), b.Values()
	for k, v := range va {
		if vb[k] != v {
			return false
		}
	}
	return true
}

// joinList joins words as a sentence lists them: "a, b and c".
func joinList(s []string, and string) string {
	if len(s) < 2 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " " + and + " " + s[len(s)-1]
}

// shareSteps are the explanation steps that decide the personal share, by key (the last
// step of a key wins), in their order.
func shareSteps(q *Quote) ([]string, map[string]Step) {
	var order []string
	steps := map[string]Step{}
	for _, s := range q.Steps {
		if strings.HasPrefix(s.Key, "share.") || strings.HasPrefix(s.Key, "reimbursement.published") {
			if _, ok := steps[s.Key]; !ok {
				order = append(order, s.Key)
			}
			steps[s.Key] = s
		}
	}
	return order, steps
}

func sameAmount(a, b *decimal.Decimal) bool {
	return (a == nil) == (b == nil) && (a == nil || a.Equal(*b))
}

// causes names, one phrase each, the share steps that differ between the cheaper and the
// dearer case.
func (ds *Dataset) causes(cheap, dear *Column, l Lang) []Cause {
	msg := func(key string, args ...string) string { return ds.text(l, "compare."+key, kv(args...)) }
	money := func(d *decimal.Decimal) string {
		if d == nil {
			return ""
		}
		return nbspEuros(*d, l)
	}
	order, mine := shareSteps(cheap.Quote)
	_, theirs := shareSteps(dear.Quote)
	var out []Cause
	for _, key := range order {
		step := mine[key]
		other, has := theirs[key]
		if has && sameAmount(other.Amount, step.Amount) {
			continue
		}
		text := strings.TrimSuffix(step.Text, ".") // any other rule: the engine's own words for it
		switch {
		case key == "share.fixed" && has:
			// The referral has its own step (share.referral-reduction): not named here.
			_, referral := mine["share.referral-reduction"]
			what := advantages(cheap.Query, dear.Query, referral)
			words := make([]string, len(what))
			for i, w := range what {
				words[i] = msg("why_what_"+w, "age", strconv.Itoa(cheap.Query.Age))
			}
			w := msg("why_category")
			if len(words) > 0 {
				w = joinList(words, msg("and"))
			}
			text = msg("why_share_fixed", "what", w, "a", money(step.Amount), "b", money(other.Amount))
		case key == "share.referral-reduction":
			text = msg("why_share_referral", "a", money(step.Amount))
		case key == "share.free-young-preferential":
			text = msg("why_share_free_young")
		}
		out = append(out, Cause{key, text})
	}
	return out
}

// advantages names what the cheaper query has that the dearer one has not (message keys
// why_what_…); the referral is left out when it has its own step.
func advantages(a, b Query, referralStep bool) []string {
	var out []string
	if a.Preferential != b.Preferential {
		if a.Preferential {
			out = append(out, "preferential")
		} else {
			out = append(out, "ordinary")
		}
	}
	if a.DMG && !b.DMG {
		out = append(out, "dmg")
	}
	if a.Referred && !b.Referred && !referralStep {
		out = append(out, "referred")
	}
	if a.Chronic && !b.Chronic {
		out = append(out, "chronic")
	}
	if a.Age >= 0 && a.Age != b.Age {
		out = append(out, "age")
	}
	return out
}

// Object returns the comparison for the interfaces: {kind, columns: [{key, label, title,
// detail, current, set, answer}], differences: [{why, text, data, causes}]}. Each answer is
// the quote's object or an error object; data holds the difference's facts as strings, the
// page's data-* attributes (cheaper, dearer, diff, reasons; reimbursement; allowed;
// mandatory); causes the share's reasons, {key, text}.
func (c *Comparison) Object() map[string]any {
	cols := make([]any, len(c.Columns))
	for i, col := range c.Columns {
		set := map[string]any{}
		for k, v := range col.Set {
			set[k] = v
		}
		var answer map[string]any
		if col.Err != nil {
			answer = ErrorObject(col.Err)
		} else {
			answer = col.Quote.Object()
		}
		cols[i] = obj("key", col.Key, "label", col.Label, "title", optString(col.Title), "detail", optString(col.Detail),
			"current", col.Current, "set", set, "answer", answer)
	}
	diffs := make([]any, len(c.Differences))
	for i, d := range c.Differences {
		var data map[string]any
		keys := make([]string, len(d.Causes))
		causes := make([]any, len(d.Causes))
		for j, cs := range d.Causes {
			keys[j] = cs.Key
			causes[j] = obj("key", cs.Key, "text", cs.Text)
		}
		cases := strings.Join(d.Cases, " ")
		switch d.Why {
		case "share":
			data = obj("cheaper", d.Cheaper, "dearer", d.Dearer, "diff", optEuros(d.Diff), "reasons", strings.Join(keys, " "))
		case "same":
			data = obj("reimbursement", optEuros(d.Reimbursement))
		case "supplement":
			data = obj("allowed", cases)
		case "tp":
			data = obj("mandatory", cases)
		}
		diffs[i] = obj("why", d.Why, "text", d.Text, "data", data, "causes", causes)
	}
	return obj("kind", c.Kind, "lang", string(c.Lang), "columns", cols, "differences", diffs)
}
