package calc

import "strconv"

// An InputError is a bad query: a malformed, out-of-range or unknown value in one field.
// Interfaces report it as "bad input" (the command line exits 2) and show no amount.
type InputError struct {
	Field  string // the query field, named as the command-line flag without dashes
	Value  string // the value as given (shortened when very long)
	Reason string // what is wrong with it
}

func (e *InputError) Error() string {
	return e.Field + " " + strconv.Quote(e.Value) + ": " + e.Reason
}

func inputError(field, value, reason string) *InputError {
	const max = 64
	if r := []rune(value); len(r) > max {
		value = string(r[:max]) + "…"
	}
	return &InputError{Field: field, Value: value, Reason: reason}
}

// A NoDataError says that the query is valid but no sourced figure answers it: the code or
// the date is not in the bundled data, or the service is not reimbursed on that date.
// Interfaces report it as "no data" (the command line exits 3) and show no amount.
type NoDataError struct {
	Code   Code
	Date   Date
	Reason string
	// The sourced fees of the code nearest the date, before and after it, when the code
	// has figures for other dates: what the answer can point to instead of a guess.
	Last, Next *KnownFee
}

// A KnownFee is a sourced fee of a code for another period than the one asked. The fee is
// kept as shown ("31.81"), not as a decimal: it is only reported, and a decimal reachable
// from an error type keeps decimal's fmt.Formatter code in the wasm (~7 KB).
type KnownFee struct {
	Fee     string
	Period  Period
	Sources []string
}

func (k *KnownFee) object() any {
	if k == nil {
		return nil
	}
	return obj("fee", k.Fee, "valid_from", k.Period.From.String(), "valid_to", optString(k.Period.To.String()), "sources", stringsToAny(k.Sources))
}

func stringsToAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func (e *NoDataError) Error() string {
	if e.Code == "" {
		return "no data: " + e.Reason
	}
	return "no data for code " + string(e.Code) + " on " + e.Date.String() + ": " + e.Reason
}

// A DataError is a defect in a data file, located by file, line and field.
type DataError struct {
	File  string
	Line  int // 1-based; 0 when the defect concerns the whole file
	Field string
	Err   string
}

func (e *DataError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += ":" + strconv.Itoa(e.Line)
	}
	if e.Field != "" {
		loc += ": " + e.Field
	}
	return loc + ": " + e.Err
}

// ErrorObject turns an error from [ParseQuery], [Dataset.Quote] or [Dataset.Year] into the
// object every interface returns instead of an answer:
// {"error": {"kind": "input"|"no-data"|"internal", "field", "value", "message"}}.
func ErrorObject(err error) map[string]any {
	e := obj("kind", "internal", "field", nil, "value", nil, "message", err.Error())
	for ; err != nil; err = unwrap(err) { // errors.As, without its reflection (wasm size)
		switch x := err.(type) {
		case *InputError:
			e["kind"], e["field"], e["value"] = "input", x.Field, x.Value
		case *NoDataError:
			e["kind"] = "no-data"
			if x.Code != "" {
				e["field"], e["value"] = "code", string(x.Code)
			}
			e["last_known"], e["next_known"] = x.Last.object(), x.Next.object()
		default:
			continue
		}
		break
	}
	return obj("error", e)
}

func unwrap(err error) error {
	if u, ok := err.(interface{ Unwrap() error }); ok {
		return u.Unwrap()
	}
	return nil
}
