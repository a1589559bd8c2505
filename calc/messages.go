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
