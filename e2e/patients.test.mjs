// Issue 11 (patients first): search by what people type, the patient and doctor views,
// a phone, printing, the history axis, compact embedding under the documented CSP.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, values, axeSource, useSite } from './helpers.mjs';

const site = useSite();
const { visit } = site;

test('search: what people type in four languages finds the service (same engine as the CLI)', async () => {
  const page = await visit('/?lang=de&date=2024-06-01');
  const first = (q, lang) => page.evaluate(async ([q, lang]) => (await Honoraria.search(q, lang, 5, '2024-06-01'))[0]?.code, [q, lang]);
  assert.equal(await first('Hausbesuch', 'de'), '103132');
  assert.equal(await first('Hautarzt', 'de'), '102734');
  assert.equal(await first('dermatolgue', 'fr'), '102734');
  assert.equal(await first('huisbezoek', 'nl'), '103132');
  assert.equal(await first('médecin traitant', 'fr'), '101076');
  assert.equal(await first('home visit', 'en'), '103132');
  // In the search box: the first suggestion.
  await page.fill('#code', 'Hausbesuch');
  await page.locator('#suggestions button').first().waitFor();
  assert.equal(await page.locator('#suggestions button').first().getAttribute('data-code'), '103132');
});

test('patient view: no statut social; doctor view: the statut social rows; statuses in the reader\'s words', async () => {
  let page = await visit('/?code=101076&date=2024-03-01&lang=nl');
  let v = await values(page);
  assert.equal(await page.locator('[data-field^="year-statut-full"]').count(), 0);
  assert.equal(await page.locator('[data-field="year-statut-where"]').count(), 1);
  assert.equal(v['agreement-status'], 'in-force');
  assert.equal(await page.locator('[data-field="agreement-status"]').innerText(), 'van kracht');
  assert.doesNotMatch(await page.locator('#year').innerText(), /in-force|Accord national/);
  page = await visit('/?code=101076&date=2024-03-01&lang=fr&view=doctor');
  assert.equal(await page.locator('[data-field="year-statut-full"]').count(), 1);
});

test('the data\'s English-only notes stay behind "details" on French, Dutch and German pages (the year\'s indexation)', async () => {
  for (const lang of ['fr', 'nl', 'de', 'en']) {
    const page = await visit(`/?code=101076&date=2026-03-01&lang=${lang}`);
    const detail = page.locator('#year [data-field="indexation-detail"]');
    await detail.waitFor({ state: 'attached' });
    if (lang === 'en') {
      assert.match(await detail.innerText(), /Full index 2\.72%/);
    } else {
      assert.equal(await detail.evaluate((n) => n.tagName), 'DETAILS', lang);
      assert.equal(await detail.evaluate((n) => n.open), false, lang);
      assert.equal(await detail.locator('span[lang="en"]').isVisible(), false, lang);
      assert.doesNotMatch(await page.locator('#year').innerText(), /Full index/, lang);
    }
  }
});

test('on a phone the answer comes into view after choosing a service', async () => {
  const page = await visit('/?lang=fr&date=2024-03-01', { width: 360, height: 740 });
  await page.fill('#code', 'consultation généraliste');
  await page.locator('#suggestions button').first().click();
  await page.locator('[data-field="fee"]').waitFor();
  await page.waitForFunction(() => {
    const r = document.getElementById('result').getBoundingClientRect();
    return r.top >= -2 && r.top < innerHeight / 2;
  }, null, { timeout: 5000 });
});

test('printing one result fits one A4 page: patient view (with a bill check, its amounts printed; German with the label\'s translation) and doctor view', async () => {
  for (const path of ['/?code=101076&date=2024-03-01&lang=fr&insured=preferential&dmg=1', '/?code=101076&date=2024-03-01&lang=fr&paid=45', '/?code=103132&date=2024-03-01&lang=de&age=80&paid=60', '/?code=103132&date=2024-03-01&lang=nl&age=80&view=doctor']) {
    const page = await visit(path);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, path);
  }
});

test('history axis labels never overlap (1280 and 360 px)', async () => {
  for (const width of [1280, 360]) {
    const page = await visit('/?code=102771&date=2021-03-01&lang=fr', { width });
    await page.locator('[data-field="history-axis-year"]').first().waitFor();
    const boxes = await page.$$eval('[data-field="history-axis-year"]', (ns) => ns.map((n) => n.getBoundingClientRect()).map((r) => [r.left, r.right]));
    assert.ok(boxes.length >= 2);
    for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i][0] >= boxes[i - 1][1], `${width}px: ${JSON.stringify(boxes)}`);
  }
});

// The snippets of embed.html, as the page shows them (in the given language), with HOST
// replaced by the test server's origin: what an insurer would copy.
async function documented(page, lang) {
  await page.goto(`${site.server.url}embed.html?lang=${lang}`);
  const block = page.locator(`[data-doc-lang="${lang}"].doc-lang`);
  const read = (name) => block.locator(`pre[data-snippet="${name}"]`).innerText();
  const origin = new URL(site.server.url).origin;
  const host = (s) => s.replaceAll('https://HOST', origin);
  // The host policy the page documents (its directives, without the comment), made strict
  // for everything else: no inline script or style on the host page.
  const directives = (await read('host-csp')).split('\n').map((l) => l.replace(/\(.*\)/, '').trim()).filter(Boolean).join(' ');
  return {
    element: host(await read('element')), iframe: host(await read('iframe')), theme: await read('theme'),
    csp: `default-src 'none'; style-src 'self'; ${host(directives)}`,
  };
}

