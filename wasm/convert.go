//go:build js && wasm

package main

import (
	"math"
	"strconv"
	"strings"
	"syscall/js"
	"unicode/utf8"

	"honoraria/calc"
)

// queryFields turns a JS query object into the fields calc.ParseQuery takes.
//
// Keys may be written as the command-line flags (kebab-case, "on-duty"), in
// camelCase ("onDuty") or in snake_case ("on_duty"). Values may be strings,
// numbers or booleans; null and undefined mean "not given".
//
// The object is read only through calls that catch JS exceptions (Array.isArray,
// Object.keys, Reflect.get): a throwing getter or Proxy trap panics with a js.Error, which
// becomes an input error naming the field, never an exception thrown at the caller.
// (js.Value.Get and InstanceOf do not catch: a throw would unwind through the Go program.)
func queryFields(query js.Value) (fields map[string]string, err error) {
	field := "query"
	defer func() {
		if r := recover(); r != nil {
			fields, err = nil, &calc.InputError{Field: field, Value: "", Reason: "reading it threw: " + shorten(panicText(r))}
		}
	}()
	if isBigInt(query) || query.Type() != js.TypeObject || jsArray.Call("isArray", query).Bool() {
		return nil, &calc.InputError{Field: "query", Value: scalar(query), Reason: "must be an object such as {code: \"101076\", date: \"2024-03-01\"}"}
	}
	keys := jsObjectCtor.Call("keys", query)
	fields = make(map[string]string, keys.Length())
	for i := 0; i < keys.Length(); i++ {
		raw := keys.Index(i).String()
		name := flagName(raw)
		field = shorten(name)
		v := jsReflect.Call("get", query, raw)
		if v.IsUndefined() || v.IsNull() {
			continue
		}
		if _, dup := fields[name]; dup {
			return nil, &calc.InputError{Field: name, Value: raw, Reason: "given twice (under different spellings)"}
		}
		s, err := valueString(name, v)
		if err != nil {
			return nil, err
		}
		fields[name] = s
	}
	return fields, nil
}

