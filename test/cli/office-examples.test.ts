/**
 * The office-shaped example workbooks (examples/office/, written by scripts/make-office-examples.mjs)
 * as another spreadsheet program saves them: LibreOffice (headless, its own profile) re-saves each
 * one as .xlsx into a temp dir at test time — its own XML, shared strings, merges, hidden column and
 * formula results — and the built CLI reads that file as a user runs it:
 *
 *   node bin/assess.js check <file> --rules <id> --format json
 *   node bin/assess.js score <file> --rules <id> --format json
 *
 * `check` must report EXACTLY the planted mistakes (sheet, A1 cell, the sheet's value, the
 * regulation's value) and nothing else above info; `score` must give the corrected scores. Every
 * literal below is copied from examples/EXPECTED.md (§ Sheets as offices keep them), where each one
 * is worked by hand from the regulation text — never from the program's output.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, runOk, soffice } from '../support/run';

const root = new URL('../../', import.meta.url).pathname;
const FILES = ['chengdu2006-summary.xlsx', 'township2022-forms.xlsx', 'county2013-columns.xlsx'];
let dir = '';

interface FindingOut {
  severity: string;
  unit: string;
  sheet: string | null;
  cell: string | null;
  item: string;
  found: string | null;
  expected: string | null;
  zh: string;
  en: string;
  clause: string;
}

interface UnitOut {
  unit: string;
  score: number;
  rank: number | null;
  level: string | null;
  result: number | null;
}

/** `node bin/assess.js <args>` from the repository root on the LibreOffice copy of `file`. */
async function assess(command: 'check' | 'score', file: string, rules: string, extra: string[] = []): Promise<{ code: number | null; out: unknown }> {
  const args = [command, join(dir, file), '--rules', rules, '--format', 'json', ...extra];
  const run = await runCli(args, { cwd: root });
  if (run.status !== 0 && run.status !== 3) throw new Error(`assess ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return { code: run.status, out: JSON.parse(run.stdout) };
}

/** Every finding above info as [sheet, cell, unit, found, expected], in the CLI's order. */
async function problems(file: string, rules: string, extra: string[] = []): Promise<{ code: number | null; rows: Array<[string | null, string | null, string, string | null, string | null]>; all: FindingOut[] }> {
  const { code, out } = await assess('check', file, rules, extra);
  const result = out as { ruleset: string; findings: FindingOut[] };
  expect(result.ruleset).toBe(rules);
  const rows = result.findings.filter((f) => f.severity !== 'info').map((f): [string | null, string | null, string, string | null, string | null] => [f.sheet, f.cell, f.unit, f.found, f.expected]);
  return { code, rows, all: result.findings };
}

async function scores(file: string, rules: string): Promise<UnitOut[]> {
  const { code, out } = await assess('score', file, rules);
  expect(code).toBe(0);
  const result = out as { ruleset: string; units: UnitOut[] };
  expect(result.ruleset).toBe(rules);
  return result.units;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assess-office-'));
  const profile = join(dir, 'lo-profile');
  await soffice(profile, ['--convert-to', 'xlsx', '--outdir', dir, ...FILES.map((f) => join(root, 'examples/office', f))]);
  // The 汇总表 also as the CSV a clerk saves (UTF-8, comma): merges gone, 圈层 only on each circle's first row.
  await soffice(profile, ['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1', '--outdir', dir, join(root, 'examples/office/chengdu2006-summary.xlsx')]);
}, 660_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the committed workbooks', () => {
  it('are what scripts/make-office-examples.mjs writes (cell values, formulas, merges, hidden columns)', async () => {
    const fresh = join(dir, 'fresh');
    await runOk(process.execPath, [join(root, 'scripts/make-office-examples.mjs'), fresh]);
    const snapshot = async (file: string): Promise<unknown[]> => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      return workbook.worksheets.map((sheet) => {
        const cells: string[] = [];
        sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => cells.push(`${cell.address}=${JSON.stringify(cell.value)}`)));
        const hidden = sheet.columns.filter((column) => column.hidden).map((column) => column.letter);
        return { name: sheet.name, cells, merges: [...(sheet.model.merges ?? [])].sort(), hidden };
      });
    };
    for (const file of FILES) expect(await snapshot(join(root, 'examples/office', file)), file).toEqual(await snapshot(join(fresh, file)));
  });
});

describe('the LibreOffice copies', () => {
  it('are LibreOffice\'s own files, with the merges and the hidden column kept', async () => {
    for (const file of FILES) {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.equals(readFileSync(join(root, 'examples/office', file)))).toBe(false);
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, 'chengdu2006-summary.xlsx'));
    const sheet = workbook.getWorksheet('2006年度汇总');
    if (!sheet) throw new Error('no sheet 2006年度汇总');
    // Header merges (加分 over D–L, 扣分 over M–S), 圈层 merged down its circle's rows, X hidden.
    expect(sheet.getCell('E2').isMerged && sheet.getCell('E2').master.address).toBe('D2');
    expect(sheet.getCell('N2').master.address).toBe('M2');
    expect(sheet.getCell('C15').master.address).toBe('C10');
    expect(sheet.getColumn('X').hidden).toBe(true);
    // The clerk's formula results as LibreOffice saved them.
    expect(sheet.getCell('V17').formula).toBe('70+T17-U17');
    expect(sheet.getCell('V17').result).toBe(68);
  });
});

describe('examples/office/chengdu2006-summary.xlsx (EXPECTED.md § chengdu2006 汇总表)', () => {
  it('check reports exactly the 7 planted mistakes, each at its cell', async () => {
    const { code, rows, all } = await problems('chengdu2006-summary.xlsx', 'chengdu2006');
    const S = '2006年度汇总';
    expect(rows).toEqual([
      [S, 'F6', '金牛区', '0.7', null], // 九(三) off the 0.5 grid
      [S, 'G7', '武侯区', '4.5', '4'], // 第九條(四) cap 4
      [S, 'T7', '武侯区', '23', '22.5'], // 加分小计 summed with 4.5
      [S, 'V7', '武侯区', '89', '88.5'],
      [S, 'V12', '新都区', '82', '81'], // a wrong sum typed over the formula
      [S, 'V17', '彭州市', '68', '70'], // deductions above the bonus
      [S, 'W23', '新津区', '优秀', ''], // the third 优秀 of 第三圈 (quota 2)
    ]);
    expect(code).toBe(3);
    const byCell = new Map(all.map((f) => [f.cell, f]));
    expect(byCell.get('V17')?.clause).toMatch(/^第十[條条]\(八\)$/);
    expect(byCell.get('V17')?.zh).toBe('总分 68，按细则应为 70'); // 第十條(八) is its clause, not repeated (issue 22.5)
    expect(byCell.get('G7')?.clause).toMatch(/^第九[條条]\(四\)$/);
    // A plain wrong sum is cited to the formula, 第八條(二) 實得分=實得基本分+實得加分-實際扣分.
    expect(byCell.get('V12')?.clause).toMatch(/^第八[條条]\(二\)$/);
    expect(byCell.get('W23')?.clause).toMatch(/^第十一[條条]\(一\)$/);
    // floor(30 % × 8) = 2 優秀 in 第三圈; 新津区 82 comes after 都江堰市 85.5 and 金堂县 83.5.
    expect(byCell.get('W23')?.zh).toContain('第三圈本表评了 3 个优秀，按名额为 2 个，本单位在第三圈排第 3 名');
  });

  it('saved as CSV by LibreOffice (no merges: 圈层 blank below each circle\'s first row, so taken from the unit\'s name, 第四條): the same 7 mistakes at the same cells', async () => {
    const { code, rows } = await problems('chengdu2006-summary.csv', 'chengdu2006');
    expect(rows).toEqual([
      [null, 'F6', '金牛区', '0.7', null],
      [null, 'G7', '武侯区', '4.5', '4'],
      [null, 'T7', '武侯区', '23', '22.5'],
      [null, 'V7', '武侯区', '89', '88.5'],
      [null, 'V12', '新都区', '82', '81'],
      [null, 'V17', '彭州市', '68', '70'],
      [null, 'W23', '新津区', '优秀', ''],
    ]);
    expect(code).toBe(3);
  });

  it('score gives the corrected scores, RANK.EQ over the 20 and 优秀 within each 圈层\'s quota', async () => {
    expect((await scores('chengdu2006-summary.xlsx', 'chengdu2006')).map((u) => [u.unit, u.score, u.rank, u.level])).toEqual([
      ['锦江区', 84, 6, null],
      ['青羊区', 90.5, 1, '优秀'],
      ['金牛区', 74.7, 17, null],
      ['武侯区', 88.5, 3, null],
      ['成华区', 73.5, 18, null],
      ['高新区', 89, 2, null],
      ['龙泉驿区', 78.5, 12, null],
      ['青白江区', 75, 16, null],
      ['新都区', 81, 10, null],
      ['温江区', 81.5, 9, null],
      ['双流区', 86, 4, '优秀'],
      ['郫都区', 72, 19, null],
      ['都江堰市', 85.5, 5, '优秀'],
      ['彭州市', 70, 20, null],
      ['邛崃市', 78, 13, null],
      ['崇州市', 80.5, 11, null],
      ['金堂县', 83.5, 7, '优秀'],
      ['大邑县', 77.5, 14, null],
      ['蒲江县', 76.5, 15, null],
      ['新津区', 82, 8, null],
    ]);
  });
});

describe('examples/office/township2022-forms.xlsx (EXPECTED.md § township2022 汇总 + 评分表)', () => {
  it('check reports exactly the 9 planted mistakes, on the forms and on 汇总', async () => {
    const { code, rows, all } = await problems('township2022-forms.xlsx', 'township2022');
    const at = (sheet: string, cell: string) => all.find((f) => f.sheet === sheet && f.cell === cell);
    expect(at('汇总', 'D9')?.clause).toMatch(/^四\(一\)/); // 按总得分排名
    expect(at('汇总', 'E4')?.zh).toBe('等级 一等，按细则应为 二等：被通报批评或曝光，降低一个等级');
    expect(at('东关镇', 'E41')?.zh).toBe('合计 96.2，按细则应为 95.7'); // 附件评分表 1.2 is its clause (issue 22.5)
    const sorted = [...rows].sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`));
    const expected: typeof rows = [
      ['西河镇', 'E20', '西河镇', '4.3', null], // 3.11 not 5 less whole 0.5 steps
      ['东关镇', 'E5', '东关镇', '2.5', '2'], // 1.2 above its 分值
      ['东关镇', 'E41', '东关镇', '96.2', '95.7'], // the form's 合计
      ['汇总', 'C6', '东关镇', '96.2', '95.7'],
      ['汇总', 'E4', '石桥镇', '一等', '二等'], // criticized: one level lower
      ['汇总', 'F4', '石桥镇', '5', '3'],
      ['汇总', 'D9', '青龙镇', '7', '6'], // tied for 6th
      ['汇总', 'E9', '青龙镇', '三等', '二等'],
      ['汇总', 'F9', '青龙镇', '2', '3'],
    ];
    expect(sorted).toEqual([...expected].sort((a, b) => `${a[0]}|${a[1]}`.localeCompare(`${b[0]}|${b[1]}`)));
    expect(code).toBe(3);
  });

  it('check as text names each cell with its sheet, since every form has an E5 (one sheet alone: the cell only)', async () => {
    const text = async (args: string[]) => (await runCli(['check', join(dir, 'township2022-forms.xlsx'), '--rules', 'township2022', ...args], { cwd: root })).stdout;
    const whole = await text([]);
    // 1.2 by its label 符号和标志标准 (issue 22.4).
    expect(whole).toMatch(/^问题 {2}东关镇 {2}符号和标志标准 {2}东关镇!E5 {2}/m);
    expect(whole).toMatch(/^问题 {2}石桥镇 {2}等级 {2}汇总!E4 {2}/m);
    expect(await text(['--sheet', '东关镇'])).toMatch(/^问题 {2}东关镇 {2}符号和标志标准 {2}E5 {2}/m);
  });

  it('--sheet 东关镇 reads that one form: its two mistakes, and its score alone', async () => {
    const { code, rows } = await problems('township2022-forms.xlsx', 'township2022', ['--sheet', '东关镇']);
    expect(rows).toEqual([
      ['东关镇', 'E5', '东关镇', '2.5', '2'],
      ['东关镇', 'E41', '东关镇', '96.2', '95.7'],
    ]);
    expect(code).toBe(3);
    const { out } = await assess('score', 'township2022-forms.xlsx', 'township2022', ['--sheet', '东关镇']);
    // One form alone is first of one: 四(一) ranks among the townships, so no 等级 and no 加分 yet.
    expect((out as { units: UnitOut[] }).units.map((u) => [u.unit, u.score, u.level])).toEqual([['东关镇', 95.7, null]]);
  });

  it('score reads the 11 forms as one batch: corrected scores, ranks, levels and result points', async () => {
    expect((await scores('township2022-forms.xlsx', 'township2022')).map((u) => [u.unit, u.score, u.rank, u.level, u.result])).toEqual([
      ['城关镇', 98.6, 1, '一等', 5],
      ['石桥镇', 98.4, 2, '二等', 3],
      ['东关镇', 95.7, 4, '二等', 3],
      ['白沙镇', 95.2, 5, '二等', 3],
      ['西河镇', 95, 6, '二等', 3],
      ['青龙镇', 95, 6, '二等', 3],
      ['南山镇', 97.5, 3, '二等', 3],
      ['杨柳镇', 89.6, 8, '三等', 2],
      ['柳树乡', 89, 9, '三等', 2],
      ['北坪乡', 87.2, 10, '三等', 2],
      ['马家乡', 84.6, 11, '三等', 2],
    ]);
  });
});

