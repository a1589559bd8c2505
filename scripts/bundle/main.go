// Command bundle writes the data the web page loads (format in data/bundle). The folder is
// validated first, exactly as the engine loads it; a broken file fails with
// file:line: field and nothing is written.
//
// With -split DIR (what scripts/build-site.sh does, issue 10): the data cut into
// DIR/core.txt (every file that is not per-code rows, and the split's manifest),
// DIR/part-PREFIX.txt (the rows of the codes starting with PREFIX, all years; one
// DIR/part-all.txt when the data is small enough for one part) and DIR/search.txt (the
// label search index, calc.IndexFile). The prefix length is the shortest whose largest
// part holds at most -part-bytes of rows (or -prefix N); it is printed on stdout.
//
// It also writes the coverage report (`honoraria coverage --json` of the same folder) cut
// the same way, for the coverage page to show one part at a time: DIR/coverage.json (the
// summary: years, parameters, conflicts, kinds, the parts and the number of codes, and
// per year the number of codes with tariff rows) and DIR/coverage-PART.json (the codes of
// that part and their years).
//
// Without -split: every file of the folder in one bundle (data.txt), as before.
//
//	go run ./scripts/bundle -split dist/data                # the data/ folder of this repository
//	go run ./scripts/bundle -split dist/data DATA_DIR       # another data folder (e.g. an import)
//	go run ./scripts/bundle -o data.txt [DATA_DIR]          # one bundle of everything
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"honoraria/calc"
	"honoraria/data"
	"honoraria/data/bundle"
)

func main() {
	out := flag.String("o", "", "write the bundle to this file (default: standard output)")
	split := flag.String("split", "", "write the split data (core.txt, part-*.txt, search.txt) into this folder")
	partBytes := flag.Int("part-bytes", bundle.DefaultPartBytes, "with -split: the largest part, in bytes of rows")
	prefix := flag.Int("prefix", -1, "with -split: this prefix length (0–6) instead of one chosen by -part-bytes")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/bundle [-o FILE | -split DIR [-part-bytes N] [-prefix N]] [DATA_DIR]   (default DATA_DIR: the data/ folder built into this program)")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 1 || *prefix > 6 {
		flag.Usage()
		os.Exit(2)
	}
	fsys := data.Bundled()
	if dir := flag.Arg(0); dir != "" {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			fmt.Fprintf(os.Stderr, "bundle: DATA_DIR %s is not a folder\n", dir)
			os.Exit(2)
		}
		fsys = os.DirFS(dir)
	}
	var err error
	if *split != "" {
		err = runSplit(fsys, *split, *partBytes, *prefix)
	} else {
		err = run(fsys, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
}

// load reads and validates a data folder (file:line: field on a defect).
func load(fsys fs.FS) ([]calc.File, *calc.Dataset, error) {
	files, err := data.Files(fsys)
	if err != nil {
		return nil, nil, err
	}
	ds, err := calc.NewDataset(files)
	return files, ds, err
}

func run(fsys fs.FS, out string) error {
	files, ds, err := load(fsys)
	if err != nil {
		return err
	}
	text, err := bundle.Encode(files)
	if err != nil {
		return err
	}
	if out == "" {
		_, err = os.Stdout.WriteString(text)
		return err
	}
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bundle: %s: %d files, %d bytes, %d years, checksum %s\n", out, len(files), len(text), len(ds.Years()), ds.Meta()["checksum"])
	return nil
}

func runSplit(fsys fs.FS, dir string, partBytes, prefix int) error {
	files, ds, err := load(fsys)
	if err != nil {
		return err
	}
	if prefix < 0 {
		prefix = bundle.ChoosePrefixLength(files, partBytes)
	}
	cut, err := bundle.Split(files, prefix)
	if err != nil {
		return err
	}
	for i, f := range cut.Core {
		if f.Name == "messages.csv" {
			cut.Core[i].Data = engineMessages(f.Data)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	write := func(name string, files []calc.File) (int, error) {
		text, err := bundle.Encode(files)
		if err != nil {
			return 0, err
		}
		return len(text), os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	coreBytes, err := write("core.txt", cut.Core)
	if err != nil {
		return err
	}
	largest, total := 0, 0
	for name, part := range cut.Parts {
		n, err := write("part-"+name+".txt", part)
		if err != nil {
			return err
		}
		largest, total = max(largest, n), total+n
	}
	ix := ds.Index()
	if err := os.WriteFile(filepath.Join(dir, "search.txt"), ix.Encode(), 0o644); err != nil {
		return err
	}
	if err := writeCoverage(ds, dir, prefix); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "bundle: %s: core %d bytes; %d parts by %d-digit prefix, %d bytes, largest %d; search index %d codes; checksum %s\n",
		dir, coreBytes, len(cut.Parts), prefix, total, largest, ix.Len(), ds.Meta()["checksum"])
	fmt.Println(prefix)
	return nil
}

// writeCoverage writes the coverage report as a summary and one file per part.
func writeCoverage(ds *calc.Dataset, dir string, prefix int) error {
	cov := ds.Coverage().Object()
	codes, _ := cov["codes"].([]any)
	delete(cov, "codes")
	byPart := map[string][]any{}
	var parts []string
	perYear := map[string]int{}
	for _, c := range codes {
		m := c.(map[string]any)
		code := m["code"].(string)
		name := calc.PartName(code[:prefix])
		if byPart[name] == nil {
			parts = append(parts, name)
		}
		byPart[name] = append(byPart[name], c)
		for _, y := range m["years"].([]any) {
			if rows, _ := y.(map[string]any)["rows"].([]any); len(rows) > 0 {
				perYear[y.(map[string]any)["year"].(string)]++
			}
		}
	}
	calc.SortStrings(parts)
	cov["parts"] = parts
	cov["n_codes"] = len(codes)
	cov["codes_per_year"] = perYear
	write := func(name string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	for name, list := range byPart {
		if err := write("coverage-"+name+".json", map[string]any{"codes": list}); err != nil {
			return err
		}
	}
	return write("coverage.json", cov)
}

// engineMessages drops the pages' own texts (keys page.* and coverage.*) from messages.csv:
// the pages read them from contract.js (scripts/sitegen), the engine never does, so the
// data the page loads first stays small. The checksum is the whole data's (the manifest).
func engineMessages(b []byte) []byte {
	var out []byte
	for _, line := range strings.SplitAfter(string(b), "\n") {
		if strings.HasPrefix(line, "page.") || strings.HasPrefix(line, "coverage.") {
			continue
		}
		out = append(out, line...)
	}
	return out
}
