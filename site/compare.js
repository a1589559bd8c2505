// The compare panel: the same service side by side for two to five cases, and
// sentences under the table that say why one case pays less than another.
//
// What is compared (URL ?compare=, default patient):
//   patient   ordinary / preferential × without / with DMG
//   doctor    the four agreement statuses of the doctor (same patient)
//   referral  with a DMG, referred by the GP or not, ordinary and preferential
//   custom    two to four cases of the user's own (URL ?cols=, see parseCols)
// The engine decides everything (Honoraria.compare, calc.Dataset.Compare): the cases,
// each case's answer, which one pays less and why, in the page's language. This module
// reads and writes the custom cases and lays the engine's answer out.

import { t } from './i18n.js';
import { el } from './dom.js';
import { FIELDS, COMPARE_KINDS } from './contract.js';
import { formatAmount, isAmount } from './format.js';

export { kindOf } from './state.js'; // the compare parameter's reading lives with the URL state

export const KINDS = COMPARE_KINDS;
const DOCTORS = FIELDS.find((f) => f.name === 'doctor').values;
const MAX_COLS = 4;
const MIN_COLS = 2;

// ---- custom cases in the URL ------------------------------------------------------
// ?cols=ordinary.nodmg_preferential.dmg.age70 : cases separated by "_", each a list
// of words separated by "." (characters a URL keeps as they are). A field a case
// does not name follows the form.

const WORDS = {
  ordinary: ['insured', 'ordinary'],
  preferential: ['insured', 'preferential'],
  dmg: ['dmg', '1'],
  nodmg: ['dmg', ''],
  referred: ['referred', '1'],
  notreferred: ['referred', ''],
  ...Object.fromEntries(DOCTORS.map((d) => [d, ['doctor', d]])),
};
export const DEFAULT_COLS = 'ordinary.nodmg_preferential.dmg';
export const AGE = /^\d{1,3}$/;

export function parseCols(text) {
  const cols = String(text || DEFAULT_COLS).split('_').slice(0, MAX_COLS).map((part) => {
    const col = {};
    for (const word of part.split('.')) {
      const m = /^age(\d{1,3})$/.exec(word);
      if (WORDS[word]) col[WORDS[word][0]] = WORDS[word][1];
      else if (m) col.age = String(Number(m[1]));
    }
    return col;
  });
  while (cols.length < MIN_COLS) cols.push({});
  return cols;
}

export function colsText(cols) {
  return cols.map((c) => [
    c.insured,
    c.dmg === undefined ? null : c.dmg ? 'dmg' : 'nodmg',
    c.doctor,
    c.referred === undefined ? null : c.referred ? 'referred' : 'notreferred',
    c.age !== undefined && AGE.test(c.age) ? `age${Number(c.age)}` : null,
  ].filter(Boolean).join('.')).join('_');
}

// ---- asking the engine ------------------------------------------------------------

// compare returns the engine's comparison of a kind for the page's query (custom: the
// user's cases): {kind, columns: [{key, label, title, detail, current, answer}],
// differences: [{why, text, data, causes}]}, or an error object; a promise of it while
// the code's data part is fetched (site/honoraria.js).
export function compare(kind, query, cols) {
  return Honoraria.compare(query, kind, kind === 'custom' ? cols : undefined);
}

const ok = (c) => c.answer && !c.answer.error;

// ---- the table ------------------------------------------------------------------------

const AMOUNTS = [['fee', 'fee'], ['reimbursement', 'reimbursement'], ['personal_share', 'personal-share'], ['pay_at_desk', 'pay-at-desk']];

// A column without an answer says "no data" (or that an input is wrong), never an amount.
function missing(c, lang) {
  const kind = c.answer?.error?.kind;
  return el('span', { class: 'na', title: c.answer?.error?.message || null }, t(lang, !kind || kind === 'no-data' ? 'compare_no_data' : 'input_error'));
}

export function renderTable(cols, lang) {
  const cell = (c, field, value, ...content) => el('td', { dataset: { scenario: c.key, compare: field, value: ok(c) ? value : null } }, ok(c) ? content : missing(c, lang));
  const head = (c) => el('th', { scope: 'col', dataset: { scenario: c.key } },
    c.detail ? [el('span', { class: 'col-title' }, c.title), ' ', el('span', { class: 'col-detail' }, c.detail)] : c.label);
  const amountRow = ([f, label]) => el('tr', {}, el('th', { scope: 'row', text: t(lang, label) }),
    cols.map((c) => {
      const v = ok(c) && isAmount(c.answer[f]) ? c.answer[f] : null;
      const td = cell(c, label, v, v ? formatAmount(v, lang) : el('span', { class: 'na' }, t(lang, 'compare_no_data')));
      td.classList.add('amount');
      return td;
    }));
  const supplementRow = el('tr', {}, el('th', { scope: 'row', text: t(lang, 'supplement') }),
    cols.map((c) => {
      const sup = c.answer?.supplement || {};
      const text = t(lang, sup.allowed ? 'supplement_allowed' : 'supplement_not_allowed');
      const td = cell(c, 'supplement-allowed', String(sup.allowed === true),
        sup.reason ? el('details', { class: 'why-cell' }, el('summary', {}, text), el('span', { class: 'reason', text: sup.reason })) : text);
      td.classList.add(sup.allowed ? 'yes' : 'no');
      if (ok(c) && sup.reason) td.title = sup.reason;
      return td;
    }));
  const tpRow = el('tr', {}, el('th', { scope: 'row', text: t(lang, 'tp') }),
    cols.map((c) => {
      const tp = c.answer?.third_party_payment || {};
      return cell(c, 'third-party-mandatory', String(tp.mandatory === true), t(lang, tp.mandatory ? 'compare_tp_yes' : 'compare_tp_no'));
    }));
  return el('table', { class: 'compare' },
    el('thead', {}, el('tr', {}, el('td'), cols.map(head))),
    el('tbody', {}, AMOUNTS.map(amountRow), supplementRow, tpRow));
}

