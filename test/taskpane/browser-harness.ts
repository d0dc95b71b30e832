/**
 * What the task pane's browser tests share, whichever host stands in (the Excel stand-in for
 * dist/, the ET stand-in for dist-wps/): build the folder when it is older than src/, serve it on
 * 127.0.0.1, launch Debian's headless Chromium with nothing fetched from outside (a script of a
 * remote origin can be answered by the test; every other request must go to 127.0.0.1), and drive
 * the pane by clicks.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Runs `npm run <script>` when dist's taskpane.html/.js are missing or older than src/ (asynchronously: a blocked worker loses vitest's RPC). */
export async function ensureBuilt(dist: string, script: string): Promise<void> {
  const page = join(dist, 'taskpane.html');
  const code = join(dist, 'taskpane.js');
  const stale = !existsSync(page) || !existsSync(code) || Math.min(statSync(page).mtimeMs, statSync(code).mtimeMs) < newestMtime(join(ROOT, 'src'));
  if (!stale) return;
  await new Promise<void>((done, fail) => {
    const child = spawn('npm', ['run', script, '--silent'], { cwd: ROOT, stdio: 'inherit', timeout: 300_000 });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`npm run ${script} exited with ${code}`))));
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.map': 'application/json',
  '.xml': 'application/xml',
};

/** Serves `dist` read-only on 127.0.0.1; `base` is its URL. */
export function serve(dist: string): Promise<{ base: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = resolve(dist, `.${path}`);
    if (req.method !== 'GET' || !(file === dist || file.startsWith(dist + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server })));
}

export interface Launched {
  browser: Browser;
  context: BrowserContext;
  requests: string[];
  /** URLs answered by the test (`scripts`). */
  answered: Set<string>;
  blocked: string[];
  badResponses: string[];
}

/** Chromium with the project's flags; `scripts` answers those URLs with the given JavaScript; anything not on 127.0.0.1 is blocked. */
export async function launch(scripts: Record<string, string> = {}): Promise<Launched> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 380, height: 900 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const launched: Launched = { browser, context, requests: [], answered: new Set(), blocked: [], badResponses: [] };
  context.on('request', (request) => launched.requests.push(request.url()));
  context.on('response', (response) => {
    if (response.status() >= 400) launched.badResponses.push(`${response.status()} ${response.url()}`);
  });
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url in scripts) {
      launched.answered.add(url);
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: scripts[url] });
      return;
    }
    const { hostname } = new URL(url);
    if (hostname === '127.0.0.1' || hostname === 'localhost') {
      await route.continue();
      return;
    }
    launched.blocked.push(url);
    await route.abort('blockedbyclient');
  });
  return launched;
}

/** Clicks a pane button and waits until the action is over: no error shown, the status matching `done`. */
export async function clickAndWait(page: Page, selector: string, done: RegExp): Promise<string> {
  await page.click(selector);
  await page.waitForFunction(() => document.querySelector('#main')?.getAttribute('aria-busy') !== 'true' && document.querySelector('progress')?.hidden === true);
  const status = (await page.textContent('#status')) ?? '';
  const error = (await page.locator('#error').isVisible()) ? await page.textContent('#error') : '';
  expect(error, `error after ${selector}`).toBe('');
  expect(status).toMatch(done);
  return status;
}

/** The mapping table as shown: each source header, the item chosen (value and text), its match badge. */
export async function mappingRowsOf(page: Page): Promise<Array<{ header: string; value: string; option: string; badge: string }>> {
  return page.$$eval('#mapping tbody tr', (rows) =>
    rows.map((row) => {
      const selectElement = row.querySelector('select') as HTMLSelectElement;
      return {
        header: row.querySelector('th')?.textContent ?? '',
        value: selectElement.value,
        option: selectElement.selectedOptions[0]?.textContent ?? '',
        badge: row.querySelector('.badge')?.textContent ?? '',
      };
    }),
  );
}
