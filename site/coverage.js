// The coverage page (issue 6.3–6.4): what the bundled data covers, read from
// the output of `honoraria coverage --json` for the same data folder the build
// splits for the calculator (scripts/bundle -split), cut the same way (issue 10):
// data/coverage.json (summary: years, parameters, conflicts, the parts) and
// data/coverage-PART.json (the codes of one part). The page shows one part at a
// time — a choice of code prefix and a filter by code or words — never the
// 10,000 codes of the whole nomenclature at once. For each code
// and year: the kind of source behind the fee, the reimbursements and the
// personal shares; the conflicts between sources; the years with no data; when
// each year's sources were last verified. No engine on this page: it only
// reads the JSON. Text is set with textContent only (dom.js).
//
// URL state: ?lang=fr|nl|de|en&part=PREFIX&q=FILTER

import { LANGS, pickLang, t, lookup, fill } from './i18n.js';
import { CATEGORIES } from './contract.js';
import { serviceLabel, labelNodes } from './suggest.js';
import { formatDate, formatAmount } from './format.js';
import { el, replaceSearch } from './dom.js';

const dataURL = (file) => new URL(`./data/${file}?v=__DATA_VERSION__`, import.meta.url);
const $ = (id) => document.getElementById(id);

// Every kind a figure can have, most authoritative first (calc.Kinds); coverage.json's
// own "kinds" list wins when present.
const KINDS = ['official', 'agreement', 'insurer', 'union', 'press', 'other', 'rule', 'none'];

// ct: this page's own words (coverage.* in data/messages.csv), else the calculator's.
export function ct(lang, key, vars) {
  const s = lookup(lang, ['coverage.'], key);
  return s === undefined ? t(lang, key, vars) : fill(s, vars);
}

const params = new URLSearchParams(location.search);
let lang = LANGS.includes(params.get('lang')) ? params.get('lang') : pickLang(navigator.languages);
let report = null;

init();

async function init() {
  applyStrings();
  $('lang').addEventListener('change', () => {
    lang = $('lang').value;
    const p = new URLSearchParams(location.search);
    p.set('lang', lang);
    replaceSearch(`?${p}`);
    applyStrings();
    if (report?.codes) render(report);
  });
  try {
    report = await fetchJSON('coverage.json');
    if (!report || !Array.isArray(report.parts)) throw new Error('coverage.json: not a coverage report');
    const wanted = params.get('part');
    const filter = params.get('q') || '';
    $('cov-filter').value = filter;
    await showPart(report.parts.includes(wanted) ? wanted : partFor(filter) || report.parts[0]);
  } catch (err) {
    const boot = $('boot');
    boot.classList.add('failed');
    boot.setAttribute('role', 'alert');
    boot.textContent = ct(lang, 'cov_failed');
    boot.dataset.error = String(err?.message ?? err);
    document.body.classList.add('load-failed');
    return;
  }
  $('cov-part').addEventListener('change', () => showPart($('cov-part').value).catch(() => {}));
  $('cov-filter').addEventListener('input', () => {
    const part = partFor($('cov-filter').value);
    if (part && part !== shownPart) showPart(part).catch(() => {});
    else applyFilter();
    writeURL();
  });
  $('boot').hidden = true;
  $('coverage').hidden = false;
  document.body.classList.add('ready');
}

async function fetchJSON(file) {
  const res = await fetch(dataURL(file));
  if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
  return res.json();
}

// The parts are named by the first digits of their codes (all the same length), or
// "all" when the data is small enough for one.
let shownPart = null;
const partCache = new Map();

// partFor names the part a typed code prefix falls in, when it is long enough to tell.
function partFor(text) {
  const digits = /^\s*(\d+)/.exec(text || '')?.[1];
  if (!digits || !report) return null;
  return report.parts.find((p) => p !== 'all' && digits.startsWith(p)) ?? null;
}

async function showPart(part) {
  if (!partCache.has(part)) partCache.set(part, fetchJSON(`coverage-${part}.json`).catch((err) => { partCache.delete(part); throw err; }));
  const { codes } = await partCache.get(part);
  shownPart = part;
  report.codes = codes;
  writeURL();
  render(report);
}

