// Node unit tests for the pages' pure JS modules (no browser): the URL state, the
// formatters, the translation lookup, the compare panel's URL cases. The modules are
// copied with the contract module scripts/sitegen writes at build time.
//
//   node --test unit/

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
let dir;
const mod = (name) => import(pathToFileURL(join(dir, name)).href);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'honoraria-unit-'));
  cpSync(join(root, 'site'), dir, { recursive: true, filter: (p) => !p.endsWith('.html') });
  execFileSync('go', ['run', './scripts/sitegen', join(dir, 'contract.js')], { cwd: root, stdio: 'inherit' });
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
});

test('state: the parameters are the engine’s fields then the page’s, in a stable order', async () => {
  const { PARAMS, BOOLEANS, readState, toSearch, toQuery } = await mod('state.js');
  const { FIELDS } = await mod('contract.js');
  for (const f of FIELDS) assert.ok(PARAMS.includes(f.name), f.name);
  assert.deepEqual(PARAMS.slice(-4), ['view', 'training', 'compare', 'cols']);
  assert.ok(BOOLEANS.has('dmg') && BOOLEANS.has('third-party') && !BOOLEANS.has('age'));
  const state = readState('?lang=nl&dmg=1&code=101076&chronic=0&unknown=x&date=2024-03-01&view=doctor&training=1');
  assert.deepEqual(state, { code: '101076', date: '2024-03-01', dmg: '1', chronic: '0', lang: 'nl', view: 'doctor', training: '1' });
  assert.equal(toSearch(state), '?code=101076&date=2024-03-01&dmg=1&lang=nl&view=doctor&training=1');
  assert.deepEqual(toQuery(state), { code: '101076', date: '2024-03-01', dmg: '1', lang: 'nl' });
  assert.equal(readState('?code=' + 'x'.repeat(500)).code.length, 200);
});

test('format: amounts as the engine’s calc.FormatEuros writes them, dates in words', async () => {
  const { formatAmount, formatNumber, formatDate, isAmount, today } = await mod('format.js');
  // The same strings as calc.TestFormatEuros (a narrow no-break space groups French thousands).
  assert.equal(formatAmount('5881.81', 'fr'), '5\u202f881,81 €');
  assert.equal(formatAmount('5881.81', 'nl'), '5.881,81 €');
  assert.equal(formatAmount('5881.81', 'de'), '5.881,81 €');
  assert.equal(formatAmount('31.81', 'en'), '31,81 €');
  assert.equal(formatAmount('n/a', 'fr'), 'n/a');
  assert.equal(formatNumber('6.05', 'nl'), '6,05');
  assert.equal(formatDate('2024-03-01', 'nl'), '1 maart 2024');
  assert.equal(formatDate('2024-03-01', 'de'), '1. März 2024');
  assert.ok(isAmount('-1.5') && !isAmount('1,5') && !isAmount(1.5));
  assert.equal(today(new Date(2026, 0, 1)), '2026-01-01');
});

test('i18n: one store, English then the key as fallbacks, placeholders filled', async () => {
  const { t, pickLang, LANGS } = await mod('i18n.js');
  assert.equal(t('fr', 'scenario_current'), 'Votre choix');
  assert.equal(t('en', 'compare_col', { n: 3 }), 'Case 3');
  assert.equal(t('xx', 'scenario_current'), 'Your choice');
  assert.equal(t('fr', 'no-such-key'), 'no-such-key');
  assert.equal(pickLang(['en-GB', 'nl']), 'en');
  assert.equal(pickLang(['es']), 'fr');
  assert.deepEqual([...LANGS].sort(), ['de', 'en', 'fr', 'nl']);
});

test('compare: the custom cases’ URL text round-trips', async () => {
  const { parseCols, colsText, KINDS, kindOf } = await mod('compare.js');
  assert.deepEqual(KINDS, ['patient', 'doctor', 'referral', 'custom']);
  assert.equal(kindOf('nope'), 'patient');
  const text = 'ordinary.nodmg_preferential.dmg.referred_nonconventioned.age70';
  const cols = parseCols(text);
  assert.deepEqual(cols[2], { doctor: 'nonconventioned', age: '70' });
  assert.equal(colsText(cols), text);
  assert.equal(parseCols('').length, 2);
  assert.equal(parseCols('a_b_c_d_e_f').length, 4);
});
