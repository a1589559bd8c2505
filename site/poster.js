// The price poster (law of 27 October 2021): for a list of services, a date and
// a patient category, one row per service with the insurance share, the
// personal share, the maximum supplement and the total, in FR, NL or DE (or
// all three), with the doctor's name, INAMI number and convention status.
// Every amount comes from the engine (Honoraria.poster: the answer with its poster row,
// the total being the fee plus the maximum supplement the doctor declares where one is
// allowed); the page only lays the rows out.
//
// URL state: ?codes=101076,103132&date=2024-03-01&lang=fr&poster-lang=all
//   &insured=&dmg=1&age=&chronic=1&doctor=&name=&inami=&hours=&max=101076:10.00

import { load } from './honoraria.js';
import { LANGS, pickLang, t } from './i18n.js';
import { formatAmount, formatDate, today } from './format.js';
import { el, showLoadFailure, replaceSearch } from './dom.js';
import { FIELDS, BANDS } from './contract.js';
import { suggestions as suggestionList, serviceLabel } from './suggest.js';

const $ = (id) => document.getElementById(id);
const POSTER_LANGS = ['fr', 'nl', 'de'];
const DOCTORS = FIELDS.find((f) => f.name === 'doctor').values;
const MAX_CODES = 40;
const PARAMS = ['codes', 'date', 'lang', 'poster-lang', 'insured', 'dmg', 'age', 'chronic', 'doctor', 'name', 'inami', 'hours', 'max'];
const CODE = /^\d{6}$/;
const DECLARED = /^\d{1,5}([.,]\d{1,2})?$/;

const form = $('form');
const addInput = $('add-code');
const suggestions = suggestionList({ input: addInput, list: $('suggestions'), status: $('suggestions-status'), onChoose: addCode });

const state = readState(location.search);
let meta = null;
let rows = []; // [{code, q}] from the last computation

init();

async function init() {
  applyStrings();
  fillForm();
  wireEvents();
  try {
    await load();
  } catch (err) {
    showLoadFailure(t(state.lang, 'load_failed'), err);
    return;
  }
  $('boot').hidden = true;
  document.body.classList.add('ready');
  meta = Honoraria.meta();
  renderFooter();
  computeAll();
}

// ---- state ------------------------------------------------------------------

function readState(search) {
  const p = new URLSearchParams(search);
  const s = {};
  for (const name of PARAMS) {
    const v = p.get(name);
    if (v !== null && v !== '') s[name] = v.slice(0, 400);
  }
  if (!LANGS.includes(s.lang)) s.lang = pickLang(navigator.languages);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.date || '')) s.date = today();
  if (![...POSTER_LANGS, 'all'].includes(s['poster-lang'])) s['poster-lang'] = POSTER_LANGS.includes(s.lang) ? s.lang : 'all';
  if (!DOCTORS.includes(s.doctor)) s.doctor = 'conventioned';
  s.codes = [...new Set((s.codes || '').split(/[\s,;]+/).filter((c) => CODE.test(c)))].slice(0, MAX_CODES);
  s.max = {};
  for (const pair of (p.get('max') || '').split(',')) {
    const [code, v] = pair.split(':');
    if (CODE.test(code || '') && DECLARED.test(v || '')) s.max[code] = v.replace(',', '.');
  }
  return s;
}

function writeURL() {
  const p = new URLSearchParams();
  if (state.codes.length) p.set('codes', state.codes.join(','));
  p.set('date', state.date);
  p.set('lang', state.lang);
  p.set('poster-lang', state['poster-lang']);
  for (const name of ['insured', 'dmg', 'age', 'chronic', 'doctor', 'name', 'inami', 'hours']) {
    if (state[name]) p.set(name, state[name]);
  }
  const max = state.codes.filter((c) => state.max[c]).map((c) => `${c}:${state.max[c]}`).join(',');
  if (max) p.set('max', max);
  replaceSearch(`?${p}`);
  $('back-link').href = `./?lang=${encodeURIComponent(state.lang)}&date=${encodeURIComponent(state.date)}${state.codes[0] ? `&code=${state.codes[0]}` : ''}`;
}

