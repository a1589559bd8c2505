// embed-iframe.js — sizes plain iframes of the calculator to their content, without
// inline script (a host page's Content-Security-Policy may forbid it):
//
//   <script src="https://HOST/embed-iframe.js" defer></script>
//   <iframe data-honoraria title="Honoraria" src="https://HOST/index.html?embed=1&lang=fr"
//           height="600"></iframe>
//
// No style attribute either (a host's style-src 'self' forbids it): the script gives each
// frame its width and border through the CSSOM, and follows its honoraria:resize
// messages, shrinking as well as growing.
(() => {
  const origin = new URL(document.currentScript?.src || location.href).origin;
  const frames = () => document.querySelectorAll('iframe[data-honoraria]');
  const dress = () => {
    for (const f of frames()) {
      f.style.width = '100%';
      f.style.border = '0';
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', dress);
  else dress();
  addEventListener('message', (e) => {
    if (e.origin !== origin || e.data?.type !== 'honoraria:resize' || !Number.isFinite(e.data.height)) return;
    for (const f of frames()) {
      if (f.contentWindow === e.source) f.style.height = `${Math.max(120, Math.min(20000, e.data.height))}px`;
    }
  });
})();
