// Loader for the WebAssembly engine. It creates the global Honoraria object with a
// `ready` promise, fetches the engine (honoraria.wasm) and the data in parallel, hands
// the data's text to the Go program in Honoraria._data and starts it; Go builds the
// dataset, adds quote, compare, poster, year, search and meta to the object and resolves
// `ready`. A wasm or data that cannot be loaded rejects `ready` with a plain message.
//
// The data is split at build time (scripts/bundle -split, data/bundle.Split): data/core.txt
// (sources, rules, messages, year parameters: every file that is not per-code rows),
// data/part-PREFIX.txt (every row of the codes starting with PREFIX, all years; one
// data/part-all.txt when the data is small) and data/search.txt (the label search index).
// The core is fetched with the wasm, and so is the part of a code in the page's URL
// (?code=, the poster's ?codes=). Another code's part is fetched when it is first
// quoted, the search index when the search box is first used:
//
//   import { load } from './honoraria.js';
//   await load();                                   // or: await Honoraria.ready
//   await Honoraria.quote({ code: '101076', date: '2024-03-01', dmg: true });
//
// Honoraria.quote, compare and poster return the answer at once when the code's data is
// loaded and otherwise a promise of it (fetch the part, then answer), so `await Honoraria.quote(q)`
// always gives the real answer; so does Honoraria.search with the index. If the part or
// the index cannot be fetched (offline, never opened), the promise resolves to
// {error: {kind: 'unavailable', …}}, like every other error: nothing throws.
//
// The start is the first-result path (issue 12.1): load() starts at once, in parallel, the
// wasm's download and its streaming compilation, the data's core and the URL's part, and
// wasm_exec.js (from the same Go toolchain as the wasm; it defines the global Go class:
// a page that loaded it already keeps its own). The calculator's page calls load() from
// boot.js, the first script of its head, which has already started the wasm's
// compilation, wasm_exec.js and the URL's part (Honoraria._boot: see boot.js); its head
// also preloads the wasm, the core and wasm_exec.js, so the downloads start with the HTML.
//
// The build gives the wasm and wasm_exec.js content-hashed names and stamps the data's
// version (scripts/finish-site.mjs): every URL below is immutable.

const DATA_VERSION = '__DATA_VERSION__';
const WASM_URL = new URL('./honoraria.wasm', import.meta.url);
const EXEC_URL = new URL('./wasm_exec.js', import.meta.url);
const dataURL = (file) => new URL(`./data/${file}?v=${DATA_VERSION}`, import.meta.url);
// The split's prefix length, stamped by scripts/build-site.sh (NaN when not stamped:
// then no part is fetched ahead, the engine still asks for the one it needs).
const PREFIX_LENGTH = Number('__DATA_PREFIX__');

// partOf names the part that holds a code's rows, or null.
export function partOf(code) {
  if (!Number.isInteger(PREFIX_LENGTH) || !/^\d{6}$/.test(code || '')) return null;
  return PREFIX_LENGTH === 0 ? 'all' : code.slice(0, PREFIX_LENGTH);
}

let coreText = null;
const partTexts = new Map(); // loaded parts: name → text
const fetches = new Map(); // name → promise of the part's text
let indexLoad = null;

