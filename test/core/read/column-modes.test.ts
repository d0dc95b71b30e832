/**
 * How a clause column is read when its header has no points or count word (unseen shape
 * chengdu2006-threerow: 加份项目 / 减分项目 over （三）创新举措 …, the 注 says 填写实得分), and the
 * category and base-points headers around it. Every expected value is worked by hand from
 * ../shared/regulations/chengdu2006.md (the arithmetic is in each test's comment):
 *  8.1 基本分 70 (第八條(一)); 9.1 1–5 judged; 9.3 0.5 per measure ≤ 2; 9.7 0.5 per meeting ≤ 2;
 *  10.2 2 per case; 第十條(八) deductions ≤ bonus.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/cells';
import { scoreBatch } from '../../../src/core/batch';
import { type MergedRange, readUnits } from '../../../src/core/input';
import { quickScores } from '../../../src/core/quick';
import type { BatchResult, Finding } from '../../../src/core/result';
import { builtInRuleset } from '../../../src/rulesets';

const rs = builtInRuleset('chengdu2006');

type Row = [string, string | undefined, string | undefined, string | null | undefined];
function problems(batch: BatchResult): Row[] {
  return batch.units.flatMap((u) => u.findings.filter((f: Finding) => f.severity !== 'info').map((f): Row => [u.unit, f.where, f.found, f.expected]));
}
function columnNotes(batch: BatchResult): Array<[string | undefined, string]> {
  return batch.units.flatMap((u) => u.findings.filter((f) => f.kind === 'column-read').map((f): [string | undefined, string] => [f.where, f.severity]));
}
const read = (table: Cell[][], merges: MergedRange[] = []) => scoreBatch(rs, readUnits(rs, table, { merges, collect: true }), { collect: true });

describe('(a) a category header one character off its word (加份项目 for 加分项目) is read as it, with a warning at its cell', () => {
  it('加份 over （三）创新举措 and （七）承办会议 is 加分: points, 70 + 1.5 + 1 = 72.5; the warning is at B1', () => {
    // Under a bare 加分 a clause is points (R1); 加份 is 加分 one character off.
    const table: Cell[][] = [
      ['单位', '加份', null],
      [null, '（三）创新举措', '（七）承办会议'],
      ['锦江区', 1.5, 1],
    ];
    const batch = read(table, [{ top: 0, left: 1, bottom: 0, right: 2 }]);
    expect(batch.units.map((u) => u.score)).toEqual([72.5]);
    expect(problems(batch)).toEqual([['锦江区', '第1行第2列', '加份', '加分']]);
  });

  it('考核指标 over 加份项目 / 减分项目 over clauses: 加份项目 is 加分项目 (the warning at B2, the 加份项目 cell), and its clauses are 第九條\'s', () => {
    // Counts (no note, whole numbers): 9.3 3 measures × 0.5 = 1.5, 10.2 1 case × 2 = 2 → 70 + 4 + 1.5 − 2 = 73.5.
    const table: Cell[][] = [
      ['单位', '考核指标', null, null, null],
      [null, '加份项目', null, '减分项目', null],
      [null, '（一）领导重视', '（三）创新举措', '（二）超时办结', '总分'],
      ['锦江区', 4, 3, 1, 73.5],
    ];
    const merges: MergedRange[] = [{ top: 0, left: 0, bottom: 2, right: 0 }, { top: 0, left: 1, bottom: 0, right: 3 }, { top: 1, left: 1, bottom: 1, right: 2 }, { top: 1, left: 4, bottom: 2, right: 4 }];
    const batch = read(table, merges);
    expect(batch.units.map((u) => u.score)).toEqual([73.5]);
    expect(problems(batch)).toEqual([['锦江区', '第2行第2列', '加份项目', '加分项目']]);
  });
});

describe('(b) a clause column with no points or count word: the 注 line, then the values, decide — and say so', () => {
  it('注：…填写实得分 reads every such column as points: 70 + 4 + 1 − 2 = 73 (as counts it would be 70 + 4 + 0.5 − 4 = 70.5)', () => {
    const table: Cell[][] = [
      ['单位', '（一）领导重视', '（三）创新举措', '（二）超时办结'],
      ['锦江区', 4, 1, 2],
      ['注：各项填写实得分；总分为各项之和', null, null, null],
    ];
    const batch = read(table);
    expect(batch.units.map((u) => u.score)).toEqual([73]);
    expect(problems(batch)).toEqual([]);
    // Said at each column the note decided (info), not at 9.1 (a judged item is points by itself).
    expect(columnNotes(batch)).toEqual([['第1行第3列', 'info'], ['第1行第4列', 'info']]);
    // The sentence that says it is quoted, not the whole line.
    const note = batch.units[0].findings.find((f) => f.where === '第1行第3列')?.zh ?? '';
    expect(note).toContain('各项填写实得分');
    expect(note).not.toContain('各项之和');
  });

  it('the numbers-only path (ASSESS.SCORE) agrees: it leaves such a column to the full reader, 73 not 70.5', () => {
    const table: Cell[][] = [
      ['单位', '（一）领导重视', '（三）创新举措', '（二）超时办结'],
      ['锦江区', 4, 1, 2],
      ['注：各项填写实得分', null, null, null],
    ];
    const quick = quickScores(rs, table);
    expect(quick === undefined || quick.scores[0] === 73_000_000).toBe(true);
  });

  it('注：…填写次数 keeps them counts: 70 + 4 + 2 × 0.5 − 1 × 2 = 73, nothing to say', () => {
    const table: Cell[][] = [
      ['单位', '（一）领导重视', '（三）创新举措', '（二）超时办结'],
      ['锦江区', 4, 2, 1],
      ['注：创新举措、超时办结填写次数', null, null, null],
    ];
    const batch = read(table);
    expect(batch.units.map((u) => u.score)).toEqual([73]);
    expect(columnNotes(batch)).toEqual([]);
  });

  it('a fraction on the item\'s points grid (9.3 = 1.5, 0.5 a measure) makes the column points, and its siblings follow: 72.5 and 71.5', () => {
    // 锦江区 9.3 1.5 + 9.7 1 = 2.5 → 72.5; 青羊区 9.3 1 + 9.7 0.5 = 1.5 → 71.5. As counts 1.5 and 0.5 are invalid.
    const table: Cell[][] = [
      ['单位', '（三）创新举措', '（七）承办会议'],
      ['锦江区', 1.5, 1],
      ['青羊区', 1, 0.5],
    ];
    const batch = read(table);
    expect(batch.units.map((u) => u.score)).toEqual([72.5, 71.5]);
    expect(problems(batch)).toEqual([]);
    expect(columnNotes(batch)).toEqual([['第1行第2列', 'info'], ['第1行第3列', 'info']]);
  });

  it('under a category, only that category\'s columns follow: 减分项目\'s whole numbers stay counts', () => {
    // 9.3 1.5 points; 10.2 1 case × 2 = 2 → 70 + 4 + 1.5 − 2 = 73.5.
    const table: Cell[][] = [
      ['单位', '加分项目', null, '减分项目'],
      [null, '（一）领导重视', '（三）创新举措', '（二）超时办结'],
      ['锦江区', 4, 1.5, 1],
    ];
    const batch = read(table, [{ top: 0, left: 1, bottom: 0, right: 2 }]);
    expect(batch.units.map((u) => u.score)).toEqual([73.5]);
    expect(columnNotes(batch)).toEqual([['第2行第3列', 'info']]);
  });

  it('a fraction off the grid (9.3 = 1.3) is no evidence: still counts, invalid, with the hint', () => {
    const batch = read([
      ['单位', '（三）创新举措'],
      ['锦江区', 1.3],
    ]);
    const error = batch.units[0].findings.find((f) => f.kind === 'invalid-value');
    expect(error?.where).toBe('第2行第2列');
    expect(error?.zh).toContain('分数');
  });

  it('a code header stays a count column (the template): 9.3 = 1.5 is invalid, whatever the values', () => {
    const batch = read([
      ['单位', '9.3'],
      ['锦江区', 1.5],
    ]);
    expect(batch.units[0].findings.some((f) => f.kind === 'invalid-value' && f.where === '第2行第2列')).toBe(true);
  });
});

describe('(c) a 基本分 / 基础分 column is the office\'s base points, audited against 第八條(一) 70', () => {
  it('70 agrees (nothing said, the 总分 is audited); 65 is a warning at its cell, expected 70', () => {
    // 锦江区 70 + 4 = 74; 青羊区 70 + 3 = 73 (its 总分 73 agrees; its 基础分 65 does not).
    const table: Cell[][] = [
      ['单位', '（一）领导重视加分', '基本分', '总分'],
      ['锦江区', 4, 70, 75],
      ['青羊区', 3, 65, 73],
    ];
    const batch = read(table);
    expect(batch.units.map((u) => u.score)).toEqual([74, 73]);
    expect(problems(batch)).toEqual([
      ['锦江区', '第2行第4列', '75', '74'],
      ['青羊区', '第3行第3列', '65', '70'],
    ]);
    const other = read([
      ['单位', '（一）领导重视加分', '基础分'],
      ['锦江区', 4, 70],
    ]);
    expect(problems(other)).toEqual([]);
    expect(columnNotes(other)).toEqual([]);
  });
});
