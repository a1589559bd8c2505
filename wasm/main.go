//go:build js && wasm

// Command wasm is the WebAssembly bridge between the engine (calc/) and the web
// page. The page's loader (site/honoraria.js) fetches the wasm and the data bundle
// (data.txt, format in data/bundle) in parallel, creates the global Honoraria
// object, puts the bundle's text in Honoraria._data and starts the program, which
// builds the dataset and fills the object:
//
//	await Honoraria.ready                 // resolves once the data is loaded
//	Honoraria.quote({code: "101076", date: "2024-03-01", insured: "preferential", dmg: true})
//	Honoraria.year(2024, "nl")
//	Honoraria.search("raadpleging", 10)   // code prefix or words; [{code, label_fr, label_nl, …}]
//	Honoraria.meta()                      // {checksum, data_date, years}
//	Honoraria.compare(query, "doctor")    // {columns: [{key, label, answer}], differences: [{why, text, data, causes}]}
//	Honoraria.poster(query, "10.00")      // the quote with its poster row (poster: {max_supplement, total, …})
//
// Every function returns a plain JS object, the same object the command line
// prints with --json; bad input returns {error: {kind, field, value, message}}
// and never throws. Go computes, JS renders: the bridge never touches the DOM.
//
// The bridge deliberately does not import encoding/json (about 100 KB brotli):
// objects cross the boundary through syscall/js values. Nor does it carry the
// data (go:embed, io/fs): the bundle is fetched, so it can change without a
// rebuild and stays out of the wasm's bytes.
package main

import (
	"errors"
	"strings"
	"syscall/js"

	"honoraria/calc"
	"honoraria/data/bundle"
)

func main() {
	api := js.Global().Get("Honoraria")
	if api.Type() != js.TypeObject {
		api = jsObjectCtor.New()
		js.Global().Set("Honoraria", api)
	}
	e := &engine{}
	err := e.load(api.Get("_data"), api.Get("_parts"))
	api.Delete("_data") // the text is no longer needed: let JS free it
	api.Delete("_parts")
	if err != nil {
		settle(api, "_reject", js.Global().Get("Error").New("honoraria: data: "+err.Error()))
		return
	}
	installEngine(api, e)
	settle(api, "_resolve", api)
	select {} // keep the callbacks alive
}

// An engine is the dataset the page has loaded. With split data (data/bundle.Split) the
// loader merges the core with the parts it has fetched into one bundle (the page's
// bundle.Merge, site/honoraria.js) and the engine builds the dataset from it anew when
// a part arrives; the search index comes from search.txt unless every part is loaded.
type engine struct {
	ds     *calc.Dataset
	loaded string      // the parts in the dataset: "name;name;…"
	index  *calc.Index // the whole data's index: search.txt, or built from a whole dataset
}

// load builds the dataset from a bundle's text (the whole data, or a core merged with
// the parts named in parts, "name;name").
func (e *engine) load(text, parts js.Value) error {
	if text.Type() != js.TypeString {
		return errors.New("no data bundle: the loader must set Honoraria._data to the text of the data")
	}
	files, err := bundle.Decode(text.String())
	if err != nil {
		return err
	}
	ds, err := calc.NewDataset(files)
	if err != nil {
		return err
	}
	e.ds, e.loaded = ds, ""
	if parts.Type() == js.TypeString {
		e.loaded = ";" + parts.String() + ";"
	}
	if e.missing() {
		return nil
	}
	e.index = nil // every code is loaded: the index is built from the dataset when needed
	return nil
}

// missing reports whether some part of the data is not loaded.
func (e *engine) missing() bool {
	if sp := e.ds.Split(); sp != nil {
		for _, p := range sp.Parts {
			if !strings.Contains(e.loaded, ";"+p+";") {
				return true
			}
		}
	}
	return false
}

// missingPart is the part that holds code when it is not loaded yet, else "".
func (e *engine) missingPart(code calc.Code) string {
	if sp := e.ds.Split(); sp != nil {
		if p := sp.PartOf(code); p != "" && !strings.Contains(e.loaded, ";"+p+";") {
			return p
		}
	}
	return ""
}

// searchIndex is the index of every code, or nil when it must be fetched first.
func (e *engine) searchIndex() *calc.Index {
	if e.index == nil && !e.missing() {
		e.index = e.ds.Index()
	}
	return e.index
}

