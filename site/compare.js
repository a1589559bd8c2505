// The compare panel: the same service side by side for two to five cases, and
// sentences under the table that say why one case pays less than another.
//
// What is compared (URL ?compare=, default patient):
//   patient   ordinary / preferential × without / with DMG
//   doctor    the four agreement statuses of the doctor (same patient)
//   referral  with a DMG, referred by the GP or not, ordinary and preferential
//   custom    two to four cases of the user's own (URL ?cols=, see parseCols)
// Every case is the form's query with a few fields overridden; Go computes each one
// (Honoraria.quote), this module only lays them out and reads their differences.

import { LOCALES, t } from './i18n.js';
import { el } from './dom.js';
import { FIELDS, COMPARE_KINDS } from './contract.js';
import { formatAmount, isAmount } from './format.js';

export const KINDS = COMPARE_KINDS;
const DOCTORS = FIELDS.find((f) => f.name === 'doctor').values;
const MAX_COLS = 4;
const MIN_COLS = 2;

const FIXED = {
  patient: [
    { key: 'scenario_ordinary', set: { insured: 'ordinary', dmg: '' } },
    { key: 'scenario_ordinary_dmg', set: { insured: 'ordinary', dmg: '1' } },
    { key: 'scenario_preferential', set: { insured: 'preferential', dmg: '' } },
    { key: 'scenario_preferential_dmg', set: { insured: 'preferential', dmg: '1' } },
  ],
  doctor: DOCTORS.map((d) => ({ key: `scenario_doctor_${d}`, set: { doctor: d } })),
  referral: [
    { key: 'scenario_ordinary_dmg_notreferred', set: { insured: 'ordinary', dmg: '1', referred: '' } },
    { key: 'scenario_ordinary_dmg_referred', set: { insured: 'ordinary', dmg: '1', referred: '1' } },
    { key: 'scenario_preferential_dmg_notreferred', set: { insured: 'preferential', dmg: '1', referred: '' } },
    { key: 'scenario_preferential_dmg_referred', set: { insured: 'preferential', dmg: '1', referred: '1' } },
  ],
};

export function kindOf(value) {
  return KINDS.includes(value) ? value : 'patient';
}

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

// describe: a custom case in a few words ("preferential, with DMG, 70 years").
function describe(col, lang) {
  const words = [
    col.insured ? t(lang, `compare_short_${col.insured}`) : null,
    col.dmg === undefined ? null : t(lang, col.dmg ? 'compare_short_dmg' : 'compare_short_nodmg'),
    col.doctor ? t(lang, `compare_short_doctor_${col.doctor}`) : null,
    col.referred === undefined ? null : t(lang, col.referred ? 'compare_short_referred' : 'compare_short_notreferred'),
    col.age !== undefined ? t(lang, 'compare_short_age', { age: col.age }) : null,
  ].filter(Boolean);
  return words.length ? words.join(', ') : t(lang, 'compare_as_form');
}

// ---- computing the columns --------------------------------------------------------

// columns returns [{key, label, query, res, current}], "your choice" first except
// for custom cases (they are the user's own columns).
export function columns(kind, query, current, cols, lang) {
  const list = [];
  if (kind !== 'custom') list.push({ key: 'scenario_current', label: t(lang, 'scenario_current'), query, res: current, current: true });
  const sets = kind === 'custom'
    ? cols.map((set, i) => ({ key: `scenario_custom_${i + 1}`, set, label: `${t(lang, 'compare_col', { n: i + 1 })}: ${describe(set, lang)}`, title: t(lang, 'compare_col', { n: i + 1 }), detail: describe(set, lang) }))
    : FIXED[kind].map((sc) => ({ ...sc, label: t(lang, sc.key) }));
  for (const sc of sets) {
    const q = { ...query, ...sc.set };
    delete q.paid;
    if (q.insured !== 'preferential') delete q['preferential-kind'];
    for (const k of Object.keys(q)) if (q[k] === '' || q[k] === undefined) delete q[k];
    list.push({ ...sc, query: q, res: Honoraria.quote(q) });
  }
  return list;
}

const ok = (c) => c.res && !c.res.error;
const cents = (s) => Math.round(Number(s) * 100);
const fromCents = (c) => (c / 100).toFixed(2);

// ---- the table ------------------------------------------------------------------------

const AMOUNTS = [['fee', 'fee'], ['reimbursement', 'reimbursement'], ['personal_share', 'personal-share'], ['pay_at_desk', 'pay-at-desk']];

