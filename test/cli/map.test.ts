/**
 * `assess map` and `check|score --mapping` (issue 18.4), on two of the office workbooks read exactly
 * (examples/office/chengdu2006-tiers.xlsx, township2022-pairs.xlsx), through the built CLI as a user
 * runs it. Expected roles and targets are read off the header texts and the regulation (chengdu2006.md
 * 第九条/第十条; examples/office/EXPECTED.md), the effects of an edited mapping worked by hand below.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FindingOut } from '../support/cli-json';
import { runCli } from '../support/run';

const root = new URL('../../', import.meta.url).pathname;
const tiers = join(root, 'examples/office/chengdu2006-tiers.xlsx');
const pairs = join(root, 'examples/office/township2022-pairs.xlsx');

interface Decision {
  column: string;
  header: string[];
  role: string;
  target?: string;
  label?: string;
  mode?: string;
  claim?: string;
  how: string;
  similarity?: number;
}
interface Shape {
  sheets: string[];
  layout: string;
  headerRows: number[];
  columns: Decision[];
}
interface Mapping {
  assessMapping: number;
  ruleset: string;
  shapes: Shape[];
}
let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-map-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function mapJson(file: string, rules: string): Promise<Mapping> {
  const run = await runCli(['map', file, '--rules', rules, '--format', 'json'], { cwd: root });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Mapping;
}

/** Every finding above info as [sheet, cell, unit, found, expected], sorted. */
async function problems(file: string, rules: string, extra: string[] = []): Promise<string[]> {
  const run = await runCli(['check', file, '--rules', rules, '--format', 'json', ...extra], { cwd: root });
  expect([0, 3], run.stderr).toContain(run.status);
  const out = JSON.parse(run.stdout) as { findings: FindingOut[] };
  const v = (x: string | null) => (x === null || x === '' ? null : x);
  return out.findings.filter((f) => f.severity !== 'info').map((f) => JSON.stringify([f.sheet, f.cell, f.unit, v(f.found), v(f.expected)])).sort();
}

async function scores(file: string, rules: string, extra: string[] = []): Promise<Record<string, number>> {
  const run = await runCli(['score', file, '--rules', rules, '--format', 'json', ...extra], { cwd: root });
  expect(run.status, run.stderr).toBe(0);
  const out = JSON.parse(run.stdout) as { units: Array<{ unit: string; score: number }> };
  return Object.fromEntries(out.units.map((u) => [u.unit, u.score]));
}

const rows = (list: Array<[string | null, string | null, string, string | null, string | null]>) => list.map((r) => JSON.stringify(r)).sort();

/** EXPECTED.md § chengdu2006: the five planted mistakes and the twenty scores. */
const CHENGDU_WARNINGS: Array<[string, string, string, string | null, string | null]> = [
  ['一圈层', 'K7', '武侯区', '87.5', '86'],
  ['二圈层', 'K9', '郫都区', '68', '70'],
  ['三圈层', 'D10', '蒲江县', '5.5', '5'],
  ['三圈层', 'K10', '蒲江县', '79', '78.5'],
  ['三圈层', 'L11', '新津区', '优秀', null],
];
const CHENGDU_SCORES: Record<string, number> = {
  锦江区: 79.5, 青羊区: 85, 金牛区: 72, 武侯区: 86, 成华区: 74.5, 高新区: 81,
  龙泉驿区: 76.5, 青白江区: 77, 新都区: 79.5, 温江区: 80.5, 双流区: 81, 郫都区: 70,
  都江堰市: 82, 彭州市: 73.5, 邛崃市: 78, 崇州市: 78, 金堂县: 81.5, 大邑县: 76.5, 蒲江县: 78.5, 新津区: 79.5,
};

