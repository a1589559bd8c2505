// bench-browser.mjs — the calculator's speed in headless Chromium on localhost (issue 5.2).
//
//   node scripts/bench-browser.mjs [--runs 7] [--dist DIR] [--cpu 4] [--net 4g] [--json] [--load-only]
//
// Each run opens a fresh browser context (empty HTTP cache, no service worker) and loads
// the page with a query in its URL. It reports the median over the runs of:
//   cold load     navigation start → the first [data-field="fee"] with a data-value
//                 (with, on the way: wasm requested and downloaded, data downloaded, the
//                 loader's performance marks honoraria:start, :compiled and :run, engine
//                 ready, and the page's honoraria:resumed: its code after `await load()`,
//                 which runs once the Go program has gone idle and app.js's modules have
//                 been evaluated — before the modulepreloads of index.html, that came
//                 after the engine's start: the "Go idle" gap was their evaluation)
//   floor         the same for the floor page (issue 12.1), loaded in the same run just
//                 before the product, in its own fresh context: scripts/floor — the size
//                 floor of scripts/size.sh (an empty Go program with syscall/js and decimal
//                 money) writing one result <p data-field="fee" data-value="31.81"> into an
//                 empty page, its wasm preloaded from the head and compiled while it
//                 downloads, built with the site's flags and served by the same server
//                 (cmd/serve, brotli) with wasm_exec.js. Printed: product / floor, the
//                 ratio of the medians (goal ≤ 1.3) and the median of each run's ratio.
//   recompute     an input event on the date field → the main result's fee data-value
//                 updated (the page renders it synchronously, with one quote), and → style
//                 and layout done; target: one 16 ms frame. Then → the deferred panels
//                 (compare table, history chart, rendered after the next paint) done:
//                 #compare and #history back to data-ready="true". 15 changes per run,
//                 alternating two dates; each change waits for the previous one to settle.
//   one call      one JS→Go Honoraria.quote({...}) call: 200 calls in a loop, divided.
//   first load    bytes (as sent: brotli) of every response until the first fee shown:
//                 the page, its scripts and styles, the wasm, the data's core and part.
//   date change   data parts fetched during the 15 date changes (across years): 0 wanted.
//   search        per keystroke, after the index is loaded (the first focus fetches it):
//                 typing "consultation genou" and "raadpleging knie" one character at a
//                 time into the search box — input event → suggestions on screen, and the
//                 Honoraria.search call alone.
// --code C and --dates A,B choose the service and the two dates (default 101076,
// 2023-03-01 and 2024-03-01: fees 30.00 and 31.81).
// --cpu N slows the CPU N× (Chromium's DevTools throttling: a phone is ~4–6×), --net 4g
// or 3g throttles the network (DevTools presets); --dist serves another built site (the
// growth benchmark, scripts/bench-growth.sh); --json prints one JSON object instead.
// --load-only measures the cold loads only (product and floor), not the warm figures.
// Uses Debian's /usr/bin/chromium through playwright-core and the local server cmd/serve;
// builds dist/ when it is missing.

