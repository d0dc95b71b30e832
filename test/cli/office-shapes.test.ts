/**
 * Issue 18 acceptance: the five workbooks in the shapes the issue lists (examples/office/*-pairs, -rows,
 * -counts, -tiers, -depts; written by scripts/make-office-examples.mjs), as another spreadsheet program
 * saves them — LibreOffice re-saves all five in ONE async `soffice` call into a temp dir — read by the
 * built CLI as a user runs it:
 *
 *   node bin/assess.js check <file> --rules <id> --format json   → exactly the planted mistakes
 *   node bin/assess.js score <file> --rules <id> --format json   → the exact scores
 *
 * Every literal below is copied from examples/office/EXPECTED.md, where each one is worked by hand from
 * the regulation text before the program was run — never from the program's output.
 *
 * A workbook the reader still misreads is listed in KNOWN_MISREAD with the finding (F…) of the issue-18
 * findings list it was reported as: its assertions are skipped and the reason printed. Remove the entry
 * once the reader reads the workbook.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FindingOut, UnitOut } from '../support/cli-json';
import { runCli, runOk, soffice } from '../support/run';

const root = new URL('../../', import.meta.url).pathname;

type Row = [sheet: string | null, cell: string | null, unit: string, found: string | null, expected: string | null];

/** file → why the reader misreads it today (with its finding number); its assertions are skipped. */
export const KNOWN_MISREAD: Partial<Record<string, string>> = {
};

const FILES = ['township2022-pairs.xlsx', 'county2013-rows.xlsx', 'govinfo-counts.xlsx', 'chengdu2006-tiers.xlsx', 'tacheng2020-depts.xlsx'];
let dir = '';

async function assess(command: 'check' | 'score', file: string, rules: string): Promise<{ code: number | null; out: unknown }> {
  const args = [command, join(dir, file), '--rules', rules, '--format', 'json'];
  const run = await runCli(args, { cwd: root });
  if (run.status !== 0 && run.status !== 3) throw new Error(`assess ${command} ${file} --rules ${rules} exited ${run.status}:\n${run.stderr}`);
  return { code: run.status, out: JSON.parse(run.stdout) };
}

/** '' and null both mean "no value" (a blank cell, a flag not due). */
const v = (x: string | null | undefined): string | null => (x === undefined || x === null || x === '' ? null : x);

/** Every finding above info as [sheet, cell, unit, found, expected], sorted (the CLI's order is not the point). */
async function problems(file: string, rules: string): Promise<{ code: number | null; rows: Row[] }> {
  const { code, out } = await assess('check', file, rules);
  const result = out as { ruleset: string; findings: FindingOut[] };
  expect(result.ruleset).toBe(rules);
  const rows = result.findings.filter((f) => f.severity !== 'info').map((f): Row => [f.sheet, f.cell, f.unit, v(f.found), v(f.expected)]);
  return { code, rows: sortRows(rows) };
}

function sortRows(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

async function scores(file: string, rules: string): Promise<UnitOut[]> {
  const { code, out } = await assess('score', file, rules);
  expect(code).toBe(0);
  const result = out as { ruleset: string; units: UnitOut[] };
  expect(result.ruleset).toBe(rules);
  return [...result.units].sort((a, b) => a.unit.localeCompare(b.unit));
}

const byUnit = <T extends unknown[]>(rows: T[]): T[] => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

/** The workbook's tests, or skipped with the reason printed when the reader still misreads it. */
function workbook(file: string, title: string, body: () => void): void {
  const known = KNOWN_MISREAD[file];
  if (known) {
    console.warn(`[office-shapes] skipped ${file}: reader misreads it — ${known}`);
    describe.skip(`${title} — KNOWN_MISREAD: ${known}`, body);
  } else describe(title, body);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assess-shapes-'));
  await soffice(join(dir, 'lo-profile'), ['--convert-to', 'xlsx', '--outdir', dir, ...FILES.map((f) => join(root, 'examples/office', f))]);
}, 660_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the committed workbooks', () => {
  it('are what scripts/make-office-examples.mjs writes (cell values, formulas, merges)', async () => {
    const fresh = join(dir, 'fresh');
    await runOk(process.execPath, [join(root, 'scripts/make-office-examples.mjs'), fresh]);
    const snapshot = async (file: string): Promise<unknown[]> => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      return book.worksheets.map((sheet) => {
        const cells: string[] = [];
        sheet.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => cells.push(`${cell.address}=${JSON.stringify(cell.value)}`)));
        return { name: sheet.name, cells, merges: [...(sheet.model.merges ?? [])].sort() };
      });
    };
    for (const file of FILES) expect(await snapshot(join(root, 'examples/office', file)), file).toEqual(await snapshot(join(fresh, file)));
  });
});

