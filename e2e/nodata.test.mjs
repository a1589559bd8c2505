// Answers that help (issue 11.1, 11.4; BRIEF §8): a date without a figure shows the code's
// last and next sourced fees with the start of their periods, a link to the code's row on
// the coverage page and to NomenSoft — never an estimate; a bill check says what the
// patient is out of pocket after reimbursement and what to do when a supplement was not
// allowed; a preferential kind is forgotten when the patient is ordinary again.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, values } from './helpers.mjs';

const site = useSite();
const { visit } = site;

test('no data: the last sourced fee and its date, no amount for the date asked', async () => {
  // 102034: sourced up to 2017-12-31 (data/2017/tariffs.csv, 37.15).
  const page = await visit('/?code=102034&date=2026-03-01&lang=fr');
  const v = await values(page);
  assert.equal(v['last-known-fee'], '37.15');
  assert.equal(await page.locator('[data-field="last-known-fee"]').getAttribute('data-date'), '2017-01-01');
  assert.equal(v.fee, undefined, 'no fee for the date asked');
  assert.equal(v['next-known-fee'], undefined);
  assert.match(await page.locator('.coverage-link').getAttribute('href'), /coverage\.html\?lang=fr&q=102034/);
  assert.match(await page.locator('.nomensoft-link').getAttribute('href'), /\/Nomen\/fr\/102034\/fees$/);
});

test('no data in a gap: the last and the next sourced fees', async () => {
  // 101076: 2022-01-01 → 2022-05-31 (27.25), then 2023-01-01 (30.00).
  const page = await visit('/?code=101076&date=2022-09-01&lang=nl');
  const v = await values(page);
  assert.equal(v['last-known-fee'], '27.25');
  assert.equal(v['next-known-fee'], '30.00');
  assert.equal(await page.locator('[data-field="next-known-fee"]').getAttribute('data-date'), '2023-01-01');
});

test('bill check: out of pocket after reimbursement, and the next step for a supplement not allowed', async () => {
  // 101076 on 2024-03-01: fee 31.81, reimbursement 25.81 (ordinary, no DMG); paid 45.
  const page = await visit('/?code=101076&date=2024-03-01&paid=45&lang=fr');
  const v = await values(page);
  assert.equal(v['out-of-pocket'], '19.19');
  assert.equal(v['bill-verdict'], 'not-allowed');
  assert.match(await page.locator('[data-field="bill-next-step"]').innerText(), /mutualité/);
  assert.match(await page.locator('section.bill .reason').first().innerText(), /13,19 €/, 'amounts in the reader’s format');
});

test('switching back to an ordinary patient forgets the kind of preferential regime', async () => {
  const page = await visit('/?code=101076&date=2025-03-01&insured=preferential&preferential-kind=income&lang=en');
  await page.check('input[name="insured"][value="ordinary"]');
  await page.waitForFunction(() => !location.search.includes('preferential-kind'));
  const v = await values(page);
  assert.equal(v.fee, '32.84');
  assert.equal(await page.locator('.error').count(), 0);
});

test('"not applicable" where a case does not apply, "not available" where a figure is missing', async () => {
  // A preferential patient at a GP consultation: third-party payment is mandatory, so the
  // desk amount without it does not apply.
  let page = await visit('/?code=101076&date=2024-03-01&insured=preferential&lang=fr');
  const na = page.locator('[data-field="pay-at-desk-without-third-party"]');
  assert.equal(await na.getAttribute('data-na'), 'not-applicable');
  assert.equal((await na.innerText()).trim(), 'sans objet');
  // 101113 in 2017: the fee is sourced (rtl-2017, 4.00), the reimbursement is not: "not
  // available", never "not applicable" and never an amount.
  page = await visit('/?code=101113&date=2017-03-01&lang=fr');
  const v = await values(page);
  assert.equal(v.fee, '4.00');
  const missing = page.locator('[data-field="reimbursement"]');
  assert.equal(await missing.getAttribute('data-na'), 'not-available');
  assert.equal(await missing.getAttribute('data-value'), null);
  assert.equal((await missing.innerText()).trim(), 'non disponible');
});

test('one engine call for the main result per user change (a checkbox fires input and change)', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&lang=en');
  await page.evaluate(() => {
    globalThis.__calls = [];
    const quote = Honoraria.quote;
    Honoraria.quote = (q) => { globalThis.__calls.push(JSON.stringify(q)); return quote(q); };
  });
  await page.check('#dmg');
  await page.waitForFunction(() => document.querySelector('[data-field="personal-share"]')?.dataset.value === '4.00');
  await page.waitForFunction(() => !document.querySelector('[data-ready="false"]'));
  await page.waitForTimeout(300);
  const calls = await page.evaluate(() => globalThis.__calls);
  const main = calls.filter((c) => { const q = JSON.parse(c); return q.dmg === '1' && q.date === '2024-03-01' && !q.insured; });
  // The main result once, and the history's point for the same date once (before the fix,
  // 'input' and 'change' each recomputed everything: every call came twice).
  assert.equal(main.length, 2, calls.join('\n'));
  assert.equal(calls.length, new Set(calls).size + 1, calls.join('\n'));
});
