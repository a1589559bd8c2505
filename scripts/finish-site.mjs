// finish-site.mjs DIR — the last step of scripts/build-site.sh (issue 14.7):
//  1. stamps __DATA_VERSION__ (a hash of the files under data/) where the pages fetch the
//     data (site/honoraria.js, coverage.js, the service worker, the preload of index.html):
//     data/FILE?v=DATA_VERSION, one version for the parts the loader names at run time;
//  2. gives every app file a content-hashed name — app.js → app.0123456789.js, the
//     modules, the styles, wasm_exec.js, honoraria.wasm, the icon and the manifest — and
//     rewrites the references to it ('./i18n.js', href="styles.css", …) in the files that
//     name it, leaves first: a file's hash covers the hashed names it refers to, so a
//     change reaches every file that depends on it and no other. The sources in site/
//     import each other with plain relative paths (tools see the graph); only DIR changes;
//  3. keeps the public entry points under their own names: the pages, sw.js, embed.js and
//     embed-iframe.js (insurers' pages link them), and honoraria.js (the JS API, loaded by
//     other pages; also copied under its hashed name, which our pages import);
//  4. fills the service worker's precache list with the hashed names and stamps its cache
//     name, __VERSION__, from every other file (version.txt holds it too);
//  5. writes assets.json (name → hashed name, for tools and tests), brotli (.br) and gzip
//     (.gz) variants of the wasm and text files, and prints the sizes. PRECOMPRESS=0 in the
//     environment skips the variants (the server then sends the files as they are): the
//     browser tests' extra sites (e2e/split.test.mjs) save brotli's ~7 s of CPU on the wasm.
// Node's own crypto and zlib: no extra package.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/finish-site.mjs DIR');
  process.exit(2);
}

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt']);
const COMPRESS = new Set([...TEXT, '.wasm']);
// Files that get a content-hashed name: every top-level file of these kinds but the
// entry points others link by name.
const HASHED_EXT = new Set(['.js', '.css', '.wasm', '.svg', '.webmanifest']);
const STABLE = new Set(['sw.js', 'embed.js', 'embed-iframe.js']);
const ALSO_STABLE = new Set(['honoraria.js']); // hashed, and kept under its own name too
// A reference to a file of DIR's top level: a quoted (or url(…)) name, with or without ./
const REF = /(["'`(])(\.\/)?([A-Za-z0-9_-]+\.(?:js|css|wasm|svg|webmanifest))(?=["'`)?#])/g;

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = join(d, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}
const sha = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

const files = walk(dir).filter((f) => !f.endsWith('.br') && !f.endsWith('.gz')).map((f) => relative(dir, f)).sort();
const isData = (name) => name.startsWith('data/');
const isText = (name) => TEXT.has(extname(name)) && !isData(name);
const content = new Map(files.filter(isText).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));

// 1. The data's version.
const dataVersion = sha(...files.filter(isData).flatMap((name) => [name, '\0', readFileSync(join(dir, name)), '\0'])).slice(0, 12);
for (const [name, text] of content) content.set(name, text.replaceAll('__DATA_VERSION__', dataVersion));

// 2. Content-hashed names, leaves first.
const hashed = files.filter((name) => !name.includes('/') && HASHED_EXT.has(extname(name)) && !STABLE.has(name));
const hashedSet = new Set(hashed);
const refsOf = (text) => new Set([...text.matchAll(REF)].map((m) => m[3]).filter((n) => hashedSet.has(n)));
const names = new Map(); // name → hashed name
const rewrite = (text) => text.replace(REF, (all, open, dot, name) => (names.has(name) ? open + (dot ?? '') + names.get(name) : all));
const visiting = new Set();
function place(name) {
  if (names.has(name)) return;
  if (visiting.has(name)) throw new Error(`finish-site: ${name} refers to itself through ${[...visiting].join(' → ')}`);
  visiting.add(name);
  const text = content.get(name);
  if (text !== undefined) {
    for (const dep of refsOf(text)) if (dep !== name) place(dep);
    content.set(name, rewrite(text));
  }
  visiting.delete(name);
  const bytes = text !== undefined ? content.get(name) : readFileSync(join(dir, name));
  const ext = extname(name);
  names.set(name, `${name.slice(0, -ext.length)}.${sha(bytes).slice(0, 10)}${ext}`);
}
for (const name of hashed) place(name);
// 3. The other text files (pages, service worker, embed scripts) refer to the hashed names.
for (const [name, text] of content) if (!hashedSet.has(name)) content.set(name, rewrite(text));

// 4. The service worker: its precache list and its cache name.
const SW = 'sw.js';
if (content.has(SW)) {
  const list = '[/* build: hashed files */]';
  const sw = content.get(SW);
  if (!sw.includes(list)) throw new Error(`finish-site: ${SW} has no ${list}`);
  const assets = [...names.values()].sort().map((n) => `'./${n}'`);
  content.set(SW, sw.replace(list, `[\n  ${assets.join(',\n  ')},\n]`));
}
const outName = (name) => names.get(name) ?? name;
const version = sha(...files.filter((n) => n !== SW && n !== 'version.txt').flatMap((name) => [outName(name), '\0', content.get(name) ?? readFileSync(join(dir, name)), '\0'])).slice(0, 12);
if (content.has(SW)) content.set(SW, content.get(SW).replaceAll('__VERSION__', version));

// Write: text files with their final content, hashed files under their new names.
for (const [name, text] of content) {
  writeFileSync(join(dir, name), text);
}
for (const [name, to] of names) {
  if (ALSO_STABLE.has(name)) writeFileSync(join(dir, to), content.get(name));
  else renameSync(join(dir, name), join(dir, to));
}
writeFileSync(join(dir, 'version.txt'), version + '\n');
writeFileSync(join(dir, 'assets.json'), JSON.stringify({ version, data_version: dataVersion, files: Object.fromEntries(names) }, null, 1) + '\n');

// 5. Precompressed variants and the sizes.
const rows = [];
const total = { raw: 0, gz: 0, br: 0 };
for (const name of walk(dir).map((f) => relative(dir, f)).filter((f) => !f.endsWith('.br') && !f.endsWith('.gz')).sort()) {
  if (!COMPRESS.has(extname(name)) || name === 'version.txt' || name === 'assets.json') continue;
  if (process.env.PRECOMPRESS === '0') continue;
  const data = readFileSync(join(dir, name));
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: extname(name) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(data, { level: 9 });
  writeFileSync(join(dir, name + '.br'), br);
  writeFileSync(join(dir, name + '.gz'), gz);
  const last = rows.at(-1);
  if (name.startsWith('data/part-') && last?.[0].startsWith('data/part-')) {
    // The parts in one line: data/part-* (N files).
    last[0] = `data/part-* (${(last.n = (last.n ?? 1) + 1)} files)`;
    last[1] += data.length;
    last[2] += gz.length;
    last[3] += br.length;
  } else {
    rows.push([name, data.length, gz.length, br.length]);
  }
  total.raw += data.length;
  total.gz += gz.length;
  total.br += br.length;
}

console.log(`version ${version}, data ${dataVersion}`);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(32)} ${pad('raw', 10)} ${pad('gzip', 10)} ${pad('brotli', 10)}`);
for (const [name, raw, gz, br] of rows) console.log(`${name.padEnd(32)} ${pad(raw, 10)} ${pad(gz, 10)} ${pad(br, 10)}`);
console.log(`${'total'.padEnd(32)} ${pad(total.raw, 10)} ${pad(total.gz, 10)} ${pad(total.br, 10)}`);
