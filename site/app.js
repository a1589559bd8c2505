// The calculator page. Go computes (Honoraria.*), this module renders.
// State lives in the URL (state.js); every input change recomputes at once.

import { load } from './honoraria.js';
import { LANGS, pickLang, t } from './i18n.js';
import { PARAMS, BOOLEANS, readState, toSearch, toQuery, isOn, kindOf } from './state.js';
import { formatAmount, formatNumber, formatDate, isAmount, today, warmFormats } from './format.js';
import { el, nth, trim, setText, setClass, setData, safeURL, showLoadFailure, replaceSearch } from './dom.js';
import { suggestions as suggestionList, serviceLabel as labelIn, labelNodes } from './suggest.js';
import { FIELDS, STATUT_STATUS } from './contract.js';

// The compare table (compare.js) and the history chart (history.js) are drawn after the
// main result: their modules load then too, off the first result's path (issue 12.1).
let compareMod = null;
let historyMod = null;
let panels = null;
function loadPanels() {
  panels ??= Promise.all([import('./compare.js'), import('./history.js')]).then(([c, h]) => {
    compareMod = c;
    historyMod = h;
  });
  panels.catch(() => {
    panels = null; // offline before they were cached: try again with the next input
  });
  return panels;
}

const $ = (id) => document.getElementById(id);
const form = $('form');
const codeInput = $('code');
const suggestions = suggestionList({ input: codeInput, list: $('suggestions'), status: $('suggestions-status'), onChoose: chooseService });

const embedded = new URLSearchParams(location.search).get('embed') === '1';
// compact=1 (an insurer's embed, issue 11.6): the essential inputs and the result only.
const compact = new URLSearchParams(location.search).get('compact') === '1';
const state = readState(location.search);
// A language the page does not have (?lang=xx) is not an error of the query: the page
// says so (#url-notice, naming the parameter and its value) and uses the browser's.
let badLang = state.lang !== undefined && !LANGS.includes(state.lang) ? state.lang : null;
if (!LANGS.includes(state.lang)) state.lang = pickLang(navigator.languages);
if (!state.date) state.date = today();
if (state.compare !== undefined && kindOf(state.compare) === 'patient') delete state.compare;
if (state.compare !== 'custom') delete state.cols;

let meta = null; // Honoraria.meta()
let lastResult = null;
const yearCache = new Map();

init();

async function init() {
  if (embedded) document.documentElement.classList.add('embedded');
  if (compact) document.documentElement.classList.add('compact');
  applyStrings();
  fillForm();
  wireEvents();
  // In a task of its own, while the wasm downloads and compiles: not before the loader.
  setTimeout(() => warmFormats(state.lang), 0);
  try {
    await load();
  } catch (err) {
    showLoadFailure(t(state.lang, 'load_failed'), err);
    return;
  }
  // Read by scripts/bench-browser.mjs: the engine is ready before this; the page resumes
  // once the Go program has gone idle.
  globalThis.performance?.mark?.('honoraria:resumed');
  $('boot').hidden = true;
  document.body.classList.add('ready');
  meta = Honoraria.meta();
  renderFooter();
  compute({ fromURL: true });
  registerServiceWorker();
  if (embedded) startEmbedMessages();
}

// ---- language -------------------------------------------------------------

function applyStrings() {
  const lang = state.lang;
  document.documentElement.lang = lang;
  document.title = t(lang, 'title');
  for (const node of document.querySelectorAll('[data-i18n]')) {
    node.textContent = t(lang, node.dataset.i18n);
  }
  $('lang').value = lang;
  $('embed-link').href = `embed.html?lang=${encodeURIComponent(lang)}`;
  $('poster-link').href = posterHref();
  $('coverage-link').href = `coverage.html?lang=${encodeURIComponent(lang)}`;
  renderCompareControls();
  const notice = $('url-notice');
  notice.hidden = badLang === null;
  notice.textContent = badLang === null ? '' : t(lang, 'bad_lang', { value: shorten(badLang), name: $('lang').selectedOptions[0]?.textContent || lang });
  notice.dataset.param = badLang === null ? '' : 'lang';
}

// shorten keeps a value from a URL readable in a message.
function shorten(s, max = 40) {
  const chars = [...String(s)];
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}

// ---- form <-> state ---------------------------------------------------------

function fillForm() {
  codeInput.value = state.code || '';
  $('date').value = /^\d{4}-\d{2}-\d{2}$/.test(state.date || '') ? state.date : '';
  for (const r of form.elements.insured) r.checked = r.value === (state.insured === 'preferential' ? 'preferential' : 'ordinary');
  for (const r of form.elements.view) r.checked = r.value === (isDoctorView() ? 'doctor' : 'patient');
  for (const name of ['preferential-kind', 'doctor', 'setting']) {
    const sel = $(name);
    const want = state[name] ?? sel.options[0].value;
    sel.value = [...sel.options].some((o) => o.value === want) ? want : sel.options[0].value;
  }
  for (const name of BOOLEANS) $(name).checked = isOn(state[name]);
  for (const name of ['age', 'household-income', 'dependants', 'titulaires', 'paid']) $(name).value = state[name] || '';
  syncVisibility();
}

function isDoctorView() {
  return state.view === 'doctor';
}

function syncVisibility() {
  $('preferential-kind-field').hidden = state.insured !== 'preferential';
  $('training-field').hidden = !isDoctorView();
  document.body.classList.toggle('doctor-mode', isDoctorView());
  if (state['household-income'] || state.dependants || state.titulaires) $('household').open = true;
}