// flagName maps "onDuty", "on_duty", "On-Duty" and "on-duty" to "on-duty".
func flagName(key string) string {
	var b strings.Builder
	for i, r := range key {
		switch {
		case r >= 'A' && r <= 'Z':
			if i > 0 && !strings.HasSuffix(b.String(), "-") {
				b.WriteByte('-')
			}
			b.WriteRune(r + ('a' - 'A'))
		case r == '_':
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// valueString renders one query value as the command line would receive it.
func valueString(field string, v js.Value) (string, error) {
	if isBigInt(v) { // syscall/js has no type for BigInt: Type() would panic
		return "", &calc.InputError{Field: field, Value: js.Global().Call("String", v).String() + "n", Reason: "must be a string, a number or a boolean, not a BigInt"}
	}
	switch v.Type() {
	case js.TypeString:
		return v.String(), nil
	case js.TypeBoolean:
		if v.Bool() {
			return "true", nil
		}
		return "false", nil
	case js.TypeNumber:
		return number(v.Float()), nil
	default:
		return "", &calc.InputError{Field: field, Value: scalar(v), Reason: "must be a string, a number or a boolean"}
	}
}

// number formats a JS number without exponent, so 2024 → "2024" and 31.8 → "31.8".
func number(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// scalar describes any JS value in a few characters, for error messages.
func scalar(v js.Value) string {
	if isBigInt(v) {
		return js.Global().Call("String", v).String() + "n"
	}
	switch v.Type() {
	case js.TypeString:
		return v.String()
	case js.TypeNumber:
		return number(v.Float())
	case js.TypeBoolean, js.TypeUndefined, js.TypeNull:
		return js.Global().Call("String", v).String()
	default:
		return "[" + v.Type().String() + "]"
	}
}

// stringArg reads a string argument; numbers are accepted (a code typed as 101076).
func stringArg(field string, v js.Value) (string, error) {
	if isBigInt(v) { // before Type(), which panics on a BigInt
		return valueString(field, v)
	}
	switch v.Type() {
	case js.TypeUndefined, js.TypeNull:
		return "", nil
	case js.TypeString, js.TypeNumber:
		return valueString(field, v)
	default:
		return "", &calc.InputError{Field: field, Value: scalar(v), Reason: "must be a string"}
	}
}

// intArg reads an integer given as a number or a string of digits.
func intArg(field string, v js.Value) (int, error) {
	s, err := stringArg(field, v)
	if err != nil {
		return 0, err
	}
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 {
		return 0, &calc.InputError{Field: field, Value: s, Reason: "must be a whole number"}
	}
	return n, nil
}

// toJS converts an engine object — only string, bool, nil, []any and
// map[string]any (calc/object.go), or rawJSON (a quote's: Quote.AppendJSON); int and
// []string are accepted too —
// into a JS value. Go writes it as JSON and JS parses it: one crossing of the boundary
// instead of one per field and element, which made the conversion ten times
// slower than the quote itself. Keys come out sorted, so the same answer has
// the same shape. Any other type panics, and guard turns that into an error
// object.
func toJS(v any) js.Value {
	jsonBuf = appendJSON(jsonBuf[:0], v)
	return parseJSON(jsonBuf)
}

// jsonBuf is the buffer objects are written into, kept from call to call (the bridge
// answers one call at a time; JS gets a copy).
var jsonBuf = make([]byte, 0, 8192)

// rawJSON is an object already written as JSON (Quote.AppendJSON), copied as it is.
type rawJSON []byte

// quoteBuf is the buffer quotes are written into, kept from call to call as jsonBuf.
var quoteBuf = make([]byte, 0, 8192)

// parseJSON hands JS the JSON an engine object was written as (toJS, Quote.AppendJSON).
func parseJSON(b []byte) js.Value {
	return jsonObject.Call("parse", string(b))
}

// The JS globals the bridge calls, looked up once.
var (
	jsonObject   = js.Global().Get("JSON")
	jsObjectCtor = js.Global().Get("Object")
	jsArray      = js.Global().Get("Array")
	jsReflect    = js.Global().Get("Reflect")
)

func appendJSON(b []byte, v any) []byte {
	switch x := v.(type) {
	case rawJSON:
		return append(b, x...)
	case nil:
		return append(b, "null"...)
	case string:
		return calc.AppendJSONString(b, x)
	case bool:
		return strconv.AppendBool(b, x)
	case int:
		return strconv.AppendInt(b, int64(x), 10)
	case []any:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSON(b, e)
		}
		return append(b, ']')
	case []string:
		b = append(b, '[')
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			b = calc.AppendJSONString(b, e)
		}
		return append(b, ']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		calc.SortStrings(keys)
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = calc.AppendJSONString(b, k)
			b = append(b, ':')
			b = appendJSON(b, x[k])
		}
		return append(b, '}')
	default:
		panic("toJS: unsupported type") // no type name: fmt's %T (or reflect) costs ~1–2.5 KB brotli
	}
}

func panicText(r any) string {
	switch x := r.(type) {
	case error:
		return x.Error()
	case string:
		return x
	default:
		return "a panic that is not an error" // no fmt in the bridge (wasm size)
	}
}

// isBigInt reports whether v is a BigInt: the one kind of JS value syscall/js has no Type
// for (Type panics on it: wasm_exec.js gives a bigint reference no type flag). Read from
// the reference, without calling JS: a query's every value is checked, and a call to
// Object.prototype.toString cost six crossings of the boundary each (issue 12.2).
func isBigInt(v js.Value) (big bool) {
	defer func() { big = recover() != nil }()
	v.Type()
	return false
}

// shorten cuts text echoed in an error to a sane length.
func shorten(s string) string {
	if len(s) > 64 {
		i := 64 // back to a character's first byte (strings.ToValidUTF8 weighs ~4 KB of wasm)
		for i > 0 && !utf8.RuneStart(s[i]) {
			i--
		}
		return s[:i] + "…"
	}
	return s
}