describe('assess map shows how each column is read', () => {
  it('chengdu2006-tiers: the three 圈层 sheets are one shape with a two-row header; every column its role, item (code and label), mode and how matched', async () => {
    const mapping = await mapJson(tiers, 'chengdu2006');
    expect(mapping.assessMapping).toBe(1);
    expect(mapping.ruleset).toBe('chengdu2006');
    expect(mapping.shapes).toHaveLength(1);
    const [shape] = mapping.shapes;
    expect(shape.sheets).toEqual(['一圈层', '二圈层', '三圈层']);
    expect(shape.layout).toBe('rows');
    expect(shape.headerRows).toEqual([2, 3]);
    // Read off the headers: （一）…（七） under 加分项目（第九条） are 第九条's clauses, （四）市级/省级 its levels,
    // 项数/篇数/次数 counts; （二）（五） under 减分项目（第十条） are 10.2 and 10.5; 总分 and 等次 the office's claims.
    const seen = shape.columns.map((d) => [d.column, d.role, d.target ?? d.claim ?? null, d.mode ?? null]);
    expect(seen).toEqual([
      ['A', 'description', null, null],
      ['B', 'unit', null, null],
      ['C', 'item', '9.1', 'points'],
      ['D', 'item', '9.2', 'points'],
      ['E', 'item', '9.3', 'count'],
      ['F', 'item', '9.4.city', 'count'],
      ['G', 'item', '9.4.province', 'count'],
      ['H', 'item', '9.7', 'count'],
      ['I', 'item', '10.2', 'count'],
      ['J', 'item', '10.5', 'count'],
      ['K', 'claim', 'score', null],
      ['L', 'claim', 'level', null],
    ]);
    const byColumn = new Map(shape.columns.map((d) => [d.column, d]));
    expect(byColumn.get('C')?.header).toEqual(['加分项目（第九条）', '（一）领导重视加分']);
    expect(byColumn.get('D')?.header).toEqual(['', '（二）优化流程加分']);
    expect(byColumn.get('I')?.header).toEqual(['减分项目（第十条）', '（二）超时办结件数']);
    for (const column of ['C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']) expect(byColumn.get(column)?.how, column).toBe('clause');
    expect(byColumn.get('F')?.label).toBe('调研文章在市级刊物发表');
    expect(byColumn.get('J')?.label).toBe('受到当地和上级党委、政府通报批评');
  });

  it('a header read by the one-changed-character rule (《政务》采用简迅 for 简讯) is a near match that says its similarity', async () => {
    const mapping = await mapJson(join(root, 'examples/office/unseen/govinfo-oneheader.xlsx'), 'govinfo');
    const column = mapping.shapes[0].columns.find((c) => c.column === 'F') as unknown as { target: string; how: string; similarity?: number };
    expect([column.target, column.how]).toEqual(['S3.brief', 'near']);
    expect(column.similarity).toBeGreaterThan(0);
  });

  it('text: one line per column, Chinese first with English, the item by code and label', async () => {
    const run = await runCli(['map', tiers, '--rules', 'chengdu2006'], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^工作表「一圈层」「二圈层」「三圈层」：表头第2–3行，每单位一行 \/ sheets "一圈层", "二圈层", "三圈层": header rows 2–3, one row per unit$/);
    const f = lines.find((line) => line.trim().startsWith('F '));
    expect(f).toBe('  F  「（四）市级刊物篇数」  条目 item  9.4.city 调研文章在市级刊物发表  （次数 counts）  按条款 by clause');
    expect(lines.find((line) => line.trim().startsWith('K '))).toBe('  K  「总分」  自报结果 claim  总分 score  按表头用词 by header word');
  });

  it('township2022-pairs: the 汇总 columns as the office\'s claims; the four forms one shape of items as rows, 扣分 beside 得分', async () => {
    const mapping = await mapJson(pairs, 'township2022');
    const summary = mapping.shapes.find((s) => s.sheets.includes('汇总'));
    const forms = mapping.shapes.find((s) => s.sheets.includes('河口镇'));
    expect(summary?.columns.map((d) => [d.header.join('/'), d.role, d.claim ?? null])).toEqual([
      ['序号', 'description', null],
      ['单位', 'unit', null],
      ['总得分', 'claim', 'score'],
      ['名次', 'claim', 'rank'],
      ['评定等级', 'claim', 'level'],
      ['通报批评或媒体曝光', 'criticized', null],
      ['绩效考评加分', 'claim', 'result'],
      ['备注', 'description', null],
    ]);
    expect(forms?.sheets).toEqual(['河口镇', '柳林镇', '桃园乡', '金沙镇']);
    expect(forms?.layout).toBe('forms');
    expect(forms?.headerRows).toEqual([3]);
    expect(forms?.columns.map((d) => [d.header.join('/'), d.role, d.mode ?? null])).toEqual([
      ['序号', 'description', null],
      ['评分项目', 'description', null],
      ['评分标准', 'description', null],
      ['标准分', 'full', null],
      ['扣分', 'entered', 'deducted'],
      ['得分', 'entered', 'points'],
    ]);
  });

  it('--out writes the mapping file (what --format json prints) and never replaces a file that is not one', async () => {
    const out = join(dir, 'tiers.json');
    const run = await runCli(['map', tiers, '--rules', 'chengdu2006', '--out', out], { cwd: root });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(await mapJson(tiers, 'chengdu2006'));
    const other = join(dir, 'notes.json');
    writeFileSync(other, '{"mine": true}');
    const refused = await runCli(['map', tiers, '--rules', 'chengdu2006', '--out', other], { cwd: root });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^错误：.*notes\.json 已存在且不是映射文件：不覆盖\nError: .*notes\.json exists and is not a mapping file: not replaced\n$/);
    expect(readFileSync(other, 'utf8')).toBe('{"mine": true}');
  });
});

