// Loader for the WebAssembly engine. It creates the global Honoraria object
// with a `ready` promise, fetches the engine (honoraria.wasm) and the data
// bundle (data.txt: every data file in one text, see data/bundle) in parallel,
// hands the bundle's text to the Go program in Honoraria._data and starts it;
// Go builds the dataset, adds quote, year, search and meta to the object and
// resolves `ready`. A wasm or data that cannot be loaded rejects `ready` with a
// plain message. A deployment changes its data by replacing data.txt (see
// data/README.md): the wasm stays the same.
//
//   import { load } from './honoraria.js';
//   await load();                       // or: await Honoraria.ready
//   Honoraria.quote({ code: '101076', date: '2024-03-01', dmg: true });
//
// wasm_exec.js (from the same Go toolchain as the wasm) must be loaded first;
// it defines the global Go class.

const WASM_URL = new URL('./honoraria.wasm?v=__VERSION__', import.meta.url);
const DATA_URL = new URL('./data.txt?v=__VERSION__', import.meta.url);
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
  const data = fetchData(); // in parallel with wasm_exec.js and the wasm
  data.catch(() => {}); // awaited below; not an unhandled rejection meanwhile
  if (typeof globalThis.Go !== 'function') await loadScript(EXEC_URL);
  if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
  const go = new globalThis.Go();
  const [instance, text] = await Promise.all([instantiate(go), data]);
  api._data = text; // read (and deleted) by the Go program
  go.run(instance).then(
    () => fail(api, new Error('the engine stopped')),
    (err) => fail(api, err),
  );
}

async function fetchData() {
  let res;
  try {
    res = await fetch(DATA_URL);
  } catch (err) {
    throw new Error(`data.txt: ${err.message}`);
  }
  if (!res.ok) throw new Error(`data.txt: HTTP ${res.status}`);
  return res.text();
}

async function instantiate(go) {
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
  return instance;
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
