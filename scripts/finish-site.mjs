// finish-site.mjs DIR — the last step of scripts/build-site.sh:
//  1. computes a version from the content of every file in DIR,
//  2. replaces __VERSION__ in the text files with it (cache busting: assets are
//     referenced as file.js?v=VERSION and served as immutable),
//  3. writes brotli (.br) and gzip (.gz) variants of the wasm and text files,
//  4. prints the sizes.
// Node's own zlib does the compression: no extra package.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/finish-site.mjs DIR');
  process.exit(2);
}

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.webmanifest', '.txt']);
const COMPRESS = new Set([...TEXT, '.wasm']);

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = join(d, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

// Run again on a finished DIR (after replacing its data.txt, see data/README.md),
// it re-stamps: the previous version (version.txt) is read back as __VERSION__, so
// the new version depends on the content only and changes when data.txt changes.
const VERSION_FILE = join(dir, 'version.txt');
const previous = existsSync(VERSION_FILE) ? readFileSync(VERSION_FILE, 'utf8').trim() : '';
if (previous && !/^[0-9a-f]{12}$/.test(previous)) {
  console.error(`finish-site: ${VERSION_FILE}: not a version: ${previous}`);
  process.exit(1);
}
// Files whose text is never stamped: the data and its coverage report (taken byte for
// byte; coverage.json is precompressed like every .json) and the version.
const UNSTAMPED = new Set(['data.txt', 'coverage.json', 'version.txt']);
const stampable = (f) => TEXT.has(extname(f)) && !UNSTAMPED.has(relative(dir, f)) && !relative(dir, f).startsWith('data/');

const files = walk(dir).filter((f) => !f.endsWith('.br') && !f.endsWith('.gz') && f !== VERSION_FILE).sort();
const unstamped = (f) => {
  const buf = readFileSync(f);
  if (!previous || !stampable(f)) return buf;
  return Buffer.from(buf.toString('utf8').replaceAll(previous, '__VERSION__'));
};

const hash = createHash('sha256');
for (const f of files) {
  hash.update(relative(dir, f));
  hash.update('\0');
  hash.update(unstamped(f));
}
const version = hash.digest('hex').slice(0, 12);

for (const f of files) {
  if (!stampable(f)) continue;
  const s = unstamped(f).toString('utf8');
  if (s.includes('__VERSION__')) writeFileSync(f, s.replaceAll('__VERSION__', version));
}

const rows = [];
let total = { raw: 0, gz: 0, br: 0 };
for (const f of files) {
  if (!COMPRESS.has(extname(f))) continue;
  const data = readFileSync(f);
  const br = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: extname(f) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    },
  });
  const gz = gzipSync(data, { level: 9 });
  writeFileSync(f + '.br', br);
  writeFileSync(f + '.gz', gz);
  const name = relative(dir, f);
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

console.log(`version ${version}`);
const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(28)} ${pad('raw', 10)} ${pad('gzip', 10)} ${pad('brotli', 10)}`);
for (const [name, raw, gz, br] of rows) console.log(`${name.padEnd(28)} ${pad(raw, 10)} ${pad(gz, 10)} ${pad(br, 10)}`);
console.log(`${'total'.padEnd(28)} ${pad(total.raw, 10)} ${pad(total.gz, 10)} ${pad(total.br, 10)}`);
writeFileSync(join(dir, 'version.txt'), version + '\n');

