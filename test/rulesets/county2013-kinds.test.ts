/**
 * county2013 附件2 (../shared/regulations/county2013.md): the 加分/减分 kinds an office writes as
 * columns of entered points, by their short names (issue 18 F6, F8). Worked by hand:
 *
 *   二、4 "有下列情形的,一次性扣减10分" — the group D4 takes 10 once, whatever is entered: a 一次性扣减
 *   of 20 is a finding at its cell (expected 10) and counts 10 (F8).
 *
 * 临河县: tasks 20 + 14 + 15 + 10 + 8 + 10 + 9 + 10 = 96; 创新加分 1 (一、1); 一次性扣减 20 → 10;
 * 96 + min(1, 10) − min(10, 10) = 87. Its 减分小计 20 is wrong (10); its 总分 87 is right.
 * 东城区: tasks 95.5 (18 + 15 + 13.5 + 10 + 10 + 9 + 10 + 10); 表彰加分 2 (一、2) + 批示加分 1 (一、3) = 3;
 * 批评否定 2 (二、1) → 95.5 + 3 − 2 = 96.5; 减分小计 2 right.
 */
import { describe, expect, it } from 'vitest';
import { scoreBatch } from '../../src/core/batch';
import type { Cell } from '../../src/core/cells';
import { readUnits } from '../../src/core/input';
import { builtInRuleset } from '../../src/rulesets';

const rs = builtInRuleset('county2013');

describe('county2013 加分/减分 kinds by their short names', () => {
  for (const twoRows of [false, true]) {
    const head = ['县(区)', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', '创新加分', '表彰加分', '批示加分', '批评否定', '一次性扣减', '减分小计', '总分'];
    const table: Cell[][] = twoRows
      ? [
          ['县(区)', '目标任务得分', null, null, null, null, null, null, null, '加分', null, null, '减分', null, null, '总分'],
          [null, 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', '创新加分', '表彰加分', '批示加分', '批评否定', '一次性扣减', '减分小计', null],
        ]
      : [head];
    table.push(['临河县', 20, 14, 15, 10, 8, 10, 9, 10, 1, null, null, null, 20, 20, 87]);
    table.push(['东城区', 18, 15, 13.5, 10, 10, 9, 10, 10, null, 2, 1, 2, null, 2, 96.5]);
    const row = twoRows ? 3 : 2;
    const batch = scoreBatch(rs, readUnits(rs, table), { collect: true });
    const unit = (name: string) => batch.units.find((u) => u.unit === name);
    const problems = (name: string) => (unit(name)?.findings ?? []).filter((f) => f.severity !== 'info').map((f) => [f.where, f.found, f.expected]);

    it(`${twoRows ? 'two header rows' : 'one header row'}: scores 87 and 96.5`, () => {
      expect([unit('临河县')?.score, unit('东城区')?.score]).toEqual([87, 96.5]);
    });

    it(`${twoRows ? 'two header rows' : 'one header row'}: 一次性扣减 20 is a finding at its cell (10) and counts 10; 减分小计 20 wrong (10)`, () => {
      expect(unit('临河县')?.deductionRaw).toBe(10);
      expect(problems('临河县')).toEqual([
        [`第${row}行第14列`, '20', '10'],
        [`第${row}行第15列`, '20', '10'],
      ]);
      expect(problems('东城区')).toEqual([]);
    });
  }
});
