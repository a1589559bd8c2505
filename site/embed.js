// <honoraria-calculator> — the calculator for insurers' and doctors' pages.
//
//   <script type="module" src="https://HOST/embed.js"></script>
//   <honoraria-calculator lang="nl" code="101076" insured="preferential" dmg="1"></honoraria-calculator>
//
// The element shows the calculator in an <iframe> from our origin, so the host
// page needs no 'wasm-unsafe-eval': only script-src and frame-src for HOST.
// Attributes are the URL parameters of the page (BRIEF §8), and `compact="1"` for
// the essential inputs and the result only. The frame resizes
// itself from the page's honoraria:resize messages. CSS custom properties set
// on the element (--hon-accent, --hon-font, …) are passed to the frame.
// Each result is re-dispatched as a `honoraria-result` DOM event (detail:
// {query, result}).

const BASE = new URL('./', import.meta.url);
const PARAMS = ['code', 'date', 'insured', 'preferential-kind', 'dmg', 'age', 'chronic', 'referred',
  'doctor', 'setting', 'on-duty', 'special-request', 'household-income', 'dependants', 'titulaires',
  'paid', 'third-party', 'lang', 'view', 'training', 'compact'];
export const THEME_VARS = ['--hon-font', '--hon-text', '--hon-muted', '--hon-bg', '--hon-surface', '--hon-border',
  '--hon-accent', '--hon-accent-text', '--hon-ok', '--hon-bad', '--hon-focus', '--hon-radius'];

class HonorariaCalculator extends HTMLElement {
  static get observedAttributes() { return [...PARAMS, 'title']; }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.frame = document.createElement('iframe');
    this.frame.setAttribute('loading', 'lazy');
    this.frame.setAttribute('referrerpolicy', 'no-referrer');
    this.frame.title = 'Honoraria';
    this.frame.style.cssText = 'display:block;width:100%;border:0;min-height:480px;';
    this.shadowRoot.append(this.frame);
    this.onMessage = this.onMessage.bind(this);
  }

  connectedCallback() {
    if (!this.style.display) this.style.display = 'block';
    window.addEventListener('message', this.onMessage);
    this.update();
  }

  disconnectedCallback() {
    window.removeEventListener('message', this.onMessage);
  }

  attributeChangedCallback() {
    if (this.isConnected) this.update();
  }

  update() {
    const url = new URL('index.html', BASE);
    for (const name of PARAMS) {
      const v = this.getAttribute(name);
      if (v !== null && v !== '') url.searchParams.set(name, v);
    }
    url.searchParams.set('embed', '1');
    if (this.getAttribute('title')) this.frame.title = this.getAttribute('title');
    if (this.frame.src !== url.href) this.frame.src = url.href;
  }

  onMessage(e) {
    if (e.source !== this.frame.contentWindow || e.origin !== BASE.origin) return;
    const m = e.data || {};
    if (m.type === 'honoraria:resize' && Number.isFinite(m.height)) {
      this.frame.style.height = `${Math.max(120, Math.min(20000, m.height))}px`;
      this.frame.style.minHeight = '0';
    } else if (m.type === 'honoraria:ready') {
      this.sendTheme();
    } else if (m.type === 'honoraria:result') {
      this.dispatchEvent(new CustomEvent('honoraria-result', { detail: { query: m.query, result: m.result }, bubbles: true }));
    }
  }

  sendTheme() {
    const cs = getComputedStyle(this);
    const vars = {};
    for (const name of THEME_VARS) {
      const v = cs.getPropertyValue(name).trim();
      if (v) vars[name] = v;
    }
    if (Object.keys(vars).length) this.frame.contentWindow?.postMessage({ type: 'honoraria:theme', vars }, BASE.origin);
  }
}

if (!customElements.get('honoraria-calculator')) customElements.define('honoraria-calculator', HonorariaCalculator);
