#!/usr/bin/env bash
# Builds the static site into dist/ (or the folder given as $1):
#   site/ files, wasm_exec.js from this Go toolchain, honoraria.wasm (calc + the
#   bundled data), a cache-busting version stamped into every __VERSION__, and
#   .br/.gz variants of every text file and the wasm.
# The result is ready for any static host; `go run ./cmd/serve -dir dist` serves it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/dist}"
cd "$root"

goroot="$(go env GOROOT)"
exec_js="$goroot/lib/wasm/wasm_exec.js"
[ -f "$exec_js" ] || exec_js="$goroot/misc/wasm/wasm_exec.js" # Go ≤ 1.23

tmp="$(mktemp -d "${out%/}.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

cp -R site/. "$tmp/"
cp "$exec_js" "$tmp/wasm_exec.js"
GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o "$tmp/honoraria.wasm" ./wasm
node scripts/finish-site.mjs "$tmp"

rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
echo "built $out"