// The patient and doctor of every row, as Honoraria.quote's query.
// A poster with German asks in German, so that the answer carries the project's German
// label translation, shown after the official labels (issue 11.3) on the trilingual poster too.
function query(code) {
  const langs = posterLangs();
  const q = { code, date: state.date, doctor: state.doctor, lang: langs.includes('de') ? 'de' : langs[0] };
  if (state.insured === 'preferential') q.insured = 'preferential';
  if (state.dmg === '1') q.dmg = '1';
  if (state.chronic === '1') q.chronic = '1';
  if (/^\d{1,3}$/.test(state.age || '')) q.age = state.age; // anything else is flagged on the field
  return q;
}

function posterLangs() {
  return state['poster-lang'] === 'all' ? POSTER_LANGS : [state['poster-lang']];
}

// ---- form ---------------------------------------------------------------------

function applyStrings() {
  const lang = state.lang;
  document.documentElement.lang = lang;
  document.title = t(lang, 'poster_title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(lang, node.dataset.i18n);
  $('lang').value = lang;
  $('home-link').href = `./?lang=${encodeURIComponent(lang)}`;
}

function fillForm() {
  for (const name of ['name', 'inami', 'hours', 'age']) $(name).value = state[name] || '';
  $('date').value = state.date;
  $('doctor').value = state.doctor;
  $('poster-lang').value = state['poster-lang'];
  for (const r of form.elements.insured) r.checked = r.value === (state.insured === 'preferential' ? 'preferential' : 'ordinary');
  $('dmg').checked = state.dmg === '1';
  $('chronic').checked = state.chronic === '1';
  syncVisibility();
  flagAge();
}

function flagAge() {
  const bad = !!state.age && !/^\d{1,3}$/.test(state.age);
  if (bad) $('age').setAttribute('aria-invalid', 'true');
  else $('age').removeAttribute('aria-invalid');
}

function syncVisibility() {
  $('hours-field').hidden = !state.doctor.startsWith('partial');
}

function wireEvents() {
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  $('lang').addEventListener('change', () => {
    state.lang = $('lang').value;
    applyStrings();
    renderFooter();
    if (globalThis.Honoraria?.quote) computeAll();
    else writeURL();
  });
  $('print').addEventListener('click', () => window.print());
  $('add').addEventListener('click', addTyped);
  // The label search index is fetched when the search box is first used (never on the
  // first load's path): on focus, before the first keystroke needs it.
  addInput.addEventListener('focus', () => globalThis.Honoraria?.loadIndex?.());
  addInput.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      addTyped();
    }
  });
}

function onInput(e) {
  const target = e.target;
  if (target === addInput) {
    if (e.type === 'input') onSearch();
    return;
  }
  if (target.dataset.declared) {
    // A declared maximum changes only the poster, not the list being typed in.
    const v = target.value.trim();
    if (v === '' || DECLARED.test(v)) {
      target.removeAttribute('aria-invalid');
      if (v === '') delete state.max[target.dataset.declared];
      else state.max[target.dataset.declared] = v.replace(',', '.');
    } else {
      target.setAttribute('aria-invalid', 'true');
      delete state.max[target.dataset.declared];
    }
    redeclare(target.dataset.declared, target);
    writeURL();
    renderPoster();
    return;
  }
  const name = target.name;
  if (!name || name === 'lang') return;
  if (target.type === 'checkbox') state[name] = target.checked ? '1' : '';
  else if (target.type === 'radio') {
    if (target.checked) state[name] = target.value === 'ordinary' ? '' : target.value;
  } else state[name] = target.value.trim();
  if (name === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(state.date)) return; // half-typed date
  if (name === 'doctor') syncVisibility();
  if (name === 'age') flagAge();
  if (!globalThis.Honoraria?.quote) {
    writeURL();
    return;
  }
  // Identity fields change the poster's header only.
  if (['name', 'inami', 'hours'].includes(name)) {
    writeURL();
    renderPoster();
    return;
  }
  computeAll();
}

// ---- choosing services ----------------------------------------------------------

