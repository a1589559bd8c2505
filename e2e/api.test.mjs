// The JS API (Honoraria.quote / year) answers exactly what the command line
// prints with --json (BRIEF §8), for several queries.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli, flags, useSite } from './helpers.mjs';

let page;
const site = useSite(async () => {
  ({ page } = await site.open('/'));
});

const QUERIES = [
  { code: '101076', date: '2024-03-01', insured: 'preferential', dmg: '1', lang: 'nl' },
  { code: '101076', date: '2024-03-01', lang: 'fr' },
  { code: '101076', date: '2024-03-01', dmg: '1', doctor: 'nonconventioned', paid: '45', lang: 'en' },
  { code: '101076', date: '2024-03-01', insured: 'preferential', 'preferential-kind': 'automatic', age: '20', dmg: '1', 'third-party': '1', lang: 'de' },
  { code: '101076', date: '2020-06-01', 'special-request': '1', lang: 'fr' },
  { code: '103132', date: '2024-05-10', age: '80', dmg: '1', lang: 'nl' },
  { code: '102034', date: '2015-03-01', referred: '1', dmg: '1', lang: 'fr' },
  { code: '101076', date: '2011-06-01', lang: 'en' },
];

for (const q of QUERIES) {
  test(`Honoraria.quote equals the CLI: ${JSON.stringify(q)}`, async () => {
    const fromPage = await page.evaluate((query) => Honoraria.quote(query), q);
    const fromCLI = cli(['quote', ...flags(q), '--json']);
    if (fromCLI.code === 0) {
      assert.deepEqual(fromPage, fromCLI.json);
      assert.match(fromPage.fee, /^\d+\.\d{2}$/);
    } else {
      // No data (3) or bad input (2): the API gives the error object, never an amount.
      assert.ok(fromPage.error, `expected an error object, got ${JSON.stringify(fromPage).slice(0, 200)}`);
      assert.equal(fromPage.fee, undefined);
      assert.equal(fromPage.error.kind, fromCLI.code === 3 ? 'no-data' : 'input');
    }
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
