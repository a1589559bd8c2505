// The compare panel in a real browser: what to compare (patients, doctors, the GP's
// referral, your own cases), the values of each column, the sentence that says why
// one case pays less, the URL round trip, accessibility (axe) and a 360 px screen.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, settled, pageURL, axeSource } from './helpers.mjs';

const site = useSite();
const visit = site.visit;

// column(page, scenario) → {field: data-value or null} for one column of the table.
async function column(page, scenario) {
  await settled(page);
  return page.$$eval(`#compare td[data-scenario="${scenario}"]`, (tds) => Object.fromEntries(tds.map((td) => [td.dataset.compare, td.dataset.value ?? null])));
}

const heads = (page) => page.locator('#compare thead th').allInnerTexts();
const why = (page, kind) => page.locator(`#compare-why [data-why="${kind}"]`);
// The sentences keep an amount on one line (no-break spaces): compare with plain spaces.
const text = async (loc) => (await loc.innerText()).replace(/\s+/g, ' ').trim();
const param = async (page, name) => new URL(await pageURL(page)).searchParams.get(name);

test('compare patients (default): 6,00 / 4,00 / 1,50 / 1,00 and why the neighbour pays less', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&dmg=1&lang=fr');
  assert.equal(await page.locator('#compare-kind').inputValue(), 'patient');
  assert.equal(await param(page, 'compare'), null, 'the default is not written in the URL');
  const shares = {};
  for (const sc of ['scenario_ordinary', 'scenario_ordinary_dmg', 'scenario_preferential', 'scenario_preferential_dmg']) {
    const col = await column(page, sc);
    shares[sc] = col['personal-share'];
    assert.equal(col.fee, '31.81', sc);
    assert.ok(['true', 'false'].includes(col['third-party-mandatory']), sc);
    assert.equal(col['supplement-allowed'], 'false', sc);
  }
  assert.deepEqual(shares, { scenario_ordinary: '6.00', scenario_ordinary_dmg: '4.00', scenario_preferential: '1.50', scenario_preferential_dmg: '1.00' });
  // Your choice is ordinary with a DMG (4,00 €): the neighbour with BIM and DMG pays 3,00 € less.
  const s = why(page, 'share');
  assert.equal(await s.getAttribute('data-cheaper'), 'scenario_preferential_dmg');
  assert.equal(await s.getAttribute('data-dearer'), 'scenario_current');
  assert.equal(await s.getAttribute('data-diff'), '3.00');
  assert.match(await s.getAttribute('data-reasons'), /share\.fixed/);
  const sentence = await text(s);
  assert.match(sentence, /« BIM, avec DMG », le patient paie 3,00 € de moins que dans le cas « Votre choix » \(1,00 € au lieu de 4,00 €\)/);
  assert.match(sentence, /intervention majorée \(BIM\)/);
  // The supplement cell tells its reason when opened.
  const sup = page.locator('#compare td[data-scenario="scenario_ordinary_dmg"][data-compare="supplement-allowed"]');
  const reason = sup.locator('details .reason');
  assert.equal(await reason.isVisible(), false);
  await sup.locator('summary').click();
  assert.ok(await reason.isVisible());
  assert.match(await reason.innerText(), /conventionné|convention/i);
});

test('compare doctors: same reimbursement 27,81 € for the four statuses, supplement only partial-free and non-conventioned', async () => {
  const page = await visit('/?code=101076&date=2024-03-01&dmg=1&lang=en');
  await page.selectOption('#compare-kind', 'doctor');
  await page.waitForFunction(() => document.querySelector('#compare')?.dataset.kind === 'doctor');
  assert.equal(await param(page, 'compare'), 'doctor');
  assert.deepEqual(await heads(page), ['Your choice', 'Conventioned', 'Partially conventioned, agreed hours', 'Partially conventioned, free hours', 'Not conventioned']);
  const allowed = {};
  for (const d of ['conventioned', 'partial-agreed', 'partial-free', 'nonconventioned']) {
    const col = await column(page, `scenario_doctor_${d}`);
    assert.equal(col.reimbursement, '27.81', d);
    assert.equal(col['personal-share'], '4.00', d);
    allowed[d] = col['supplement-allowed'];
  }
  assert.deepEqual(allowed, { conventioned: 'false', 'partial-agreed': 'false', 'partial-free': 'true', nonconventioned: 'true' });
  assert.equal(await why(page, 'same').getAttribute('data-reimbursement'), '27.81');
  assert.match(await text(why(page, 'same')), /same \(4,00 €\), and so is the reimbursement \(27,81 €\)/);
  assert.equal(await why(page, 'supplement').getAttribute('data-allowed'), 'scenario_doctor_partial-free scenario_doctor_nonconventioned');
  assert.match(await text(why(page, 'supplement')), /may be charged in “Partially conventioned, free hours” and “Not conventioned”, not in/);
  assert.equal(await why(page, 'share').count(), 0);
});