function onSearch() {
  const text = addInput.value.trim();
  if (!globalThis.Honoraria?.search || text.length < 2 || CODE.test(text)) {
    closeSuggestions();
    return;
  }
  const show = (found) => {
    if (addInput.value.trim() === text) suggestions.show(Array.isArray(found) ? found : [], state.lang);
  };
  const found = Honoraria.search(text, state.lang, 8, state.date);
  if (typeof found?.then === 'function') found.then(show);
  else show(found);
}

function closeSuggestions() {
  suggestions.close();
}

function addTyped() {
  const text = addInput.value.trim();
  if (CODE.test(text)) {
    addCode(text);
    return;
  }
  const first = $('suggestions').querySelector('button');
  if (first) {
    addCode(first.dataset.code);
    return;
  }
  $('chosen-status').textContent = t(state.lang, 'poster_unknown_code');
}

function addCode(code) {
  if (!state.codes.includes(code) && state.codes.length < MAX_CODES) state.codes.push(code);
  addInput.value = '';
  closeSuggestions();
  addInput.focus();
  computeAll();
  $('chosen-status').textContent = t(state.lang, 'poster_added', { code });
}

function removeCode(code) {
  const i = state.codes.indexOf(code);
  state.codes = state.codes.filter((c) => c !== code);
  delete state.max[code];
  computeAll();
  $('chosen-status').textContent = t(state.lang, 'poster_removed', { code });
  // Keep the keyboard where it was: the next row's remove button, else the search box.
  const buttons = [...document.querySelectorAll('#chosen button')];
  (buttons[Math.min(i, buttons.length - 1)] || addInput).focus();
}

// ---- computing -------------------------------------------------------------------

// With split data a code whose part is not loaded yet answers with a promise
// (site/honoraria.js): the poster waits for all of them; a newer computation wins.
let computation = 0;

// The home-visit bands of the official tables (issue 11.7; contract.js BANDS, from
// calc.BandAges): a service that needs the patient's age gets one row per band when the
// poster's patient has no age, each quoted for the youngest age of that band, so the
// published figures of every band are shown.

const needsAge = (q) => q?.error?.kind === 'input' && q.error.field === 'age';

function computeAll() {
  writeURL();
  const gen = ++computation;
  const codes = [...state.codes];
  const settle = (xs) => (xs.some((a) => typeof a?.then === 'function') ? Promise.all(xs) : xs);
  const then = (x, f) => (typeof x?.then === 'function' ? x.then(f) : f(x));
  const done = (list) => {
    if (gen !== computation) return;
    rows = list;
    renderChosen();
    renderPoster();
  };
  then(settle(codes.map((code) => posterRow(query(code)))), (qs) => {
    const list = [];
    const banded = [];
    codes.forEach((code, i) => {
      if (!needsAge(qs[i]) || state.age) {
        list.push({ code, query: query(code), q: qs[i] });
        return;
      }
      for (const [band, age] of BANDS) {
        const q = { ...query(code), age };
        const row = { code, band, query: q, q: posterRow(q) };
        list.push(row);
        banded.push(row);
      }
    });
    then(settle(banded.map((r) => r.q)), (bqs) => {
      banded.forEach((r, i) => { r.q = bqs[i]; });
      done(list);
    });
  });
}

// posterRow asks the engine for a row: the answer and its poster row (fee, shares, maximum
// supplement, total) with the maximum the doctor declared for the code. An amount the
// engine refuses (the field's check lets through more than it accepts) is left out.
function posterRow(q) {
  const retry = (res) => {
    if (res?.error?.field !== 'max') return res;
    delete state.max[q.code];
    return Honoraria.poster(q, '');
  };
  const res = Honoraria.poster(q, state.max[q.code] ?? '');
  return typeof res?.then === 'function' ? res.then(retry) : retry(res);
}

// redeclare asks again for the rows of a code whose declared maximum changed (its data is
// loaded: the answers are at once); an amount the engine refused is flagged on its field.
function redeclare(code, input) {
  for (const r of rows) {
    if (r.code === code) r.q = posterRow(r.query);
  }
  if (input.value.trim() !== '' && state.max[code] === undefined) input.setAttribute('aria-invalid', 'true');
}