// readControl copies one control's value into the state.
function readControl(target) {
  const name = target.name;
  if (!PARAMS.includes(name)) return;
  if (target.type === 'checkbox') {
    state[name] = target.checked ? '1' : '';
  } else if (target.type === 'radio') {
    if (target.checked) state[name] = name === 'view' && target.value === 'patient' ? '' : target.value;
  } else {
    state[name] = target.value.trim();
  }
}

// writeURL puts the state in the page's address, in a task of its own right after the
// input's: history.replaceState was ~2 ms of the input handler's 3.7 ms (1x CPU), more
// than drawing the main result, which comes first (issue 12.2). Changes in one task are
// written once.
let urlTimer = 0;
function writeURL() {
  if (!urlTimer) urlTimer = setTimeout(writeURLNow, 0);
}

// writeURLNow writes the address at once (a pending write included): before the address
// is read.
function writeURLNow() {
  clearTimeout(urlTimer);
  urlTimer = 0;
  let search = toSearch(state);
  if (embedded) search += (search ? '&' : '?') + 'embed=1';
  if (compact) search += (search ? '&' : '?') + 'compact=1';
  replaceSearch(search);
  $('poster-link').href = posterHref();
}

function wireEvents() {
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('input', onInput);
  form.addEventListener('change', onInput);
  // The label search index is fetched when the search box is first used (focus or a
  // key), never on the first load's path (site/honoraria.js, loadIndex).
  codeInput.addEventListener('focus', () => globalThis.Honoraria?.loadIndex?.());
  codeInput.addEventListener('keydown', () => globalThis.Honoraria?.loadIndex?.(), { once: true });
  $('lang').addEventListener('change', () => {
    state.lang = $('lang').value;
    badLang = null;
    yearCache.clear();
    applyStrings();
    writeURL();
    if (globalThis.Honoraria?.quote) compute({});
  });
  $('compare-kind').addEventListener('change', () => {
    const kind = kindOf($('compare-kind').value);
    if (kind === 'patient') delete state.compare;
    else state.compare = kind;
    if (kind !== 'custom') delete state.cols;
    renderCompareControls();
    writeURL();
    if (globalThis.Honoraria?.quote) compute({});
  });
  $('copy-link').addEventListener('click', copyLink);
  $('poster-link').addEventListener('click', writeURLNow); // its href follows the state
  $('print').addEventListener('click', () => window.print());
}

function onInput(e) {
  const target = e.target;
  if (!target.name || target.id === 'lang') return;
  // The code box is handled on 'input'; its 'change' (on blur, e.g. when a
  // suggestion is clicked) must not rebuild the list under the pointer.
  if (target === codeInput && e.type === 'change') return;
  // A checkbox, radio or select fires 'input' and then 'change' for one user change: the
  // second brings nothing new, so it must not quote again (issue 12: one engine call per
  // change). 'change' still counts where no 'input' came first.
  const before = e.type === 'change' ? toSearch(state) : null;
  readControl(target);
  if (before !== null && toSearch(state) === before) return;
  // The kind of preferential regime means nothing for an ordinary patient (the engine
  // refuses it): forget it with the status.
  if (target.name === 'insured' && state.insured !== 'preferential') delete state['preferential-kind'];
  if (target.name === 'insured' || target.name === 'view') syncVisibility();
  if (target.name === 'view') renderYear();
  if (!globalThis.Honoraria?.quote) {
    writeURL();
    return;
  }
  if (target === codeInput) {
    onCodeTyped();
    return;
  }
  compute({});
}

// ---- service search ---------------------------------------------------------

// A six-digit code is quoted at once; anything else (words, a partial code)
// searches and waits for a choice.
function onCodeTyped() {
  const text = codeInput.value.trim();
  if (/^\d{6}$/.test(text) || text === '') {
    closeSuggestions();
    compute({});
    return;
  }
  state.code = '';
  writeURL();
  cancelDeferred();
  const found = text.length >= 2 || /^\d/.test(text) ? Honoraria.search(text, state.lang, 8, state.date) : [];
  clearAnswer();
  showService('');
  const show = (list) => {
    if (codeInput.value.trim() !== text) return; // typed on meanwhile
    suggestions.show(Array.isArray(list) ? list : [], state.lang);
    $('summary').textContent = t(state.lang, Array.isArray(list) && list.length ? 'pick_service' : 'no_suggestions');
  };
  // With split data the first search may wait for the index (site/honoraria.js).
  if (typeof found?.then === 'function') found.then(show);
  else show(found);
}

function serviceLabel(s) {
  return labelIn(s, state.lang);
}

function closeSuggestions() {
  suggestions.close();
}

function chooseService(code) {
  codeInput.value = code;
  state.code = code;
  closeSuggestions();
  codeInput.focus();
  compute({});
  // On a phone the answer is below the form: bring it into view (issue 11.5).
  if (globalThis.matchMedia?.('(max-width: 899px)').matches) {
    const reduce = globalThis.matchMedia('(prefers-reduced-motion: reduce)').matches;
    $('result').scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  }
}

// ---- computing and rendering --------------------------------------------------

function compute() {
  writeURL();
  cancelDeferred();
  const lang = state.lang;
  if (!state.code) {
    lastResult = null;
    clearAnswer();
    showService('');
    $('summary').textContent = t(lang, 'service_none');
    hidePanels();
    renderDoctorEmpty();
    renderYear();
    postResult(null);
    return;
  }
  // The main result first, with one quote: it is what the input changed and what
  // the live region announces. The comparison columns (4 quotes) and the history
  // (one quote per year) follow after the next paint (scheduleDeferred).
  const query = toQuery(state);
  const res = Honoraria.quote(query);
  if (typeof res?.then === 'function') {
    // Split data: the code's part is being fetched (site/honoraria.js). Show that we are
    // loading; a newer input (a new generation) makes this answer stale.
    const gen = generation;
    $('result').setAttribute('aria-busy', 'true');
    $('summary').textContent = t(lang, 'loading');
    res.then((r) => {
      if (gen === generation) showResult(query, r);
    });
    return;
  }
  showResult(query, res);
}

