// html_bench.mjs - the web view in headless Chromium (issue 13, section 4):
// for each page, the time from navigation start to the first fitted frame
// (the viewer sets window.amReady once its first view is painted; this
// waits one frame more, so that the first frame's raster is counted too)
// and to a search result (from the keystroke's input event to the next
// frame, matches marked); for the SVG alone, the time to its load
// event and first painted frame. "After a frame is painted" is a task
// queued from the frame's animation callback. Medians of REPEATS loads.
//
//   node bench/html_bench.mjs REPEATS QUERY FILE.html FILE.svg ...
// prints one JSON line per file.
import { launch, openPage, fileUrl, load } from '../tests/browser/browser.mjs';

const [repeats, query, ...files] = process.argv.slice(2);
const median = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const { browser, close } = await launch();
try {
  for (const file of files) {
    const paint = [], search = [];
    let errors = 0, requests = 0, matches = 0;
    for (let i = 0; i < Number(repeats); i++) {
      const { page, log } = await openPage(browser, 1400, 900);
      if (file.endsWith('.html')) {
        await load(page, fileUrl(file), 300000);
        // the next frame after the viewer's first: that one's raster done
        paint.push(await page.evaluate(() => new Promise((done) =>
          requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0)))));
        const r = await page.evaluate((q) => new Promise((done) => {
          const s = document.getElementById('am-search');
          s.value = q;
          const t0 = performance.now();
          s.dispatchEvent(new Event('input'));
          // after the next frame is painted (a task queued from its callback)
          requestAnimationFrame(() => setTimeout(() => done({ ms: performance.now() - t0,
            n: parseInt(document.getElementById('am-count').textContent, 10) || 0 }), 0));
        }), query);
        search.push(r.ms);
        matches = r.n;
      } else {
        await page.goto(fileUrl(file), { waitUntil: 'load', timeout: 300000 });
        paint.push(await page.evaluate(() => new Promise((done) =>
          requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0)))));
      }
      errors += log.errors.length;
      requests += log.requests.length;
      await page.close();
    }
    console.log(JSON.stringify({ file, paint_ms: median(paint),
      search_ms: search.length ? median(search) : null, matches, errors, requests }));
  }
} finally {
  await close();
}
