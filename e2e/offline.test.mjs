// After the first visit the service worker has cached the page, the wasm and
// the data: the calculator keeps working with the network cut.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openPage, waitReady, values } from './helpers.mjs';

let server, browser;
after(async () => {
  await browser?.close();
  await server?.stop();
});

test('works offline after the first load', async () => {
  server = await startServer();
  browser = await launch();
  const { context, page } = await openPage(browser);
  await page.goto(server.url + '?code=101076&date=2024-03-01&insured=preferential&dmg=1&lang=nl');
  await waitReady(page);
  assert.equal((await values(page)).fee, '31.81');
  // Wait until the service worker is active and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });

  // Cut the network: the server is gone and the browser is offline.
  await server.stop();
  await context.setOffline(true);

  await page.reload();
  await waitReady(page);
  assert.equal((await values(page)).fee, '31.81');

  // A different URL (new state) also works offline.
  await page.goto(server.url + '?code=101076&date=2024-03-01&lang=fr');
  await waitReady(page);
  const v = await values(page);
  assert.equal(v.fee, '31.81');
  assert.ok(Number(v['personal-share']) > 1);
  assert.match(await page.locator('#result').innerText(), /Ticket modérateur/);
  await context.close();
});