describe('examples/office/county2013-columns.xlsx (EXPECTED.md § county2013 tasks as rows)', () => {
  it('check reports exactly the 3 planted mistakes', async () => {
    const { code, rows, all } = await problems('county2013-columns.xlsx', 'county2013');
    const S = '目标考核评分';
    expect(rows).toEqual([
      [S, 'F12', '临河县', '12', '10'], // 扣分 above 附件2's 10
      [S, 'F13', '临河县', '83', '85'],
      [S, 'H13', '青石县', '92.5', '91.5'],
    ]);
    expect(code).toBe(3);
    expect(all.find((f) => f.cell === 'F12')?.clause).toBe('附件2');
    // The reworded task labels, read by their place and 分值: notes, not problems.
    expect(all.filter((f) => f.severity === 'info').map((f) => [f.cell, f.item])).toEqual([
      ['B3', 'T1'],
      ['B6', 'T4'],
      ['B9', 'T7'],
    ]);
  });

  it('score: blank tasks at their full 分值, 加分 and 扣分 each at most 10', async () => {
    expect((await scores('county2013-columns.xlsx', 'county2013')).map((u) => [u.unit, u.score])).toEqual([
      ['城关区', 107],
      ['东城区', 104.5],
      ['临河县', 85],
      ['平山县', 93.5],
      ['青石县', 91.5],
      ['永安县', 107],
    ]);
  });
});