import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { startServer, launch, wasmExecJS, DIST, ROOT } from '../e2e/helpers.mjs';

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    dist: { type: 'string', default: DIST },
    cpu: { type: 'string', default: '1' },
    net: { type: 'string', default: 'none' },
    json: { type: 'boolean', default: false },
    code: { type: 'string', default: '101076' },
    dates: { type: 'string', default: '2023-03-01,2024-03-01' },
    'load-only': { type: 'boolean', default: false },
  },
});
const RUNS = Number(opt.runs);
const CPU = Number(opt.cpu);
// DevTools presets (Chromium's "Fast 4G" and "Slow 3G"-like "3G"): latency ms, bytes/s.
const NETWORKS = {
  none: null,
  '4g': { latency: 60, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (1.5 * 1024 * 1024) / 8 },
  '3g': { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
};
if (!(RUNS >= 1) || !(CPU >= 1) || !(opt.net in NETWORKS)) {
  console.error('usage: node scripts/bench-browser.mjs [--runs N≥1] [--dist DIR] [--cpu N≥1] [--net none|4g|3g] [--json]');
  process.exit(2);
}

const DATES = opt.dates.split(',');
const QUERY = `?code=${opt.code}&date=${DATES[1]}&insured=preferential&dmg=1&lang=en`;
const CALL = { code: opt.code, date: DATES[1], insured: 'preferential', dmg: true };
const TYPED = ['consultation genou', 'raadpleging knie'];

// Runs in the page before its own scripts: notes when the engine is installed (Go sets
// Honoraria.quote once the dataset is built) and when the first fee is shown.
function probe() {
  const api = (globalThis.Honoraria = {});
  let quote;
  Object.defineProperty(api, 'quote', {
    configurable: true,
    enumerable: true,
    get: () => quote,
    set: (f) => {
      quote = f;
      globalThis.__engineReady ??= performance.now();
    },
  });
  const seen = () => {
    if (globalThis.__firstFee === undefined && document.querySelector('[data-field="fee"][data-value]')) {
      globalThis.__firstFee = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, obs) => seen() && obs.disconnect())
    .observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value'] });
}

// buildFloor builds the floor page into a temporary folder: scripts/floor (the size floor
// and its page.go) with build-site.sh's flags, this toolchain's wasm_exec.js, the page and
// its loader, and brotli/gzip variants as scripts/finish-site.mjs writes them.
function buildFloor() {
  const dir = mkdtempSync(join(tmpdir(), 'honoraria-floor-'));
  execFileSync('go', ['build', '-trimpath', '-ldflags=-s -w', '-o', join(dir, 'floor.wasm'), './scripts/floor'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, GOOS: 'js', GOARCH: 'wasm' } });
  const exec = wasmExecJS();
  copyFileSync(exec, join(dir, 'wasm_exec.js'));
  for (const f of ['index.html', 'floor.js']) copyFileSync(join(ROOT, 'scripts/floor', f), join(dir, f));
  for (const f of ['index.html', 'floor.js', 'wasm_exec.js', 'floor.wasm']) {
    const data = readFileSync(join(dir, f));
    const mode = f.endsWith('.wasm') ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT;
    writeFileSync(join(dir, f + '.br'), brotliCompressSync(data, { params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: mode,
    } }));
    writeFileSync(join(dir, f + '.gz'), gzipSync(data, { level: 9 }));
  }
  return dir;
}

async function coldLoad(browser, url, query = QUERY) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  if (NETWORKS[opt.net]) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORKS[opt.net] });
  }
  await page.addInitScript(probe);
  await page.goto(url + query, { waitUntil: 'commit' });
  await page.waitForFunction(() => globalThis.__firstFee !== undefined, null, { timeout: 120000 });
  const t = await page.evaluate(() => {
    const res = (name) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith(name));
    const wasm = performance.getEntriesByType('resource').find((e) => /\.wasm$/.test(new URL(e.name).pathname));
    // The data: data.txt (one bundle, before issue 10) or the core and the URL's part.
    const data = performance.getEntriesByType('resource').filter((e) => /\/data\.txt$|\/data\/(core|part-)[^/]*\.txt$/.test(new URL(e.name).pathname));
    const first = globalThis.__firstFee;
    const nav = performance.getEntriesByType('navigation')[0];
    const before = performance.getEntriesByType('resource').filter((e) => e.responseEnd <= first);
    const mark = (name) => performance.getEntriesByName(`honoraria:${name}`)[0]?.startTime;
    return {
      first,
      ready: globalThis.__engineReady,
      wasmStart: wasm?.startTime,
      start: mark('start'),
      compiled: mark('compiled'),
      run: mark('run'),
      resumed: mark('resumed'),
      wasm: wasm?.responseEnd,
      data: Math.max(...data.map((e) => e.responseEnd)),
      wasmBytes: wasm?.encodedBodySize,
      dataBytes: data.reduce((n, e) => n + e.encodedBodySize, 0),
      firstLoadBytes: (nav?.encodedBodySize ?? 0) + before.reduce((n, e) => n + e.encodedBodySize, 0),
    };
  });
  return { context, page, t };
}

