/**
 * src/core/batch.ts — ranks like Excel's RANK.EQ (descending, ties share the better rank), ranks
 * computed from volumes, quota levels per tier with 待定 for ties across the line (chengdu2006
 * 第十一條(一)), rank-band levels with the downgrade flag (township2022 四(一), 五.1).
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { rankDescending, scoreBatch } from '../../src/core/batch';
import { readUnits } from '../../src/core/input';
import { builtInRuleset } from '../../src/rulesets';

const chengdu = builtInRuleset('chengdu2006');
const township = builtInRuleset('township2022');

function batch(id: 'chengdu2006' | 'township2022', table: Cell[][]) {
  const rs = id === 'chengdu2006' ? chengdu : township;
  return scoreBatch(rs, readUnits(rs, table));
}

describe('rankDescending (RANK.EQ, order 0)', () => {
  it('[10, 20, 20, 5] → [3, 1, 1, 4]', () => {
    expect(rankDescending([10, 20, 20, 5])).toEqual([3, 1, 1, 4]);
  });

  it('ties share the better rank and the next rank skips (1, 2, 2, 4)', () => {
    expect(rankDescending([9, 8, 8, 7])).toEqual([1, 2, 2, 4]);
    expect(rankDescending([1, 2, 2, 2, 3])).toEqual([5, 2, 2, 2, 1]);
    expect(rankDescending([5, 5, 5])).toEqual([1, 1, 1]);
  });

  it('empty, single, negatives and fractions', () => {
    expect(rankDescending([])).toEqual([]);
    expect(rankDescending([42])).toEqual([1]);
    expect(rankDescending([-1, 0, -1, -3])).toEqual([2, 1, 2, 4]);
    expect(rankDescending([70.5, 70.25, 71])).toEqual([2, 3, 1]);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    rankDescending(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('scoreBatch: ranks', () => {
  it('ranks units by score, ties sharing the better rank', () => {
    const result = batch('chengdu2006', [
      ['单位', '9.1', '9.3'],
      ['锦江区', null, 2], // 70 + 2×0.5 = 71
      ['青羊区', null, 2], // 71
      ['金牛区', null, null], // 70
      ['武侯区', 5, null], // 70 + 5 = 75
    ]);
    expect(result.ruleset).toBe('chengdu2006');
    expect(result.units.map((u) => [u.unit, u.score, u.rank])).toEqual([
      ['锦江区', 71, 2],
      ['青羊区', 71, 2],
      ['金牛区', 70, 4],
      ['武侯区', 75, 1],
    ]);
  });

  it('ranks compare exact decimals: 70 + 0.1 + 0.2 ties with 70 + 0.3', () => {
    // 9.1 0.1 + 9.2 0.2 = 0.3 exactly in micros (floats would give 0.30000000000000004)
    const result = batch('chengdu2006', [
      ['单位', '9.1', '9.2'],
      ['锦江区', 0.1, 0.2],
      ['青羊区', 0.3, null],
    ]);
    expect(result.units.map((u) => [u.score, u.rank])).toEqual([
      [70.3, 1],
      [70.3, 1],
    ]);
  });
});

describe('scoreBatch: chengdu2006 quota levels per tier (第十一條(一))', () => {
  it('at most floor(30% × units in the tier) are 优秀: 4 units → 1', () => {
    const result = batch('chengdu2006', [
      ['单位', '9.1'],
      ['锦江区', 1], // 71
      ['青羊区', 2], // 72
      ['金牛区', 3], // 73
      ['武侯区', 5], // 75
    ]);
    // floor(0.3 × 4) = floor(1.2) = 1
    expect(result.units.map((u) => [u.unit, u.tier, u.level])).toEqual([
      ['锦江区', '1', null],
      ['青羊区', '1', null],
      ['金牛区', '1', null],
      ['武侯区', '1', '优秀'],
    ]);
    expect(result.findings).toEqual([]);
  });

  it('each tier has its own quota, counted on the units 第四條 lists: 3 of 第二圈\'s 6 on the sheet still give floor(1.8) = 1', () => {
    const result = batch('chengdu2006', [
      ['单位', '9.1'],
      ['锦江区', 1],
      ['青羊区', 2],
      ['金牛区', 3],
      ['武侯区', 4],
      ['龙泉驿区', 5], // tier 2, highest score of all
      ['青白江区', 1],
      ['新都区', 0],
    ]);
    expect(result.units.map((u) => [u.unit, u.level, u.rank])).toEqual([
      ['锦江区', null, 5],
      ['青羊区', null, 4],
      ['金牛区', null, 3],
      ['武侯区', '优秀', 2],
      ['龙泉驿区', '优秀', 1],
      ['青白江区', null, 5],
      ['新都区', null, 7],
    ]);
    // The quota base is said once, because it changes the quota (floor(0.9) = 0 on the sheet's 3).
    expect(result.findings.map((f) => [f.kind, f.severity, f.zh])).toEqual([['quota-base', 'info', '第二圈共有 6 个单位，本表有 3 个：优秀名额按 6 个单位计为 1 个']]);
  });

  it('10 units 第四條 does not list, given 第三圈 by a 圈层 column: ranked there, the quota stays on the 8 it lists → 2 优秀 (issue 19.1)', () => {
    const rows: Cell[][] = [['单位', '圈层', '9.1']];
    for (let i = 0; i < 10; i++) rows.push([`单位${i}`, '第三圈', i * 0.5]);
    const result = batch('chengdu2006', rows);
    // 第十一條(一): at most 30% of 该圈层单位总数; 第四條 names 8 units for 第三圈 and none of these,
    // so the base stays 8 → floor(2.4) = 2: scores 74.5, 74 (units 9, 8). (Was floor(0.3 × 10) = 3.)
    expect(result.units.filter((u) => u.level === '优秀').map((u) => u.unit)).toEqual(['单位8', '单位9']);
    expect(result.units.every((u) => u.tier === '3')).toBe(true);
    expect(result.units.map((u) => u.findings.filter((f) => f.kind === 'unlisted-unit').length)).toEqual(rows.slice(1).map(() => 1));
    expect(result.units[0].findings.find((f) => f.kind === 'unlisted-unit')?.zh).toBe(
      '单位「单位0」不是第四條所列第三圈的单位（所列 8 个）：按表中圈层参加第三圈排名，但不计入名额基数，优秀名额按 8 个单位计为 2 个；如其确属第三圈，请在规则集的单位表中列明',
    );
  });

  it('a tie across the quota line: none of the tied group is made 优秀, their level is 待定', () => {
    const result = batch('chengdu2006', [
      ['单位', '9.1'],
      ['锦江区', 5], // 75
      ['青羊区', 5], // 75
      ['金牛区', null], // 70
      ['武侯区', null], // 70
    ]);
    // quota 1, but two units share the top score 75
    expect(result.units.map((u) => [u.unit, u.level])).toEqual([
      ['锦江区', '待定'],
      ['青羊区', '待定'],
      ['金牛区', null],
      ['武侯区', null],
    ]);
    expect(result.findings.map((f) => [f.code, f.kind, f.clause])).toEqual([['level', 'quota-tie', '第十一條(一)']]);
    expect(result.units[0].findings.map((f) => f.kind)).toEqual(['quota-tie']);
  });

  it('a tie below the quota line changes nothing', () => {
    const result = batch('chengdu2006', [
      ['单位', '9.1'],
      ['锦江区', 5], // 75
      ['青羊区', 1], // 71
      ['金牛区', 1], // 71
      ['武侯区', null], // 70
    ]);
    expect(result.units.map((u) => u.level)).toEqual(['优秀', null, null, null]);
    expect(result.findings).toEqual([]);
  });

  it('a unit without a tier gets no level and a no-tier finding', () => {
    const result = batch('chengdu2006', [
      ['单位', '9.1'],
      ['某开发区', 5],
    ]);
    expect(result.units[0].tier).toBeNull();
    expect(result.units[0].level).toBeNull();
    expect(result.units[0].rank).toBe(1);
    expect(result.findings.map((f) => f.kind)).toEqual(['no-tier']);
  });
});

describe('scoreBatch: township2022 rank bands (四(一)) and results (五.1)', () => {
  // Every deduct item at its full 分值 gives 74 (see table-format.test.ts); judged, rate and
  // rank items left empty are unscored (0), flags empty are 0. 1.1 is judged 0–3.
  const seven: Cell[][] = [
    ['单位', '通报批评或曝光', '1.1'],
    ['一镇', null, 3], // 77
    ['二镇', '是', 2.5], // 76.5
    ['三镇', null, 2], // 76
    ['四镇', null, 1.5], // 75.5
    ['五镇', null, 1], // 75
    ['六镇', null, 0.5], // 74.5
    ['七镇', '是', 0], // 74
  ];

  it('ranks 1–2 一等 +5, 3–6 二等 +3, 7–11 三等 +2; criticized drops one level, 三等 to none', () => {
    const result = batch('township2022', seven);
    expect(result.units.map((u) => [u.unit, u.score, u.rank, u.level, u.result])).toEqual([
      ['一镇', 77, 1, '一等', 5],
      ['二镇', 76.5, 2, '二等', 3], // 一等, criticized → 二等
      ['三镇', 76, 3, '二等', 3],
      ['四镇', 75.5, 4, '二等', 3],
      ['五镇', 75, 5, '二等', 3],
      ['六镇', 74.5, 6, '二等', 3],
      ['七镇', 74, 7, null, null], // 三等, criticized → no level
    ]);
  });

  it('ranks computed from 办件量 across the units: 4 − 0.2 × (rank − 1)', () => {
    const result = batch('township2022', [
      ['单位', '3.1.volume'],
      ['甲镇', 100], // rank 3 → 4 − 0.4 = 3.6 → 77.6
      ['乙镇', 300], // rank 1 → 4 → 78
      ['丙镇', 200], // rank 2 → 3.8 → 77.8
    ]);
    expect(result.units.map((u) => [u.unit, u.items.find((i) => i.code === '3.1')?.points, u.score, u.rank, u.level, u.result])).toEqual([
      ['甲镇', 3.6, 77.6, 3, '二等', 3],
      ['乙镇', 4, 78, 1, '一等', 5],
      ['丙镇', 3.8, 77.8, 2, '一等', 5],
    ]);
  });

  it('a rank cell wins over the volume; the others are ranked among themselves', () => {
    const result = batch('township2022', [
      ['单位', '3.1', '3.1.volume'],
      ['甲镇', 5, 1000], // rank 5 given → 4 − 4×0.2 = 3.2 → 77.2
      ['乙镇', null, 10], // rank 2 of the two without a rank → 3.8 → 77.8
      ['丙镇', null, 20], // rank 1 → 4 → 78
    ]);
    expect(result.units.map((u) => [u.unit, u.score])).toEqual([
      ['甲镇', 77.2],
      ['乙镇', 77.8],
      ['丙镇', 78],
    ]);
  });

  it('a rank far down earns the floor 0.2', () => {
    const result = batch('township2022', [
      ['单位', '3.1'],
      ['甲镇', 25], // 4 − 24×0.2 = −0.8 → floor 0.2 → 74.2
    ]);
    expect(result.units[0].score).toBe(74.2);
  });

  it('more units tied than a band spans: all in the band, with a level-tie finding', () => {
    const result = batch('township2022', [
      ['单位', '1.1'],
      ['甲镇', 3],
      ['乙镇', 3],
      ['丙镇', 3],
      ['丁镇', 1],
    ]);
    expect(result.units.map((u) => [u.rank, u.level])).toEqual([
      [1, '一等'],
      [1, '一等'],
      [1, '一等'],
      [4, '二等'],
    ]);
    expect(result.findings.map((f) => f.kind)).toEqual(['level-tie']);
  });
});

// Issue 10: a unit with an invalid cell gets no score, rank or level (and says so); the others are scored.
describe('a batch read with collect: invalid units withheld, the rest scored and ranked', () => {
  // All 第一圈 (第四條: 6 units, so the 优秀 quota is floor(30 % × 6) = 1, 第十一條(一)).
  // 锦江区: 70 + 9.1 5 + 9.3 min(4 × 0.5, 2) = 77; 金牛区: 70 + 3 = 73; 成华区: 70 + 1 + 0.5 = 71.5.
  // 青羊区 (9.1 = -1) and 武侯区 (9.1 = abc) have invalid cells.
  const table: Cell[][] = [
    ['单位', '9.1', '9.3'],
    ['锦江区', 5, 4],
    ['青羊区', -1, 2],
    ['金牛区', 3, 0],
    ['武侯区', 'abc', 1],
    ['成华区', 1, 1],
  ];
  const result = scoreBatch(chengdu, readUnits(chengdu, table, { collect: true }), { collect: true });
  const byUnit = new Map(result.units.map((unit) => [unit.unit, unit]));

  it('the valid units are scored, ranked among themselves and given their level', () => {
    expect(['锦江区', '金牛区', '成华区'].map((name) => [name, byUnit.get(name)?.score, byUnit.get(name)?.rank, byUnit.get(name)?.level])).toEqual([
      ['锦江区', 77, 1, '优秀'],
      ['金牛区', 73, 2, null],
      ['成华区', 71.5, 3, null],
    ]);
  });

  it('an invalid unit has no score, rank, level or grade, its error, and a note saying why', () => {
    const unit = byUnit.get('青羊区');
    expect(unit).toMatchObject({ invalid: true, rank: null, level: null, grade: null, result: null, reward: null });
    expect(unit?.score).toBeNaN();
    expect(unit?.findings.map((f) => [f.severity, f.kind, f.where ?? ''])).toEqual([
      ['error', 'invalid-value', '第3行第2列'],
      ['info', 'not-scored', ''],
    ]);
    expect(unit?.findings[1].zh).toBe('单位「青羊区」有 1 个无效单元格（第3行第2列）：改正之前不计分、不排名、不评等次、不占名额');
    expect(byUnit.get('武侯区')?.findings[0]).toMatchObject({ code: '9.1', found: 'abc', where: '第5行第2列' });
  });

  it('without collect, scoring the same table refuses with the first invalid cell', () => {
    expect(() => scoreBatch(chengdu, readUnits(chengdu, table))).toThrow(/单位「青羊区」条目 9\.1.*的值 -1 无效.*（第3行第2列）/);
  });

  it('an invalid unit\'s own 总分 is not audited against a score it does not have; the others\' are', () => {
    const claims = scoreBatch(
      chengdu,
      readUnits(chengdu, [['单位', '9.1', '总分'], ['锦江区', 5, 76], ['青羊区', 'x', 70]], { collect: true }),
      { collect: true },
    );
    const audits = claims.findings.filter((f) => f.kind === 'claim');
    expect(audits.map((f) => [f.where, f.found, f.expected])).toEqual([['第2行第3列', '76', '75']]);
  });
});
