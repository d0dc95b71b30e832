/**
 * The ready ASSESS formulas the playground adds to its example sheets: where they go, what they
 * say, and what they compute, on small tables worked by hand from the regulations.
 */
import { describe, expect, it } from 'vitest';
import { buildAssessEngine } from '../../src/functions/hyperformula';
import { type Sheet, exampleLayout, rulesetOfSheet, withReadyFormulas } from '../../src/playground/examples';

const zh = { zh: true };

/** tacheng2020 (塔城地区考核细则): a title row, the header, two units; items are the office's own columns. */
const TACHENG: Sheet = [
  ['塔城地区考核评分汇总表', null, null, null, null, null],
  ['单位', '组织领导（10分）', '政府信息公开（30分）', '平台建设（20分）', '政策解读与回应（15分）', '“放管服”改革（25分）'],
  ['塔城市', 9.5, 28.5, 19, 14, 23.5],
  ['额敏县', 8, 24, 16, 12, 19.5],
];

function valuesOf(name: string, sheet: Sheet) {
  const hf = buildAssessEngine({ [name]: sheet });
  return (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });
}

describe('withReadyFormulas', () => {
  it('tacheng2020: SCORES one column right of the table, a 等次 per row, EXPLAIN and BREAKDOWN under it', () => {
    const sheet = withReadyFormulas('tacheng2020', TACHENG, zh);
    expect(exampleLayout(TACHENG).headerRow).toBe(1);
    // Table A2:F4 → column G left empty, SCORES in H2 over the header row and both units.
    expect(sheet[1][6] ?? null).toBeNull();
    expect(sheet[1][7]).toBe('=ASSESS.SCORES(A2:F4,"tacheng2020")');
    expect(sheet[1][8]).toBe('等次');
    expect(sheet[2][8]).toBe('=IF(H3="","",ASSESS.GRADE(H3,"tacheng2020"))');
    expect(sheet[5][1]).toBe('=ASSESS.EXPLAIN(A3:F3,"tacheng2020",A$2:F$2)');
    expect(sheet[8][0]).toBe('=ASSESS.BREAKDOWN(A3:F3,"tacheng2020",A$2:F$2)');
    // By hand (细则 四(三)): 塔城市 9.5 + 28.5 + 19 + 14 + 23.5 = 94.5 of 100 → 优秀 (90 分以上);
    // 额敏县 8 + 24 + 16 + 12 + 19.5 = 79.5 → 合格 (60—79 分; 良好 starts at 80).
    const value = valuesOf('tacheng2020', sheet);
    expect([value(1, 7), value(2, 7), value(3, 7)]).toEqual(['得分', 94.5, 79.5]);
    expect([value(2, 8), value(3, 8)]).toEqual(['优秀', '合格']);
    expect(String(value(5, 1))).toMatch(/^塔城市：得分 94\.5/);
    expect(value(8, 0)).toBe('条款');
    // The input is not changed.
    expect(TACHENG[1]).toHaveLength(6);
  });

  it('a county2013 ledger: the first unit’s SCORE, EXPLAIN and BREAKDOWN with the header inside the range', () => {
    const ledger: Sheet = [
      ['2013年度加减分台账', null, null, null],
      ['单位', '条目', '数量', '事项'],
      ['城关区', 'B1', 1, '容缺受理机制经市审改办认定'],
      ['城关区', 'B1', 1, '帮办代办机制经市审改办认定'],
      ['东城区', 'B1', 1, '一窗受理'],
    ];
    const sheet = withReadyFormulas('county2013 台账', ledger, zh);
    expect(sheet[6][1]).toBe('=ASSESS.SCORE(A2:D4,"county2013")');
    expect(sheet[7][1]).toBe('=ASSESS.EXPLAIN(A2:D4,"county2013")');
    expect(sheet[10][0]).toBe('=ASSESS.BREAKDOWN(A2:D4,"county2013")');
    // No SCORES column beside a ledger (its rows are events, not units).
    expect(sheet[1].length).toBe(4);
    // By hand (county2013 附件2): the 8 tasks left empty count their full 分值, 100 in all; B1 is
    // +1 per recognised method (一、加分办法 1), two matters → 102, under the 10-point bonus cap.
    expect(valuesOf('county2013 台账', sheet)(6, 1)).toBe(102);
  });

  it('chengdu2006: LEVEL takes the 圈层 column; govinfo: a 奖励 formula on each unit row', () => {
    const chengdu: Sheet = [
      ['单位', '圈层', '9.1', '9.3'],
      ['锦江区', '第一圈', 5, 2],
    ];
    const withLevel = withReadyFormulas('chengdu2006', chengdu, zh);
    expect(withLevel[0][5]).toBe('=ASSESS.SCORES(A1:D2,"chengdu2006")');
    expect(withLevel[0][6]).toBe('等级');
    expect(withLevel[1][6]).toBe('=ASSESS.LEVEL(F2:F2,"chengdu2006",B2:B2)');
    const govinfo: Sheet = [
      ['单位', 'S2', 'S3.single'],
      ['区发改局', 12, 6],
      ['区教育局', 11, 5],
    ];
    const withReward = withReadyFormulas('govinfo', govinfo, { zh: false });
    expect(withReward[0][5]).toBe('Reward (yuan)');
    expect(withReward[2][5]).toBe('=ASSESS.REWARD(A3:C3,"govinfo",A$1:C$1)');
  });

  it('leaves alone a sheet for no built-in ruleset and one that already has ASSESS formulas', () => {
    expect(rulesetOfSheet('county2013 台账')).toBe('county2013');
    expect(rulesetOfSheet('试算')).toBeUndefined();
    expect(withReadyFormulas('试算', TACHENG, zh)).toBe(TACHENG);
    const ready: Sheet = [...TACHENG, ['=ASSESS.SCORE(A3:F3,"tacheng2020",A2:F2)']];
    expect(withReadyFormulas('tacheng2020', ready, zh)).toBe(ready);
  });

  it('item codes in the header are shown as the item\'s label and clause, read as the same items (issue 22.4)', () => {
    const chengdu: Sheet = [
      ['单位', '圈层', '9.1 主要领导重视、机构健全', '9.4.city 市级刊物发表', '备注'],
      ['锦江区', '第一圈', 5, 2, null],
    ];
    const sheet = withReadyFormulas('chengdu2006', chengdu, zh);
    // 第九條（一） 主要领导重视…: the item's own label; 第九條（四） 市级: 调研文章在市级刊物发表.
    expect(sheet[0].slice(0, 5)).toEqual(['单位', '圈层', '主要领导重视、机构健全、编制落实、人员稳定、经费有保障\n（第九条(一)）', '调研文章在市级刊物发表\n（第九条(四)）', '备注']);
    // By hand: 70 base (第八條(一)); 9.1 judged 5 (加1—5分); 9.4 市級每篇加0.5分, 2 articles → 1; 76.
    expect(valuesOf('chengdu2006', sheet)(1, 6)).toBe(76);
    expect(chengdu[0][3]).toBe('9.4.city 市级刊物发表'); // the input is not changed
  });

  it('township2022: the unit\'s score in the table, alone, and the difference the ranked 3.1 makes, on the sheet', () => {
    // Two 乡镇: 城关镇 has the larger 办件量 (first: 4 points, 附件评分表 3.1), 石桥镇 second (3.8).
    const township: Sheet = [
      ['单位', '3.1.volume 办件量'],
      ['城关镇', 3860],
      ['石桥镇', 3120],
    ];
    const sheet = withReadyFormulas('township2022', township, zh);
    const value = valuesOf('township2022', sheet);
    const rows = sheet.map((row, r) => ({ r, text: String(row[0] ?? '') }));
    const inTable = rows.find((row) => row.text.startsWith('城关镇 在表中的得分'));
    const aloneRow = rows.find((row) => row.text.startsWith('城关镇 单独计算的得分'));
    const diff = rows.find((row) => row.text.startsWith('两者之差'));
    expect(inTable?.text).toContain('e手机端+个体工商户+异地通办等办件量排名（附件评分表 3.1）');
    expect([inTable, aloneRow, diff].every((row) => row !== undefined)).toBe(true);
    const inTableScore = Number(value(inTable!.r, 1));
    const aloneScore = Number(value(aloneRow!.r, 1));
    expect(inTableScore).toBe(Number(value(1, 3))); // the SCORES cell beside the table
    expect(value(diff!.r, 1)).toBe(4); // first in 办件量: 4 points
    expect(Math.round((inTableScore - aloneScore) * 100) / 100).toBe(4);
  });
});

