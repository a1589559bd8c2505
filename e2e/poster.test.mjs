// The price poster (poster.html): the shape of the law of 27 October 2021 —
// service, insurance share, personal share, maximum supplement, total — for a
// chosen list of services, in FR, NL, DE or all three, with the doctor's
// identity; state in the URL; printable on A4.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, waitReady, axeSource } from './helpers.mjs';

const site = useSite();
const visit = site.visit;

// rows reads every poster row's data-values.
function rows(page) {
  return page.$$eval('#poster tbody tr[data-code]', (trs) => Object.fromEntries(trs.map((tr) => {
    const get = (f) => tr.querySelector(`[data-field="${f}"]`);
    const val = (f) => get(f)?.dataset.value ?? null;
    return [tr.dataset.code, {
      fee: tr.dataset.fee ?? null,
      reimbursement: val('poster-reimbursement'),
      share: val('poster-personal-share'),
      maxSupplement: val('poster-max-supplement'),
      maxText: get('poster-max-supplement')?.textContent.replace(/\s/g, ' ') ?? null,
      total: val('poster-total'),
      noData: tr.classList.contains('no-data'),
      text: tr.textContent,
    }];
  })));
}

const BASE = '/poster.html?codes=101076,103132&date=2024-03-01&age=80';

test('a conventioned doctor: 101076 and 103132 for an 80-year-old on 2024-03-01, maximum supplement 0,00 €', async () => {
  const page = await visit(`${BASE}&lang=fr&poster-lang=fr`);
  const r = await rows(page);
  assert.deepEqual(Object.keys(r), ['101076', '103132']);
  assert.equal(r['101076'].fee, '31.81');
  assert.equal(r['101076'].reimbursement, '25.81');
  assert.equal(r['101076'].share, '6.00');
  assert.equal(r['101076'].maxSupplement, '0.00');
  assert.equal(r['101076'].maxText, '0,00 €');
  assert.equal(r['101076'].total, '31.81');
  assert.equal(r['103132'].reimbursement, '29.78');
  assert.equal(r['103132'].share, '16.03');
  assert.equal(r['103132'].maxSupplement, '0.00');
  assert.equal(r['103132'].total, '45.81');
  // The same figures as the JS API.
  const api = await page.evaluate(() => Honoraria.quote({ code: '103132', date: '2024-03-01', age: '80', doctor: 'conventioned' }));
  assert.equal(api.reimbursement, r['103132'].reimbursement);
  assert.equal(api.personal_share, r['103132'].share);
  // The columns of the law, in French.
  const heads = await page.locator('#poster thead th').allInnerTexts();
  assert.deepEqual(heads, ['Prestation', 'Intervention de l’assurance', 'Intervention personnelle (ticket modérateur)', 'Supplément maximum', 'Total maximum']);
  const poster = await page.locator('#poster').innerText();
  assert.match(poster, /Honoraires et suppléments/);
  assert.match(poster, /Conventionné/);
  assert.match(poster, /Montants valables le 1 mars 2024/);
  assert.match(poster, /80 ans/);
  assert.match(poster, /consultation médecin généraliste/);
  assert.match(poster, /ne ?(’|')?est pas un document officiel|Ce n’est pas un document officiel/);
  assert.equal(await page.locator('#poster').getAttribute('lang'), 'fr');
  assert.deepEqual(page.errors, []);
});

test('a non-conventioned doctor: "—" with a note, then total = fee + the declared maximum', async () => {
  const page = await visit(`${BASE}&lang=fr&poster-lang=fr&doctor=nonconventioned`);
  let r = await rows(page);
  assert.equal(r['101076'].maxSupplement, null);
  assert.equal(r['101076'].maxText, '—');
  assert.equal(r['101076'].total, null);
  assert.ok(await page.locator('#poster [data-note="dash"]').isVisible());
  assert.match(await page.locator('#poster').innerText(), /Non conventionné/);
  // The doctor states a maximum for 101076.
  await page.fill('#max-101076', '10');
  r = await rows(page);
  assert.equal(r['101076'].maxSupplement, '10.00');
  assert.match(r['101076'].maxText, /^10,00 € \*$/);
  assert.equal(r['101076'].total, '41.81');
  assert.equal(r['103132'].total, null);
  assert.match(page.url(), /max=101076%3A10/);
  assert.match(await page.locator('#poster').innerText(), /supplément maximum indiqué par le médecin/);
  // A malformed amount is flagged and not used.
  await page.fill('#max-103132', '12,5x');
  assert.equal(await page.locator('#max-103132').getAttribute('aria-invalid'), 'true');
  assert.equal((await rows(page))['103132'].total, null);
  await page.fill('#max-103132', '12,50');
  assert.equal((await rows(page))['103132'].total, '58.31');
  // An amount the page lets through but the engine refuses (over 99,999 €) is flagged too.
  await page.fill('#max-103132', '99999,99');
  assert.equal(await page.locator('#max-103132').getAttribute('aria-invalid'), 'true');
  assert.equal((await rows(page))['103132'].total, null);
  assert.equal((await rows(page))['101076'].total, '41.81');
});

test('the poster in all three languages, and in German', async () => {
  const page = await visit(`${BASE}&lang=nl&poster-lang=all`);
  const heads = await page.locator('#poster thead th').allInnerTexts();
  assert.match(heads[2], /Intervention personnelle/);
  assert.match(heads[2], /Persoonlijk aandeel/);
  assert.match(heads[2], /Eigenanteil/);
  assert.equal(await page.locator('#poster thead th:nth-child(4) [lang="de"]').innerText(), 'Höchster Honorarzuschlag');
  assert.equal(await page.locator('#poster').getAttribute('lang'), null);
  const poster = await page.locator('#poster').innerText();
  for (const word of ['Honoraires et suppléments', 'Honoraria en supplementen', 'Honorare und Zuschläge', 'Geconventioneerd', 'Vertragsarzt', 'RIZIV-nummer', 'LIKIV-Nummer']) {
    assert.ok(poster.includes(word), word);
  }
  // The page around it is in Dutch.
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  assert.match(await page.locator('#print').innerText(), /De affiche afdrukken/);
  // German only.
  await page.selectOption('#poster-lang', 'de');
  assert.match(page.url(), /poster-lang=de/);
  const de = await page.locator('#poster').innerText();
  assert.match(de, /Eigenanteil/);
  assert.match(de, /Anteil der Krankenversicherung/);
  assert.match(de, /mit Allgemeiner Medizinischer Akte|ohne Allgemeine Medizinische Akte/);
  assert.doesNotMatch(de, /Persoonlijk aandeel/);
  assert.equal(await page.locator('#poster').getAttribute('lang'), 'de');
});

test('the doctor’s name, INAMI number and status are typed in, shown on the poster and kept in the URL', async () => {
  const page = await visit('/poster.html?codes=101076&date=2024-03-01&lang=fr&poster-lang=fr');
  await page.fill('#name', 'Dr Anne Dupont');
  await page.fill('#inami', '1-23456-78-901');
  await page.selectOption('#doctor', 'partial-agreed');
  assert.ok(await page.locator('#hours').isVisible());
  await page.fill('#hours', 'lundi et jeudi 9 h – 12 h');
  assert.equal(await page.locator('[data-field="poster-name"]').innerText(), 'Dr Anne Dupont');
  assert.equal(await page.locator('[data-field="poster-inami"]').innerText(), '1-23456-78-901');
  assert.match(await page.locator('[data-field="poster-status"]').innerText(), /Partiellement conventionné/);
  assert.match(await page.locator('[data-field="poster-hours"]').innerText(), /lundi et jeudi/);
  const url = page.url();
  assert.match(url, /name=Dr\+Anne\+Dupont/);
  assert.match(url, /doctor=partial-agreed/);
  // The bookmark reproduces the poster.
  const shown = await rows(page);
  await visit(new URL(url).pathname + new URL(url).search);
  assert.deepEqual(await rows(page), shown);
  assert.equal(await page.locator('[data-field="poster-name"]').innerText(), 'Dr Anne Dupont');
  assert.equal(await page.inputValue('#hours'), 'lundi et jeudi 9 h – 12 h');
});

test('a service without data says so plainly on its row, with no amount, and links the coverage page', async () => {
  const page = await visit('/poster.html?codes=101076,999999&date=2024-03-01&lang=en&poster-lang=nl');
  const r = await rows(page);
  assert.equal(r['999999'].noData, true);
  assert.equal(r['999999'].reimbursement, null);
  assert.equal(r['999999'].total, null);
  assert.match(r['999999'].text, /Geen gegevens voor deze prestatie op deze datum/);
  assert.doesNotMatch(r['999999'].text, /€/);
  assert.match(await page.locator('#poster tr[data-code="999999"] a.coverage-link').getAttribute('href'), /^coverage\.html/);
  assert.equal(r['101076'].reimbursement, '25.81');
  // A year without data: every row says so.
  await page.fill('#date', '2011-03-01');
  const old = await rows(page);
  assert.ok(old['101076'].noData);
});

test('services are chosen with the search, by keyboard, and removed again; the URL follows', async () => {
  const page = await visit('/poster.html?date=2024-03-01&lang=nl&poster-lang=nl');
  assert.match(await page.locator('#chosen').innerText(), /Nog geen prestatie/);
  await page.focus('#add-code');
  await page.keyboard.type('raadpleging');
  await page.locator('#suggestions button').first().waitFor();
  await page.keyboard.press('ArrowDown');
  const code = await page.evaluate(() => document.activeElement.dataset.code);
  assert.match(code, /^\d{6}$/);
  await page.keyboard.press('Enter');
  await page.locator(`#poster tr[data-code="${code}"]`).waitFor();
  assert.match(page.url(), new RegExp(`codes=${code}`));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'add-code');
  // A code typed in full and Enter.
  await page.keyboard.type('101076');
  await page.keyboard.press('Enter');
  await page.locator('#poster tr[data-code="101076"]').waitFor();
  assert.match(decodeURIComponent(page.url()), /codes=\d{6},101076|codes=101076/);
  // Remove, by keyboard.
  await page.locator('#chosen button[data-remove="101076"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#poster tr[data-code="101076"]').count(), 0);
  assert.doesNotMatch(page.url(), /101076/);
  assert.match(await page.locator('#chosen-status').innerText(), /101076 verwijderd/);
});

