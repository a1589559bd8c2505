package importer

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// readXMLTable streams one table of the export: every element named like the table
// (case-insensitive, e.g. <NOMEN_CODE_FEE_LIM>) is a row; its child elements (or, failing
// them, its attributes) are the fields, keyed in lower case. row is called once per row with
// the line the row starts on. Memory does not grow with the file: rows are handed on as
// they are read.
//
// Encodings: the XML declaration's (UTF-8, ISO-8859-1, Windows-1252); without one, UTF-8,
// or Windows-1252 when the start of the file has bytes that are not UTF-8 and no UTF-8
// sequence. A file mixing the two is an error naming the line. Document type declarations
// (and so entity definitions, the "billion laughs") are refused.
func readXMLTable(file string, r io.Reader, table string, row func(line int, fields map[string]string) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(64 << 10)
	var in io.Reader = br
	if !declaresEncoding(head) && !utf8.Valid(trimPartialRune(head)) {
		if hasUTF8Sequence(head) {
			return &Error{File: file, Line: invalidUTF8Line(head), Reason: "mixes UTF-8 and another encoding (declare encoding=\"windows-1252\" or convert the file to UTF-8)"}
		}
		in = newWindows1252Reader(br)
	}
	d := xml.NewDecoder(in)
	d.CharsetReader = charsetReader
	table = strings.ToLower(table)
	var (
		inRow    bool
		rowLine  int
		fields   map[string]string
		field    string // the child element being read
		text     bytes.Buffer
		depth    int
		rowDepth int
		rows     int
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			if depth != 0 {
				line, _ := d.InputPos()
				return &Error{File: file, Line: line, Reason: "malformed XML: the file ends with " + strconv.Itoa(depth) + " element(s) not closed (truncated?)"}
			}
			break
		}
		if err != nil {
			return xmlError(file, d, err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			if bytes.HasPrefix(bytes.TrimSpace(t), []byte("DOCTYPE")) || bytes.Contains(t, []byte("ENTITY")) {
				line, _ := d.InputPos()
				return &Error{File: file, Line: line, Reason: "a document type declaration (<!DOCTYPE …>) is not accepted in an export"}
			}
		case xml.StartElement:
			depth++
			if depth > 16 {
				line, _ := d.InputPos()
				return &Error{File: file, Line: line, Reason: "XML nested deeper than 16 elements"}
			}
			name := strings.ToLower(t.Name.Local)
			switch {
			case !inRow && name == table:
				inRow, rowDepth, fields = true, depth, make(map[string]string, 16)
				rowLine, _ = d.InputPos()
				for _, a := range t.Attr {
					fields[strings.ToLower(a.Name.Local)] = a.Value
				}
			case inRow && depth == rowDepth+1:
				field = name
				text.Reset()
			}
		case xml.CharData:
			if inRow && field != "" {
				if text.Len()+len(t) > 8<<10 {
					line, _ := d.InputPos()
					return &Error{File: file, Line: line, Field: field, Reason: "a field longer than 8 KiB"}
				}
				text.Write(t)
			}
		case xml.EndElement:
			if inRow && depth == rowDepth+1 && field != "" {
				if _, dup := fields[field]; dup && text.Len() > 0 {
					line, _ := d.InputPos()
					return &Error{File: file, Line: line, Field: field, Value: text.String(), Reason: "given twice in one row"}
				}
				fields[field] = strings.TrimSpace(text.String())
				field = ""
			}
			if inRow && depth == rowDepth {
				inRow = false
				rows++
				if err := row(rowLine, fields); err != nil {
					return err
				}
			}
			depth--
		}
	}
	if rows == 0 {
		return &Error{File: file, Reason: "no <" + strings.ToUpper(table) + "> row: is this the right file?"}
	}
	return nil
}

func xmlError(file string, d *xml.Decoder, err error) error {
	var le *LimitError
	if errors.As(err, &le) {
		return le
	}
	line, _ := d.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line = se.Line
	}
	if line == 0 {
		line = 1
	}
	return &Error{File: file, Line: line, Reason: "malformed XML: " + err.Error()}
}

// declaresEncoding reports whether the XML declaration names an encoding.
func declaresEncoding(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return false
	}
	end := bytes.Index(head, []byte("?>"))
	return end > 0 && bytes.Contains(head[:end], []byte("encoding"))
}

// trimPartialRune drops an incomplete UTF-8 sequence cut at the end of a peeked buffer.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= 3 && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

// hasUTF8Sequence reports whether b holds a valid multi-byte UTF-8 character.
func hasUTF8Sequence(b []byte) bool {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if n > 1 && r != utf8.RuneError {
			return true
		}
		i += n
	}
	return false
}

// invalidUTF8Line is the line of the first byte of b that is not UTF-8.
func invalidUTF8Line(b []byte) int {
	line := 1
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return line
		}
		if b[i] == '\n' {
			line++
		}
		i += n
	}
	return line
}

// charsetReader decodes the single-byte encodings an export may declare.
func charsetReader(label string, in io.Reader) (io.Reader, error) {
	switch strings.ToLower(label) {
	case "iso-8859-1", "latin1", "iso8859-1", "windows-1252", "cp1252", "iso-8859-15":
		return newWindows1252Reader(in), nil
	}
	return nil, fmt.Errorf("unsupported encoding %q (use UTF-8, ISO-8859-1 or Windows-1252)", label)
}

// windows1252Reader decodes Windows-1252 (a superset of ISO-8859-1's printable characters)
// to UTF-8 as it streams.
type windows1252Reader struct {
	in  io.Reader
	buf []byte
	out []byte
}

func newWindows1252Reader(in io.Reader) io.Reader {
	return &windows1252Reader{in: in, buf: make([]byte, 32<<10)}
}

func (w *windows1252Reader) Read(p []byte) (int, error) {
	for len(w.out) == 0 {
		n, err := w.in.Read(w.buf)
		w.out = appendWindows1252(w.out[:0], w.buf[:n])
		if n == 0 && err != nil {
			return 0, err
		}
	}
	n := copy(p, w.out)
	w.out = w.out[n:]
	return n, nil
}

var windows1252High = [32]rune{'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8d, 'Ž', 0x8f,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9d, 'ž', 'Ÿ'}

func appendWindows1252(dst, b []byte) []byte {
	for _, c := range b {
		switch {
		case c < 0x80:
			dst = append(dst, c)
		case c < 0xa0:
			dst = utf8.AppendRune(dst, windows1252High[c-0x80])
		default:
			dst = utf8.AppendRune(dst, rune(c))
		}
	}
	return dst
}

// windows1252 decodes a whole Windows-1252 text.
func windows1252(b []byte) string { return string(appendWindows1252(nil, b)) }
