package importer

import (
	"io"
	"testing"
	"testing/iotest"
	"unicode/utf8"
)

// cp1252 is Windows-1252 as the Unicode consortium's table (CP1252.TXT) and the WHATWG
// encoding standard give it for 0x80–0x9F (the five undefined bytes map to the C1 control
// of the same number, as WHATWG decodes them); every other byte is the code point of the
// same number. Written independently of windows1252High, as the reference.
var cp1252 = map[byte]rune{
	0x80: 0x20AC, 0x81: 0x0081, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
	0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8D: 0x008D, 0x8E: 0x017D, 0x8F: 0x008F,
	0x90: 0x0090, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
	0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9D: 0x009D, 0x9E: 0x017E, 0x9F: 0x0178,
}

func reference1252(b []byte) string {
	out := make([]rune, len(b))
	for i, c := range b {
		if r, ok := cp1252[c]; ok {
			out[i] = r
		} else {
			out[i] = rune(c)
		}
	}
	return string(out)
}

// The Windows-1252 decoder against the reference table, whole and streamed one byte at a
// time (a character never depends on its neighbours).
func FuzzWindows1252Reference(f *testing.F) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	f.Add(all)
	f.Add([]byte("Consultation \x80 \x93m\xe9decin\x94"))
	f.Fuzz(func(t *testing.T, b []byte) {
		want := reference1252(b)
		if got := windows1252(b); got != want {
			t.Fatalf("% x: %q, want %q", b, got, want)
		}
		streamed, err := io.ReadAll(newWindows1252Reader(iotest.OneByteReader(iotest.DataErrReader(&byteReader{b: b}))))
		if err != nil || string(streamed) != want || !utf8.Valid(streamed) {
			t.Fatalf("% x streamed: %q (%v), want %q", b, streamed, err, want)
		}
	})
}

type byteReader struct{ b []byte }

func (r *byteReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}
