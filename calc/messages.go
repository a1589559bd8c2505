package calc

import "strings"

// text returns the message for key in lang with {placeholders} replaced. A key missing from
// messages.csv comes back as the key itself; a test makes sure none is missing.
func (ds *Dataset) text(lang Lang, key string, args map[string]string) string {
	m, ok := ds.messages[key]
	if !ok {
		return key
	}
	s := m[lang]
	if s == "" {
		s = m[EN]
	}
	for k, v := range args {
		s = strings.ReplaceAll(s, "{"+k+"}", localize(lang, k, v))
	}
	return s
}

// kv makes a message's arguments from name, value pairs; obj makes an answer object from
// key, value pairs. One call each where a map literal costs a call per entry in the wasm.
func kv(pairs ...string) map[string]string {
	m := make(map[string]string, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i]] = pairs[i+1]
	}
	return m
}

func obj(pairs ...any) map[string]any {
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		m[pairs[i].(string)] = pairs[i+1]
	}
	return m
}
