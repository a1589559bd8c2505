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
	ds, err := dataset(api.Get("_data"))
	api.Delete("_data") // the text is no longer needed: let JS free it
	if err != nil {
		settle(api, "_reject", js.Global().Get("Error").New("honoraria: data: "+err.Error()))
		return
	}
	install(api, ds)
	settle(api, "_resolve", api)
	select {} // keep the callbacks alive
}

// dataset builds the engine's dataset from the data bundle's text.
func dataset(text js.Value) (*calc.Dataset, error) {
	if text.Type() != js.TypeString {
		return nil, errors.New("no data bundle: the loader must set Honoraria._data to the text of data.txt")
	}
	files, err := bundle.Decode(text.String())
	if err != nil {
		return nil, err
	}
	return calc.NewDataset(files)
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

// install sets the API functions on api. The js.Funcs live as long as the
// program: they are never released.
func install(api js.Value, ds *calc.Dataset) {
	api.Set("quote", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return guard(func() js.Value { return quote(ds, arg(args, 0)) })
	}))
	api.Set("year", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return guard(func() js.Value { return year(ds, arg(args, 0), arg(args, 1)) })
	}))
	api.Set("search", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return guard(func() js.Value { return search(ds, arg(args, 0), arg(args, 1), arg(args, 2)) })
	}))
	api.Set("meta", js.FuncOf(func(_ js.Value, _ []js.Value) any {
		return guard(func() js.Value { return toJS(ds.Meta()) })
	}))
}

// quote answers Honoraria.quote(query).
func quote(ds *calc.Dataset, query js.Value) js.Value {
	fields, err := queryFields(query)
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	q, err := calc.ParseQuery(fields)
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	res, err := ds.Quote(q)
	if err != nil {
		return toJS(calc.ErrorObject(err))
	}
	return toJS(res.Object())
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

// search answers Honoraria.search(text[, lang][, limit]): services whose code
// starts with text or whose FR/NL labels contain all its words. Both labels
// are always returned, so lang is accepted for symmetry but not needed.
// Bad arguments give an error object, like the other functions.
func search(ds *calc.Dataset, text, second, third js.Value) js.Value {
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
	svcs := ds.Search(s, n)
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
