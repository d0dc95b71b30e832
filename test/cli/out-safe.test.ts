/**
 * `--out` and `template -o` never destroy what was there (issue 12, 9): the workbook is written
 * beside the target and renamed over it when complete; a failing write, Ctrl+C or SIGTERM leave
 * the old file as it was and no temporary file; a file ASSESS did not make is replaced only with
 * --force; whether the output can be written is known before anything is scored or printed.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { leftovers, subfolder } from '../support/folders';
import { runCli } from '../support/run';
import { CREATOR, KEYWORD, isScorecard, isUntouchedTemplate, workbookInfo } from '../../src/cli/safe-write';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/assess.js');
let dir = '';

async function run(args: string[]) {
  const result = await runCli(args);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh folder per test: its listing shows any temporary file left behind. */
const folder = (name: string): string => subfolder(dir, name);

/** county2013, worked by hand: tasks empty = 100; B1 = 2 → +2 → 102. */
const CSV = '单位,B1\n甲县,2\n';

/** An .xlsx some other program made (no ASSESS marks). */
async function otherWorkbook(path: string, creator = 'Someone'): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  workbook.addWorksheet('台账').addRow(['不要删我']);
  await workbook.xlsx.writeFile(path);
}

async function firstCell(path: string, sheet: string): Promise<unknown> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.getWorksheet(sheet)?.getCell('A1').value;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-out-'));
}, 60_000);

