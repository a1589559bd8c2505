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

import { LANGS, pickLang, t } from './i18n.js?v=__VERSION__';
import { formatDate } from './format.js?v=__VERSION__';
import { el } from './dom.js?v=__VERSION__';

const dataURL = (file) => new URL(`./data/${file}?v=__VERSION__`, import.meta.url);
const $ = (id) => document.getElementById(id);

// The categories of the official tables, in their order (calc.Categories).
const CATEGORIES = ['ordinary', 'ordinary_dmg', 'preferential', 'preferential_dmg'];
const CATEGORY_KEY = {
  ordinary: 'scenario_ordinary', ordinary_dmg: 'scenario_ordinary_dmg',
  preferential: 'scenario_preferential', preferential_dmg: 'scenario_preferential_dmg',
};
// Every kind a figure can have, most authoritative first (calc.Kinds); coverage.json's
// own "kinds" list wins when present.
const KINDS = ['official', 'agreement', 'insurer', 'union', 'press', 'other', 'rule', 'none'];

// This page's own words; the shared ones (app_name, tagline, language, disclaimer,
// scenario_*, statut_social …) come from i18n.js.
const STRINGS = {
  en: {
    cov_title: 'Data coverage — Honoraria',
    cov_part: 'Codes starting with',
    cov_filter: 'Filter (code or words)',
    cov_shown: '{n} of {total} services shown',
    cov_all: 'all',
    cov_skip: 'Skip to the table',
    cov_heading: 'What the data covers',
    cov_intro: 'For each service and year in the bundled data: where the fee, the reimbursements and the personal shares come from — an official table, an insurer’s table, a doctors’ union, the press, an agreement text, or a rule — and where there is no data at all.',
    cov_intro_note: 'Where there is no data the calculator answers “no data”: it never estimates an amount.',
    cov_loading: 'Loading the coverage report…',
    cov_failed: 'The coverage report (coverage.json) could not be loaded. Reload the page; the same report comes from the command line: honoraria coverage.',
    cov_summary: 'In short',
    cov_period: 'Years in the data',
    cov_n_codes: 'Services',
    cov_years_without_tariffs: 'Years with no tariff data',
    cov_years_without_params: 'Years with no year parameter',
    cov_none_missing: 'none',
    cov_latest_verified: 'Sources last verified',
    cov_checksum: 'Data checksum',
    cov_checksum_link: 'shown at the bottom of the calculator page',
    cov_legend: 'Legend: where each figure comes from',
    cov_codes: 'By service and year',
    cov_codes_hint: 'Each cell names the kind of source; “+” joins several sources in one year. On a narrow screen the table scrolls sideways.',
    cov_caption: 'Source of the fee, the reimbursements and the personal shares, by service and year',
    cov_code: 'Service',
    cov_year: 'Year',
    cov_fee: 'Fee',
    cov_reimbursement: 'Reimbursement',
    cov_share: 'Personal share',
    cov_remarks: 'Periods and sources',
    cov_partial: 'Part of the year only: the other days have no data.',
    cov_no_rows: 'No tariff row this year.',
    cov_row: '{from} to {to}',
    cov_open: 'open',
    cov_band: 'age band {band}',
    cov_conflicts: 'Sources that disagree',
    cov_conflicts_hint: 'Where sources give different figures, the data keeps the official or coded one and records the other here.',
    cov_no_conflicts: 'No conflict recorded.',
    cov_subject: 'Subject',
    cov_period_of: 'Valid',
    cov_note: 'Note',
    cov_sources: 'Sources',
    cov_where: 'Data file',
    cov_years: 'Years: parameters and freshness of the sources',
    cov_years_hint: 'Each year’s data file records when its sources were last verified.',
    cov_years_caption: 'Year parameters, tariff data and the date the sources were last verified, by year',
    cov_verified: 'Sources verified',
    cov_not_recorded: 'not recorded',
    cov_tariffs: 'Tariff data',
    cov_tariffs_yes: '{n} services',
    cov_params: 'Year parameters and their source',
    cov_back: 'Back to the calculator',
    cov_checksum_hint: 'The checksum and date of the data that answers are shown at the bottom of the calculator page.',
    cov_kind_official: 'Official table',
    cov_kind_agreement: 'Agreement text',
    cov_kind_insurer: 'Insurer’s table',
    cov_kind_union: 'Doctors’ union',
    cov_kind_press: 'Press',
    cov_kind_other: 'Other source',
    cov_kind_rule: 'Rule',
    cov_kind_none: 'No data',
    cov_kind_official_desc: 'INAMI/RIZIV tariff table or official publication (Belgian Official Gazette, INAMI circular).',
    cov_kind_agreement_desc: 'Text of the national agreement between doctors and health insurers.',
    cov_kind_insurer_desc: 'Tariff table published by a health insurer (mutualité / ziekenfonds).',
    cov_kind_union_desc: 'Figure published by a doctors’ union or association.',
    cov_kind_press_desc: 'Figure reported by the medical or general press.',
    cov_kind_other_desc: 'Another published source, named with the figure.',
    cov_kind_rule_desc: 'Derived from a rule in force (e.g. a fixed personal share), not from a published amount.',
    cov_kind_none_desc: 'No sourced figure: the calculator answers “no data”.',
  },
  fr: {
    cov_title: 'Couverture des données — Honoraria',
    cov_part: 'Codes commençant par',
    cov_filter: 'Filtrer (code ou mots)',
    cov_shown: '{n} prestations affichées sur {total}',
    cov_all: 'toutes',
    cov_skip: 'Aller au tableau',
    cov_heading: 'Ce que couvrent les données',
    cov_intro: 'Pour chaque prestation et chaque année des données fournies : d’où viennent l’honoraire, les remboursements et les tickets modérateurs — tableau officiel, tableau d’une mutualité, syndicat médical, presse, texte de l’accord ou règle — et où il n’y a aucune donnée.',
    cov_intro_note: 'Sans données, le calculateur répond « pas de données » : il n’estime jamais un montant.',
    cov_loading: 'Chargement du rapport de couverture…',
    cov_failed: 'Le rapport de couverture (coverage.json) n’a pas pu être chargé. Rechargez la page ; la ligne de commande donne le même rapport : honoraria coverage.',
    cov_summary: 'En bref',
    cov_period: 'Années couvertes',
    cov_n_codes: 'Prestations',
    cov_years_without_tariffs: 'Années sans données tarifaires',
    cov_years_without_params: 'Années sans paramètre annuel',
    cov_none_missing: 'aucune',
    cov_latest_verified: 'Sources vérifiées pour la dernière fois',
    cov_checksum: 'Somme de contrôle des données',
    cov_checksum_link: 'affichée au bas de la page du calculateur',
    cov_legend: 'Légende : d’où vient chaque montant',
    cov_codes: 'Par prestation et par année',
    cov_codes_hint: 'Chaque case indique le type de source ; « + » relie plusieurs sources dans la même année. Sur un petit écran, le tableau défile horizontalement.',
    cov_caption: 'Source de l’honoraire, des remboursements et des tickets modérateurs, par prestation et par année',
    cov_code: 'Prestation',
    cov_year: 'Année',
    cov_fee: 'Honoraire',
    cov_reimbursement: 'Remboursement',
    cov_share: 'Ticket modérateur',
    cov_remarks: 'Périodes et sources',
    cov_partial: 'Une partie de l’année seulement : les autres jours n’ont pas de données.',
    cov_no_rows: 'Aucune ligne tarifaire cette année.',
    cov_row: 'du {from} au {to}',
    cov_open: 'sans fin',
    cov_band: 'tranche d’âge {band}',
    cov_conflicts: 'Sources en désaccord',
    cov_conflicts_hint: 'Quand des sources donnent des montants différents, les données gardent le montant officiel ou codé et notent l’autre ici.',
    cov_no_conflicts: 'Aucun désaccord noté.',
    cov_subject: 'Objet',
    cov_period_of: 'Validité',
    cov_note: 'Note',
    cov_sources: 'Sources',
    cov_where: 'Fichier de données',
    cov_years: 'Années : paramètres et fraîcheur des sources',
    cov_years_hint: 'Le fichier de chaque année indique quand ses sources ont été vérifiées pour la dernière fois.',
    cov_years_caption: 'Paramètres annuels, données tarifaires et date de la dernière vérification des sources, par année',
    cov_verified: 'Sources vérifiées le',
    cov_not_recorded: 'non indiqué',
    cov_tariffs: 'Données tarifaires',
    cov_tariffs_yes: '{n} prestations',
    cov_params: 'Paramètres de l’année et leur source',
    cov_back: 'Retour au calculateur',
    cov_checksum_hint: 'La somme de contrôle et la date des données qui répondent sont affichées au bas de la page du calculateur.',
    cov_kind_official: 'Tableau officiel',
    cov_kind_agreement: 'Texte de l’accord',
    cov_kind_insurer: 'Tableau d’une mutualité',
    cov_kind_union: 'Syndicat médical',
    cov_kind_press: 'Presse',
    cov_kind_other: 'Autre source',
    cov_kind_rule: 'Règle',
    cov_kind_none: 'Pas de données',
    cov_kind_official_desc: 'Tableau tarifaire de l’INAMI ou publication officielle (Moniteur belge, circulaire de l’INAMI).',
    cov_kind_agreement_desc: 'Texte de l’accord national médico-mutualiste.',
    cov_kind_insurer_desc: 'Tableau tarifaire publié par une mutualité.',
    cov_kind_union_desc: 'Montant publié par un syndicat ou une association de médecins.',
    cov_kind_press_desc: 'Montant rapporté par la presse médicale ou générale.',
    cov_kind_other_desc: 'Une autre source publiée, citée avec le montant.',
    cov_kind_rule_desc: 'Déduit d’une règle en vigueur (p. ex. un ticket modérateur fixe), pas d’un montant publié.',
    cov_kind_none_desc: 'Aucun montant sourcé : le calculateur répond « pas de données ».',
  },
  nl: {
    cov_title: 'Dekking van de gegevens — Honoraria',
    cov_part: 'Codes die beginnen met',
    cov_filter: 'Filteren (code of woorden)',
    cov_shown: '{n} van {total} prestaties getoond',
    cov_all: 'alle',
    cov_skip: 'Naar de tabel',
    cov_heading: 'Wat de gegevens dekken',
    cov_intro: 'Voor elke prestatie en elk jaar in de meegeleverde gegevens: waar het honorarium, de terugbetalingen en het remgeld vandaan komen — een officiële tabel, een tabel van een ziekenfonds, een artsensyndicaat, de pers, de tekst van het akkoord of een regel — en waar er helemaal geen gegevens zijn.',
    cov_intro_note: 'Zonder gegevens antwoordt de rekenhulp “geen gegevens”: ze schat nooit een bedrag.',
    cov_loading: 'Het dekkingsrapport wordt geladen…',
    cov_failed: 'Het dekkingsrapport (coverage.json) kon niet worden geladen. Laad de pagina opnieuw; de opdrachtregel geeft hetzelfde rapport: honoraria coverage.',
    cov_summary: 'Kort',
    cov_period: 'Jaren in de gegevens',
    cov_n_codes: 'Prestaties',
    cov_years_without_tariffs: 'Jaren zonder tariefgegevens',
    cov_years_without_params: 'Jaren zonder jaarparameter',
    cov_none_missing: 'geen',
    cov_latest_verified: 'Bronnen laatst gecontroleerd',
    cov_checksum: 'Controlesom van de gegevens',
    cov_checksum_link: 'onderaan de pagina van de rekenhulp',
    cov_legend: 'Legende: waar elk bedrag vandaan komt',
    cov_codes: 'Per prestatie en per jaar',
    cov_codes_hint: 'Elke cel noemt het soort bron; “+” verbindt meerdere bronnen in hetzelfde jaar. Op een smal scherm schuift de tabel horizontaal.',
    cov_caption: 'Bron van het honorarium, de terugbetalingen en het remgeld, per prestatie en per jaar',
    cov_code: 'Prestatie',
    cov_year: 'Jaar',
    cov_fee: 'Honorarium',
    cov_reimbursement: 'Terugbetaling',
    cov_share: 'Remgeld',
    cov_remarks: 'Periodes en bronnen',
    cov_partial: 'Slechts een deel van het jaar: de andere dagen hebben geen gegevens.',
    cov_no_rows: 'Geen tariefregel dit jaar.',
    cov_row: '{from} tot {to}',
    cov_open: 'zonder einde',
    cov_band: 'leeftijdsgroep {band}',
    cov_conflicts: 'Bronnen die elkaar tegenspreken',
    cov_conflicts_hint: 'Waar bronnen verschillende bedragen geven, houden de gegevens het officiële of gecodeerde bedrag en noteren ze het andere hier.',
    cov_no_conflicts: 'Geen tegenstrijdigheid genoteerd.',
    cov_subject: 'Onderwerp',
    cov_period_of: 'Geldig',
    cov_note: 'Opmerking',
    cov_sources: 'Bronnen',
    cov_where: 'Gegevensbestand',
    cov_years: 'Jaren: parameters en actualiteit van de bronnen',
    cov_years_hint: 'Het bestand van elk jaar vermeldt wanneer de bronnen voor het laatst gecontroleerd werden.',
    cov_years_caption: 'Jaarparameters, tariefgegevens en de datum van de laatste controle van de bronnen, per jaar',
    cov_verified: 'Bronnen gecontroleerd op',
    cov_not_recorded: 'niet vermeld',
    cov_tariffs: 'Tariefgegevens',
    cov_tariffs_yes: '{n} prestaties',
    cov_params: 'Jaarparameters en hun bron',
    cov_back: 'Terug naar de rekenhulp',
    cov_checksum_hint: 'De controlesom en de datum van de gegevens die antwoorden staan onderaan de pagina van de rekenhulp.',
    cov_kind_official: 'Officiële tabel',
    cov_kind_agreement: 'Tekst van het akkoord',
    cov_kind_insurer: 'Tabel van een ziekenfonds',
    cov_kind_union: 'Artsensyndicaat',
    cov_kind_press: 'Pers',
    cov_kind_other: 'Andere bron',
    cov_kind_rule: 'Regel',
    cov_kind_none: 'Geen gegevens',
    cov_kind_official_desc: 'Tarieftabel van het RIZIV of officiële publicatie (Belgisch Staatsblad, omzendbrief van het RIZIV).',
    cov_kind_agreement_desc: 'Tekst van het nationaal akkoord artsen-ziekenfondsen.',
    cov_kind_insurer_desc: 'Tarieftabel gepubliceerd door een ziekenfonds.',
    cov_kind_union_desc: 'Bedrag gepubliceerd door een artsensyndicaat of -vereniging.',
    cov_kind_press_desc: 'Bedrag vermeld in de medische of algemene pers.',
    cov_kind_other_desc: 'Een andere gepubliceerde bron, vermeld bij het bedrag.',
    cov_kind_rule_desc: 'Afgeleid uit een geldende regel (bv. een vast remgeld), niet uit een gepubliceerd bedrag.',
    cov_kind_none_desc: 'Geen bedrag met bron: de rekenhulp antwoordt “geen gegevens”.',
  },
  de: {
    cov_title: 'Datenabdeckung — Honoraria',
    cov_part: 'Codes, die beginnen mit',
    cov_filter: 'Filtern (Code oder Wörter)',
    cov_shown: '{n} von {total} Leistungen angezeigt',
    cov_all: 'alle',
    cov_skip: 'Zur Tabelle',
    cov_heading: 'Was die Daten abdecken',
    cov_intro: 'Für jede Leistung und jedes Jahr der mitgelieferten Daten: woher das Honorar, die Erstattungen und die Eigenanteile stammen — amtliche Tabelle, Tabelle einer Krankenkasse, Ärzteverband, Presse, Text des Abkommens oder eine Regel — und wo es gar keine Daten gibt.',
    cov_intro_note: 'Ohne Daten antwortet der Rechner „keine Daten“: Er schätzt nie einen Betrag.',
    cov_loading: 'Der Abdeckungsbericht wird geladen…',
    cov_failed: 'Der Abdeckungsbericht (coverage.json) konnte nicht geladen werden. Laden Sie die Seite neu; die Befehlszeile gibt denselben Bericht: honoraria coverage.',
    cov_summary: 'Kurz',
    cov_period: 'Jahre in den Daten',
    cov_n_codes: 'Leistungen',
    cov_years_without_tariffs: 'Jahre ohne Tarifdaten',
    cov_years_without_params: 'Jahre ohne Jahresparameter',
    cov_none_missing: 'keine',
    cov_latest_verified: 'Quellen zuletzt geprüft',
    cov_checksum: 'Prüfsumme der Daten',
    cov_checksum_link: 'unten auf der Seite des Rechners',
    cov_legend: 'Legende: woher jeder Betrag stammt',
    cov_codes: 'Nach Leistung und Jahr',
    cov_codes_hint: 'Jede Zelle nennt die Art der Quelle; „+“ verbindet mehrere Quellen im selben Jahr. Auf einem schmalen Bildschirm lässt sich die Tabelle seitlich verschieben.',
    cov_caption: 'Quelle des Honorars, der Erstattungen und der Eigenanteile, nach Leistung und Jahr',
    cov_code: 'Leistung',
    cov_year: 'Jahr',
    cov_fee: 'Honorar',
    cov_reimbursement: 'Erstattung',
    cov_share: 'Eigenanteil',
    cov_remarks: 'Zeiträume und Quellen',
    cov_partial: 'Nur ein Teil des Jahres: Die übrigen Tage haben keine Daten.',
    cov_no_rows: 'Keine Tarifzeile in diesem Jahr.',
    cov_row: '{from} bis {to}',
    cov_open: 'offen',
    cov_band: 'Altersgruppe {band}',
    cov_conflicts: 'Quellen, die sich widersprechen',
    cov_conflicts_hint: 'Wo Quellen verschiedene Beträge nennen, behalten die Daten den amtlichen oder kodierten Betrag und vermerken den anderen hier.',
    cov_no_conflicts: 'Kein Widerspruch vermerkt.',
    cov_subject: 'Gegenstand',
    cov_period_of: 'Gültig',
    cov_note: 'Vermerk',
    cov_sources: 'Quellen',
    cov_where: 'Datendatei',
    cov_years: 'Jahre: Parameter und Aktualität der Quellen',
    cov_years_hint: 'Die Datei jedes Jahres vermerkt, wann ihre Quellen zuletzt geprüft wurden.',
    cov_years_caption: 'Jahresparameter, Tarifdaten und Datum der letzten Prüfung der Quellen, nach Jahr',
    cov_verified: 'Quellen geprüft am',
    cov_not_recorded: 'nicht vermerkt',
    cov_tariffs: 'Tarifdaten',
    cov_tariffs_yes: '{n} Leistungen',
    cov_params: 'Jahresparameter und ihre Quelle',
    cov_back: 'Zurück zum Rechner',
    cov_checksum_hint: 'Prüfsumme und Datum der Daten, die antworten, stehen unten auf der Seite des Rechners.',
    cov_kind_official: 'Amtliche Tabelle',
    cov_kind_agreement: 'Text des Abkommens',
    cov_kind_insurer: 'Tabelle einer Krankenkasse',
    cov_kind_union: 'Ärzteverband',
    cov_kind_press: 'Presse',
    cov_kind_other: 'Andere Quelle',
    cov_kind_rule: 'Regel',
    cov_kind_none: 'Keine Daten',
    cov_kind_official_desc: 'Tariftabelle des LIKIV oder amtliche Veröffentlichung (Belgisches Staatsblatt, Rundschreiben des LIKIV).',
    cov_kind_agreement_desc: 'Text des nationalen Abkommens zwischen Ärzten und Krankenkassen.',
    cov_kind_insurer_desc: 'Von einer Krankenkasse veröffentlichte Tariftabelle.',
    cov_kind_union_desc: 'Von einem Ärzteverband veröffentlichter Betrag.',
    cov_kind_press_desc: 'Von der medizinischen oder allgemeinen Presse gemeldeter Betrag.',
    cov_kind_other_desc: 'Eine andere veröffentlichte Quelle, beim Betrag genannt.',
    cov_kind_rule_desc: 'Aus einer geltenden Regel abgeleitet (z. B. ein fester Eigenanteil), nicht aus einem veröffentlichten Betrag.',
    cov_kind_none_desc: 'Kein belegter Betrag: Der Rechner antwortet „keine Daten“.',
  },
};

