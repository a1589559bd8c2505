// The floor page's loader (scripts/bench-browser.mjs): compile the wasm while it downloads
// (preloaded from the page's head), then run it; the Go program writes the result.
const go = new globalThis.Go();
const { instance } = await WebAssembly.instantiateStreaming(fetch(new URL('floor.wasm', import.meta.url)), go.importObject);
go.run(instance);
