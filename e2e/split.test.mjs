// Split data (issue 10): the JS API answers exactly what the command line answers from
// the whole data folder, whatever parts the page has loaded. Two sites are built into
// temporary folders: the bundled data cut into many small parts (PART_BYTES=3000), and a
// GENERATED folder of 300 synthetic codes 0xxxxx over 15 years (scripts/benchdata).
// The page starts with the core only; each quote of a code whose part is not loaded
// returns a promise; a date change across years for a code already opened fetches nothing.
// The sites are built without .br/.gz variants (PRECOMPRESS=0): compression is dist/'s
// business (load.test.mjs), and brotli on the wasm costs ~7 s of CPU per build.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, cli, launch, openPage, startServer, waitReady } from './helpers.mjs';

const work = mkdtempSync(join(tmpdir(), 'honoraria-split-'));
const GENERATED = join(work, 'generated-data');
const sites = {};
let browser;

function build(name, dataDir, partBytes) {
  const out = join(work, name);
  execFileSync('bash', ['scripts/build-site.sh', out, ...(dataDir ? [dataDir] : [])], {
    cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, PRECOMPRESS: '0', ...(partBytes ? { PART_BYTES: String(partBytes) } : {}) },
  });
  return out;
}

before(async () => {
  execFileSync('go', ['run', './scripts/benchdata', '-codes', '300', '-years', '15', '-o', GENERATED], { cwd: ROOT, stdio: 'ignore' });
  for (const [name, dataDir, bytes] of [['bundled', null, 3000], ['generated', GENERATED, null]]) {
    const dir = build(name, dataDir, bytes);
    sites[name] = { dir, server: await startServer(dir), dataArgs: dataDir ? ['--data', dataDir] : [] };
  }
  // The bundled data in one part: the built site, dist/.
  sites.whole = { server: await startServer() };
  browser = await launch();
});

after(async () => {
  await browser?.close();
  for (const s of Object.values(sites)) await s.server.stop();
  rmSync(work, { recursive: true, force: true });
});

const parts = (page) => page.requests.filter((u) => /\/data\/part-/.test(u));

async function openCore(site) {
  const { context, page } = await openPage(browser);
  await page.goto(site.server.url + '?lang=en&date=2024-03-01');
  await waitReady(page);
  assert.deepEqual(parts(page), [], 'no code in the URL: the core only');
  return { context, page };
}

test('the bundled data cut into many parts answers as the bundled folder, code by code', async () => {
  const site = sites.bundled;
  const names = readdirSync(join(site.dir, 'data')).filter((f) => /^part-.*\.txt$/.test(f));
  assert.ok(names.length > 3, `several parts: ${names}`);
  const { context, page } = await openCore(site);
  // The same data in one part (dist/), in another page: the split page must answer as it
  // does, for every code; and as the command line does, for every eighth code (the page
  // with the whole data answers as the command line for every code: the bridge's
  // TestQuoteEveryCodeAsTheFolder, wasm/bridge_test.go).
  const whole = await openPage(browser, { contextOptions: { serviceWorkers: 'block' } });
  await whole.page.goto(sites.whole.server.url + '?lang=en&date=2024-03-01');
  await waitReady(whole.page);
  const quoteAll = (p, qs) => p.evaluate((queries) => Promise.all(queries.map((q) => Honoraria.quote(q))), qs);
  // Each code on the first day of its first and of its last row (every code's part is
  // wired; the split itself is checked file by file in Go, data/bundle): two days per code,
  // not six fixed days most codes have no data on.
  const codes = cli(['coverage', '--json']).json.codes;
  for (const [i, c] of codes.entries()) {
    const code = c.code;
    const starts = c.years.flatMap((y) => (y.rows || []).map((r) => r.valid_from)).sort();
    const dates = [...new Set([starts[0], starts.at(-1)])];
    assert.ok(dates[0], `${code}: no row in the coverage report`);
    await page.evaluate((q) => Honoraria.quote(q), { code, date: dates[0] }); // fetch its part
    const before = parts(page).length;
    const queries = dates.flatMap((date) => [{}, { insured: 'preferential', dmg: '1', age: '30' }].map((extra) => ({ code, date, lang: 'fr', ...extra })));
    const fromPage = await quoteAll(page, queries);
    assert.deepEqual(fromPage, await quoteAll(whole.page, queries), code);
    if (i % 8 === 0 || i === codes.length - 1) {
      for (const [j, q] of queries.entries()) {
        const fromCLI = cli(['quote', ...Object.entries(q).flatMap(([k, v]) => (v === '1' ? [`--${k}`] : [`--${k}`, v])), '--json']);
        if (fromCLI.code === 0) assert.deepEqual(fromPage[j], fromCLI.json, JSON.stringify(q));
        else assert.ok(fromPage[j].error, `${JSON.stringify(q)}: CLI exit ${fromCLI.code}, page ${JSON.stringify(fromPage[j]).slice(0, 200)}`);
      }
    }
    // Every year of an opened code comes from its part: no download after the first.
    assert.equal(parts(page).length, before, `${code}: a date change fetched a part`);
  }
  await whole.context.close();
  // A code in a prefix no part holds is a plain no-data answer, with no download.
  const n = parts(page).length;
  const none = await page.evaluate(() => Honoraria.quote({ code: '999999', date: '2024-03-01' }));
  assert.equal(none.error.kind, 'no-data');
  assert.equal(parts(page).length, n);
  await context.close();
});