function showResult(query, res) {
  $('result').removeAttribute('aria-busy');
  lastResult = res;
  if (res && res.error) {
    renderError(res.error);
    hidePanels();
    renderDoctorEmpty();
  } else {
    renderQuote(res);
    renderDoctor(query, res);
    scheduleDeferred(query, res); // the explanation, the year's amounts, the panels
    postResult(res);
    return;
  }
  renderYear();
  postResult(res);
}

// ---- deferred panels ---------------------------------------------------------------
// The answer's explanation, the compare table and the history chart are drawn after the
// main result is on screen: requestAnimationFrame, then a new task (setTimeout 0) for the
// explanation and the comparison, then requestIdleCallback (or another task) for the
// history. Each run belongs to one generation; a new input cancels the pending callbacks,
// and a stale one that still fires does nothing. #compare, #history and the answer's
// .explanation carry data-ready="false" (and aria-busy) while their content is out of
// date, "true" once it matches the inputs.

let generation = 0;
const pending = { raf: 0, timers: [], idle: 0 };

function cancelDeferred() {
  generation++;
  if (pending.raf) cancelAnimationFrame(pending.raf);
  for (const id of pending.timers) clearTimeout(id);
  if (pending.idle && typeof cancelIdleCallback === 'function') cancelIdleCallback(pending.idle);
  pending.raf = 0;
  pending.timers = [];
  pending.idle = 0;
  setReady('compare', true);
  setReady('history', true);
}

function setReady(id, ready) {
  const node = typeof id === 'string' ? $(id) : id;
  node.dataset.ready = String(ready);
  if (ready) node.removeAttribute('aria-busy');
  else node.setAttribute('aria-busy', 'true');
}

// later(fn) runs fn in a new task after the next frame; the timer is a fallback for
// documents that do not paint (a hidden tab or an off-screen frame pauses rAF).
function later(fn) {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    if (pending.raf) cancelAnimationFrame(pending.raf);
    pending.raf = 0;
    pending.timers.push(setTimeout(fn, 0));
  };
  pending.raf = requestAnimationFrame(run);
  pending.timers.push(setTimeout(run, 100));
}

function idle(fn) {
  if (typeof requestIdleCallback === 'function') pending.idle = requestIdleCallback(fn, { timeout: 150 });
  else pending.timers.push(setTimeout(fn, 0));
}

function scheduleDeferred(query, res) {
  const gen = generation;
  setReady('compare', false);
  setReady('history', false);
  // After the next paint: the answer's explanation and the year's amounts, then the
  // comparison (once compare.js and history.js are loaded: asked for after the first
  // result is on screen), then the history.
  later(() => {
    if (gen !== generation) return;
    const explanation = $('answer').querySelector(':scope > .explanation');
    if (explanation) {
      renderExplanation(explanation, res);
      setReady(explanation, true);
    }
    renderYear();
    loadPanels().then(() => {
      if (gen !== generation) return;
      renderCompare(query);
      setReady('compare', true);
      idle(() => {
        if (gen !== generation) return;
        pending.idle = 0;
        renderHistoryPanel(query);
        setReady('history', true);
      });
    }, () => {
      if (gen !== generation) return;
      hidePanels();
      setReady('compare', true);
      setReady('history', true);
    });
  });
}

function clearAnswer() {
  $('answer').replaceChildren();
  $('result').classList.remove('has-answer', 'has-error');
}

// hidePanels hides the compare table and the history, and empties them: a hidden panel
// keeps no figures of an earlier answer in the page.
function hidePanels() {
  $('compare').hidden = true;
  $('history').hidden = true;
  for (const id of ['compare-body', 'compare-why', 'history-body']) $(id).replaceChildren();
}

function renderError(err) {
  const lang = state.lang;
  clearAnswer();
  $('result').classList.add('has-error');
  showService('');
  const box = el('div', { class: 'error', dataset: { error: err.kind || 'internal' } });
  if (err.kind === 'no-data') {
    $('summary').textContent = t(lang, 'no_data');
    // The nearest sourced fees of the code, with their dates: never an estimate.
    const known = (k, key, field) => (k && isAmount(k.fee)
      ? el('p', { class: 'known' }, t(lang, key, { date: formatDate(k.valid_from, lang) }), ' ',
        el('strong', { class: 'amount', dataset: { field, value: k.fee, date: k.valid_from } }, formatAmount(k.fee, lang)))
      : null);
    const code = state.code;
    const nomen = `https://webappsa.riziv-inami.fgov.be/Nomen/${lang === 'nl' ? 'nl' : 'fr'}/${encodeURIComponent(code)}/fees`;
    box.append(el('p', { class: 'error-title', text: t(lang, 'no_data') }), el('p', { text: err.message }),
      known(err.last_known, 'last_known_fee', 'last-known-fee'), known(err.next_known, 'next_known_fee', 'next-known-fee'),
      el('p', { class: 'hint', text: t(lang, 'no_data_detail') }),
      el('p', {}, el('a', { href: `coverage.html?lang=${encodeURIComponent(lang)}&q=${encodeURIComponent(code)}`, class: 'coverage-link' }, t(lang, 'no_data_coverage'))),
      /^\d{6}$/.test(code) ? el('p', {}, el('a', { href: nomen, rel: 'noopener noreferrer', target: '_blank', class: 'nomensoft-link' }, t(lang, 'no_data_nomensoft', { code }))) : null);
    // Show which service it is, when the code exists at another date.
    Promise.resolve(Honoraria.search(code, lang, 1)).then((known) => {
      if (state.code === code && Array.isArray(known) && known[0] && known[0].code === code) showService(`${known[0].code} — ${serviceLabel(known[0])}`);
    });
  } else {
    $('summary').textContent = `${t(lang, 'input_error')}: ${err.message}`;
    box.append(el('p', { class: 'error-title', text: t(lang, 'input_error') + (err.field ? ` (${err.field})` : '') }), el('p', { text: err.message }));
  }
  $('answer').append(box);
}

