// screenshots.mjs — the README's pictures of the calculator (issue 11): the patient view,
// the doctor view, the price poster and the compact embed, taken in Debian's Chromium from
// the built site (make build first). Writes docs/screenshots/*.png.
//   node scripts/screenshots.mjs
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launch, openPage, waitReady, ROOT } from '../e2e/helpers.mjs';

const out = join(ROOT, 'docs', 'screenshots');
mkdirSync(out, { recursive: true });
const shots = [
  ['patient.png', '?code=101076&date=2024-03-01&insured=preferential&dmg=1&lang=fr', 1280, 900],
  ['doctor.png', '?code=101076&date=2024-03-01&insured=preferential&dmg=1&lang=nl&view=doctor', 1280, 900],
  // The poster itself, as it prints (the form beside it stays out of the picture).
  ['poster.png', 'poster.html?codes=101076,103132&date=2024-03-01&lang=fr&poster-lang=all', 1280, 900, { element: '#poster' }],
  // The compact embed as a host page shows it (the frame sizes to its content): from the
  // inputs down to the result's decisions, below the first screen of a phone; in German,
  // with the label's translation.
  ['embed-compact.png', '?embed=1&compact=1&code=101076&date=2024-03-01&lang=de', 360, 740, { until: '#answer .decisions' }],
];
const server = await startServer();
const browser = await launch();
try {
  for (const [file, path, width, height, { element, until } = {}] of shots) {
    const { context, page } = await openPage(browser, { width, height });
    await page.goto(server.url + path);
    await waitReady(page);
    const bottom = until && await page.locator(until).evaluate((n) => Math.ceil(n.getBoundingClientRect().bottom + scrollY) + 12);
    if (element) await page.locator(element).screenshot({ path: join(out, file) });
    else await page.screenshot({ path: join(out, file), ...(bottom ? { fullPage: true, clip: { x: 0, y: 0, width, height: bottom } } : {}) });
    await context.close();
    console.log('wrote', join('docs', 'screenshots', file));
  }
} finally {
  await browser.close();
  await server.stop();
}
