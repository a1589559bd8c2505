// The doctor view (?view=doctor): what this doctor may charge this patient
// today, whether third-party payment is mandatory and since when, and the
// year's statut social for the doctor's own convention status.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, values, pageURL, axeSource } from './helpers.mjs';

const site = useSite();
const visit = site.visit;

const statut = (page) => page.locator('[data-field="doctor-statut-social"]');

test('doctor view of 101076 on 2024-03-01 for an ordinary patient: fee, shares, no supplement, TP optional but mandatory for BIM', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&view=doctor&lang=en');
  const panel = page.locator('#doctor-view');
  assert.ok(await panel.isVisible());
  assert.equal(await page.locator('#doctor-title').innerText(), 'What you may charge this patient');
  assert.ok(await page.locator('input[name="view"][value="doctor"]').isChecked());
  const v = await values(page);
  assert.equal(v['doctor-fee'], '31.81');
  assert.equal(v['doctor-reimbursement'], '25.81');
  assert.equal(v['doctor-personal-share'], '6.00');
  assert.equal(v['doctor-supplement-allowed'], 'false');
  assert.equal(v['doctor-max-charge'], '31.81');
  assert.equal(v['doctor-tp-mandatory'], 'false');
  assert.equal(v['doctor-tp-preferential'], 'true');
  assert.equal(v['doctor-collect'], '31.81');
  const text = await panel.innerText();
  assert.match(text, /You may not charge a supplement/);
  assert.match(text, /conventioned doctor applies the agreement tariffs/);
  assert.match(text, /preferential reimbursement \(BIM\) it would be mandatory \(since 1 July 2015\)/);
  // Statut social of a fully conventioned doctor, as Honoraria.year gives it.
  const year = await page.evaluate(() => Honoraria.year(2024, 'en'));
  assert.match(year.statut_social.full, /^\d+\.\d{2}$/);
  assert.equal(await statut(page).getAttribute('data-value'), year.statut_social.full);
  assert.equal(await statut(page).getAttribute('data-status'), 'full');
  assert.match(text, /Your statut social 2024/);
  // The patient's result stays on the page too, with the contract's data-values.
  assert.equal(v.fee, '31.81');
  assert.deepEqual(page.errors, []);
});

test('doctor view: a preferential patient with a DMG — third-party payment mandatory since 2015-07-01, collect 1,00 €', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&insured=preferential&dmg=1&view=doctor&lang=fr');
  const v = await values(page);
  assert.equal(v['doctor-tp-mandatory'], 'true');
  assert.equal(v['doctor-tp-from'], '2015-07-01');
  assert.equal(v['doctor-personal-share'], '1.00');
  assert.equal(v['doctor-collect'], '1.00');
  assert.equal(v['doctor-tp-preferential'], undefined);
  const text = await page.locator('#doctor-view').innerText();
  assert.match(text, /Obligatoire pour ce patient/);
  assert.match(text, /obligatoire depuis le 1 juillet 2015/);
  assert.match(text, /Seulement le ticket modérateur/);
});

test('doctor view: 103132 (home visit) for an 80-year-old on 2024-03-01', async () => {
  const page = await visit('/?code=103132&date=2024-03-01&age=80&view=doctor&lang=nl');
  const v = await values(page);
  assert.equal(v['doctor-fee'], '45.81');
  assert.equal(v['doctor-reimbursement'], '29.78');
  assert.equal(v['doctor-personal-share'], '16.03');
  assert.equal(v['doctor-tp-mandatory'], 'false');
  assert.equal(v['doctor-tp-preferential'], undefined, 'home visits: no mandatory TP even for BIM');
  assert.match(await page.locator('#doctor-view').innerText(), /U mag geen supplement aanrekenen/);
});

