#!/usr/bin/env bash
# Growth benchmark (issue 5.3): how the data bundle and the cold load grow with the number
# of codes (tariff rows) bundled. Builds the site once, then for each factor N writes a
# GENERATED data folder with N× the real tariff rows (scripts/benchdata; fake 9xxxxx codes,
# in a temporary folder, never in data/), swaps it in as data.txt the way a deployment
# would (scripts/bundle + finish-site.mjs), and runs scripts/bench-browser.mjs on it:
# on localhost, and with a phone-like 4× slower CPU on a throttled 4G network.
#
#   bash scripts/bench-growth.sh [FACTORS…]     default: 1 10 45 (45× rows ≈ 10× the bytes)
#   RUNS=5 bash scripts/bench-growth.sh 1 10
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
factors=("$@")
[ ${#factors[@]} -gt 0 ] || factors=(1 10 45)
runs="${RUNS:-5}"
work="$(mktemp -d "${TMPDIR:-/tmp}/honoraria-growth.XXXXXX")"
trap 'rm -rf "$work"' EXIT

bash scripts/build-site.sh "$work/base" >/dev/null
echo "| data | codes | data.txt raw | data.txt brotli | wasm brotli | cold load, localhost | engine ready | cold load, 4× CPU + 4G | engine ready |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${factors[@]}"; do
  site="$work/site-$n"
  cp -R "$work/base" "$site"
  if [ "$n" = 1 ]; then
    label="real"
    go run ./scripts/bundle -o "$site/data.txt" 2>/dev/null
  else
    label="generated ${n}× rows"
    go run ./scripts/benchdata -x "$n" -o "$work/data-$n" 2>/dev/null
    go run ./scripts/bundle -o "$site/data.txt" "$work/data-$n" 2>/dev/null
  fi
  node scripts/finish-site.mjs "$site" >/dev/null
  codes="$(grep -c '' <(tail -n +2 -q "$site"/data.txt | grep -E '^[0-9]{6},' | cut -d, -f1 | sort -u))"
  fast="$(node scripts/bench-browser.mjs --json --runs "$runs" --dist "$site")"
  slow="$(node scripts/bench-browser.mjs --json --runs "$runs" --dist "$site" --cpu 4 --net 4g)"
  node -e '
    const [label, codes, raw, br, wasm, fast, slow] = process.argv.slice(1);
    const f = JSON.parse(fast).median, s = JSON.parse(slow).median;
    const ms = (x) => `${Math.round(x)} ms`;
    console.log(`| ${label} | ${codes} | ${raw} | ${br} | ${wasm} | ${ms(f.first)} | ${ms(f.ready)} | ${ms(s.first)} | ${ms(s.ready)} |`);
  ' "$label" "$codes" "$(stat -c %s "$site/data.txt")" "$(stat -c %s "$site/data.txt.br")" "$(stat -c %s "$site/honoraria.wasm.br")" "$fast" "$slow"
done
echo "(median of $runs runs each; scripts/bench-browser.mjs; $(nproc)-core $(uname -m), $(node --version), Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'))"
