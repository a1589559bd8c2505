#!/usr/bin/env bash
# Builds the static site into dist/ (or the folder given as $1):
#   site/ files, wasm_exec.js from this Go toolchain, honoraria.wasm (the engine,
#   no data), the data split for the page (validated first: data/, or the data folder
#   given as $2; scripts/bundle -split): data/core.txt, data/part-PREFIX.txt (the rows of
#   the codes with that prefix, all years), data/search.txt (the label search index),
#   the split's prefix length stamped into honoraria.js (__DATA_PREFIX__), coverage.json
#   (`honoraria coverage --json` of the same folder, read by coverage.html), then
#   scripts/finish-site.mjs: content-hashed names for the app's files (app.0123456789.js;
#   the references rewritten, assets.json lists them), the data's version in its URLs
#   (data/core.txt?v=…), the service worker's precache list, and .br/.gz variants of
#   every text file and the wasm.
#
#   bash scripts/build-site.sh [OUT [DATA_DIR]]     e.g. bash scripts/build-site.sh dist ../import
# The result is ready for any static host; `go run ./cmd/serve -dir dist` serves it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/dist}"
data_dir=""
if [ -n "${2:-}" ]; then
  data_dir="$(cd "$2" && pwd)" || { echo "build-site.sh: data folder $2 not found" >&2; exit 2; }
fi
cd "$root"

goroot="$(go env GOROOT)"
exec_js="$goroot/lib/wasm/wasm_exec.js"
[ -f "$exec_js" ] || exec_js="$goroot/misc/wasm/wasm_exec.js" # Go ≤ 1.23

tmp="$(mktemp -d "${out%/}.tmp.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

cp -R site/. "$tmp/"
cp "$exec_js" "$tmp/wasm_exec.js"
# The pages' contract module: the query's fields, the categories and the pages' texts from
# the engine's tables and data/messages.csv (the one translation store; scripts/sitegen).
go run ./scripts/sitegen "$tmp/contract.js"
# -gcflags honoraria/...=-l: no inlining in our own packages — 11 KB less wasm after
# brotli for ~4 % more time per quote (docs/measurements.md). scripts/size.sh builds alike.
GOOS=js GOARCH=wasm go build -trimpath -gcflags='honoraria/...=-l' -ldflags='-s -w' -o "$tmp/honoraria.wasm" ./wasm
prefix="$(go run ./scripts/bundle -split "$tmp/data" ${PART_BYTES:+-part-bytes "$PART_BYTES"} ${data_dir:+"$data_dir"})"
sed -i "s/__DATA_PREFIX__/$prefix/" "$tmp/honoraria.js" "$tmp/boot.js"
# The coverage page's report (issue 6.3) comes with the split data, cut by the same parts:
# data/coverage.json (summary) and data/coverage-PART.json (scripts/bundle -split).
node scripts/finish-site.mjs "$tmp"
chmod -R a+rX "$tmp" # mktemp -d makes 0700: a static host running as another user must read dist/

rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
echo "built $out"