test('the calculator links the poster with its service, date and language', async () => {
  const page = await visit('/?code=103132&date=2024-03-01&age=80&lang=de');
  await page.click('#poster-link');
  await waitReady(page);
  const params = new URL(page.url()).searchParams;
  assert.equal(params.get('codes'), '103132');
  assert.equal(params.get('date'), '2024-03-01');
  assert.equal(params.get('lang'), 'de');
  assert.equal(params.get('age'), '80');
  assert.equal((await rows(page))['103132'].share, '16.03');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.locator('#poster tr[data-code="103132"]').count(), 1);
  assert.equal(await page.locator('#poster').getAttribute('lang'), 'de');
});

test('printing shows the poster only, on A4', async () => {
  const page = await visit(`${BASE}&lang=fr&poster-lang=all&name=Dr+X`);
  await page.emulateMedia({ media: 'print' });
  for (const sel of ['form', 'header.top', '.intro', '#print', '.foot']) {
    assert.equal(await page.locator(sel).first().isVisible(), false, `${sel} is printed`);
  }
  assert.ok(await page.locator('#poster table').isVisible());
  assert.ok(await page.locator('[data-field="poster-name"]').isVisible());
  assert.equal(await page.locator('#poster a.coverage-link').count(), 0);
  // The A4 page rule is in the stylesheet.
  const a4 = await page.evaluate(() => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.type === CSSRule.PAGE_RULE && /a4/i.test(r.cssText))));
  assert.ok(a4, '@page { size: A4 }');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 1000);
});