test('a generated folder of synthetic codes: the page and the command line agree', async () => {
  const site = sites.generated;
  const { context, page } = await openCore(site);
  const sample = ['000000', '000333', '004995', '033300', '066600', '099567', '099900', '012345'];
  for (const code of sample) {
    if (code === '012345') {
      // compare and poster fetch a code's part as quote does, and answer as the command line.
      const q = { code, date: '2024-03-01', age: '40', lang: 'nl' };
      const [cmp, row] = await page.evaluate(async (query) => [await Honoraria.compare(query, 'doctor'), await Honoraria.poster(query, '5,00')], q);
      const cmpCLI = cli(['compare', '--code', code, '--date', '2024-03-01', '--age', '40', '--lang', 'nl', '--compare', 'doctor', '--json', ...site.dataArgs]);
      assert.deepEqual(cmp, cmpCLI.json);
      const quoteCLI = cli(['quote', '--code', code, '--date', '2024-03-01', '--age', '40', '--lang', 'nl', '--json', ...site.dataArgs]);
      if (quoteCLI.code === 0) {
        assert.deepEqual({ ...row, poster: undefined }, { ...quoteCLI.json, poster: undefined });
        assert.equal(row.poster.fee, quoteCLI.json.fee);
      } else assert.ok(row.error);
    }
    // Not loaded yet: a promise of the answer.
    const pending = await page.evaluate((c) => typeof Honoraria.quote({ code: c, date: '2024-03-01', age: '40' })?.then === 'function', code);
    if (code === '000000') assert.ok(pending, 'the first code of the page is not loaded with the core');
    for (const date of ['2012-01-01', '2016-07-01', '2024-03-01', '2026-12-31', '2027-01-01']) {
      const q = { code, date, age: '40', lang: 'nl' };
      const fromPage = await page.evaluate((query) => Honoraria.quote(query), q);
      const fromCLI = cli(['quote', '--code', code, '--date', date, '--age', '40', '--lang', 'nl', '--json', ...site.dataArgs]);
      if (fromCLI.code === 0) assert.deepEqual(fromPage, fromCLI.json, JSON.stringify(q));
      else assert.ok(fromPage.error, JSON.stringify(q));
    }
    // Once loaded, a quote answers at once (an object, not a promise).
    const now = await page.evaluate((c) => typeof Honoraria.quote({ code: c, date: '2015-03-01', age: '40' })?.then, code);
    assert.equal(now, 'undefined', code);
  }
  // Search: the index is fetched on first use and ranks as the command line does.
  for (const [words, lang, date] of [['genou bilatéral', 'fr', '2024-03-01'], ['raadpleging knie', 'nl', '2013-05-01'], ['0003', 'fr', '2024-03-01']]) {
    const fromPage = await page.evaluate(([w, l, d]) => Honoraria.search(w, l, 20, d), [words, lang, date]);
    const fromCLI = cli(['search', ...words.split(' '), '--lang', lang, '--date', date, '--limit', '20', '--json', ...site.dataArgs]);
    assert.deepEqual(fromPage, fromCLI.json, words);
  }
  await context.close();
});

test('a code in the URL fetches its part with the wasm and shows its fee', async () => {
  const site = sites.generated;
  const { context, page } = await openPage(browser);
  await page.goto(site.server.url + '?code=000333&date=2024-03-01&lang=en');
  await waitReady(page);
  const fee = await page.locator('[data-field="fee"]').getAttribute('data-value');
  const fromCLI = cli(['quote', '--code', '000333', '--date', '2024-03-01', '--json', ...site.dataArgs]);
  assert.equal(fee, fromCLI.json.fee);
  assert.equal(parts(page).length, 1);
  assert.ok(!page.requests.some((u) => /search\.txt/.test(u)), 'no search index on the first load');
  await context.close();
});
