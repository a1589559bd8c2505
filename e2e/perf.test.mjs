// Loading the engine and its data (issues 5 and 10): the data's core (data/core.txt) and
// the part of the URL's code (data/part-*.txt; one part-all.txt for the bundled data) are
// fetched in parallel with the wasm, served precompressed, kept for offline use, and a
// core that is missing, truncated or not a bundle shows a plain message and no amount.
// The search index is not fetched until the search box is used. Timings are measured by
// scripts/bench-browser.mjs, not asserted here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitReady, values, useSite } from './helpers.mjs';

const site = useSite();

const URL_STATE = '?code=101076&date=2024-03-01&insured=preferential&dmg=1&lang=en';

test('the core and the part are versioned, precompressed plain-text bundles', async () => {
  const page = await (await fetch(site.server.url)).text();
  const version = /data\/core\.txt\?v=([0-9a-f]+)/.exec(page)?.[1];
  assert.ok(version, 'no data version in index.html (its preload of the core)');
  const get = async (file) => {
    const res = await fetch(`${site.server.url}data/${file}?v=${version}`, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(res.status, 200, file);
    assert.match(res.headers.get('content-type'), /^text\/plain/);
    assert.equal(res.headers.get('content-encoding'), 'br');
    assert.match(res.headers.get('cache-control'), /immutable/);
    return res.text();
  };
  const core = await get('core.txt');
  assert.ok(core.startsWith('#honoraria-data 1\n#file '), core.slice(0, 40));
  assert.ok(core.endsWith('\n#end\n'));
  assert.match(core, /^#file split\.csv$/m);
  assert.match(core, /^#file 2024\/tariffs\.csv\ncode,label_fr,[^\n]*\n#file /m, 'the core holds the header of every per-code file, no rows');
  // Today's 41 codes are small enough for one part: the whole data is loaded at once.
  const part = await get('part-all.txt');
  assert.match(part, /^101076,/m);
  const index = await get('search.txt');
  assert.match(index, /^code,label_fr,label_nl,label_de,label_en,category,specialty,from,to\n/);
});

test('the page fetches the data in parallel with the wasm, and the wasm carries no data', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url + URL_STATE);
  await waitReady(page);
  assert.match((await values(page)).fee, /^\d+\.\d{2}$/);
  const t = await page.evaluate(() => {
    const find = (name) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith(name));
    const wasm = performance.getEntriesByType('resource').find((e) => /\/honoraria\.[0-9a-f]+\.wasm$/.test(new URL(e.name).pathname));
    const core = find('/data/core.txt');
    const part = find('/data/part-all.txt');
    const compiled = performance.getEntriesByName('honoraria:compiled')[0]?.startTime;
    return {
      wasmStart: wasm.startTime, wasmEnd: wasm.responseEnd, coreStart: core.startTime, partStart: part.startTime, compiled,
      version: new URL(core.name).searchParams.get('v'), index: !!find('/data/search.txt'),
    };
  });
  assert.ok(t.coreStart <= t.wasmEnd, `core.txt requested at ${t.coreStart} ms, after the wasm arrived at ${t.wasmEnd} ms`);
  // The part's name comes from the URL: the loader asks for it when it starts, with the
  // wasm's compilation (the wasm itself is preloaded from the head, and may be in already).
  assert.ok(t.partStart <= t.compiled, `part-all.txt requested at ${t.partStart} ms, after the wasm was compiled at ${t.compiled} ms`);
  assert.ok(t.version, 'core.txt is fetched with the build version');
  assert.equal(t.index, false, 'the search index is not on the first load path');
  // The footer's checksum is the command line's: the same data answered.
  const meta = await page.evaluate(() => Honoraria.meta());
  assert.match(meta.checksum, /^[0-9a-f]+$/);
  await context.close();
});

for (const [name, fulfill] of [
  ['missing', { status: 404, contentType: 'text/plain', body: 'not found' }],
  ['an HTML page', { status: 200, contentType: 'text/html', body: '<!doctype html><title>Welcome</title>' }],
  ['truncated', { status: 200, contentType: 'text/plain', body: '#honoraria-data 1\n#file sources.csv\nid,kind\n' }],
]) {
  test(`a data bundle that is ${name} shows a plain message and no amount`, async () => {
    const { page } = site;
    const core = '**/data/core.txt*';
    await page.route(core, (route) => route.fulfill(fulfill));
    try {
      await site.visit('/' + URL_STATE);
      const boot = page.locator('#boot');
      assert.ok(await boot.isVisible());
      assert.match(await boot.innerText(), /could not be loaded/);
      assert.equal((await values(page)).fee, undefined);
      const why = await page.evaluate(() => Honoraria.ready.then(() => 'resolved', (e) => e.message));
      assert.match(why, name === 'missing' ? /data\/core\.txt: HTTP 404/ : /data bundle/);
      assert.deepEqual(page.errors, []);
    } finally {
      await page.unroute(core);
    }
  });
}
