/**
 * examples/office/chengdu2006-tiers.xlsx's 圈层 sheets as a range reads them (a merged cell's value in
 * its top-left cell only): title, the two-row header 加分项目（第九条） / （一）…（七）, the units, a 注
 * line. Typed once from the workbook and examples/office/EXPECTED.md § chengdu2006 for the tests that
 * read a sheet of that shape through the functions, the pane's mapping and the pane in a browser.
 * `blank` is the empty cell as the surface passes it (null from Excel's custom functions, '' from Office.js).
 */
export type TierCell = string | number | null;

const TITLE = (tier: string) => `成都市2006年度区(市)县政府政务服务中心工作考核表（${tier}）`;
const NOTE = '注：总分＝基本分70＋加分－减分；每圈层优秀不超过该圈层单位总数的30%。';

function header<B extends '' | null>(_: B): Array<Array<string | B>> {
  return [
    ['序号', '单位', '加分项目（第九条）', _, _, _, _, _, '减分项目（第十条）', _, '总分', '等次'],
    [_, _, '（一）领导重视加分', '（二）优化流程加分', '（三）创新举措项数', '（四）市级刊物篇数', '（四）省级刊物篇数', '（七）承办会议次数', '（二）超时办结件数', '（五）通报批评次数', _, _],
  ];
}

/** The two header rows alone (A2:L3). */
export function tiersHeader<B extends '' | null>(blank: B): Array<Array<string | B>> {
  return header(blank);
}

/** 一圈层!A1:L10 or 三圈层!A1:L12, every row 12 cells wide. */
export function tiersSheet<B extends '' | null>(tier: 1 | 3, blank: B): Array<Array<string | number | B>> {
  const _ = blank;
  const line = (text: string) => [text, ...Array<B>(11).fill(_)];
  const units: Array<Array<string | number | B>> =
    tier === 1
      ? [
          [1, '锦江区', 4, 4, 2, 2, 1, 1, 1, _, 79.5, _],
          [2, '青羊区', 5, 4.5, 3, 4, 1, 2, _, _, 85, _],
          [3, '金牛区', 3.5, 3, 1, _, _, _, _, 1, 72, _],
          [4, '武侯区', 5, 5, 5, 4, 3, _, _, _, 87.5, '优秀'],
          [5, '成华区', 3, 3, _, 1, _, _, 1, _, 74.5, _],
          [6, '高新区', 4.5, 4, 2, 2, _, 1, _, _, 81, _],
        ]
      : [
          [1, '都江堰市', 4.5, 4.5, 2, 3, _, 1, _, _, 82, '优秀'],
          [2, '彭州市', 3, 2.5, _, _, _, _, 1, _, 73.5, _],
          [3, '邛崃市', 3.5, 3.5, 1, 1, _, _, _, _, 78, _],
          [4, '崇州市', 4, 4, 1, 2, _, 1, 1, _, 78, _],
          [5, '金堂县', 4.5, 4, 2, 2, 1, _, _, _, 81.5, '优秀'],
          [6, '大邑县', 3.5, 3, _, _, _, _, _, _, 76.5, _],
          [7, '蒲江县', 3, 5.5, _, _, _, 1, _, _, 79, _],
          [8, '新津区', 4, 4, 1, 2, _, _, _, _, 79.5, '优秀'],
        ];
  return [line(TITLE(tier === 1 ? '第一圈层' : '第三圈层')), ...header(blank), ...units, line(NOTE)];
}
