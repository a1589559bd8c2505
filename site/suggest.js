// The service suggestions under a search box (calculator and price poster): one
// list of buttons, the combobox's aria-expanded, a status line for screen readers,
// and the keyboard — ArrowDown from the box to the first suggestion, ArrowDown /
// ArrowUp between suggestions (ArrowUp on the first goes back to the box), Escape
// closes the list and returns to the box.

import { t } from './i18n.js';
import { el } from './dom.js';

// serviceLabel: the service's description in the page's language (Dutch for nl,
// French otherwise, the other one when it is missing).
export function serviceLabel(s, lang) {
  if (!s) return '';
  return (lang === 'nl' ? s.label_nl || s.label_fr : s.label_fr || s.label_nl) || '';
}

// officialLang: the language of the official label serviceLabel shows.
function officialLang(s, lang) {
  if (lang === 'nl') return s.label_nl ? 'nl' : 'fr';
  return s.label_fr ? 'fr' : 'nl';
}

// labelNodes: the official label (in its own language, the reference) and, where the
// answer carries one (label_translation: German and English pages), the project's
// translation after it, marked as not official in the page's language (issue 11.3).
export function labelNodes(s, lang, tr) {
  const out = [el('span', { class: 'label-official', lang: officialLang(s, lang) }, serviceLabel(s, lang))];
  if (tr && tr.label && tr.official === false) {
    out.push(' ', el('span', { class: 'label-translation', lang: tr.lang, dataset: { field: 'label-translation', official: 'false' } },
      tr.label, ' ', el('span', { class: 'translation-mark' }, `(${tr.mark})`)));
  }
  return out;
}

// suggestions({input, list, status, onChoose}) wires the keyboard and returns
// {show(found, lang), close()}; onChoose(code) runs when a suggestion is clicked.
export function suggestions({ input, list, status, onChoose }) {
  const buttons = () => [...list.querySelectorAll('button')];
  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
  };
  const show = (found, lang) => {
    list.replaceChildren(...found.map((s) => el('li', {},
      el('button', { type: 'button', dataset: { code: s.code }, onclick: () => onChoose(s.code) },
        el('span', { class: 'code' }, s.code), ' ', ...labelNodes(s, lang, s.label_translation)))));
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    status.textContent = found.length ? t(lang, 'suggestions_count', { n: found.length }) : t(lang, 'no_suggestions');
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !list.hidden) {
      e.preventDefault();
      buttons()[0]?.focus();
    } else if (e.key === 'Escape') {
      close();
    }
  });
  list.addEventListener('keydown', (e) => {
    const all = buttons();
    const i = all.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      all[Math.min(i + 1, all.length - 1)]?.focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (i <= 0) input.focus();
      else all[i - 1].focus();
    } else if (e.key === 'Escape') {
      close();
      input.focus();
    }
  });
  return { show, close };
}
