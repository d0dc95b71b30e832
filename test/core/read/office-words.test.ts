/**
 * The words offices write in one header row that the reader did not know (unseen shapes
 * township2022-shidefen and govinfo-oneheader): the office's total under its assessment's name
 * (评定得分, 年度得分 …), a points word one character off in a claim header (绩效考评加份), count units
 * in brackets (（月）), labels written without their leading 被 or with 采用 elsewhere, a one-character
 * typo in a label (简迅 for 简讯), the office's points before deductions (计分合计) — and a column left
 * unread, said on every unit's row whose score leaves a value out.
 * Expected values are worked by hand from ../shared/regulations/govinfo.md 三 (S2 20 a month, S3 single
 * 10, brief 5, 每日要情 10, S4 single 50, research 100, S6 10 per unit, S8 20; K2 30 a month; score =
 * points − deductions) and township2022.md 五.1.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/cells';
import { scoreBatch } from '../../../src/core/batch';
import { claimOf, interpretHeader } from '../../../src/core/headers';
import { readUnits } from '../../../src/core/input';
import type { BatchResult, Finding } from '../../../src/core/result';
import { builtInRuleset } from '../../../src/rulesets';

const govinfo = builtInRuleset('govinfo');
const read = (table: Cell[][]): BatchResult => scoreBatch(govinfo, readUnits(govinfo, table, { collect: true }), { collect: true });
type Row = [string, string | undefined, string | undefined, string | null | undefined];
const problems = (batch: BatchResult): Row[] =>
  batch.units.flatMap((u) => u.findings.filter((f: Finding) => f.severity !== 'info').map((f): Row => [u.unit, f.where, f.found, f.expected]));
const columnRead = (batch: BatchResult): Array<[string | undefined, string, string | undefined]> =>
  batch.units.flatMap((u) => u.findings.filter((f) => f.kind === 'column-read').map((f): [string | undefined, string, string | undefined] => [f.where, f.severity, f.code]));

describe('the office total under its assessment\'s name is the score claim', () => {
  it('评定得分, 考评得分, 年度得分, 综合得分 are the office\'s score', () => {
    expect(['评定得分', '考评得分', '年度得分', '综合得分', '评定总分'].map((word) => claimOf(word))).toEqual(['score', 'score', 'score', 'score', 'score']);
  });
});

describe('a points word one character off in a claim or role header is read as meant, with a warning at the header', () => {
  const township = builtInRuleset('township2022');
  it('绩效考评加份 is the result column 绩效考评加分; 加份 alone is the bonus role; both say the slip', () => {
    expect(interpretHeader(township, '绩效考评加份')).toEqual({ kind: 'claim', claim: 'result', near: { written: '加份', meant: '加分' } });
    expect(interpretHeader(govinfo, '加份')).toEqual({ kind: 'role', role: 'bonus', near: { written: '加份', meant: '加分' } });
    expect(interpretHeader(township, '绩效考评加分')).toEqual({ kind: 'claim', claim: 'result' }); // the word itself: no slip to say
  });

  it('年度得份 over 12 months: read as 年度得分, audited — 12 × 20 = 240, the sheet says 250; warnings at the header and at the claim', () => {
    const batch = read([
      ['单位', '完成月度任务（月）', '年度得份'],
      ['区甲', 12, 250],
    ]);
    expect(batch.units.map((u) => u.score)).toEqual([240]);
    expect(problems(batch)).toEqual([
      ['区甲', '第1行第3列', '年度得份', '年度得分'],
      ['区甲', '第2行第3列', '250', '240'],
    ]);
  });
});

describe('govinfo\'s headers as one office writes them (one header row, counts in brackets)', () => {
  const header: Cell[] = ['单位', '完成月度任务（月）', '《政务》采用单条信息（次）', '“每日要情”采用（次）', '市政府办公厅刊物采用单条（次）', '市政府办公厅刊物采用综合调研信息（次）', '综合信息得分', '未完成月度任务（月）', '计分合计', '年度得分'];

  it('reads every column: 区甲 10×20 + 2×10 + 1×10 + 50 + 100 + 20 = 400 − 2×30 = 340; 区乙 12×20 = 240 (计分合计 250 is wrong)', () => {
    const batch = read([
      header,
      ['区甲', 10, 2, 1, 1, 1, 20, 2, 400, 340],
      ['区乙', 12, 0, 0, 0, 0, 0, 0, 250, 240],
    ]);
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['区甲', 340], ['区乙', 240]]);
    // Every column read (no 未识别的列); the only warning is 区乙's 计分合计: its points are 240, not 250.
    expect(problems(batch)).toEqual([['区乙', '第3行第9列', '250', '240']]);
    // The labels written without 被 / with 采用 elsewhere are said as notes at their headers (略去「被」「采用」、标点、
    // 计数单位); 市政府办公厅刊物采用单条 / …综合调研信息 are S4's short names in govinfo.json (aliases), read exactly.
    expect(columnRead(batch).map(([at, severity, code]) => [at, severity, code])).toEqual([
      ['第1行第3列', 'info', 'S3.single'],
      ['第1行第4列', 'info', 'S3.daily'],
    ]);
  });

  it('《政务》采用简迅（次） is a one-character typo of 被《政务》采用简讯: S3.brief, 3 × 5 = 15, with a warning at its header', () => {
    const batch = read([
      ['单位', '《政务》采用简迅（次）'],
      ['区甲', 3],
    ]);
    expect(batch.units.map((u) => u.score)).toEqual([15]);
    expect(problems(batch)).toEqual([['区甲', '第1行第2列', '《政务》采用简迅(次)', '被《政务》采用简讯']]);
  });

  it('a character changed that could be two items (县领导批示: 区 / 市 / 省领导批示) is read as none', () => {
    const batch = read([
      ['单位', '被区领导批示（次）', '县领导批示（次）'],
      ['区甲', 1, 2],
    ]);
    expect(batch.units.map((u) => u.score)).toEqual([20]);
    expect(columnRead(batch).map(([at, severity]) => [at, severity])).toContainEqual(['第1行第3列', 'warning']);
  });
});

describe('a column left unread is said on every unit\'s row whose score leaves a value out', () => {
  it('区甲 and 区乙 have values under 某新增项目（次）: a warning at each of their cells; 区丙 (blank) and 区丁 (0) lose nothing', () => {
    const batch = read([
      ['单位', '完成月度任务（月）', '某新增项目（次）'],
      ['区甲', 12, 3],
      ['区乙', 11, 1],
      ['区丙', 10, null],
      ['区丁', 9, 0],
    ]);
    // Scored from S2 alone: 240, 220, 200, 180.
    expect(batch.units.map((u) => u.score)).toEqual([240, 220, 200, 180]);
    expect(problems(batch)).toEqual([
      ['区甲', '第1行第3列', '某新增项目(次)', null], // the header, once
      ['区甲', '第2行第3列', '3', null],
      ['区乙', '第3行第3列', '1', null],
    ]);
  });
});