workbook('township2022-pairs.xlsx', 'township2022-pairs.xlsx (EXPECTED.md § township2022: 汇总 + 评分表 with 扣分 beside 得分)', () => {
  it('check reports exactly the 10 warnings of the planted mistakes', async () => {
    const { code, rows } = await problems('township2022-pairs.xlsx', 'township2022');
    expect(rows).toEqual(
      sortRows([
        ['河口镇', 'F6', '河口镇', '2.5', '2'],
        ['河口镇', 'F47', '河口镇', '99.6', '99.1'],
        ['柳林镇', 'E16', '柳林镇', '0.4', null],
        ['柳林镇', 'F16', '柳林镇', '1', '0.6'], // the 扣分 counts: 1 − 0.4
        ['柳林镇', 'F47', '柳林镇', '96.6', '96.2'],
        ['汇总', 'C3', '河口镇', '99.6', '99.1'],
        ['汇总', 'C4', '柳林镇', '96.6', '96.2'],
        ['汇总', 'E4', '柳林镇', '一等', '二等'],
        ['汇总', 'G4', '柳林镇', '5', '3'],
        ['汇总', 'D6', '桃园乡', '3', '4'],
      ]),
    );
    expect(code).toBe(3);
  });

  it('score: the four forms one batch — scores, ranks, levels (柳林镇 lowered) and 绩效考评加分', async () => {
    expect((await scores('township2022-pairs.xlsx', 'township2022')).map((u) => [u.unit, u.score, u.rank, u.level, u.result])).toEqual(
      byUnit([
        ['河口镇', 99.1, 1, '一等', 5],
        ['柳林镇', 96.2, 2, '二等', 3],
        ['桃园乡', 93.9, 4, '二等', 3],
        ['金沙镇', 94.3, 3, '二等', 3],
      ]),
    );
  });
});

workbook('county2013-rows.xlsx', 'county2013-rows.xlsx (EXPECTED.md § county2013: counties as rows, two-row header)', () => {
  it('check reports exactly the 8 warnings of the planted mistakes', async () => {
    const { code, rows } = await problems('county2013-rows.xlsx', 'county2013');
    const S = '2013年度考核';
    expect(rows).toEqual(
      sortRows([
        [S, 'U4', '城关区', '104', '103'],
        [S, 'S6', '临河县', '20', '10'],
        [S, 'T6', '临河县', '20', '10'],
        [S, 'K7', '平山县', '99.5', '98.5'],
        [S, 'U7', '平山县', '100.5', '99.5'],
        [S, 'D8', '青石县', '16', '15'],
        [S, 'K8', '青石县', '96.5', '95.5'],
        [S, 'U8', '青石县', '93.5', '92.5'],
      ]),
    );
    expect(code).toBe(3);
  });

  it('score: tasks + min(加分, 10) − min(减分, 10), 一次性扣减 10 once', async () => {
    expect((await scores('county2013-rows.xlsx', 'county2013')).map((u) => [u.unit, u.score])).toEqual(
      byUnit([
        ['城关区', 103],
        ['东城区', 96.5],
        ['临河县', 87],
        ['平山县', 99.5],
        ['青石县', 92.5],
      ]),
    );
  });
});

