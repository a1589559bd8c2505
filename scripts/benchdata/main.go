// Command benchdata writes a GENERATED data folder for the growth benchmark only
// (scripts/bench-growth.sh): the real data folder with every tariff row repeated under
// fake codes, so the folder holds N times the rows and codes. Fake codes are 9xxxxx
// (no real nomenclature code starts with 9 in our data), their labels start with
// "[generated]" and their note says so. Never write it into data/.
//
//	go run ./scripts/benchdata -x 10 -o /tmp/honoraria-10x
package main

import (
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"honoraria/data"
)

func main() {
	times := flag.Int("x", 10, "how many times the real rows (1 = a copy of the real data)")
	out := flag.String("o", "", "the folder to write (must not exist or be empty; never data/)")
	flag.Parse()
	if *out == "" || *times < 1 || *times > 99 {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/benchdata -x N(1–99) -o DIR")
		os.Exit(2)
	}
	if abs, _ := filepath.Abs(*out); strings.HasSuffix(abs, string(filepath.Separator)+"data") {
		fmt.Fprintln(os.Stderr, "benchdata: refusing to write into a folder named data: generated data never goes there")
		os.Exit(2)
	}
	if err := run(*times, *out); err != nil {
		fmt.Fprintln(os.Stderr, "benchdata:", err)
		os.Exit(1)
	}
}

func run(times int, out string) error {
	files, err := data.Files(data.Bundled())
	if err != nil {
		return err
	}
	fake := map[string]string{} // real code + copy → fake code
	for _, f := range files {
		b := f.Data
		if filepath.Base(f.Name) == "tariffs.csv" {
			if b, err = multiply(f.Name, b, times, fake); err != nil {
				return err
			}
		}
		p := filepath.Join(out, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, b, fs.FileMode(0o644)); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "benchdata: %s: %d× the real tariff rows (%d generated codes)\n", out, times, len(fake))
	return nil
}

// multiply appends times−1 copies of every row of a tariffs.csv, each under a fake code.
func multiply(name string, b []byte, times int, fake map[string]string) ([]byte, error) {
	rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	out := append([][]string(nil), rows...)
	for k := 1; k < times; k++ {
		for _, r := range rows[1:] {
			c := append([]string(nil), r...)
			key := fmt.Sprintf("%s/%d", r[col["code"]], k)
			if fake[key] == "" {
				fake[key] = fmt.Sprintf("9%05d", len(fake)+1)
			}
			c[col["code"]] = fake[key]
			c[col["label_fr"]] = "[generated] " + c[col["label_fr"]]
			c[col["label_nl"]] = "[generated] " + c[col["label_nl"]]
			c[col["note"]] = "GENERATED for scripts/bench-growth.sh from " + r[col["code"]] + ": not a real code or figure."
			out = append(out, c)
		}
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(out); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