function writeURL() {
  const p = new URLSearchParams(location.search);
  p.set('lang', lang);
  if (report && report.parts.length > 1 && shownPart) p.set('part', shownPart);
  const q = $('cov-filter').value.trim();
  if (q) p.set('q', q);
  else p.delete('q');
  replaceSearch(`?${p}`);
}

// applyFilter shows the services of the part whose code starts with the filter's digits
// or whose label holds every word of it.
function applyFilter() {
  const words = fold($('cov-filter').value).split(/\s+/).filter(Boolean);
  let n = 0;
  for (const body of document.querySelectorAll('#cov-table tbody[data-code]')) {
    const hay = body.dataset.hay;
    const show = words.every((w) => body.dataset.code.startsWith(w) || hay.includes(w));
    body.hidden = !show;
    if (show) n++;
  }
  $('cov-shown').textContent = ct(lang, 'cov_shown', { n, total: report.n_codes ?? report.codes.length });
}

function fold(s) {
  return String(s || '').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function renderControls(r) {
  const select = $('cov-part');
  $('cov-part-row').hidden = r.parts.length < 2;
  select.replaceChildren(...r.parts.map((p) => el('option', { value: p }, p === 'all' ? ct(lang, 'cov_all') : `${p}…`)));
  select.value = shownPart;
}

function applyStrings() {
  document.documentElement.lang = lang;
  document.title = ct(lang, 'cov_title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = ct(lang, node.dataset.i18n);
  $('lang').value = lang;
  const home = `./?lang=${encodeURIComponent(lang)}`;
  $('home-link').href = home;
  $('calc-link').href = home;
}

// The service's label in the page's language: Dutch for nl, else French (the data
// has FR and NL labels only).
export function label(c) {
  return serviceLabel(c, lang);
}

function date(s) {
  return /^\d{4}-\d{2}-\d{2}$/.test(s || '') ? formatDate(s, lang) : String(s ?? '');
}

function period(from, to) {
  return ct(lang, 'cov_row', { from: date(from), to: to && !to.startsWith('2999') ? date(to) : ct(lang, 'cov_open') });
}

// kindCell renders "insurer+rule" as badges, each with its words (never colour alone).
function kindBadges(value) {
  const parts = String(value || 'none').split('+');
  return parts.flatMap((k, i) => [
    i ? el('span', { class: 'plus', 'aria-hidden': 'true' }, ' + ') : null,
    el('span', { class: `kind kind-${KINDS.includes(k) ? k : 'other'}`, dataset: { kind: k } }, ct(lang, `cov_kind_${k}`) === `cov_kind_${k}` ? k : ct(lang, `cov_kind_${k}`)),
  ]);
}

function render(r) {
  renderSummary(r);
  renderLegend(r);
  renderControls(r);
  renderCodes(r);
  renderConflicts(r);
  renderYears(r);
  applyFilter();
}

function yearList(list) {
  return list && list.length ? list.join(', ') : ct(lang, 'cov_none_missing');
}

function renderSummary(r) {
  const verified = (r.year_parameters || []).map((y) => y.verified).filter(Boolean).sort();
  const row = (key, ...value) => el('div', { class: 'row' }, el('dt', { text: ct(lang, key) }), el('dd', {}, ...value));
  $('cov-summary').replaceChildren(
    row('cov_period', `${r.first_year} – ${r.last_year}`),
    row('cov_n_codes', String(r.n_codes ?? r.codes.length)),
    row('cov_years_without_tariffs', el('span', { dataset: { field: 'years-without-tariffs', value: (r.years_without_tariffs || []).join(',') } }, yearList(r.years_without_tariffs))),
    row('cov_years_without_params', yearList(r.years_without_parameters)),
    row('cov_latest_verified', verified.length
      ? el('span', { dataset: { field: 'latest-verified', value: verified.at(-1) } }, date(verified.at(-1)))
      : ct(lang, 'cov_not_recorded')),
    row('cov_checksum', el('a', { href: `./?lang=${encodeURIComponent(lang)}#data-info` }, ct(lang, 'cov_checksum_link'))),
  );
}

function renderLegend(r) {
  const kinds = Array.isArray(r.kinds) && r.kinds.length ? r.kinds : KINDS;
  $('cov-legend').replaceChildren(...kinds.map((k) =>
    el('div', { class: 'row' }, el('dt', {}, kindBadges(k)), el('dd', { text: ct(lang, `cov_kind_${k}_desc`) }))));
}

function renderCodes(r) {
  const H = (id, text, attrs = {}) => el('th', { id, ...attrs }, text);
  const catHead = (group) => CATEGORIES.map((c) => H(`h-${group}-${c}`, t(lang, `scenario_${c}`), { scope: 'col', class: 'cat' }));
  const thead = el('thead', {},
    el('tr', {},
      H('h-code', ct(lang, 'cov_code'), { scope: 'col', rowspan: 2 }),
      H('h-year', ct(lang, 'cov_year'), { scope: 'col', rowspan: 2 }),
      H('h-fee', ct(lang, 'cov_fee'), { scope: 'col', rowspan: 2 }),
      H('h-reimbursement', ct(lang, 'cov_reimbursement'), { scope: 'colgroup', colspan: 4, class: 'group' }),
      H('h-share', ct(lang, 'cov_share'), { scope: 'colgroup', colspan: 4, class: 'group' }),
      H('h-remarks', ct(lang, 'cov_remarks'), { scope: 'col', rowspan: 2 })),
    el('tr', {}, catHead('reimbursement'), catHead('share')));

  const bodies = r.codes.map((c) => {
    const codeID = `c-${c.code}`;
    const years = c.years || [];
    return el('tbody', { dataset: { code: c.code, hay: fold(`${c.label_fr || ''} ${c.label_nl || ''} ${c.label_translations?.[lang]?.label || ''}`) } }, years.map((y, i) => {
      const yearID = `c-${c.code}-${y.year}`;
      const hdr = (...cols) => [codeID, yearID, ...cols].join(' ');
      const none = y.fee === 'none' && !(y.rows || []).length;
      const cells = [];
      if (i === 0) {
        cells.push(el('th', { id: codeID, scope: 'rowgroup', rowspan: years.length, class: 'code-cell', headers: 'h-code' },
          el('span', { class: 'code' }, c.code), el('span', { class: 'label' }, ...labelNodes(c, lang, c.label_translations?.[lang]))));
      }
      cells.push(el('th', { id: yearID, scope: 'row', class: 'year-cell', headers: `h-year ${codeID}` }, String(y.year)));
      cells.push(el('td', { headers: hdr('h-fee'), dataset: { part: 'fee', kind: y.fee } }, kindBadges(y.fee)));
      for (const [group, obj] of [['reimbursement', y.reimbursement], ['share', y.personal_share]]) {
        for (const cat of CATEGORIES) {
          cells.push(el('td', { headers: hdr(`h-${group}`, `h-${group}-${cat}`), dataset: { part: `${group}-${cat}`, kind: obj?.[cat] ?? 'none' } }, kindBadges(obj?.[cat])));
        }
      }
      const remarks = [];
      if (none) remarks.push(el('p', { text: ct(lang, 'cov_no_rows') }));
      else if (y.partial) remarks.push(el('p', { class: 'partial', text: ct(lang, 'cov_partial') }));
      if ((y.rows || []).length) {
        remarks.push(el('ul', { class: 'rows' }, y.rows.map((row) => el('li', {},
          period(row.valid_from, row.valid_to),
          row.band ? ` · ${ct(lang, 'cov_band', { band: row.band })}` : '',
          (row.sources || []).length ? ` · ${row.sources.join(', ')}` : '',
          el('span', { class: 'where' }, ` (${row.file}:${row.line})`)))));
      }
      cells.push(el('td', { headers: hdr('h-remarks'), class: 'remarks' }, remarks));
      return el('tr', { dataset: { code: c.code, year: y.year, status: none ? 'none' : y.partial ? 'partial' : 'data' }, class: none ? 'no-data' : null }, cells);
    }));
  });

  const table = el('table', { class: 'cov-table', id: 'cov-table' },
    el('caption', { text: ct(lang, 'cov_caption') }), thead, ...bodies);
  // A focusable scroll region (keyboard users can scroll the wide table on a phone).
  $('cov-codes').replaceChildren(el('div', { class: 'table-wrap cov-wrap', tabindex: '0', role: 'region', 'aria-label': ct(lang, 'cov_caption') }, table));
}

// conflictField names the column a conflict is about (fee, reimb_CATEGORY, value).
function conflictField(field) {
  if (field === 'fee') return ct(lang, 'cov_fee');
  const cat = field.startsWith('reimb_') ? field.slice(6) : null;
  if (cat && CATEGORIES.includes(cat)) return `${ct(lang, 'cov_reimbursement')} (${t(lang, `scenario_${cat}`)})`;
  return ct(lang, 'cov_value');
}

function renderConflicts(r) {
  const list = r.conflicts || [];
  if (!list.length) {
    $('cov-conflicts').replaceChildren(el('p', { text: ct(lang, 'cov_no_conflicts') }));
    return;
  }
  const byCode = new Map(r.codes.map((c) => [c.code, c]));
  const row = (key, ...value) => el('div', { class: 'row' }, el('dt', { text: ct(lang, key) }), el('dd', {}, ...value));
  $('cov-conflicts').replaceChildren(el('ul', { class: 'conflicts' }, list.map((x) => {
    const code = byCode.get(x.subject);
    return el('li', { class: 'conflict', dataset: { subject: x.subject } },
      el('h3', {}, code ? `${x.subject} — ${label(code)}` : x.subject),
      el('dl', {},
        row('cov_conflict_on', el('span', { dataset: { field: 'conflict-field', value: x.field } }, conflictField(x.field)), ` — ${formatDate(x.date, lang)}`),
        row('cov_kept', el('span', { dataset: { field: 'kept', value: x.kept } }, formatAmount(x.kept, lang)), ` (${(x.kept_sources || []).join(', ')})`),
        row('cov_other', el('span', { dataset: { field: 'other', value: x.other } }, formatAmount(x.other, lang)), ` (${(x.other_sources || []).join(', ')})`),
        // The data's notes are written in English only: other pages keep them behind "details".
        row('cov_note', lang === 'en' ? el('span', { class: 'note', text: x.note || '' })
          : el('details', {}, el('summary', { text: t(lang, 'details') }), el('span', { class: 'note', lang: 'en', text: x.note || '' }))),
        row('cov_where', `${x.file}:${x.line}`)));
  })));
}

function paramName(name) {
  const base = name.split('.')[0];
  const known = { statut_social: 'statut_social', income_clause: 'income_clause', indexation: 'indexation', agreement: 'agreement', bim_ceiling: 'bim_income_ceiling' }[base];
  return known ? t(lang, known) : null;
}

function renderYears(r) {
  const params = new Map((r.year_parameters || []).map((y) => [String(y.year), y]));
  const noTariffs = new Set((r.years_without_tariffs || []).map(String));
  const years = [...new Set([...(r.years || []), ...params.keys(), ...noTariffs].map(String))].sort();
  // Codes with tariff rows per year: counted at build time over every part.
  const counts = new Map(Object.entries(r.codes_per_year || {}));
  const table = el('table', { class: 'cov-years' },
    el('caption', { text: ct(lang, 'cov_years_caption') }),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', text: ct(lang, 'cov_year') }),
      el('th', { scope: 'col', text: ct(lang, 'cov_verified') }),
      el('th', { scope: 'col', text: ct(lang, 'cov_tariffs') }),
      el('th', { scope: 'col', text: ct(lang, 'cov_params') }))),
    el('tbody', {}, years.map((y) => {
      const yp = params.get(y);
      const n = counts.get(y) || 0;
      const names = Object.entries(yp?.parameters || {}).sort(([a], [b]) => a.localeCompare(b));
      return el('tr', { dataset: { year: y } },
        el('th', { scope: 'row', text: y }),
        el('td', { dataset: { field: 'verified', value: yp?.verified ?? null } }, yp?.verified ? date(yp.verified) : ct(lang, 'cov_not_recorded')),
        el('td', { dataset: { tariffs: String(n) } }, noTariffs.has(y) || !n ? kindBadges('none') : ct(lang, 'cov_tariffs_yes', { n })),
        el('td', { class: 'params' }, names.length
          ? el('ul', {}, names.map(([name, kind]) => {
            const words = paramName(name);
            return el('li', {}, el('code', {}, name), words ? el('span', { class: 'param-words' }, ` (${words})`) : null, ' ', kindBadges(kind));
          }))
          : kindBadges('none')));
    })));
  $('cov-years').replaceChildren(el('div', { class: 'table-wrap cov-wrap', tabindex: '0', role: 'region', 'aria-label': ct(lang, 'cov_years_caption') }, table));
}
