// The calculator's panels in a real browser: the compare table, the history
// chart, the bill check, the print stylesheet, the intro and the no-data link,
// and the embedding (custom element in a host page, resized by postMessage).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, openPage, values } from './helpers.mjs';

const site = useSite();
const visit = site.visit;

const cell = (page, scenario, field) =>
  page.locator(`#compare td[data-scenario="${scenario}"][data-compare="${field}"]`);

test('compare: preferential and ordinary patients with a DMG side by side (1,00 € vs 4,00 €)', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&lang=fr');
  assert.ok(await page.locator('#compare').isVisible());
  const heads = await page.locator('#compare thead th').allInnerTexts();
  assert.deepEqual(heads, ['Votre choix', 'Ordinaire, sans DMG', 'Ordinaire, avec DMG', 'BIM, sans DMG', 'BIM, avec DMG']);
  const pref = cell(page, 'scenario_preferential_dmg', 'personal-share');
  const ord = cell(page, 'scenario_ordinary_dmg', 'personal-share');
  assert.equal(await pref.getAttribute('data-value'), '1.00');
  assert.equal(await ord.getAttribute('data-value'), '4.00');
  assert.equal((await pref.innerText()).replace(/\s/g, ' '), '1,00 €');
  assert.equal((await ord.innerText()).replace(/\s/g, ' '), '4,00 €');
  // The fee is the same for everyone; the reimbursement makes the difference.
  for (const sc of ['scenario_ordinary', 'scenario_ordinary_dmg', 'scenario_preferential', 'scenario_preferential_dmg']) {
    assert.equal(await cell(page, sc, 'fee').getAttribute('data-value'), '31.81', sc);
  }
  assert.equal(await cell(page, 'scenario_ordinary', 'personal-share').getAttribute('data-value'), '6.00');
  assert.equal(await cell(page, 'scenario_preferential', 'personal-share').getAttribute('data-value'), '1.50');
  assert.equal(await cell(page, 'scenario_preferential_dmg', 'reimbursement').getAttribute('data-value'), '30.81');
  // "Your choice" follows the form.
  assert.equal(await cell(page, 'scenario_current', 'personal-share').getAttribute('data-value'), '6.00');
  await page.check('#dmg');
  await page.waitForFunction(() => document.querySelector('#compare td[data-scenario="scenario_current"][data-compare="personal-share"]')?.dataset.value === '4.00');
});

test('history: an SVG chart with one point per year with data and gaps where there is none', async () => {
  const page = await visit('/?code=102771&date=2020-06-01&lang=en');
  assert.ok(await page.locator('#history').isVisible());
  assert.equal(await page.locator('#history svg.history-chart').count(), 1);
  const rows = await page.$$eval('#history tr[data-year]', (trs) => trs.map((tr) => ({
    year: Number(tr.dataset.year),
    fee: tr.querySelector('[data-field="history-fee"]')?.dataset.value ?? null,
    text: tr.querySelector('[data-field="history-fee"]').textContent,
  })));
  const withData = rows.filter((r) => r.fee !== null).map((r) => r.year);
  const without = rows.filter((r) => r.fee === null);
  assert.ok(withData.length >= 2, JSON.stringify(rows));
  // A year without data between two years with data: a gap.
  const inner = without.filter((r) => r.year > Math.min(...withData) && r.year < Math.max(...withData));
  assert.ok(inner.length > 0, `expected a gap between ${withData.join(',')}`);
  for (const r of without) assert.equal(r.text, '—');
  // One dot per year with data for the fee, and the fee line restarts (M) after each gap.
  const dots = await page.locator('#history circle.dot.series-fee').count();
  assert.equal(dots, withData.length);
  const d = await page.locator('#history path.series-fee').getAttribute('d');
  const runs = withData.filter((y, i) => i === 0 || withData[i - 1] !== y - 1).length;
  assert.equal((d.match(/M/g) || []).length, runs, d);
  assert.ok(runs >= 2, 'the line has at least two separate runs');
  // Every line of the chart has a legend, and the caption says what gaps mean.
  assert.equal(await page.locator('#history .legend li').count(), 3);
  assert.match(await page.locator('#history figcaption').innerText(), /gaps: no data/);
});

test('history: 101076 on 1 March 2024 draws the three series, each point titled', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&dmg=1&lang=nl');
  for (const s of ['fee', 'reimbursement', 'share']) {
    assert.equal(await page.locator(`#history path.series-${s}`).count() >= 1, true, s);
  }
  const row = page.locator('#history tr[data-year="2024"]');
  assert.equal(await row.locator('[data-field="history-fee"]').getAttribute('data-value'), '31.81');
  assert.equal(await row.locator('[data-field="history-share"]').getAttribute('data-value'), '4.00');
  const title = await page.locator('#history circle.series-fee title').first().textContent();
  assert.match(title, /^\d{4} — Honorarium/);
});

test('bill check: 40 € paid for 101076 to a conventioned doctor, ordinary patient with DMG → not allowed', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&dmg=1&doctor=conventioned&paid=40&lang=en');
  const v = await values(page);
  assert.equal(v['bill-verdict'], 'not-allowed');
  assert.equal(v.paid, '40.00');
  assert.equal(v['supplement-charged'], (40 - 31.81).toFixed(2));
  const bill = page.locator('section.bill');
  assert.ok(await bill.isVisible());
  assert.match(await bill.innerText(), /A supplement was charged, and it was not allowed\./);
  assert.ok(await bill.evaluate((n) => n.classList.contains('verdict-not-allowed')));
  // Typing the paid amount on the page gives the same verdict; paying the fee is fine.
  await visit('/?code=101076&date=2024-03-01&dmg=1&lang=en');
  await page.fill('#paid', '40');
  assert.equal((await values(page))['bill-verdict'], 'not-allowed');
  await page.fill('#paid', '31.81');
  assert.equal((await values(page))['bill-verdict'], 'ok');
  assert.match(await page.locator('section.bill').innerText(), /No supplement was charged/);
});

