/**
 * ASSESS.SCORE filled down a column of an office's table meets rows that are not units: a section row
 * (一、第一圈层), a 合计 or 平均 row, a 注 line, a sign-off line (制表人：张三), a blank row. They were each
 * given chengdu2006's base 70 — a score for no unit, which the clerk's own AVERAGE/RANK then count. They
 * are told apart by the readers' one row classification (src/core/read/rows.ts) and left blank (""),
 * as ASSESS.SCORES leaves them. And ASSESS.SCORES, which reads units as rows, refuses a table with items as
 * rows (a column per unit) instead of scoring each indicator row as a unit.
 */
import { describe, expect, it } from 'vitest';
import { score, scores } from '../../src/functions/implementation';

const header = [['单位', '9.1', '9.2']];

describe('ASSESS.SCORE on a row that is not a unit', () => {
  it.each([
    ['一、第一圈层', 'a section row'],
    ['合计', 'a 合计 row'],
    ['平均', 'an 平均 row'],
    ['注：总分＝基本分70＋加分－减分。', 'a 注 line'],
    ['制表人：张三', 'a sign-off line'],
    ['', 'a blank row'],
  ])('%s (%s) is blank, not 70', (name) => {
    expect(score([[name, '', '']], [['chengdu2006']], header)).toBe('');
  });

  it('a unit with nothing entered still gets 70 (every blank has a meaning in chengdu2006), one with 9.1 = 2 gets 72', () => {
    expect(score([['锦江区', '', '']], [['chengdu2006']], header)).toBe(70);
    expect(score([['锦江区', 2, '']], [['chengdu2006']], header)).toBe(72);
  });

  it('the header in the range: the same', () => {
    expect(score([['单位', '9.1', '9.2'], ['制表人：张三', '', '']], [['chengdu2006']])).toBe('');
    expect(score([['单位', '9.1', '9.2'], ['锦江区', 1, 1]], [['chengdu2006']])).toBe(72);
  });
});

describe('ASSESS.SCORES over a table with items as rows', () => {
  it('is refused with a message saying the layout and what to use (tacheng2020: was 38, 37, 75 for two indicators and 总分)', () => {
    const table = [
      ['序号', '考核指标', '分值', '甲县', '乙县'],
      [1, '组织领导', 20, 18, 17],
      [2, '信息公开', 20, 20, 20],
      ['', '总分', 40, 38, 37],
    ];
    expect(() => scores(table, [['tacheng2020']])).toThrow(/条目按行（每个单位一列）.*ASSESS\.CHECK/);
  });
});
