/**
 * Issue 18: four office shapes kept UNSEEN while the reader was built (examples/office/unseen/: written by
 * examples/office/unseen/make.mjs and re-saved by LibreOffice; every value worked by hand in
 * examples/office/unseen/EXPECTED.md before ASSESS was ever run on them). Run at the end of the session
 * that built the reader: what they found is in the closing note. Read as a user runs the built CLI:
 *
 *   node bin/assess.js check <file> --rules <id> --format json   → exactly the planted mistakes, by cell
 *   node bin/assess.js score <file> --rules <id> --format json   → the exact scores (and levels, rewards)
 *
 * A workbook the reader still misreads is listed in KNOWN_MISREAD with what it does wrong; its tests are
 * skipped and the reason printed. Remove the entry once the reader reads it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FindingOut, UnitOut } from '../support/cli-json';
import { runCli } from '../support/run';

const root = new URL('../../', import.meta.url).pathname;
const dir = join(root, 'examples/office/unseen');

/** file → what the reader does wrong with it today; its assertions are skipped. */
export const KNOWN_MISREAD: Partial<Record<string, string>> = {
};

/** A planted mistake: its cell; for a value cell also the sheet's value and the regulation's (null: none is due). */
type Planted = { sheet: string; cell: string; found?: string; expected?: string | null };

async function assess(command: 'check' | 'score', file: string, rules: string): Promise<{ code: number | null; out: unknown }> {
  const run = await runCli([command, join(dir, file), '--rules', rules, '--format', 'json'], { cwd: root });
  if (run.status !== 0 && run.status !== 3) throw new Error(`assess ${command} ${file} --rules ${rules} exited ${run.status}:\n${run.stderr}`);
  return { code: run.status, out: JSON.parse(run.stdout) };
}

const key = (sheet: string | null, cell: string | null): string => `${sheet ?? ''}!${cell ?? '(no cell)'}`;
const v = (x: string | null | undefined): string | null => (x === undefined || x === null || x === '' ? null : x);

/** Every warning/error is a planted mistake at its cell (no other, none missing); value cells say what they found and expected. */
async function expectPlanted(file: string, rules: string, planted: Planted[]): Promise<void> {
  const { code, out } = await assess('check', file, rules);
  const findings = (out as { findings: FindingOut[] }).findings.filter((f) => f.severity !== 'info');
  expect(findings.map((f) => key(f.sheet, f.cell)).sort()).toEqual(planted.map((p) => key(p.sheet, p.cell)).sort());
  for (const p of planted) {
    if (p.found === undefined) continue;
    const at = findings.filter((f) => key(f.sheet, f.cell) === key(p.sheet, p.cell));
    expect(at.map((f) => [v(f.found), v(f.expected)]), key(p.sheet, p.cell)).toContainEqual([p.found, p.expected ?? null]);
  }
  expect(code).toBe(3);
}

async function scores(file: string, rules: string): Promise<UnitOut[]> {
  const { code, out } = await assess('score', file, rules);
  expect(code).toBe(0);
  return [...(out as { units: UnitOut[] }).units].sort((a, b) => a.unit.localeCompare(b.unit));
}

const byUnit = <T extends unknown[]>(rows: T[]): T[] => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));

function workbook(file: string, body: () => void): void {
  const known = KNOWN_MISREAD[file];
  if (known) {
    console.warn(`[unseen-shapes] skipped ${file}: reader misreads it — ${known}`);
    describe.skip(`${file} — KNOWN_MISREAD: ${known}`, body);
  } else describe(`${file} (examples/office/unseen/EXPECTED.md)`, body);
}

workbook('township2022-shidefen.xlsx', () => {
  it('check: exactly the 6 planted warnings', async () => {
    await expectPlanted('township2022-shidefen.xlsx', 'township2022', [
      { sheet: '龙潭乡', cell: 'E35', found: '3.5', expected: '3' },
      { sheet: '龙潭乡', cell: 'E40', found: '96', expected: '95.5' },
      { sheet: '汇总', cell: 'C5', found: '96', expected: '95.5' },
      { sheet: '汇总', cell: 'D7', found: '二等', expected: '三等' },
      { sheet: '汇总', cell: 'F7', found: '3', expected: '2' },
      { sheet: '汇总', cell: 'F2' }, // the header typo 绩效考评加份, read as 绩效考评加分
    ]);
  });

  it('score: 98.9 一等 +5, 96.3 一等 +5, 95.5 二等 +3, 94.8 二等 +3, 93.8 三等 +2 (新店乡 lowered)', async () => {
    expect((await scores('township2022-shidefen.xlsx', 'township2022')).map((u) => [u.unit, u.score, u.level, u.result])).toEqual(
      byUnit([
        ['青山镇', 98.9, '一等', 5],
        ['白马镇', 96.3, '一等', 5],
        ['龙潭乡', 95.5, '二等', 3],
        ['石门镇', 94.8, '二等', 3],
        ['新店乡', 93.8, '三等', 2],
      ]),
    );
  });
});