// A column without an answer says "no data" (or that an input is wrong), never an amount.
function missing(c, lang) {
  const kind = c.res?.error?.kind;
  return el('span', { class: 'na', title: c.res?.error?.message || null }, t(lang, !kind || kind === 'no-data' ? 'compare_no_data' : 'input_error'));
}

export function renderTable(cols, lang) {
  const cell = (c, field, value, ...content) => el('td', { dataset: { scenario: c.key, compare: field, value: ok(c) ? value : null } }, ok(c) ? content : missing(c, lang));
  const head = (c) => el('th', { scope: 'col', dataset: { scenario: c.key } },
    c.detail ? [el('span', { class: 'col-title' }, c.title), ' ', el('span', { class: 'col-detail' }, c.detail)] : c.label);
  const amountRow = ([f, label]) => el('tr', {}, el('th', { scope: 'row', text: t(lang, label) }),
    cols.map((c) => {
      const v = ok(c) && isAmount(c.res[f]) ? c.res[f] : null;
      const td = cell(c, label, v, v ? formatAmount(v, lang) : el('span', { class: 'na' }, t(lang, 'compare_no_data')));
      td.classList.add('amount');
      return td;
    }));
  const supplementRow = el('tr', {}, el('th', { scope: 'row', text: t(lang, 'supplement') }),
    cols.map((c) => {
      const sup = c.res?.supplement || {};
      const text = t(lang, sup.allowed ? 'supplement_allowed' : 'supplement_not_allowed');
      const td = cell(c, 'supplement-allowed', String(sup.allowed === true),
        sup.reason ? el('details', { class: 'why-cell' }, el('summary', {}, text), el('span', { class: 'reason', text: sup.reason })) : text);
      td.classList.add(sup.allowed ? 'yes' : 'no');
      if (ok(c) && sup.reason) td.title = sup.reason;
      return td;
    }));
  const tpRow = el('tr', {}, el('th', { scope: 'row', text: t(lang, 'tp') }),
    cols.map((c) => {
      const tp = c.res?.third_party_payment || {};
      return cell(c, 'third-party-mandatory', String(tp.mandatory === true), t(lang, tp.mandatory ? 'compare_tp_yes' : 'compare_tp_no'));
    }));
  return el('table', { class: 'compare' },
    el('thead', {}, el('tr', {}, el('td'), cols.map(head))),
    el('tbody', {}, AMOUNTS.map(amountRow), supplementRow, tpRow));
}

// ---- why does my neighbour pay less ---------------------------------------------------

// money: an amount for a sentence, kept on one line ("5,00 €").
function money(s, lang) {
  return formatAmount(s, lang).replace(/ /g, '\u00a0');
}

function quote(label, lang) {
  return t(lang, 'why_quote', { s: label });
}

function list(items, lang) {
  return new Intl.ListFormat(LOCALES[lang] || 'fr-BE', { type: 'conjunction' }).format(items);
}

// What the cheaper case has that the other has not, as words for "with …".
function advantages(cheap, dear, lang) {
  const a = cheap.query;
  const b = dear.query;
  const on = (q, k) => q[k] === '1' || q[k] === 'true';
  const out = [];
  if ((a.insured || 'ordinary') !== (b.insured || 'ordinary')) out.push(t(lang, a.insured === 'preferential' ? 'why_what_preferential' : 'why_what_ordinary'));
  if (on(a, 'dmg') && !on(b, 'dmg')) out.push(t(lang, 'why_what_dmg'));
  if (on(a, 'referred') && !on(b, 'referred')) out.push(t(lang, 'why_what_referred'));
  if (on(a, 'chronic') && !on(b, 'chronic')) out.push(t(lang, 'why_what_chronic'));
  if (a.age && a.age !== b.age) out.push(t(lang, 'why_what_age', { age: a.age }));
  return out;
}

// The explanation steps that decide the personal share, by key (the last step of a key wins).
function shareSteps(res) {
  const steps = new Map();
  for (const s of res.explanation || []) {
    if (s.key.startsWith('share.') || s.key.startsWith('reimbursement.published')) steps.set(s.key, s);
  }
  return steps;
}

