// test_view.mjs - the web view (argmap render -T html) in a real browser:
// the bundled maps' pages and a page of hostile text, loaded from disk in
// headless Chromium with every request blocked.
//
//   node tests/browser/test_view.mjs ARGMAP_CLI SOURCE_DIR WORK_DIR
//
// For each page: no console error (a CSP violation is one), no request
// leaves the page, the questions are inside the first screen; then search
// finds a known claim and the view moves to it; clicking a node shows its
// quote and source in #am-panel; a #id fragment selects a node, and back
// and forward follow the selection; Tab reaches every node; a diff's page
// says what changed; hostile text renders as text. Exit status 0 when every check passes, 1 otherwise.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, fileUrl, load, packed } from './browser.mjs';

const [cli, src, work] = process.argv.slice(2);
if (!cli || !src || !work) {
  console.error('usage: test_view.mjs ARGMAP_CLI SOURCE_DIR WORK_DIR');
  process.exit(2);
}
mkdirSync(work, { recursive: true });

let failures = 0, checks = 0;
function check(ok, what) {
  checks++;
  if (!ok) { failures++; console.log('FAIL ' + what); } else console.log('ok   ' + what);
}

function render(map, out, extra = []) {
  execFileSync(cli, ['render', '-q', '-T', 'html', '-o', out, ...extra, map], { stdio: 'inherit' });
  return out;
}

const maps = [
  ['example/cycle-lane.xml', 'lane'],
  ['ukraine-2025/carnegie.xml', 'carnegie'],
  ['ukraine-2025/cnn.xml', 'cnn'],
  ['ukraine-2025/debate.xml', 'debate'],
  ['ukraine-2025/foreign-affairs.xml', 'fa'],
];

// The model the page carries (read from the file, not the DOM).
function modelOf(html) {
  return JSON.parse(packed(html, 'am-model'));
}

// Is the element's box inside the drawing's part of the window?
async function onScreen(page, id, whole = true) {
  return page.evaluate((id, whole) => {
    const e = document.getElementById(id), v = document.getElementById('am-view');
    if (!e) return false;
    const b = e.getBoundingClientRect(), r = v.getBoundingClientRect();
    if (whole) return b.left >= r.left - 1 && b.right <= r.right + 1 && b.top >= r.top - 1 &&
      b.bottom <= r.bottom + 1 && b.width > 0;
    return b.right > r.left && b.left < r.right && b.bottom > r.top && b.top < r.bottom;
  }, id, whole);
}

const SAFE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const domId = (id) => 'am-n-' + id;