describe('recognising ASSESS workbooks', () => {
  it('a scorecard carries creator ASSESS and the scorecard keyword; a template the template keyword and lastModifiedBy ASSESS', async () => {
    const at = folder('marks');
    writeFileSync(join(at, 'a.csv'), CSV);
    expect((await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', join(at, 'card.xlsx')])).code).toBe(0);
    expect((await run(['template', '--rules', 'county2013', '--out', join(at, 'tpl.xlsx')])).code).toBe(0);
    const card = await workbookInfo(join(at, 'card.xlsx'));
    expect(card).toMatchObject({ creator: CREATOR, keywords: [KEYWORD.scorecard], sheets: ['计分表', '明细', '问题', '说明'] });
    expect([isScorecard(card), isUntouchedTemplate(card)]).toEqual([true, false]);
    const template = await workbookInfo(join(at, 'tpl.xlsx'));
    expect(template).toMatchObject({ creator: CREATOR, lastModifiedBy: CREATOR, keywords: [KEYWORD.template] });
    expect([isScorecard(template), isUntouchedTemplate(template)]).toEqual([false, true]);
  });

  it('a scorecard saved again by another program (creator kept) is still one; a template saved again is no longer untouched', async () => {
    const at = folder('resaved');
    writeFileSync(join(at, 'a.csv'), CSV);
    (await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', join(at, 'card.xlsx')]));
    (await run(['template', '--rules', 'county2013', '--out', join(at, 'tpl.xlsx')]));
    for (const name of ['card.xlsx', 'tpl.xlsx']) {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(join(at, name));
      workbook.lastModifiedBy = '王科员'; // what a spreadsheet program does on save
      await workbook.xlsx.writeFile(join(at, name));
    }
    expect(isScorecard(await workbookInfo(join(at, 'card.xlsx')))).toBe(true);
    expect(isUntouchedTemplate(await workbookInfo(join(at, 'tpl.xlsx')))).toBe(false);
  });

  it('a scorecard from before the keyword (creator ASSESS, sheets 计分表 and 明细) is one; creator ASSESS alone is not; a non-zip is nothing', async () => {
    const at = folder('legacy');
    const legacy = new ExcelJS.Workbook();
    legacy.creator = CREATOR;
    for (const name of ['计分表', '明细', '问题', '说明']) legacy.addWorksheet(name).addRow([name]);
    await legacy.xlsx.writeFile(join(at, 'legacy.xlsx'));
    expect(isScorecard(await workbookInfo(join(at, 'legacy.xlsx')))).toBe(true);
    await otherWorkbook(join(at, 'fake.xlsx'), CREATOR);
    expect(isScorecard(await workbookInfo(join(at, 'fake.xlsx')))).toBe(false);
    writeFileSync(join(at, 'text.xlsx'), 'not a zip');
    expect(await workbookInfo(join(at, 'text.xlsx'))).toBeUndefined();
  });
});

describe('--out keeps the old file', () => {
  it('a scorecard that cannot be written (16,386 columns in 明细) leaves the old scorecard as it was and no temporary file', async () => {
    const at = folder('failing');
    writeFileSync(join(at, 'a.csv'), CSV);
    const out = join(at, 'card.xlsx');
    expect((await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', out])).code).toBe(0);
    const before = readFileSync(out);
    // 16,383 items: 明细 needs 单位, 得分, the items and 计算说明 = 16,386 columns, one more than Excel has.
    const items = Array.from({ length: 16_383 }, (_, i) => ({ code: `I${i}`, label: `条目${i}`, kind: 'count', points: 1, role: 'bonus', clause: '一', quote: '每次加1分' }));
    writeFileSync(join(at, 'wide.json'), JSON.stringify({ id: 'wide', title: '宽表', version: '1', effective: '2024-01-01', clause: '一', quote: '测试', items }));
    writeFileSync(join(at, 'wide.csv'), '单位,I1\n甲,1\n');
    const failed = (await run(['score', join(at, 'wide.csv'), '--rules', join(at, 'wide.json'), '--out', out, '--format', 'json']));
    expect(failed.code).toBe(2);
    // Refused before scoring (issue 19.12), with Excel's limit, not exceljs's "out of bounds" half-way (test/cli/out-hostile.test.ts;
    // a write failing half-way is tested there too).
    expect(failed.stderr).toContain(`无法写入 ${out}：工作表「明细」需要 16,386 列`);
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(leftovers(at)).toEqual([]);
  });

  it('replaces an ASSESS scorecard, keeping its permissions', async () => {
    const at = folder('replace');
    const out = join(at, 'card.xlsx');
    writeFileSync(join(at, 'a.csv'), CSV);
    expect((await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', out])).code).toBe(0);
    chmodSync(out, 0o640);
    writeFileSync(join(at, 'b.csv'), '单位,B1\n乙县,1\n');
    const again = (await run(['score', join(at, 'b.csv'), '--rules', 'county2013', '--out', out]));
    expect(again.code, again.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.getWorksheet('计分表')?.getCell('A3').value).toBe('乙县'); // row 1: title, row 2: header
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(leftovers(at)).toEqual([]);
  });

  it('refuses an unrelated .xlsx before scoring or printing anything, and replaces it with --force', async () => {
    const at = folder('unrelated');
    const out = join(at, '台账.xlsx');
    await otherWorkbook(out);
    const before = readFileSync(out);
    writeFileSync(join(at, 'a.csv'), CSV);
    const refused = (await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', out]));
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('不是 ASSESS 计分表');
    expect(refused.stderr).toContain('--force');
    expect(refused.stderr).toContain('not an ASSESS scorecard');
    expect(readFileSync(out).equals(before)).toBe(true);
    // An ASSESS template is not a scorecard either.
    const template = join(at, 'tpl.xlsx');
    expect((await run(['template', '--rules', 'county2013', '--out', template])).code).toBe(0);
    expect((await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', template])).code).toBe(2);

    const forced = (await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', out, '--force']));
    expect(forced.code, forced.stderr).toBe(0);
    expect(String(await firstCell(out, '计分表'))).toContain('（2013年）　计分表'); // its title row (the regulation's title; the id is in 说明)
    expect(leftovers(at)).toEqual([]);
  });

  it('an empty file may be replaced; a link is followed and kept', async () => {
    const at = folder('links');
    writeFileSync(join(at, 'a.csv'), CSV);
    writeFileSync(join(at, 'empty.xlsx'), '');
    expect((await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', join(at, 'empty.xlsx')])).code).toBe(0);
    symlinkSync(join(at, 'empty.xlsx'), join(at, 'link.xlsx'));
    expect((await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', join(at, 'link.xlsx')])).code).toBe(0);
    expect(lstatSync(join(at, 'link.xlsx')).isSymbolicLink()).toBe(true);
    expect(isScorecard(await workbookInfo(join(at, 'empty.xlsx')))).toBe(true); // written through the link
    expect(readdirSync(at).sort()).toEqual(['a.csv', 'empty.xlsx', 'link.xlsx']);
  });

  it('a folder, a missing folder or an unwritable folder fail before anything is printed (exit 2)', async () => {
    const at = folder('unwritable');
    writeFileSync(join(at, 'a.csv'), CSV);
    mkdirSync(join(at, 'folder.xlsx'));
    const isFolder = (await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', join(at, 'folder.xlsx')]));
    expect([isFolder.code, isFolder.stdout]).toEqual([2, '']);
    expect(isFolder.stderr).toContain('文件夹');
    expect(isFolder.stderr).toContain('folder');
    const missing = (await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', join(at, 'nope', 'card.xlsx')]));
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toContain('不存在');
    // A folder that takes no files: read-only permissions stop non-root users; root is stopped by nothing
    // short of a read-only disk, so as root this part checks /proc (a file system that takes no new files).
    const locked = join(at, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    const target = process.getuid?.() === 0 ? '/proc/card.xlsx' : join(locked, 'card.xlsx');
    const denied = (await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', target]));
    expect([denied.code, denied.stdout]).toEqual([2, '']);
    expect(denied.stderr).toContain(`无法写入 ${target}`);
    expect(existsSync(target)).toBe(false);
  });
});

describe('template -o keeps the old file', () => {
  it('replaces an untouched template; refuses one saved since (it may hold data) and any other file, unless --force', async () => {
    const at = folder('template');
    const out = join(at, '录入表.xlsx');
    expect((await run(['template', '--rules', 'county2013', '--out', out])).code).toBe(0);
    expect((await run(['template', '--rules', 'county2013', '--out', out, '--rows', '5'])).code).toBe(0);
    // Someone fills it in and saves it.
    const filled = new ExcelJS.Workbook();
    await filled.xlsx.readFile(out);
    filled.lastModifiedBy = '王科员';
    filled.worksheets[0].getCell('A3').value = '甲县';
    await filled.xlsx.writeFile(out);
    const before = readFileSync(out);
    const refused = (await run(['template', '--rules', 'county2013', '--out', out]));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(out).equals(before)).toBe(true);
    const other = join(at, 'other.xlsx');
    await otherWorkbook(other);
    expect((await run(['template', '--rules', 'county2013', '--out', other])).code).toBe(2);
    expect(await firstCell(other, '台账')).toBe('不要删我');
    expect((await run(['template', '--rules', 'county2013', '--out', other, '--force'])).code).toBe(0);
    expect(isUntouchedTemplate(await workbookInfo(other))).toBe(true);
    expect(leftovers(at)).toEqual([]);
  });
});

describe('an interrupted write', () => {
  // 20,000 units: writing the scorecard takes seconds, scoring them well under that. The signal is
  // sent once the temporary file exists and has data in it, so it lands mid-write however fast or
  // slow the machine; the test fails (not passes by luck) if the write ends before.
  const units = 20_000;
  let big = '';
  beforeAll(() => {
    const lines = ['单位,B1,B3.city'];
    for (let i = 0; i < units; i++) lines.push(`单位${i},${i % 3},${i % 2}`);
    big = join(dir, 'big.csv');
    writeFileSync(big, lines.join('\n') + '\n');
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`${signal} during a big write leaves the old scorecard intact and no temporary file`, async () => {
      const at = folder(`signal-${signal}`);
      writeFileSync(join(at, 'a.csv'), CSV);
      const out = join(at, 'card.xlsx');
      expect((await run(['score', join(at, 'a.csv'), '--rules', 'county2013', '--out', out])).code).toBe(0);
      const before = readFileSync(out);
      const child = spawn(process.execPath, [bin, 'score', big, '--rules', 'county2013', '--out', out, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
      let running = true;
      void exited.then(() => (running = false));
      let sent = false;
      while (running) {
        const temp = leftovers(at)[0];
        if (temp !== undefined && statSync(join(at, temp), { throwIfNoEntry: false })?.size) {
          child.kill(signal);
          sent = true;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const end = await exited;
      expect(sent, `the write ended before the signal: ${stderr}`).toBe(true);
      expect(end.code).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(stderr).toContain('已中断');
      expect(stderr).toContain('interrupted');
      expect(readFileSync(out).equals(before)).toBe(true);
      expect(leftovers(at)).toEqual([]);
    }, 120_000);
  }
});
