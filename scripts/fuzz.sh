#!/usr/bin/env bash
# Runs every fuzz target for DURATION each (default 10s): the query parser and the data
# loader (calc), the official-export importer. `go test -fuzz` takes one target per package
# per run, hence the loop. Seed corpora live in each package's testdata/fuzz/<Target>/;
# new failing inputs are written there too — commit them with the fix.
#   bash scripts/fuzz.sh 10s      (make fuzz)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
duration="${1:-10s}"
targets=(
  "./calc FuzzParseQuery"
  "./calc FuzzNewDataset"
  "./importer FuzzImport"
)
for t in "${targets[@]}"; do
  set -- $t
  echo "fuzz $1 $2 for $duration"
  go test -run '^$' -fuzz "^$2\$" -fuzztime "$duration" -fuzzminimizetime "${FUZZ_MINIMIZE_TIME:-5s}" -parallel 2 "$1"
done