// recompute changes the date n times and times each update of the fee.
async function recompute(page, n) {
  return page.evaluate(async ({ dates, n }) => {
    const date = document.getElementById('date');
    const fee = () => document.querySelector('[data-field="fee"]')?.dataset.value;
    const out = { dom: [], layout: [], settled: [] };
    const busy = () => document.querySelector('[data-ready="false"]');
    const waitSettled = () => new Promise((resolve, reject) => {
      if (!busy()) return resolve();
      const timer = setTimeout(() => reject(new Error('panels did not settle')), 5000);
      const obs = new MutationObserver(() => {
        if (!busy()) {
          obs.disconnect();
          clearTimeout(timer);
          resolve();
        }
      });
      obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
    });
    await waitSettled();
    for (let i = 0; i < n; i++) {
      const before = fee();
      date.value = dates[i % dates.length];
      const t0 = performance.now();
      date.dispatchEvent(new Event('input', { bubbles: true }));
      if (fee() === before) {
        // Not (yet) updated synchronously: wait for the attribute to change.
        await new Promise((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error('fee did not change')), 5000);
          const obs = new MutationObserver(() => {
            if (fee() !== before) {
              obs.disconnect();
              clearTimeout(timer);
              resolve();
            }
          });
          obs.observe(document.body, { subtree: true, childList: true, attributes: true });
        });
      }
      const t1 = performance.now();
      void document.body.offsetHeight; // style and layout of the new result
      const t2 = performance.now();
      await waitSettled();
      const t3 = performance.now();
      out.dom.push(t1 - t0);
      out.layout.push(t2 - t0);
      out.settled.push(t3 - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  }, { dates: DATES, n });
}

// search types each text into the search box, one character at a time, once the index
// is loaded, and times each keystroke: input event → suggestions in the DOM, and the
// engine's Honoraria.search alone.
async function search(page) {
  return page.evaluate(async (texts) => {
    await Honoraria.loadIndex();
    const input = document.getElementById('code');
    const list = document.getElementById('suggestions');
    const out = { key: [], call: [] };
    for (const text of texts) {
      for (let i = 2; i <= text.length; i++) {
        const typed = text.slice(0, i);
        input.value = typed;
        const t0 = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
        void list.offsetHeight;
        out.key.push(performance.now() - t0);
        const t1 = performance.now();
        const found = Honoraria.search(typed, 'fr', 8, '2024-03-01');
        out.call.push(performance.now() - t1);
        if (!Array.isArray(found)) throw new Error(`search ${typed}: ${JSON.stringify(found)}`);
      }
    }
    return out;
  }, TYPED);
}

const partRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\/data\/part-/.test(e.name)).length);