export function ct(lang, key, vars) {
  const s = STRINGS[lang]?.[key] ?? STRINGS.en[key];
  if (s === undefined) return t(lang, key, vars);
  return vars ? s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m)) : s;
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
    history.replaceState(null, '', `${location.pathname}?${p}${location.hash}`);
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
  history.replaceState(null, '', `${location.pathname}?${p}${location.hash}`);
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
  return (lang === 'nl' ? c.label_nl || c.label_fr : c.label_fr || c.label_nl) || '';
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
  const catHead = (group) => CATEGORIES.map((c) => H(`h-${group}-${c}`, t(lang, CATEGORY_KEY[c]), { scope: 'col', class: 'cat' }));
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
    return el('tbody', { dataset: { code: c.code, hay: fold(`${c.label_fr || ''} ${c.label_nl || ''}`) } }, years.map((y, i) => {
      const yearID = `c-${c.code}-${y.year}`;
      const hdr = (...cols) => [codeID, yearID, ...cols].join(' ');
      const none = y.fee === 'none' && !(y.rows || []).length;
      const cells = [];
      if (i === 0) {
        cells.push(el('th', { id: codeID, scope: 'rowgroup', rowspan: years.length, class: 'code-cell', headers: 'h-code' },
          el('span', { class: 'code' }, c.code), el('span', { class: 'label' }, label(c))));
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
        row('cov_period_of', period(x.valid_from, x.valid_to)),
        row('cov_note', el('span', { class: 'note', text: x.note || '' })),
        (x.sources || []).length ? row('cov_sources', x.sources.join(', ')) : null,
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