// amountRow shows an amount, or says it is not available (no sourced figure) or — with
// notApplicable — that it does not apply to this case.
function amountRow(field, labelKey, value, extraClass, notApplicable) {
  const row = el('div');
  fillAmountRow(row, field, labelKey, value, extraClass, notApplicable);
  return row;
}

// fillAmountRow makes row an amountRow, changing only what differs: a recompute changes
// the figures of the main result, not its shape (issue 12.2).
function fillAmountRow(row, field, labelKey, value, extraClass, notApplicable) {
  const lang = state.lang;
  setClass(row, `row ${extraClass || ''}`);
  setText(nth(row, 0, 'dt'), t(lang, labelKey));
  const dd = nth(row, 1, 'dd');
  const shown = isAmount(value);
  setClass(dd, shown ? 'amount' : 'amount na');
  setData(dd, 'field', field);
  setData(dd, 'value', shown ? value : null);
  setData(dd, 'na', shown ? null : notApplicable ? 'not-applicable' : 'not-available');
  setText(dd, shown ? formatAmount(value, lang) : t(lang, notApplicable ? 'not_applicable' : 'not_available'));
  trim(row, 2);
}

// fillDecisionRow makes row a yes/no answer: its label, the answer in a
// <strong data-field data-value="true|false">, and the reason when there is one.
function fillDecisionRow(row, rowClass, labelKey, field, value, textKey, reason) {
  const lang = state.lang;
  setClass(row, rowClass);
  setText(nth(row, 0, 'dt'), t(lang, labelKey));
  const dd = nth(row, 1, 'dd');
  const strong = nth(dd, 0, 'strong');
  setData(strong, 'field', field);
  setData(strong, 'value', String(value));
  setText(strong, t(lang, textKey));
  if (reason) {
    const span = nth(dd, 1, 'span');
    setClass(span, 'reason');
    setText(span, reason);
  }
  trim(dd, reason ? 2 : 1);
  trim(row, 2);
}

function renderQuote(q) {
  const lang = state.lang;
  // The explanation is drawn after the next paint (scheduleDeferred, renderExplanation):
  // until then the previous one stays, marked out of date. Its steps, notes and sources
  // were the largest part of the main result's DOM (issue 12.2).
  const answer = $('answer');
  const explanation = answer.querySelector(':scope > .explanation') ?? explanationSection(lang);
  // The figures' lists are the previous answer's, filled anew (fillAmountRow), or new ones.
  let lists = [...answer.querySelectorAll(':scope > dl')];
  if (lists.length !== 3 || !$('result').classList.contains('has-answer')) {
    for (const node of [...answer.children]) if (node !== explanation) node.remove();
    lists = [el('dl', { class: 'amounts' }), el('dl', { class: 'amounts small' }), el('dl', { class: 'decisions' })];
    answer.prepend(...lists);
  }
  $('result').classList.remove('has-error');
  $('result').classList.add('has-answer');
  // The service's line is drawn again only when it changes (not for a date or a
  // patient's status: most changes).
  const tr = q.label_translation;
  const shown = [q.service.code, lang, q.service.label_fr, q.service.label_nl, tr?.label, tr?.lang, tr?.mark, tr?.official].join('\n');
  if (serviceShown !== shown) {
    $('service').replaceChildren(`${q.service.code} — `, ...labelNodes(q.service, lang, tr));
    serviceShown = shown;
  }

  const [amounts, desk, decisions] = lists;
  fillAmountRow(nth(amounts, 0, 'div'), 'fee', 'fee', q.fee);
  fillAmountRow(nth(amounts, 1, 'div'), 'reimbursement', 'reimbursement', q.reimbursement);
  fillAmountRow(nth(amounts, 2, 'div'), 'personal-share', 'personal-share', q.personal_share, 'share');
  fillAmountRow(nth(amounts, 3, 'div'), 'pay-at-desk', 'pay-at-desk', q.pay_at_desk, 'desk');
  fillAmountRow(nth(desk, 0, 'div'), 'pay-at-desk-with-third-party', 'pay_with_tp', q.pay_at_desk_with_third_party);
  // Without third-party payment does not apply where it is mandatory.
  fillAmountRow(nth(desk, 1, 'div'), 'pay-at-desk-without-third-party', 'pay_without_tp', q.pay_at_desk_without_third_party, '', q.third_party_payment?.mandatory === true);
  const sup = q.supplement || {};
  const tp = q.third_party_payment || {};
  const supAllowed = sup.allowed === true;
  fillDecisionRow(nth(decisions, 0, 'div'), `row ${supAllowed ? 'yes' : 'no'}`, 'supplement', 'supplement-allowed', supAllowed,
    supAllowed ? 'supplement_allowed' : 'supplement_not_allowed', sup.reason);
  fillDecisionRow(nth(decisions, 1, 'div'), 'row', 'tp', 'third-party-mandatory', tp.mandatory === true,
    tp.mandatory ? 'tp_mandatory' : 'tp_not_mandatory', tp.reason);
  answer.querySelector(':scope > .bill')?.remove();
  if (q.bill_check) decisions.after(renderBillCheck(q.bill_check));
  if (!explanation.isConnected) answer.append(explanation);
  setReady(explanation, false);

  const summary = [
    `${t(lang, 'fee')}: ${fmt(q.fee)}`,
    `${t(lang, 'reimbursement')}: ${fmt(q.reimbursement)}`,
    `${t(lang, 'personal-share')}: ${fmt(q.personal_share)}`,
    `${t(lang, 'supplement')}: ${t(lang, supAllowed ? 'supplement_allowed' : 'supplement_not_allowed')}`,
  ].join(' · ');
  $('summary').textContent = summary;
}