describe('check / score --mapping apply the mapping file', () => {
  async function writeMapping(file: string, rules: string, name: string, edit: (m: Mapping) => void): Promise<string> {
    const mapping = await mapJson(file, rules);
    edit(mapping);
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(mapping, null, 1));
    return path;
  }

  it('the mapping as proposed reads the workbook exactly as without it (EXPECTED.md § chengdu2006)', async () => {
    const path = await writeMapping(tiers, 'chengdu2006', 'as-proposed.json', () => undefined);
    expect(await problems(tiers, 'chengdu2006', ['--mapping', path])).toEqual(rows(CHENGDU_WARNINGS));
    expect(await scores(tiers, 'chengdu2006', ['--mapping', path])).toEqual(CHENGDU_SCORES);
  });

  it('a clerk retargets one column (J: 10.5 通报批评 → 10.6 媒体曝光) and the next run reads it so', async () => {
    const path = await writeMapping(tiers, 'chengdu2006', 'j-is-10.6.json', (m) => {
      const j = m.shapes[0].columns.find((d) => d.column === 'J');
      if (!j) throw new Error('no column J');
      j.target = '10.6';
    });
    // By hand (chengdu2006.md 第十条(五) 5 per criticism, (六) 3 per exposure; 第十條(八) deductions ≤ bonus):
    // J holds 1 for 金牛区 (一圈层 row 6) and 郫都区 (二圈层 row 9), nobody else.
    // 金牛区: bonus 3.5 + 3 + 9.3 1×0.5 = 7; deductions 1×3 = 3 (was 5) → 70 + 7 − 3 = 74; its 总分 72 is now wrong at K6.
    // 郫都区: bonus 2 + 1 = 3; deductions 3 ≤ 3 → 70 + 3 − 3 = 70 (as before, when 5 was capped to 3); its 68 still wrong.
    // 一圈层's 优秀 (quota floor(30 % × 6) = 1) stays 武侯区 86.
    expect(await scores(tiers, 'chengdu2006', ['--mapping', path])).toEqual({ ...CHENGDU_SCORES, 金牛区: 74 });
    expect(await problems(tiers, 'chengdu2006', ['--mapping', path])).toEqual(rows([...CHENGDU_WARNINGS, ['一圈层', 'K6', '金牛区', '72', '74']]));
  });

  it('township2022-pairs: 绩效考评加分 set to ignored leaves out exactly its planted mistake (汇总!G4)', async () => {
    const path = await writeMapping(pairs, 'township2022', 'no-bonus-claim.json', (m) => {
      for (const shape of m.shapes) for (const d of shape.columns) if (d.header.join('') === '绩效考评加分') {
        d.role = 'ignored';
        delete d.claim;
      }
    });
    // EXPECTED.md § township2022's ten warnings but #9 (汇总 G4 绩效考评加分 5 → 3).
    expect(await problems(pairs, 'township2022', ['--mapping', path])).toEqual(
      rows([
        ['河口镇', 'F6', '河口镇', '2.5', '2'],
        ['河口镇', 'F47', '河口镇', '99.6', '99.1'],
        ['柳林镇', 'E16', '柳林镇', '0.4', null],
        ['柳林镇', 'F16', '柳林镇', '1', '0.6'],
        ['柳林镇', 'F47', '柳林镇', '96.6', '96.2'],
        ['汇总', 'C3', '河口镇', '99.6', '99.1'],
        ['汇总', 'C4', '柳林镇', '96.6', '96.2'],
        ['汇总', 'E4', '柳林镇', '一等', '二等'],
        ['汇总', 'D6', '桃园乡', '3', '4'],
      ]),
    );
    expect(await scores(pairs, 'township2022', ['--mapping', path])).toEqual({ 河口镇: 99.1, 柳林镇: 96.2, 桃园乡: 93.9, 金沙镇: 94.3 });
  });

  it('a mapping made for other headers is refused naming the column that differs (exit 2), never applied', async () => {
    const path = await writeMapping(tiers, 'chengdu2006', 'other-h.json', (m) => {
      const h = m.shapes[0].columns.find((d) => d.column === 'H');
      if (!h) throw new Error('no column H');
      h.header = ['', '（八）临时交办项数'];
    });
    const run = await runCli(['check', tiers, '--rules', 'chengdu2006', '--mapping', path], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    // The clause brackets as the error line prints them (simplified); the column and both texts named.
    expect(run.stderr).toMatch(/^错误：映射文件是为其他表头做的：工作表「一圈层」H 列的表头是「[（(]七[）)]承办会议次数」，映射文件中是「[（(]八[）)]临时交办项数」（第2、3行）；请重新运行 assess map/);
    expect(run.stderr).toMatch(/\nError: the mapping file was made for other headers: sheet "一圈层" column H is headed "（七）承办会议次数" but the mapping file has "（八）临时交办项数" \(row 2, 3\); run assess map again/);
  });

  it('next month\'s sheet with a header changed (a CSV, not named in the file) is refused at that column', async () => {
    const path = await writeMapping(tiers, 'chengdu2006', 'tiers-for-csv.json', () => undefined);
    const csv = join(dir, 'next-month.csv');
    writeFileSync(
      csv,
      [
        '成都市2007年度区(市)县政府政务服务中心工作考核表（第一圈层）,,,,,,,,,,,',
        '序号,单位,加分项目（第九条）,,,,,,减分项目（第十条）,,总分,等次',
        ',,（一）领导重视加分,（二）优化流程加分,（三）创新举措项数,（四）市级刊物篇数,（四）省级刊物篇数,（七）承办会议次数,（二）超时办结件数,（六）媒体曝光次数,,',
        '1,锦江区,4,4,2,2,1,1,1,,79.5,',
      ].join('\n'),
    );
    const run = await runCli(['score', csv, '--rules', 'chengdu2006', '--mapping', path], { cwd: root });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^错误：映射文件是为其他表头做的：表中J 列的表头是「[（(]六[）)]媒体曝光次数」，映射文件中是「[（(]五[）)]通报批评次数」/);
  });

  it('a form\'s columns, a target that is no item, a file for another ruleset: refused with the reason (exit 2)', async () => {
    const form = await writeMapping(pairs, 'township2022', 'form-edited.json', (m) => {
      const shape = m.shapes.find((s) => s.layout === 'forms');
      const e = shape?.columns.find((d) => d.column === 'E');
      if (!e) throw new Error('no column E');
      e.role = 'ignored';
    });
    const formRun = await runCli(['check', pairs, '--rules', 'township2022', '--mapping', form], { cwd: root });
    expect(formRun.status).toBe(2);
    expect(formRun.stderr).toContain('是条目为行的表（评分表）：E 列的作用按表头用词读取，不能在映射文件中修改');

    const unknown = await writeMapping(tiers, 'chengdu2006', 'no-such-item.json', (m) => {
      const j = m.shapes[0].columns.find((d) => d.column === 'J');
      if (j) j.target = '10.9';
    });
    const unknownRun = await runCli(['check', tiers, '--rules', 'chengdu2006', '--mapping', unknown], { cwd: root });
    expect(unknownRun.status).toBe(2);
    expect(unknownRun.stderr).toContain('映射文件有误：工作表「一圈层」J 列的 target「10.9」不是规则集 chengdu2006 的录入条目');

    const other = await writeMapping(tiers, 'chengdu2006', 'for-chengdu.json', () => undefined);
    const otherRun = await runCli(['check', pairs, '--rules', 'township2022', '--mapping', other], { cwd: root });
    expect(otherRun.status).toBe(2);
    expect(otherRun.stderr).toContain('映射文件有误：它是为规则集「chengdu2006」做的，不是 township2022');
  });
});
