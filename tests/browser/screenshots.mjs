// screenshots.mjs - pictures of the web view for output/ (run by
// .ci/render-maps): for each page FILE.html, FILE.screen.png (the first
// screen, as a reader opens it) and FILE.panel.png (the details panel of
// the claim with the most evidence, as a click opens it). 1400x900, the
// same bytes for the same page and browser.
//
//   node tests/browser/screenshots.mjs FILE.html...
import { readFileSync } from 'node:fs';
import { launch, openPage, fileUrl, load, packed } from './browser.mjs';

const files = process.argv.slice(2);
const SAFE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const { browser, close } = await launch();
let bad = 0;
try {
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    const model = JSON.parse(packed(html, 'am-model'));
    const ev = {};
    for (const r of model.relations)
      for (const f of r.from)
        if (model.nodes.find((n) => n.id === f && n.kind === 'evidence')) ev[r.to] = (ev[r.to] || 0) + 1;
    const best = model.nodes.filter((n) => n.kind === 'claim' && SAFE.test(n.id))
      .sort((a, b) => (ev[b.id] || 0) - (ev[a.id] || 0))[0];
    const { page, log } = await openPage(browser, 1400, 900);
    await load(page, fileUrl(file));
    const stem = file.replace(/\.html$/, '');
    await page.screenshot({ path: stem + '.screen.png' });
    if (best) {
      await page.evaluate((id) => { location.hash = '#' + id; }, best.id);
      await page.waitForFunction(() => !document.getElementById('am-panel').hidden);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: stem + '.panel.png' });
    }
    if (log.errors.length || log.requests.length) {
      console.error(`${file}: ${log.errors.length} console errors, ${log.requests.length} requests`);
      bad++;
    }
    await page.close();
  }
} finally {
  await close();
}
process.exit(bad ? 1 : 0);
