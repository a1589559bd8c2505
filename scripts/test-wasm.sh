#!/usr/bin/env bash
# Runs the wasm bridge's tests under Node: GOOS=js GOARCH=wasm go test ./wasm/
# js/wasm caps the command line plus environment at 8 KiB (golang/go#49011), so
# the tests run with a minimal environment.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
goroot="$(go env GOROOT)"
gocache="$(go env GOCACHE)"
gopath="$(go env GOPATH)"
gomodcache="$(go env GOMODCACHE)"
goproxy="$(go env GOPROXY)"
node_dir="$(dirname "$(command -v node)")"
exec env -i \
  PATH="$goroot/bin:$node_dir:/usr/local/bin:/usr/bin:/bin:$goroot/lib/wasm" \
  HOME="${HOME:-/tmp}" GOCACHE="$gocache" GOPATH="$gopath" GOMODCACHE="$gomodcache" GOPROXY="$goproxy" \
  GOFLAGS="${GOFLAGS:-}" GOOS=js GOARCH=wasm \
  go test "$@" ./wasm/
