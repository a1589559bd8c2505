// Service worker: after the first visit the calculator works with no network.
// The build stamps VERSION; a new build installs a new cache and drops the old.
// Strategy: cache first for the versioned app files, network first (falling
// back to the cache) for the page itself, so a new deployment shows up online.
//
// The precache is the app and the data's core (data/core.txt: sources, rules, messages,
// year parameters): it does not grow with the number of codes. The data's parts
// (data/part-*.txt), the search index (data/search.txt) and the coverage report are
// cached when the page first fetches them (every versioned file is), so every code the
// user has opened, and the search once used, keep working offline (issue 10).

const VERSION = '__VERSION__';
const CACHE = `honoraria-${VERSION}`;
const ASSETS = [
  './',
  './index.html',
  './embed.html',
  './poster.html',
  './coverage.html',
  `./styles.css?v=${VERSION}`,
  `./app.js?v=${VERSION}`,
  `./honoraria.js?v=${VERSION}`,
  `./i18n.js?v=${VERSION}`,
  `./contract.js?v=${VERSION}`,
  `./state.js?v=${VERSION}`,
  `./format.js?v=${VERSION}`,
  `./dom.js?v=${VERSION}`,
  `./suggest.js?v=${VERSION}`,
  `./compare.js?v=${VERSION}`,
  `./history.js?v=${VERSION}`,
  `./wasm_exec.js?v=${VERSION}`,
  `./honoraria.wasm?v=${VERSION}`,
  `./data/core.txt?v=${VERSION}`,
  `./manifest.webmanifest?v=${VERSION}`,
  `./icon.svg?v=${VERSION}`,
  `./embed.js?v=${VERSION}`,
  `./poster.js?v=${VERSION}`,
  `./docs.css?v=${VERSION}`,
  `./coverage.js?v=${VERSION}`,
  `./coverage.css?v=${VERSION}`,
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('honoraria-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;

  if (req.mode === 'navigate') {
    // The page: its query string is state, not a different document.
    event.respondWith((async () => {
      try {
        const res = await fetch(req);
        if (res.ok) return res;
        throw new Error(String(res.status));
      } catch {
        const cache = await caches.open(CACHE);
        const page = `./${url.pathname.split('/').pop() || 'index.html'}`;
        return (await cache.match(page)) || (await cache.match('./index.html')) || (await cache.match('./')) || Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(req);
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok && url.searchParams.get('v') === VERSION) cache.put(req, res.clone());
    return res;
  })());
});
