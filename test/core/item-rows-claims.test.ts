/**
 * Items as rows (序号 | 考核指标 | 分值 | one column per unit): the rows that are not items — section
 * rows, 小计 rows (the office's subtotal per unit column, audited against the item rows of its
 * section, never summed), 总分/合计 rows (the total claimed per column), 等次 and 名次 rows, a 注 line,
 * a sign-off row with a date, blank rows — for a ruleset with its items (county2013) and an open
 * one whose items come from the sheet (tacheng2020). Values worked by hand (comments).
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { scoreBatch } from '../../src/core/batch';
import { readUnits } from '../../src/core/input';
import { rowKind } from '../../src/core/read/rows';
import type { BatchResult, Finding } from '../../src/core/result';
import { builtInRuleset } from '../../src/rulesets';

function warnings(batch: BatchResult): Array<[string, string | undefined, string | undefined, string | null | undefined]> {
  return batch.units.flatMap((u) => u.findings.filter((f: Finding) => f.severity !== 'info').map((f): [string, string | undefined, string | undefined, string | null | undefined] => [u.unit, f.where, f.found, f.expected]));
}

describe('read/rows.ts: a sign-off row', () => {
  it('考核组组长：马强 with a date in another cell is a note row, not data', () => {
    // The label 考核组 with a title after it (组长) before the colon: still a sign-off.
    expect(rowKind([null, '考核组组长：马强', null, null, '2021年1月15日'], -1)).toBe('note');
    expect(rowKind([null, '制表人签字：王丽'], -1)).toBe('note');
    // The name in the cell after its label (制表人： | 王丽 | 审核人： | 陈刚), the date after 日期： as a number (an Excel date).
    expect(rowKind(['制表人：', '王丽', null, '审核人：', '陈刚'], -1)).toBe('note');
    expect(rowKind([null, '填表日期：', 44211], -1)).toBe('note');
    // A label with its value beside it is one pair: a second value after it is data.
    expect(rowKind(['制表人：', '王丽', 18], -1)).toBe('data');
    // A data row is still data: a label and numbers.
    expect(rowKind([1, '组织领导', 20, 18], -1)).toBe('data');
  });
});

describe('county2013 tasks as rows, with section rows and a 小计 per section', () => {
  const rs = builtInRuleset('county2013');
  const table: Cell[][] = [
    ['序号', '考核项目', '分值', '甲县', '乙县'],
    ['一、政务服务体系（35分）'],
    [1, '推进政务服务体系建设', 20, 18, 20],
    [2, '建立审批流程检查制度', 15, 15, 14],
    [null, '小计', 35, 33, 35], // 乙县: 20 + 14 = 34, not 35
    ['二、电子政务（15分）'],
    [3, '推进电子政务大厅建设', 15, 15, 14],
    [null, '小计', 15, 15, 14],
    [null, '总分', 100, 98, 98],
  ];

  it('the 小计 rows are not items: scores from the task rows (blank T4–T8 at full 分值, 50)', () => {
    // 甲县 18 + 15 + 15 + 50 = 98; 乙县 20 + 14 + 14 + 50 = 98.
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['甲县', 98], ['乙县', 98]]);
  });

  it('each 小计 is audited against its own section: only 乙县\'s first (35 for 34)', () => {
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(warnings(batch)).toEqual([['乙县', '第5行第5列', '35', '34']]);
  });
});

describe('tacheng2020 (open items): indicators as rows, a column per 县, every kind of row that is not an indicator', () => {
  const rs = builtInRuleset('tacheng2020');
  const table: Cell[][] = [
    ['塔城地区考核得分表'],
    ['序号', '考核指标', '分值', '甲县', '乙县', '丙县'],
    ['一、政务公开（40分）'],
    [1, '组织领导', 20, 18, 20, 12],
    [2, '信息公开', 20, 17, 20, 12],
    [null, '小计', 40, 35, 40, 24],
    ['二、“放管服”改革（60分）'],
    [3, '精简审批', 30, 28, 25, 20],
    [4, '优化服务', 30, 27, 25, 21],
    [null, '小计', 60, 55, 50, 40], // 丙县: 20 + 21 = 41, not 40
    [],
    [null, '总分', 100, 90, 90, 64], // 丙县: 24 + 41 = 65, not 64
    [null, '等次', null, '优秀', '良好', '合格'], // 乙县 90: 优秀 (90分以上 includes 90)
    [null, '名次', null, 1, 1, 3],
    ['注：实行百分制；优秀（90分以上）、良好（80—89分）、合格（60—79分）、不合格（60分以下）。'],
    [null, '考核组组长：马强', null, null, '2021年1月15日'],
  ];

  it('reads one unit per county column, the indicators (never 小计, 分值 or 总分) as its items', () => {
    const records = readUnits(rs, table);
    expect(records.map((r) => r.unit)).toEqual(['甲县', '乙县', '丙县']);
    expect(records[0].extras).toEqual([
      { label: '组织领导', points: 18_000_000 },
      { label: '信息公开', points: 17_000_000 },
      { label: '精简审批', points: 28_000_000 },
      { label: '优化服务', points: 27_000_000 },
    ]);
  });

  it('scores: 甲县 18 + 17 + 28 + 27 = 90 优秀, 乙县 20 + 20 + 25 + 25 = 90 优秀, 丙县 12 + 12 + 20 + 21 = 65 合格', () => {
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(batch.units.map((u) => [u.unit, u.score, u.grade, u.rank])).toEqual([
      ['甲县', 90, '优秀', 1],
      ['乙县', 90, '优秀', 1],
      ['丙县', 65, '合格', 3],
    ]);
  });

  it('audits the 小计, 总分 and 等次 rows per column: exactly 丙县\'s 小计 and 总分 and 乙县\'s 等次', () => {
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(warnings(batch)).toEqual([
      ['乙县', '第13行第5列', '良好', '优秀'],
      ['丙县', '第10行第6列', '40', '41'],
      ['丙县', '第12行第6列', '64', '65'],
    ]);
  });
});

describe('tacheng2020 (open items) as rows: the sheet\'s 分值 is each indicator\'s limit, and rows that are sums are never indicators', () => {
  const rs = builtInRuleset('tacheng2020');
  const table: Cell[][] = [
    ['序号', '考核指标', '分值', '甲县', '乙县'],
    [1, '组织领导', 20, 22, 20], // 甲县 22 over its 分值 20: counted 20, a warning at D2
    [2, '信息公开', 30, 17, 30],
    [null, '平均', null, 19.5, 25], // an average row: not an indicator, not audited
    [null, '汇总', 50, 37, 50], // a sum row under a word that is no claim: not an indicator either
  ];

  it('a value over its row\'s 分值 counts at the 分值, with a warning at its cell: 甲县 20 + 17 = 37, 乙县 20 + 30 = 50', () => {
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['甲县', 37], ['乙县', 50]]);
    expect(warnings(batch)).toEqual([['甲县', '第2行第4列', '22', '20']]);
  });

  it('平均 and 汇总 rows are not read as indicators', () => {
    const records = readUnits(rs, table);
    expect(records[1].extras.map((e) => e.label)).toEqual(['组织领导', '信息公开']);
  });
});

describe('tacheng2020 (open items): one unit\'s 评分表 form, 序号 | 考核指标 | 分值 | 得分', () => {
  it('reads the indicators of the 单位 line\'s unit; 小计 and 合计 audited, the 分值 column never an item', () => {
    const rs = builtInRuleset('tacheng2020');
    const table: Cell[][] = [
      ['单位：额敏县'],
      ['序号', '考核指标', '分值', '得分'],
      ['一、政务公开（40分）'],
      [1, '组织领导', 20, 19],
      [2, '信息公开', 20, 18.5],
      [null, '小计', 40, 37.5],
      ['二、“放管服”改革（60分）'],
      [3, '精简审批', 60, 50],
      [null, '小计', 60, 50],
      [null, '合计', 100, 88], // 19 + 18.5 + 50 = 87.5, not 88
    ];
    const batch = scoreBatch(rs, readUnits(rs, table));
    // 87.5: 良好 (80 ≤ s < 90).
    expect(batch.units.map((u) => [u.unit, u.score, u.grade])).toEqual([['额敏县', 87.5, '良好']]);
    expect(warnings(batch)).toEqual([['额敏县', '第10行第4列', '88', '87.5']]);
  });
});

describe('tacheng2020 (open items) as rows with no 分值 column: the 考核指标 column names the rows', () => {
  it('序号 | 考核指标 | 塔城市 | 乌苏市: one unit per county column (18 + 17 = 35, 20 + 20 = 40), the 总分 row audited', () => {
    const rs = builtInRuleset('tacheng2020');
    const table: Cell[][] = [
      ['序号', '考核指标', '塔城市', '乌苏市'],
      [1, '组织领导', 18, 20],
      [2, '信息公开', 17, 20],
      [null, '总分', 35, 41], // 乌苏市 20 + 20 = 40, not 41
    ];
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(batch.units.map((u) => [u.unit, u.score])).toEqual([['塔城市', 35], ['乌苏市', 40]]);
    expect(warnings(batch)).toEqual([['乌苏市', '第4行第4列', '41', '40']]);
  });

  it('a rows table with a 单位 column stays a rows table (units down, indicators across)', () => {
    const rs = builtInRuleset('tacheng2020');
    const records = readUnits(rs, [['序号', '单位', '考核指标', '政务公开'], [1, '塔城市', '说明', 35], [2, '乌苏市', '说明', 40]]);
    expect(records.map((r) => r.unit)).toEqual(['塔城市', '乌苏市']);
  });
});

describe('a 名次 row under items as rows is the office\'s rank per column, audited', () => {
  it('甲县 18 + 17 = 35 is first, 乙县 20 + 10 = 30 second: a 名次 row saying 2 and 1 is wrong twice', () => {
    const rs = builtInRuleset('tacheng2020');
    const table: Cell[][] = [
      ['序号', '考核指标', '分值', '甲县', '乙县'],
      [1, '组织领导', 20, 18, 20],
      [2, '信息公开', 20, 17, 10],
      [null, '名次', null, 2, 1],
    ];
    const batch = scoreBatch(rs, readUnits(rs, table));
    expect(batch.units.map((u) => [u.unit, u.score, u.rank])).toEqual([['甲县', 35, 1], ['乙县', 30, 2]]);
    expect(warnings(batch)).toEqual([['甲县', '第4行第4列', '2', '1'], ['乙县', '第4行第5列', '1', '2']]);
  });
});
