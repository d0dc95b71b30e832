/**
 * The BUILT WPS task pane (dist-wps/taskpane.html + taskpane.js: the pane on the ET host, no
 * office.js) in Debian's headless Chromium against the ET stand-in (et-standin.ts through
 * et-standin.browser.ts, compiled with esbuild and injected before the page's scripts as
 * `window.Application`, as WPS gives it to an add-in page). The same flows as the Excel browser
 * test, on the same table (test/taskpane/pane-data.ts): choose a ruleset, read the table and its
 * mapping, a scorecard on a new sheet (the source untouched), validate in place (fills and notes),
 * go to a cell, clear the marks (restored exactly), a template. Nothing is fetched from outside.
 * This is the stand-in, not WPS itself.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, clickAndWait, ensureBuilt, launch, mappingRowsOf, serve } from '../taskpane/browser-harness';
import { SOURCE, SOURCE_MAPPING, SOURCE_ROWS, UNLISTED } from '../taskpane/pane-data';

const DIST = join(ROOT, 'dist-wps');
const OTHER = '说明';

interface CellSeen {
  value: unknown;
  formula: string | null;
  fill: string | null;
  note: string | null;
}

let server: Server;
let browser: Browser;
let page: Page;
let requests: string[] = [];
let blocked: string[] = [];
const pageErrors: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  await ensureBuilt(DIST, 'build:wps');
  const compiled = await build({ entryPoints: [join(ROOT, 'test/wps/et-standin.browser.ts')], bundle: true, format: 'iife', target: 'chrome110', write: false, logLevel: 'silent' });
  const standin = compiled.outputFiles[0].text;
  const served = await serve(DIST);
  server = served.server;
  const launched = await launch();
  browser = launched.browser;
  requests = launched.requests;
  blocked = launched.blocked;
  page = await launched.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const seed = {
    sheets: [
      { name: SOURCE, rows: SOURCE_ROWS, fills: { A2: '#D9D9D9', B2: '#D9D9D9', D5: '#FFFF00' }, notes: { C4: '原有批注：已与青羊区核实' } },
      { name: `计分表 ${SOURCE}`, rows: [['旧计分表']] },
      { name: OTHER, rows: [['填表说明']] },
    ],
    selection: { sheet: SOURCE, address: 'B4' },
  };
  await page.addInitScript(({ seed }) => ((window as unknown as Record<string, unknown>).__ET_SEED = seed), { seed });
  await page.addInitScript({ content: standin });
  await page.goto(`${served.base}/taskpane.html`);
  await page.waitForSelector('body[data-ready="true"]');
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(() => done(undefined)) : done(undefined)));
});

function standinCall<T>(name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(({ name, args }) => (window as unknown as { __standin: Record<string, (...a: unknown[]) => unknown> }).__standin[name](...args) as never, { name, args }) as Promise<T>;
}
const cells = (sheet: string) => standinCall<Record<string, CellSeen>>('cells', sheet);
const select = (sheet: string, address: string) => standinCall<void>('select', sheet, address);
const click = (selector: string, done: RegExp) => clickAndWait(page, selector, done);

describe('WPS task pane in a browser, against the ET stand-in', () => {
  let source: Record<string, CellSeen>;

  it('starts with the built-in rulesets; chengdu2006 chosen', async () => {
    expect(await page.textContent('h1')).toBe('政务服务考核');
    const options = await page.$$eval('#ruleset option', (list) => list.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(['chengdu2006', 'county2013', 'tacheng2020', 'govinfo', 'township2022', '__workbook__']);
    await page.selectOption('#ruleset', 'county2013');
    await page.selectOption('#ruleset', 'chengdu2006');
    expect(await page.textContent('#ruleset-meta')).toContain('成都市区(市)县政府政务服务中心工作考核实施细则');
  });

  it('reads the table around the selected cell and proposes the mapping', async () => {
    source = await cells(SOURCE);
    await click('#read-table', /已读取 '考核 数据'!A1:G7/);
    expect(await page.textContent('#mapping-source')).toBe("'考核 数据'!A1:G7：表头在第 2 行，5 行数据");
    expect((await mappingRowsOf(page)).map(({ header, value, badge }) => [header, value, badge])).toEqual(SOURCE_MAPPING);
  });

  it('creates the scorecard on a new sheet of formulas on the source cells, printable, the source untouched', async () => {
    await click('#create-scorecard', /已生成计分表“计分表 考核 数据 \(2\)”（5 个单位）/);
    const card = '计分表 考核 数据 (2)';
    expect(await standinCall<string>('active')).toBe(card);
    expect(await standinCall<string[]>('sheetNames')).toEqual([SOURCE, `计分表 ${SOURCE}`, OTHER, card]);
    const written = await cells(card);
    // Units from row 3 of the source (header on row 2) → rows 4–8 of the scorecard, filled down.
    expect(written.A4.formula).toBe(`=IF(ISBLANK('考核 数据'!A3),"",'考核 数据'!A3)`);
    expect(written.A8.formula).toBe(`=IF(ISBLANK('考核 数据'!A7),"",'考核 数据'!A7)`);
    expect(written.A2.value).toBe('单位');
    expect(await standinCall<number>('frozenRows', card)).toBe(3);
    // A4 (9) landscape (2), one page wide and as many down as needed (Zoom False), rows 1–3 on every page.
    // At 100 % with the unit column on every page, as the CLI's scorecard (issue 22.3): fitted one
    // page wide, a wide scorecard printed at 2–3 points.
    expect(await standinCall('print', card)).toEqual({ orientation: 2, paper: 9, fit: { zoom: 100 }, titleRows: '$1:$3', titleColumns: '$A:$A' });
    expect(await cells(SOURCE)).toEqual(source);
  });

  it('validates in place: the five findings of the Excel test, cells filled, notes added where the clerk has none', async () => {
    await select(SOURCE, 'A2:F7');
    await click('#validate', /发现 5 处问题，已在“考核 数据”中标记/);
    expect(await page.$$eval('#findings li .cell-ref', (list) => list.map((li) => li.textContent))).toEqual(['A3', 'C4', 'D5', 'A5', 'A6']);
    const marked = await cells(SOURCE);
    expect([marked.C4.fill, marked.D5.fill, marked.A6.fill, marked.A3.fill, marked.A5.fill]).toEqual(['#FFF4CE', '#DEECF9', '#FFF4CE', '#DEECF9', '#DEECF9']);
    expect(marked.C4.note).toBe('原有批注：已与青羊区核实'); // kept, not replaced
    expect(marked.D5.note).toBe('【ASSESS】率先推出创新性政务服务举措 计 3，超过上限 2（第九条(三)：按項加0.5分,累計加分不超過2分）');
    expect(marked.A6.note).toContain(`单位「${UNLISTED}」没有圈层`);
    for (const [at, cell] of Object.entries(source)) expect(marked[at].value, at).toEqual(cell.value);
  });

  it('goes to a finding’s cell', async () => {
    await select(OTHER, 'A1');
    await page.locator('#findings li', { hasText: '龙泉驿区' }).getByRole('button', { name: '定位到 考核 数据!D5' }).click();
    await expect.poll(() => page.textContent('#status')).toBe('已定位到 考核 数据!D5。');
    expect(await standinCall<string>('active')).toBe(SOURCE);
    expect(await standinCall<string>('selection')).toBe('D5');
  });

  it('clears the marks: fills and notes exactly as before', async () => {
    await click('#clear-marks', /已清除 5 处标记，单元格格式已恢复。/);
    expect(await cells(SOURCE)).toEqual(source);
    expect(source.D5.fill).toBe('#FFFF00');
  });

  it('creates an input template: units with tiers, a table, frozen header, printable', async () => {
    await click('#create-template', /已新建录入表“录入 chengdu2006”（20 行）/);
    const sheet = '录入 chengdu2006';
    const written = await cells(sheet);
    expect([written.A2.value, written.B2.value, written.A3.value, written.B3.value]).toEqual(['单位', '圈层', '锦江区', '第一圈']);
    expect(await standinCall<number>('frozenRows', sheet)).toBe(2);
    expect((await standinCall<Array<{ range: string }>>('tables', sheet)).map((t) => t.range.split(':')[0])).toEqual(['A2']);
    expect(await standinCall('print', sheet)).toMatchObject({ orientation: 2, titleRows: '$1:$2' });
  });

  it('a township2022 ruleset sheet keeps items 3.1 and 3.10 apart: text cells written as Text (issue 20.1)', async () => {
    await page.selectOption('#ruleset', 'township2022');
    await click('#new-rules', /township2022/);
    const sheet = '规则 township2022';
    const written = await cells(sheet);
    const codes = Object.entries(written)
      .filter(([at]) => /^B\d+$/.test(at))
      .map(([, cell]) => cell.value);
    // 附件评分表 has both 3.1 (办件量排名) and 3.10: as numbers both would be 3.1.
    expect(codes.filter((code) => code === '3.1')).toHaveLength(1);
    expect(codes.filter((code) => code === '3.10')).toHaveLength(1);
    expect(codes.every((code) => typeof code === 'string')).toBe(true);
    const b2 = Object.entries(written).find(([, cell]) => cell.value === '3.10')![0];
    expect(await standinCall<string>('numberFormat', sheet, b2)).toBe('@');
  });

  it('loaded no office.js and fetched nothing from outside; no page error, no dialog', () => {
    expect(requests.some((url) => /office\.js|appsforoffice/.test(url))).toBe(false);
    expect(blocked).toEqual([]);
    expect(requests.filter((url) => !/^(http:\/\/127\.0\.0\.1(:\d+)?\/|data:)/.test(url))).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});
