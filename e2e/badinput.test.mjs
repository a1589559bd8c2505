// Bad input through the JS API and the URL (issue 5.4), table-driven: for every field
// several bad values — unknown or malformed codes, dates out of range or not in the
// calendar, negative or absurd amounts, non-numeric numbers, unknown enum values, very
// long strings, non-ASCII. Honoraria.quote answers {error: {kind, field, value, message}}
// naming the field (and the value, shortened when long), never throws and never gives an
// amount; the page opened with such a URL says which field is wrong and shows no amount.
// The table is cmd/honoraria/testdata/badinput.json: the command line's agreement (exit 2
// for bad input, 3 for no data, the field named) is checked there by Go (TestBadInputTable),
// not by starting it ~80 times from here.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPage, waitReady, values, useSite, ROOT } from './helpers.mjs';

let page;
const site = useSite(async () => {
  page = await site.visit('/');
});

const LONG = 'x'.repeat(5000);
const TABLE = JSON.parse(readFileSync(join(ROOT, 'cmd/honoraria/testdata/badinput.json'), 'utf8'));
const BASE = TABLE.base;
// field → bad values ("LONG": 5,000 x); NO_DATA: the field=value that are valid queries
// without data; WITH: the companion field a value needs to be reached.
const BAD = Object.fromEntries(Object.entries(TABLE.bad).map(([f, vs]) => [f, vs.map((v) => (v === 'LONG' ? LONG : v))]));
const NO_DATA = new Set(TABLE.no_data);
const WITH = TABLE.with;

const show = (v) => (v.length > 30 ? `${v.slice(0, 12)}…(${v.length})` : v);

for (const [field, bad] of Object.entries(BAD)) {
  test(`Honoraria.quote: bad ${field} → an error naming it, no amount, never a throw`, async () => {
    const queries = bad.map((v) => ({ ...BASE, ...WITH[field], [field]: v }));
    const answers = await page.evaluate((qs) => qs.map((q) => {
      try {
        return Honoraria.quote(q);
      } catch (e) {
        return { threw: String(e) };
      }
    }), queries);
    for (const [i, v] of bad.entries()) {
      const res = answers[i];
      const what = `${field}=${show(v)}`;
      assert.equal(res.threw, undefined, `${what} threw`);
      const err = res.error;
      assert.ok(err, `${what}: ${JSON.stringify(res).slice(0, 200)}`);
      assert.equal(err.kind, NO_DATA.has(`${field}=${v}`) ? 'no-data' : 'input', what);
      assert.equal(err.field, field, what);
      assert.equal(typeof err.message, 'string');
      assert.ok(err.message.includes(field), `${what}: message ${err.message.slice(0, 120)}`);
      // The value, shortened when long: its first characters are there, and never 5,000 of them.
      assert.equal(typeof err.value, 'string', what);
      assert.ok(err.value.length <= 200, `${what}: value of ${err.value.length} chars`);
      assert.ok(v.startsWith(err.value.replace(/…$/, '').slice(0, 10)), `${what}: value ${show(err.value)}`);
      assert.ok(err.message.length <= 400, `${what}: message of ${err.message.length} chars`);
      for (const k of ['fee', 'reimbursement', 'personal_share', 'pay_at_desk', 'supplement', 'explanation']) {
        assert.equal(res[k], undefined, `${what} gave ${k}`);
      }
    }
  });
}

test('Honoraria.quote: values of the wrong type are named, never thrown', async () => {
  const answers = await page.evaluate(() => {
    const cases = [['paid', -5], ['paid', 1e9], ['paid', Infinity], ['paid', NaN], ['age', NaN], ['age', 12.5], ['code', 101076.5],
      ['code', {}], ['code', []], ['dmg', 2], ['date', new Date(2024, 2, 1)], ['date', 20240301], ['lang', 42], ['doctor', ['conventioned']]];
    return cases.map(([f, v]) => {
      try {
        return [f, Honoraria.quote({ code: '101076', date: '2024-03-01', [f]: v })];
      } catch (e) {
        return [f, { threw: String(e) }];
      }
    });
  });
  for (const [field, res] of answers) {
    assert.equal(res.threw, undefined, field);
    assert.equal(res.error?.kind, 'input', `${field}: ${JSON.stringify(res).slice(0, 200)}`);
    assert.equal(res.error.field, field);
    assert.equal(res.fee, undefined);
  }
});

