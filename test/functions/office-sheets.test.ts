/** Issue 10 through the functions: points columns in SCORE, and CHECK listing the audited cells. */
import { describe, expect, it } from 'vitest';
import { check, score } from '../../src/functions/implementation';

describe('ASSESS functions over an office sheet', () => {
  it('SCORE reads a points column: 70 + 4 + min(2.5, 2) = 76', () => {
    expect(score([[4, 2.5]], [['chengdu2006']], [['9.1', '9.3 加分']])).toBe(76);
  });

  it('CHECK reports the over-cap cell and the office total that used it', () => {
    const rows = check([['单位', '9.1', '9.3 加分', '总分'], ['锦江区', 4, 2.5, 76.5]], [['chengdu2006']], null);
    const text = rows.slice(1).map((row) => String(row[1]));
    expect(text).toEqual(
      expect.arrayContaining([expect.stringMatching(/^9\.3.*2\.5，超过上限 2/), expect.stringMatching(/^总分 76\.5，按细则应为 76：第九條\(三\)/)]),
    );
  });

  it('SCORE of a blank row with its header is the blank score (chengdu2006: 70)', () => {
    expect(score([[null, null]], [['chengdu2006']], [['9.1', '9.3']])).toBe(70);
  });
});
