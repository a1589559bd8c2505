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

// The patch helpers below update a node in place and touch the DOM only where a value
// differs: a recompute that changes a few figures changes a few text nodes.

// nth returns parent's i-th element child when it is a `tag`, else a new `tag` put there.
export function nth(parent, i, tag) {
  const node = parent.children[i];
  if (node?.localName === tag) return node;
  const fresh = document.createElement(tag);
  if (node) node.replaceWith(fresh);
  else parent.append(fresh);
  return fresh;
}

// trim removes parent's element children after the first n (and any text beside them).
export function trim(parent, n) {
  while (parent.children.length > n) parent.lastElementChild.remove();
  for (const c of [...parent.childNodes]) if (c.nodeType !== Node.ELEMENT_NODE) c.remove();
}

export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

export function setClass(node, name) {
  if (node.className !== name) node.className = name;
}

// setData sets data-KEY to value, or removes it for null.
export function setData(node, key, value) {
  if (value === null || value === undefined) {
    if (key in node.dataset) delete node.dataset[key];
  } else if (node.dataset[key] !== value) {
    node.dataset[key] = value;
  }
}

// replaceSearch puts search ('' or '?a=b') in the page's address, keeping its path and
// hash, without a new history entry. The address is written whole: a path such as '//'
// written alone reads as another host's (a page at http://host//?code=… threw on every
// input), which replaceState refuses.
export function replaceSearch(search) {
  const u = new URL(location.href);
  u.search = search;
  if (u.href !== location.href) history.replaceState(null, '', u.href);
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