async function basics(browser, name, file, model) {
  const { page, log } = await openPage(browser);
  await load(page, fileUrl(file));
  check(log.errors.length === 0, `${name}: no console errors (${log.errors.join(' | ')})`);
  check(log.requests.length === 0, `${name}: no request leaves the page (${log.requests.join(' ')})`);
  // the questions are on the first screen, legibly: all of them when they fit
  // so, else the map's first (the others are a Fit or a search away)
  const qs = model.nodes.filter((n) => n.kind === 'question' && SAFE.test(n.id));
  const shown = [];
  for (const q of qs) if (await onScreen(page, domId(q.id))) shown.push(q.id);
  check(shown.includes(qs[0].id), `${name}: the question ${qs[0].id} is inside the first screen ` +
    `(${shown.length} of ${qs.length} questions)`);
  const legible = await page.evaluate((id) => {
    const e = document.getElementById(id);
    return e ? e.getBoundingClientRect().width : 0;
  }, domId(qs[0].id));
  check(legible > 200, `${name}: the first question is drawn legibly (${legible.toFixed(0)} px wide)`);
  const bar = await page.evaluate(() => {
    const b = document.querySelector('.am-bar');
    return b.scrollWidth <= b.clientWidth;
  });
  check(bar, `${name}: the tool bar fits the window`);

  // search: part of a claim's text, then Enter flies to it
  const claim = model.nodes.filter((n) => n.kind === 'claim' && SAFE.test(n.id)).at(-1);
  const words = claim.text.split(/\s+/).slice(0, 6).join(' ');
  await page.click('#am-search');
  await page.keyboard.type(words.toLowerCase());
  const marked = await page.evaluate((id) =>
    document.getElementById(id).classList.contains('am-match'), domId(claim.id));
  check(marked, `${name}: search "${words}" marks ${claim.id} with am-match`);
  const listed = await page.$$eval('#am-results li', (l) => l.map((x) => x.textContent));
  check(listed.some((t) => t.includes(claim.id)), `${name}: the match is listed`);
  const matches = await page.$$eval('.am-match', (l) => l.map((x) => x.id));
  const k = matches.indexOf(domId(claim.id));
  for (let i = 0; i <= k; i++) await page.keyboard.press('Enter');
  check(await onScreen(page, domId(claim.id)), `${name}: Enter moves the view to ${claim.id}`);
  await page.keyboard.press('Escape');
  check((await page.$$('.am-match')).length === 0, `${name}: Escape clears the search`);

  // clicking an evidence node shows its quote and source in the panel
  const ev = model.nodes.find((n) => n.kind === 'evidence' && SAFE.test(n.id) && n.sources.length);
  if (ev) {
    await page.evaluate((id) => { location.hash = '#' + id; }, ev.id); // bring it on screen
    await page.waitForFunction(() => !document.getElementById('am-panel').hidden);
    await page.keyboard.press('Escape');
    const box = await page.evaluate((id) => {
      const b = document.getElementById(id).getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }, domId(ev.id));
    await page.mouse.click(box.x, box.y);
    await page.waitForFunction(() => !document.getElementById('am-panel').hidden);
    const text = await page.$eval('#am-panel', (p) => p.textContent);
    const src = model.sources.find((s) => s.id === ev.sources[0]);
    check(text.includes(ev.text), `${name}: clicking ${ev.id} shows its quote in #am-panel`);
    check(text.includes(src.title || src.id), `${name}: ... and its source "${src.title}"`);
    if (src.url) {
      const hrefs = await page.$$eval('#am-panel a[href^="http"]', (l) => l.map((a) => a.href));
      check(hrefs.some((h) => h.startsWith(src.url) && h.includes('#:~:text=')),
        `${name}: ... linked to the passage with a text fragment`);
    }
    check(log.requests.length === 0, `${name}: clicking a node (a link in the SVG) loads nothing`);
  }

  // the claim a piece of evidence supports lists the quote too
  const target = model.relations.find((r) => r.kind === 'support' && r.to_kind === 'node' &&
    r.from.some((f) => model.nodes.find((n) => n.id === f && n.kind === 'evidence')));
  if (target) {
    await page.evaluate((id) => { location.hash = '#' + encodeURIComponent(id); }, target.to);
    await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('am-selected'),
      {}, domId(target.to));
    const text = await page.$eval('#am-panel', (p) => p.textContent);
    const q = model.nodes.find((n) => target.from.includes(n.id) && n.kind === 'evidence');
    check(text.includes(q.text), `${name}: ${target.to}'s panel quotes its evidence ${q.id}`);
  }
  check(log.errors.length === 0, `${name}: still no console errors (${log.errors.join(' | ')})`);
  await page.close();
}