// load starts the engine once and returns Honoraria.ready.
export function load() {
  const api = (globalThis.Honoraria ??= {});
  if (api.ready) return api.ready;
  api.ready = new Promise((resolve, reject) => {
    api._resolve = (v) => {
      wrap(api);
      resolve(v);
    };
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

// The parts the page's URL will need: its ?code= and the poster's ?codes=.
function partsInURL() {
  const names = new Set(PREFIX_LENGTH === 0 ? ['all'] : []);
  if (typeof location === 'object') {
    const p = new URLSearchParams(location.search);
    for (const code of [p.get('code'), ...(p.get('codes') || '').split(/[\s,;]+/)]) {
      const name = partOf(code);
      if (name) names.add(name);
    }
  }
  return [...names];
}

async function start(api) {
  mark('start')();
  if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
  // The wasm compiles while it downloads; the core, the URL's parts and wasm_exec.js
  // download alongside. The calculator page's boot.js has started the compilation and
  // wasm_exec.js before the loader arrived: take them over.
  const boot = api._boot ?? {};
  delete api._boot;
  const module = compile(boot.compiling).then(mark('compiled'));
  const core = fetchText('core.txt').then(mark('data'));
  const exec = typeof globalThis.Go === 'function' ? null : (boot.exec?.catch(() => loadScript(EXEC_URL)) ?? loadScript(EXEC_URL));
  for (const p of [module, core, exec]) p?.catch(() => {}); // awaited below; not unhandled meanwhile
  const parts = partsInURL().map((name) => fetchPart(name).then((text) => [name, text], () => null));
  await exec;
  const go = new globalThis.Go();
  const [compiled, text, ...got] = await Promise.all([module, core, ...parts]);
  const instance = await WebAssembly.instantiate(compiled, go.importObject);
  mark('run')();
  coreText = text;
  for (const p of got) if (p) partTexts.set(p[0], p[1]);
  api._data = merged(); // read (and deleted) by the Go program
  api._parts = [...partTexts.keys()].join(';');
  go.run(instance).then(
    () => fail(api, new Error('the engine stopped')),
    (err) => fail(api, err),
  );
}

async function fetchText(file) {
  let res;
  try {
    res = await fetch(dataURL(file));
  } catch (err) {
    throw new Error(`data/${file}: ${err.message}`);
  }
  if (!res.ok) throw new Error(`data/${file}: HTTP ${res.status}`);
  keepOffline(res);
  return res.text();
}

// keepOffline puts a fetched data file in the service worker's cache (site/sw.js), so a
// part or the index fetched before the worker took control works offline too.
function keepOffline(res) {
  try {
    if (typeof caches !== 'object' || typeof location !== 'object' || new URL(res.url).origin !== location.origin) return;
    const copy = res.clone();
    caches.open(`honoraria-data-${DATA_VERSION}`).then((c) => c.put(res.url, copy)).catch(() => {});
  } catch {
    // no Cache Storage here (an opaque origin, a private window): online only
  }
}

function fetchPart(name) {
  if (!fetches.has(name)) {
    const p = fetchText(`part-${name}.txt`);
    fetches.set(name, p);
    p.catch(() => fetches.delete(name)); // try again next time
  }
  return fetches.get(name);
}

// merged joins the core and the loaded parts into one bundle (data/bundle's format and
// bundle.Merge's rule: files of the same name concatenated, the header of every copy
// after the first dropped).
function merged() {
  if (partTexts.size === 0) return coreText;
  // A text that is not a whole bundle (an HTML error page, a truncated download) goes
  // to the engine as it is, which says what is wrong with it.
  const bad = [coreText, ...partTexts.values()].find((t) => !t.startsWith('#honoraria-data 1\n') || !t.endsWith('\n#end\n'));
  if (bad !== undefined) return bad;
  const files = new Map(); // name → {head, lines, skip}
  for (const text of [coreText, ...partTexts.values()]) {
    const lines = text.split('\n');
    let cur = null;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      if (line === '#end') break;
      if (line.startsWith('#file ')) {
        const name = line.slice(6).replace(/ noeol$/, '');
        cur = files.get(name);
        if (cur) {
          cur.head = `#file ${name}`;
          cur.skip = true;
        } else {
          cur = { head: line, lines: [], skip: false };
          files.set(name, cur);
        }
      } else if (cur.skip) {
        cur.skip = false;
      } else {
        cur.lines.push(line);
      }
    }
  }
  const out = ['#honoraria-data 1'];
  for (const f of files.values()) out.push(f.head, ...f.lines);
  out.push('#end', '');
  return out.join('\n');
}

// unavailable is the error object of a part or index that could not be fetched.
function unavailable(what, err) {
  return { error: { kind: 'unavailable', field: null, value: null, message: `${what} could not be loaded: ${err?.message ?? err}` } };
}

// withPart fetches a part and rebuilds the engine's dataset with it.
async function withPart(api, name) {
  if (partTexts.has(name)) return;
  const text = await fetchPart(name);
  if (partTexts.has(name)) return;
  partTexts.set(name, text);
  const err = api._load(merged(), [...partTexts.keys()].join(';'));
  if (err) {
    partTexts.delete(name);
    throw new Error(err);
  }
}

// loadIndex fetches the label search index once (the page calls it when the search
// box is first used, so it is never on the first load's path).
function loadIndex(api) {
  indexLoad ??= fetchText('search.txt').then((text) => {
    const err = api._setIndex(text);
    if (err) throw new Error(err);
  });
  indexLoad.catch(() => {
    indexLoad = null;
  });
  return indexLoad;
}

// wrap puts the promise-returning quote, compare, poster and search on the object, over Go's.
function wrap(api) {
  for (const name of ['quote', 'compare', 'poster']) {
    const go = api[name];
    api[name] = (...args) => {
      const res = go(...args);
      if (!res || !res._part) return res;
      const part = res._part;
      return withPart(api, part).then(() => go(...args), (err) => unavailable(`data/part-${part}.txt`, err));
    };
  }
  const goSearch = api.search;
  api.search = (...args) => {
    const res = goSearch(...args);
    if (!res || !res._index) return res;
    return loadIndex(api).then(() => goSearch(...args), (err) => unavailable('data/search.txt', err));
  };
  api.loadIndex = () => loadIndex(api).then(() => true, () => false);
}

// mark(name) returns a pass-through that records a performance mark honoraria:NAME (read
// by scripts/bench-browser.mjs).
function mark(name) {
  return (v) => {
    globalThis.performance?.mark?.(`honoraria:${name}`);
    return v;
  };
}

// compile fetches the wasm and compiles it as it downloads — or takes over the compilation
// the page's boot.js started (early).
async function compile(early) {
  try {
    return await (early ?? WebAssembly.compileStreaming(fetch(WASM_URL)));
  } catch (streamingError) {
    // A host that serves .wasm with the wrong MIME type breaks streaming
    // compilation; compiling from bytes still works.
    const res = await fetch(WASM_URL);
    if (!res.ok) throw new Error(`honoraria.wasm: HTTP ${res.status}`);
    try {
      return await WebAssembly.compile(await res.arrayBuffer());
    } catch (err) {
      throw new Error(`honoraria.wasm: ${err.message} (streaming: ${streamingError.message})`);
    }
  }
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
