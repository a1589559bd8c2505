// Service worker: after the first visit the calculator works with no network.
// The app's files have content-hashed names (scripts/finish-site.mjs), immutable; the
// build fills APP with them and stamps VERSION, a hash of the whole site, so a new build
// installs a new cache and drops the old. Strategy: cache first for the hashed files and
// the versioned data, network first (falling back to the cache) for the pages, so a new
// deployment shows up online.
//
// The precache is the app and the data's core (data/core.txt: sources, rules, messages,
// year parameters): it does not grow with the number of codes. The data's parts
// (data/part-*.txt), the search index (data/search.txt) and the coverage report are
// cached when the page first fetches them (every file of this data version is), in their
// own cache named by the data's version, so every code the user has opened, and the
// search once used, keep working offline (issue 10) — and across a new build of the
// same data.

const VERSION = '__VERSION__';
const DATA_VERSION = '__DATA_VERSION__';
const CACHE = `honoraria-${VERSION}`;
const DATA_CACHE = `honoraria-data-${DATA_VERSION}`; // site/honoraria.js writes here too
const APP = [/* build: hashed files */];
const ASSETS = [
  './',
  './index.html',
  './embed.html',
  './poster.html',
  './coverage.html',
  './embed.js',
  ...APP,
];
const HASHED = new Set(APP.map((a) => new URL(a, self.location.href).pathname));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    await (await caches.open(CACHE)).addAll(ASSETS);
    await (await caches.open(DATA_CACHE)).add(`./data/core.txt?v=${DATA_VERSION}`);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('honoraria-') && key !== CACHE && key !== DATA_CACHE) await caches.delete(key);
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
    const data = url.searchParams.get('v') === DATA_VERSION;
    const cache = await caches.open(data ? DATA_CACHE : CACHE);
    const hit = await cache.match(req);
    if (hit) return hit;
    const res = await fetch(req);
    if (res.ok && (data || HASHED.has(url.pathname))) cache.put(req, res.clone());
    return res;
  })());
});