async function fragments(browser, name, file, model) {
  const [a, b] = model.nodes.filter((n) => n.kind === 'claim' && SAFE.test(n.id)).slice(-2);
  const { page, log } = await openPage(browser);
  await load(page, fileUrl(file, '#' + a.id));
  const sel = await page.evaluate(() => [...document.querySelectorAll('.am-selected')].map((e) => e.id));
  check(sel.length === 1 && sel[0] === domId(a.id), `${name}: #${a.id} selects that node`);
  check(await onScreen(page, domId(a.id)), `${name}: ... and shows it`);
  const panelText = await page.$eval('#am-panel', (p) => p.textContent);
  check(panelText.includes(a.text), `${name}: ... with its text in the panel`);
  // a claim's <title> heads its panel (the bundled Carnegie claims have one)
  if (name === 'carnegie') check(a.title && panelText.includes(a.title),
    `${name}: ... headed by its title (${a.title})`);
  // a relation link in the panel moves the selection; back and forward follow
  await page.evaluate((id) => { location.hash = '#' + id; }, b.id);
  await page.waitForFunction((id) => document.getElementById(id).classList.contains('am-selected'),
    {}, domId(b.id));
  await page.goBack();
  await page.waitForFunction((id) => document.getElementById(id).classList.contains('am-selected'),
    { timeout: 5000 }, domId(a.id));
  check(true, `${name}: back returns to ${a.id}`);
  await page.goForward();
  await page.waitForFunction((id) => document.getElementById(id).classList.contains('am-selected'),
    { timeout: 5000 }, domId(b.id));
  check(true, `${name}: forward returns to ${b.id}`);
  const links = await page.$$eval('#am-panel a[href^="#"]', (l) => l.map((x) => x.getAttribute('href')));
  if (links.length) {
    await page.click(`#am-panel a[href="${links[0]}"]`);
    const id = decodeURIComponent(links[0].slice(1));
    await page.waitForFunction((d) => document.getElementById(d)?.classList.contains('am-selected'),
      { timeout: 5000 }, domId(id));
    check(await onScreen(page, domId(id)), `${name}: a relation link in the panel moves the view to ${id}`);
  }
  check(log.errors.length === 0 && log.requests.length === 0, `${name}: fragments: no errors, no requests`);
  await page.close();
}

async function keyboard(browser, name, file, model) {
  const { page, log } = await openPage(browser);
  await load(page, fileUrl(file));
  const want = new Set(model.nodes.map((n) => n.id));
  const seen = new Set();
  await page.focus('#am-search');
  const limit = want.size + 30;
  for (let i = 0; i < limit && seen.size < want.size; i++) {
    await page.keyboard.press('Tab');
    const id = await page.evaluate(() => {
      const e = document.activeElement;
      return e && e.classList && e.classList.contains('am-node') ? e.id : null;
    });
    if (id) seen.add(id.replace(/^am-n-/, ''));
  }
  const missing = [...want].filter((id) => SAFE.test(id) && !seen.has(id));
  check(missing.length === 0, `${name}: Tab reaches all ${want.size} nodes (missing: ${missing.slice(0, 5)})`);
  // Enter on the focused node opens it
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.getElementById('am-panel').hidden, { timeout: 5000 });
  const label = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  check(label && label.length > 10, `${name}: the focused node is named by its text ("${(label || '').slice(0, 40)}...")`);
  check(log.errors.length === 0, `${name}: keyboard: no console errors`);
  await page.close();
}

// A map whose every text tries to become markup or script.
const HOSTILE = [
  '</script><script>window.pwned=1</script>',
  '<!--<script>window.pwned=2</script>',
  '<img src=x onerror="window.pwned=3">',
  '"\'><svg onload="window.pwned=4">',
  '&amp; &lt;b&gt; \\N \u2028 ]]>',
];
function hostileMap() {
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  return `<?xml version="1.0" encoding="UTF-8"?>
<argmap xmlns="urn:argmap:1" version="1" xml:lang="en">
  <meta>
    <title>${esc(HOSTILE[0])}</title>
    <description>${esc(HOSTILE[2])}</description>
    <editor>${esc(HOSTILE[1])}</editor>
    <date>2026-11-30</date>
  </meta>
  <source id="s1" kind="article" date="2026-11-30" url="https://example.org/a?x=%22%3E%3Cscript%3E">
    <title>${esc(HOSTILE[3])}</title>
    <publisher>${esc(HOSTILE[4])}</publisher>
  </source>
  <actor id="a1" kind="person" name="${esc(HOSTILE[2])}"/>
  <question id="q1" source="s1"><text>${esc(HOSTILE[0])}</text></question>
  <claim id="c1" by="a1" source="s1"><text>${esc(HOSTILE[1])}</text><note>${esc(HOSTILE[3])}</note></claim>
  <evidence id="e1" source="s1" speaker="a1" locator="${esc(HOSTILE[4])}">
    <quote>${esc(HOSTILE[2])}</quote>
  </evidence>
  <answer from="c1" to="q1" stance="yes" by="a1"/>
  <support from="e1" to="c1"/>
</argmap>
`;
}