// A row's amounts: the engine's poster row (strings with a dot, null when not known).
function rowAmounts({ q }) {
  return q && !q.error ? q.poster : null;
}

// ---- the list being edited ------------------------------------------------------------

function renderChosen() {
  const lang = state.lang;
  if (!rows.length) {
    $('chosen').replaceChildren(el('li', { class: 'hint', text: t(lang, 'poster_empty') }));
    return;
  }
  // One entry per service (a home visit's band rows share it).
  const firsts = rows.filter((r, i) => rows.findIndex((x) => x.code === r.code) === i);
  $('chosen').replaceChildren(...firsts.map((r) => {
    const a = rowAmounts(r);
    const label = r.q && !r.q.error ? serviceLabel(r.q.service, lang) : t(lang, 'no_data');
    const parts = [el('p', { class: 'chosen-service' }, el('span', { class: 'code' }, r.code), ' ', label)];
    if (a && !a.forbidden) {
      const id = `max-${r.code}`;
      parts.push(el('div', { class: 'field short' },
        el('label', { for: id }, `${t(lang, 'poster_declared')} — ${r.code}`),
        el('input', { id, type: 'text', inputmode: 'decimal', maxlength: '9', value: state.max[r.code] || '', dataset: { declared: r.code }, 'aria-describedby': 'declared-hint' })));
    }
    parts.push(el('button', { type: 'button', class: 'remove', dataset: { remove: r.code }, onclick: () => removeCode(r.code) },
      t(lang, 'poster_remove'), el('span', { class: 'visually-hidden' }, ` ${r.code}`)));
    return el('li', { dataset: { code: r.code } }, ...parts);
  }), el('li', { class: 'hint', id: 'declared-hint', text: t(lang, 'poster_declared_hint') }));
}

// ---- the poster ------------------------------------------------------------------

// In all three languages each text is printed once per language, marked with
// its lang for screen readers and hyphenation.
function multi(tag, key, vars, attrs = {}) {
  const langs = posterLangs();
  return el(tag, attrs, ...langs.map((l) => el('span', { lang: l, class: 'pl' }, t(l, key, typeof vars === 'function' ? vars(l) : vars))));
}

function category(l) {
  const parts = [t(l, state.insured === 'preferential' ? 'pp_cat_preferential' : 'pp_cat_ordinary'), t(l, state.dmg === '1' ? 'pp_cat_dmg' : 'pp_cat_nodmg')];
  if (/^\d{1,3}$/.test(state.age || '')) parts.push(t(l, 'pp_cat_age', { age: state.age }));
  if (state.chronic === '1') parts.push(t(l, 'pp_cat_chronic'));
  return parts.join(', ');
}

