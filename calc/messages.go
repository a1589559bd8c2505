package calc

import "strings"

// text returns the message for key in lang with its {placeholders} replaced by args (dates
// and periods in the reader's words: appendLocalized), in one pass; a placeholder without
// an argument stays as it is. A key missing from messages.csv comes back as the key
// itself; a test makes sure none is missing.
func (ds *Dataset) text(lang Lang, key string, args map[string]string) string {
	return ds.textOf(lang, key, args, nil)
}

// textArgs is text with its arguments as name, value pairs: the engine's own messages,
// without a map to build for each (issue 12.3).
func (ds *Dataset) textArgs(lang Lang, key string, pairs ...string) string {
	return ds.textOf(lang, key, nil, pairs)
}

// textOf is text with the arguments of args or, when args is nil, of pairs.
func (ds *Dataset) textOf(lang Lang, key string, args map[string]string, pairs []string) string {
	m, ok := ds.messages[key]
	if !ok {
		return key
	}
	s := m.in(lang)
	if s == "" {
		s = m[0] // English
	}
	if len(args)+len(pairs) == 0 || strings.IndexByte(s, '{') < 0 {
		return s
	}
	// One allocation: the builder's buffer becomes the string. Its size: the text, the
	// arguments, and room for what dates and periods gain in words.
	n := len(s) + 48
	for _, v := range args {
		n += len(v)
	}
	for k := 1; k < len(pairs); k += 2 {
		n += len(pairs[k])
	}
	var b strings.Builder
	b.Grow(n)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		name := s[i+1 : i+j]
		v, ok := args[name]
		for k := 0; args == nil && k+1 < len(pairs); k += 2 {
			if pairs[k] == name {
				v, ok = pairs[k+1], true
				break
			}
		}
		if !ok {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		writeLocalized(&b, lang, name, v)
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
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