workbook('chengdu2006-threerow.xlsx', () => {
  const S = '2006年度考核汇总';
  it('check: exactly the 7 planted warnings', async () => {
    await expectPlanted('chengdu2006-threerow.xlsx', 'chengdu2006', [
      { sheet: S, cell: 'D3' }, // the header typo 加份项目
      { sheet: S, cell: 'G8', found: '4.5', expected: '4' },
      { sheet: S, cell: 'K8', found: '20.5', expected: '20' },
      { sheet: S, cell: 'Q8', found: '90.5', expected: '90' },
      { sheet: S, cell: 'R10', found: '4', expected: '5' },
      { sheet: S, cell: 'R13', found: '5', expected: '4' },
      { sheet: S, cell: 'S13', found: '优秀', expected: null },
    ]);
  });

  it('score: the twelve units, 优秀 one per 圈层 (武侯区 90, 双流区 89.5)', async () => {
    expect((await scores('chengdu2006-threerow.xlsx', 'chengdu2006')).map((u) => [u.unit, u.score, u.level])).toEqual(
      byUnit([
        ['锦江区', 82.5, null],
        ['青羊区', 88.5, null],
        ['金牛区', 78, null],
        ['武侯区', 90, '优秀'],
        ['成华区', 72.5, null],
        ['高新区', 84, null],
        ['龙泉驿区', 82, null],
        ['青白江区', 74, null],
        ['新都区', 84.5, null],
        ['温江区', 81, null],
        ['双流区', 89.5, '优秀'],
        ['郫都区', 77, null],
      ]),
    );
  });
});

workbook('govinfo-oneheader.xlsx', () => {
  const S = '2023年政务信息考核';
  it('check: exactly the 7 planted warnings (and 区民政局\'s threshold flag, a result with no cell)', async () => {
    await expectPlanted('govinfo-oneheader.xlsx', 'govinfo', [
      // 不得参评先进 (五(四), 区民政局 deductions 120 ≥ 100) is reported as a warning with no cell: the flag the
      // score test asserts by unit, not a mistake on the sheet (EXPECTED.md lists it under Score, not the 7).
      { sheet: S, cell: '(no cell)' },
      { sheet: S, cell: 'F2' }, // 《政务》采用简迅（次）: a near miss of 简讯
      { sheet: S, cell: 'C8', found: '25', expected: '20' },
      { sheet: S, cell: 'Q8', found: '560', expected: '555' },
      { sheet: S, cell: 'S8', found: '560', expected: '555' },
      { sheet: S, cell: 'R6', found: '0', expected: '50' },
      { sheet: S, cell: 'S6', found: '505', expected: '455' },
      { sheet: S, cell: 'T4', found: '410', expected: '510' },
    ]);
  });

  it('score: 695, 415, 140 (不得参评先进), 455, 240, 555 with their rewards', async () => {
    const units = await scores('govinfo-oneheader.xlsx', 'govinfo');
    expect(units.map((u) => [u.unit, u.score, u.reward])).toEqual(
      byUnit([
        ['区发改委', 695, 1210],
        ['区教育局', 415, 510],
        ['区民政局', 140, 220],
        ['区卫健委', 455, 650],
        ['区应急局', 240, 220],
        ['区市场监管局', 555, 730],
      ]),
    );
    expect(units.filter((u) => u.flags.some((f) => f.includes('不得参评先进'))).map((u) => u.unit)).toEqual(['区民政局']);
  });
});

workbook('tacheng2020-itemrows.xlsx', () => {
  const S = '各县（市）考核得分';
  it('check: exactly the 4 planted warnings', async () => {
    await expectPlanted('tacheng2020-itemrows.xlsx', 'tacheng2020', [
      { sheet: S, cell: 'G10', found: '31', expected: '29' },
      { sheet: S, cell: 'G18', found: '78.5', expected: '76.5' },
      { sheet: S, cell: 'H18', found: '85.5', expected: '83.5' },
      { sheet: S, cell: 'E19', found: '良好', expected: '优秀' },
    ]);
  });

  it('score: 94 优秀, 90 优秀, 80 良好, 76.5 合格, 83.5 良好', async () => {
    expect((await scores('tacheng2020-itemrows.xlsx', 'tacheng2020')).map((u) => [u.unit, u.score, u.grade])).toEqual(
      byUnit([
        ['塔城市', 94, '优秀'],
        ['乌苏市', 90, '优秀'],
        ['额敏县', 80, '良好'],
        ['托里县', 76.5, '合格'],
        ['裕民县', 83.5, '良好'],
      ]),
    );
  });
});