// ---- why does my neighbour pay less ---------------------------------------------------

// renderWhy lays out the engine's sentences; their facts become data-* attributes.
export function renderWhy(sentences) {
  return sentences.map((s) => el('p', { class: `why why-${s.why}`, dataset: { why: s.why, ...s.data } }, s.text));
}

// ---- the custom cases' editor ------------------------------------------------------

// renderEditor draws one fieldset a case (selects, an age box, a remove button) and
// an add button; onChange(cols, {focus}) gets the new list of cases after every change
// (read back from the fields, so the editor never holds a stale copy).
export function renderEditor(cols, lang, onChange) {
  const choice = (id, label, value, options) => el('div', { class: 'field' },
    el('label', { for: id, text: label }),
    el('select', { id, dataset: { f: id.split('-')[1] } }, options.map(([v, text]) => el('option', { value: v, selected: v === value }, text))));
  const asForm = ['', t(lang, 'compare_as_form')];
  const yesNo = (v) => (v === undefined ? '' : v ? 'yes' : 'no');
  const wrap = el('div', { class: 'compare-cases' });
  const readAll = () => [...wrap.querySelectorAll('fieldset.compare-case')].map(readCase);
  const boxes = cols.map((col, i) => {
    const n = i + 1;
    const id = (f) => `cc${n}-${f}`;
    const box = el('fieldset', { class: 'compare-case', dataset: { case: n } },
      el('legend', {}, t(lang, 'compare_col', { n })),
      choice(id('insured'), t(lang, 'insured'), col.insured ?? '', [asForm, ['ordinary', t(lang, 'insured_ordinary')], ['preferential', t(lang, 'insured_preferential')]]),
      choice(id('dmg'), t(lang, 'compare_f_dmg'), yesNo(col.dmg), [asForm, ['yes', t(lang, 'compare_yes')], ['no', t(lang, 'compare_no')]]),
      choice(id('doctor'), t(lang, 'doctor'), col.doctor ?? '', [asForm, ...DOCTORS.map((d) => [d, t(lang, `doctor_${d}`)])]),
      choice(id('referred'), t(lang, 'compare_f_referred'), yesNo(col.referred), [asForm, ['yes', t(lang, 'compare_yes')], ['no', t(lang, 'compare_no')]]),
      el('div', { class: 'field short' },
        el('label', { for: id('age'), text: t(lang, 'age') }),
        el('input', { id: id('age'), type: 'text', inputmode: 'numeric', maxlength: '3', value: col.age ?? '', 'aria-describedby': id('age-hint'), dataset: { f: 'age' } }),
        el('p', { id: id('age-hint'), class: 'hint' }, t(lang, 'compare_age_hint'))),
      cols.length > MIN_COLS
        ? el('button', { type: 'button', class: 'button', dataset: { remove: n }, onclick: () => onChange(readAll().filter((_, j) => j !== i), { focus: 'compare-add' }) }, t(lang, 'compare_remove', { n }))
        : null);
    return box;
  });
  wrap.append(...boxes);
  const changed = () => onChange(readAll());
  wrap.addEventListener('change', changed);
  wrap.addEventListener('input', (e) => { if (e.target.dataset.f === 'age') changed(); });
  const readCase = (box) => {
    const v = (f) => box.querySelector(`[data-f="${f}"]`).value.trim();
    const next = {};
    if (v('insured')) next.insured = v('insured');
    if (v('dmg')) next.dmg = v('dmg') === 'yes' ? '1' : '';
    if (v('doctor')) next.doctor = v('doctor');
    if (v('referred')) next.referred = v('referred') === 'yes' ? '1' : '';
    const a = v('age');
    const bad = a !== '' && !(AGE.test(a) && Number(a) <= 130);
    const age = box.querySelector('[data-f="age"]');
    if (bad) age.setAttribute('aria-invalid', 'true');
    else age.removeAttribute('aria-invalid');
    box.querySelector('.hint').textContent = t(lang, bad ? 'compare_bad_age' : 'compare_age_hint');
    if (a !== '' && !bad) next.age = String(Number(a));
    return next;
  };
  const add = cols.length < MAX_COLS
    ? el('button', { type: 'button', id: 'compare-add', class: 'button', onclick: () => onChange([...readAll(), {}], { focus: `cc${cols.length + 1}-insured` }) }, t(lang, 'compare_add'))
    : null;
  return [wrap, add];
}
