// Loading the engine and its data (issue 5): the data bundle (data.txt) is fetched in
// parallel with the wasm, served precompressed, kept for offline use, and a bundle that
// is missing, truncated or not a bundle shows a plain message and no amount. Timings are
// measured by scripts/bench-browser.mjs, not asserted here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, waitReady, values, useSite } from './helpers.mjs';

const site = useSite();

const URL_STATE = '?code=101076&date=2024-03-01&insured=preferential&dmg=1&lang=en';

test('data.txt is a versioned, precompressed plain-text bundle', async () => {
  const page = await (await fetch(site.server.url)).text();
  const version = /app\.js\?v=([0-9a-f]+)/.exec(page)?.[1];
  assert.ok(version, 'no version stamp in index.html');
  const res = await fetch(`${site.server.url}data.txt?v=${version}`, { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^text\/plain/);
  assert.equal(res.headers.get('content-encoding'), 'br');
  assert.match(res.headers.get('cache-control'), /immutable/);
  const body = await res.text();
  assert.ok(body.startsWith('#honoraria-data 1\n#file '), body.slice(0, 40));
  assert.ok(body.endsWith('\n#end\n'));
  assert.match(body, /^#file 2024\/tariffs\.csv$/m);
});

test('the page fetches the data in parallel with the wasm, and the wasm carries no data', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url + URL_STATE);
  await waitReady(page);
  assert.match((await values(page)).fee, /^\d+\.\d{2}$/);
  const t = await page.evaluate(() => {
    const find = (name) => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith(name));
    const wasm = find('/honoraria.wasm');
    const data = find('/data.txt');
    return { wasmStart: wasm.startTime, wasmEnd: wasm.responseEnd, dataStart: data.startTime, version: new URL(data.name).searchParams.get('v') };
  });
  assert.ok(t.dataStart <= t.wasmEnd, `data.txt requested at ${t.dataStart} ms, after the wasm arrived at ${t.wasmEnd} ms`);
  assert.ok(t.version, 'data.txt is fetched with the build version');
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
    const { context, page } = await openPage(site.browser);
    await page.route('**/data.txt*', (route) => route.fulfill(fulfill));
    await page.goto(site.server.url + URL_STATE);
    await waitReady(page);
    const boot = page.locator('#boot');
    assert.ok(await boot.isVisible());
    assert.match(await boot.innerText(), /could not be loaded/);
    assert.equal((await values(page)).fee, undefined);
    const why = await page.evaluate(() => Honoraria.ready.then(() => 'resolved', (e) => e.message));
    assert.match(why, name === 'missing' ? /data\.txt: HTTP 404/ : /data bundle/);
    assert.deepEqual(page.errors, []);
    await context.close();
  });
}
