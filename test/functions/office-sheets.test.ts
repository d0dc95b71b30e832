/** Issue 10 through the functions: points columns in SCORE, SCORES, CHECK and BREAKDOWN; CHECK listing the audited and the invalid cells. */
import { describe, expect, it } from 'vitest';
import { FunctionError, breakdown, check, score, scores } from '../../src/functions/implementation';

const CD = [['chengdu2006']];

/** The message of the FunctionError a call throws. */
function failure(run: () => unknown): FunctionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FunctionError);
    return error as FunctionError;
  }
  throw new Error('expected a FunctionError');
}

describe('ASSESS functions over an office sheet', () => {
  it('SCORE reads a points column: 70 + 4 + min(2.5, 2) = 76', () => {
    expect(score([[4, 2.5]], CD, [['9.1', '9.3 加分']])).toBe(76);
  });

  it('CHECK reports the over-cap cell and the office total that used it', () => {
    const rows = check([['单位', '9.1', '9.3 加分', '总分'], ['锦江区', 4, 2.5, 76.5]], CD, null);
    const text = rows.slice(1).map((row) => String(row[1]));
    expect(text).toEqual(
      expect.arrayContaining([expect.stringMatching(/^9\.3.*2\.5，超过上限 2/), expect.stringMatching(/^总分 76\.5，按细则应为 76(?!：)/)]),
    );
  });

  it('SCORE of a blank row with its header is the blank score (chengdu2006: 70)', () => {
    expect(score([[null, null]], CD, [['9.1', '9.3']])).toBe(70);
  });
});

// chengdu2006, every value entered as points (细则 第八–十條):
//  甲: 70 + 9.1 4 + 9.3 min(2.5, 2) − 10.2 扣分 2 = 74 (2 ≤ bonus 6, 第十條(八));
//  乙: 70 + 5 + 1 − 6 = 70 (6 ≤ bonus 6); its 总分 76 leaves the deduction out;
//  丙: 70 + 3 + 0.7 = 73.7 (0.7 is off 9.3's 0.5 grid: a finding, counted as entered).
const POINTS = [
  ['单位', '9.1', '9.3 加分', '10.2 扣分', '总分'],
  ['甲', 4, 2.5, 2, 74],
  ['乙', 5, 1, 6, 76],
  ['丙', 3, 0.7, null, 73.7],
];

describe('points columns through every function (issue 10.5)', () => {
  it('SCORE and SCORES read the 加分 and 扣分 columns as points', () => {
    const [header, ...rows] = POINTS;
    expect(rows.map((row) => score([row.slice(1, 4)], CD, [header.slice(1, 4)]))).toEqual([74, 70, 73.7]);
    expect(scores(POINTS, CD)).toEqual([['得分'], [74], [70], [73.7]]);
  });

  it('SCORES leaves a 合计 row empty (it is not a unit), on the fast path as on the full one', () => {
    // 锦江区 70 + 3 = 73, 青羊区 70 + 2 = 72; the office's 合计 row (5) gets no score.
    expect(scores([['单位', '9.1'], ['锦江区', 3], ['青羊区', 2], ['合计', 5]], CD)).toEqual([['得分'], [73], [72], ['']]);
    expect(scores([['单位', '圈层', '9.1'], ['锦江区', '第一圈', 3], ['青羊区', '第一圈', 2], ['合计', '', 5]], CD)).toEqual([['得分'], [73], [72], ['']]);
  });

  it('BREAKDOWN shows the entered points, the capped value and the total', () => {
    const rows = breakdown([POINTS[1].slice(1, 4)], CD, [POINTS[0].slice(1, 4)]);
    const nine3 = rows.find((row) => String(row[1]).startsWith('9.3 '));
    expect(nine3?.slice(2, 4)).toEqual(['2.5', 2]);
    const ten2 = rows.find((row) => String(row[1]).startsWith('10.2 '));
    expect(ten2?.slice(2, 4)).toEqual(['2', -2]);
    expect(rows.at(-1)?.slice(1, 4)).toEqual(['合计', '', 74]);
  });

  it('CHECK over the table: the entered-points cells and the office total that disagrees, found vs expected', () => {
    const rows = check(POINTS, CD, null).slice(1).map((row): [string, string] => [String(row[0]), String(row[1])]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['9.3', expect.stringMatching(/^甲：9\.3（率先推出创新性政务服务举措） 加分 2\.5，超过上限 2，按 2 计$/)],
        ['9.3', expect.stringMatching(/^丙：9\.3（率先推出创新性政务服务举措） 加分 0\.7 不是0\.5 的整数倍/)],
        ['总分', '乙：总分 76，按细则应为 70：逐项相加应为 70（第3行第5列）'],
      ]),
    );
    // 甲's and 丙's 总分 agree: nothing about them.
    expect(rows.filter(([code, text]) => code === '总分' && !text.startsWith('乙'))).toEqual([]);
  });

  it('CHECK over a table lists every invalid cell, and still checks the other units', () => {
    const bad = POINTS.map((row, r) => (r === 1 ? ['甲', 'abc', 2.5, 2, 74] : r === 3 ? ['丙', 3, 0.7, -1, 73.7] : row));
    const rows = check(bad, CD, null).slice(1).map((row): [string, string] => [String(row[0]), String(row[1])]);
    expect(rows.filter(([, text]) => text.includes('无效：'))).toEqual([
      ['9.1', expect.stringMatching(/^甲：单位「甲」条目 9\.1.*的值 "abc" 无效：.*（第2行第2列）$/)],
    ]);
    // -1 in a 扣分 column is a finding (written as a positive number), not an invalid cell.
    expect(rows).toContainEqual(['10.2', expect.stringMatching(/^丙：10\.2.*扣分 -1 低于 0：扣分应填正数，按 0 计$/)]);
    expect(rows).toContainEqual(['未计分', '甲：单位「甲」有 1 个无效单元格（第2行第2列）：改正之前不计分、不排名、不评等次、不占名额']);
    expect(rows).toContainEqual(['总分', '乙：总分 76，按细则应为 70：逐项相加应为 70（第3行第5列）']);
  });
});

describe('a range with no item columns (issue 10, item 7)', () => {
  it('SCORE of 单位, 备注 is #VALUE! naming the headers, not 70', () => {
    const error = failure(() => score([['单位', '备注'], ['锦江区', '']], CD, null));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(/^没有条目列：表头 「单位」「备注」 都不是规则集 chengdu2006 的条目，无法计分/);
    // Headers given apart, and SCORES over such a block, the same.
    expect(failure(() => score([['锦江区', '']], CD, [['单位', '备注']])).message).toMatch(/^没有条目列/);
    expect(failure(() => scores([['单位', '备注'], ['锦江区', ''], ['青羊区', '']], CD)).message).toMatch(/^没有条目列/);
    expect(failure(() => scores([['单位', '总分'], [null, null]], CD)).message).toMatch(/^没有条目列：表头 「单位」「总分」/);
  });

  it('tacheng2020: a lone 总分 column is the score (openItems), so SCORE gives it', () => {
    expect(score([['单位', '总分'], ['甲', 88]], [['tacheng2020']], null)).toBe(88);
  });
});
