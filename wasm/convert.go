//go:build js && wasm

package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"syscall/js"

	"honoraria/calc"
)

// queryFields turns a JS query object into the fields calc.ParseQuery takes.
//
// Keys may be written as the command-line flags (kebab-case, "on-duty"), in
// camelCase ("onDuty") or in snake_case ("on_duty"). Values may be strings,
// numbers or booleans; null and undefined mean "not given".
func queryFields(query js.Value) (map[string]string, error) {
	if query.Type() != js.TypeObject || query.InstanceOf(js.Global().Get("Array")) {
		return nil, &calc.InputError{Field: "query", Value: scalar(query), Reason: "must be an object such as {code: \"101076\", date: \"2024-03-01\"}"}
	}
	keys := js.Global().Get("Object").Call("keys", query)
	fields := make(map[string]string, keys.Length())
	for i := 0; i < keys.Length(); i++ {
		raw := keys.Index(i).String()
		name := flagName(raw)
		v := query.Get(raw)
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

// toJS converts what the engine's Object methods return (strings, booleans,
// nil, []any and map[string]any) into JS values. Other types, which the
// engine does not produce today, are converted as faithfully as possible
// rather than panicking as js.ValueOf would.
func toJS(v any) js.Value {
	switch x := v.(type) {
	case nil:
		return js.Null()
	case js.Value:
		return x
	case string:
		return js.ValueOf(x)
	case bool:
		return js.ValueOf(x)
	case int:
		return js.ValueOf(x)
	case int64:
		return js.ValueOf(float64(x))
	case float64:
		return js.ValueOf(x)
	case map[string]any:
		o := js.Global().Get("Object").New()
		for k, e := range x {
			o.Set(k, toJS(e))
		}
		return o
	case map[string]string:
		o := js.Global().Get("Object").New()
		for k, e := range x {
			o.Set(k, e)
		}
		return o
	case []any:
		a := js.Global().Get("Array").New(len(x))
		for i, e := range x {
			a.SetIndex(i, toJS(e))
		}
		return a
	case []string:
		a := js.Global().Get("Array").New(len(x))
		for i, e := range x {
			a.SetIndex(i, e)
		}
		return a
	case []map[string]any:
		a := js.Global().Get("Array").New(len(x))
		for i, e := range x {
			a.SetIndex(i, toJS(e))
		}
		return a
	case fmt.Stringer:
		return js.ValueOf(x.String())
	case error:
		return js.ValueOf(x.Error())
	default:
		return js.ValueOf(fmt.Sprint(x))
	}
}

func panicText(r any) string {
	switch x := r.(type) {
	case error:
		return x.Error()
	case string:
		return x
	default:
		return fmt.Sprint(x)
	}
}
