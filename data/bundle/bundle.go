// Package bundle reads and writes the data bundle: every data file in one plain-text
// file that the web page fetches next to the wasm (dist/data.txt), so that the
// WebAssembly engine carries no data and a deployment can change its data without
// recompiling. It imports only calc and the standard library's strings, so the wasm
// bridge can use it without pulling in embed or io/fs.
//
// The format, line by line (every line ends with "\n"):
//
//	#honoraria-data 1
//	#file sources.csv
//	…the file's lines, byte for byte…
//	#file 2024/tariffs.csv
//	…
//	#end
//
// A file whose last line has no newline is written with one added and its header
// says so: "#file NAME noeol". Files appear sorted by name, so the same folder
// always gives the same bundle. A line of a file may not start with "#file " or
// be "#end"; Encode refuses such a file rather than write an ambiguous bundle.
// The "#end" line tells a complete bundle from a truncated download.
package bundle

import (
	"errors"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"honoraria/calc"
)

// Header is the first line of a bundle, format version included.
const Header = "#honoraria-data 1"

const (
	fileMark = "#file "
	endMark  = "#end"
	noEOL    = " noeol"
)

// Encode writes files (names relative to the data folder, such as "2024/tariffs.csv")
// as one bundle. It fails on a name that cannot be written on a header line and on
// a file holding a line that would read as a header.
func Encode(files []calc.File) (string, error) {
	files = append([]calc.File(nil), files...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	var b strings.Builder
	b.WriteString(Header + "\n")
	for i, f := range files {
		if err := checkName(f.Name); err != nil {
			return "", err
		}
		if i > 0 && files[i-1].Name == f.Name {
			return "", errors.New("bundle: " + f.Name + ": given twice")
		}
		data := string(f.Data)
		for n, line := range strings.SplitAfter(data, "\n") {
			if strings.HasPrefix(line, fileMark) || strings.TrimSuffix(line, "\n") == endMark {
				return "", errors.New("bundle: " + f.Name + ":" + strconv.Itoa(n+1) + ": a line may not start with \"#file \" or be \"#end\"")
			}
		}
		b.WriteString(fileMark + f.Name)
		if data != "" && !strings.HasSuffix(data, "\n") {
			b.WriteString(noEOL + "\n" + data + "\n")
			continue
		}
		b.WriteString("\n" + data)
	}
	b.WriteString(endMark + "\n")
	return b.String(), nil
}

// Decode splits a bundle back into its files, byte for byte as they were encoded. The
// files' Data share text's memory: read them, never write to them.
// Errors name the bundle's line: a missing header (not a bundle, e.g. an HTML error
// page), a missing "#end" (a truncated download), text before the first file, an
// empty or repeated name.
func Decode(text string) ([]calc.File, error) {
	rest, ok := strings.CutPrefix(text, Header+"\n")
	if !ok {
		first, _, _ := strings.Cut(text, "\n")
		if len(first) > 40 {
			first = first[:40] + "…"
		}
		return nil, decodeError(1, "expected \""+Header+"\", found "+strconv.Quote(first))
	}
	files := []calc.File{}
	seen := map[string]bool{}
	for line := 2; ; line++ {
		if rest == endMark+"\n" {
			return files, nil
		}
		head, body, ok := strings.Cut(rest, "\n")
		switch name, isFile := strings.CutPrefix(head, fileMark); {
		case !ok && rest == "":
			return nil, errors.New("data bundle: no \"#end\" line: the bundle is truncated")
		case !ok:
			return nil, decodeError(line, "no newline at the end: the bundle is truncated")
		case head == endMark:
			return nil, decodeError(line+1, "text after \"#end\"")
		case !isFile:
			return nil, decodeError(line, "text before the first \"#file\" line")
		default:
			name, noeol := strings.CutSuffix(name, noEOL)
			if name == "" || seen[name] {
				return nil, decodeError(line, "file name \""+name+"\" empty or given twice")
			}
			seen[name] = true
			// The file's lines run up to the next line that starts with "#file " or is "#end".
			end := 0
			for body[end:] != "" && !strings.HasPrefix(body[end:], fileMark) && !strings.HasPrefix(body[end:], endMark+"\n") {
				nl := strings.IndexByte(body[end:], '\n')
				if nl < 0 {
					return nil, decodeError(line+1+strings.Count(body[:end], "\n"), "no newline at the end: the bundle is truncated")
				}
				end += nl + 1
			}
			data := body[:end]
			if noeol {
				data = strings.TrimSuffix(data, "\n")
			}
			files = append(files, calc.File{Name: name, Data: bytesOf(data)})
			line += strings.Count(body[:end], "\n")
			rest = body[end:]
		}
	}
}

// bytesOf is s's bytes without a copy (the page's start-up, issue 12.1: the bundle is
// read once, by calc.NewDataset, which copies what it keeps). They share the string's
// memory, which must not change: a decoded file's Data is read-only.
func bytesOf(s string) []byte { return unsafe.Slice(unsafe.StringData(s), len(s)) }

func decodeError(line int, msg string) error {
	return errors.New("data bundle: line " + strconv.Itoa(line) + ": " + msg)
}

// checkName accepts a relative slash-separated name with no spaces or control
// characters, such as "sources.csv" or "2024/tariffs.csv".
func checkName(name string) error {
	if name == "" || strings.HasPrefix(name, "/") || strings.Contains(name, "..") {
		return errors.New("bad file name " + strconv.Quote(name))
	}
	for _, r := range name {
		if r <= ' ' || r == 0x7f {
			return errors.New("bad file name " + strconv.Quote(name))
		}
	}
	return nil
}