async function hostile(browser) {
  const xml = join(work, 'hostile.xml');
  writeFileSync(xml, hostileMap());
  const file = render(xml, join(work, 'hostile.html'));
  const { page, log } = await openPage(browser);
  await load(page, fileUrl(file, '#e1'));
  const state = await page.evaluate(() => ({
    pwned: window.pwned, scripts: document.scripts.length,
    code: [...document.scripts].filter((e) => !e.type || /javascript/.test(e.type)).length,
    types: [...document.scripts].map((e) => e.type || 'js').join(' '),
    imgs: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg').length,
    onattrs: [...document.querySelectorAll('*')].filter((e) =>
      [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    panel: document.getElementById('am-panel').textContent,
    title: document.title,
    label: document.getElementById('am-n-c1').getAttribute('aria-label'),
  }));
  check(state.pwned === undefined && log.dialogs === 0, 'hostile: no script of the map ran');
  check(state.scripts === 6 && state.code === 1,
    `hostile: the page has its 6 scripts only, one of them code (${state.types})`);
  check(state.imgs === 0 && state.svgs === 1 && state.onattrs === 0,
    'hostile: no element or on* attribute came from the text');
  check(state.title === HOSTILE[0], 'hostile: the title is the text, as text');
  check(state.panel.includes(HOSTILE[2]) && state.panel.includes(HOSTILE[4].trim().slice(0, 10)),
    'hostile: the panel shows quote and locator as text');
  check(state.label.includes(HOSTILE[1]), 'hostile: the accessible name is the text');
  await page.type('#am-search', 'pwned=2');
  check((await page.$$('.am-match')).length === 1, 'hostile: search finds the hostile claim');
  check(log.requests.length === 0, `hostile: no request (${log.requests.join(' ')})`);
  check(log.errors.length === 0, `hostile: no console errors (${log.errors.join(' | ')})`);
  await page.close();
}

// An --actor page carries the data of the view it draws: the same nodes
// as `argmap export --actor` of that map, fewer than the map's, and the
// status only of those.
async function actorView(browser) {
  const map = join(src, 'maps/ukraine-2025/cnn.xml');
  const file = render(map, join(work, 'actor.html'), ['--actor', 'rubio']);
  const html = readFileSync(file, 'utf8');
  const model = modelOf(html);
  const want = JSON.parse(execFileSync(cli, ['export', '-q', '-T', 'json', '-o', '-', '--actor', 'rubio', map]));
  const whole = JSON.parse(execFileSync(cli, ['export', '-q', '-T', 'json', '-o', '-', map]));
  const ids = (m) => m.nodes.map((n) => n.id).sort().join(' ');
  check(ids(model) === ids(want) && model.nodes.length < whole.nodes.length,
    `actor: the page's model is the --actor view (${model.nodes.length} of ${whole.nodes.length} nodes)`);
  const st = JSON.parse(packed(html, 'am-status'));
  const inView = new Set(model.nodes.map((n) => n.id));
  check(Object.keys(st.nodes).length > 0 && Object.keys(st.nodes).every((id) => inView.has(id)),
    'actor: the status covers only the view');
  const drawn = ((packed(html, 'am-pieces') ?? html).match(/id="am&#45;n&#45;[^"]*"/g) || []).length;
  check(drawn === model.nodes.length, `actor: the drawing has the model's nodes (${drawn})`);
}

// The status toggle: each claim's label and its explanation, from
// `argmap eval` of the same map.
async function statusToggle(browser) {
  const map = join(src, 'maps/ukraine-2025/carnegie.xml');
  const file = render(map, join(work, 'status.html'));
  const ev = JSON.parse(execFileSync(cli, ['eval', '-q', '--format', 'json', map]));
  const items = (Array.isArray(ev) ? ev[0] : ev).items;
  const pick = items.find((i) => i.kind === 'claim' && i.label === 'OUT' && SAFE.test(i.id)) ||
    items.find((i) => i.kind === 'claim' && SAFE.test(i.id));
  const { page, log } = await openPage(browser);
  await load(page, fileUrl(file));
  const before = await page.$$eval('.am-status-badge', (l) => l.length);
  await page.click('#am-status-on');
  const badge = await page.evaluate((id) => {
    const b = document.querySelector(`.am-status-badge[data-node="${id}"]`);
    return b ? b.textContent : null;
  }, pick.id);
  check(before === 0 && badge && badge.includes(pick.label),
    `status: the toggle labels ${pick.id} ${pick.label} on the drawing ("${badge}")`);
  await page.evaluate((id) => { location.hash = '#' + id; }, pick.id);
  await page.waitForFunction(() => !document.getElementById('am-panel').hidden);
  const text = await page.$eval('#am-panel', (p) => p.textContent);
  check(text.includes(pick.label) && text.includes(pick.explanation),
    `status: the panel gives ${pick.id}'s label and explanation ("${pick.explanation}")`);
  await page.screenshot({ path: join(work, 'status.png') });
  await page.click('#am-status-on');
  check((await page.$$('.am-status-badge')).length === 0, 'status: the toggle turns it off');
  check(log.errors.length === 0 && log.requests.length === 0, 'status: no errors, no requests');
  await page.close();
}

// A map too big to put into the DOM at once (more than the viewer's 2,500
// pieces): its pieces arrive deflated and only those near the view go into
// the DOM. A node that is not there is found by search, drawn from its
// inflated piece and selectable; Tab still reaches every node.
function manyMap(n) {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<argmap xmlns="urn:argmap:1" version="1" xml:lang="en">',
    '  <meta><title>Many claims</title><date>2026-12-02</date></meta>',
    '  <source id="s1" kind="article" date="2026-12-02" url="https://example.org/many"><title>Many</title></source>',
    '  <actor id="a1" kind="person" name="Ada"/>',
    '  <question id="q1" source="s1"><text>Should the town build it?</text></question>'];
  for (let k = 1; k <= n; k++)
    out.push(`  <claim id="c${k}" by="a1" source="s1"><text>Reason ${k} for the plan, marked zq${k}x</text></claim>`);
  out.push('  <answer from="c1" to="q1" stance="yes" basis="editor"/>');
  // two relations a claim, so that the pieces (nodes and edges) pass 2,500
  // with few nodes for Tab to walk
  for (let k = 2; k <= n; k++) {
    out.push(`  <support from="c${k}" to="c${Math.floor(k / 4) || 1}"/>`);
    if (k > 2) out.push(`  <rebut from="c${k}" to="c${k - 1}"/>`);
  }
  out.push('</argmap>', '');
  return out.join('\n');
}

async function manyClaims(browser) {
  const n = 900, xml = join(work, 'many.xml');
  writeFileSync(xml, manyMap(n));
  const file = render(xml, join(work, 'many.html'));
  const html = readFileSync(file, 'utf8');
  const pieces = JSON.parse(packed(html, 'am-drawing')).id.length;
  check(pieces > 2500 && !/id="am&#45;n&#45;c7"/.test(html) && /id="am&#45;n&#45;c7"/.test(packed(html, 'am-pieces')),
    `many: ${pieces} pieces, their markup only deflated in the file`);
  const { page, log } = await openPage(browser, 1000, 700);
  await load(page, fileUrl(file), 120000);
  const state = await page.evaluate((n) => {
    let away = 0;
    for (let k = n - 1; k > 1 && !away; k--) if (!document.getElementById('am-n-c' + k)) away = k;
    return { away, live: document.querySelectorAll('g.am-node').length };
  }, n);
  check(state.away > 0 && state.live < n, `many: ${state.live} of ${n + 1} nodes in the DOM at first`);
  // search finds a node whose piece was not in the DOM; Enter draws it
  await page.type('#am-search', `zq${state.away}x`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('am-current'),
    { timeout: 10000 }, domId('c' + state.away));
  check(await onScreen(page, domId('c' + state.away)), `many: search flies to c${state.away}, drawn from its piece`);
  const text = await page.$eval('#' + domId('c' + state.away), (e) => e.textContent);
  check(text.includes(`zq${state.away}x`), 'many: the inflated piece holds the node\'s text');
  await page.click('#' + domId('c' + state.away));
  await page.waitForFunction(() => !document.getElementById('am-panel').hidden, { timeout: 5000 });
  const panel = await page.$eval('#am-panel', (e) => e.textContent);
  check(panel.includes(`Reason ${state.away} for the plan`), 'many: clicking it opens its panel');
  await page.keyboard.press('Escape');
  // Tab from the search box through every node
  await page.evaluate(() => {
    window.amSeen = new Set();
    document.addEventListener('focusin', (e) => {
      if (e.target.classList && e.target.classList.contains('am-node')) window.amSeen.add(e.target.id);
    });
  });
  await page.focus('#am-search');
  const t0 = Date.now();
  for (let i = 0; i < n + 40; i++) await page.keyboard.press('Tab');
  const seen = await page.evaluate(() => [...window.amSeen]);
  const missing = [];
  for (let k = 1; k <= n; k++) if (!seen.includes(domId('c' + k))) missing.push('c' + k);
  if (!seen.includes(domId('q1'))) missing.push('q1');
  check(missing.length === 0, `many: Tab reaches all ${n + 1} nodes in ${Date.now() - t0} ms (missing: ${missing.slice(0, 5)})`);
  check(log.errors.length === 0 && log.requests.length === 0,
    `many: no errors, no requests (${log.errors.join(' | ')})`);
  await page.close();
  // printing puts the whole drawing into the DOM, not only the pieces near
  // the view: a node that was not there is in the printed PDF's text
  {
    const { page, log } = await openPage(browser, 1000, 700);
    await load(page, fileUrl(file), 120000);
    const off = await page.evaluate((n) => {
      for (let k = 2; k < n; k++) if (!document.getElementById('am-n-c' + k)) return k;
      return 0;
    }, n);
    // zoomed out to the overview, Tab from the tool bar still reaches a node
    await page.keyboard.press('0');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const over = await page.evaluate(() => document.getElementById('am-view').classList.contains('am-overview'));
    await page.focus('#am-status-on');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement.closest('g.am-node')?.id || document.activeElement.id);
    check(over && focused && focused.startsWith('am-n-'),
      `many: in the overview, Tab from the tool bar lands on a node (${focused})`);
    const pdf = join(work, 'many.print.pdf');
    await page.pdf({ path: pdf, width: '420mm', height: '297mm', timeout: 120000 });
    const inDom = await page.$$eval('g.am-node', (l) => l.length);
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    check(off > 0 && inDom === n + 1 && text.includes(`zq${off}x`),
      `many: printing draws all ${n + 1} nodes (${inDom}), c${off}, off screen at first, is in the PDF`);
    check(log.errors.length === 0 && log.requests.length === 0, 'many: printing: no errors, no requests');
    await page.close();
  }
}

// A browser without DecompressionStream cannot read the packed data: the
// page says so, in words, rather than staying empty.
async function noInflate(browser) {
  const { page, log } = await openPage(browser);
  await page.evaluateOnNewDocument(() => { delete window.DecompressionStream; window.DecompressionStream = undefined; });
  await page.goto(fileUrl(join(work, 'lane.html')), { waitUntil: 'load' });
  await page.waitForSelector('.am-unread', { timeout: 5000 });
  const text = await page.$eval('.am-unread', (e) => e.textContent);
  check(text.includes('cannot read') && log.errors.length === 1 && log.requests.length === 0,
    `no DecompressionStream: the page says so ("${text.slice(0, 50)}...")`);
  await page.close();
}

// The list of questions: every question, keyboard reachable; choosing one
// flies there and selects it.
async function questionList(browser) {
  const file = join(work, 'debate.html');
  const model = modelOf(readFileSync(file, 'utf8'));
  const qs = model.nodes.filter((n) => n.kind === 'question');
  const { page, log } = await openPage(browser);
  await load(page, fileUrl(file));
  await page.focus('#am-questions-btn');
  await page.keyboard.press('Enter');
  const listed = await page.$$eval('#am-questions li a', (l) => l.map((a) => a.textContent));
  check(listed.length === qs.length && qs.every((q) => listed.some((t) => t.includes(q.text))),
    `questions: the list names all ${qs.length} questions`);
  const last = qs[qs.length - 1];
  for (let i = 0; i < qs.length; i++) await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement.textContent);
  check(focused.includes(last.text), 'questions: Tab walks the list');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.getElementById(id)?.classList.contains('am-selected'),
    { timeout: 5000 }, domId(last.id));
  check(await onScreen(page, domId(last.id)), `questions: Enter flies to ${last.id}`);
  await page.screenshot({ path: join(work, 'questions.png') });
  check(log.errors.length === 0 && log.requests.length === 0, 'questions: no errors, no requests');
  await page.close();
}

