#!/usr/bin/env bash
# Runs every fuzz target of the module for DURATION each (default 10s). The targets are
# found in the sources (every `func FuzzX(f *testing.F)` in a _test.go file), so a new one
# is never forgotten; `go test -fuzz` takes one target per package per run, hence the loop.
# Seed corpora live in each package's testdata/fuzz/<Target>/; new failing inputs are
# written there too — commit them with the fix.
#   bash scripts/fuzz.sh 10s      (make fuzz)
# FUZZ_MINIMIZE_TIME bounds the minimization of each new input (default 200x: 200
# executions; Go's default, 60 s, stalls the fuzzer on inputs of a few hundred bytes —
# see importer/fuzz_test.go).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
duration="${1:-10s}"
mapfile -t targets < <(git ls-files '*_test.go' | xargs grep -H '^func Fuzz[A-Za-z0-9_]*(f \*testing.F)' |
  sed -E 's#^(.*)/[^/]*_test\.go:func (Fuzz[A-Za-z0-9_]*)\(.*#./\1 \2#' | sort -u)
[ "${#targets[@]}" -gt 0 ] || { echo "fuzz.sh: no fuzz target found" >&2; exit 1; }
if [ -n "${FUZZ_LIST:-}" ]; then printf '%s\n' "${targets[@]}"; exit 0; fi # the targets, for tests
for t in "${targets[@]}"; do
  set -- $t
  echo "fuzz $1 $2 for $duration"
  go test -run '^$' -fuzz "^$2\$" -fuzztime "$duration" -fuzzminimizetime "${FUZZ_MINIMIZE_TIME:-200x}" -parallel 2 "$1"
done
