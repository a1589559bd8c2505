#!/usr/bin/env bash
# Growth benchmark (issues 5.3 and 10): the first load, the cold load, a date change and the
# search as the data grows to the whole nomenclature, side by side in one run. For each
# scale it builds the site (scripts/build-site.sh: the data split into a core, parts and a
# search index) and runs scripts/bench-browser.mjs on it: on localhost, and with a
# phone-like 4× slower CPU on a throttled 4G network.
#   1     today's data/ folder (41 codes), quoting 101076
#   10    GENERATED: data/ + 400 synthetic codes 0xxxxx over 15 years (scripts/benchdata)
#   full  GENERATED: data/ + 10,000 synthetic codes over 15 years (~39 MB of CSV)
#   export GENERATED: a full-scale synthetic NomenSoft export (scripts/nomensoft-gen)
#         imported into data/ (cmd/honoraria import): tariffs and per-category prices
# Generated folders live in a temporary folder, never in data/; they quote a synthetic code.
#
#   bash scripts/bench-growth.sh [SCALES…]     default: 1 10 full
#   RUNS=5 bash scripts/bench-growth.sh 1 full
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(1 10 full)
runs="${RUNS:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/honoraria-growth.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "| data | codes | parts | first load (brotli) | cold load, localhost | engine ready | cold load, 4× CPU + 4G | engine ready | search keystroke (max) | date change: parts fetched |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${scales[@]}"; do
  site="$work/site-$n"
  case "$n" in
    1) label="today's data/"; code=101076; dates=2023-03-01,2024-03-01
       bash scripts/build-site.sh "$site" >/dev/null ;;
    10) label="generated 10× codes"; codes=400 ;;
    full) label="generated full scale"; codes=10000 ;;
    export) label="imported full-scale export"; codes=10000 ;;
    *) echo "bench-growth.sh: scale $n: 1, 10, full or export" >&2; exit 2 ;;
  esac
  if [ "$n" = export ]; then
    # The importer's real output: a synthetic NomenSoft export (scripts/nomensoft-gen, 16
    # years, 650 fee codes) imported into data/, with its prices.csv per patient category.
    go run ./scripts/nomensoft-gen -out "$work/export" 2>/dev/null
    go run ./cmd/honoraria import "$work/export" --out "$work/data-$n" >/dev/null
    bash scripts/build-site.sh "$site" "$work/data-$n" >/dev/null
    code=000016; dates=2014-03-01,2024-03-01
  elif [ "$n" != 1 ]; then
    go run ./scripts/benchdata -codes "$codes" -years 15 -o "$work/data-$n" 2>/dev/null
    bash scripts/build-site.sh "$site" "$work/data-$n" >/dev/null
    code="$(printf '%06d' $((100000 / codes)))"; dates=2014-03-01,2024-03-01
  fi
  ncodes="$(($(wc -l <"$site/data/search.txt") - 1))"
  nparts="$(ls "$site/data" | grep -c '^part-.*\.txt$')"
  fast="$(node scripts/bench-browser.mjs --json --runs "$runs" --dist "$site" --code "$code" --dates "$dates")"
  slow="$(node scripts/bench-browser.mjs --json --runs "$runs" --dist "$site" --code "$code" --dates "$dates" --cpu 4 --net 4g)"
  node -e '
    const [label, codes, parts, fast, slow] = process.argv.slice(1);
    const f = JSON.parse(fast).median, s = JSON.parse(slow).median, fs = JSON.parse(fast).samples;
    const ms = (x) => `${Math.round(x)} ms`;
    const max = Math.max(...fs.keyMax);
    console.log(`| ${label} | ${codes} | ${parts} | ${f.firstLoadBytes.toLocaleString("en")} B | ${ms(f.first)} | ${ms(f.ready)} | ${ms(s.first)} | ${ms(s.ready)} | ${f.key.toFixed(1)} ms (${max.toFixed(1)}) | ${f.dateChangeParts} |`);
  ' "$label" "$ncodes" "$nparts" "$fast" "$slow"
done
echo "(median of $runs runs each; scripts/bench-browser.mjs; $(nproc)-core $(uname -m), $(node --version), Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'))"
