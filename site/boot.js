// boot.js — the calculator page's first module (issue 12.1): an async module of the
// head, with no other import than the loader, so the engine starts (wasm compiled while
// it downloads, data fetched, Go program run) while app.js and its imports still load.
// app.js calls load() again and gets the same Honoraria.ready.
import { load } from './honoraria.js';

load();
