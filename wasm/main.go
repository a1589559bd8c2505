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
		api = js.Global().Get("Object").New()
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
// program: they are never released. With split data, quote answers {_part: NAME} for a
// code whose part is not loaded and search answers {_index: true} before the index is
// loaded: the loader (site/honoraria.js) wraps both, fetches what is missing, hands it
// over with _load(mergedText, "name;name") or _setIndex(text) (each returns null or an
// error message) and asks again, so Honoraria.quote and Honoraria.search give a promise
// of the real answer instead.
func installEngine(api js.Value, e *engine) {
	api.Set("quote", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return guard(func() js.Value { return quote(e, arg(args, 0)) })
	}))
	api.Set("year", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return guard(func() js.Value { return year(e.ds, arg(args, 0), arg(args, 1)) })
	}))
	api.Set("search", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return guard(func() js.Value { return search(e, arg(args, 0), arg(args, 1), arg(args, 2), arg(args, 3)) })
	}))
	api.Set("meta", js.FuncOf(func(_ js.Value, _ []js.Value) any {
		return guard(func() js.Value { return toJS(e.ds.Meta()) })
	}))
	api.Set("_load", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return errorText(e.load(arg(args, 0), arg(args, 1)))
	}))
	api.Set("_setIndex", js.FuncOf(func(_ js.Value, args []js.Value) any {
		ix, err := calc.ParseIndex(calc.File{Name: calc.IndexFile, Data: []byte(arg(args, 0).String())})
		if err == nil {
			e.index = ix.UseSynonyms(e.ds)
		}
		return errorText(err)
	}))
}

func errorText(err error) any {
	if err != nil {
		return err.Error()
	}
	return nil
}

// quote answers Honoraria.quote(query).
func quote(e *engine, query js.Value) js.Value {
	fields, err := queryFields(query)
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	q, err := calc.ParseQuery(fields)
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	if p := e.missingPart(q.Code); p != "" {
		return toJS(map[string]any{"_part": p})
	}
	res, err := e.ds.Quote(q)
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	// The object's JSON written straight from the quote: no maps (issue 12.3).
	jsonBuf = res.AppendJSON(jsonBuf[:0])
	return parseJSON(jsonBuf)
}

// year answers Honoraria.year(y, lang); y is a number or a four-digit string.
func year(ds *calc.Dataset, y, lang js.Value) js.Value {
	s, err := stringArg("year", y)
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	n, err := calc.ParseYear(s)
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	l, err := stringArg("lang", lang)
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	res, err := ds.Year(n, calc.Lang(l))
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	return toJS(res.Object())
}

// maxSearchResults bounds the number of services Honoraria.search returns.
const maxSearchResults = 50

// search answers Honoraria.search(text[, lang][, limit][, date]): services whose code
// starts with text or whose FR/NL labels contain all its words, those with figures
// on date (YYYY-MM-DD) first (calc.Index.Search, as the command line's search). Both
// labels are always returned, so lang is accepted for symmetry but not needed.
// Bad arguments give an error object, like the other functions.
func search(e *engine, text, second, third, fourth js.Value) js.Value {
	s, err := stringArg("text", text)
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	limit := third
	if second.Type() == js.TypeNumber {
		limit = second
	} else if _, err := stringArg("lang", second); err != nil {
		return toJS(calc.ErrorObject(err))
	}
	n := 10
	if !limit.IsUndefined() && !limit.IsNull() {
		if n, err = intArg("limit", limit); err != nil {
			return toJS(calc.ErrorObject(err))
		}
		if n < 1 || n > maxSearchResults {
			return toJS(calc.ErrorObject(&calc.InputError{Field: "limit", Value: scalar(limit), Reason: "must be between 1 and 50"}))
		}
	}
	if len(s) > 200 {
		return toJS(calc.ErrorObject(&calc.InputError{Field: "text", Value: s[:64] + "…", Reason: "too long (200 characters at most)"}))
	}
	var date calc.Date // only ranks the results: a date that does not parse ranks none first
	if fourth.Type() == js.TypeString {
		date, _ = calc.ParseDate(fourth.String())
	}
	ix := e.searchIndex()
	if ix == nil {
		return toJS(map[string]any{"_index": true})
	}
	svcs := ix.Search(s, date, n)
	out := make([]any, len(svcs))
	for i, svc := range svcs {
		out[i] = svc.Object()
	}
	return toJS(out)
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
