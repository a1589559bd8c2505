package calc

import "github.com/shopspring/decimal"

// Objects are what every interface prints: the command line as JSON, the JS API as plain
// objects. Their values are only string, bool, nil, []any and map[string]any, so that
// encoding/json and syscall/js turn them into the same thing.

func optEuros(d *decimal.Decimal) any {
	if d == nil {
		return nil
	}
	return euros(*d)
}

func optString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// sourceSet collects the sources an answer cites, in order of first use.
type sourceSet struct {
	ds    *Dataset
	order []string
	seen  map[string]bool
}

func (s *sourceSet) add(id string) {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if !s.seen[id] {
		s.seen[id] = true
		s.order = append(s.order, id)
	}
}

func (s *sourceSet) list(ids []string) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		s.add(id)
		out[i] = id
	}
	return out
}

func (s *sourceSet) all() []any {
	out := make([]any, len(s.order))
	for i, id := range s.order {
		out[i] = s.ds.sourceObject(id)
	}
	return out
}

// Quote.Object and Quote.AppendJSON give the same object: AppendJSON writes it as JSON, for
// the bridge, which hands JS one string to parse — the maps and the values boxed into them
// were three quarters of a quote's allocations (issue 12.3) —, and Object reads that JSON
// back into maps for the command line, the comparisons and the tests. One writer: a second
// one (map literals, or a writer interface with a decimal in a method) cost the wasm 12–15 KB
// brotli.

// Object returns the quote as the object of the contract (BRIEF §8): fee, reimbursement,
// personal_share, supplement, third_party_payment, pay_at_desk, explanation, sources, and
// bill_check when a paid amount was given — AppendJSON's JSON as maps (string, bool, nil,
// []any, map[string]any).
func (res *Quote) Object() map[string]any {
	r := jsonReader{b: res.AppendJSON(make([]byte, 0, 4096)), seen: make(map[string]any, 128)}
	o, _ := r.value(0)
	return o.(map[string]any)
}

// A jsonReader reads the JSON jsonWriter writes (objects, arrays, strings, true, false,
// null; no numbers, no spaces). Strings are made once per answer: keys and values repeat.
type jsonReader struct {
	b    []byte
	buf  []byte         // the string being read
	seen map[string]any // the strings made, boxed once
}

// value reads the value at b[i:] and returns it with the index after it.
func (r *jsonReader) value(i int) (any, int) {
	b := r.b
	switch b[i] {
	case '{':
		m := map[string]any{}
		for i++; b[i] != '}'; {
			if b[i] == ',' {
				i++
			}
			k, j := r.str(i)
			m[k], i = r.value(j + 1) // after the ':'
		}
		return m, i + 1
	case '[':
		a := []any{}
		for i++; b[i] != ']'; {
			if b[i] == ',' {
				i++
			}
			var v any
			v, i = r.value(i)
			a = append(a, v)
		}
		return a, i + 1
	case '"':
		return r.boxed(i)
	case 't':
		return true, i + 4
	case 'f':
		return false, i + 5
	}
	return nil, i + 4 // null
}

// read reads the string at b[i:] as AppendJSONString writes it (\" \\ and \u00XX escapes,
// every other byte as it is) into buf, and returns the index after it.
func (r *jsonReader) read(i int) int {
	b := r.b
	r.buf = r.buf[:0]
	i++
	start := i
	for b[i] != '"' {
		if b[i] != '\\' {
			i++
			continue
		}
		r.buf = append(r.buf, b[start:i]...)
		if b[i+1] == 'u' {
			r.buf = append(r.buf, unhex(b[i+4])<<4|unhex(b[i+5]))
			i += 6
		} else {
			r.buf = append(r.buf, b[i+1])
			i += 2
		}
		start = i
	}
	r.buf = append(r.buf, b[start:i]...)
	return i + 1
}

// boxed reads a string value, made and boxed once per answer.
func (r *jsonReader) boxed(i int) (any, int) {
	i = r.read(i)
	if v, ok := r.seen[string(r.buf)]; ok {
		return v, i
	}
	s := string(r.buf)
	var v any = s
	r.seen[s] = v
	return v, i
}

