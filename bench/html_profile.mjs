// html_profile.mjs - where a page's first fitted frame goes in headless
// Chromium: a DevTools timeline trace of one load, summed per phase on the
// page's main thread (parse, style, layout, paint/raster prep, script) and
// the compositor/raster threads. For investigating bench/html.sh's numbers.
//
//   node bench/html_profile.mjs FILE.html [QUERY]
import { launch, openPage, fileUrl, load } from '../tests/browser/browser.mjs';

const [file, query] = process.argv.slice(2);
const { browser, close } = await launch();
try {
  const { page } = await openPage(browser, 1400, 900);
  await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'cc', 'gpu', 'viz'] });
  const t = await load(page, fileUrl(file), 600000);
  await page.evaluate(() => console.timeStamp('amReadyMark'));
  let s = null;
  if (query) {
    s = await page.evaluate((q) => new Promise((done) => {
      const e = document.getElementById('am-search');
      e.value = q;
      const t0 = performance.now();
      e.dispatchEvent(new Event('input'));
      const t1 = performance.now();
      requestAnimationFrame(() => setTimeout(() => done({ script: t1 - t0, frame: performance.now() - t0,
        n: parseInt(document.getElementById('am-count').textContent, 10) || 0 }), 0));
    }), query);
  }
  const buf = await page.tracing.stop();
  const tr = JSON.parse(Buffer.from(buf).toString("utf8"));
  const ev = tr.traceEvents || tr;
  const rm = ev.find((e) => e.name === 'TimeStamp' && JSON.stringify(e.args || {}).includes('amReadyMark'));
  const readyTs = rm ? rm.ts : 0;
  // self time per (thread, event), split at the first fitted frame
  const tname = {};
  for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') tname[e.pid + ':' + e.tid] = e.args.name;
  const marks = ev.filter((e) => e.name === 'TimeStamp' || (e.ph === 'R' || e.ph === 'I') && /amReady/.test(JSON.stringify(e.args || {})));
  const byThread = {};
  for (const e of ev) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const th = tname[e.pid + ':' + e.tid] || '?';
    if (!/./.test(th)) continue;
    (byThread[e.pid + ':' + e.tid] ||= []).push(e);
  }
  const t0 = Math.min(...ev.filter((e) => e.ts > 0).map((e) => e.ts));
  const split = readyTs;
  const sums = [{}, {}];
  for (const [k, list] of Object.entries(byThread)) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const stack = [];
    const th = tname[k].replace(/\d+$/, '') + '@' + k.split(':')[0];
    for (const e of list) {
      while (stack.length && stack[stack.length - 1].ts + stack[stack.length - 1].dur <= e.ts) stack.pop();
      if (stack.length) stack[stack.length - 1].self -= e.dur;
      e.self = e.dur;
      stack.push(e);
    }
    for (const e of list) {
      const w = split && e.ts > split ? 1 : 0;
      const key = th + ' ' + e.name;
      sums[w][key] = (sums[w][key] || 0) + e.self / 1000;
    }
  }
  console.log('first fitted frame at', Math.round(t), 'ms', s ? 'search ' + JSON.stringify(s) : '');
  for (const w of [0, 1]) {
    console.log(w ? '--- after the first fitted frame (search)' : '--- load to first fitted frame');
    const rows = Object.entries(sums[w]).sort((a, b) => b[1] - a[1]).slice(0, 25);
    for (const [k, v] of rows) console.log(v.toFixed(0).padStart(8), k);
  }
  const m = await page.metrics();
  console.log(JSON.stringify({ LayoutDuration: m.LayoutDuration, RecalcStyleDuration: m.RecalcStyleDuration, ScriptDuration: m.ScriptDuration, TaskDuration: m.TaskDuration, Nodes: m.Nodes }));
} finally {
  await close();
}
