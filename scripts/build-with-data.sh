#!/usr/bin/env bash
# Builds the site with another data folder than the bundled one (an insurer's import of the
# official export, see docs/deploy.md):
#
#   bash scripts/build-with-data.sh DATA_DIR [OUT]        # site in OUT (default dist/)
#   bash scripts/build-with-data.sh --run DATA_DIR CMD…   # run CMD in the prepared copy
#   DATA_DIR=/path make build                             # the same as the first form
#
# It runs in a temporary copy of the repository whose data/*.csv and data/YYYY/ are replaced
# by DATA_DIR's, so that the command-line tool (which embeds its data with go:embed) answers
# from DATA_DIR too (--run); the working tree is never touched. For the site alone,
# `bash scripts/build-site.sh OUT DATA_DIR` is enough: the wasm carries no data. DATA_DIR is
# validated (loaded with the engine) before anything is built: a broken folder fails with
# file:line: field.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run=0
if [ "${1:-}" = "--run" ]; then
  run=1
  shift
fi
if [ $# -lt 1 ] || [ -z "$1" ]; then
  echo "usage: build-with-data.sh DATA_DIR [OUT] | --run DATA_DIR CMD..." >&2
  exit 2
fi
data_dir="$(cd "$1" && pwd)" || { echo "build-with-data.sh: DATA_DIR $1 is not a folder" >&2; exit 2; }
shift
[ -f "$data_dir/sources.csv" ] || { echo "build-with-data.sh: $data_dir has no sources.csv: not a data folder" >&2; exit 2; }
if [ "$run" = 0 ]; then
  out="${1:-$root/dist}"
  mkdir -p "$(dirname "$out")"
  out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
fi

copy="$(mktemp -d "${TMPDIR:-/tmp}/honoraria-build.XXXXXX")"
trap 'rm -rf "$copy"' EXIT

# The repository without its heavy or generated parts; node_modules is linked, not copied.
tar -C "$root" --exclude=./.git --exclude=./node_modules --exclude=./dist --exclude='./_*' -cf - . | tar -C "$copy" -xf -
[ -d "$root/node_modules" ] && ln -s "$root/node_modules" "$copy/node_modules"

# Replace the bundled data: every .csv at the top and every YYYY/ folder.
rm -f "$copy"/data/*.csv
rm -rf "$copy"/data/[12][0-9][0-9][0-9]
cp "$data_dir"/*.csv "$copy/data/"
for d in "$data_dir"/[12][0-9][0-9][0-9]; do
  [ -d "$d" ] && cp -R "$d" "$copy/data/"
done

cd "$copy"
# Validate the data as the program loads it (fails with file:line: field).
go run ./cmd/honoraria coverage >/dev/null

if [ "$run" = 1 ]; then
  "$@"
  exit $?
fi
bash scripts/build-site.sh "$out"
echo "built $out with the data of $data_dir"