// str reads a key.
func (r *jsonReader) str(i int) (string, int) {
	v, i := r.boxed(i)
	return v.(string), i
}

func unhex(c byte) byte {
	if c >= 'a' {
		return c - 'a' + 10
	}
	return c - '0'
}

func writeStr(w *jsonWriter, key, s string) {
	if s == "" {
		w.null(key)
		return
	}
	w.str(key, s)
}

func writeAmount(w *jsonWriter, key string, d *decimal.Decimal) {
	if d == nil {
		w.null(key)
		return
	}
	w.amount(key, *d)
}

func strList(w *jsonWriter, key string, ss []string) {
	w.beginArray(key)
	for _, s := range ss {
		w.str("", s)
	}
	w.end()
}

// AppendJSON appends the quote's object (Object) as compact JSON, keys sorted: the bytes the
// bridge's appendJSON writes for Object(), without building the maps.
func (res *Quote) AppendJSON(b []byte) []byte {
	w := &jsonWriter{ds: res.ds, b: b, start: len(b)}
	res.write(w)
	return w.b
}

// write writes the quote's object, keys sorted at every level as the bridge sorts a map's.
func (res *Quote) write(w *jsonWriter) {
	q, t := res.Query, &res.Service
	// The sources the answer cites, in order of first use: the supplement's, the third
	// party's, the explanation's, the notes'.
	cited := make([]string, 0, 16)
	cited = cite(cited, res.Supplement.Sources)
	cited = cite(cited, res.ThirdParty.Sources)
	for i := range res.Steps {
		cited = cite(cited, res.Steps[i].Sources)
	}
	for i := range res.Notes {
		cited = cite(cited, res.Notes[i].Sources)
	}
	steps := func(key string, ss []Step) {
		w.beginArray(key)
		for i := range ss {
			s := &ss[i]
			w.beginObject("")
			writeAmount(w, "amount", s.Amount)
			writeStr(w, "detail", s.Detail)
			w.str("key", s.Key)
			if len(s.Sources) == 0 {
				w.null("source")
			} else {
				w.source("source", s.Sources[0])
			}
			strList(w, "sources", s.Sources)
			w.str("text", s.Text)
			w.end()
		}
		w.end()
	}

	w.beginObject("")
	if bc := res.BillCheck; bc != nil {
		w.beginObject("bill_check")
		writeAmount(w, "expected", bc.Expected)
		writeStr(w, "next_step", bc.NextStep)
		writeAmount(w, "out_of_pocket", bc.OutOfPocket)
		w.amount("paid", bc.Paid)
		w.str("reason", bc.Reason)
		if res.ThirdParty.Applied {
			w.str("reimbursement_due", "0.00")
		} else {
			writeAmount(w, "reimbursement_due", res.Reimbursement)
		}
		writeAmount(w, "supplement_charged", bc.SupplementCharged)
		w.str("verdict", bc.Verdict)
		w.end()
	}
	w.str("code", string(t.Code))
	w.date("date", q.Date)
	steps("explanation", res.Steps)
	w.amount("fee", res.Fee)
	writeStr(w, "label", res.label())
	if tr := res.ds.translation(t.Code, q.Lang, res.label()); tr == nil {
		w.null("label_translation")
	} else {
		w.beginObject("label_translation")
		w.str("label", tr.Label)
		w.str("lang", string(tr.Lang))
		w.str("mark", res.ds.text(tr.Lang, "label.translation", nil))
		w.boolean("official", false)
		w.str("translated_from", string(tr.From))
		w.end()
	}
	steps("notes", res.Notes)
	if fc := res.Category; fc == nil {
		w.null("patient_category")
	} else {
		w.beginObject("patient_category")
		w.str("category", fc.Category.Text())
		writeStr(w, "description", fc.Description(q.Lang))
		writeStr(w, "description_fr", fc.DescFR)
		writeStr(w, "description_nl", fc.DescNL)
		w.str("fee_code", itoa(fc.Number))
		w.str("meaning", fc.Meaning)
		w.end()
	}
	writeAmount(w, "pay_at_desk", res.PayAtDesk)
	writeAmount(w, "pay_at_desk_with_third_party", res.PayAtDeskWithThirdParty)
	writeAmount(w, "pay_at_desk_without_third_party", res.PayAtDeskWithoutThirdParty)
	writeAmount(w, "personal_share", res.PersonalShare)
	w.beginObject("query")
	for _, p := range q.valuePairs() {
		writeStr(w, p[0], p[1])
	}
	w.end()
	writeAmount(w, "reimbursement", res.Reimbursement)
	w.beginObject("service")
	writeStr(w, "band", string(t.Band))
	w.str("category", t.Category)
	w.str("code", string(t.Code))
	writeStr(w, "coefficients", t.Coefficients)
	writeStr(w, "key_letters", t.KeyLetters)
	writeStr(w, "label_fr", t.LabelFR)
	writeStr(w, "label_nl", t.LabelNL)
	writeStr(w, "note", t.Note)
	writeStr(w, "specialty", t.Specialty)
	w.date("valid_from", t.Period.From)
	w.date("valid_to", t.Period.To)
	w.end()
	w.beginArray("sources")
	for _, id := range cited {
		w.source("", id)
	}
	w.end()
	res.writeStatutSocial(w)
	d := res.Supplement
	w.beginObject("supplement")
	w.boolean("allowed", d.Allowed)
	w.boolean("determined", d.Determined)
	w.str("key", d.Key)
	w.str("reason", d.Reason)
	w.date("since", d.Since)
	strList(w, "sources", d.Sources)
	w.end()
	tp := res.ThirdParty
	w.beginObject("third_party_payment")
	w.boolean("applied", tp.Applied)
	w.boolean("determined", true)
	w.str("key", tp.Key)
	w.boolean("mandatory", tp.Mandatory)
	w.str("reason", tp.Reason)
	w.date("since", tp.Since)
	strList(w, "sources", tp.Sources)
	w.end()
	w.end()
}

