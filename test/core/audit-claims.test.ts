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
});
