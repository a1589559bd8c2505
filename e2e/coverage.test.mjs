// The coverage page (issue 6.3–6.4): every code of the bundled data with the kind of
// source behind each figure per year, gaps shown as "no data", conflicts, freshness,
// four languages, 360 px, print, accessibility, offline; linked from "no data" answers.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, axeSource, cli, useSite, DIST } from './helpers.mjs';

// One page for the file (helpers.mjs, useSite); the offline test opens its own context.
const site = useSite();
const { visit } = site;
let expected;

before(() => {
  // The report of the data this repository bundles (the build writes the same into dist/).
  expected = cli(['coverage', '--json']).json;
});

test('the build ships the command line’s report of the same data, cut like the data, precompressed', async () => {
  // data/coverage.json (the summary) + data/coverage-PART.json (the codes) = the report.
  const summary = JSON.parse(readFileSync(join(DIST, 'data/coverage.json'), 'utf8'));
  const codes = summary.parts.flatMap((p) => JSON.parse(readFileSync(join(DIST, `data/coverage-${p}.json`), 'utf8')).codes);
  const { parts, n_codes: n, codes_per_year: perYear, ...rest } = summary;
  assert.deepEqual(parts, ['all'], 'the bundled data is one part');
  assert.equal(n, expected.codes.length);
  assert.deepEqual({ ...rest, codes }, expected);
  for (const y of Object.keys(perYear)) assert.ok(perYear[y] > 0);
  const html = await (await fetch(site.server.url + 'coverage.html')).text();
  assert.match(html, /src="coverage\.[0-9a-f]{10}\.js"/, 'coverage.js has a content-hashed name');
  const { data_version: version } = JSON.parse(readFileSync(join(DIST, 'assets.json'), 'utf8'));
  const res = await fetch(`${site.server.url}data/coverage.json?v=${version}`, { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-encoding'), 'br');
});

test('every code and year of the bundled data appears with the kind of its sources', async () => {
  const page = await visit('/coverage.html?lang=en');
  const shown = await page.$$eval('#cov-table tr[data-code]', (trs) => trs.map((tr) => ({
    code: tr.dataset.code,
    year: tr.dataset.year,
    fee: tr.querySelector('[data-part="fee"]').dataset.kind,
    share: tr.querySelector('[data-part="share-ordinary"]').dataset.kind,
    reimbursement: tr.querySelector('[data-part="reimbursement-preferential_dmg"]').dataset.kind,
  })));
  const want = expected.codes.flatMap((c) => c.years.map((y) => ({
    code: c.code, year: y.year, fee: y.fee, share: y.personal_share.ordinary, reimbursement: y.reimbursement.preferential_dmg,
  })));
  assert.deepEqual(shown, want);
  // Every code is on the page with its label.
  const text = await page.locator('#cov-table').innerText();
  for (const c of expected.codes) {
    assert.ok(text.includes(c.code), c.code);
    assert.ok(text.includes(c.label_fr || c.label_nl), `${c.code} label`);
  }
  // The legend names every kind.
  const legend = await page.$$eval('#cov-legend dt .kind', (ns) => ns.map((n) => n.dataset.kind));
  assert.deepEqual(legend, expected.kinds);
  assert.deepEqual(page.errors, []);
});

test('a gap year shows "no data": 102771 in 2011, and the years with no tariff data', async () => {
  assert.ok(expected.years_without_tariffs.includes('2011'), 'the data has no tariff row in 2011');
  const page = await visit('/coverage.html?lang=en');
  const row = page.locator('#cov-table tr[data-code="102771"][data-year="2011"]');
  assert.equal(await row.getAttribute('data-status'), 'none');
  assert.match(await row.innerText(), /No data/);
  assert.equal(await row.locator('[data-part="fee"]').getAttribute('data-kind'), 'none');
  assert.equal(await page.locator('[data-field="years-without-tariffs"]').getAttribute('data-value'), expected.years_without_tariffs.join(','));
  const y2011 = page.locator('.cov-years tr[data-year="2011"]');
  assert.match(await y2011.innerText(), /No data/);
});

test('conflicts with their notes, and each year’s verification date', async () => {
  const page = await visit('/coverage.html?lang=fr');
  assert.equal(await page.locator('.conflict').count(), expected.conflicts.length);
  const first = expected.conflicts[0];
  const item = page.locator(`.conflict[data-subject="${first.subject}"]`).first();
  assert.equal(await item.locator('[data-field="kept"]').getAttribute('data-value'), first.kept);
  assert.equal(await item.locator('[data-field="other"]').getAttribute('data-value'), first.other);
  assert.notEqual(first.kept, first.other);
  assert.match(await item.innerText(), new RegExp(`${first.file}:${first.line}`));
  assert.match(await item.innerText(), new RegExp(first.other_sources[0]));
  // The data's notes are in English only: on a French page they wait behind "Détails".
  const note = item.locator('.note').first();
  assert.equal(await note.getAttribute('lang'), 'en');
  assert.equal(await note.isVisible(), false);
  await item.locator('summary', { hasText: 'Détails' }).first().click();
  assert.equal(await note.innerText(), first.note);
  for (const yp of expected.year_parameters) {
    const cellValue = await page.locator(`.cov-years tr[data-year="${yp.year}"] [data-field="verified"]`).getAttribute('data-value');
    assert.equal(cellValue, yp.verified, yp.year);
  }
  const latest = expected.year_parameters.map((y) => y.verified).filter(Boolean).sort().at(-1);
  assert.equal(await page.locator('[data-field="latest-verified"]').getAttribute('data-value'), latest);
});

test('four languages, with the Dutch label in Dutch and the French one otherwise', async () => {
  const c = expected.codes.find((x) => x.label_fr && x.label_nl && x.label_fr !== x.label_nl);
  const words = { fr: 'Pas de données', nl: 'Geen gegevens', de: 'Keine Daten', en: 'No data' };
  for (const lang of ['fr', 'nl', 'de', 'en']) {
    const page = await visit(`/coverage.html?lang=${lang}`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    const cell = page.locator(`#cov-table tbody[data-code="${c.code}"] .label`);
    assert.equal(await cell.locator('.label-official').innerText(), lang === 'nl' ? c.label_nl : c.label_fr, lang);
    // German and English: the project's translation after the official label, marked.
    const tr = c.label_translations[lang];
    if (lang === 'de' || lang === 'en') {
      assert.equal(tr.official, false);
      assert.equal(await cell.locator('[data-field="label-translation"]').innerText(), `${tr.label} (${tr.mark})`, lang);
    } else {
      assert.equal(tr, undefined);
      assert.equal(await cell.locator('[data-field="label-translation"]').count(), 0, lang);
    }
    assert.match(await page.locator('#cov-legend').innerText(), new RegExp(words[lang]));
  }
  // Switching language re-renders and keeps it in the URL.
  const page = await visit('/coverage.html?lang=en');
  await page.selectOption('#lang', 'nl');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assert.match(page.url(), /lang=nl/);
  assert.match(await page.locator('#cov-legend').innerText(), /Officiële tabel/);
});

test('usable at 360 px: the wide table scrolls inside its wrapper, not the page', async () => {
  const page = await visit('/coverage.html?lang=nl', { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const wrap = await page.evaluate(() => {
    const w = document.querySelector('#cov-codes .cov-wrap');
    return { scrolls: w.scrollWidth > w.clientWidth, tabindex: w.getAttribute('tabindex') };
  });
  assert.ok(wrap.scrolls);
  assert.equal(wrap.tabindex, '0');
});

test('axe-core finds no serious or critical violations; print shows the whole table', async () => {
  for (const path of ['/coverage.html?lang=fr', '/coverage.html?lang=de']) {
    const page = await visit(path);
    await page.evaluate(axeSource());
    const res = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(', ')}`), [], path);
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      lang: getComputedStyle(document.querySelector('.lang')).display,
      wrap: getComputedStyle(document.querySelector('#cov-codes .cov-wrap')).overflowX,
    }));
    assert.equal(print.lang, 'none');
    assert.equal(print.wrap, 'visible');
  }
});

test('linked from a no-data answer and from the footer of the calculator', async () => {
  const page = await visit('/?code=101076&date=2011-06-01&lang=nl');
  const link = page.locator('#answer a.coverage-link');
  // The no-data answer links to the code's own row (issue 11.1); the footer to the whole table.
  assert.equal(await link.getAttribute('href'), 'coverage.html?lang=nl&q=101076');
  assert.equal(await page.locator('#coverage-link').getAttribute('href'), 'coverage.html?lang=nl');
  await link.click();
  await page.waitForFunction(() => document.body.classList.contains('ready'));
  assert.match(page.url(), /coverage\.html\?lang=nl&q=101076$/);
  assert.ok(await page.locator('#cov-table tr[data-code="101076"]').count() > 0);
});

test('the coverage page loads no engine and works offline once cached', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url + '?code=101076&date=2024-03-01&lang=en');
  await page.waitForFunction(() => document.body.classList.contains('ready'));
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  const fresh = await openPage(site.browser);
  await fresh.page.goto(site.server.url + 'coverage.html?lang=en');
  await fresh.page.waitForFunction(() => document.body.classList.contains('ready'));
  assert.ok(!fresh.page.requests.some((u) => /honoraria\.wasm|data\/(core|part-)/.test(u)), 'no engine on the coverage page');
  const origin = new URL(site.server.url).origin;
  assert.deepEqual(fresh.page.requests.filter((u) => !u.startsWith(origin)), []);
  await fresh.context.close();

  // The coverage report is cached when first opened (the precache does not grow with
  // the data): open it once online, then offline.
  await page.goto(site.server.url + 'coverage.html?lang=en');
  await page.waitForFunction(() => document.body.classList.contains('ready'));
  await context.setOffline(true);
  await page.goto(site.server.url + 'coverage.html?lang=fr');
  await page.waitForFunction(() => document.body.classList.contains('ready') || document.body.classList.contains('load-failed'));
  assert.ok(await page.evaluate(() => document.body.classList.contains('ready')), 'coverage page offline');
  assert.ok(await page.locator('#cov-table tr[data-code]').count() > 0);
  await context.close();
});
