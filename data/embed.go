// Package data bundles the sourced data files (see README.md in this folder) and loads
// them into a calc.Dataset.
package data

import (
	"embed"
	"io/fs"
	"strings"

	"honoraria/calc"
)

//go:embed *.csv 20*/*.csv
var bundled embed.FS

// Bundled is the data folder compiled into the program.
func Bundled() fs.FS { return bundled }

// Files reads every .csv under fsys (a folder laid out like this one), named relative to it.
// A folder made before registry.csv existed (an older import) gets the program's own: the
// registry declares what the engine implements, so it belongs to the program as much as to
// the data.
func Files(fsys fs.FS) ([]calc.File, error) {
	var out []calc.File
	hasRegistry := false
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".csv") {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		hasRegistry = hasRegistry || p == "registry.csv"
		out = append(out, calc.File{Name: p, Data: b})
		return nil
	})
	if err == nil && !hasRegistry && len(out) > 0 {
		b, rerr := fs.ReadFile(bundled, "registry.csv")
		if rerr != nil {
			return nil, rerr
		}
		out = append(out, calc.File{Name: "registry.csv", Data: b})
	}
	return out, err
}

// LoadFrom parses and validates the data folder fsys.
func LoadFrom(fsys fs.FS) (*calc.Dataset, error) {
	files, err := Files(fsys)
	if err != nil {
		return nil, err
	}
	return calc.NewDataset(files)
}

// Load parses and validates the bundled data.
func Load() (*calc.Dataset, error) { return LoadFrom(bundled) }
