// Loader for the WebAssembly engine. It creates the global Honoraria object
// with a `ready` promise, then starts the Go program (honoraria.wasm), which
// adds quote, year, search and meta to that object and resolves `ready`.
//
//   import { load } from './honoraria.js';
//   await load();                       // or: await Honoraria.ready
//   Honoraria.quote({ code: '101076', date: '2024-03-01', dmg: true });
//
// wasm_exec.js (from the same Go toolchain as the wasm) must be loaded first;
// it defines the global Go class.

const WASM_URL = new URL('./honoraria.wasm?v=__VERSION__', import.meta.url);
const EXEC_URL = new URL('./wasm_exec.js?v=__VERSION__', import.meta.url);

// load starts the engine once and returns Honoraria.ready.
export function load() {
  const api = (globalThis.Honoraria ??= {});
  if (api.ready) return api.ready;
  api.ready = new Promise((resolve, reject) => {
    api._resolve = resolve;
    api._reject = reject;
  });
  start(api).catch((err) => fail(api, err));
  // A rejection is reported through the returned promise; do not also raise an
  // unhandled-rejection event when nobody awaits Honoraria.ready.
  api.ready.catch(() => {});
  return api.ready;
}

function fail(api, err) {
  const reject = api._reject;
  delete api._resolve;
  delete api._reject;
  if (reject) reject(err instanceof Error ? err : new Error(String(err)));
}

async function start(api) {
  if (typeof globalThis.Go !== 'function') await loadScript(EXEC_URL);
  if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
  const go = new globalThis.Go();
  let instance;
  try {
    ({ instance } = await WebAssembly.instantiateStreaming(fetch(WASM_URL), go.importObject));
  } catch (streamingError) {
    // A host that serves .wasm with the wrong MIME type breaks streaming
    // compilation; compiling from bytes still works.
    const res = await fetch(WASM_URL);
    if (!res.ok) throw new Error(`honoraria.wasm: HTTP ${res.status}`);
    try {
      ({ instance } = await WebAssembly.instantiate(await res.arrayBuffer(), go.importObject));
    } catch (err) {
      throw new Error(`honoraria.wasm: ${err.message} (streaming: ${streamingError.message})`);
    }
  }
  go.run(instance).then(
    () => fail(api, new Error('the engine stopped')),
    (err) => fail(api, err),
  );
}

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = url.href;
    s.onload = resolve;
    s.onerror = () => reject(new Error('could not load wasm_exec.js'));
    document.head.append(s);
  });
}
