// bench-startset.mjs — the code a cold start compiles, product against floor (issue 12.1).
//
//   node scripts/bench-startset.mjs [--top 12] [--funcs honoraria_calc]
//
// V8 compiles a wasm function the first time it is called, on the main thread (lazy
// compilation, on by default in Chromium): in a 4× throttled load that is ~370 ms of the
// main thread, the largest single cost after the wasm has arrived (a DevTools trace:
// wasm.CompileLazy). What it costs grows with the bytes of code the start calls, so this
// counts them — a deterministic figure, unlike a timing on a shared 2-core machine.
//
// It builds the engine (./wasm, build-site.sh's flags, with the name section kept) and
// the floor (scripts/floor), runs each under Node with --wasm-lazy-compilation
// --no-wasm-tier-up --trace-wasm-compilation-times, and sums the functions compiled in
// each phase, by Go package:
//   start         go.run until the dataset is loaded (the whole bundle, as the page merges
//                 core and part) and Honoraria.ready resolves, which is after the Go
//                 program's first idle work; for the floor, go.run
//   first result  Honoraria.meta() and one Honoraria.quote (the page's first fee); for
//                 the floor, its one decimal multiplication
// --funcs PKG also lists that package's functions in each phase, largest first.
// Node's V8 is not Chromium's, so the counts are close to, not equal to, a page's.
import { parseArgs } from 'node:util';
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wasmExecJS, ROOT } from '../e2e/helpers.mjs';

const { values: opt } = parseArgs({ options: { top: { type: 'string', default: '12' }, funcs: { type: 'string' } } });

// The runner: the loader's steps (site/honoraria.js) without a page, stopping after the
// phase named by its fourth argument. V8 prints its trace through C's buffered stdout,
// which does not keep its order with console.log: each phase is a run of its own, and
// its functions are those the run compiled that the previous phase's run did not.
const PHASES = ['start', 'first result'];
const RUNNER = `require(EXEC);
const fs = require('fs');
const [kind, wasmFile, dataFile, stop] = process.argv.slice(2);
(async () => {
  const go = new Go();
  let ready;
  if (kind === 'product') {
    ready = new Promise((resolve, reject) => {
      globalThis.Honoraria = { _data: fs.readFileSync(dataFile, 'utf8'), _resolve: resolve, _reject: reject };
    });
  }
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), go.importObject);
  go.run(instance);
  await ready;
  if (stop === 'start') process.exit(0);
  let fee;
  if (kind === 'product') {
    Honoraria.meta();
    fee = Honoraria.quote({ code: '101076', date: '2024-03-01', insured: 'preferential', dmg: true }).fee;
  } else {
    fee = globalThis.floor('30.00', '1.0604');
  }
  if (!/^\\d+\\.\\d\\d$/.test(String(fee))) throw new Error('no fee: ' + fee);
  process.exit(0);
})().catch((err) => { console.error(err); process.exit(1); });
`;

