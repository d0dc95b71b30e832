/**
 * A header holding a number (issue 19.3). Excel stores a typed 3.10 as the number 3.1 (a custom
 * function, and a core reader given the cell's value, cannot see the number format that shows it
 * as "3.10"). township2022 has both item 3.1 (办件量排名, a rank: 4 points for rank 1, −0.2 a rank,
 * at least 0.2 — 附件评分表 3.1) and item 3.10 (窗口无否决权登记, a deduct item: 2 points, −0.5 a
 * finding — 附件评分表 3.10). A number 3.1 header could be either, so it is refused, naming the
 * column, both items and how to fix it. A text header says which it is; a number that only one
 * item can mean keeps working.
 */
import { describe, expect, it } from 'vitest';
import { errorOf, valueOf } from '../support/errors';
import { readUnits } from '../../src/core/input';
import { quickScores } from '../../src/core/quick';
import { suggestMapping } from '../../src/core/mapping';
import { builtInRuleset } from '../../src/rulesets';

const township = builtInRuleset('township2022');
const chengdu = builtInRuleset('chengdu2006');



describe('a number header that could mean two items', () => {
  // Column E (the 5th) holds the number 3.1: typed as 3.10 and shown as "3.10", or typed 3.1.
  const table = [
    ['单位', '1.1', '3.2', '3.9', 3.1],
    ['甲镇', 3, 0, 0, 2],
  ];

  it('is refused, naming the column, both items and the fix (Chinese and English)', () => {
    const error = errorOf(() => readUnits(township, table));
    expect(error.kind).toBe('layout');
    expect(error.zh).toContain('第1行第5列');
    expect(error.zh).toContain('数字 3.1');
    expect(error.zh).toContain('条目 3.1');
    expect(error.zh).toContain('3.10');
    expect(error.zh).toMatch(/设为文本|条目名称/);
    expect(error.en).toMatch(/number 3\.1/);
    expect(error.en).toContain('3.10');
    expect(error.en).toMatch(/row 1, column 5/);
    expect(error.where).toBe('第1行第5列');
  });

  it('is refused with the headers given apart (the SCORE/CHECK headers argument)', () => {
    const error = errorOf(() => readUnits(township, [['甲镇', 3, 0, 0, 2]], { headers: [table[0]] }));
    expect(error.zh).toContain('数字 3.1');
  });

  it('gives no quick score either (the full reader refuses it)', () => {
    expect(quickScores(township, table)).toBeUndefined();
  });
});

describe('a number item code that could mean two items (code/value pairs, ledger)', () => {
  it('is refused in code/value pairs, naming the cell', () => {
    const error = errorOf(() => readUnits(township, [['单位', '甲镇'], ['1.1', 3], [3.1, 2]]));
    expect(error.zh).toContain('第3行第1列');
    expect(error.zh).toContain('数字 3.1');
    expect(error.zh).toContain('3.10');
  });

  it('is refused in a ledger code column, naming the cell', () => {
    const error = errorOf(() => readUnits(township, [['单位', '条目', '数量'], ['甲镇', '3.2', 1], ['甲镇', 3.1, 2]], { layout: 'ledger' }));
    expect(error.zh).toContain('第3行第2列');
    expect(error.zh).toContain('数字 3.1');
  });

  it('a text code is read as written', () => {
    const [record] = readUnits(township, [['单位', '甲镇'], ['3.10', 2]]);
    expect(valueOf(township, record, '3.10')).toBe(2);
  });
});

describe('headers that say which item they are', () => {
  it('text "3.10" is item 3.10 and text "3.1" is item 3.1', () => {
    const [record] = readUnits(township, [
      ['单位', '3.10', '3.1'],
      ['甲镇', 2, 5],
    ]);
    // 3.10 is a deduct item: 2 findings stored as the count 2; 3.1 a rank: rank 5 stored as 5.
    expect(valueOf(township, record, '3.10')).toBe(2);
    expect(valueOf(township, record, '3.1')).toBe(5);
  });

  it('a number only one item can mean keeps working (township 3.2, 1.1; chengdu2006 10.1, 9.1)', () => {
    const [a] = readUnits(township, [
      ['单位', 3.2, 1.1],
      ['甲镇', 1, 2.5],
    ]);
    expect(valueOf(township, a, '3.2')).toBe(1); // one finding
    expect(valueOf(township, a, '1.1')).toBe(2_500_000); // judged: micros
    const [b] = readUnits(chengdu, [
      ['单位', 10.1, 9.1],
      ['锦江区', 1, 4],
    ]);
    expect(valueOf(chengdu, b, '10.1')).toBe(1);
    expect(valueOf(chengdu, b, '9.1')).toBe(4_000_000);
  });
});

describe('the task pane\'s proposed mapping (suggestMapping)', () => {
  it('proposes no item for a number two items could mean, and the item for a text or an unambiguous number', () => {
    const [unit, ambiguous, text310, text31, plain] = suggestMapping(township, ['单位', 3.1, '3.10', '3.1', 3.2]);
    expect(unit.special).toBe('unit');
    expect(ambiguous.item).toBeNull(); // not silently 3.1: the clerk chooses
    expect(ambiguous.match).toBe('none');
    expect(text310.item).toBe('3.10');
    expect(text31.item).toBe('3.1');
    expect(plain.item).toBe('3.2');
  });
});