// serviceShown is what the service's line shows (renderQuote); showService sets it to a
// plain text (none, or a no-data answer's code).
let serviceShown = '';
function showService(text) {
  $('service').textContent = text;
  serviceShown = '';
}

function fmt(v) {
  return isAmount(v) ? formatAmount(v, state.lang) : t(state.lang, 'not_available');
}

function renderBillCheck(bc) {
  const lang = state.lang;
  return el('section', { class: `bill verdict-${bc.verdict}`, 'aria-labelledby': 'bill-title' },
    el('h3', { id: 'bill-title', text: t(lang, 'bill_check') }),
    el('p', { class: 'verdict', dataset: { field: 'bill-verdict', value: bc.verdict } }, t(lang, `verdict_${bc.verdict}`)),
    el('dl', { class: 'amounts small' },
      amountRow('paid', 'paid', bc.paid),
      amountRow('supplement-charged', 'supplement_charged', bc.supplement_charged),
      amountRow('reimbursement-due', 'reimbursement', bc.reimbursement_due),
      amountRow('out-of-pocket', 'out_of_pocket', bc.out_of_pocket)),
    bc.reason ? el('p', { class: 'reason', text: bc.reason }) : null,
    bc.next_step ? el('p', { class: 'next-step', dataset: { field: 'bill-next-step' }, text: bc.next_step }) : null,
  );
}

function sourceLink(src) {
  if (!src) return null;
  const href = safeURL(src.url);
  const label = src.title || src.id;
  const node = href
    ? el('a', { href, rel: 'noopener noreferrer', target: '_blank', class: 'source' }, label)
    : el('span', { class: 'source' }, label);
  return node;
}

// explanationSection is the explanation's frame, filled by renderExplanation.
function explanationSection(lang) {
  return el('section', { class: 'explanation', 'aria-labelledby': 'why-title' }, explanationTitle(lang));
}

function explanationTitle(lang) {
  return el('h3', { id: 'why-title', text: t(lang, 'explanation') });
}

// renderExplanation fills the section with the answer's steps, notes and sources.
function renderExplanation(section, q) {
  const lang = state.lang;
  const steps = (q.explanation || []).map((s) =>
    el('li', { dataset: { key: s.key } },
      el('span', { class: 'step-text', text: s.text }),
      isAmount(s.amount) ? el('span', { class: 'step-amount' }, formatAmount(s.amount, lang)) : null,
      s.source ? el('span', { class: 'step-source' }, sourceLink(s.source)) : null,
      s.detail ? el('details', { class: 'step-detail' }, el('summary', { text: t(lang, 'details') }), el('span', { lang: 'en', text: s.detail })) : null),
  );
  section.replaceChildren(explanationTitle(lang), el('ol', { class: 'steps' }, steps));
  if ((q.notes || []).length) {
    section.append(el('h4', { text: t(lang, 'notes') }),
      el('ul', { class: 'notes' }, q.notes.map((n) => el('li', {}, n.text, ' ', n.source ? sourceLink(n.source) : null))));
  }
  if ((q.sources || []).length) {
    section.append(el('h4', { text: t(lang, 'sources') }),
      el('ul', { class: 'sources' }, q.sources.map((s) =>
        el('li', { dataset: { source: s.id } }, sourceLink(s), s.date ? ` (${s.date})` : '', s.eli ? ` — ${s.eli}` : ''))));
  }
}

// ---- doctor view: what may I charge this patient today -------------------------

// The statut social of the doctor's own status: the engine's rule (calc.StatutStatus, the
// answer's statut_social.status), through contract.js because the view shows it without an
// answer too (no service, no data) and for the training box, a page parameter the query
// does not carry; the amount is the year's (Honoraria.year).
const DOCTOR_DEFAULT = FIELDS.find((f) => f.name === 'doctor').default;

function doctorStatutKey() {
  const table = STATUT_STATUS[isOn(state.training) ? 'training' : 'regular'];
  return table[state.doctor] ?? table[DOCTOR_DEFAULT];
}

function yearFor(y) {
  const key = `${y}/${state.lang}`;
  if (!yearCache.has(key)) yearCache.set(key, Honoraria.year(y, state.lang));
  return yearCache.get(key);
}

function renderDoctorEmpty() {
  const panel = $('doctor-view');
  if (!isDoctorView()) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  $('doctor-body').replaceChildren(el('p', { class: 'hint', text: t(state.lang, state.code ? 'doctor_no_answer' : 'service_none') }), renderStatut());
}

