package importer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"honoraria/calc"
)

// WriteFolder writes a data folder (as Merge returns it) to dir, which must not exist or be
// empty: an import never overwrites a folder it did not create. The files are written to a
// temporary sibling first and renamed, so dir is never left half written.
func WriteFolder(dir string, files []calc.File) error {
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty: choose a new folder", dir)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".import-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, f := range files {
		p := filepath.Join(tmp, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	_ = os.Remove(dir) // an empty folder given as the destination
	return os.Rename(tmp, dir)
}
