package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// goldenCase is one command of testdata/golden.txt with its expected values.
type goldenCase struct {
	line   int
	args   []string
	expect [][2]string // path, value
}

func readGolden(t *testing.T, path string) []goldenCase {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var cases []goldenCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, " "):
			require.NotEmpty(t, cases, "line %d: expectation before any command", n)
			k, v, ok := strings.Cut(strings.TrimSpace(line), " = ")
			require.True(t, ok, "line %d: want `path = value`", n)
			c := &cases[len(cases)-1]
			c.expect = append(c.expect, [2]string{k, v})
		default:
			cases = append(cases, goldenCase{line: n, args: strings.Fields(line)})
		}
	}
	require.NoError(t, sc.Err())
	return cases
}

// lookup follows a dotted path through decoded JSON (a number indexes a list) and renders
// the leaf as the golden file writes it: strings bare, true/false, null.
func lookup(v any, path string) (string, bool) {
	for _, k := range strings.Split(path, ".") {
		if list, ok := v.([]any); ok {
			i, err := strconv.Atoi(k)
			if err != nil || i < 0 || i >= len(list) {
				return "", false
			}
			v = list[i]
			continue
		}
		m, ok := v.(map[string]any)
		if !ok {
			return "", false
		}
		if v, ok = m[k]; !ok {
			return "", false
		}
	}
	switch x := v.(type) {
	case nil:
		return "null", true
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	}
	return fmt.Sprint(v), true
}

func TestGolden(t *testing.T) {
	for _, c := range readGolden(t, "testdata/golden.txt") {
		t.Run(fmt.Sprintf("line%d", c.line), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(append(c.args, "--json"), &stdout, &stderr)
			var obj any
			if status == 0 {
				require.NoError(t, json.Unmarshal(stdout.Bytes(), &obj), "stdout is one JSON object")
			}
			wantStatus := "0"
			for _, e := range c.expect {
				if e[0] == "exit" {
					wantStatus = e[1]
					continue
				}
				got, ok := lookup(obj, e[0])
				if assert.True(t, ok, "%s: no %s in the answer (stderr %q)", strings.Join(c.args, " "), e[0], stderr.String()) {
					assert.Equal(t, e[1], got, "%s: %s", strings.Join(c.args, " "), e[0])
				}
			}
			assert.Equal(t, wantStatus, strconv.Itoa(status), "%s: exit status (stderr %q)", strings.Join(c.args, " "), stderr.String())
			if status != 0 {
				assert.Empty(t, stdout.String(), "no answer on error")
				assert.Equal(t, 1, strings.Count(stderr.String(), "\n"), "one line on stderr")
			}
		})
	}
}
