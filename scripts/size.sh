#!/usr/bin/env bash
# Wasm size budget (issue 5): builds, in one run, the floor — an empty Go wasm
# program that calls syscall/js and shopspring/decimal — and our bridge, with the
# same flags, and prints raw / gzip / brotli sizes and the brotli ratio.
# Budget: ratio ≤ 1.225 (scripts/size-report.mjs; docs/measurements.md, "Size"). Also prints the whole first load of dist/ (brotli).
# Exit status 1 when over budget (set SIZE_BUDGET_WARN=1 to only warn). SIZE_LAYOUTS=6: also the
# mean over 6 data layouts, to measure a small change (below).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# A fixed folder name: the package path is compiled into the floor, so a random name
# would make its size (and the ratio) vary from run to run by a few hundred bytes.
work="$root/_sizefloor"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
# The floor's source is scripts/floor/main.go (its page.go, which writes a result into a page
# for scripts/bench-browser.mjs, is left out: the size floor is main.go alone).
cp scripts/floor/main.go "$work/main.go"
# -buildid= on both: the build ID (a hash of the sources, 40 bytes) alone moves the brotli
# size by ~1.3 KB from one edit to the next, even of a comment; without it the sizes are
# the same for the same code.
flags=(-trimpath -ldflags='-s -w -buildid=')
GOOS=js GOARCH=wasm go build "${flags[@]}" -o "$work/floor.wasm" "./$(basename "$work")"
# As scripts/build-site.sh builds it: no inlining in our own packages (honoraria/...).
GOOS=js GOARCH=wasm go build "${flags[@]}" -gcflags='honoraria/...=-l' -o "$work/honoraria.wasm" ./wasm
# SIZE_LAYOUTS=N (opt-in, ~10 s a build): the brotli sizes also vary by ±2 KB with where the
# data lands (one character more in a message moves them as much), so a change of a kilobyte
# or two cannot be seen in one build. Build IDs of N lengths (0, 1, … N-1 bytes) shift the
# data of both programs: the mean of N ratios is what a change is measured by (docs/measurements.md, "Size").
if [ -n "${SIZE_LAYOUTS:-}" ]; then
  pairs=()
  for ((i = 0; i < SIZE_LAYOUTS; i++)); do
    id="$(head -c "$i" /dev/zero | tr '\0' x)"
    lflags=(-trimpath -ldflags="-s -w -buildid=$id")
    GOOS=js GOARCH=wasm go build "${lflags[@]}" -o "$work/floor-$i.wasm" "./$(basename "$work")"
    GOOS=js GOARCH=wasm go build "${lflags[@]}" -gcflags='honoraria/...=-l' -o "$work/honoraria-$i.wasm" ./wasm
    pairs+=("$work/floor-$i.wasm" "$work/honoraria-$i.wasm")
  done
  node scripts/size-report.mjs --layouts "${pairs[@]}"
fi
node scripts/size-report.mjs "$work/floor.wasm" "$work/honoraria.wasm" "${1:-$root/dist}"
