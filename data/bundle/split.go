package bundle

import (
	"errors"
	"sort"
	"strings"

	"honoraria/calc"
)

// Split data (issue 10): the web page does not fetch every code of the nomenclature. The
// build cuts a data folder into
//
//   - a core: every file that is not per-code rows (sources, rules, messages, year
//     parameters, fee-code meanings …), a header-only copy of every per-code file (so the
//     core alone knows every year and loads as a dataset), and the manifest
//     calc.SplitFile (the whole data's checksum and horizon, the prefix length, the parts);
//   - parts: the rows of every per-code file — a YYYY/*.csv whose first column is "code"
//     (tariffs.csv, prices.csv …), and labels-LANG.csv — grouped by the first PrefixLength digits of the code,
//     all years of a code in one part, each file with its own header.
//
// Each is written as one bundle (Encode). The page merges the core with the parts it has
// loaded (Merge) and builds the dataset from that.

// A Cut is a data folder split into a core and parts by code prefix.
type Cut struct {
	PrefixLength int
	Core         []calc.File
	Parts        map[string][]calc.File // by calc.PartName(prefix)
}

// PerCode reports whether f holds per-code rows: a YYYY/*.csv whose header's first column
// is "code", or a file of translated labels (calc.IsLabelFile), whose rows grow with the
// codes translated.
func PerCode(f calc.File) bool {
	dir, _, ok := strings.Cut(f.Name, "/")
	if calc.IsLabelFile(f.Name) {
		ok, dir = true, "0000"
	}
	if !ok || len(dir) != 4 || strings.Trim(dir, "0123456789") != "" || !strings.HasSuffix(f.Name, ".csv") {
		return false
	}
	head, _, _ := strings.Cut(string(f.Data), "\n")
	first, _, _ := strings.Cut(strings.TrimPrefix(head, "\ufeff"), ",")
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(first), `"`)) == "code"
}

// records splits CSV text into records (a quoted field may hold newlines), byte for byte:
// the records joined give the text back.
func records(text string) []string {
	var out []string
	start, quoted := 0, false
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '"':
			quoted = !quoted
		case '\n':
			if !quoted {
				out = append(out, text[start:i+1])
				start = i + 1
			}
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// firstCell is the record's first field, unquoted.
func firstCell(rec string) string {
	cell, _, _ := strings.Cut(strings.TrimRight(rec, "\r\n"), ",")
	return strings.Trim(strings.TrimSpace(cell), `"`)
}

// PartSizes returns the bytes of per-code rows each prefix of length n would hold.
func PartSizes(files []calc.File, n int) map[string]int {
	sizes := map[string]int{}
	for _, f := range files {
		if !PerCode(f) {
			continue
		}
		recs := records(string(f.Data))
		for _, rec := range recs[min(1, len(recs)):] {
			sizes[calc.PartName(prefix(firstCell(rec), n))] += len(rec)
		}
	}
	return sizes
}

func prefix(code string, n int) string {
	if len(code) < n {
		return code
	}
	return code[:n]
}

// ChoosePrefixLength returns the shortest prefix length (0–6) whose largest part holds
// at most maxBytes of rows: one part for a small data set, more as it grows.
func ChoosePrefixLength(files []calc.File, maxBytes int) int {
	for n := 0; n < 6; n++ {
		largest := 0
		for _, s := range PartSizes(files, n) {
			largest = max(largest, s)
		}
		if largest <= maxBytes {
			return n
		}
	}
	return 6
}

// Split cuts a data folder's files into a core and parts by code prefixes of n digits.
// The files are validated first (calc.NewDataset): the manifest carries the whole data's
// checksum and horizon. A row whose code is shorter than n digits is refused.
func Split(files []calc.File, n int) (*Cut, error) {
	if n < 0 || n > 6 {
		return nil, errors.New("split: prefix length must be 0–6")
	}
	ds, err := calc.NewDataset(files)
	if err != nil {
		return nil, err
	}
	cut := &Cut{PrefixLength: n, Parts: map[string][]calc.File{}}
	for _, f := range files {
		if f.Name == calc.SplitFile {
			return nil, errors.New("split: " + f.Name + " is already a split's manifest")
		}
		if !PerCode(f) {
			cut.Core = append(cut.Core, f)
			continue
		}
		recs := records(string(f.Data))
		cut.Core = append(cut.Core, calc.File{Name: f.Name, Data: []byte(recs[0])})
		byPart := map[string]*strings.Builder{}
		var order []string
		for _, rec := range recs[1:] {
			code := firstCell(rec)
			if len(code) < n {
				return nil, errors.New("split: " + f.Name + ": code " + code + " is shorter than the prefix")
			}
			name := calc.PartName(prefix(code, n))
			b := byPart[name]
			if b == nil {
				b = &strings.Builder{}
				b.WriteString(withEOL(recs[0]))
				byPart[name] = b
				order = append(order, name)
			}
			b.WriteString(withEOL(rec))
		}
		for _, name := range order {
			cut.Parts[name] = append(cut.Parts[name], calc.File{Name: f.Name, Data: []byte(byPart[name].String())})
		}
	}
	names := make([]string, 0, len(cut.Parts))
	for name := range cut.Parts {
		names = append(names, name)
	}
	sort.Strings(names)
	cut.Core = append(cut.Core, ds.SplitManifest(n, names))
	return cut, nil
}

func withEOL(s string) string {
	if strings.HasSuffix(s, "\n") {
		return s
	}
	return s + "\n"
}

// Merge joins the files of a core and parts: files of the same name are concatenated,
// the header of every copy after the first dropped. Files keep the order in which their
// name first appears (calc.NewDataset sorts them: no sort package in the wasm).
func Merge(groups ...[]calc.File) []calc.File {
	var out []calc.File
	at := map[string]int{}
	for _, g := range groups {
		for _, f := range g {
			i, seen := at[f.Name]
			if !seen {
				at[f.Name] = len(out)
				out = append(out, calc.File{Name: f.Name, Data: f.Data})
				continue
			}
			rest := f.Data
			if nl := strings.IndexByte(string(rest), '\n'); nl >= 0 {
				rest = rest[nl+1:]
			} else {
				rest = nil
			}
			if len(rest) == 0 {
				continue
			}
			data := append([]byte(nil), out[i].Data...)
			if len(data) > 0 && data[len(data)-1] != '\n' {
				data = append(data, '\n')
			}
			out[i].Data = append(data, rest...)
		}
	}
	return out
}

// DefaultPartBytes is the largest part ChoosePrefixLength aims for by default: about
// 40 KB brotli of tariff rows, small next to the wasm (README, "Split data"; docs/measurements.md).
const DefaultPartBytes = 256 << 10
