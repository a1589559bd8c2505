package main

import (
	"errors"
	"flag"
	"io"
	"strings"

	"honoraria/calc"
)

// rawFlag keeps a flag's value as typed so that calc.ParseQuery validates every interface
// the same way. Bool marks flags that may be given without a value (--dmg).
type rawFlag struct {
	value string
	set   bool
	bool  bool
	twice bool // given more than once: an error, never "the last one wins"
}

func (f *rawFlag) String() string { return f.value }
func (f *rawFlag) Set(s string) error {
	if f.set {
		f.twice = true
		return errGivenTwice
	}
	f.value, f.set = s, true
	return nil
}
func (f *rawFlag) IsBoolFlag() bool { return f.bool }

var errGivenTwice = errors.New("given twice")

// errHelp is returned by parseFlags for -h/--help: the caller prints its usage on stdout
// and exits 0.
var errHelp = flag.ErrHelp

// maxEcho is the longest piece of input an error message repeats.
const maxEcho = 64

// shorten cuts echoed input to a sane length.
func shorten(s string) string {
	if r := []rune(s); len(r) > maxEcho {
		return string(r[:maxEcho]) + "…"
	}
	return s
}

// parseFlags parses --name value flags into a field map. Unknown, repeated and valueless
// flags and stray arguments are bad input; -h/--help returns errHelp.
func parseFlags(name string, args []string, fields []string, bools map[string]bool) (map[string]string, []string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	raw := map[string]*rawFlag{}
	for _, f := range fields {
		raw[f] = &rawFlag{bool: bools[f]}
		fs.Var(raw[f], f, "")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, nil, errHelp
		}
		for _, f := range fields {
			if raw[f].twice {
				return nil, nil, &calc.InputError{Field: f, Value: shorten(raw[f].value), Reason: "given more than once"}
			}
		}
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
			return nil, nil, &calc.InputError{Field: shorten(strings.TrimLeft(name, "-")), Reason: "unknown flag (known: --" + strings.Join(fields, ", --") + ")"}
		}
		if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
			return nil, nil, &calc.InputError{Field: shorten(strings.TrimLeft(name, "-")), Reason: "needs a value"}
		}
		return nil, nil, &calc.InputError{Field: "flags", Value: shorten(strings.Join(args, " ")), Reason: shorten(msg)}
	}
	out := map[string]string{}
	for f, r := range raw {
		if r.set {
			out[f] = r.value
		}
	}
	return out, fs.Args(), nil
}