// A diff's page (argmap diff -T html): the panel of a removed node says
// REMOVED and names the old version; a changed one says what it was.
async function diffPanel(browser) {
  const file = join(work, 'diff.html');
  execFileSync(cli, ['diff', '-q', '-L', 'v-old', '-L', 'v-new', '-T', 'html', '-o', file,
    join(src, 'tests/data/diff/old.xml'), join(src, 'tests/data/diff/new.xml')], { stdio: 'inherit' });
  const { page, log } = await openPage(browser);
  await load(page, fileUrl(file));
  async function panelOf(id) {
    await page.evaluate((id) => { location.hash = '#' + id; }, id);
    await page.waitForFunction((d) => { const p = document.getElementById('am-panel');
      return !p.hidden && p.textContent.includes(d); }, { timeout: 5000 }, id);
    return page.$eval('#am-panel', (p) => p.textContent);
  }
  const gone = await panelOf('gone');
  check(gone.includes('REMOVED') && gone.includes('v-old'),
    `diff: the removed node's panel says REMOVED, in v-old ("${gone.slice(0, 80)}")`);
  const yes = await panelOf('yes');
  check(yes.includes('CHANGED') && yes.includes('text was: It should be done.'),
    'diff: the changed node\'s panel says what its text was');
  const same = await panelOf('q');
  check(!/REMOVED|ADDED|CHANGED|RENAMED/.test(same), 'diff: an unchanged node\'s panel names no change');
  check(log.errors.length === 0 && log.requests.length === 0, 'diff: no errors, no requests');
  await page.close();
}