const hostPage = (lang, head, body) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Host</title>
<link rel="stylesheet" href="host-theme.css">${head}</head><body><h1>Mutualité</h1>${body}</body></html>`;

test('embedding under the documented CSP: the documented snippets (element themed and compact, plain iframe) work and size to their content, shrinking too', async () => {
  const { context, page } = await openPage(site.browser, { width: 360, height: 740 });
  const doc = await documented(page, 'de');
  assert.match(doc.csp, /script-src 'self' http:\/\/[^ ]+; frame-src http:\/\/[^ ]+;/);
  const blocked = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) blocked.push(m.text()); });
  // The element snippet, with compact="1" added as the page says, and the theme snippet in
  // the host's stylesheet.
  const [script, element] = doc.element.split('\n');
  const compact = element.replace('<honoraria-calculator ', '<honoraria-calculator compact="1" date="2024-03-01" ');
  const iframe = doc.iframe.split('\n').slice(1).join('\n').replace('code=101076', 'code=101076&amp;date=2024-03-01').replace('height="600"', 'height="9000"');
  const pages = {
    'element-host.html': hostPage('de', script, compact),
    'iframe-host.html': hostPage('de', doc.iframe.split('\n')[0], iframe),
  };
  await page.route('**/host-theme.css', (route) => route.fulfill({ status: 200, contentType: 'text/css', body: doc.theme }));
  for (const [name, body] of Object.entries(pages)) {
    await page.route(`**/${name}`, (route) => route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': doc.csp }, body }));
  }
  await page.goto(site.server.url + 'element-host.html');
  const frame = page.frameLocator('honoraria-calculator iframe');
  await frame.locator('[data-field="fee"]').waitFor({ timeout: 30000 });
  assert.equal(await frame.locator('html').getAttribute('lang'), 'de', 'the documented snippet in German gives a German calculator');
  assert.equal(await frame.locator('#compare').isVisible(), false);
  assert.equal(await frame.locator('#household').isVisible(), false);
  assert.equal(await frame.locator('#code').isVisible(), true);
  // The theme reached the frame (honoraria:theme): the accent of the documented snippet.
  await page.waitForFunction(() => {
    const f = document.querySelector('honoraria-calculator').shadowRoot.querySelector('iframe');
    return f.contentDocument && getComputedStyle(f.contentDocument.documentElement).getPropertyValue('--hon-accent').trim() === '#8a1538';
  }, null, { timeout: 10000 });
  const compactHeight = await page.waitForFunction(() => {
    const f = document.querySelector('honoraria-calculator').shadowRoot.querySelector('iframe');
    const h = parseInt(f.style.height, 10);
    return h > 0 && Math.abs(h - f.contentDocument.body.getBoundingClientRect().height) < 40 && h;
  }, null, { timeout: 10000 }).then((h) => h.jsonValue());
  // The compact embed fits 360 px.
  assert.ok(await frame.locator('html').evaluate((n) => n.scrollWidth <= innerWidth), 'compact embed wider than its frame');
  // The plain iframe starts at height="9000" (taller than the page at 360 px) and shrinks to
  // its content (the snippet has no style attribute: the host's CSP forbids inline style).
  await page.goto(site.server.url + 'iframe-host.html');
  await page.frameLocator('iframe[data-honoraria]').locator('[data-field="fee"]').waitFor({ timeout: 30000 });
  await page.waitForFunction(() => parseInt(document.querySelector('iframe[data-honoraria]').style.height, 10) < 9000, null, { timeout: 10000 });
  const full = await page.evaluate(() => parseInt(document.querySelector('iframe[data-honoraria]').style.height, 10));
  assert.ok(compactHeight < full, `compact ${compactHeight} < full ${full}`);
  assert.deepEqual(blocked, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('axe: no serious findings on the compact embed and the patient view at 1280 and 360 px', async () => {
  for (const width of [1280, 360]) {
    for (const path of ['/?embed=1&compact=1&code=101076&date=2024-03-01&lang=de', '/?code=103132&date=2024-03-01&lang=nl&age=80']) {
      const page = await visit(path, { width });
      await page.evaluate(axeSource());
      const res = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
      const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${path} at ${width}`);
    }
  }
});

test('embed.html follows the page language (?lang=, else the browser\'s) and fits 360 px; the live example follows too', async () => {
  const TITLES = { fr: 'Intégrer le calculateur', nl: 'De rekenmodule insluiten', de: 'Den Rechner einbinden', en: 'Embed the calculator' };
  for (const lang of ['fr', 'nl', 'de', 'en']) {
    const page = await visit(`/embed.html?lang=${lang}`, { width: 360, height: 740, wait: false });
    await page.waitForLoadState('load');
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    const shown = await page.$$eval('.doc-lang', (ns) => ns.filter((n) => !n.hidden).map((n) => n.dataset.docLang));
    assert.deepEqual(shown, [lang]);
    assert.equal(await page.locator('main h1:visible').innerText(), TITLES[lang]);
    assert.match(await page.locator('honoraria-calculator.demo iframe').getAttribute('src'), new RegExp(`[?&]lang=${lang}(&|$)`));
    const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    assert.ok(scrollWidth <= innerWidth, `${lang}: ${scrollWidth} > ${innerWidth}`);
  }
  // No ?lang=: the browser's language.
  const { context, page } = await openPage(site.browser, { contextOptions: { locale: 'nl-BE' } });
  await page.goto(`${site.server.url}embed.html`);
  await page.waitForLoadState('load');
  assert.equal(await page.locator('main h1:visible').innerText(), TITLES.nl);
  await context.close();
});