// dataset builds the engine's dataset from the data bundle's text.
func dataset(text js.Value) (*calc.Dataset, error) {
	e := &engine{}
	if err := e.load(text, js.Undefined()); err != nil {
		return nil, err
	}
	return e.ds, nil
}

// settle calls the loader's resolve or reject function, if there is one, and
// removes both from the public object.
func settle(api js.Value, name string, arg js.Value) {
	fn := api.Get(name)
	api.Delete("_resolve")
	api.Delete("_reject")
	if fn.Type() == js.TypeFunction {
		fn.Invoke(arg)
	}
}

// install sets the API functions on api for a whole dataset (the bridge's tests).
func install(api js.Value, ds *calc.Dataset) { installEngine(api, &engine{ds: ds}) }

// installEngine sets the API functions on api. The js.Funcs live as long as the
// program: they are never released. With split data, quote, compare and poster answer
// {_part: NAME} for a code whose part is not loaded and search answers {_index: true}
// before the index is loaded: the loader (site/honoraria.js) wraps them, fetches what is
// missing, hands it over with _load(mergedText, "name;name") or _setIndex(text) (each
// returns null or an error message) and asks again, so they give a promise of the real
// answer instead.
func installEngine(api js.Value, e *engine) {
	// One table and one wrapper: a closure per function weighed ~1 KB of wasm each.
	for _, f := range []struct {
		name string
		fn   func(e *engine, args []js.Value) (any, error)
	}{
		{"quote", quote}, {"compare", compare}, {"poster", poster}, {"year", year}, {"search", search}, {"meta", meta},
		{"_load", loadPart}, {"_setIndex", setIndex},
	} {
		fn := f.fn
		api.Set(f.name, js.FuncOf(func(_ js.Value, args []js.Value) any {
			return guard(func() js.Value {
				v, err := fn(e, args)
				if err != nil {
					v = calc.ErrorObject(err)
				}
				return toJS(v)
			})
		}))
	}
}

// meta answers Honoraria.meta().
func meta(e *engine, _ []js.Value) (any, error) { return e.ds.Meta(), nil }

// loadPart answers _load(text, parts): null, or the error's message.
func loadPart(e *engine, args []js.Value) (any, error) {
	return errorText(e.load(arg(args, 0), arg(args, 1))), nil
}

// setIndex answers _setIndex(text): null, or the error's message.
func setIndex(e *engine, args []js.Value) (any, error) {
	ix, err := calc.ParseIndex(calc.File{Name: calc.IndexFile, Data: []byte(arg(args, 0).String())})
	if err == nil {
		e.index = ix.UseSynonyms(e.ds)
	}
	return errorText(err), nil
}

func errorText(err error) any {
	if err != nil {
		return err.Error()
	}
	return nil
}

// quote answers Honoraria.quote(query).
func quote(e *engine, args []js.Value) (any, error) {
	q, missing, err := parsed(e, arg(args, 0))
	if err != nil || missing != nil {
		return missing, err
	}
	res, err := e.ds.Quote(q)
	if err != nil {
		return nil, err
	}
	// The object's JSON written straight from the quote, no maps (issue 12.3). (Not the
	// *calc.Quote itself: a type with decimals inside an interface keeps decimal's
	// fmt.Formatter code in the wasm, +18 KB brotli.)
	quoteBuf = res.AppendJSON(quoteBuf[:0])
	return rawJSON(quoteBuf), nil
}

// parsed reads a query object; with split data, missing is {_part: NAME}, the part to
// fetch first.
func parsed(e *engine, query js.Value) (q calc.Query, missing any, err error) {
	fields, err := queryFields(query)
	if err == nil {
		q, err = calc.ParseQuery(fields)
	}
	if p := e.missingPart(q.Code); err == nil && p != "" {
		missing = map[string]any{"_part": p}
	}
	return q, missing, err
}

// compare answers Honoraria.compare(query, kind, cases): the same service for each case
// of a kind of comparison (patient, doctor, referral, or custom with two to four case
// objects {insured, dmg, doctor, referred, age}), and the sentences that say why one case
// pays less (calc.Dataset.Compare). A query that does not parse still compares: each
// column then carries its error.
func compare(e *engine, args []js.Value) (any, error) {
	fields, err := queryFields(arg(args, 0))
	if err != nil {
		return nil, err
	}
	if q, err := calc.ParseQuery(fields); err == nil {
		if p := e.missingPart(q.Code); p != "" {
			return map[string]any{"_part": p}, nil
		}
	}
	k, err := stringArg("compare", arg(args, 1))
	if err != nil {
		return nil, err
	}
	if k == "" {
		k = calc.ComparePatient
	}
	var custom []map[string]string
	if cases := arg(args, 2); cases.Type() == js.TypeObject {
		for i := 0; i < cases.Length() && i <= calc.MaxCases; i++ {
			c, err := queryFields(cases.Index(i))
			if err != nil {
				return nil, err
			}
			custom = append(custom, c)
		}
	}
	res, err := e.ds.Compare(fields, k, custom)
	if err != nil {
		return nil, err
	}
	return res.Object(), nil
}

