/**
 * Issue 21 point 3: parts weighted by share and scores averaged over periods, as group fields of
 * the one format (`share`, `mean`; table columns 占比, 取平均). The rulesets are written by hand
 * from test/core/draft/texts/quarterly-shares.md (a real text), the expected scores worked out by
 * hand from its sentences:
 *  - 1. “德、能、勤、绩、廉”五个方面各评价内容所占比重分别为“15%、10%、30%、30%、15%”
 *  - 4. 季度综合评价得分按百分制计算,4个季度综合评分结果占年度综合评分的95%,另外5%由厅考核领导小组成员评价
 *  - 5. 考核领导小组成员评价…进行1-5分的评价
 */
import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../src/core/compile';
import { readUnits } from '../../src/core/input';
import { quickScores } from '../../src/core/quick';
import { scoreRecord } from '../../src/core/score';
import { compileRulesetTable, rulesetToTable } from '../../src/core/table-format';
import { errorOf } from '../support/errors';

const head = { id: 'quarterly', title: '季度考核', version: '1', effective: '未注明', clause: '一', quote: '关于考核评价内容和方法' } as const;
const judged = (code: string, label: string, group: string, clause: string) => ({ code, label, kind: 'judged', min: 0, max: 100, group, clause, quote: label });

const SHARES = [
  ['de', '德', 0.15],
  ['neng', '能', 0.1],
  ['qin', '勤', 0.3],
  ['ji', '绩', 0.3],
  ['lian', '廉', 0.15],
] as const;
const sharesSpec = {
  ...head,
  items: SHARES.map(([code, label]) => judged(code, label, `g-${code}`, '一1')),
  groups: SHARES.map(([code, label, share]) => ({ code: `g-${code}`, label, share, clause: '一1', quote: '所占比重分别为“15%、10%、30%、30%、15%”' })),
};

const periodsSpec = {
  ...head,
  items: [
    ...['第一季度', '第二季度', '第三季度', '第四季度'].map((label, i) => judged(`q${i + 1}`, `${label}综合评价得分`, 'year', '一4')),
    { code: 'leaders', label: '考核领导小组成员评价', kind: 'judged', min: 1, max: 5, clause: '一5', quote: '进行1-5分的评价' },
  ],
  groups: [{ code: 'year', label: '4个季度综合评分结果', mean: true, share: 0.95, clause: '一4', quote: '4个季度综合评分结果占年度综合评分的95%' }],
};

function scoreOf(spec: object, header: string[], row: Array<string | number>) {
  const rs = compileRuleset(spec);
  const [record] = readUnits(rs, [['单位', ...header], ['甲', ...row]]);
  return { rs, scored: scoreRecord(rs, record).result, quick: quickScores(rs, [['单位', ...header], ['甲', ...row]]) };
}

describe('parts weighted by share (group share)', () => {
  it('德90 能80 勤85 绩95 廉100 → 90×15% + 80×10% + 85×30% + 95×30% + 100×15% = 13.5 + 8 + 25.5 + 28.5 + 15 = 90.5', () => {
    const { scored } = scoreOf(sharesSpec, ['de', 'neng', 'qin', 'ji', 'lian'], [90, 80, 85, 95, 100]);
    expect(scored.score).toBe(90.5);
  });

  it('the explanation adds up: items at their entered points plus one 按占比 row per part (90 − 13.5 = 76.5 off 德)', () => {
    const { scored } = scoreOf(sharesSpec, ['de', 'neng', 'qin', 'ji', 'lian'], [90, 80, 85, 95, 100]);
    const de = scored.items.find((i) => i.code === 'g-de');
    expect(de?.points).toBe(-76.5);
    expect(de?.note).toContain('15%');
    const sum = scored.items.reduce((acc, i) => acc + Math.round(i.points * 1e6), 0) / 1e6;
    expect(sum).toBe(90.5);
  });

  it('shares are exact decimals: 绩 33.3 × 30% = 9.99 (not 9.989999…)', () => {
    const { scored } = scoreOf(sharesSpec, ['ji'], [33.3]);
    expect(scored.score).toBe(9.99);
  });

  it('shares above 100% in all are an error naming the group and the total', () => {
    const spec = { ...sharesSpec, groups: sharesSpec.groups.map((g) => (g.code === 'g-lian' ? { ...g, share: 0.25 } : g)) };
    const message = errorOf(() => compileRuleset(spec)).message;
    expect(message).toContain('groups.4.share');
    expect(message).toContain('110%');
  });

  it('a share of 0 or above 1 is refused by the schema', () => {
    for (const [share, why] of [[0, '应大于 0'], [1.5, '应不大于 1']] as const) {
      const spec = { ...sharesSpec, groups: sharesSpec.groups.map((g) => (g.code === 'g-de' ? { ...g, share } : g)) };
      expect(errorOf(() => compileRuleset(spec)).message).toContain(`groups.0.share: ${why}`);
    }
  });
});

