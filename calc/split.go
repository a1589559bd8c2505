package calc

import (
	"strconv"
	"strings"
)

// SplitFile is the name of the manifest a split data bundle carries in its core (see
// data/bundle.Split): the web page loads a core (every file that is not per-code rows)
// and, on demand, parts holding the rows of the codes that start with one prefix. The
// manifest describes the whole data the core and parts were cut from, so that a dataset
// built from the core and any set of parts answers as the whole data would for the codes
// it holds:
//
//	name,value
//	checksum,…        the whole data's checksum (Meta)
//	horizon,2026      the last year the whole data speaks of
//	prefix_length,2   a code's part is its first prefix_length digits ("all" for 0)
//	parts,01;02;…     the parts that exist
const SplitFile = "split.csv"

// A Split describes the whole data a split dataset was cut from.
type Split struct {
	Checksum     string
	Horizon      int
	PrefixLength int
	Parts        []string
}

// PartName is the name of the part that holds the codes starting with prefix ("all" for
// the one part of a prefix length of 0).
func PartName(prefix string) string {
	if prefix == "" {
		return "all"
	}
	return prefix
}

// PartOf returns the name of the part that holds code's rows, or "" when no part
// does (the whole data has no code with that prefix).
func (s *Split) PartOf(code Code) string {
	if len(code) < s.PrefixLength {
		return ""
	}
	name := PartName(string(code[:s.PrefixLength]))
	for _, p := range s.Parts {
		if p == name {
			return name
		}
	}
	return ""
}

// Split returns the manifest of a split dataset, or nil when the dataset was built from
// a whole data folder.
func (ds *Dataset) Split() *Split { return ds.split }

// SplitManifest writes the manifest of a split of ds's data by code prefixes of
// prefixLength digits into the given parts.
func (ds *Dataset) SplitManifest(prefixLength int, parts []string) File {
	text := "name,value\nchecksum," + ds.checksum + "\nhorizon," + itoa(ds.horizon) +
		"\nprefix_length," + itoa(prefixLength) + "\nparts," + strings.Join(parts, ";") + "\n"
	return File{Name: SplitFile, Data: []byte(text)}
}

// readSplit reads the manifest the build wrote (kept lean: it is in the wasm).
func (ds *Dataset) readSplit(f File) error {
	s := &Split{PrefixLength: -1}
	var err error
	for _, line := range strings.Split(string(f.Data), "\n")[1:] {
		name, v, _ := strings.Cut(strings.TrimSpace(line), ",")
		switch name {
		case "checksum":
			s.Checksum = v
		case "horizon":
			s.Horizon, err = strconv.Atoi(v)
		case "prefix_length":
			s.PrefixLength, err = strconv.Atoi(v)
		case "parts":
			if v != "" {
				s.Parts = strings.Split(v, ";")
			}
		}
		if err != nil {
			break
		}
	}
	if err != nil || s.Checksum == "" || s.PrefixLength < 0 || s.PrefixLength > 6 {
		return &DataError{File: f.Name, Err: "not a split's manifest (checksum, horizon, prefix_length, parts)"}
	}
	ds.split = s
	return nil
}
