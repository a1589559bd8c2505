#!/usr/bin/env bash
# Wasm size budget (issue 5): builds, in one run, the floor — an empty Go wasm
# program that calls syscall/js and shopspring/decimal — and our bridge, with the
# same flags, and prints raw / gzip / brotli sizes and the brotli ratio.
# Budget: ratio ≤ 1.225 (scripts/size-report.mjs; README "Size"). Also prints the whole first load of dist/ (brotli).
# Exit status 1 when over budget (set SIZE_BUDGET_WARN=1 to only warn).
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
node scripts/size-report.mjs "$work/floor.wasm" "$work/honoraria.wasm" "${1:-$root/dist}"