test('doctor view: the statut social follows the convention status (full, partial, in training, none)', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&view=doctor&lang=de');
  const year = await page.evaluate(() => Honoraria.year(2024, 'de'));
  assert.equal(await statut(page).getAttribute('data-value'), year.statut_social.full);
  assert.match(await page.locator('.statut').innerText(), /Vertragsarzt/);

  await page.selectOption('#doctor', 'partial-agreed');
  assert.equal(await statut(page).getAttribute('data-status'), 'partial');
  assert.equal(await statut(page).getAttribute('data-value'), year.statut_social.partial ?? 'null');
  // The engine's answer for this doctor says the same (calc.StatutStatus, one rule).
  const answer = await page.evaluate(() => Honoraria.quote({ code: '101076', date: '2024-03-01', doctor: 'partial-agreed' }).statut_social);
  assert.deepEqual([answer.status, answer.amount ?? 'null'], ['partial', await statut(page).getAttribute('data-value')]);

  await page.check('#training');
  assert.equal(await statut(page).getAttribute('data-status'), 'in_training');
  assert.equal(await statut(page).getAttribute('data-value'), year.statut_social.in_training ?? 'null');
  assert.match(await pageURL(page), /training=1/);
  assert.match(await pageURL(page), /view=doctor/);

  await page.uncheck('#training');
  await page.selectOption('#doctor', 'nonconventioned');
  assert.equal(await statut(page).getAttribute('data-value'), 'none');
  assert.match(await page.locator('.statut').innerText(), /kein Sozialstatut/);
  // A non-conventioned doctor may charge a supplement to an ordinary patient.
  const v = await values(page);
  assert.equal(v['doctor-supplement-allowed'], 'true');
  assert.equal(v['doctor-max-charge'], 'fee+supplement');
  const text = await page.locator('#doctor-view').innerText();
  assert.match(text, /Sie dürfen einen Honorarzuschlag berechnen/);
  assert.match(text, /Drittzahlerregelung/);
  // The query sent to the engine does not carry the page's own parameters.
  assert.equal(v.fee, '31.81');
});

test('doctor view: switching between patient and doctor on the page updates the URL; the URL reproduces it', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&lang=en');
  assert.equal(await page.locator('#doctor-view').isVisible(), false);
  assert.equal(await page.locator('#training').isVisible(), false);
  await page.check('input[name="view"][value="doctor"]');
  assert.ok(await page.locator('#doctor-view').isVisible());
  assert.ok(await page.locator('#training').isVisible());
  assert.match(await pageURL(page), /view=doctor/);
  const shown = await values(page);
  // The URL alone reproduces it (the page opened again from it).
  const url = new URL(await pageURL(page));
  await visit(url.pathname + url.search);
  assert.deepEqual(await values(page), shown);
  await page.check('input[name="view"][value="patient"]');
  assert.equal(await page.locator('#doctor-view').isVisible(), false);
  assert.doesNotMatch(await pageURL(page), /view=/);
});

test('doctor view without a service still shows the statut social; no data says so', async () => {
  const page = await visit('/?date=2024-03-01&view=doctor&lang=en');
  assert.ok(await page.locator('#doctor-view').isVisible());
  assert.match(await statut(page).getAttribute('data-value'), /^\d+\.\d{2}$/);
  await visit('/?code=101076&date=2010-03-01&view=doctor&lang=en');
  assert.match(await page.locator('#doctor-view').innerText(), /No answer for this service on this date/);
  assert.equal((await values(page))['doctor-fee'], undefined);
});

test('doctor view: axe-core finds no serious or critical violations; fits 360 px; keyboard reaches the switch', async () => {
  for (const path of ['/?code=101076&date=2024-03-01&view=doctor&lang=fr', '/?code=101076&date=2024-03-01&insured=preferential&dmg=1&view=doctor&lang=nl']) {
    const page = await visit(path);
    await page.evaluate(axeSource());
    const res = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], path);
  }
  const page = await visit('/?code=101076&date=2024-03-01&view=doctor&lang=fr', { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.ok(await page.locator('[data-field="doctor-fee"]').isVisible());
  // Keyboard: from the top, Tab reaches the view switch; arrows change it.
  await page.keyboard.press('Tab'); // skip link
  let found = false;
  for (let i = 0; i < 10 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.name === 'view');
  }
  assert.ok(found, 'the view switch is reachable by keyboard');
  await page.keyboard.press('ArrowUp');
  assert.equal(await page.locator('#doctor-view').isVisible(), false);
  await page.keyboard.press('ArrowDown');
  assert.ok(await page.locator('#doctor-view').isVisible());
});