const { browser, close } = await launch();
try {
  for (const [map, name] of maps) {
    const file = render(join(src, 'maps', map), join(work, name + '.html'));
    const model = modelOf(readFileSync(file, 'utf8'));
    await basics(browser, name, file, model);
    if (name === 'lane' || name === 'carnegie') {
      await fragments(browser, name, file, model);
      await keyboard(browser, name, file, model);
    }
  }
  // a view, and an id prefix: the DOM contract takes the prefix
  const view = render(join(src, 'maps/ukraine-2025/carnegie.xml'), join(work, 'view.html'),
    ['--focus', 'cg-shapiro-no', '--depth', '1', '--id-prefix', 'x-']);
  {
    const { page, log } = await openPage(browser);
    await load(page, fileUrl(view, '#cg-shapiro-no'));
    const sel = await page.$$eval('.am-selected', (l) => l.map((e) => e.id));
    check(sel.length === 1 && sel[0] === 'x-am-n-cg-shapiro-no', `view: --id-prefix x- gives ${sel}`);
    check(log.errors.length === 0 && log.requests.length === 0, 'view: no errors, no requests');
    await page.close();
  }
  await actorView(browser);
  await statusToggle(browser);
  await diffPanel(browser);
  await questionList(browser);
  await noInflate(browser);
  await manyClaims(browser);
  await hostile(browser);
} finally {
  await close();
}
console.log(`${checks - failures}/${checks} checks passed`);
process.exit(failures ? 1 : 0);
