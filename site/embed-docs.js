// embed.html in the reader's language (issue 11.6): the page holds its text in French,
// Dutch, German and English, one block each ([data-doc-lang]); this shows the block of
// ?lang= — the parameter every page reads — else of the browser's first supported
// language, else French, as the calculator does. The live example and the document's
// lang and title follow. Without script the page reads in English.

const LANGS = ['fr', 'nl', 'de', 'en'];
const NAV_LABEL = { fr: 'Langue', nl: 'Taal', de: 'Sprache', en: 'Language' };

function pageLang() {
  const asked = new URLSearchParams(location.search).get('lang');
  if (LANGS.includes(asked)) return asked;
  for (const tag of navigator.languages || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (LANGS.includes(base)) return base;
  }
  return 'fr';
}

const lang = pageLang();
document.documentElement.lang = lang;
for (const node of document.querySelectorAll('[data-doc-lang]')) {
  node.hidden = node.dataset.docLang !== lang;
  if (!node.hidden && node.dataset.title) document.title = node.dataset.title;
}
const nav = document.querySelector('.doc-langs');
if (nav) {
  nav.setAttribute('aria-label', NAV_LABEL[lang]);
  for (const a of nav.querySelectorAll('a[data-lang]')) {
    if (a.dataset.lang === lang) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}
// Before embed.js defines the element (modules run in document order): the frame loads once.
document.querySelector('honoraria-calculator.demo')?.setAttribute('lang', lang);
