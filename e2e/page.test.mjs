// The calculator page in a real browser: URL state, amounts and their
// data-values, recompute on input, languages, errors. (Hardening, layout and accessibility
// are in page-hardening.test.mjs.)

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { values, pageURL, useSite } from './helpers.mjs';

// One page for the whole file (helpers.mjs, useSite): each test navigates it.
const site = useSite();
const visit = (path, opts) => site.visit(path, { ...opts, wait: !path.startsWith('/embed') });

const STATE_URL = '/?code=101076&date=2024-03-01&insured=preferential&dmg=1&lang=nl';

const text = (page, sel) => page.locator(sel).first().innerText();

test('a URL with state shows the fee 31,81 € in Dutch, with data-values', async () => {
  const page = await visit(STATE_URL);
  const v = await values(page);
  assert.equal(v.fee, '31.81');
  assert.match(v.reimbursement, /^\d+\.\d{2}$/);
  assert.match(v['personal-share'], /^\d+\.\d{2}$/);
  assert.equal((Number(v.fee) - Number(v.reimbursement)).toFixed(2), v['personal-share']);
  assert.ok(['true', 'false'].includes(v['supplement-allowed']));
  assert.match(v['pay-at-desk'], /^\d+\.\d{2}$/);
  const fee = await text(page, '[data-field="fee"]');
  assert.equal(fee.replace(/\s/g, ' '), '31,81 €');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  const result = await text(page, '#result');
  assert.match(result, /Remgeld/);
  assert.match(result, /Tegemoetkoming/);
  assert.match(result, /Waarom dit bedrag/);
  // The explanation links its sources.
  assert.ok(await page.locator('.explanation a.source[href^="http"]').count() > 0);
  // Footer: data checksum and date.
  assert.match(await text(page, '#data-info'), /\d{4}-\d{2}-\d{2}/);
  assert.deepEqual(page.errors, []);
});

test('the form reflects the URL and every change recomputes and updates the URL', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&lang=en');
  assert.equal(await page.inputValue('#code'), '101076');
  assert.equal(await page.inputValue('#date'), '2024-03-01');
  const before = await values(page);
  await page.check('#dmg');
  const withDMG = await values(page);
  assert.equal(withDMG.fee, before.fee);
  assert.ok(Number(withDMG['personal-share']) < Number(before['personal-share']), 'a DMG lowers the share');
  assert.match(await pageURL(page), /dmg=1/);

  await page.check('input[name="insured"][value="preferential"]');
  const pref = await values(page);
  assert.ok(Number(pref['personal-share']) < Number(withDMG['personal-share']));
  assert.match(await pageURL(page), /insured=preferential/);

  const stepsBefore = await page.locator('.explanation .steps').innerText();
  await page.fill('#date', '2020-06-01');
  const y2020 = await values(page);
  assert.notEqual(y2020.fee, pref.fee);
  assert.match(await pageURL(page), /date=2020-06-01/);
  // The explanation, drawn after the figures (the next frame), is the new answer's: marked
  // out of date until then, and its steps name the new fee.
  assert.equal(await page.locator('.explanation').getAttribute('data-ready'), 'true');
  const steps = await page.locator('.explanation .steps').innerText();
  assert.notEqual(steps, stepsBefore);
  assert.ok(steps.replace(/\s/g, ' ').includes(y2020.fee.replace('.', ',')) || steps.includes(y2020.fee), steps);

  await page.selectOption('#doctor', 'nonconventioned');
  assert.match(await pageURL(page), /doctor=nonconventioned/);
  await page.fill('#paid', '60');
  const bill = await values(page);
  assert.ok(['ok', 'allowed', 'not-allowed', 'unknown'].includes(bill['bill-verdict']), JSON.stringify(bill));
  assert.match(await pageURL(page), /paid=60/);

  // The URL alone reproduces the result.
  const url = new URL(await pageURL(page));
  const shown = await values(page);
  await visit(url.pathname + url.search);
  assert.deepEqual(await values(page), shown);
});