// cite adds to cited the ids it does not hold yet.
func cite(cited, ids []string) []string {
next:
	for _, id := range ids {
		for _, c := range cited {
			if c == id {
				continue next
			}
		}
		cited = append(cited, id)
	}
	return cited
}

// writeStatutSocial writes the statut social for the query's doctor: the amount in force on
// the query's date when sourced, else null.
func (res *Quote) writeStatutSocial(w *jsonWriter) {
	q := res.Query
	status := StatutStatus(q.Doctor, q.InTraining)
	w.beginObject("statut_social")
	if p := res.ds.param("statut_social."+status, q.Date); p != nil {
		w.str("amount", p.Value)
		strList(w, "sources", p.Sources)
	} else {
		w.null("amount")
		strList(w, "sources", nil)
	}
	w.str("status", status)
	w.end()
}

// A jsonWriter appends the object as compact JSON, written as the bridge's appendJSON
// writes a map: the same escaping (AppendJSONString), keys in the order given (sorted).
type jsonWriter struct {
	ds     *Dataset
	b      []byte
	start  int     // len(b) before the object
	closer [8]byte // the closing bracket of each open object or array
	depth  int
}

// The writer's methods append to w.b one append at a time, "w.b = append(w.b, …)", which
// the compiler turns into a store of the length alone while the buffer has room; a store
// of a slice returned by another call (append(append(…)), AppendJSONString(w.b, …)) writes
// the buffer's pointer too, through the GC's write barrier: a tenth of a quote's time
// (issue 12.3).

// key writes the separator before a value and, in an object, its key.
func (w *jsonWriter) key(k string) {
	if n := len(w.b); n > w.start {
		if c := w.b[n-1]; c != '{' && c != '[' && c != ':' {
			w.b = append(w.b, ',')
		}
	}
	if k != "" { // the writer's own keys: nothing to escape
		w.b = append(w.b, '"')
		w.b = append(w.b, k...)
		w.b = append(w.b, "\":"...)
	}
}

