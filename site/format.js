// Formatting for display. Amounts arrive from the engine as strings with a dot
// and two decimals ("31.81"); they are shown as Belgians read them ("31,81 €")
// while the elements keep the dot value in data-value for machines.

import { LOCALES } from './i18n.js';

const AMOUNT = /^-?\d+(\.\d+)?$/;

export function isAmount(s) {
  return typeof s === 'string' && AMOUNT.test(s);
}

// formatAmount("5881.81", "fr") → "5 881,81 €" (the space before € is a plain
// space; the element is styled white-space: nowrap).
export function formatAmount(s, lang) {
  if (!isAmount(s)) return String(s);
  return numberFormat(lang, 2).format(Number(s)) + ' €';
}

// The Intl formatters are made once per language and kind: making one costs far more
// than using it, and the first result formats a dozen amounts and dates (issue 12.1).
const formats = new Map();
function cached(key, make) {
  if (!formats.has(key)) formats.set(key, make());
  return formats.get(key);
}
const numberFormat = (lang, decimals) => cached(`n/${lang}/${decimals}`, () =>
  new Intl.NumberFormat(LOCALES[lang] || 'fr-BE', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));

// warmFormats makes the formatters the first result uses while the page waits for the
// engine: the first Intl formatter of a page costs ~25 ms of CPU (×4 on a phone), which
// would otherwise fall between the engine being ready and the first fee (issue 12.1).
export function warmFormats(lang) {
  numberFormat(lang, 2);
  formatDate('2000-01-01', lang);
}

// formatNumber("6.05", "nl") → "6,05" (percentages, counts).
export function formatNumber(s, lang) {
  if (!isAmount(s)) return String(s);
  const decimals = (s.split('.')[1] || '').length;
  return numberFormat(lang, decimals).format(Number(s));
}

// formatDate("2024-03-01", "nl") → "1 maart 2024".
export function formatDate(s, lang) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s));
  if (!m) return String(s);
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return cached(`d/${lang}`, () =>
    new Intl.DateTimeFormat(LOCALES[lang] || 'fr-BE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })).format(d);
}

// today returns the local date as YYYY-MM-DD.
export function today(now = new Date()) {
  const p = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
