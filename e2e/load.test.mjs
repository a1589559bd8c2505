// The first result's path (issue 12.1) and the built file names (issue 14.7): the page's
// head starts the wasm and the data's core downloads, a small async script starts the
// engine before app.js's modules are in, the compare and history modules load only after
// the first result, all under the strict CSP (no inline script, no violation). The sources
// import each other by plain relative paths; the build gives the app's files
// content-hashed names, immutable, and every reference to one resolves. Timings are
// measured by scripts/bench-browser.mjs, not asserted here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, waitReady, values, useSite, ROOT, DIST } from './helpers.mjs';

const site = useSite();
const URL_STATE = '?code=101076&date=2024-03-01&insured=preferential&dmg=1&lang=en';

test('the sources import each other by plain relative paths', () => {
  for (const f of readdirSync(join(ROOT, 'site')).filter((n) => /\.(js|html|css|webmanifest)$/.test(n))) {
    const text = readFileSync(join(ROOT, 'site', f), 'utf8');
    assert.doesNotMatch(text, /\?v=__VERSION__/, `${f} still versions a URL with ?v=`);
    for (const m of text.matchAll(/(?:^|\n)\s*import\s[^'"]*['"]([^'"]+)['"]/g)) {
      assert.match(m[1], /^\.\/[\w-]+\.js$/, `${f}: import ${m[1]}`);
    }
  }
});

test('the build gives the app content-hashed names and every reference resolves', async () => {
  const { files, data_version: dataVersion } = JSON.parse(readFileSync(join(DIST, 'assets.json'), 'utf8'));
  for (const [name, hashed] of Object.entries(files)) {
    assert.match(hashed, /^[\w-]+\.[0-9a-f]{10}\.\w+$/, name);
    assert.ok(existsSync(join(DIST, hashed)), hashed);
  }
  // Every page, module, style sheet and the manifest name only files that exist.
  for (const f of readdirSync(DIST).filter((n) => /\.(js|html|css|webmanifest)$/.test(n))) {
    const text = readFileSync(join(DIST, f), 'utf8');
    assert.doesNotMatch(text, /__VERSION__|__DATA_VERSION__|\?v=__/, f);
    for (const m of text.matchAll(/["'(]\.?\/?([\w-]+\.[0-9a-f]{10}\.(?:js|css|wasm|svg|webmanifest))["')]/g)) {
      assert.ok(existsSync(join(DIST, m[1])), `${f} refers to ${m[1]}, which is not built`);
    }
    if (f.endsWith('.html')) {
      // CSP: no inline script or handler anywhere (script-src 'self').
      assert.doesNotMatch(text, /<script(?![^>]*\ssrc=)[^>]*>/, `${f} has an inline script`);
      assert.doesNotMatch(text, /\son[a-z]+=/, `${f} has an inline event handler`);
    }
  }
  const hashed = await fetch(site.server.url + files['app.js']);
  assert.match(hashed.headers.get('cache-control'), /immutable/);
  for (const stable of ['', 'sw.js', 'embed.js', 'honoraria.js']) {
    const res = await fetch(site.server.url + stable);
    assert.equal(res.status, 200, stable);
    assert.equal(res.headers.get('cache-control'), 'no-cache', stable);
  }
  // The public loader (other origins' pages import honoraria.js) is our pages' module.
  assert.equal(readFileSync(join(DIST, 'honoraria.js'), 'utf8'), readFileSync(join(DIST, files['honoraria.js']), 'utf8'));
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  for (const name of ['app.js', 'honoraria.wasm', 'wasm_exec.js', 'styles.css']) assert.ok(sw.includes(`'./${files[name]}'`), `sw.js precaches ${name}`);
  assert.ok(sw.includes(`const DATA_VERSION = '${dataVersion}'`));
});

test('the engine starts from the head, before app.js’s modules are in; compare and history load after the first result', async () => {
  const { context, page } = await openPage(site.browser);
  await page.addInitScript(() => {
    globalThis.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => globalThis.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    new MutationObserver((_, obs) => {
      if (document.querySelector('[data-field="fee"][data-value]')) {
        globalThis.__firstFee = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  await page.goto(site.server.url + URL_STATE);
  await waitReady(page);
  assert.match((await values(page)).fee, /^\d+\.\d{2}$/);
  const t = await page.evaluate(() => {
    const res = (re) => performance.getEntriesByType('resource').find((e) => re.test(new URL(e.name).pathname));
    const mark = (name) => performance.getEntriesByName(`honoraria:${name}`)[0]?.startTime;
    return {
      wasm: res(/\/honoraria\.[0-9a-f]+\.wasm$/)?.startTime,
      core: res(/\/data\/core\.txt$/)?.startTime,
      exec: res(/\/wasm_exec\.[0-9a-f]+\.js$/)?.startTime,
      app: res(/\/app\.[0-9a-f]+\.js$/)?.startTime,
      style: res(/\/styles\.[0-9a-f]+\.css$/)?.startTime,
      compare: res(/\/compare\.[0-9a-f]+\.js$/)?.startTime,
      history: res(/\/history\.[0-9a-f]+\.js$/)?.startTime,
      start: mark('start'), run: mark('run'), first: globalThis.__firstFee, csp: globalThis.__csp,
      requests: performance.getEntriesByType('resource').filter((e) => /\.wasm$/.test(new URL(e.name).pathname)).length,
    };
  });
  // Preloaded from the head: requested with the page's first requests, not after app.js.
  for (const k of ['wasm', 'core', 'exec']) assert.ok(t[k] <= t.app, `${k} requested at ${t[k]} ms, after app.js at ${t.app} ms`);
  assert.equal(t.requests, 1, 'the preloaded wasm is fetched once');
  assert.ok(t.start < t.run, 'the loader starts, then the Go program');
  for (const k of ['compare', 'history']) assert.ok(t[k] >= t.first, `${k}.js requested at ${t[k]} ms, before the first fee at ${t.first} ms`);
  assert.deepEqual(t.csp, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});