async function callCost(page, n = 200) {
  return page.evaluate(({ q, n }) => {
    Honoraria.quote(q); // warm
    const t0 = performance.now();
    for (let i = 0; i < n; i++) Honoraria.quote(q);
    return (performance.now() - t0) / n;
  }, { q: CALL, n });
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const floorDir = buildFloor();
const server = await startServer(opt.dist);
const floorServer = await startServer(floorDir);
const browser = await launch();
const rows = { floor: [], floorWasm: [], ratio: [], wasmStart: [], start: [], compiled: [], run: [], resumed: [], first: [], ready: [], wasm: [], data: [], dom: [], layout: [], settled: [], call: [], firstLoadBytes: [], dateChangeParts: [], key: [], keyMax: [], search: [], searchMax: [] };
let bytes = {};
try {
  for (let r = 0; r < RUNS; r++) {
    const floor = await coldLoad(browser, floorServer.url, '');
    rows.floor.push(floor.t.first);
    rows.floorWasm.push(floor.t.wasm);
    bytes.floorWasm = floor.t.wasmBytes;
    bytes.floorLoad = floor.t.firstLoadBytes;
    await floor.context.close();
    const { context, page, t } = await coldLoad(browser, server.url);
    for (const k of ['first', 'ready', 'wasm', 'data', 'wasmStart', 'start', 'compiled', 'run', 'resumed']) rows[k].push(t[k]);
    rows.ratio.push(t.first / floor.t.first);
    Object.assign(bytes, { wasm: t.wasmBytes, data: t.dataBytes, firstLoad: t.firstLoadBytes });
    rows.firstLoadBytes.push(t.firstLoadBytes);
    if (opt['load-only']) {
      await context.close();
      continue;
    }
    const parts0 = await partRequests(page);
    const rc = await recompute(page, 15);
    rows.dateChangeParts.push((await partRequests(page)) - parts0);
    rows.dom.push(median(rc.dom));
    rows.layout.push(median(rc.layout));
    rows.settled.push(median(rc.settled));
    rows.call.push(await callCost(page));
    const sr = await search(page);
    rows.key.push(median(sr.key));
    rows.keyMax.push(Math.max(...sr.key));
    rows.search.push(median(sr.call));
    rows.searchMax.push(Math.max(...sr.call));
    if (page.errors?.length) throw new Error(page.errors.join('\n'));
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
  await floorServer.stop();
  rmSync(floorDir, { recursive: true, force: true });
}

const med = Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, median(v)]));
med.ratioOfMedians = med.first / med.floor;
const setup = `${RUNS} runs, CPU ${CPU}×, network ${opt.net}, ${join(opt.dist)}`;
if (opt.json) {
  console.log(JSON.stringify({ setup, runs: RUNS, cpu: CPU, net: opt.net, median: med, bytes, samples: rows }));
} else {
  const ms = (x) => (Number.isFinite(x) ? x.toFixed(x < 1 ? 3 : 1) : '–').padStart(9);
  const all = (xs) => xs.map((x) => x.toFixed(x < 1 ? 3 : 1)).join(' ');
  console.log(`headless Chromium, localhost — ${setup}; median (all runs) in ms`);
  console.log(`  cold load → first fee shown      ${ms(med.first)}   (${all(rows.first)})`);
  console.log(`    wasm requested                 ${ms(med.wasmStart)}`);
  console.log(`    loader started (load())        ${ms(med.start)}`);
  console.log(`    wasm downloaded (${bytes.wasm} B)  ${ms(med.wasm)}`);
  console.log(`    data downloaded (${bytes.data} B)  ${ms(med.data)}`);
  console.log(`    wasm compiled                  ${ms(med.compiled)}`);
  console.log(`    Go program started             ${ms(med.run)}`);
  console.log(`    engine ready (data loaded)     ${ms(med.ready)}`);
  console.log(`    page resumed (app.js's await)  ${ms(med.resumed)}`);
  console.log(`  floor: cold load → result shown  ${ms(med.floor)}   (${all(rows.floor)})`);
  console.log(`    wasm downloaded (${bytes.floorWasm} B)  ${ms(med.floorWasm)}   (first load ${bytes.floorLoad} B)`);
  console.log(`  product / floor                  ${med.ratioOfMedians.toFixed(2).padStart(9)}   (median of the runs' ratios ${med.ratio.toFixed(2)}: ${rows.ratio.map((x) => x.toFixed(2)).join(' ')}; goal ≤ 1.3)`);
  console.log(`    wasm arrived → result: product ${ms(med.first - med.wasm)}, floor ${ms(med.floor - med.floorWasm)} (medians' difference)`);
  if (opt['load-only']) process.exit(0);
  console.log(`  recompute: input → fee updated   ${ms(med.dom)}   (${all(rows.dom)})`);
  console.log(`  recompute: → style + layout done ${ms(med.layout)}   (target ≤ 16 ms)`);
  console.log(`  recompute: → compare + history   ${ms(med.settled)}   (deferred, after the next paint)`);
  console.log(`  one JS→Go Honoraria.quote call   ${ms(med.call)}   (${all(rows.call)})`);
  console.log(`  first load: bytes until first fee ${String(med.firstLoadBytes).padStart(9)}   (brotli as sent; budget 900 KB at full scale)`);
  console.log(`  date changes: data parts fetched ${String(med.dateChangeParts).padStart(9)}   (15 changes across years; 0 wanted)`);
  console.log(`  search: keystroke → suggestions  ${ms(med.key)}   (max ${ms(median(rows.keyMax))}; budget 30 ms)`);
  console.log(`  search: one Honoraria.search     ${ms(med.search)}   (max ${ms(median(rows.searchMax))})`);
}