func (w *jsonWriter) open(key string, bracket, closer byte) {
	w.key(key)
	w.b = append(w.b, bracket)
	w.closer[w.depth] = closer
	w.depth++
}

func (w *jsonWriter) beginObject(key string) { w.open(key, '{', '}') }
func (w *jsonWriter) beginArray(key string)  { w.open(key, '[', ']') }

func (w *jsonWriter) end() {
	w.depth--
	w.b = append(w.b, w.closer[w.depth])
}

func (w *jsonWriter) str(key, s string) {
	w.key(key)
	appendJSONString(&w.b, s)
}

func (w *jsonWriter) null(key string) {
	w.key(key)
	w.b = append(w.b, "null"...)
}

func (w *jsonWriter) boolean(key string, v bool) {
	w.key(key)
	if v {
		w.b = append(w.b, "true"...)
	} else {
		w.b = append(w.b, "false"...)
	}
}

func (w *jsonWriter) amount(key string, d decimal.Decimal) {
	w.key(key)
	var buf [24]byte
	w.b = append(w.b, '"')
	w.b = append(w.b, appendEuros(buf[:0], d)...)
	w.b = append(w.b, '"')
}

func (w *jsonWriter) date(key string, d Date) {
	w.key(key)
	if d == 0 {
		w.b = append(w.b, "null"...)
		return
	}
	var buf [12]byte
	w.b = append(w.b, appendDate(append(buf[:0], '"'), d)...)
	w.b = append(w.b, '"')
}

// source writes the source's object: its JSON, written once per dataset (sourceJSON).
func (w *jsonWriter) source(key, id string) {
	w.key(key)
	if j, ok := w.ds.sourceJSON[id]; ok {
		w.b = append(w.b, j...)
	} else {
		w.b = w.ds.appendSourceJSON(w.b, id)
	}
}

// appendSourceJSON appends the JSON of a source's object (sourceObject), keys sorted.
func (ds *Dataset) appendSourceJSON(b []byte, id string) []byte {
	src := ds.sources[id]
	w := jsonWriter{ds: ds, b: b, start: len(b)}
	w.beginObject("")
	writeStr(&w, "date", src.Date)
	writeStr(&w, "eli", src.ELI)
	w.str("id", id)
	w.str("kind", src.Kind)
	w.str("title", src.Title)
	w.str("url", src.URL)
	w.end()
	return w.b
}

// AppendJSONString appends s as a JSON string: quotes, backslashes and control characters
// escaped, nothing else (not <, >, & — the command line's encoder does the same with
// SetEscapeHTML(false)). Bytes that are not UTF-8 are left for JS's decoder, which turns
// them into U+FFFD as it does for any Go string.
func AppendJSONString(b []byte, s string) []byte {
	appendJSONString(&b, s)
	return b
}

// appendJSONString appends AppendJSONString's JSON to *b, one append at a time (see key).
func appendJSONString(b *[]byte, s string) {
	const hex = "0123456789abcdef"
	*b = append(*b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		*b = append(*b, s[start:i]...)
		if c < 0x20 {
			*b = append(*b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		} else {
			*b = append(*b, '\\', c)
		}
		start = i + 1
	}
	*b = append(*b, s[start:]...)
	*b = append(*b, '"')
}

// sourceObject returns a source's object (the year's answer; a quote writes the source's
// JSON, sourceJSON). Not built ahead at load: that was ~700 allocations of the page's start
// (issue 12.1) for an answer the first result does not need.
func (ds *Dataset) sourceObject(id string) map[string]any {
	src := ds.sources[id]
	return map[string]any{"id": id, "kind": src.Kind, "title": src.Title, "url": src.URL, "date": optString(src.Date), "eli": optString(src.ELI)}
}

// label is the service's label in the query's language: Dutch for nl, French otherwise
// (the official labels are French and Dutch), the other one when that one is missing.
func (res *Quote) label() string {
	fr, nl := res.Service.LabelFR, res.Service.LabelNL
	if (res.Query.Lang == NL || fr == "") && nl != "" {
		return nl
	}
	return fr
}
