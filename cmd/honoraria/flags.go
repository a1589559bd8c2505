package main

import (
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
}

func (f *rawFlag) String() string { return f.value }
func (f *rawFlag) Set(s string) error {
	f.value, f.set = s, true
	return nil
}
func (f *rawFlag) IsBoolFlag() bool { return f.bool }

// parseFlags parses --name value flags into a field map. Unknown flags and stray arguments
// are bad input.
func parseFlags(name string, args []string, fields []string, bools map[string]bool) (map[string]string, []string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	raw := map[string]*rawFlag{}
	for _, f := range fields {
		raw[f] = &rawFlag{bool: bools[f]}
		fs.Var(raw[f], f, "")
	}
	if err := fs.Parse(args); err != nil {
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
			return nil, nil, &calc.InputError{Field: strings.TrimLeft(name, "-"), Reason: "unknown flag (known: --" + strings.Join(fields, ", --") + ")"}
		}
		if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
			return nil, nil, &calc.InputError{Field: strings.TrimLeft(name, "-"), Reason: "needs a value"}
		}
		return nil, nil, &calc.InputError{Field: "flags", Value: strings.Join(args, " "), Reason: msg}
	}
	out := map[string]string{}
	for f, r := range raw {
		if r.set {
			out[f] = r.value
		}
	}
	return out, fs.Args(), nil
}