// The page with the bad value in its URL: a message naming the field, and no amount.
// A few values per field (each is a page load); the language is the exception: an
// unknown ?lang= is not a question the engine can answer wrongly, so the page names it
// in a notice and answers in a language it has.
const PAGE_BAD = {
  code: ['999999', '12ab', '１０１０７６', LONG],
  date: ['1800-01-01', '2024-02-30', '😀'],
  insured: ['rich', LONG],
  'preferential-kind': ['magic'],
  dmg: ['maybe'],
  age: ['old', '１２'],
  doctor: ['quack'],
  setting: ['moon'],
  'household-income': ['abc', '1e9'],
  dependants: ['-1'],
  titulaires: ['0'],
  paid: ['-5', '1e9', LONG],
};

for (const [field, bad] of Object.entries(PAGE_BAD)) {
  test(`the page: a bad ${field} in the URL names the field and shows no amount`, async () => {
    for (const v of bad) {
      const q = new URLSearchParams({ ...BASE, ...WITH[field], lang: 'en' });
      q.set(field, v);
      const p = await site.visit(`/?${q}`);
      const what = `${field}=${show(v)}`;
      const fees = await p.$$eval('[data-field="fee"]', (ns) => ns.filter((n) => n.hasAttribute('data-value')).length);
      assert.equal(fees, 0, `${what}: a fee is shown`);
      const v2 = await values(p);
      for (const f of ['reimbursement', 'personal-share', 'pay-at-desk']) assert.equal(v2[f], undefined, `${what}: ${f}`);
      const box = p.locator('#answer .error');
      assert.equal(await box.getAttribute('data-error'), NO_DATA.has(`${field}=${v}`) ? 'no-data' : 'input', what);
      const text = await p.locator('#result').innerText();
      assert.ok(text.includes(field), `${what}: ${text.slice(0, 200)}`);
      assert.ok(text.includes([...v].slice(0, 8).join('')), `${what}: the value is not shown`);
      assert.ok(await box.isVisible(), what);
      // The compare table and history of an earlier answer are gone.
      assert.ok(await p.locator('#compare').isHidden(), `${what}: compare`);
      assert.ok(await p.locator('#history').isHidden(), `${what}: history`);
      assert.deepEqual(p.errors, [], what);
    }
  });
}

test('the page: the browser language chooses the page language; an unknown language in the URL is named in a notice and the answer comes in a language the page has', async () => {
  const { context, page: p } = await openPage(site.browser, { contextOptions: { locale: 'nl-BE', serviceWorkers: 'block' } });
  // No ?lang=: the browser's language.
  await p.goto(`${site.server.url}?${new URLSearchParams(BASE)}`);
  await waitReady(p);
  assert.equal(await p.evaluate(() => document.documentElement.lang), 'nl');
  assert.ok(await p.locator('#url-notice').isHidden());
  for (const v of ['xx', 'FR', '😀', LONG]) {
    const q = new URLSearchParams({ ...BASE, lang: v });
    await p.goto(`${site.server.url}?${q}`);
    await waitReady(p);
    const notice = p.locator('#url-notice');
    assert.ok(await notice.isVisible(), v);
    const text = await notice.innerText();
    assert.match(text, /\blang\b/);
    assert.ok(text.includes([...v].slice(0, 8).join('')), `${show(v)}: ${text.slice(0, 120)}`);
    assert.ok(text.length < 300, 'the value is shortened');
    assert.equal(await p.evaluate(() => document.documentElement.lang), 'nl');
    assert.match(p.url(), /lang=nl/);
  }
  await context.close();
});