test('compare referral: 102034 on 1 May 2016 with a DMG, 12,00 vs 7,00 ordinary, 3,00 vs 1,00 preferential', async () => {
  const page = await visit('/?code=102034&date=2016-05-01&dmg=1&compare=referral&lang=en');
  assert.equal(await page.locator('#compare-kind').inputValue(), 'referral');
  const share = async (sc) => (await column(page, sc))['personal-share'];
  assert.equal(await share('scenario_ordinary_dmg_notreferred'), '12.00');
  assert.equal(await share('scenario_ordinary_dmg_referred'), '7.00');
  assert.equal(await share('scenario_preferential_dmg_notreferred'), '3.00');
  assert.equal(await share('scenario_preferential_dmg_referred'), '1.00');
  const s = why(page, 'share');
  assert.equal(await s.getAttribute('data-cheaper'), 'scenario_preferential_dmg_referred');
  assert.equal(await s.getAttribute('data-diff'), '11.00');
  assert.equal(await s.getAttribute('data-reasons'), 'share.fixed share.referral-reduction');
  assert.match(await text(s), /the referral by the GP lowers it to 1,00 €/);
  // Your choice follows the form: referred (7,00 €), the cheapest other case pays 6,00 € less.
  await page.check('#referred');
  await page.waitForFunction(() => document.querySelector('#compare td[data-scenario="scenario_current"][data-compare="personal-share"]')?.dataset.value === '7.00');
  await settled(page);
  assert.equal(await why(page, 'share').getAttribute('data-diff'), '6.00');
});

test('the why sentence speaks the page’s four languages', async () => {
  const expect = {
    fr: /le patient paie 5,00 € de moins que/,
    nl: /betaalt de patiënt 5,00 € minder dan/,
    de: /zahlt der Patient 5,00 € weniger als/,
    en: /the patient pays 5,00 € less than/,
  };
  for (const [lang, re] of Object.entries(expect)) {
    const page = await visit(`/?code=101076&date=2024-03-01&lang=${lang}`);
    assert.match(await text(why(page, 'share')), re, lang);
  }
});

test('compare your own cases: choose, add, remove, and the URL brings them back', async () => {
  const page = await visit('/?code=102034&date=2016-05-01&dmg=1&lang=en');
  await page.selectOption('#compare-kind', 'custom');
  await page.waitForFunction(() => document.querySelector('#compare')?.dataset.kind === 'custom');
  // Two cases by default, no "your choice" column.
  assert.equal(await page.locator('#compare-custom fieldset.compare-case').count(), 2);
  assert.equal(await page.locator('#compare td[data-scenario="scenario_current"]').count(), 0);
  // Case 2: preferential (default), referred by the GP.
  await page.selectOption('#cc2-referred', 'yes');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('cols')?.includes('referred'));
  await settled(page);
  assert.equal((await column(page, 'scenario_custom_2'))['personal-share'], '1.00');
  // Add a third case: non-conventioned doctor, aged 70; the focus goes to its first field.
  await page.click('#compare-add');
  await page.waitForFunction(() => document.activeElement?.id === 'cc3-insured');
  await page.selectOption('#cc3-doctor', 'nonconventioned');
  await page.fill('#cc3-age', '70');
  await page.waitForFunction(() => /age70/.test(new URL(location.href).searchParams.get('cols') || ''));
  await settled(page);
  const third = await column(page, 'scenario_custom_3');
  assert.equal(third['supplement-allowed'], 'true');
  assert.match(await text(page.locator('#compare th[data-scenario="scenario_custom_3"]')), /^Case 3 not conventioned, 70 years$/);
  // A wrong age is flagged on the field and not used.
  await page.fill('#cc3-age', '7x');
  await page.waitForFunction(() => document.getElementById('cc3-age').getAttribute('aria-invalid') === 'true');
  assert.match(await text(page.locator('#cc3-age-hint')), /whole number/);
  await page.fill('#cc3-age', '70');
  await page.waitForFunction(() => /age70/.test(new URL(location.href).searchParams.get('cols') || ''));
  await settled(page);
  const url = await pageURL(page);
  assert.equal(await param(page, 'compare'), 'custom');
  assert.equal(await param(page, 'cols'), 'ordinary.nodmg_preferential.dmg.referred_nonconventioned.age70');
  const before = await page.$$eval('#compare td[data-scenario]', (tds) => tds.map((td) => `${td.dataset.scenario}/${td.dataset.compare}=${td.dataset.value}`));
  // Round trip: the same URL opened fresh shows the same cases and the same values.
  await visit(new URL(url).pathname + new URL(url).search);
  assert.equal(await page.locator('#compare-kind').inputValue(), 'custom');
  assert.equal(await page.locator('#cc2-referred').inputValue(), 'yes');
  assert.equal(await page.locator('#cc3-doctor').inputValue(), 'nonconventioned');
  assert.equal(await page.locator('#cc3-age').inputValue(), '70');
  const after = await page.$$eval('#compare td[data-scenario]', (tds) => tds.map((td) => `${td.dataset.scenario}/${td.dataset.compare}=${td.dataset.value}`));
  assert.deepEqual(after, before);
  // The page opened from the URL goes on: remove, the minimum, back to patients.
  // Remove case 1: two cases are left, renumbered, the add button has the focus.
  await page.click('button[data-remove="1"]');
  await page.waitForFunction(() => document.querySelectorAll('#compare-custom fieldset.compare-case').length === 2);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'compare-add');
  assert.equal(await param(page, 'cols'), 'preferential.dmg.referred_nonconventioned.age70');
  // Two cases is the minimum: no remove buttons then.
  assert.equal(await page.locator('#compare-custom button[data-remove]').count(), 0);
  // Back to patients: the cases leave the URL.
  await page.selectOption('#compare-kind', 'patient');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('compare'));
  assert.equal(await param(page, 'cols'), null);
});