test('print stylesheet: the controls are hidden, the result is printed', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&insured=preferential&dmg=1&lang=fr');
  assert.ok(await page.locator('#print').isVisible());
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['#print', '#copy-link', '#lang', '.skip', '.view-switch', '#poster-link']) {
    assert.equal(await page.locator(sel).isVisible(), false, `${sel} is printed`);
  }
  assert.ok(await page.locator('#result').isVisible());
  assert.ok(await page.locator('[data-field="fee"]').isVisible());
  const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.top')).backgroundColor);
  assert.match(bg, /rgba\(0, 0, 0, 0\)|transparent/);
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.locator('#print').isVisible());
});

test('the main page says plainly what it does and that it is not an official INAMI tool', async () => {
  for (const [lang, re] of [['fr', /pas un outil officiel de l’INAMI/], ['nl', /geen officiële tool van het RIZIV/], ['de', /kein offizielles Werkzeug des LIKIV/], ['en', /not an official INAMI\/RIZIV tool/]]) {
    const page = await visit(`/?lang=${lang}`);
    const intro = page.locator('section.intro');
    assert.ok(await intro.isVisible());
    assert.match(await intro.innerText(), re, lang);
  }
});

test('no data: the message links the coverage page', async () => {
  const page = await visit('/?code=101076&date=2010-03-01&lang=en');
  assert.equal((await values(page)).fee, undefined);
  const link = page.locator('#result a.coverage-link');
  assert.ok(await link.isVisible());
  assert.match(await link.getAttribute('href'), /^coverage\.html/);
  assert.match(await link.innerText(), /which services and years have data/i);
  // The footer links it too, and the poster is linked from the actions.
  assert.match(await page.locator('#coverage-link').getAttribute('href'), /^coverage\.html\?lang=en/);
  assert.match(await page.locator('#poster-link').getAttribute('href'), /^poster\.html\?lang=en.*codes=101076/);
});

// A host page on our origin (as an insurer would write it, with one script
// tag), served by the test itself.
const HOST_PAGE = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="embed.js"></script></head><body>
<h1>Ziekenfonds</h1>
<honoraria-calculator id="calc" code="101076" lang="nl" date="2024-03-01" insured="preferential" dmg="1"></honoraria-calculator>
<p>Na de rekenmodule.</p></body></html>`;

test('embedding: <honoraria-calculator code="101076" lang="nl"> shows the answer and resizes its iframe by postMessage', async () => {
  const { context, page } = await openPage(site.browser);
  await page.route('**/host-test.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: HOST_PAGE }));
  await page.addInitScript(() => {
    window.__messages = [];
    addEventListener('message', (e) => window.__messages.push(e.data?.type));
    addEventListener('honoraria-result', (e) => { window.__result = e.detail.result; });
  });
  await page.goto(site.server.url + 'host-test.html');
  const frameEl = page.locator('honoraria-calculator iframe');
  await frameEl.waitFor({ state: 'attached' });
  const src = await frameEl.getAttribute('src');
  assert.match(src, /index\.html\?.*code=101076/);
  assert.match(src, /lang=nl/);
  assert.match(src, /embed=1/);
  // The frame answers in Dutch.
  const frame = page.frameLocator('honoraria-calculator iframe');
  await frame.locator('[data-field="fee"]').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('[data-field="fee"]').getAttribute('data-value'), '31.81');
  assert.match(await frame.locator('#result').innerText(), /Remgeld/);
  // The frame told the host its height and the host applied it.
  await page.waitForFunction(() => window.__messages.includes('honoraria:resize') && window.__result);
  await page.waitForFunction(() => {
    const f = document.querySelector('honoraria-calculator').shadowRoot.querySelector('iframe');
    return /^\d+px$/.test(f.style.height) && f.style.minHeight === '0px';
  });
  const sizes = await page.evaluate(() => {
    const f = document.querySelector('honoraria-calculator').shadowRoot.querySelector('iframe');
    return { styleHeight: parseInt(f.style.height, 10), box: f.getBoundingClientRect().height, inner: f.contentDocument.documentElement.scrollHeight };
  });
  assert.ok(sizes.styleHeight > 480, JSON.stringify(sizes));
  assert.ok(Math.abs(sizes.styleHeight - sizes.inner) <= 2, JSON.stringify(sizes));
  assert.equal(Math.round(sizes.box), sizes.styleHeight);
  // The host got the result as an event.
  assert.equal(await page.evaluate(() => window.__result.fee), '31.81');
  // Changing an attribute updates the frame.
  await page.evaluate(() => document.getElementById('calc').setAttribute('insured', 'ordinary'));
  await frame.locator('[data-field="personal-share"][data-value="4.00"]').waitFor({ timeout: 30000 });
  await page.waitForFunction(() => window.__result?.personal_share === '4.00');
  // Embedded: no page header brand, no embed link.
  assert.equal(await frame.locator('.top .brand').isVisible(), false);
  await context.close();
});

test('the embedding documentation page documents the message format and the CSP', async () => {
  const { context, page } = await openPage(site.browser);
  await page.goto(site.server.url + 'embed.html');
  const body = await page.locator('main').innerText();
  for (const word of ['honoraria:resize', 'honoraria:ready', 'honoraria:result', 'honoraria:theme', 'frame-src', '<honoraria-calculator', '--hon-accent']) {
    assert.ok(body.includes(word), word);
  }
  await page.locator('honoraria-calculator.demo iframe').waitFor({ state: 'attached' });
  await context.close();
});
