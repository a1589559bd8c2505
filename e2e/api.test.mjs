// The JS API (Honoraria.quote / year) answers exactly what the command line
// prints with --json (BRIEF §8), for several queries.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, flags, useSite } from './helpers.mjs';

let page;
const site = useSite(async () => {
  page = await site.visit('/');
});

// Each query with its expected outcome, pinned (BRIEF §4 and the bundled data): the page and
// the command line must agree, and agree on these figures — not merely with each other.
// fee / reimbursement / personal share / pay at desk, supplement allowed, third party
// mandatory; or the error's kind.
const QUERIES = [
  [{ code: '101076', date: '2024-03-01', insured: 'preferential', dmg: '1', lang: 'nl' }, ['31.81', '30.81', '1.00', '1.00', false, true]],
  [{ code: '101076', date: '2024-03-01', lang: 'fr' }, ['31.81', '25.81', '6.00', '31.81', false, false]],
  [{ code: '101076', date: '2024-03-01', dmg: '1', doctor: 'nonconventioned', paid: '45', lang: 'en' }, ['31.81', '27.81', '4.00', '31.81', true, false]],
  [{ code: '101076', date: '2024-03-01', insured: 'preferential', 'preferential-kind': 'automatic', age: '20', dmg: '1', 'third-party': '1', lang: 'de' }, ['31.81', '31.81', '0.00', '0.00', false, true]],
  [{ code: '101076', date: '2020-06-01', 'special-request': '1', lang: 'fr' }, ['26.78', '20.78', '6.00', '26.78', true, false]],
  [{ code: '103132', date: '2024-05-10', age: '80', dmg: '1', lang: 'nl' }, ['45.81', null, null, '45.81', false, false]],
  [{ code: '102034', date: '2015-03-01', referred: '1', dmg: '1', lang: 'fr' }, ['36.84', '29.84', '7.00', '36.84', false, false]],
  [{ code: '101076', date: '2011-06-01', lang: 'en' }, 'no-data'],
];

for (const [q, expected] of QUERIES) {
  test(`Honoraria.quote equals the CLI and the expected outcome: ${JSON.stringify(q)}`, async () => {
    const fromPage = await page.evaluate((query) => Honoraria.quote(query), q);
    const fromCLI = cli(['quote', ...flags(q), '--json']);
    if (typeof expected === 'string') {
      assert.equal(fromCLI.code, expected === 'no-data' ? 3 : 2);
      assert.equal(fromPage.error?.kind, expected);
      assert.equal(fromPage.fee, undefined, 'an error never carries an amount');
      return;
    }
    assert.equal(fromCLI.code, 0);
    assert.deepEqual(fromPage, fromCLI.json);
    const got = [fromPage.fee, fromPage.reimbursement, fromPage.personal_share, fromPage.pay_at_desk,
      fromPage.supplement.allowed, fromPage.third_party_payment.mandatory];
    assert.deepEqual(got, expected);
  });
}

test('booleans, numbers and camelCase keys give the same answer', async () => {
  const [a, b] = await page.evaluate(() => [
    Honoraria.quote({ code: '101076', date: '2024-03-01', insured: 'preferential', dmg: '1', 'third-party': '1' }),
    Honoraria.quote({ code: 101076, date: '2024-03-01', insured: 'preferential', dmg: true, thirdParty: true }),
  ]);
  assert.deepEqual(a, b);
});

test('bad input returns an error object naming the field, never throws', async () => {
  const cases = [
    [{ code: '12ab', date: '2024-03-01' }, 'code'],
    [{ code: '101076', date: '2024-13-01' }, 'date'],
    [{ code: '101076', date: '2024-03-01', age: 'old' }, 'age'],
    [{ code: '101076', date: '2024-03-01', doctor: 'quack' }, 'doctor'],
    [{ code: '101076', date: '2024-03-01', paid: '-5' }, 'paid'],
    [{ code: '101076', date: '2024-03-01', insured: 'x'.repeat(10000) }, 'insured'],
    [{ code: '101076', date: '2024-03-01', colour: 'blue' }, 'colour'],
  ];
  for (const [query, field] of cases) {
    const res = await page.evaluate((q) => Honoraria.quote(q), query);
    assert.equal(res.error?.kind, 'input', JSON.stringify(res).slice(0, 300));
    assert.equal(res.error.field, field);
    assert.equal(res.fee, undefined);
    const fromCLI = cli(['quote', ...flags(query), '--json']);
    assert.equal(fromCLI.code, 2, `CLI exit code for ${field}`);
  }
  const nothing = await page.evaluate(() => [Honoraria.quote(), Honoraria.quote(null), Honoraria.quote('101076')]);
  for (const r of nothing) assert.equal(r.error?.kind, 'input');
});

test('a code without data is a no-data answer, with no amount', async () => {
  const res = await page.evaluate(() => Honoraria.quote({ code: '999999', date: '2024-03-01' }));
  assert.ok(res.error, JSON.stringify(res));
  assert.equal(res.fee, undefined);
  const fromCLI = cli(['quote', '--code', '999999', '--date', '2024-03-01', '--json']);
  assert.equal(res.error.kind, fromCLI.code === 3 ? 'no-data' : 'input');
});

for (const y of [2009, 2020, 2024]) {
  test(`Honoraria.year(${y}) equals the CLI`, async () => {
    const fromPage = await page.evaluate((yy) => Honoraria.year(yy, 'en'), y);
    const fromCLI = cli(['year', '--year', String(y), '--json']);
    if (fromCLI.code === 0) assert.deepEqual(fromPage, fromCLI.json);
    else assert.ok(fromPage.error);
  });
}

test('Honoraria.search finds codes by prefix and words', async () => {
  const [byCode, byWords, none] = await page.evaluate(() => [
    Honoraria.search('10107', 5), Honoraria.search('raadpleging huisarts', 'nl', 10), Honoraria.search('zzzzqqq'),
  ]);
  assert.ok(byCode.some((s) => s.code === '101076'));
  assert.ok(byWords.length > 0);
  assert.deepEqual(none, []);
});

test('Honoraria.meta gives the data checksum, date and years', async () => {
  const meta = await page.evaluate(() => Honoraria.meta());
  assert.match(meta.checksum, /\S/);
  assert.match(meta.data_date, /^\d{4}-\d{2}-\d{2}$/);
  assert.ok(meta.years.includes('2024'));
});
