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
  ['poster.png', 'poster.html?codes=101076,103132&date=2024-03-01&lang=fr&poster-lang=all', 1280, 900],
  ['embed-compact.png', '?embed=1&compact=1&code=101076&date=2024-03-01&lang=de', 360, 740],
];
const server = await startServer();
const browser = await launch();
try {
  for (const [file, path, width, height] of shots) {
    const { context, page } = await openPage(browser, { width, height });
    await page.goto(server.url + path);
    await waitReady(page);
    await page.screenshot({ path: join(out, file) });
    await context.close();
    console.log('wrote', join('docs', 'screenshots', file));
  }
} finally {
  await browser.close();
  await server.stop();
}