function renderDoctor(query, q) {
  const panel = $('doctor-view');
  if (!isDoctorView()) {
    panel.hidden = true;
    return;
  }
  const lang = state.lang;
  const sup = q.supplement || {};
  const tp = q.third_party_payment || {};
  const allowed = sup.allowed === true;
  const row = (cls, label, ...value) => el('div', { class: `row ${cls || ''}` }, el('dt', { text: label }), el('dd', {}, ...value));

  const tpFrom = tp.mandatory ? tp.since : null;
  const tpParts = [
    el('strong', { dataset: { field: 'doctor-tp-mandatory', value: String(tp.mandatory === true) } },
      t(lang, tp.mandatory ? 'doctor_tp_mandatory' : 'doctor_tp_optional')),
    tpFrom ? el('span', { class: 'reason', dataset: { field: 'doctor-tp-from', value: tpFrom } }, t(lang, 'doctor_tp_since', { date: formatDate(tpFrom, lang) })) : null,
    tp.reason ? el('span', { class: 'reason', text: tp.reason }) : null,
  ];
  // For an ordinary patient, say whether a BIM patient would change this.
  if (!tp.mandatory && query.insured !== 'preferential') {
    const pref = Honoraria.quote({ ...query, insured: 'preferential', paid: undefined });
    const ptp = pref && !pref.error ? pref.third_party_payment || {} : {};
    if (ptp.mandatory) {
      const from = ptp.since;
      tpParts.push(el('span', { class: 'reason', dataset: { field: 'doctor-tp-preferential', value: 'true' } },
        t(lang, 'doctor_tp_if_preferential', { date: from ? formatDate(from, lang) : '—' })));
    }
  }

  const charge = allowed
    ? el('span', { dataset: { field: 'doctor-max-charge', value: 'fee+supplement' } }, t(lang, 'doctor_charge_open', { fee: fmt(q.fee) }))
    : isAmount(q.fee)
      ? el('span', { class: 'amount', dataset: { field: 'doctor-max-charge', value: q.fee } }, formatAmount(q.fee, lang))
      : el('span', { class: 'na', text: t(lang, 'not_available') });

  $('doctor-body').replaceChildren(
    (([official, ...translation]) => el('p', { class: 'service' }, `${q.service.code} — `, official, ` · ${formatDate(q.date, lang)}`, ...translation))(labelNodes(q.service, lang, q.label_translation)),
    el('dl', { class: 'amounts' },
      amountRow('doctor-fee', 'fee', q.fee),
      amountRow('doctor-reimbursement', 'reimbursement', q.reimbursement),
      amountRow('doctor-personal-share', 'personal-share', q.personal_share, 'share')),
    el('dl', { class: 'decisions' },
      row(allowed ? 'yes' : 'no', t(lang, 'supplement'),
        el('strong', { dataset: { field: 'doctor-supplement-allowed', value: String(allowed) } },
          t(lang, allowed ? 'doctor_supplement_allowed' : 'doctor_supplement_not_allowed')),
        sup.reason ? el('span', { class: 'reason', text: sup.reason }) : null,
        allowed ? el('span', { class: 'reason', text: t(lang, 'doctor_supplement_inform') }) : null),
      row('', t(lang, 'doctor_max_charge'), charge),
      row('', t(lang, 'tp'), ...tpParts),
      row('', t(lang, 'doctor_collect'),
        isAmount(q.pay_at_desk)
          ? el('span', { class: 'amount', dataset: { field: 'doctor-collect', value: q.pay_at_desk } }, formatAmount(q.pay_at_desk, lang))
          : el('span', { class: 'na', text: t(lang, 'not_available') }),
        el('span', { class: 'reason', text: t(lang, tp.mandatory || tp.applied ? 'doctor_collect_tp' : 'doctor_collect_full') })),
    ),
    renderStatut(),
  );
  panel.hidden = false;
}

// renderStatut: the year's statut social for the doctor's own convention status.
function renderStatut() {
  const lang = state.lang;
  const y = yearOf(state.date);
  const wrap = el('section', { class: 'statut', 'aria-labelledby': 'statut-title' },
    el('h3', { id: 'statut-title', text: t(lang, 'doctor_statut_title', { year: y ?? '' }) }));
  if (!y) return wrap;
  const status = doctorStatutKey();
  const yr = yearFor(y);
  const label = t(lang, `doctor_statut_for_${status}`);
  let value;
  if (status === 'none') {
    value = el('span', { dataset: { field: 'doctor-statut-social', value: 'none', status } }, t(lang, 'doctor_statut_none'));
  } else if (!yr || yr.error || !isAmount(yr.statut_social?.[status])) {
    value = el('span', { class: 'na', dataset: { field: 'doctor-statut-social', value: 'null', status } }, t(lang, 'not_available'));
  } else {
    value = el('span', { class: 'amount', dataset: { field: 'doctor-statut-social', value: yr.statut_social[status], status } }, formatAmount(yr.statut_social[status], lang));
  }
  wrap.append(el('dl', { class: 'amounts' }, el('div', { class: 'row' }, el('dt', { text: label }), el('dd', {}, value))),
    el('p', { class: 'hint', text: t(lang, 'doctor_statut_hint') }));
  return wrap;
}

// posterHref links the price poster with this page's language, date, doctor and service.
function posterHref() {
  const p = new URLSearchParams();
  p.set('lang', state.lang);
  if (state.code && /^\d{6}$/.test(state.code)) p.set('codes', state.code);
  if (/^\d{4}-\d{2}-\d{2}$/.test(state.date || '')) p.set('date', state.date);
  for (const name of ['insured', 'dmg', 'age', 'chronic', 'doctor']) if (state[name]) p.set(name, state[name]);
  return `poster.html?${p}`;
}

