// Shared set-up for the browser tests: build the site if needed, start our own
// server (cmd/serve) on a free localhost port, launch Debian's Chromium through
// playwright-core, and build the command line for comparisons.

import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

// wasmExecJS is this Go toolchain's wasm_exec.js (lib/wasm; misc/wasm up to Go 1.23), as
// scripts/build-site.sh copies it into the site: for the benchmarks' floor and runners.
export function wasmExecJS() {
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  return [join(goroot, 'lib/wasm/wasm_exec.js'), join(goroot, 'misc/wasm/wasm_exec.js')].find(existsSync);
}
export const DIST = process.env.HONORARIA_DIST || join(ROOT, 'dist');
// The commands the tests run (cmd/serve, cmd/honoraria): built once for the whole run when
// `make e2e` gives their folder (HONORARIA_E2E_BIN), else once per test file.
const BIN = process.env.HONORARIA_E2E_BIN || mkdtempSync(join(tmpdir(), 'honoraria-e2e-'));

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// ensureDist builds the site once when dist/ is not a built site (make e2e builds first):
// assets.json lists its content-hashed files (scripts/finish-site.mjs).
export function ensureDist() {
  if (!existsSync(join(DIST, 'assets.json'))) {
    execFileSync('bash', [join(ROOT, 'scripts/build-site.sh'), DIST], { cwd: ROOT, stdio: 'inherit' });
  }
}

// goBuild compiles a command of the module into the test's temporary folder.
export function goBuild(pkg, name) {
  const out = join(BIN, name);
  if (!existsSync(out)) execFileSync('go', ['build', '-o', out, pkg], { cwd: ROOT, stdio: 'inherit' });
  return out;
}

// startServer starts cmd/serve on 127.0.0.1:<free port> and resolves with
// {url, stop}.
export async function startServer(dir = DIST) {
  ensureDist();
  const bin = goBuild('./cmd/serve', 'serve');
  const child = spawn(bin, ['-dir', dir, '-addr', '127.0.0.1:0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + buf)), 15000);
    child.stdout.on('data', (chunk) => {
      buf += chunk;
      const m = /on (http:\/\/[^\s]+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${buf}`)));
  });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
  return { url, stop };
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// openPage opens a page that records every request and page error.
export async function openPage(browser, { width = 1200, height = 900, contextOptions = {} } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...contextOptions });
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.errors.push(e.message));
  return { context, page };
}

// useSite registers a test file's before/after hooks — one server, one browser and one
// page for all its tests — and returns {server, browser, page, visit, open}.
//
// visit(path, {width, height, wait}) navigates the file's shared page (the page of one
// browser context, with service workers blocked: offline.test.mjs and coverage.test.mjs
// test the worker in their own contexts): its requests and errors are reset, its viewport
// set (1200×900 unless given) and its media back to screen, then it waits until the
// calculator answered (unless wait is false). Navigating one page is the cheap way to load
// the site again: the same renderer keeps the compiled wasm and the HTTP cache, where a
// new context compiles everything again (about three times the CPU per load).
//
// open(path, opts) opens a page in a new context (openPage's options), for the tests that
// need one of their own: another locale, init scripts, routes with the service worker on.
export function useSite(ready) {
  const site = { server: null, browser: null, page: null };
  before(async () => {
    site.server = await startServer();
    site.browser = await launch();
    ({ page: site.page } = await openPage(site.browser, { contextOptions: { serviceWorkers: 'block' } }));
    if (ready) await ready(site);
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.stop();
  });
  site.url = (path) => site.server.url.replace(/\/$/, '') + (path.startsWith('/') ? path : '/' + path);
  site.visit = async (path, { width = 1200, height = 900, wait = true } = {}) => {
    const { page } = site;
    page.requests.length = 0;
    page.errors.length = 0;
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ media: 'screen' });
    await page.goto(site.url(path));
    if (wait) await waitReady(page);
    return page;
  };
  site.open = async (path, opts) => {
    const { context, page } = await openPage(site.browser, opts);
    await page.goto(site.url(path));
    await waitReady(page);
    return { context, page };
  };
  return site;
}

// waitReady waits until the engine answered (or failed) and the deferred panels
// (compare, history) caught up with the inputs.
export async function waitReady(page) {
  await page.waitForFunction(() => document.body.classList.contains('ready') || document.body.classList.contains('load-failed'), null, { timeout: 30000 });
  await settled(page);
}

// settled waits until no panel is out of date: the page renders the main result at
// once and the compare table and history after the next paint, each marked
// data-ready="false" until then.
export async function settled(page) {
  await page.waitForFunction(() => !document.querySelector('[data-ready="false"]'), null, { timeout: 30000 });
}

// pageURL is the page's address once the calculator has written its state into it: the
// page writes it in a task of its own after the input's (app.js writeURL), and a timer
// set now runs after that one.
export async function pageURL(page) {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return page.url();
}

// values reads every data-field/data-value pair on the page, once the deferred panels
// are done.
export async function values(page) {
  await settled(page);
  return page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('[data-field][data-value]')].map((n) => [n.dataset.field, n.dataset.value]),
  ));
}

export function axeSource() {
  const require = createRequire(import.meta.url);
  return require('node:fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

// cli runs the command line and returns {code, json, stderr}.
export function cli(args) {
  const bin = goBuild('./cmd/honoraria', 'honoraria');
  try {
    const out = execFileSync(bin, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, json: JSON.parse(out), stderr: '' };
  } catch (e) {
    let json = null;
    try { json = JSON.parse(e.stdout); } catch { /* no JSON on errors */ }
    return { code: e.status, json, stderr: String(e.stderr) };
  }
}

// flags turns a query object into command-line flags.
export function flags(query) {
  const out = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === true || v === '1') out.push(`--${k}`);
    else if (v !== false && v !== '' && v !== undefined) out.push(`--${k}`, String(v));
  }
  return out;
}
