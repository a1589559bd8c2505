# Honoraria — make serve builds and serves the calculator; make test runs every test.
# Both work from a clean clone: they install what they need (Go modules, npm packages,
# Debian's chromium for the browser tests).

PORT ?= 8080
GO ?= go
GOBIN := $(shell $(GO) env GOPATH)/bin
STATICCHECK := $(GOBIN)/staticcheck
WASM_EXEC_PATH := $(shell $(GO) env GOROOT)/lib/wasm

.PHONY: all build serve test unit js-unit lint wasm-test e2e fuzz bench size deps browser clean

all: build

## build: the static site, ready for any static host, in dist/
## (DATA_DIR=/path make build: with another data folder, e.g. an import — docs/deploy.md)
build:
	bash scripts/build-site.sh dist $(DATA_DIR)

## serve: build, then serve dist/ on http://localhost:$(PORT)
serve: build
	PORT=$(PORT) $(GO) run ./cmd/serve -dir dist

## test: every test — vet, staticcheck (native and js/wasm), Go tests, a short fuzz run,
## the wasm bridge under node, and the browser tests in Chromium
test: lint unit js-unit size fuzz wasm-test e2e

unit:
	$(GO) test -count=1 ./...

## js-unit: the pages' pure JS modules under node (no browser; unit/)
js-unit:
	node --test unit/

$(STATICCHECK):
	$(GO) install honnef.co/go/tools/cmd/staticcheck@v0.8.2

lint: $(STATICCHECK)
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	$(STATICCHECK) ./...
	GOOS=js GOARCH=wasm $(STATICCHECK) ./...

## fuzz: a short run of each fuzz target (seed corpora in testdata/fuzz)
fuzz:
	bash scripts/fuzz.sh 30000x

## wasm-test: the js/wasm bridge tests under node (clean environment: js/wasm caps env at 8 KiB)
wasm-test:
	env -i PATH="$(PATH):$(WASM_EXEC_PATH)" HOME="$(HOME)" GOCACHE="$$($(GO) env GOCACHE)" GOPATH="$$($(GO) env GOPATH)" GOMODCACHE="$$($(GO) env GOMODCACHE)" GOFLAGS=-mod=mod GOOS=js GOARCH=wasm $(GO) test -count=1 ./wasm/ ./calc/

deps:
	npm ci --no-audit --no-fund || npm install --no-audit --no-fund

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update && apt-get install -y chromium; }

## e2e: the browser tests (headless Debian chromium driven by playwright-core). The site is
## built under umask 077 so that e2e/dist.test.mjs can check dist/ is readable by any host.
e2e: deps browser
	umask 077 && bash scripts/build-site.sh dist $(DATA_DIR)
	node --test e2e/

## bench: Go benchmarks (one quote, a year's coverage)
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./calc/ ./data/

## size: wasm size against the floor of an empty Go program importing shopspring/decimal
size:
	bash scripts/size.sh

clean:
	rm -rf dist
