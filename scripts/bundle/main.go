// Command bundle writes the data bundle the web page loads (dist/data.txt, format in
// data/bundle): every .csv of a data folder in one plain-text file. The folder is
// validated first, exactly as the engine loads it; a broken file fails with
// file:line: field and nothing is written.
//
//	go run ./scripts/bundle -o dist/data.txt            # the data/ folder of this repository
//	go run ./scripts/bundle -o dist/data.txt DATA_DIR   # another data folder (e.g. an import)
//	go run ./scripts/bundle DATA_DIR > data.txt
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"

	"honoraria/calc"
	"honoraria/data"
	"honoraria/data/bundle"
)

func main() {
	out := flag.String("o", "", "write the bundle to this file (default: standard output)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/bundle [-o FILE] [DATA_DIR]   (default DATA_DIR: the data/ folder built into this program)")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 1 {
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
	if err := run(fsys, *out); err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
}

func run(fsys fs.FS, out string) error {
	files, err := data.Files(fsys)
	if err != nil {
		return err
	}
	ds, err := calc.NewDataset(files)
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
