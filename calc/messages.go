package calc

import "strings"

// text returns the message for key in lang with its {placeholders} replaced by args (dates
// and periods in the reader's words: appendLocalized), in one pass; a placeholder without
// an argument stays as it is. A key missing from messages.csv comes back as the key
// itself; a test makes sure none is missing.
func (ds *Dataset) text(lang Lang, key string, args map[string]string) string {
	m, ok := ds.messages[key]
	if !ok {
		return key
	}
	s := m[lang]
	if s == "" {
		s = m[EN]
	}
	if len(args) == 0 || strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder // one allocation: its buffer becomes the string
	b.Grow(len(s) + 64)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			break
		}
		v, ok := args[s[i+1:i+j]]
		if !ok {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		b.WriteString(s[:i])
		var tmp [96]byte
		b.Write(appendLocalized(tmp[:0], lang, s[i+1:i+j], v))
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}