// reasons: one phrase per explanation step that differs between the two cases.
function reasons(cheap, dear, lang) {
  const mine = shareSteps(cheap.res);
  const theirs = shareSteps(dear.res);
  const out = [];
  for (const [key, step] of mine) {
    const other = theirs.get(key);
    if (other && other.amount === step.amount) continue;
    const a = isAmount(step.amount) ? money(step.amount, lang) : '';
    if (key === 'share.fixed' && other) {
      // The referral has its own step (share.referral-reduction): not named here.
      const what = advantages(cheap, dear, lang).filter((w) => !mine.has('share.referral-reduction') || w !== t(lang, 'why_what_referred'));
      out.push({ key, text: t(lang, 'why_share_fixed', { what: what.length ? list(what, lang) : t(lang, 'why_category'), a, b: money(other.amount, lang) }) });
    } else if (key === 'share.referral-reduction') {
      out.push({ key, text: t(lang, 'why_share_referral', { a }) });
    } else if (key === 'share.free-young-preferential') {
      out.push({ key, text: t(lang, 'why_share_free_young') });
    } else {
      // Any other rule: the engine's own words for it (already in the page's language).
      out.push({ key, text: step.text.replace(/\.$/, '') });
    }
  }
  return out;
}

// explain returns the sentences under the table, each {why, text, data}.
export function explain(cols, lang) {
  const pool = cols.filter((c) => ok(c) && isAmount(c.res.personal_share));
  if (pool.length < 2) return [];
  const out = [];
  const share = (c) => cents(c.res.personal_share);
  // The reference is "your choice" (the first custom case): the neighbour is the
  // cheapest other case; when none is cheaper, the dearest one.
  const ref = pool[0];
  const others = pool.slice(1);
  const cheapest = others.reduce((m, c) => (share(c) < share(m) ? c : m), others[0]);
  const dearest = others.reduce((m, c) => (share(c) > share(m) ? c : m), others[0]);
  let pair = null;
  if (share(cheapest) < share(ref)) pair = [cheapest, ref];
  else if (share(dearest) > share(ref)) pair = [ref, dearest];
  else {
    // Your choice pays what every other case pays; compare the others among themselves.
    const lo = pool.reduce((m, c) => (share(c) < share(m) ? c : m), pool[0]);
    const hi = pool.reduce((m, c) => (share(c) > share(m) ? c : m), pool[0]);
    if (share(lo) < share(hi)) pair = [lo, hi];
  }
  if (pair) {
    const [cheap, dear] = pair;
    const why = reasons(cheap, dear, lang);
    const vars = {
      cheap: quote(cheap.label, lang), dear: quote(dear.label, lang),
      diff: money(fromCents(share(dear) - share(cheap)), lang),
      a: money(cheap.res.personal_share, lang), b: money(dear.res.personal_share, lang),
      reasons: why.map((r) => r.text).join('; '),
    };
    out.push({ why: 'share', text: t(lang, why.length ? 'why_less' : 'why_less_plain', vars),
      data: { cheaper: cheap.key, dearer: dear.key, diff: fromCents(share(dear) - share(cheap)), reasons: why.map((r) => r.key).join(' ') } });
  } else {
    const sameReimb = pool.every((c) => c.res.reimbursement === pool[0].res.reimbursement);
    out.push({ why: 'same', text: t(lang, sameReimb ? 'why_same' : 'why_same_share', { a: money(pool[0].res.personal_share, lang), r: money(pool[0].res.reimbursement, lang) }),
      data: { reimbursement: sameReimb ? pool[0].res.reimbursement : null } });
  }
  const named = (cs) => list(cs.map((c) => quote(c.label, lang)), lang);
  // "Your choice" is named only when no other column is the same case.
  const unique = pool.filter((c) => !c.current || !pool.some((o) => o !== c && sameCase(o, c)));
  const allowed = unique.filter((c) => c.res.supplement?.allowed === true);
  const refused = unique.filter((c) => c.res.supplement?.allowed !== true);
  if (allowed.length && refused.length) {
    out.push({ why: 'supplement', text: t(lang, 'why_supplement', { allowed: named(allowed), others: named(refused), reason: refused[0].res.supplement?.reason || '' }),
      data: { allowed: allowed.map((c) => c.key).join(' ') } });
  }
  const tp = unique.filter((c) => c.res.third_party_payment?.mandatory === true);
  if (tp.length && tp.length < unique.length) {
    out.push({ why: 'tp', text: t(lang, 'why_tp', { list: named(tp) }), data: { mandatory: tp.map((c) => c.key).join(' ') } });
  }
  return out;
}

// sameCase: two queries that ask the same thing (defaults filled in, the bill left out).
function sameCase(a, b) {
  const norm = (q) => {
    const n = { insured: 'ordinary', doctor: 'conventioned', setting: 'ambulatory', ...q };
    delete n.paid;
    delete n.lang;
    if (n.insured !== 'preferential') delete n['preferential-kind'];
    for (const k of Object.keys(n)) if (n[k] === '' || n[k] === '0' || n[k] === 'false') delete n[k];
    return n;
  };
  const x = norm(a.query);
  const y = norm(b.query);
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => String(x[k]) === String(y[k]));
}

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
