/**
 * src/core/cases.ts — rule test cases kept in the workbook: a table of unit rows with an expected
 * score column (期望得分 / 预期得分 / 期望 / expected / expected score); each row is scored alone
 * and compared exactly. Expected scores below are worked by hand from chengdu2006
 * (../shared/spec/rulesets.md): score = 70 (8.1, default 是) + min(Σ capped bonus, 30)
 * − min(Σ deductions, applied bonus); 9.1/9.2 judged 0–5; 9.3 0.5 per count, cap 2 (第九條(三));
 * 9.4.city 0.5 per count, 9.4 group cap 4; 10.2 −2 per count.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { runCases } from '../../src/core/cases';
import { AssessError } from '../../src/core/errors';
import { builtInRuleset } from '../../src/rulesets';

const chengdu = builtInRuleset('chengdu2006');
const township = builtInRuleset('township2022');

const HEADER: Cell[] = ['单位', '期望得分', '9.1', '9.2', '9.3', '9.4.city', '10.2'];

describe('runCases: ok and mismatch rows, compared exactly', () => {
  const table: Cell[][] = [
    ['用例：chengdu2006 第八至十條'], // a title row above the header
    HEADER,
    // 70 + 9.1 5 + 9.3 min(3×0.5, 2) = 1.5 + 9.4.city 2×0.5 = 1 → bonus 7.5; 10.2 1×2 = 2 → 75.5
    ['甲', 75.5, 5, '', 3, 2, 1],
    // 70 + 4.5 + 9.3 5×0.5 = 2.5 → cap 2 → 76.5
    ['乙', 76.5, 4.5, '', 5, '', ''],
    // no bonus; 10.2 3×2 = 6 > applied bonus 0 → min(6, 0) = 0 → 70 (第十條(八))
    ['丙', 70, '', '', '', '', 3],
    // 70 + 3 + 0.5 = 73.5, not the 74 expected → mismatch
    ['丁', 74, 3, '', 1, '', ''],
    // 70 + 0.1 + 0.2 = 70.3 exactly (never 70.30000000000001)
    ['己', 70.3, 0.1, 0.2, '', '', ''],
    [null, null, null, null, null, null, null], // blank row: skipped
    // expected given as text, full-width digits: read as 75.5
    ['辛', '７５.５', 5, '', 3, 2, 1],
  ];
  const outcomes = runCases(chengdu, table);

  it('one outcome per non-blank row, with its 0-based table row and unit', () => {
    expect(outcomes.map((o) => [o.row, o.unit])).toEqual([
      [2, '甲'],
      [3, '乙'],
      [4, '丙'],
      [5, '丁'],
      [6, '己'],
      [8, '辛'],
    ]);
  });

  it('hand-worked scores: ok where equal, mismatch with both numbers where not', () => {
    expect(outcomes.map((o) => [o.unit, o.expected, o.actual, o.ok])).toEqual([
      ['甲', 75.5, 75.5, true],
      ['乙', 76.5, 76.5, true],
      ['丙', 70, 70, true],
      ['丁', 74, 73.5, false],
      ['己', 70.3, 70.3, true],
      ['辛', 75.5, 75.5, true],
    ]);
    expect(outcomes.every((o) => o.message === undefined)).toBe(true);
  });

  it('the expected column may stand anywhere and be named 期望得分, 预期得分, 期望, expected, Expected Score', () => {
    for (const name of ['期望得分', '预期得分', '期望', 'expected', 'Expected Score', ' EXPECTED ']) {
      const result = runCases(chengdu, [
        ['9.3', '单位', name],
        [3, '甲', 71.5], // 70 + 1.5
      ]);
      expect(result).toEqual([{ row: 1, unit: '甲', expected: 71.5, actual: 71.5, ok: true }]);
    }
  });

  it('a row without a unit name is named by its 1-based row', () => {
    expect(runCases(chengdu, [['9.1', 'expected'], [2, 72]])).toEqual([{ row: 1, unit: '第2行', expected: 72, actual: 72, ok: true }]);
  });

  it('township2022: full marks are 100; deductions stop at 0 within their item', () => {
    // Full marks: judged 1.1 3, 4.6 3, 5.1 1, 5.6 3 (as entered); 3.1 rank 1 → 4; rates 100% →
    // 3.9 2, 5.3 2, 5.4 3; flags 5.7 2, 6.1 3; every count-of-findings item empty → its 分值.
    // Σ 分值 = 100 (township2022-table.md).
    const header: Cell[] = ['单位', '1.1', '4.6', '5.1', '5.6', '3.1', '3.9', '5.3', '5.4', '5.7', '6.1', '1.2', '5.2.video', '期望得分'];
    // 乙镇: 1.2 2 findings × 0.5 → 2 − 1 = 1 (−1); 3.1 rank 3 → 4 − 0.2×2 = 3.6 (−0.4);
    // 3.9 98.5% → 1 full point below → 2 − 0.2 = 1.8 (−0.2); 5.2.video 2 × 2 = 4 > 3 → 5.2 is 0 (−3,
    // 直至扣完本项得分). 100 − 1 − 0.4 − 0.2 − 3 = 95.4.
    const outcomes = runCases(township, [
      header,
      ['甲镇', 3, 3, 1, 3, 1, 1, 1, '100%', '是', '是', '', '', 100],
      ['乙镇', 3, 3, 1, 3, 3, 0.985, 1, 100, '是', '是', 2, 2, 95.4],
    ]);
    expect(outcomes.map((o) => [o.unit, o.expected, o.actual, o.ok])).toEqual([
      ['甲镇', 100, 100, true],
      ['乙镇', 95.4, 95.4, true],
    ]);
  });
});

describe('runCases: a row that cannot be scored', () => {
  const table: Cell[][] = [
    HEADER,
    ['甲', 75.5, 5, '', 3, 2, 1],
    ['戊', 71, 'abc', '', 1, '', ''], // 9.1 is not a number → input error, on this row only
    ['乙', 76.5, 4.5, '', 5, '', ''],
    ['庚', '', 1, '', '', '', ''], // no expectation
    ['壬', '七十', 1, '', '', '', ''], // an expectation that is not a number
  ];
  const outcomes = runCases(chengdu, table);

  it('an input error is reported on its row (unit, item, value) and the other rows still run', () => {
    expect(outcomes).toHaveLength(5);
    const error = outcomes[1];
    expect(error).toMatchObject({ row: 2, unit: '戊', expected: 71, actual: null, ok: false });
    expect(error.message).toContain('9.1');
    expect(error.message).toContain('"abc"');
    expect(outcomes[0]).toMatchObject({ unit: '甲', ok: true, actual: 75.5 });
    expect(outcomes[2]).toMatchObject({ unit: '乙', ok: true, actual: 76.5 });
  });

  it('an empty or non-numeric expectation is not ok, still shows the actual score, and says why', () => {
    // 庚, 壬: 70 + 9.1 1 = 71.
    expect(outcomes[3]).toEqual({ row: 4, unit: '庚', expected: null, actual: 71, ok: false, message: '期望得分 （空） 不是有效分数' });
    expect(outcomes[4]).toEqual({ row: 5, unit: '壬', expected: null, actual: 71, ok: false, message: '期望得分 七十 不是有效分数' });
  });

  it('a value beyond its bound is not an error: it counts at the bound (9.1 = 6 → 5)', () => {
    expect(runCases(chengdu, [HEADER, ['癸', 75, 6, '', '', '', '']])).toEqual([{ row: 1, unit: '癸', expected: 75, actual: 75, ok: true }]);
  });

  // Fixed bug: the row is scored as a 2-row table [header, row] with the expected column removed, so the
  // cell named in the message is 第2行 and the column is shifted left by one when the expected
  // column comes before it: 戊's 9.1 is table row 3, column 3, but the message says （第2行第2列）.
  it('the input error names the cell where the value is (第3行第3列)', () => {
    expect(outcomes[1].message).toContain('第3行第3列');
  });
});

describe('runCases: layout', () => {
  it('no expected column → AssessError (layout) naming 期望得分', () => {
    const run = () => runCases(chengdu, [['单位', '9.1'], ['甲', 5]]);
    expect(run).toThrow(AssessError);
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(AssessError);
      expect((error as AssessError).kind).toBe('layout');
      expect((error as AssessError).zh).toContain('期望得分');
    }
  });

  it('"得分" alone is not an expected column', () => {
    expect(() => runCases(chengdu, [['单位', '9.1', '得分'], ['甲', 5, 75]])).toThrow(AssessError);
  });

  it('a header that is not an item is an error on every row, reported per row', () => {
    const outcomes = runCases(chengdu, [['单位', '联系人', 'expected'], ['甲', '张三', 70], ['乙', '李四', 70]]);
    expect(outcomes.map((o) => [o.unit, o.ok, o.actual])).toEqual([
      ['甲', false, null],
      ['乙', false, null],
    ]);
    expect(outcomes[0].message).toContain('联系人');
  });

  it('only a header → no outcomes', () => {
    expect(runCases(chengdu, [['单位', '9.1', '期望得分']])).toEqual([]);
  });
});
