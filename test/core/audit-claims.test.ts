/**
 * The office's reward and flag columns audited at their cells (issue 18 F11), and a wrong 名次 on a
 * tied unit (F17). Worked by hand from ../shared/regulations/govinfo.md and chengdu2006.md.
 *
 * govinfo 三、四、五(四): S1 20; S3.single 10 (四(一) ¥20); S9 40 (四(七) ¥300); K2 30 a month; K8 100.
 *   区教育局: S1 + 3 单条 + 1 市领导批示 = 20 + 30 + 40 = 90; K2 2 months = 60 → 30. Reward 3×20 + 300 = 360.
 *             The sheet says 奖励 60 (the ¥300 left out) → a finding (360); 不得参评先进 blank: right (60 < 100).
 *   区交通局: S1 + 1 单条 = 30; K8 once = 100 → −70. Reward 20 (right). 100 ≥ 100 (含100分): 不得参评先进 due,
 *             the sheet leaves it blank → a finding (是).
 *   区财政局: 2 单条 = 20, nothing deducted. Reward 40 (right); the sheet writes 是 → a finding (blank).
 */
import { describe, expect, it } from 'vitest';
import { scoreBatch } from '../../src/core/batch';
import type { Cell } from '../../src/core/cells';
import { readUnits } from '../../src/core/input';
import { builtInRuleset } from '../../src/rulesets';

describe('govinfo: 奖励金额（元） and 不得参评先进 are the office\'s claims, audited at their cells', () => {
  const rs = builtInRuleset('govinfo');
  const table: Cell[][] = [
    ['单位', '领导重视', '《政务》单条', '市领导批示', '未完成月度任务', '区通报批评', '扣分合计', '得分', '奖励金额（元）', '不得参评先进'],
    ['区教育局', '是', 3, 1, 2, null, 60, 30, 60, null],
    ['区交通局', '是', 1, null, null, 1, 100, -70, 20, null],
    ['区财政局', '否', 2, null, null, null, 0, 20, 40, '是'],
  ];
  const batch = scoreBatch(rs, readUnits(rs, table), { collect: true });
  const rows = batch.units.flatMap((u) => u.findings.filter((f) => f.severity !== 'info').map((f) => [u.unit, f.where, f.found, f.expected, f.clause]));

  it('scores and rewards by the regulation', () => {
    expect(batch.units.map((u) => [u.unit, u.score, u.reward])).toEqual([
      ['区教育局', 30, 360],
      ['区交通局', -70, 20],
      ['区财政局', 20, 40],
    ]);
  });

  it('exactly the three wrong cells: the reward left short, a flag due but blank, a flag not due', () => {
    expect(rows).toEqual([
      ['区教育局', '第2行第9列', '60', '360', expect.stringContaining('四')],
      ['区交通局', '第3行第10列', '', '是', '五(四)'],
      ['区财政局', '第4行第10列', '是', '', '五(四)'],
    ]);
  });
});

describe('chengdu2006: a wrong 名次 on a tied unit (RANK.EQ: ties share the higher rank, the next skips)', () => {
  // One table over three 圈层. Scores (70 + 9.1 + 9.2, judged 0–5): 都江堰市 80 → 1st; 成华区 79.5 and
  // 青白江区 79.5 tie → both 2nd; 锦江区 75 → 4th (3rd is skipped). 青白江区 is first within 第二圈 (its only
  // unit here), but the column ranks the whole table: its 名次 1 is wrong (2), and 锦江区 3 is wrong (4).
  const rs = builtInRuleset('chengdu2006');
  const table: Cell[][] = [
    ['单位', '圈层', '9.1', '9.2', '总分', '名次'],
    ['都江堰市', '第三圈', 5, 5, 80, 1],
    ['成华区', '第一圈', 5, 4.5, 79.5, 2],
    ['青白江区', '第二圈', 4.5, 5, 79.5, 1],
    ['锦江区', '第一圈', 3, 2, 75, 3],
  ];
  it('名次 1 of a unit tied 2nd is a finding (2); 3 after a tie for 2nd is a finding (4)', () => {
    const batch = scoreBatch(rs, readUnits(rs, table), { collect: true });
    expect(batch.units.map((u) => [u.unit, u.score, u.rank])).toEqual([
      ['都江堰市', 80, 1],
      ['成华区', 79.5, 2],
      ['青白江区', 79.5, 2],
      ['锦江区', 75, 4],
    ]);
    const rows = batch.units.flatMap((u) => u.findings.filter((f) => f.severity !== 'info').map((f) => [u.unit, f.where, f.found, f.expected]));
    expect(rows).toEqual([
      ['青白江区', '第4行第6列', '1', '2'],
      ['锦江区', '第5行第6列', '3', '4'],
    ]);
  });

  it('a wrong 名次 cites the clause the ranking serves (第十一條, the 优秀 quota by 圈层), never the effective-date clause 第十三條', () => {
    const batch = scoreBatch(rs, readUnits(rs, table), { collect: true });
    const clauses = batch.units.flatMap((u) => u.findings.filter((f) => f.severity !== 'info').map((f) => f.clause));
    expect(clauses).toHaveLength(2);
    for (const clause of clauses) {
      expect(clause).toMatch(/^第十一條/);
      expect(clause).not.toContain('第十三');
    }
  });
});

