// Tiny DOM helpers. Text is always set with textContent (never innerHTML), so
// nothing from the URL, the user or the data can become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

// el('p', {class: 'x', dataset: {field: 'fee'}}, 'text', child) builds an element.
export function el(tag, attrs, ...children) {
  return build(document.createElement(tag), attrs, children);
}

// svg('line', {x1: 0, ...}) builds an SVG element.
export function svg(tag, attrs, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

function build(node, attrs, children) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) {
        if (dv !== undefined && dv !== null) node.dataset[dk] = String(dv);
      }
    } else if (k === 'text') {
      node.textContent = String(v);
    } else if (k.startsWith('on') && typeof v === 'function') {
      node.addEventListener(k.slice(2), v);
    } else {
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

// safeURL returns url if it is an http(s) address, else null: a data file can
// never produce a javascript: link.
export function safeURL(url) {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

// showLoadFailure turns the boot notice into a plain alert when the engine or its data
// could not load (a page never stays blank), keeping the cause for tests and support.
export function showLoadFailure(message, err) {
  const boot = document.getElementById('boot');
  boot.hidden = false;
  boot.classList.add('failed');
  boot.setAttribute('role', 'alert');
  boot.textContent = message;
  boot.dataset.error = String(err?.message ?? err);
  document.body.classList.add('load-failed');
}
