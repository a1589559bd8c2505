package importer

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestBuildWithImportedData is issue 6's "done when": import the fixture, rebuild from the
// result with scripts/build-with-data.sh, and the rebuilt program answers with the fixture's
// amounts; the js/wasm build of the same copy compiles.
func TestBuildWithImportedData(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a copy of the repository")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	res, _ := importInto(t, "nomensoft-fixture.xml", "nomensoft-conflict.csv")
	require.Len(t, res.Replaced, 1)
	dir := filepath.Join(t.TempDir(), "data")
	require.NoError(t, WriteFolder(dir, res.Files))

	script, err := filepath.Abs("../scripts/build-with-data.sh")
	require.NoError(t, err)
	run := func(args ...string) []byte {
		cmd := exec.Command("bash", append([]string{script, "--run", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		out, err := cmd.Output()
		if ee, ok := err.(*exec.ExitError); ok {
			t.Fatalf("%v: %v\n%s", args, err, ee.Stderr)
		}
		require.NoError(t, err)
		return out
	}
	for _, c := range []struct {
		args                      []string
		fee, reimbursement, share string
	}{
		{[]string{"--code", "109991", "--date", "2025-01-01"}, "25.00", "15.00", "10.00"},
		{[]string{"--code", "109991", "--date", "2025-01-01", "--insured", "preferential"}, "25.00", "22.00", "3.00"},
		{[]string{"--code", "109994", "--date", "2024-06-01"}, "12.34", "", ""},
		// The export is authoritative: its 99.99 replaced the data's 31.81.
		{[]string{"--code", "101076", "--date", "2024-03-01"}, "99.99", "", ""},
	} {
		out := run(append([]string{"go", "run", "./cmd/honoraria", "quote", "--json"}, c.args...)...)
		var o map[string]any
		require.NoError(t, json.Unmarshal(out, &o), string(out))
		assert.Equal(t, c.fee, o["fee"], c.args)
		if c.reimbursement != "" {
			assert.Equal(t, c.reimbursement, o["reimbursement"], c.args)
			assert.Equal(t, c.share, o["personal_share"], c.args)
		}
	}
	run("env", "GOOS=js", "GOARCH=wasm", "go", "build", "-o", os.DevNull, "./wasm")
}
