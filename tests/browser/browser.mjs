// browser.mjs - headless Chromium for the web view's tests, benchmark and
// screenshots: the system's /usr/bin/chromium (Debian's `chromium`, from
// .ci/deps) driven by puppeteer-core (tests/node), with a fresh profile,
// no background traffic, and every request the page makes counted and
// blocked except the page's own file.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
// ARGMAP_NODE_DIR: another folder holding the lock's node_modules (default
// tests/node, where .ci/deps installs them)
const nodeDir = process.env.ARGMAP_NODE_DIR || join(here, '..', 'node');
const require = createRequire(join(nodeDir, 'package.json'));
const puppeteer = require('puppeteer-core');

export const CHROMIUM = process.env.ARGMAP_CHROMIUM || '/usr/bin/chromium';

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'argmap-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-default-apps', '--disable-extensions', '--font-render-hinting=none'],
  });
  const close = async () => {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { browser, close };
}

// A page that records console errors, page errors, and every request other
// than the document itself (each is aborted).
export async function openPage(browser, width = 1400, height = 900) {
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const log = { errors: [], requests: [], dialogs: 0 };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', async (d) => { log.dialogs++; await d.dismiss(); });
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.isNavigationRequest() && r.frame() === page.mainFrame() &&
        r.url().startsWith('file:')) {
      r.continue();
      return;
    }
    log.requests.push(r.url());
    r.abort();
  });
  return { page, log };
}

export function fileUrl(path, hash = '') {
  return pathToFileURL(path).href + hash;
}

// Loads the page and waits until the viewer says it has drawn its first
// fitted frame; returns the time of that frame (ms after navigation start).
export async function load(page, url, timeout = 30000) {
  await page.goto(url, { waitUntil: 'load', timeout });
  await page.waitForFunction(() => window.amReady !== undefined, { timeout });
  return page.evaluate(() => window.amReady);
}

// A data element of a page's file (#am-model, #am-status, #am-drawing,
// #am-pieces): deflated, in base64 (src/export/html_pack.c), which only
// A-Z a-z 0-9 + / = can be; its text, or null when the page has none.
export function packed(html, id) {
  const m = new RegExp(`<script type="application/octet-stream" id="${id}" ` +
    'data-encoding="deflate base64">([A-Za-z0-9+/=]*)</script>').exec(html);
  return m ? inflateSync(Buffer.from(m[1], 'base64')).toString('utf8') : null;
}