// ---- the year's amounts --------------------------------------------------------

function yearOf(date) {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(date || '');
  return m ? Number(m[1]) : null;
}

function renderYear() {
  const lang = state.lang;
  const y = yearOf(state.date);
  const panel = $('year');
  if (!y) {
    panel.hidden = true;
    return;
  }
  const yr = yearFor(y);
  panel.hidden = false;
  $('year-title').textContent = t(lang, 'year_title', { year: y });
  if (!yr || yr.error) {
    $('year-body').replaceChildren(el('p', { class: 'hint', text: yr?.error?.kind === 'no-data' ? t(lang, 'year_none', { year: y }) : yr?.error?.message || '' }));
    return;
  }
  const v = (s, kind) => {
    if (s === null || s === undefined) return el('span', { class: 'na', text: t(lang, 'not_available') });
    if (kind === 'pct' && isAmount(s)) return `${formatNumber(s, lang)} %`;
    if (kind === 'eur' && isAmount(s)) return el('span', { class: 'amount' }, formatAmount(s, lang));
    return String(s);
  };
  const ss = yr.statut_social || {};
  const ic = yr.income_clause_detail || {};
  const bim = yr.bim_income_ceiling_detail || {};
  const row = (label, ...value) => el('div', { class: 'row' }, el('dt', { text: label }), el('dd', {}, ...value));
  // The statut social is the doctors' own benefit: the doctor view shows it, the patient
  // view says where it is (issue 11.5).
  const doctor = isDoctorView();
  const statut = doctor ? [
    row(`${t(lang, 'statut_social')} — ${t(lang, 'statut_full')}`, v(ss.full, 'eur')),
    row(`${t(lang, 'statut_social')} — ${t(lang, 'statut_partial')}`, v(ss.partial, 'eur')),
    row(`${t(lang, 'statut_social')} — ${t(lang, 'statut_in_training')}`, v(ss.in_training, 'eur')),
  ] : [];
  statut.forEach((r, i) => { r.dataset.field = `year-statut-${['full', 'partial', 'in-training'][i]}`; });
  // Agreement names are written in French in the data: the same name in the reader's words.
  const years = /^Accord national médico-mutualiste ([\d–-]+)/.exec(yr.agreement || '');
  const agreement = years && lang !== 'fr' ? t(lang, 'agreement_name', { years: years[1] }) : yr.agreement;
  const status = yr.agreement_status ? t(lang, `agreement_status_${yr.agreement_status}`) : '';
  const body = el('dl', { class: 'year-params' },
    ...statut,
    row(t(lang, 'income_clause'), v(yr.income_clause, 'eur'),
      ic.per_dependant ? el('span', { class: 'reason' }, `+ ${formatAmount(ic.per_dependant, lang)} / ${t(lang, 'dependants').toLowerCase()}`) : null,
      ic.per_titulaire ? el('span', { class: 'reason' }, `${formatAmount(ic.per_titulaire, lang)} / ${t(lang, 'titulaires').toLowerCase()}`) : null),
    row(t(lang, 'indexation'), v(yr.indexation, 'pct'), indexationDetail(yr.indexation_detail, lang)),
    row(t(lang, 'bim_income_ceiling'), v(yr.bim_income_ceiling, 'eur'),
      bim.annual_per_dependant ? el('span', { class: 'reason' }, `+ ${formatAmount(bim.annual_per_dependant, lang)} / ${t(lang, 'dependants').toLowerCase()}`) : null),
    row(t(lang, 'agreement'), v(agreement), status ? el('span', { class: 'reason', dataset: { field: 'agreement-status', value: yr.agreement_status }, text: status }) : null),
  );
  const parts = [body];
  if (!doctor) parts.push(el('p', { class: 'hint', dataset: { field: 'year-statut-where' }, text: t(lang, 'year_statut_in_doctor_view') }));
  if ((yr.sources || []).length) {
    parts.push(el('details', { class: 'year-sources' }, el('summary', { text: t(lang, 'sources') }),
      el('ul', { class: 'sources' }, yr.sources.map((s) => el('li', {}, sourceLink(s), s.date ? ` (${s.date})` : '')))));
  }
  $('year-body').replaceChildren(...parts);
}

// indexationDetail: the data's note on the year's indexation is written in English only;
// other pages keep it behind "details", marked as English (issue 11.3).
function indexationDetail(text, lang) {
  if (!text) return null;
  if (lang === 'en') return el('span', { class: 'reason', dataset: { field: 'indexation-detail' }, text });
  return el('details', { class: 'step-detail', dataset: { field: 'indexation-detail' } },
    el('summary', { text: t(lang, 'details') }), el('span', { class: 'reason', lang: 'en', text }));
}

// ---- compare scenarios ----------------------------------------------------------
// What is compared is the page's choice (compare.js): patients, doctors, the GP's
// referral, or the user's own cases; the columns are computed after the main result.

// renderCompareControls: the kind select, its intro and (custom) the cases' editor.
function renderCompareControls(focusId) {
  const lang = state.lang;
  const kind = kindOf(state.compare);
  $('compare-kind').value = kind;
  $('compare-intro').textContent = t(lang, kind === 'patient' ? 'compare_intro' : `compare_intro_${kind}`);
  const box = $('compare-custom');
  box.hidden = kind !== 'custom';
  if (kind !== 'custom') {
    box.replaceChildren();
    return;
  }
  if (!compareMod) {
    loadPanels().then(() => renderCompareControls(focusId), () => {});
    return;
  }
  const { renderEditor, parseCols, colsText } = compareMod;
  box.replaceChildren(...renderEditor(parseCols(state.cols), lang, (cols, opts) => {
    state.cols = colsText(cols);
    writeURL();
    if (opts) renderCompareControls(opts.focus);
    if (globalThis.Honoraria?.quote) compute({});
  }));
  if (focusId) $(focusId)?.focus();
}