workbook('govinfo-counts.xlsx', 'govinfo-counts.xlsx (EXPECTED.md § govinfo: annual counts, 计分项目 / 扣分项目（次）)', () => {
  it('check reports exactly the 5 warnings of the planted mistakes', async () => {
    const { code, rows } = await problems('govinfo-counts.xlsx', 'govinfo');
    const S = '2022年度政务信息';
    expect(rows).toEqual(
      sortRows([
        [S, 'S4', '区发改局', '455', '445'],
        [S, 'T5', '区教育局', '400', '700'],
        [S, 'R6', '区财政局', '60', '80'],
        [S, 'S6', '区财政局', '175', '155'],
        [S, 'U8', '区交通局', '是', null],
      ]),
    );
    expect(code).toBe(3);
  });

  it('score: points − deductions (counts × points), reward in yuan, no threshold reached', async () => {
    const units = await scores('govinfo-counts.xlsx', 'govinfo');
    expect(units.map((u) => [u.unit, u.score, u.reward])).toEqual(
      byUnit([
        ['区发改局', 445, 430],
        ['区教育局', 350, 700],
        ['区财政局', 155, 70],
        ['区住建局', 520, 740],
        ['区交通局', 140, 60],
      ]),
    );
    // A threshold reached is a flag of its own, its label (五(四)); a finding's message may name the 不得参评先进 column (U8).
    for (const u of units) expect(u.flags.filter((f) => f === '不得参评先进单位和先进个人' || f === '予以通报批评')).toEqual([]);
  });
});

workbook('chengdu2006-tiers.xlsx', 'chengdu2006-tiers.xlsx (EXPECTED.md § chengdu2006: one sheet per 圈层)', () => {
  it('check reports exactly the 5 warnings of the planted mistakes, on their sheets', async () => {
    const { code, rows } = await problems('chengdu2006-tiers.xlsx', 'chengdu2006');
    expect(rows).toEqual(
      sortRows([
        ['一圈层', 'K7', '武侯区', '87.5', '86'],
        ['二圈层', 'K9', '郫都区', '68', '70'],
        ['三圈层', 'D10', '蒲江县', '5.5', '5'],
        ['三圈层', 'K10', '蒲江县', '79', '78.5'],
        ['三圈层', 'L11', '新津区', '优秀', null],
      ]),
    );
    expect(code).toBe(3);
  });

  it('score: all 20 units of the three sheets, 优秀 per 圈层 by its quota', async () => {
    const units = await scores('chengdu2006-tiers.xlsx', 'chengdu2006');
    // The ruleset names 双流区, 郫都区, 新津区 by their 第四條 names 双流县, 郫县, 新津县 (aliases).
    const name = (u: string): string => ({ 双流县: '双流区', 郫县: '郫都区', 新津县: '新津区' })[u] ?? u;
    expect(byUnit(units.map((u) => [name(u.unit), u.score, u.level]))).toEqual(
      byUnit([
        ['锦江区', 79.5, null],
        ['青羊区', 85, null],
        ['金牛区', 72, null],
        ['武侯区', 86, '优秀'],
        ['成华区', 74.5, null],
        ['高新区', 81, null],
        ['龙泉驿区', 76.5, null],
        ['青白江区', 77, null],
        ['新都区', 79.5, null],
        ['温江区', 80.5, null],
        ['双流区', 81, '优秀'],
        ['郫都区', 70, null],
        ['都江堰市', 82, '优秀'],
        ['彭州市', 73.5, null],
        ['邛崃市', 78, null],
        ['崇州市', 78, null],
        ['金堂县', 81.5, '优秀'],
        ['大邑县', 76.5, null],
        ['蒲江县', 78.5, null],
        ['新津区', 79.5, null],
      ]),
    );
  });
});

workbook('tacheng2020-depts.xlsx', 'tacheng2020-depts.xlsx (EXPECTED.md § tacheng2020: 地直部门, categories with 小计)', () => {
  it('check reports exactly the 5 warnings of the planted mistakes', async () => {
    const { code, rows } = await problems('tacheng2020-depts.xlsx', 'tacheng2020');
    const S = '地直部门';
    expect(rows).toEqual(
      sortRows([
        [S, 'I5', '地区教育局', '38', '36'],
        [S, 'P5', '地区教育局', '90', '88'],
        [S, 'Q5', '地区教育局', '优秀', '良好'],
        [S, 'P7', '地区人社局', '78', '76'],
        [S, 'Q8', '地区交通局', '合格', '良好'],
      ]),
    );
    expect(code).toBe(3);
  });

  it('score: Σ items (小计 columns are claims, not items), grades by 四(三)', async () => {
    expect((await scores('tacheng2020-depts.xlsx', 'tacheng2020')).map((u) => [u.unit, u.score, u.grade])).toEqual(
      byUnit([
        ['地区发改委', 93, '优秀'],
        ['地区教育局', 88, '良好'],
        ['地区财政局', 98, '优秀'],
        ['地区人社局', 76, '合格'],
        ['地区交通局', 80, '良好'],
      ]),
    );
  });
});
