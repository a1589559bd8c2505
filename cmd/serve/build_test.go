package main

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 13.8: `make build` leaves dist/ readable by everyone (a static host running as
// another user answered 403 on a 0700 folder), even under a strict umask.
func TestBuiltSiteIsWorldReadable(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site")
	}
	out := filepath.Join(t.TempDir(), "dist")
	cmd := exec.Command("bash", "-c", `umask 077 && bash scripts/build-site.sh "$0"`, out)
	cmd.Dir = "../.."
	b, err := cmd.CombinedOutput()
	require.NoError(t, err, string(b))
	n := 0
	require.NoError(t, filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		require.NoError(t, err)
		st, err := os.Stat(p)
		require.NoError(t, err)
		want := os.FileMode(0o004)
		if d.IsDir() {
			want = 0o005
		}
		assert.Equal(t, want, st.Mode().Perm()&want, "%s is %v", p, st.Mode().Perm())
		n++
		return nil
	}))
	assert.Greater(t, n, 10)
}