describe('tacheng2020: a wrong 等次 set by score says the score, not a rank', () => {
  // 四(三) 优秀(90分以上), 良好 80–89: 乙 90 is 优秀 (以上 includes 90); the sheet's 良好 is a finding whose reason is 90 分.
  const rs = builtInRuleset('tacheng2020');
  const table: Cell[][] = [
    ['单位', '政务公开', '放管服', '等次'],
    ['甲', 35, 50, '良好'],
    ['乙', 35, 55, '良好'],
  ];
  it('the finding expects 优秀 and gives 得分 90 as its reason', () => {
    const batch = scoreBatch(rs, readUnits(rs, table), { collect: true });
    const findings = batch.units.flatMap((u) => u.findings.filter((f) => f.severity !== 'info').map((f) => [u.unit, f.found, f.expected, f.zh]));
    expect(findings).toEqual([['乙', '良好', '优秀', expect.stringContaining('得分 90')]]);
    expect(findings[0][3]).not.toMatch(/第\d+名/);
  });
});

describe('county2013: 任务得分小计 is the office\'s sum of the eight tasks, audited at its cell (issue 18 F7)', () => {
  // 目标任务分解表: tasks 0…分值 (T2 分值 15). 平山县 20 + 15 + 14 + 10 + 10 + 9.5 + 10 + 10 = 98.5: its 小计 99.5
  // is wrong (98.5). 青石县 20 + 16 → 15 + 15 + 10 + 10 + 7 + 10 + 8.5 = 95.5: T2 16 is a finding (15) and its
  // 小计 96.5 (the sum with 16) is wrong (95.5). 城关区 all full: 100, right. Each 总分 (no 加分/减分) is right.
  const rs = builtInRuleset('county2013');
  const tasks = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8'];
  const rows: Cell[][] = [
    ['城关区', 20, 15, 15, 10, 10, 10, 10, 10, 100, 100],
    ['平山县', 20, 15, 14, 10, 10, 9.5, 10, 10, 99.5, 98.5],
    ['青石县', 20, 16, 15, 10, 10, 7, 10, 8.5, 96.5, 95.5],
  ];
  for (const twoRows of [false, true]) {
    it(`${twoRows ? 'two header rows (目标任务得分 over the tasks)' : 'one header row'}: the 小计 of 平山县 and 青石县 wrong, T2 16 over its 分值`, () => {
      const header: Cell[][] = twoRows
        ? [['县(区)', '目标任务得分', null, null, null, null, null, null, null, '任务得分小计', '总分'], [null, ...tasks, null, null]]
        : [['县(区)', ...tasks, '任务得分小计', '总分']];
      const top = header.length;
      const batch = scoreBatch(rs, readUnits(rs, [...header, ...rows]), { collect: true });
      expect(batch.units.map((u) => u.score)).toEqual([100, 98.5, 95.5]);
      // (T2's own finding is at its cell either way; written by code on one row it is the item's bound
      // finding of score.ts, which carries no found/expected fields — only the 小计 claims are compared whole.)
      const found = batch.units.flatMap((u) => u.findings.filter((f) => f.severity !== 'info').map((f) => (f.kind === 'claim' ? [u.unit, f.where, f.found, f.expected] : [u.unit, f.where])));
      expect(found).toEqual([
        ['平山县', `第${top + 2}行第10列`, '99.5', '98.5'],
        ['青石县', `第${top + 3}行第3列`],
        ['青石县', `第${top + 3}行第10列`, '96.5', '95.5'],
      ]);
    });
  }
});
