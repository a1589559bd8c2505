#!/usr/bin/env bash
# Import benchmark (issues 9.7 and 13): generates synthetic NomenSoft exports of several
# sizes (scripts/nomensoft-gen, codes 0xxxxx, temporary folder only) and times
# `honoraria import` on each: wall time, peak memory (RSS), input and output size.
#   bash scripts/bench-import.sh [CODES…]        default: 700 7000 10000 14000
# (700 codes ≈ 10 MB of XML, 7,000 ≈ 100 MB, 10,000 = the full-scale export ≈ 150 MB,
# 14,000 ≈ 200 MB.) Prints one Markdown table row per size.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(700 7000 10000 14000)
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/honoraria" ./cmd/honoraria
echo "| codes | export (XML) | amount rows | import time | peak RSS | data folder written |"
echo "|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
  rm -rf "$tmp/export" "$tmp/data"
  go run ./scripts/nomensoft-gen -out "$tmp/export" -codes "$n" 2>/dev/null
  in_mb=$(du -sm "$tmp/export" | cut -f1)
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$tmp/honoraria" import "$tmp/export" --out "$tmp/data" >"$tmp/report"
  read -r secs kb <"$tmp/time"
  rows=$(sed -n 's/.*; \([0-9]*\) amount rows$/\1/p' "$tmp/report")
  out_mb=$(du -sm "$tmp/data" | cut -f1)
  echo "| $n | ${in_mb} MB | $rows | ${secs} s | $((kb / 1024)) MB | ${out_mb} MB |"
done
