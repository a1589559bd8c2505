// Service labels follow the page language. The official labels are French and Dutch: Dutch
// pages show the Dutch label, French, German and English pages the French one — in the
// result, the doctor view, the search suggestions and the coverage page. German and English
// pages add the project's translation after the official label, marked as not official in
// the page's language (data/labels-de.csv, labels-en.csv; issue 11.3); the command line's
// answer carries the same translation (label_translation).

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { cli, useSite } from './helpers.mjs';

const site = useSite();
const { visit } = site;
let labels;

before(() => {
  labels = Object.fromEntries(cli(['coverage', '--json']).json.codes.map((c) => [c.code, c]));
});

const want = (code, lang) => (lang === 'nl' ? labels[code].label_nl : labels[code].label_fr);
const MARK = { de: 'Übersetzung des Projekts Honoraria, nicht amtlich', en: 'translation by the Honoraria project, not official' };

for (const lang of ['fr', 'nl', 'de', 'en']) {
  const translated = lang === 'de' || lang === 'en';
  test(`${lang}: the result and the suggestions show the ${lang === 'nl' ? 'Dutch' : 'French'} label${translated ? ', then the project\'s translation, marked' : ''}`, async () => {
    const cliAnswer = cli(['quote', '--code', '101076', '--date', '2024-03-01', '--lang', lang, '--json']).json;
    const page = await visit(`/?code=101076&date=2024-03-01&lang=${lang}`);
    const official = page.locator('#service .label-official');
    assert.equal(await official.innerText(), want('101076', lang));
    assert.equal(await official.getAttribute('lang'), lang === 'nl' ? 'nl' : 'fr');
    assert.equal(cliAnswer.label, want('101076', lang), 'the CLI answer\'s label is the official one');
    const tr = page.locator('#service [data-field="label-translation"]');
    if (translated) {
      assert.equal(cliAnswer.label_translation.official, false);
      assert.notEqual(cliAnswer.label_translation.label, cliAnswer.label);
      assert.equal(await tr.getAttribute('lang'), lang);
      assert.equal(await tr.getAttribute('data-official'), 'false');
      assert.equal(await tr.innerText(), `${cliAnswer.label_translation.label} (${MARK[lang]})`);
      // After the official label, never instead of it.
      const text = await page.locator('#service').innerText();
      assert.ok(text.indexOf(want('101076', lang)) < text.indexOf(cliAnswer.label_translation.label), text);
    } else {
      assert.equal(cliAnswer.label_translation, null);
      assert.equal(await tr.count(), 0);
    }
    await page.fill('#code', '1010');
    await page.locator('#suggestions button').first().waitFor();
    const shown = await page.$$eval('#suggestions button', (bs) => bs.map((b) => [b.dataset.code, b.querySelector('.label-official').textContent, b.querySelector('[data-field="label-translation"]')?.textContent ?? null]));
    assert.ok(shown.length > 0);
    for (const [code, text, translation] of shown) {
      assert.equal(text, want(code, lang), `${lang} ${code}`);
      if (!translated) assert.equal(translation, null, `${lang} ${code}`);
      else assert.ok(translation.endsWith(`(${MARK[lang]})`), `${lang} ${code}: ${translation}`);
    }
  });
}

test('de: the doctor view and a German or trilingual price poster show the translation after the official label', async () => {
  const page = await visit('/?code=102734&date=2017-03-01&lang=de&view=doctor');
  const body = page.locator('#doctor-body .service');
  await body.locator('[data-field="label-translation"]').waitFor();
  assert.match(await body.innerText(), /^102734 — consultation dermato-vénéréologue · .*\n?.*Dermatologen.*\(Übersetzung des Projekts Honoraria, nicht amtlich\)/s);
  await visit('/poster.html?lang=de&poster-lang=de&codes=102734&date=2017-03-01', { wait: false });
  const cell = page.locator('tr[data-code="102734"] .pp-service');
  await cell.locator('[data-field="label-translation"]').waitFor({ timeout: 30000 });
  const text = await cell.innerText();
  assert.ok(text.indexOf('consultation dermato-vénéréologue') < text.indexOf('Dermatologen'), text);
  // The trilingual poster (FR, NL, DE) shows it too, after both official labels.
  await visit('/poster.html?lang=fr&poster-lang=all&codes=102734&date=2017-03-01', { wait: false });
  const all = page.locator('tr[data-code="102734"] .pp-service');
  await all.locator('[data-field="label-translation"][lang="de"]').waitFor({ timeout: 30000 });
  assert.match(await all.innerText(), /consultation dermato-vénéréologue.*Dermato-venereoloog.*Dermatologen.*\(Übersetzung des Projekts Honoraria, nicht amtlich\)/s);
});