// poster answers Honoraria.poster(query, max): the quote's object with its price poster
// row ("poster": fee, shares, maximum supplement, total), max being the supplement
// maximum the doctor declares ("10.00", "10,00" or 10; empty when none).
func poster(e *engine, args []js.Value) (any, error) {
	q, missing, err := parsed(e, arg(args, 0))
	if err != nil || missing != nil {
		return missing, err
	}
	s, err := stringArg("max", arg(args, 1))
	if err != nil {
		return nil, err
	}
	max, err := calc.ParseDeclared(s)
	if err != nil {
		return nil, err
	}
	res, err := e.ds.Quote(q)
	if err != nil {
		return nil, err
	}
	o := res.Object()
	o["poster"] = res.PosterLine(max).Object()
	return o, nil
}

// year answers Honoraria.year(y, lang); y is a number or a four-digit string.
func year(e *engine, args []js.Value) (any, error) {
	s, err := stringArg("year", arg(args, 0))
	if err != nil {
		return nil, err
	}
	n, err := calc.ParseYear(s)
	if err != nil {
		return nil, err
	}
	l, err := stringArg("lang", arg(args, 1))
	if err != nil {
		return nil, err
	}
	res, err := e.ds.Year(n, calc.Lang(l))
	if err != nil {
		return nil, err
	}
	return res.Object(), nil
}

// maxSearchResults bounds the number of services Honoraria.search returns.
const maxSearchResults = 50

// search answers Honoraria.search(text[, lang][, limit][, date]): services whose code
// starts with text or whose FR/NL labels contain all its words, those with figures
// on date (YYYY-MM-DD) first (calc.Index.Search, as the command line's search). Both
// labels are always returned; lang adds the project's translation of the label for a
// German or English reader (label_translation, as in a quote).
// Bad arguments give an error object, like the other functions.
func search(e *engine, args []js.Value) (any, error) {
	text, second, third, fourth := arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 3)
	s, err := stringArg("text", text)
	if err != nil {
		return nil, err
	}
	limit := third
	lang := calc.FR
	if second.Type() == js.TypeNumber {
		limit = second
	} else if l, err := stringArg("lang", second); err != nil {
		return nil, err
	} else if l != "" {
		lang = calc.Lang(l) // only picks the label_translation: an unknown language has none
	}
	n := 10
	if !limit.IsUndefined() && !limit.IsNull() {
		if n, err = intArg("limit", limit); err != nil {
			return nil, err
		}
		if n < 1 || n > maxSearchResults {
			return nil, &calc.InputError{Field: "limit", Value: scalar(limit), Reason: "must be between 1 and 50"}
		}
	}
	if len(s) > 200 {
		return nil, &calc.InputError{Field: "text", Value: s[:64] + "…", Reason: "too long (200 characters at most)"}
	}
	var date calc.Date // only ranks the results: a date that does not parse ranks none first
	if fourth.Type() == js.TypeString {
		date, _ = calc.ParseDate(fourth.String())
	}
	ix := e.searchIndex()
	if ix == nil {
		return map[string]any{"_index": true}, nil
	}
	svcs := ix.Search(s, date, n)
	out := make([]any, len(svcs))
	for i, svc := range svcs {
		out[i] = e.ds.SearchObject(svc, lang)
	}
	return out, nil
}

// guard turns a panic in the engine into an error object: the page gets an
// answer it can show, never an exception and never a half-built amount.
func guard(f func() js.Value) (v any) {
	defer func() {
		if r := recover(); r != nil {
			v = toJS(map[string]any{"error": map[string]any{
				"kind": "internal", "field": nil, "value": nil,
				"message": "internal error: " + panicText(r),
			}})
		}
	}()
	return f()
}

func arg(args []js.Value, i int) js.Value {
	if i < len(args) {
		return args[i]
	}
	return js.Undefined()
}
