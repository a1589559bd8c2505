// boot.js — the calculator page's first script (issue 12.1): a small classic script at the
// top of the head, parser-blocking on purpose, so that it runs the moment it arrives (an
// async script waits for the browser's turn: with a throttled CPU, after the page's first
// style, layout and paint, a second later). It starts what the first result waits for and
// the loader would only start once it has arrived and run:
//   - the wasm's streaming compilation, on the response the head's preload is downloading,
//     so the wasm compiles while its bytes arrive (Honoraria._boot.compiling);
//   - wasm_exec.js, preloaded from the head (Honoraria._boot.exec);
//   - the download of the data part the URL's code needs (a preload the loader's fetch
//     picks up; the same rule as honoraria.js's partOf, with the prefix length the build
//     stamps into both);
// then it imports the loader (site/honoraria.js, preloaded from the head), which takes
// these over and starts the engine. app.js calls load() again and gets the same
// Honoraria.ready. Nothing here throws: a failure shows through Honoraria.ready.
(() => {
  const api = (globalThis.Honoraria ??= {});
  const here = document.currentScript?.src ?? location.href;
  const boot = (api._boot = {});
  if (typeof WebAssembly === 'object' && typeof WebAssembly.compileStreaming === 'function') {
    boot.compiling = WebAssembly.compileStreaming(fetch(new URL('./honoraria.wasm', here)));
    boot.compiling.catch(() => {}); // awaited by the loader, which falls back on an error
  }
  if (typeof globalThis.Go !== 'function') {
    boot.exec = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = new URL('./wasm_exec.js', here).href;
      s.onload = resolve;
      s.onerror = () => reject(new Error('could not load wasm_exec.js'));
      document.head.append(s);
    });
    boot.exec.catch(() => {});
  }
  const prefix = Number('__DATA_PREFIX__');
  const code = new URLSearchParams(location.search).get('code') || '';
  const part = prefix === 0 ? 'all' : prefix > 0 && /^\d{6}$/.test(code) ? code.slice(0, prefix) : null;
  if (part) {
    const link = document.createElement('link');
    Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
    link.href = new URL(`./data/part-${part}.txt?v=__DATA_VERSION__`, here).href;
    document.head.append(link);
  }
  import('./honoraria.js').then((m) => {
    m.load();
  }, () => {});
})();