test('poster page: axe-core finds no serious or critical violations; fits 360 px; keyboard reaches every control', async () => {
  for (const path of [`${BASE}&lang=fr&poster-lang=fr`, `${BASE},999999&lang=de&poster-lang=all&doctor=nonconventioned`, '/poster.html?lang=en']) {
    const page = await visit(path);
    await page.evaluate(axeSource());
    const res = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
    const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], path);
  }
  const page = await visit(`${BASE}&lang=fr&poster-lang=all&doctor=nonconventioned`, { width: 360, height: 740 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  const box = await page.locator('#add-code').boundingBox();
  assert.ok(box.x + box.width <= 360 && box.height >= 40, JSON.stringify(box));
  // Tab through the page: every control is reached, in the order of the form.
  const seen = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate(() => document.activeElement.id || document.activeElement.dataset.remove || document.activeElement.name || document.activeElement.tagName));
  }
  for (const id of ['lang', 'name', 'inami', 'doctor', 'add-code', 'add', 'max-101076', '101076', '103132', 'date', 'dmg', 'age', 'poster-lang', 'print']) {
    assert.ok(seen.includes(id), `${id} not reached: ${seen.join(' ')}`);
  }
  assert.ok(seen.indexOf('name') < seen.indexOf('add-code') && seen.indexOf('add-code') < seen.indexOf('print'), seen.join(' '));
});

