package importer

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"honoraria/calc"
)

// maxFuzzInput bounds FuzzImport's inputs (see there).
const maxFuzzInput = 2 << 10

// FuzzImport: any bytes are an export that parses, or an *Error naming the file; a parsed
// export merges into the bundled data or fails with an error, never a panic; a merge's
// result always loads and answers its added codes within the invariants.
//
// Seeds: testdata/fuzz/FuzzImport, each under 1 KB. Why the fuzzer used to stall: every
// input that reaches new coverage is minimized, and Go's minimizer tries every pair of cut
// points — O(n²) executions — for up to -fuzzminimizetime (60 s by default), during which
// the worker runs nothing else. With the 5 KB XML fixture as a seed, the first new input
// kept the workers minimizing for the whole minute (13 executions a minute); even a 700-byte
// input took ~15 s. So: small seeds, inputs capped at maxFuzzInput, and — unless
// -fuzzminimizetime is given — minimization limited to 200 executions per input. It then
// runs thousands of executions a second. The full fixtures are parsed by the other tests.
func FuzzImport(f *testing.F) {
	limitMinimization()
	// A small base (no tariffs) keeps each execution cheap: the merge itself is the target.
	var base []calc.File
	for _, bf := range bundledFiles(f) {
		if !strings.Contains(bf.Name, "/") {
			base = append(base, bf)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) > maxFuzzInput {
			return
		}
		rows, err := Parse("fuzz.csv", b)
		if err != nil {
			var ie *Error
			if !errors.As(err, &ie) || ie.File != "fuzz.csv" {
				t.Fatalf("Parse: %T %v, want *Error naming the file", err, err)
			}
			return
		}
		res, err := Merge(base, FromRows("fuzz.csv", rows))
		if err != nil {
			var ie *Error
			if errors.As(err, &ie) {
				return
			}
			// Anything else must be explained (e.g. a merged folder that would not load).
			if !strings.Contains(err.Error(), "merged data") {
				t.Fatalf("Merge: %T %v", err, err)
			}
			return
		}
		ds, err := calc.NewDataset(res.Files)
		if err != nil {
			t.Fatalf("a merged folder must load: %v", err)
		}
		for _, c := range res.Added {
			q, err := calc.ParseQuery(map[string]string{"code": string(c.Code), "date": c.Period.From.String(), "age": "40"})
			if err != nil {
				t.Fatal(err)
			}
			quote, err := ds.Quote(q)
			if err != nil {
				continue // e.g. a code the rules do not reimburse on that date
			}
			if quote.PersonalShare != nil && (quote.PersonalShare.IsNegative() || !quote.PersonalShare.Add(*quote.Reimbursement).Equal(quote.Fee)) {
				t.Fatalf("%s: share %s + reimbursement %s ≠ fee %s", c.Code, quote.PersonalShare, quote.Reimbursement, quote.Fee)
			}
		}
	})
}

// limitMinimization sets -fuzzminimizetime to 200 executions unless it was given.
func limitMinimization() {
	given := false
	flag.Visit(func(fl *flag.Flag) { given = given || fl.Name == "test.fuzzminimizetime" })
	if !given {
		_ = flag.Set("test.fuzzminimizetime", "200x")
	}
}

// Issue 13.9: FuzzImport's seeds stay small (a 5 KB seed stalled the fuzzer), and
// scripts/fuzz.sh runs every fuzz target of the module, data/bundle's FuzzRoundTrip included.
func TestFuzzSetup(t *testing.T) {
	entries, err := os.ReadDir("testdata/fuzz/FuzzImport")
	require.NoError(t, err)
	for _, e := range entries {
		info, err := e.Info()
		require.NoError(t, err)
		assert.Less(t, info.Size(), int64(1<<10), "seed %s", e.Name())
	}

	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	var want []string
	re := regexp.MustCompile(`(?m)^func (Fuzz\w*)\(f \*testing\.F\)`)
	require.NoError(t, filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != ".." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			want = append(want, "./"+filepath.ToSlash(filepath.Dir(strings.TrimPrefix(p, "../")))+" "+m[1])
		}
		return nil
	}))
	cmd := exec.Command("bash", "scripts/fuzz.sh")
	cmd.Dir = ".."
	cmd.Env = append(os.Environ(), "FUZZ_LIST=1")
	out, err := cmd.Output()
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	assert.ElementsMatch(t, want, lines)
	assert.Contains(t, lines, "./data/bundle FuzzRoundTrip")
	assert.Contains(t, lines, "./importer FuzzImport")
}
