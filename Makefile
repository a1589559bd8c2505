# Honoraria — make serve builds and serves the calculator; make test runs every test.
# Both work from a clean clone: they install what they need (Go modules, npm packages,
# Debian's chromium for the browser tests).

PORT ?= 8080
GO ?= go
GOBIN := $(shell $(GO) env GOPATH)/bin
STATICCHECK := $(GOBIN)/staticcheck
WASM_EXEC_PATH := $(shell $(GO) env GOROOT)/lib/wasm

.PHONY: all build serve test go-tests e2e-run unit js-unit lint wasm-test e2e fuzz bench size deps browser clean

all: build

## build: the static site, ready for any static host, in dist/
## (DATA_DIR=/path make build: with another data folder, e.g. an import — docs/deploy.md)
build:
	bash scripts/build-site.sh dist $(DATA_DIR)

## serve: build, then serve dist/ on http://localhost:$(PORT)
serve: build
	PORT=$(PORT) $(GO) run ./cmd/serve -dir dist

## test: every test — vet, staticcheck (native and js/wasm), Go tests, a short fuzz run,
## the wasm bridge under node, and the browser tests in Chromium. The site is built first;
## then the browser tests run alongside the rest, one after the other (two jobs on two
## cores: the browser tests alone keep about one core busy). Each job's output is printed
## when it ends.
test: deps browser
	umask 077 && bash scripts/build-site.sh dist $(DATA_DIR)
	$(MAKE) --no-print-directory -j2 --output-sync=target go-tests e2e-run

go-tests:
	for t in lint unit js-unit size fuzz wasm-test; do $(MAKE) --no-print-directory $$t || exit 1; done

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

## deps: the npm packages of package-lock.json, installed again only when the lock file
## changed since the last install (a copy of it is kept in node_modules/)
deps:
	@cmp -s package-lock.json node_modules/.honoraria-lock 2>/dev/null || { \
	  npm ci --no-audit --no-fund || npm install --no-audit --no-fund; } && cp package-lock.json node_modules/.honoraria-lock

browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update && apt-get install -y chromium; }

## e2e: the browser tests (headless Debian chromium driven by playwright-core). The site is
## built under umask 077 so that e2e/dist.test.mjs can check dist/ is readable by any host.
## The commands the tests start (the server, the command line) are built once, into a
## temporary folder the test files share (HONORARIA_E2E_BIN). e2e-run: the tests on the
## dist/ already built, two test files at a time (much of a browser test is waiting for a page).
e2e: deps browser
	umask 077 && bash scripts/build-site.sh dist $(DATA_DIR)
	$(MAKE) --no-print-directory e2e-run

# The longest test files first (measured: page.test.mjs was about a third of the
# browser time before it was cut in two), so that the two at a time end together.
E2E_FIRST := e2e/page.test.mjs e2e/page-hardening.test.mjs e2e/patients.test.mjs e2e/poster.test.mjs e2e/compare.test.mjs e2e/split.test.mjs
E2E_FILES := $(E2E_FIRST) $(filter-out $(E2E_FIRST),$(sort $(wildcard e2e/*.test.mjs)))

e2e-run:
	bin="$$(mktemp -d)" && trap 'rm -rf "$$bin"' EXIT && \
	$(GO) build -o "$$bin/serve" ./cmd/serve && $(GO) build -o "$$bin/honoraria" ./cmd/honoraria && \
	HONORARIA_E2E_BIN="$$bin" node --test --test-concurrency=2 $(E2E_FILES)

## bench: Go benchmarks (one quote, a year's coverage)
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./calc/ ./data/

## size: wasm size against the floor of an empty Go program importing shopspring/decimal
size:
	bash scripts/size.sh

clean:
	rm -rf dist