test('markup in the poster’s URL parameters never becomes HTML', async () => {
  const evil = '"><img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  const q = new URLSearchParams({ codes: `101076,${evil}`, date: '2024-03-01', lang: 'fr', name: evil, inami: evil, hours: evil, doctor: 'partial-agreed', age: evil, max: `101076:${evil}`, 'poster-lang': evil });
  const page = await visit('/poster.html?' + q);
  const found = await page.evaluate(() => ({ xss: window.__xss, injected: document.body.querySelectorAll('img, script, iframe, object, embed').length }));
  assert.equal(found.xss, undefined);
  assert.equal(found.injected, 0);
  assert.equal(await page.locator('[data-field="poster-name"]').innerText(), evil);
  assert.deepEqual(Object.keys(await rows(page)), ['101076']);
});

test('a home visit without an age: one row per age band with its published figures; an invalid age says the age is needed', async () => {
  // 103132 on 2024-03-01 (data/2024/tariffs.csv, VNZ 2024, without DMG): fee 45.81;
  // reimbursement 37.81 under 10, 28.78 from 10 to 74, 29.78 from 75 or chronic.
  const page = await visit('/poster.html?codes=103132&date=2024-03-01&lang=fr&poster-lang=fr');
  const bands = await page.$$eval('#poster tbody tr[data-code="103132"]', (trs) => trs.map((tr) => [tr.dataset.band,
    tr.querySelector('[data-field="poster-reimbursement"]')?.dataset.value ?? null,
    tr.querySelector('[data-field="poster-personal-share"]')?.dataset.value ?? null]));
  assert.deepEqual(bands, [['under-10', '37.81', '8.00'], ['10-to-75', '28.78', '17.03'], ['over-75-or-chronic', '29.78', '16.03']]);
  assert.equal(await page.locator('#chosen li[data-code="103132"]').count(), 1, 'one entry per service in the list');
  // An age the poster cannot use: the row says the age is needed, not "no data".
  await page.goto(page.url().replace('&lang=fr', '&lang=fr&age=abc'));
  await waitReady(page);
  const why = await page.$$eval('#poster tbody tr[data-code="103132"]', (trs) => trs.map((tr) => tr.dataset.why ?? null));
  assert.deepEqual(why, ['pp_age_needed']);
});
