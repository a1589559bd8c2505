// boot.js — the calculator page's first script (issue 12.1): a classic async script at the
// top of the head, which runs as soon as it arrives, while the HTML is still parsed and
// before the style sheet and app.js's modules are in (a module script would wait for
// all of them). It imports the loader (preloaded from the head) and starts the engine:
// the wasm compiled while it downloads, the data fetched, the Go program run. app.js
// calls load() again and gets the same Honoraria.ready.
import('./honoraria.js').then((m) => {
  m.load(); // a failure is reported through Honoraria.ready, which app.js awaits
}, () => {});
