/**
 * The playground in a real browser (Debian chromium driven by playwright-core): type ASSESS
 * formulas into cells (English and Chinese names), read the computed value and a spilled
 * BREAKDOWN back from the grid; no request leaves localhost and the page's CSP holds.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const output = join(root, 'test-output/playground');
let server: Server;
let browser: Browser;
let page: Page;
let base = '';
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/playground.html'))) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe' });
  const { serve } = (await import(join(root, 'scripts/serve.mjs'))) as { serve: (port: number, quiet: boolean) => Server };
  server = serve(0, true);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(`${base}/playground.html`);
  await page.waitForSelector('#grid td[data-address="A4"]');
  mkdirSync(output, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function typeInto(address: string, text: string): Promise<void> {
  await page.click(`#grid td[data-address="${address}"]`);
  await page.fill('#formula', text);
  await page.press('#formula', 'Enter');
}

async function cell(address: string): Promise<string> {
  return (await page.textContent(`#grid td[data-address="${address}"]`)) ?? '';
}

describe('playground', () => {
  it('computes a typed SCORE formula', async () => {
    // Scratch sheet A1:D2: 9.1 = 5, 9.3 = 6, 9.4.national = 3, 10.5 = 1 (chengdu2006), by hand:
    // 70 + 5 + min(6 × 0.5, 2) + min(3 × 1.5, 4) − 1 × 5 = 70 + 5 + 2 + 4 − 5 = 76 (第九條(三)(四), 第十條(五)).
    await typeInto('H2', '=ASSESS.SCORE(A2:D2,"chengdu2006",A1:D1)');
    expect(await cell('H2')).toBe('76');
  });

  it('spills a BREAKDOWN typed with the Chinese name', async () => {
    await typeInto('H8', '=考核.得分明细(A2:D2,"chengdu2006",A1:D1)');
    expect([await cell('H8'), await cell('I8'), await cell('J8'), await cell('K8'), await cell('L8')]).toEqual(['条款', '条目', '输入', '得分', '说明']);
    // Row 5 of the breakdown is 9.3: input 6, points min(6 × 0.5, 2) = 2, clause 第九條(三).
    expect([await cell('H12'), await cell('J12'), await cell('K12')]).toEqual(['第九條(三)', '6', '2']);
    // The last row is the total, 76.
    const rows = await page.$$eval('#grid td[data-col="8"]', (cells) => cells.map((c) => c.textContent));
    const total = rows.indexOf('合计');
    expect(total).toBeGreaterThan(8);
    expect(await cell(`K${total + 1}`)).toBe('76');
    // The formula bar shows the formula as typed.
    await page.click('#grid td[data-address="H8"]');
    expect(await page.inputValue('#formula')).toBe('=考核.得分明细(A2:D2,"chengdu2006",A1:D1)');
    await page.screenshot({ path: join(output, 'playground.png') });
    // The README's copy is refreshed only by `npm run screenshots`: a test run never writes into the repository.
    if (process.env.ASSESS_SCREENSHOTS === 'update') {
      mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
      copyFileSync(join(output, 'playground.png'), join(root, 'docs/screenshots/playground.png'));
    }
  });

  it('shows a bad cell as #VALUE! with a message naming the item and value', async () => {
    await typeInto('C2', 'abc');
    expect(await cell('H2')).toBe('#VALUE!');
    await page.click('#grid td[data-address="H2"]');
    expect(await page.textContent('#message')).toContain('9.4.national');
    expect(await page.textContent('#message')).toContain('"abc"');
    await typeInto('C2', '3');
    expect(await cell('H2')).toBe('76');
  });

  it('loads the example workbooks as sheets', async () => {
    const tabs = await page.$$eval('#tabs button', (buttons) => buttons.map((b) => b.textContent));
    expect(tabs).toContain('chengdu2006');
    expect(tabs).toContain('township2022');
  });

  it('made no request beyond localhost and broke no CSP rule', () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(new URL(url).hostname).toBe('127.0.0.1');
    expect(consoleErrors, consoleErrors.join("\n")).toEqual([]);
  });
});