describe('scores averaged over periods (group mean)', () => {
  it('quarters 90, 85, 88, 92 and the leaders 4 → (90+85+88+92)/4 = 88.75, × 95% = 84.3125, + 4 = 88.3125', () => {
    const { scored, quick } = scoreOf(periodsSpec, ['q1', 'q2', 'q3', 'q4', 'leaders'], [90, 85, 88, 92, 4]);
    expect(scored.score).toBe(88.3125);
    expect(quick?.scores[0]).toBe(88_312_500);
  });

  it('full marks: 100 in every quarter and 5 from the leaders → 95 + 5 = 100', () => {
    const { scored } = scoreOf(periodsSpec, ['q1', 'q2', 'q3', 'q4', 'leaders'], [100, 100, 100, 100, 5]);
    expect(scored.score).toBe(100);
  });

  it('a mean that is no exact decimal is rounded once, half up, to 6 decimals (mean, cap and share taken before rounding)', () => {
    // Three periods, no share: (90 + 85 + 88) / 3 = 87.666666… → 87.666667.
    const three = { ...head, items: [1, 2, 3].map((i) => judged(`m${i}`, `第${i}月`, 'q', '一4')), groups: [{ code: 'q', mean: true, clause: '一4', quote: '平均' }] };
    expect(scoreOf(three, ['m1', 'm2', 'm3'], [90, 85, 88]).scored.score).toBe(87.666667);
    // With 95%: 263 × 0.95 / 3 = 83.283333… → 83.283333 (one rounding, not 87.666667 × 0.95 = 83.28333365 → 83.283334).
    const weighted = { ...three, groups: [{ ...three.groups[0], share: 0.95 }] };
    expect(scoreOf(weighted, ['m1', 'm2', 'm3'], [90, 85, 88]).scored.score).toBe(83.283333);
  });

  it('the explanation adds up: the quarters at their points, one 平均 row (88.75 × 95% − 355 = −270.6875)', () => {
    const { scored } = scoreOf(periodsSpec, ['q1', 'q2', 'q3', 'q4', 'leaders'], [90, 85, 88, 92, 4]);
    const year = scored.items.find((i) => i.code === 'year');
    expect(year?.points).toBe(-270.6875);
    const sum = scored.items.reduce((acc, i) => acc + Math.round(i.points * 1e6), 0) / 1e6;
    expect(sum).toBe(88.3125);
  });

  it('the year entered as one column (the quarters\' mean, as offices keep it): 88.75 → × 95% + 4 = 88.3125', () => {
    const rs = compileRuleset(periodsSpec);
    const [record] = readUnits(rs, [['单位', 'year', 'leaders'], ['甲', 88.75, 4]]);
    expect(scoreRecord(rs, record).result.score).toBe(88.3125);
  });

  it('a mean entered as one column is at most one period\'s 100 (a mean never exceeds its largest member), not the four quarters\' 400: 150 is a finding at its cell and counts 100 → 95 + 4 = 99', () => {
    const rs = compileRuleset(periodsSpec);
    const [record] = readUnits(rs, [['单位', 'year', 'leaders'], ['甲', 150, 4]], { collect: true });
    const { result } = scoreRecord(rs, record);
    expect(result.score).toBe(99);
    const finding = result.findings.find((f) => f.kind === 'entered-points');
    expect(finding).toMatchObject({ code: 'year', severity: 'warning', found: '150', expected: '100' });
    expect(finding?.where).toContain('第2行第2列');
  });

  it('a mean group cannot also be one-time (a mean of the highest member once has no meaning)', () => {
    const spec = { ...periodsSpec, groups: [{ ...periodsSpec.groups[0], once: true }] };
    expect(errorOf(() => compileRuleset(spec)).message).toContain('groups.0.mean: year: 取平均的组不能同时为一次性');
  });
});

describe('as a sheet table: 占比 and 取平均', () => {
  it('rulesetToTable writes 占比 and 取平均 and the table scores the same 88.3125', () => {
    const table = rulesetToTable(compileRuleset(periodsSpec).spec);
    expect(table[0]).toContain('占比');
    expect(table[0]).toContain('取平均');
    const rs = compileRulesetTable(table);
    const [record] = readUnits(rs, [['单位', 'q1', 'q2', 'q3', 'q4', 'leaders'], ['甲', 90, 85, 88, 92, 4]]);
    expect(scoreRecord(rs, record).result.score).toBe(88.3125);
  });

  it('a 占比 cell written 95% (text) reads as 0.95; 33.3% as 0.333 exactly', () => {
    const table = rulesetToTable(compileRuleset(periodsSpec).spec);
    const col = table[0].indexOf('占比');
    const row = table.findIndex((r) => r[col] === 0.95);
    table[row][col] = '95%';
    expect(compileRulesetTable(table).groups[0].share).toBe(950_000);
    table[row][col] = '33.3%';
    expect(compileRulesetTable(table).groups[0].share).toBe(333_000);
  });

  it('a 占比 cell 95 (a percent written as a whole number) is an error naming its cell', () => {
    const table = rulesetToTable(compileRuleset(periodsSpec).spec);
    const col = table[0].indexOf('占比');
    const row = table.findIndex((r) => r[col] === 0.95);
    table[row][col] = 95;
    const message = errorOf(() => compileRulesetTable(table)).message;
    expect(message).toContain(`第${row + 1}行「占比」列`);
  });
});