// renderCompare lays out the engine's comparison (Honoraria.compare); a case the engine
// refuses (an age out of range in the URL's cases) is said under the empty table.
function renderCompare(query) {
  const { compare, parseCols, renderTable, renderWhy } = compareMod;
  const lang = state.lang;
  const kind = kindOf(state.compare);
  const cmp = compare(kind, query, parseCols(state.cols));
  const show = (c) => {
    $('compare-body').replaceChildren(renderTable(c.columns || [], lang));
    $('compare-why').replaceChildren(...(c.error ? [el('p', { class: 'why why-error', dataset: { why: 'error' } }, c.error.message)] : renderWhy(c.differences)));
    $('compare').dataset.kind = kind;
    $('compare').hidden = false;
  };
  // The code's part is loaded (the main answer came first): the answer is at once; should
  // it be a promise, a newer input makes it stale.
  const gen = generation;
  if (typeof cmp?.then === 'function') cmp.then((c) => gen === generation && show(c));
  else show(cmp);
}

// ---- history ----------------------------------------------------------------------

function renderHistoryPanel(query) {
  const years = (meta?.years || []).map(Number).filter(Boolean);
  const md = (query.date || '').slice(5) === '02-29' ? '02-28' : (query.date || '').slice(5);
  const points = years.map((y) => {
    const r = Honoraria.quote({ ...query, date: `${y}-${md}`, paid: undefined });
    const yr = yearCache.get(`${y}/${state.lang}`) ?? Honoraria.year(y, state.lang);
    yearCache.set(`${y}/${state.lang}`, yr);
    return {
      year: y,
      fee: r && !r.error ? r.fee : null,
      reimbursement: r && !r.error ? r.reimbursement : null,
      share: r && !r.error ? r.personal_share : null,
      indexation: yr && !yr.error ? yr.indexation : null,
    };
  });
  const withData = points.filter((p) => p.fee !== null).length;
  if (withData < 2) {
    $('history').hidden = true;
    return;
  }
  $('history-body').replaceChildren(historyMod.renderHistory(points, {
    lang: state.lang,
    caption: t(state.lang, 'history_caption', { code: query.code, day: formatDay(md) }),
    labels: { fee: t(state.lang, 'fee'), reimbursement: t(state.lang, 'reimbursement'), share: t(state.lang, 'personal-share'), year: t(state.lang, 'year'), indexation: t(state.lang, 'indexation') },
  }));
  $('history').hidden = false;
}

function formatDay(md) {
  const s = formatDate(`2001-${md}`, state.lang);
  return s.replace(/\s*2001\s*/, '').trim();
}

// ---- footer, sharing, offline, embedding ---------------------------------------------

function renderFooter() {
  if (!meta) return;
  $('data-info').textContent = t(state.lang, 'data_footer', { checksum: meta.checksum, date: meta.data_date });
  $('data-info').dataset.checksum = meta.checksum;
  $('data-info').dataset.dataDate = meta.data_date;
}

async function copyLink() {
  writeURLNow();
  try {
    await navigator.clipboard.writeText(location.href);
    $('copy-status').textContent = t(state.lang, 'copied');
  } catch {
    $('copy-status').textContent = location.href;
  }
}

// registerServiceWorker waits for the page's load event: the worker's install fetches
// the whole app, which must not compete with the first result (issue 12.1).
function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || embedded) return;
  const register = () => navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => {});
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}

// In an iframe (?embed=1) the page tells its host its height and each result,
// and accepts a theme (CSS custom properties). Message format: see embed.html.
const THEME_VARS = new Set(['--hon-font', '--hon-text', '--hon-muted', '--hon-bg', '--hon-surface', '--hon-border',
  '--hon-accent', '--hon-accent-text', '--hon-ok', '--hon-bad', '--hon-focus', '--hon-radius']);
const SAFE_VALUE = /^[#(),.%\w\s"'-]{1,120}$/;

function startEmbedMessages() {
  if (window.parent === window) return;
  // The content's height, not the document's: the document is at least as tall as
  // the frame, so measuring it would let the frame grow but never shrink (issue 11.6).
  const height = () => {
    const cs = getComputedStyle(document.body);
    return Math.ceil(document.body.getBoundingClientRect().height + parseFloat(cs.marginTop) + parseFloat(cs.marginBottom));
  };
  let sent = 0;
  const send = () => {
    const h = height();
    if (h === sent) return;
    sent = h;
    window.parent.postMessage({ type: 'honoraria:resize', height: h }, '*');
  };
  new ResizeObserver(send).observe(document.body);
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent || !e.data || e.data.type !== 'honoraria:theme') return;
    for (const [name, value] of Object.entries(e.data.vars || {})) {
      // CSSOM, not a style attribute: allowed by the style-src 'self' policy.
      if (THEME_VARS.has(name) && typeof value === 'string' && SAFE_VALUE.test(value)) {
        document.documentElement.style.setProperty(name, value);
      }
    }
  });
  window.parent.postMessage({ type: 'honoraria:ready' }, '*');
  send();
}

function postResult(res) {
  if (!embedded || window.parent === window) return;
  window.parent.postMessage({ type: 'honoraria:result', query: toQuery(state), result: res }, '*');
}

// Re-render the footer in the new language too.
$('lang').addEventListener('change', renderFooter);
