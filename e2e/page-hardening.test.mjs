// The calculator page in a real browser, its hardening, layout and accessibility: markup in
// the URL stays text, nothing from another origin, the CSP, a wasm that cannot load, 360 px,
// axe-core, screen-reader announcements. (The URL state, amounts, recompute and languages
// are in page.test.mjs: two files, so that the browser tests' two at a time end together.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { values, axeSource, useSite, DIST } from './helpers.mjs';

// One page for the whole file (helpers.mjs, useSite): each test navigates it.
const site = useSite();
const visit = (path, opts) => site.visit(path, { ...opts, wait: !path.startsWith('/embed') });

const STATE_URL = '/?code=101076&date=2024-03-01&insured=preferential&dmg=1&lang=nl';

const text = (page, sel) => page.locator(sel).first().innerText();

test('markup in every URL parameter never reaches the DOM as HTML', async () => {
  const evil = '"><img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const params = ['code', 'date', 'insured', 'preferential-kind', 'dmg', 'age', 'chronic', 'referred', 'doctor', 'setting',
    'on-duty', 'special-request', 'household-income', 'dependants', 'titulaires', 'paid', 'third-party', 'lang', 'view', 'training'];
  for (const target of [...params, 'all']) {
    const q = new URLSearchParams({ code: '101076', date: '2024-03-01' });
    for (const p of params) if (target === 'all' || p === target) q.set(p, evil);
    const page = await visit('/?' + q);
    const found = await page.evaluate(() => ({
      xss: window.__xss,
      injected: document.body.querySelectorAll('img, script, iframe, object, embed, svg image').length,
    }));
    assert.equal(found.xss, undefined, target);
    assert.equal(found.injected, 0, target);
    if (target === 'lang') {
      assert.match(await text(page, '#url-notice'), /img src=x/, 'the notice shows the markup as text');
    } else if (target !== 'view' && target !== 'training') {
      assert.equal((await values(page)).fee, undefined, `no amount with a bad ${target}`);
      assert.match(await text(page, '#result'), /img src=x|script|<|check|Vérifiez|Controleer|prüfen/i, target);
    }
  }
});

test('markup in every parameter of the poster and coverage pages stays text', async () => {
  const evil = '"><img src=x onerror="window.__xss=1"><script>window.__xss=2</script><svg onload="window.__xss=3">';
  const pages = {
    'poster.html': ['codes', 'date', 'lang', 'poster-lang', 'insured', 'dmg', 'age', 'chronic', 'doctor', 'name', 'inami', 'hours', 'max'],
    'coverage.html': ['lang'],
  };
  for (const [file, params] of Object.entries(pages)) {
    const q = new URLSearchParams();
    for (const p of params) q.set(p, evil);
    const page = await visit(`/${file}?${q}`);
    const found = await page.evaluate(() => ({
      xss: window.__xss,
      injected: document.body.querySelectorAll('img, script, iframe, object, embed, image, foreignObject').length,
      svgOnload: [...document.querySelectorAll('svg')].filter((n) => n.hasAttribute('onload')).length,
    }));
    assert.deepEqual(found, { xss: undefined, injected: 0, svgOnload: 0 }, file);
    assert.deepEqual(page.errors, [], file);
  }
});

test('a page at an odd path (//) keeps its state in its own address', async () => {
  // A path such as '//' written alone reads as another host's address: replaceState threw
  // on every input and the answer never changed (dom.js replaceSearch).
  const page = await visit('//?code=101076&date=2024-03-01&lang=en');
  const before = (await values(page)).fee;
  await page.fill('#date', '2023-03-01');
  assert.notEqual((await values(page)).fee, before);
  assert.match(page.url(), /\/\/\?code=101076&date=2023-03-01/);
  for (const [path, sel, value, want] of [['//poster.html?codes=101076&lang=en', '#poster-lang', 'nl', /poster-lang=nl/], ['//coverage.html?lang=en', '#lang', 'nl', /lang=nl/]]) {
    await visit(path);
    await page.selectOption(sel, value);
    assert.match(page.url(), want, path);
  }
  assert.deepEqual(page.errors, []);
});

test('the page requests nothing from another origin', async () => {
  const page = await visit(STATE_URL);
  await page.fill('#code', 'consult');
  // The search ran (the index fetched, the suggestions or "none" announced).
  await page.waitForFunction(() => document.getElementById('suggestions-status').textContent !== '');
  const origin = new URL(site.server.url).origin;
  const foreign = page.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
});

test('the server sends a strict CSP and serves precompressed wasm', async () => {
  const { files } = JSON.parse(readFileSync(join(DIST, 'assets.json'), 'utf8'));
  const res = await fetch(site.server.url + files['honoraria.wasm'], { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  assert.equal(res.headers.get('content-encoding'), 'br');
  const page = await fetch(site.server.url);
  const csp = page.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
});

test('when the wasm cannot load, the page says so plainly', async () => {
  const { page } = site;
  const wasm = '**/honoraria.*.wasm';
  await page.route(wasm, (route) => route.fulfill({ status: 404, body: 'not found' }));
  try {
    await visit('/?code=101076&date=2024-03-01&lang=en');
    const boot = page.locator('#boot');
    assert.ok(await boot.isVisible());
    assert.match(await boot.innerText(), /could not be loaded/);
    assert.equal((await values(page)).fee, undefined);
  } finally {
    await page.unroute(wasm);
  }
});

test('usable on a 360 px wide screen', async () => {
  const page = await visit(STATE_URL, { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.ok(await page.locator('[data-field="fee"]').isVisible());
  await page.fill('#code', '101032');
  assert.match((await values(page)).fee, /^\d+\.\d{2}$/);
  const box = await page.locator('#code').boundingBox();
  assert.ok(box.width <= 360 && box.height >= 40);
});

test('axe-core finds no serious or critical accessibility violations', async () => {
  for (const path of [STATE_URL, '/?lang=fr', '/?code=999999&date=2024-03-01&lang=de', '/?code=101076&date=2024-03-01&lang=xx', '/embed.html', '/embed.html?lang=de']) {
    // axe runs through page.evaluate, which the page's CSP does not restrict.
    const page = await visit(path);
    if (path.startsWith('/embed')) {
      await page.waitForLoadState('load');
      await page.locator('honoraria-calculator.demo iframe').waitFor({ state: 'attached' });
    }
    await page.evaluate(axeSource());
    const res = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], path);
  }
});

test('the results are announced to screen readers', async () => {
  const page = await visit(STATE_URL);
  const live = await page.locator('#summary').getAttribute('aria-live');
  assert.equal(live, 'polite');
  assert.match(await text(page, '#summary'), /31,81/);
});