test('compare: URL round trip of every kind, an unknown kind falls back to patients', async () => {
  for (const kind of ['doctor', 'referral', 'custom']) {
    const page = await visit(`/?code=101076&date=2024-03-01&compare=${kind}&lang=nl`);
    assert.equal(await page.locator('#compare-kind').inputValue(), kind);
    assert.equal(await page.locator('#compare').getAttribute('data-kind'), kind);
    assert.equal(await param(page, 'compare'), kind);
  }
  const page = await visit('/?code=101076&date=2024-03-01&compare=%3Cb%3E&lang=nl');
  assert.equal(await page.locator('#compare-kind').inputValue(), 'patient');
  assert.equal(await param(page, 'compare'), null);
  assert.equal(page.errors.length, 0, page.errors.join('\n'));
});

test('compare: a column without data says "no data" and shows no amount', async () => {
  // 101113 in 2024 has figures only for a patient with a DMG.
  const page = await visit('/?code=101113&date=2024-03-01&dmg=1&lang=en');
  const none = await column(page, 'scenario_ordinary');
  assert.equal(none['personal-share'], null);
  assert.equal(none.reimbursement, null);
  const cell = page.locator('#compare td[data-scenario="scenario_ordinary"][data-compare="personal-share"]');
  assert.equal(await cell.innerText(), 'no data');
  assert.doesNotMatch(await cell.innerText(), /€/);
  assert.equal((await column(page, 'scenario_ordinary_dmg'))['personal-share'], '0.00');
});

test('compare: axe finds no serious or critical violation in any kind, and 360 px has no page-wide scroll', async () => {
  const axe = axeSource();
  for (const kind of ['patient', 'doctor', 'referral', 'custom']) {
    const page = await visit(`/?code=102034&date=2016-05-01&dmg=1&compare=${kind}&lang=fr`, { width: 360, height: 780 });
    await page.locator('#compare details summary').first().click();
    await page.evaluate(axe);
    // The whole page once; then the panel alone, the only part that changes with the kind.
    const result = await page.evaluate(async (whole) => {
      const r = await globalThis.axe.run(whole ? document : document.getElementById('compare'), { resultTypes: ['violations'] });
      return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }, kind === 'patient');
    assert.deepEqual(result, [], kind);
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth, panel: document.getElementById('compare').getBoundingClientRect().right }));
    assert.ok(widths.doc <= widths.view, `${kind}: ${JSON.stringify(widths)}`);
    assert.ok(widths.panel <= widths.view, `${kind}: ${JSON.stringify(widths)}`);
    if (kind === 'custom') {
      // Every field of the cases has its label, and the controls are at least 44 px high.
      const small = await page.$$eval('#compare-custom select, #compare-custom input, #compare-custom button', (els) => els.filter((e) => e.getBoundingClientRect().height < 44).map((e) => e.id || e.textContent));
      assert.deepEqual(small, []);
    }
  }
});