function renderPoster() {
  const langs = posterLangs();
  const lead = langs[0];
  const poster = $('poster');
  if (langs.length === 1) poster.setAttribute('lang', lead);
  else poster.removeAttribute('lang');
  poster.classList.toggle('all-languages', langs.length > 1);

  const field = (key, value, fieldName) => el('div', { class: 'pp-field' },
    el('dt', {}, ...langs.map((l) => el('span', { lang: l, class: 'pl' }, t(l, key)))),
    el('dd', { dataset: { field: fieldName } }, value || el('span', { class: 'blank', 'aria-hidden': 'true' }, '……………………')));
  const status = el('span', {}, ...langs.map((l) => el('span', { lang: l, class: 'pl' }, t(l, `pp_status_${state.doctor}`))));
  const header = el('header', { class: 'pp-head' },
    multi('h3', 'pp_title', null, { class: 'pp-title' }),
    el('dl', { class: 'pp-identity' },
      field('pp_doctor', state.name, 'poster-name'),
      field('pp_inami', state.inami, 'poster-inami'),
      field('pp_status', status, 'poster-status'),
      state.doctor.startsWith('partial') ? field('pp_hours', state.hours, 'poster-hours') : null),
    multi('p', 'pp_valid', (l) => ({ date: formatDate(state.date, l) }), { class: 'pp-valid', dataset: { field: 'poster-date', value: state.date } }),
    multi('p', 'pp_patient', (l) => ({ category: category(l) }), { class: 'pp-patient' }),
  );

  const head = (key) => el('th', { scope: 'col' }, ...langs.map((l) => el('span', { lang: l, class: 'pl' }, t(l, key))));
  const money = (v, fieldName, extra) => el('td', { class: 'amount', dataset: { field: fieldName, value: v ?? undefined } },
    v === null ? '—' : formatAmount(v, lead) + (extra || ''));
  let anyDash = false, anyDeclared = false, anyZero = false;
  const body = rows.map((r) => {
    const a = rowAmounts(r);
    const svc = r.q && !r.q.error ? r.q.service : null;
    const labels = svc
      ? [...new Set(langs.map((l) => serviceLabel(svc, l)))].map((text, i) => el('span', { class: 'pl', lang: i === 0 ? (lead === 'nl' ? 'nl' : 'fr') : 'nl' }, text))
      : [];
    // A German poster adds the project's translation after the official label, marked (issue 11.3).
    const tr = svc && r.q.label_translation;
    if (tr) labels.push(el('span', { class: 'pl label-translation', lang: tr.lang, dataset: { field: 'label-translation', official: 'false' } }, `${tr.label} `, el('span', { class: 'translation-mark' }, `(${tr.mark})`)));
    const band = r.band ? el('span', { class: 'pp-band', dataset: { field: 'poster-band', value: r.band } },
      ...langs.map((l) => el('span', { lang: l, class: 'pl' }, t(l, `pp_band_${r.band}`)))) : null;
    const serviceCell = el('th', { scope: 'row', class: 'pp-service' }, el('span', { class: 'code' }, r.code), ...labels, band);
    if (!a) {
      // Say why the row is empty: the age is needed (the age field is set but not valid),
      // or there is no sourced figure.
      const why = needsAge(r.q) ? 'pp_age_needed' : 'pp_no_data';
      return el('tr', { class: 'no-data', dataset: { code: r.code, band: r.band, state: r.q?.error?.kind || 'error', why } }, serviceCell,
        el('td', { colspan: '4', class: 'pp-no-data' },
          ...langs.map((l) => el('span', { lang: l, class: 'pl' }, t(l, why))),
          why === 'pp_no_data' ? el('a', { href: `coverage.html?lang=${encodeURIComponent(state.lang)}&q=${encodeURIComponent(r.code)}`, class: 'coverage-link screen-only' }, t(state.lang, 'no_data_coverage')) : null));
    }
    if (a.max_supplement === null) anyDash = true;
    else if (a.declared) anyDeclared = true;
    else anyZero = true;
    return el('tr', { dataset: { code: r.code, band: r.band, fee: a.fee } }, serviceCell,
      money(a.reimbursement, 'poster-reimbursement'),
      money(a.personal_share, 'poster-personal-share'),
      money(a.max_supplement, 'poster-max-supplement', a.declared ? ' *' : ''),
      money(a.total, 'poster-total'));
  });
  const table = el('table', { class: 'pp-table' },
    el('thead', {}, el('tr', {}, head('pp_service'), head('pp_insurance'), head('pp_share'), head('pp_max_sup'), head('pp_total'))),
    el('tbody', {}, body.length ? body : el('tr', {}, el('td', { colspan: '5', class: 'hint', text: t(state.lang, 'poster_empty') }))));
  const notes = el('div', { class: 'pp-notes' },
    anyZero ? multi('p', 'pp_note_zero') : null,
    anyDash ? multi('p', 'pp_note_dash', null, { dataset: { note: 'dash' } }) : null,
    anyDeclared ? multi('p', 'pp_note_declared') : null,
    multi('p', 'pp_footer', null, { class: 'pp-footer' }));
  // The table may scroll sideways on a narrow screen: the region is focusable so
  // a keyboard can scroll it.
  const wrap = el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t(state.lang, 'poster_preview') }, table);
  $('poster-body').replaceChildren(el('article', { class: 'pp' }, header, wrap, notes));
}

function renderFooter() {
  if (!meta) return;
  $('data-info').textContent = t(state.lang, 'data_footer', { checksum: meta.checksum, date: meta.data_date });
}