test('a recompute fills the previous answer in place: every change of shape shows the new answer alone', async () => {
  // The main result's rows are reused from one answer to the next (issue 12.2): through a
  // bill check, a no-data answer, an error and back, the page shows what a fresh load shows.
  let page = await visit('/?code=101076&date=2024-03-01&dmg=1&lang=en');
  // Each step: the fields changed, then the URL a fresh load shows the same answer from.
  // Within an answer's shape too: a supplement's reason that comes and goes, an amount that
  // becomes "not applicable" (without third-party payment, mandatory for a preferential
  // patient) and back.
  const steps = [
    [[['#paid', '60']], '/?code=101076&date=2024-03-01&dmg=1&paid=60&lang=en'],
    [[['#date', '2010-03-01']], '/?code=101076&date=2010-03-01&dmg=1&paid=60&lang=en'],
    [[['#age', '300'], ['#date', '2024-03-01']], '/?code=101076&date=2024-03-01&dmg=1&age=300&paid=60&lang=en'],
    [[['#age', ''], ['#paid', '']], '/?code=101076&date=2024-03-01&dmg=1&lang=en'],
    [[['#doctor', 'nonconventioned'], ['insured', 'preferential']], '/?code=101076&date=2024-03-01&insured=preferential&dmg=1&doctor=nonconventioned&lang=en'],
    [[['#doctor', 'conventioned'], ['insured', 'ordinary']], '/?code=101076&date=2024-03-01&dmg=1&lang=en'],
  ];
  const act = (sel, value) => (sel === 'insured' ? page.check(`input[name="insured"][value="${value}"]`)
    : sel === '#doctor' ? page.selectOption(sel, value) : page.fill(sel, value));
  for (const [fills, url] of steps) {
    for (const [sel, value] of fills) await act(sel, value);
    const got = { v: await values(page), html: await page.locator('#answer').innerHTML() };
    page = await visit(url); // the next step starts from this fresh load, the same answer
    assert.deepEqual(got.v, await values(page), url);
    assert.equal(got.html, await page.locator('#answer').innerHTML(), url);
  }
});

test('searching by words suggests services; choosing one computes it', async () => {
  const page = await visit('/?lang=nl&date=2024-03-01');
  assert.equal((await values(page)).fee, undefined);
  await page.fill('#code', 'raadpleging');
  await page.locator('#suggestions button').first().waitFor();
  assert.ok(await page.locator('#suggestions button').count() > 0);
  assert.equal((await values(page)).fee, undefined, 'no amount before a choice');
  await page.click('#suggestions button[data-code="101076"]');
  assert.equal((await values(page)).fee, '31.81');
  assert.match(await pageURL(page), /code=101076/);

  // Keyboard: a code prefix, arrow down into the list, Enter chooses.
  await page.fill('#code', '10107');
  await page.locator('#suggestions button').first().waitFor();
  await page.focus('#code');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement.dataset.code);
  assert.match(focused, /^10107/);
  await page.keyboard.press('Enter');
  assert.match((await values(page)).fee || '', /^\d+\.\d{2}$/);
  assert.match(await pageURL(page), new RegExp(`code=${focused}`));
});

test('switching language re-renders in German with the Belgian terms', async () => {
  const page = await visit(STATE_URL);
  await page.selectOption('#lang', 'de');
  await page.waitForFunction(() => document.documentElement.lang === 'de');
  const result = await text(page, '#result');
  assert.match(result, /Eigenanteil/);
  assert.match(result, /Honorarzuschlag/);
  assert.match(await text(page, 'form'), /Allgemeine Medizinische Akte/);
  assert.match(await text(page, 'form'), /erhöhte Kostenerstattung/i);
  assert.match(await pageURL(page), /lang=de/);
  assert.equal((await values(page)).fee, '31.81');
  await page.selectOption('#lang', 'fr');
  assert.match(await text(page, '#result'), /Ticket modérateur/);
});

// The browser's language choosing the page's is tested with the unknown ?lang= in
// badinput.test.mjs (one nl-BE context for both).

test('an unknown code says so plainly and shows no amount', async () => {
  const page = await visit('/?code=999999&date=2024-03-01&lang=en');
  const v = await values(page);
  for (const f of ['fee', 'reimbursement', 'personal-share', 'pay-at-desk']) assert.equal(v[f], undefined);
  const result = await text(page, '#result');
  assert.match(result, /No data|check this input/i);
  await visit('/?code=12&date=2024-03-01&lang=fr');
  assert.equal((await values(page)).fee, undefined);
  assert.match(await text(page, '#result'), /code/);
});