// functions maps each function index of a wasm binary to its name and body size (the
// code section, and the name section's function names).
function functions(b) {
  let i = 8;
  const leb = () => {
    let r = 0, s = 0, x;
    do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
    return r;
  };
  const skipName = () => { const n = leb(); i += n; };
  const out = new Map();
  let imported = 0;
  while (i < b.length) {
    const id = b[i++];
    const size = leb();
    const end = i + size;
    if (id === 2) { // imports: count the functions, which come first in the index space
      for (let n = leb(); n > 0; n--) {
        skipName(); skipName();
        const kind = b[i++];
        if (kind === 0) { leb(); imported++; }
        else if (kind === 1) { i++; const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
        else if (kind === 3) i += 2;
      }
    } else if (id === 10) {
      for (let n = leb(), k = 0; k < n; k++) {
        const len = leb();
        out.set(imported + k, { name: '?', bytes: len });
        i += len;
      }
    } else if (id === 0) {
      const len = leb();
      const name = b.subarray(i, i + len).toString();
      i += len;
      while (name === 'name' && i < end) {
        const sub = b[i++];
        const subEnd = leb() + i;
        if (sub === 1) {
          for (let n = leb(); n > 0; n--) {
            const idx = leb();
            const l = leb();
            const f = out.get(idx);
            if (f) f.name = b.subarray(i, i + l).toString();
            i += l;
          }
        }
        i = subEnd;
      }
    }
    i = end;
  }
  return out;
}

// compiled lists the functions V8's trace says it compiled (Liftoff, lazily).
function compiled(trace) {
  return new Set([...trace.matchAll(/#(\d+) using Liftoff/g)].map((m) => Number(m[1])));
}

// phase sums the functions compiled in a phase, by Go package.
function phase(name, indices, fns) {
  const out = { phase: name, count: 0, bytes: 0, packages: new Map() };
  for (const i of indices) {
    const f = fns.get(i);
    if (!f) continue;
    // runtime.mallocgc, honoraria_calc.__Dataset_.readTariffs, github_com_….NewFromString
    const pkg = f.name.split('.')[0];
    out.count++;
    out.bytes += f.bytes;
    const p = out.packages.get(pkg) ?? { count: 0, bytes: 0 };
    p.count++;
    p.bytes += f.bytes;
    out.packages.set(pkg, p);
    if (pkg === opt.funcs) (out.funcs ??= []).push(f);
  }
  return out;
}

function print(report, top) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
  const total = (k) => report[k].reduce((a, p) => ({ count: a.count + p.count, bytes: a.bytes + p.bytes }), { count: 0, bytes: 0 });
  console.log('wasm functions compiled lazily on a cold start (Node, Liftoff; body bytes)');
  for (const kind of ['floor', 'product']) {
    const t = total(kind);
    console.log(`${kind.padEnd(8)} ${String(t.count).padStart(5)} functions ${kb(t.bytes)}`);
    for (const p of report[kind]) {
      console.log(`  ${p.phase.padEnd(13)} ${String(p.count).padStart(5)} functions ${kb(p.bytes)}`);
      const pk = [...p.packages].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top);
      for (const [name, v] of pk) console.log(`    ${kb(v.bytes)} ${String(v.count).padStart(4)}  ${name}`);
      for (const f of (p.funcs ?? []).sort((a, b) => b.bytes - a.bytes)) console.log(`      ${String(f.bytes).padStart(7)}  ${f.name}`);
    }
  }
  const f = total('floor'), p = total('product');
  console.log(`product / floor: ${(p.count / f.count).toFixed(2)}× the functions, ${(p.bytes / f.bytes).toFixed(2)}× the bytes`);
}

const dir = mkdtempSync(join(tmpdir(), 'honoraria-startset-'));
try {
  const env = { ...process.env, GOOS: 'js', GOARCH: 'wasm' };
  const build = (out, pkg, ...flags) =>
    execFileSync('go', ['build', '-trimpath', ...flags, '-o', join(dir, out), pkg], { cwd: ROOT, env, stdio: 'inherit' });
  build('product.wasm', './wasm', '-gcflags=honoraria/...=-l');
  build('floor.wasm', './scripts/floor');
  execFileSync('go', ['run', './scripts/bundle', '-o', join(dir, 'data.txt')], { cwd: ROOT, stdio: 'pipe' });
  const exec = wasmExecJS();
  writeFileSync(join(dir, 'run.cjs'), RUNNER.replace('EXEC', JSON.stringify(exec)));

  const report = {};
  for (const kind of ['floor', 'product']) {
    const wasm = join(dir, `${kind}.wasm`);
    const fns = functions(readFileSync(wasm));
    let before = new Set();
    report[kind] = PHASES.map((name) => {
      const out = join(dir, 'trace.txt');
      const fd = openSync(out, 'w');
      const run = spawnSync(process.execPath, ['--wasm-lazy-compilation', '--no-wasm-tier-up', '--trace-wasm-compilation-times',
        join(dir, 'run.cjs'), kind, wasm, join(dir, 'data.txt'), name], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      closeSync(fd);
      if (run.status !== 0) throw new Error(`${kind} (${name}): ${run.stderr}`);
      const now = compiled(readFileSync(out, 'utf8'));
      const added = [...now].filter((i) => !before.has(i));
      before = now;
      return phase(name, added, fns);
    });
  }
  print(report, Number(opt.top));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
