// embed-iframe.js — sizes plain iframes of the calculator to their content, without
// inline script (a host page's Content-Security-Policy may forbid it):
//
//   <script src="https://HOST/embed-iframe.js" defer></script>
//   <iframe data-honoraria title="Honoraria" src="https://HOST/index.html?embed=1&lang=fr"
//           style="width:100%;border:0;height:600px"></iframe>
//
// Each frame follows its honoraria:resize messages, shrinking as well as growing.
(() => {
  const origin = new URL(document.currentScript?.src || location.href).origin;
  addEventListener('message', (e) => {
    if (e.origin !== origin || e.data?.type !== 'honoraria:resize' || !Number.isFinite(e.data.height)) return;
    for (const f of document.querySelectorAll('iframe[data-honoraria]')) {
      if (f.contentWindow === e.source) f.style.height = `${Math.max(120, Math.min(20000, e.data.height))}px`;
    }
  });
})();
