/**
 * Issue 18 acceptance through the custom functions: =ASSESS.SCORES and =ASSESS.CHECK over one sheet of
 * an office shape, as Excel passes the range (a merged cell's value in its top-left cell only, the
 * others empty). The ranges are typed from examples/office/chengdu2006-tiers.xlsx (one sheet per
 * 圈层, a two-row header 加分项目（第九条） / （一）…（七）, counts beside points) and the expected
 * scores and findings from examples/office/EXPECTED.md § chengdu2006, worked by hand there. The
 * township2022 评分表 (扣分 beside 得分) is read from the committed workbook exactly as the CLI reads it.
 */
import { describe, expect, it } from 'vitest';
import { check, score, scores } from '../../src/functions/implementation';
import { readXlsxSheets } from '../../src/cli/read-xlsx';
import { tiersHeader, tiersSheet } from '../support/office-tables';

const CD = [['chengdu2006']];
const _ = null;

const HEADER = tiersHeader(_);
/** 一圈层!A1:L10 */
const TIER1 = tiersSheet(1, _);
/** 三圈层!A1:L12 */
const TIER3 = tiersSheet(3, _);

/** CHECK's rows below its header, as [subject, message] (the clause column checked apart). */
function findings(rows: Array<Array<string | number>>): string[] {
  expect(rows[0]).toEqual(['编码', '问题', '条款']);
  return rows.slice(1).map((row) => String(row[1]));
}

describe('ASSESS.SCORES over one sheet per 圈层 (chengdu2006-tiers)', () => {
  it('一圈层: one score beside each unit row, nothing on the title, the second header row or the 注 line', () => {
    // EXPECTED.md: 锦江区 79.5, 青羊区 85, 金牛区 72, 武侯区 86 (9.3 5 → 2.5 → 2; 9.4 2 + 3 → 4), 成华区 74.5, 高新区 81.
    expect(scores(TIER1, CD)).toEqual([[''], ['得分'], [''], [79.5], [85], [72], [86], [74.5], [81], ['']]);
  });

  it('三圈层: 蒲江县 9.2 5.5 counts 5 (累計不超過5分) → 78.5', () => {
    expect(scores(TIER3, CD)).toEqual([[''], ['得分'], [''], [82], [73.5], [78], [78], [81.5], [76.5], [78.5], [79.5], ['']]);
  });

  it('SCORE of the two header rows and one unit row (A2:L3 with A7:L7) gives that unit alone: 武侯区 86', () => {
    expect(score([...HEADER, TIER1[6]], CD)).toBe(86);
  });
});

describe('ASSESS.CHECK over one sheet per 圈层 (chengdu2006-tiers)', () => {
  it('一圈层: exactly the planted 总分 of 武侯区 (K7: 87.5 → 86), and the two caps it comes from said as notes', () => {
    const messages = findings(check(TIER1, CD));
    expect(messages).toHaveLength(3);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^武侯区：.*2\.5，超过上限 2/), // 9.3: 5 × 0.5 = 2.5, 累計加分不超過2分
        expect.stringMatching(/^武侯区：.*合计 5，超过上限 4/), // 9.4: 2 × 0.5 + 3 × 1 = 4 … 5 counted as 2 + 3, 累計加分不超過4分
        expect.stringMatching(/^武侯区：总分 87\.5，按细则应为 86.*（第7行第11列）$/),
      ]),
    );
  });

  it('三圈层: exactly the three planted mistakes — D10 蒲江县 9.2 5.5, K10 its 总分 79 → 78.5, L11 新津区 优秀 over the quota of 2', () => {
    const messages = findings(check(TIER3, CD));
    expect(messages).toHaveLength(3);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^蒲江县：.*5\.5，超过上限 5，按 5 计/),
        expect.stringMatching(/^蒲江县：总分 79，按细则应为 78\.5.*（第10行第11列）$/),
        expect.stringMatching(/^新津区：等次 优秀，按细则此项应留空.*（第11行第12列）$/),
      ]),
    );
  });
});

describe('ASSESS.CHECK and SCORE over one township2022 评分表 with 扣分 beside 得分 (township2022-pairs 柳林镇!A1:F48)', () => {
  it('SCORE 96.2; CHECK: 3.4 at E16 and F16 (扣分 0.4 vs 得分 1: the 扣分 counts, 0.6) and the 合计 F47 96.6 → 96.2; every other row a note of a row matched by place', async () => {
    const sheets = await readXlsxSheets(new URL('../../examples/office/township2022-pairs.xlsx', import.meta.url).pathname);
    const form = sheets.find((s) => s.sheet === '柳林镇');
    if (!form) throw new Error('no 柳林镇 sheet');
    const TP = [['township2022']];
    // EXPECTED.md § township2022: losses 3.1 0.4 + 3.4 0.4 + 3.6 1 + 5.7 2 = 3.8 → 96.2.
    expect(score(form.table, TP)).toBe(96.2);
    const messages = findings(check(form.table, TP));
    const planted = messages.filter((m) => !/按位置对应条目/.test(m));
    expect(planted).toHaveLength(3);
    expect(planted).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3\.4（打印各类文书）扣分 0\.4 与得分 1 不符（分值 1 − 扣分 0\.4 = 0\.6）：按扣分计 0\.6 分/),
        expect.stringMatching(/^合计 96\.6，按细则应为 96\.2.*（第47行第6列）$/),
      ]),
    );
    // The 3.4 finding is made once per cell: E16 and F16.
    expect(planted.filter((m) => m.startsWith('3.4（打印各类文书）'))).toHaveLength(2);
  });
});
