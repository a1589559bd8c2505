// Service labels follow the page language: the data has French and Dutch labels only,
// so Dutch pages show the Dutch label and French, German and English pages the French
// one — in the result, the search suggestions and the coverage page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitReady, cli } from './helpers.mjs';

let server, browser, labels;

before(async () => {
  server = await startServer();
  browser = await launch();
  labels = Object.fromEntries(cli(['coverage', '--json']).json.codes.map((c) => [c.code, c]));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const want = (code, lang) => (lang === 'nl' ? labels[code].label_nl : labels[code].label_fr);

for (const lang of ['fr', 'nl', 'de', 'en']) {
  test(`${lang}: the result and the suggestions show the ${lang === 'nl' ? 'Dutch' : 'French'} label`, async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}?code=101076&date=2024-03-01&lang=${lang}`);
    await waitReady(page);
    assert.equal(await page.locator('#service').innerText(), `101076 — ${want('101076', lang)}`);
    await page.fill('#code', '1010');
    await page.locator('#suggestions button').first().waitFor();
    const shown = await page.$$eval('#suggestions button', (bs) => bs.map((b) => [b.dataset.code, b.textContent]));
    assert.ok(shown.length > 0);
    for (const [code, text] of shown) assert.equal(text, `${code} ${want(code, lang)}`, `${lang} ${code}`);
    await context.close();
  });
}
