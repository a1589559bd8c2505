// The pages' words in the four languages. They live in data/messages.csv (keys page.*,
// coverage.* and compare.*), the one translation store of the engine, the command line and
// the pages; scripts/sitegen writes them into contract.js at build time. Texts computed by
// the engine (explanation steps, reasons, notes) come already translated from
// Honoraria.quote. Terms follow BRIEF §3 and, for German, the words Belgian insurers use
// (Eigenanteil, erhöhte Kostenerstattung, Allgemeine Medizinische Akte, Vertragsarzt,
// Drittzahlerregelung, Honorarzuschlag).

import { MESSAGES } from './contract.js';

export const LANGS = ['fr', 'nl', 'de', 'en'];

// Locale used to format numbers and dates, per UI language.
export const LOCALES = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-BE' };

// pickLang returns the first supported language among the browser's
// preferences (navigator.languages), or French.
export function pickLang(preferred) {
  for (const tag of preferred || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGS.includes(base)) return base;
  }
  return 'fr';
}

// lookup finds key under the given message prefixes in lang, then in English.
export function lookup(lang, prefixes, key) {
  for (const l of [lang, 'en']) {
    for (const p of prefixes) {
      const s = MESSAGES[l]?.[p + key];
      if (s !== undefined) return s;
    }
  }
  return undefined;
}

// fill replaces {name} placeholders with vars.
export function fill(s, vars) {
  return vars ? s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m)) : s;
}

// t returns the page's string for key in lang (page.KEY, else compare.KEY), with {name}
// placeholders filled in. A missing translation falls back to English, then to the key.
export function t(lang, key, vars) {
  return fill(lookup(lang, ['page.', 'compare.'], key) ?? key, vars);
}
