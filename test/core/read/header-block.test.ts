/**
 * Issue 18.2 (findings F3, F7, chengdu twoRows): the header block offices keep — any depth, with
 * merges — and subtotal columns audited against the columns they cover. Expected values are worked
 * by hand from ../shared/regulations (the arithmetic is in each test's comment).
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/core/cells';
import { scoreBatch } from '../../../src/core/batch';
import { type MergedRange, readUnits } from '../../../src/core/input';
import type { BatchResult } from '../../../src/core/result';
import { builtInRuleset } from '../../../src/rulesets';

function problems(batch: BatchResult): Array<[string, string | undefined, string | undefined, string | null | undefined]> {
  return batch.units.flatMap((u) => u.findings.filter((f) => f.severity !== 'info').map((f): [string, string | undefined, string | undefined, string | null | undefined] => [u.unit, f.where, f.found, f.expected]));
}

describe('F3: three header rows (a group row 考核指标 over the categories over the items)', () => {
  it('tacheng2020: 考核指标 over 政务公开（40分） / “放管服”改革（60分） over four items: 15 + 20 + 30 + 25 = 90, the 总分 agrees', () => {
    const rs = builtInRuleset('tacheng2020');
    const table: Cell[][] = [
      ['单位', '考核指标', null, null, null, '总分'],
      [null, '政务公开（40分）', null, '“放管服”改革（60分）', null, null],
      [null, '组织领导', '信息公开', '精简审批', '优化服务', null],
      ['某局', 15, 20, 30, 25, 90],
      ['某委', 10, 10, 20, 20, 61],
    ];
    const merges: MergedRange[] = [
      { top: 0, left: 0, bottom: 2, right: 0 }, { top: 0, left: 5, bottom: 2, right: 5 },
      { top: 0, left: 1, bottom: 0, right: 4 }, { top: 1, left: 1, bottom: 1, right: 2 }, { top: 1, left: 3, bottom: 1, right: 4 },
    ];
    for (const m of [merges, []]) {
      const batch = scoreBatch(rs, readUnits(rs, table, { merges: m, collect: true }), { collect: true });
      // 某委: 10 + 10 + 20 + 20 = 60; its 总分 61 is wrong at F5.
      expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['某局', 90], ['某委', 60]]);
      expect(problems(batch)).toEqual([['某委', '第5行第6列', '61', '60']]);
    }
  });

  it('chengdu2006: 考核指标 over 加分项目（第九条） / 减分项目（第十条） over codes (counts): 70 + 4 (9.1) + 2 × 0.5 (9.3) − 1 × 2 (10.2) = 73', () => {
    const rs = builtInRuleset('chengdu2006');
    const table: Cell[][] = [
      ['单位', '圈层', '考核指标', null, null, '总分'],
      [null, null, '加分项目（第九条）', null, '减分项目（第十条）', null],
      [null, null, '9.1', '9.3', '10.2', null],
      ['锦江区', '第一圈', 4, 2, 1, 73],
    ];
    const merges: MergedRange[] = [{ top: 0, left: 2, bottom: 0, right: 4 }, { top: 1, left: 2, bottom: 1, right: 3 }];
    for (const m of [merges, []]) {
      const batch = scoreBatch(rs, readUnits(rs, table, { merges: m }));
      expect(batch.units.map((u) => u.score)).toEqual([73]);
      expect(problems(batch)).toEqual([]);
    }
  });
});

describe('chengdu2006: a category named by its kind (第九条 加分, 加分) does not turn its count columns into points', () => {
  it('第九条 加分 over 9.1 | 9.8 and 扣分 over 10.6: 9.8 3 is three pieces (1.5), 10.6 1 one exposure (3): 70 + 4 + 1.5 − 3 = 72.5', () => {
    const rs = builtInRuleset('chengdu2006');
    for (const [bonus, minus] of [['第九条 加分', '扣分'], ['加分', '第十条 扣分'], ['加分项目（第九条）', '减分项目（第十条）']]) {
      const table: Cell[][] = [
        ['单位', '圈层', bonus, null, minus],
        [null, null, '9.1', '9.8', '10.6'],
        ['锦江区', '第一圈', 4, 3, 1],
      ];
      const batch = scoreBatch(rs, readUnits(rs, table, { merges: [{ top: 0, left: 2, bottom: 0, right: 3 }] }));
      expect(batch.units.map((u) => u.score), `${bonus} / ${minus}`).toEqual([72.5]);
    }
  });
});

describe('a sub-clause with no article, under a category that names its kind', () => {
  it('（六）省级媒体报道次数 under 加分 is 9.6.province (第九條), not 第十條(六) 媒体曝光: 70 + 3 × 1 + 4 × 0.5 (9.8) = 75', () => {
    const rs = builtInRuleset('chengdu2006');
    const table: Cell[][] = [
      ['单位', '圈层', '加分', null, '减分项目（第十条）'],
      [null, null, '（六）省级媒体报道次数', '9.8项数', '10.6次数'],
      ['锦江区', '第一圈', 3, 4, null],
    ];
    const batch = scoreBatch(rs, readUnits(rs, table, { merges: [{ top: 0, left: 2, bottom: 0, right: 3 }] }));
    expect(batch.units.map((u) => u.score)).toEqual([75]);
    expect(problems(batch)).toEqual([]);
  });
});

describe('a sub-clause with no article on one header row: the clause whose labels share most of its words', () => {
  it('（六）市级媒体报道次数 is 9.6.city (市级媒体肯定性报道), not 第十條(六) (被新闻媒体曝光): 70 + 5 (9.1) + 2 × 0.5 = 76', () => {
    const rs = builtInRuleset('chengdu2006');
    const batch = scoreBatch(rs, readUnits(rs, [['单位', '圈层', '9.1', '（六）市级媒体报道次数'], ['锦江区', '第一圈', 5, 2]]));
    expect(batch.units.map((u) => u.score)).toEqual([76]);
  });
});
