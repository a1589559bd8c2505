// size-report.mjs FLOOR.wasm OURS.wasm [DIST] — prints sizes and the budget ratio.
// size-report.mjs --layouts FLOOR1 OURS1 FLOOR2 OURS2 … — the mean over data layouts (size.sh SIZE_LAYOUTS).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

// 1.15 until the engine read the whole nomenclature (patient categories, fee codes, the
// registry, split data, search words), 1.19 then; 1.205 since the page's comparisons and
// poster rows come from the engine (Honoraria.compare, Honoraria.poster); 1.225 since the
// quote's JSON writer, the labels' translations and the structured conflicts: docs/measurements.md, "Size".
const BUDGET = 1.225;
const [floorPath, oursPath, dist] = process.argv.slice(2);

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  };
}
const row = (name, s) => console.log(`${name.padEnd(34)} ${String(s.raw).padStart(10)} ${String(s.gzip).padStart(10)} ${String(s.brotli).padStart(10)}`);

if (process.argv[2] === '--layouts') {
  // size.sh with SIZE_LAYOUTS=N: pairs of floor and ours built with build IDs of N lengths.
  const files = process.argv.slice(3);
  const rows = [];
  for (let i = 0; i + 1 < files.length; i += 2) {
    rows.push([sizes(readFileSync(files[i])).brotli, sizes(readFileSync(files[i + 1])).brotli]);
  }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const fl = rows.map((r) => r[0]), ours = rows.map((r) => r[1]);
  console.log(`${rows.length} layouts, brotli: floor ${fl.join(' ')}; honoraria.wasm ${ours.join(' ')}`);
  console.log(`mean: floor ${Math.round(mean(fl))}, honoraria.wasm ${Math.round(mean(ours))} (${Math.min(...ours)}–${Math.max(...ours)}), ` +
    `ratio ${(mean(ours) / mean(fl)).toFixed(4)}`);
  process.exit(0);
}

console.log(`${'wasm (-trimpath -s -w -buildid=)'.padEnd(34)} ${'raw'.padStart(10)} ${'gzip'.padStart(10)} ${'brotli'.padStart(10)}`);
const floor = sizes(readFileSync(floorPath));
const ours = sizes(readFileSync(oursPath));
row('floor: syscall/js + decimal', floor);
row('honoraria.wasm', ours);
const ratio = ours.brotli / floor.brotli;
console.log(`brotli ratio ${ratio.toFixed(3)} (budget ${BUDGET}); raw ratio ${(ours.raw / floor.raw).toFixed(3)}`);

if (dist && existsSync(join(dist, 'index.html'))) {
  // First load: what the page fetches before the first result.
  // Every file index.html loads before the first result (the service worker's
  // pre-cache of the other pages comes after).
  // The app's files have content-hashed names since issue 14.7: assets.json maps them.
  const assets = existsSync(join(dist, 'assets.json')) ? JSON.parse(readFileSync(join(dist, 'assets.json'), 'utf8')).files : {};
  const named = (f) => assets[f] ?? f;
  const first = ['index.html', 'styles.css', 'boot.js', 'app.js', 'honoraria.js', 'i18n.js', 'contract.js', 'state.js', 'format.js', 'dom.js', 'suggest.js', 'wasm_exec.js', 'honoraria.wasm', 'manifest.webmanifest', 'icon.svg']
    .filter((f) => f === 'index.html' || !existsSync(join(dist, 'assets.json')) || f in assets).map(named);
  // The data: the core and, for a code in the URL, its part (one part-all.txt for small
  // data; issue 10). Before the split: data.txt.
  const dataFiles = existsSync(join(dist, 'data/core.txt.br'))
    ? ['data/core.txt', existsSync(join(dist, 'data/part-all.txt.br')) ? 'data/part-all.txt' : null].filter(Boolean)
    : ['data.txt'];
  first.push(...dataFiles);
  let total = 0;
  const missing = [];
  for (const f of first) {
    const p = join(dist, f + '.br');
    if (existsSync(p)) total += readFileSync(p).length;
    else missing.push(f);
  }
  const wasm = readFileSync(join(dist, named('honoraria.wasm') + '.br')).length;
  const data = dataFiles.reduce((n, f) => n + (existsSync(join(dist, f + '.br')) ? readFileSync(join(dist, f + '.br')).length : 0), 0);
  console.log(`first load of ${dist} (${first.length - missing.length} files, brotli as served): ${total} bytes` +
    ` = wasm ${wasm} + data ${data} + HTML/CSS/JS/icons ${total - wasm - data}` +
    (missing.length ? ` (missing: ${missing.join(', ')})` : ''));

}
if (ratio > BUDGET) {
  console.log(`OVER BUDGET by ${((ratio / BUDGET - 1) * 100).toFixed(1)}%`);
  if (!process.env.SIZE_BUDGET_WARN) process.exit(1);
}
