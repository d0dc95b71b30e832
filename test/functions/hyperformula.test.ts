/**
 * The ASSESS functions evaluated in a real spreadsheet engine (HyperFormula), through the adapter
 * in src/functions/hyperformula.ts.
 *
 * For each built-in ruleset a sheet holds a header row of item codes and at least 100 unit rows
 * whose values are generated from the row index i (0-based), with =ASSESS.SCORE and =ASSESS.GRADE
 * on every row and spilled =ASSESS.BREAKDOWN for some rows. Every expected score is an independent
 * closed form of the regulation's rule for the generated pattern, worked out by hand from
 * ../../../shared/regulations/ and ../../../shared/spec/rulesets.md (clause and arithmetic in the
 * comments), in integer tenths so the comparison is exact: the cell must hold exactly tenths / 10.
 * Nothing here calls src/core or src/rulesets.
 */
import { DetailedCellError, ErrorType, HyperFormula, type CellValue, type RawCellContent, type SimpleCellAddress } from 'hyperformula';
import deDE from 'hyperformula/i18n/languages/deDE';
import { describe, expect, it } from 'vitest';
import { ASSESS_FUNCTION_IDS, buildAssessEngine, registerAssess, toChineseFormula, toEngineFormula } from '../../src/functions/hyperformula';

// ---------------------------------------------------------------------------------------------
// Sheet helpers

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
function letters(col: number): string {
  let text = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) text = String.fromCharCode(65 + ((n - 1) % 26)) + text;
  return text;
}

const floor = Math.floor;
const min = Math.min;
const max = Math.max;

interface Pattern {
  id: string;
  /** Header cells of the item columns (B1 …): codes, labels or "code label". */
  headers: string[];
  units: number;
  /** Item cells of unit i. */
  row(i: number): RawCellContent[];
  /** The score of unit i in tenths of a point, by hand from the regulation. */
  tenths(i: number): number;
  /** The grade of a score in tenths, where the ruleset has grades. */
  grade?(tenths: number): string;
  /** Units whose BREAKDOWN is spilled beside the table, 45 rows apart. */
  breakdownUnits: number[];
}

interface Layout {
  hf: HyperFormula;
  sheet: number;
  scoreCol: number;
  gradeCol: number;
  extraCol: number;
  breakdownCol: number;
  /** Sheet row (0-based) of unit i. */
  rowOf(i: number): number;
}

/**
 * Row 1: 单位, the item headers, 得分, 等次; then one row per unit with
 * =ASSESS.SCORE(B{r}:{last}{r},"id",B$1:{last}$1) and =ASSESS.GRADE({score}{r},"id");
 * BREAKDOWN spills in a column further right; `extra(i, r)` may add one more formula column.
 */
function buildSheet(pattern: Pattern, options: { extra?: (r: number) => string; arrays?: boolean } = {}): Layout {
  const { extra } = options;
  const width = pattern.headers.length;
  const last = letters(width);
  const scoreCol = width + 1;
  const gradeCol = width + 2;
  const extraCol = width + 3;
  const breakdownCol = width + 5;
  const rows: RawCellContent[][] = [['单位', ...pattern.headers, '得分', '等次', extra ? '其他' : null]];
  for (let i = 0; i < pattern.units; i++) {
    const r = i + 2;
    const cells = pattern.row(i);
    expect(cells).toHaveLength(width);
    rows.push([
      `单位${i}`,
      ...cells,
      `=ASSESS.SCORE(B${r}:${last}${r},"${pattern.id}",B$1:${last}$1)`,
      `=ASSESS.GRADE(${letters(scoreCol)}${r},"${pattern.id}")`,
      extra ? extra(r) : null,
    ]);
  }
  pattern.breakdownUnits.forEach((i, n) => {
    const at = 1 + n * 45;
    while (rows.length <= at) rows.push([]);
    const row = rows[at];
    while (row.length < breakdownCol) row.push(null);
    row[breakdownCol] = `=ASSESS.BREAKDOWN(B${i + 2}:${last}${i + 2},"${pattern.id}",B$1:${last}$1)`;
  });
  const hf = buildAssessEngine({ [pattern.id]: rows }, { useArrayArithmetic: options.arrays ?? false });
  const sheet = hf.getSheetId(pattern.id);
  if (sheet === undefined) throw new Error('sheet missing');
  return { hf, sheet, scoreCol, gradeCol, extraCol, breakdownCol, rowOf: (i) => i + 1 };
}

function value(hf: HyperFormula, address: SimpleCellAddress): CellValue {
  return hf.getCellValue(address);
}

function expectError(cell: CellValue, type: ErrorType, ...mentions: string[]): DetailedCellError {
  expect(cell).toBeInstanceOf(DetailedCellError);
  const error = cell as DetailedCellError;
  expect(error.type).toBe(type);
  for (const text of mentions) expect(error.message).toContain(text);
  return error;
}

/** The spilled BREAKDOWN at (row, col): rows up to and including 合计, and the cells reserved after it. */
function readBreakdown(hf: HyperFormula, sheet: number, row: number, col: number): { rows: CellValue[][]; after: CellValue[] } {
  const rows: CellValue[][] = [];
  let r = row;
  for (; rows.length === 0 || rows[rows.length - 1][1] !== '合计'; r++) {
    expect(r - row).toBeLessThan(60);
    rows.push([0, 1, 2, 3, 4].map((c) => value(hf, { sheet, row: r, col: col + c })));
  }
  const after: CellValue[] = [];
  for (; hf.isCellPartOfArray({ sheet, row: r, col }); r++) for (let c = 0; c < 5; c++) after.push(value(hf, { sheet, row: r, col: col + c }));
  return { rows, after };
}

/**
 * Checks every unit's SCORE and GRADE cells and the spilled BREAKDOWNs against the pattern; `part`
 * picks BREAKDOWN rows by their item text whose points must add up to `part.tenths(i)`.
 */
function checkPattern(pattern: Pattern, layout: Layout, part?: { rows: (item: string) => boolean; tenths(i: number): number }): void {
  const { hf, sheet } = layout;
  for (let i = 0; i < pattern.units; i++) {
    const row = layout.rowOf(i);
    const expected = pattern.tenths(i) / 10;
    const score = value(hf, { sheet, row, col: layout.scoreCol });
    if (score !== expected) expect({ unit: i, row: pattern.row(i), score }).toEqual({ unit: i, row: pattern.row(i), score: expected });
    const grade = value(hf, { sheet, row, col: layout.gradeCol });
    if (pattern.grade) expect({ unit: i, grade }).toEqual({ unit: i, grade: pattern.grade(pattern.tenths(i)) });
    else expectError(grade, ErrorType.NA, pattern.id, '没有等次划分');
  }
  pattern.breakdownUnits.forEach((i, n) => {
    const { rows, after } = readBreakdown(hf, sheet, 1 + n * 45, layout.breakdownCol);
    expect(rows[0]).toEqual(['条款', '条目', '输入', '得分', '说明']);
    const total = rows[rows.length - 1];
    expect(total[3]).toBe(pattern.tenths(i) / 10);
    // The rows between header and total (items, then cap adjustments) add up to the total.
    const sum = rows.slice(1, -1).reduce((acc, cells) => acc + Math.round(Number(cells[3]) * 100), 0);
    expect(sum).toBe(pattern.tenths(i) * 10);
    // Whatever the spill area holds beyond the total row is empty.
    expect(after.every((cell) => cell === null)).toBe(true);
    if (part) {
      const lines = rows.slice(1, -1).filter((cells) => part.rows(String(cells[1])));
      expect(lines.length).toBeGreaterThan(0);
      expect({ unit: i, tenths: lines.reduce((acc, cells) => acc + Math.round(Number(cells[3]) * 10), 0) }).toEqual({ unit: i, tenths: part.tenths(i) });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// chengdu2006 — 成都市区(市)县政府政务服务中心工作考核实施细则

/**
 * 第八條: 实得分 = 实得基本分 + 实得加分 − 实际扣分; 基本分 70 (第八條(一)), 加分累计不超过 30.
 * 第十條(八): 减分总数不超过加分总数 — deductions count at most the bonus actually applied.
 * Items per unit i (tenths):
 *  8.1   TRUE except when i mod 10 = 9 (FALSE): base 700 or 0               第八條(一)
 *  9.1   judged, entered (i mod 11)/2 → 5·(i mod 11)                          第九條(一) 加1—5分
 *  9.2   judged, entered i mod 6 (4 as full-width text "４") → 10·(i mod 6)   第九條(二) 累计不超过5分
 *  9.3   n = i mod 7 (empty when 0), 0.5 each, at most 2 → min(5n, 20)         第九條(三)
 *  9.4   市级 a = i mod 5 ×0.5, 省级 b = ⌊i/5⌋ mod 3 ×1, 国家级 c = ⌊i/15⌋ mod 2 ×1.5,
 *        at most 4 together → min(5a + 10b + 15c, 40)                         第九條(四)
 *  9.7   m = ⌊i/3⌋ mod 6, 0.5 each, at most 2 → min(5m, 20)                    第九條(七)
 *  10.2  d = ⌊i/7⌋ mod 4, −2 each → 20d                                        第十條(二)
 *  10.5  e = ⌊i/28⌋ mod 2, −5 each → 50e                                       第十條(五)
 *  10.7  judged, entered (i mod 4)/2 (empty when 0) → 5·(i mod 4)              第十條(七)
 * The bonus is at most 5 + 5 + 2 + 4 + 2 = 18 < 30, so the overall cap of 第八條(一) never binds here.
 */
const chengdu: Pattern = {
  id: 'chengdu2006',
  headers: ['8.1', '9.1', '9.2', '率先推出创新性政务服务举措', '9.4.city', '9.4.province', '9.4.national', '9.7 承办全市性政务中心综合会议或现场会', '10.2', '10.5', '10.7'],
  units: 120,
  row: (i) => [
    i % 10 !== 9,
    (i % 11) / 2,
    i % 6 === 4 ? '４' : i % 6,
    i % 7 === 0 ? null : i % 7,
    i % 5,
    floor(i / 5) % 3,
    floor(i / 15) % 2,
    floor(i / 3) % 6,
    floor(i / 7) % 4,
    floor(i / 28) % 2,
    i % 4 === 0 ? null : (i % 4) / 2,
  ],
  tenths: (i) => {
    const base = i % 10 === 9 ? 0 : 700;
    const bonus =
      5 * (i % 11) + 10 * (i % 6) + min(5 * (i % 7), 20) + min(5 * (i % 5) + 10 * (floor(i / 5) % 3) + 15 * (floor(i / 15) % 2), 40) + min(5 * (floor(i / 3) % 6), 20);
    const deductions = 20 * (floor(i / 7) % 4) + 50 * (floor(i / 28) % 2) + 5 * (i % 4);
    return base + bonus - min(deductions, bonus);
  },
  breakdownUnits: [0, 29, 59, 83],
};

// ---------------------------------------------------------------------------------------------
// county2013 — 各县(区)政务服务中心目标任务分解表 and 附件2 目标考核加减分说明

/**
 * 附件2: 基础分为100分，加分、减分不超过10分 → Σ tasks + min(Σ bonus, 10) − min(Σ deductions, 10).
 * Tasks (目标任务分解表, 分值 20 15 15 10 10 10 10 10; an empty or absent cell = full 分值):
 *  T1  20 − 1.5·(i mod 5), empty when i mod 5 = 0 (= 20)  → 200 − 15·(i mod 5)
 *  T2  15 − 0.5·(i mod 4)                                   → 150 − 5·(i mod 4)
 *  T4  10 − 0.5·(i mod 3)                                   → 100 − 5·(i mod 3)
 *  T3, T5–T8 absent: 15 + 4×10 = 55                         → 550
 * Bonus (一、加分办法): B1 n1 = i mod 4 ×1 (1), B2.city n2 = ⌊i/4⌋ mod 3 ×2 (2),
 *  B3.national n3 = ⌊i/12⌋ mod 2 ×5 (3); at most 10 → 10·min(n1 + 2n2 + 5n3, 10).
 *  (In one row per unit every count is a separate matter, so 就高不就低 does not merge them.)
 * Deductions (二、扣分办法): D1.city m1 = i mod 3 ×2 (1), D3.province m2 = ⌊i/3⌋ mod 2 ×5 (3),
 *  D4.1 m3 = ⌊i/6⌋ mod 3 and D4.5 m4 = ⌊i/18⌋ mod 2: 有下列情形的，一次性扣减10分 (4) → 10 once if
 *  m3 + m4 > 0; at most 10 in all → 10·min(2m1 + 5m2 + 10·[m3 + m4 > 0], 10).
 */
const county: Pattern = {
  id: 'county2013',
  headers: ['T1', 'T2', 'T4', 'B1 创新性方法经上级主管部门认定', 'B2.city', 'B3.national', '市委市政府和省级部门批评', 'D3.province', 'D4.1', 'D4.5'],
  units: 120,
  row: (i) => [
    i % 5 === 0 ? null : (200 - 15 * (i % 5)) / 10,
    (150 - 5 * (i % 4)) / 10,
    (100 - 5 * (i % 3)) / 10,
    i % 4,
    floor(i / 4) % 3,
    floor(i / 12) % 2,
    i % 3,
    floor(i / 3) % 2,
    floor(i / 6) % 3,
    floor(i / 18) % 2,
  ],
  tenths: (i) => {
    const tasks = 200 - 15 * (i % 5) + 150 - 5 * (i % 4) + 100 - 5 * (i % 3) + 550;
    const bonus = (i % 4) + 2 * (floor(i / 4) % 3) + 5 * (floor(i / 12) % 2);
    const once = (floor(i / 6) % 3) + (floor(i / 18) % 2) > 0 ? 10 : 0;
    const deductions = 2 * (i % 3) + 5 * (floor(i / 3) % 2) + once;
    return tasks + 10 * min(bonus, 10) - 10 * min(deductions, 10);
  },
  breakdownUnits: [0, 17, 35, 71],
};

// ---------------------------------------------------------------------------------------------
// tacheng2020 — 塔城地区2020年政务公开和“放管服”改革工作考核细则

/**
 * 四(三): 百分制量化考核 — the score is the sum of the item points (the 评分表 attachments are not
 * in the source: each value column is read as item points). Grades: 优秀(90分以上)、良好(80—89分)、
 * 合格(60—79分)、不合格(60分以下); for fractional scores a band runs up to, not including, the next
 * band's lower bound (spec), so 89.9 is 良好 and 59.9 不合格.
 * Unit i (0 … 200): x = ⌊i/2⌋ whole points spread over ten columns (columns 1–9 take 10 each in
 * turn, column 10 the rest) plus 0.9 in column 10 when i is odd → total 10x + 9·(i mod 2) tenths,
 * i.e. 0, 0.9, 1, 1.9, …, 99.9, 100 — every band boundary (60, 80, 90) and the score just below it.
 * Zero cells in even columns are left empty (nothing entered).
 */
const tacheng: Pattern = {
  id: 'tacheng2020',
  headers: ['组织领导', '政府信息公开', '平台建设', '五公开', '政策解读', '舆情回应', '精简行政审批', '优化营商环境', '商事制度改革', '改善社会服务'],
  units: 201,
  row: (i) => {
    const x = floor(i / 2);
    const cells: RawCellContent[] = [];
    for (let j = 0; j < 9; j++) {
      const points = min(max(x - 10 * j, 0), 10);
      cells.push(points === 0 && j % 2 === 1 ? null : points);
    }
    cells.push((10 * max(x - 90, 0) + 9 * (i % 2)) / 10);
    return cells;
  },
  tenths: (i) => 10 * floor(i / 2) + 9 * (i % 2),
  grade: (t) => (t >= 900 ? '优秀' : t >= 800 ? '良好' : t >= 600 ? '合格' : '不合格'),
  breakdownUnits: [0, 119, 179, 200],
};

// ---------------------------------------------------------------------------------------------
// govinfo — 政务信息工作考核规定

/**
 * Score = Σ points − Σ deductions, no caps (三(一), 三(二)); it can be negative.
 *  S1        flag, forms 是/否/1/0/TRUE/FALSE by i mod 6, set when i is even → 20     三(一)1
 *  S2        a = i mod 13 months × 20                                                 三(一)2
 *  S3.single b = i mod 5 × 10                                                         三(一)3
 *  S4.research c = ⌊i/5⌋ mod 3 × 100                                                  三(一)4
 *  S6        d = i mod 4 units × 10                                                   三(一)6
 *  S6.extra  judged, entered 2.5·(i mod 3) → 25·(i mod 3) tenths                      三(一)6 适当加分
 *  S9        f = ⌊i/15⌋ mod 2 × 40                                                    三(一)9
 *  K2        g = ⌊i/7⌋ mod 3 months × −30                                             三(二)2
 *  K3        judged, entered 50 + 10·(i mod 4), empty when i mod 4 = 0 → −h           三(二)3 扣50-100分
 *  K4.omit   k = ⌊i/50⌋ mod 2 × −200                                                  三(二)4
 * Reward (四、奖励办法): S3.single 20 元 (四(一)), S4.research 300 元 (四(四)), S9 300 元 (四(七))
 *  → 20b + 300c + 300f 元.
 */
const govinfoK3 = (i: number): number => (i % 4 === 0 ? 0 : 50 + 10 * (i % 4));
const govinfo: Pattern = {
  id: 'govinfo',
  headers: ['S1', 'S2', 'S3.single', 'S4.research', 'S6', 'S6.extra', 'S9', 'K2', 'K3', 'K4.omit'],
  units: 120,
  row: (i) => [
    ['是', '否', 1, 0, true, false][i % 6],
    i % 13,
    i % 5,
    floor(i / 5) % 3,
    i % 4,
    (25 * (i % 3)) / 10,
    floor(i / 15) % 2,
    floor(i / 7) % 3,
    i % 4 === 0 ? null : govinfoK3(i),
    floor(i / 50) % 2,
  ],
  tenths: (i) =>
    10 * (20 * (i % 2 === 0 ? 1 : 0) + 20 * (i % 13) + 10 * (i % 5) + 100 * (floor(i / 5) % 3) + 10 * (i % 4) + 40 * (floor(i / 15) % 2)) +
    25 * (i % 3) -
    10 * (30 * (floor(i / 7) % 3) + govinfoK3(i) + 200 * (floor(i / 50) % 2)),
  breakdownUnits: [0, 50, 77, 101],
};
const govinfoReward = (i: number): number => 20 * (i % 5) + 300 * (floor(i / 5) % 3) + 300 * (floor(i / 15) % 2);

// ---------------------------------------------------------------------------------------------
// township2022 — XX县乡镇便民服务中心标准化等级评定工作方案, 附件 评分表

/**
 * Each item scores from its 分值 down, never below 0 (直至扣完本项得分). Columns (tenths):
 *  1.1   judged 0–3, entered (i mod 7)/2, empty when i mod 14 = 0 (未评分: 0) → 5·(i mod 7)
 *  3.1   rank r = (i mod 23) + 1: 第一名4分…依次递减0.2分，20名以后均得0.2分 → max(40 − 2(r − 1), 2)
 *  3.3   未及时录入 l = i mod 5 ×0.3, 超期 o = ⌊i/5⌋ mod 4 ×1, from 4 → max(40 − 3l − 10o, 0)
 *  3.9   归档率 100 − 1.3k % (k = i mod 13; as a fraction, a percent number, text "98.7%" or a
 *        percent-typed cell by i mod 4): 每低一个百分点扣0.2分 per full point → max(20 − 2⌊13k/10⌋, 0)
 *  3.10  n = i mod 6, 每少登记一件扣0.5分, from 2 → max(20 − 5n, 0)
 *  5.2   被远程视频监控通报 v = ⌊i/6⌋ mod 3, 每次扣2分, from 3 → max(30 − 20v, 0)
 *  5.3   非常满意率 100 − 0.013q % (q = i mod 17), 每降低0.01个百分点扣0.2分 → max(20 − 2⌊13q/10⌋, 0)
 *  5.4   主动评价率 100 − 2.5s % (s = i mod 5, as text "97.5%"), 每低1个百分点扣0.3分, 分值 3
 *        → max(30 − 3⌊25s/10⌋, 0)
 *  5.9   问题 u = i mod 6 ×0.5, 最高扣2分; 未建立制度 w = ⌊i/2⌋ mod 2 (√/×) 扣1分; from 2
 *        → max(20 − min(5u, 20) − 10w, 0)
 *  6.1   flag set (TRUE) when i mod 4 = 3 (否 or empty otherwise) → 30
 * Items without a column: the count items keep their 分值 (no findings): 1.2 2, 1.3 2, 1.4 2, 2.1 2,
 * 2.2 2, 3.2 2, 3.4 1, 3.5 3, 3.6 5, 3.7 1, 3.8 4, 3.11 5, 3.12 1, 3.13 1, 3.14 5, 3.15 5, 4.1 1,
 * 4.2 3, 4.3 2, 4.4 3, 4.5 5, 5.5 2, 5.8 4 = 63 → 630; the judged items 4.6, 5.1, 5.6 are not scored
 * (0) and the flag 5.7 is not set (0). Check: 63 + 9 (4.6, 5.1, 5.6, 5.7) + 28 (the columns' 分值) = 100.
 */
function townshipRate39(i: number): RawCellContent {
  const k = i % 13;
  const percent = `${(1000 - 13 * k) / 10}`;
  return [(1000 - 13 * k) / 1000, (1000 - 13 * k) / 10, `'${percent}%`, `${percent}%`][i % 4];
}
const township: Pattern = {
  id: 'township2022',
  // 3.1 and 3.10 as text ('): typed plain, either is the number 3.1, which could be either item (refused).
  headers: ['1.1', "'3.1", '3.3.late', '3.3.overdue', '归档率', "'3.10", '5.2.video', '5.3', '5.4', '5.9.issue', '5.9.nosystem', '6.1'],
  units: 120,
  row: (i) => [
    i % 14 === 0 ? null : (i % 7) / 2,
    (i % 23) + 1,
    i % 5,
    floor(i / 5) % 4,
    townshipRate39(i),
    i % 6,
    floor(i / 6) % 3,
    i % 2 === 0 ? (100000 - 13 * (i % 17)) / 1000 : (100000 - 13 * (i % 17)) / 100000,
    `'${(1000 - 25 * (i % 5)) / 10}%`,
    i % 6,
    floor(i / 2) % 2 === 1 ? '√' : '×',
    i % 4 === 3 ? true : i % 4 === 1 ? '否' : null,
  ],
  tenths: (i) => {
    const r = (i % 23) + 1;
    return (
      630 +
      5 * (i % 7) +
      max(40 - 2 * (r - 1), 2) +
      max(40 - 3 * (i % 5) - 10 * (floor(i / 5) % 4), 0) +
      max(20 - 2 * floor((13 * (i % 13)) / 10), 0) +
      max(20 - 5 * (i % 6), 0) +
      max(30 - 20 * (floor(i / 6) % 3), 0) +
      max(20 - 2 * floor((13 * (i % 17)) / 10), 0) +
      max(30 - 3 * floor((25 * (i % 5)) / 10), 0) +
      max(20 - min(5 * (i % 6), 20) - 10 * (floor(i / 2) % 2), 0) +
      (i % 4 === 3 ? 30 : 0)
    );
  },
  breakdownUnits: [0, 19, 44, 97],
};

// ---------------------------------------------------------------------------------------------

describe('ASSESS functions in HyperFormula: every unit of every built-in ruleset, scored by formula', () => {
  it('chengdu2006: 120 units — base, capped bonuses, deductions within the bonus; GRADE is #N/A', () => {
    const layout = buildSheet(chengdu, { arrays: true });
    // 9.3's row in BREAKDOWN: min(0.5 × (i mod 7), 2) (第九條(三)).
    checkPattern(chengdu, layout, { rows: (item) => item === '9.3 率先推出创新性政务服务举措', tenths: (i) => min(5 * (i % 7), 20) });
    // Spot checks of the closed form, worked out in full:
    // i = 0: 8.1 TRUE → 70; every other cell 0 or empty → 70.
    expect(chengdu.tenths(0)).toBe(700);
    // i = 83: 9.1 83 mod 11 = 6 → 3; 9.2 83 mod 6 = 5 → 5; 9.3 83 mod 7 = 6 → 3 → capped 2;
    // 9.4: a = 3, b = ⌊83/5⌋ mod 3 = 16 mod 3 = 1, c = ⌊83/15⌋ mod 2 = 5 mod 2 = 1 → 1.5 + 1 + 1.5 = 4 (cap 4);
    // 9.7: ⌊83/3⌋ mod 6 = 27 mod 6 = 3 → 1.5; bonus 3 + 5 + 2 + 4 + 1.5 = 15.5;
    // deductions: 10.2 ⌊83/7⌋ mod 4 = 11 mod 4 = 3 → 6; 10.5 ⌊83/28⌋ mod 2 = 2 mod 2 = 0; 10.7 83 mod 4 = 3 → 1.5;
    // 7.5 ≤ 15.5 → 70 + 15.5 − 7.5 = 78.
    expect(chengdu.tenths(83)).toBe(780);
    // i = 59: 8.1 FALSE (59 mod 10 = 9) → 0; 9.1 59 mod 11 = 4 → 2; 9.2 59 mod 6 = 5 → 5; 9.3 59 mod 7 = 3 → 1.5;
    // 9.4: a = 4 → 2, b = 11 mod 3 = 2 → 2, c = 3 mod 2 = 1 → 1.5: 5.5 → 4; 9.7: 19 mod 6 = 1 → 0.5;
    // bonus 2 + 5 + 1.5 + 4 + 0.5 = 13; deductions 10.2 8 mod 4 = 0, 10.5 2 mod 2 = 0, 10.7 3 → 1.5 → 0 + 13 − 1.5 = 11.5.
    expect(chengdu.tenths(59)).toBe(115);
    // Deductions larger than the applied bonus count only as much as it (第十條(八)):
    // i = 36: 9.1 36 mod 11 = 3 → 1.5; 9.2 0; 9.3 1 → 0.5; 9.4 a = 1 → 0.5, b = 7 mod 3 = 1 → 1, c = 2 mod 2 = 0 → 1.5;
    // 9.7 12 mod 6 = 0; bonus 3.5; deductions 10.2 ⌊36/7⌋ mod 4 = 1 → 2, 10.5 ⌊36/28⌋ mod 2 = 1 → 5, 10.7 0 → 7 > 3.5
    // → 70 + 3.5 − 3.5 = 70.
    // i = 49 (no centre: 49 mod 10 = 9 → base 0): 9.1 5 → 2.5; 9.2 1 → 1; 9.3 0; 9.4 a = 4 → 2, b = 9 mod 3 = 0,
    // c = 3 mod 2 = 1 → 1.5: 3.5; 9.7 16 mod 6 = 4 → 2; bonus 9; deductions 10.2 7 mod 4 = 3 → 6, 10.5 1 → 5,
    // 10.7 1 → 0.5: 11.5 > 9 → 0 + 9 − 9 = 0.
    expect(chengdu.tenths(36)).toBe(700);
    expect(chengdu.tenths(49)).toBe(0);
  });

  it('county2013: 120 units — tasks with empty = full, bonus and deductions each capped at 10, D4 once', () => {
    // The one-time −10 of 二、4 cannot show in the score (the 10-point deduction cap would cut a repeat
    // anyway), so it is checked in BREAKDOWN: the D4 rows (each event, then the one-time adjustment)
    // add up to −10 once whenever there is any D4 event — units 17, 35 and 71 have 2, 3 and 3.
    checkPattern(county, buildSheet(county), {
      rows: (item) => /^D4[. ]/.test(item),
      tenths: (i) => ((floor(i / 6) % 3) + (floor(i / 18) % 2) > 0 ? -100 : 0),
    });
    // i = 35: T1 35 mod 5 = 0 → empty → 20; T2 35 mod 4 = 3 → 13.5; T4 35 mod 3 = 2 → 9; + 55 = 97.5;
    // bonus B1 3 + B2.city 2×(8 mod 3 = 2) = 4 + B3.national 5×(2 mod 2 = 0) = 7;
    // deductions D1.city 2×(35 mod 3 = 2) = 4, D3.province 5×(11 mod 2 = 1) = 5, D4: ⌊35/6⌋ mod 3 = 2 > 0 → 10:
    // 19 → capped 10 → 97.5 + 7 − 10 = 94.5.
    expect(county.tenths(35)).toBe(945);
    // i = 71: T1 1 → 18.5; T2 3 → 13.5; T4 2 → 9; 96; bonus 3 + 2×(17 mod 3 = 2) + 5×(5 mod 2 = 1) = 12 → 10;
    // deductions 2×2 + 5×(23 mod 2 = 1) + 10 (⌊71/6⌋ mod 3 = 11 mod 3 = 2) = 19 → 10 → 96 + 10 − 10 = 96.
    expect(county.tenths(71)).toBe(960);
  });

  it('tacheng2020: 201 units — the sum of the item columns, and every grade band boundary', () => {
    const layout = buildSheet(tacheng, { arrays: true });
    checkPattern(tacheng, layout);
    // The boundaries (四(三)): 59.9 不合格, 60 合格, 79.9 合格, 80 良好, 89.9 良好, 90 优秀, 100 优秀.
    const at = (score: number) => floor(score) * 2 + (score % 1 === 0 ? 0 : 1);
    const grades = [59.9, 60, 79.9, 80, 89.9, 90, 100].map((score) => value(layout.hf, { sheet: layout.sheet, row: layout.rowOf(at(score)), col: layout.gradeCol }));
    expect(grades).toEqual(['不合格', '合格', '合格', '良好', '良好', '优秀', '优秀']);
    const scores = [59.9, 60, 79.9, 80, 89.9, 90, 100].map((score) => value(layout.hf, { sheet: layout.sheet, row: layout.rowOf(at(score)), col: layout.scoreCol }));
    expect(scores).toEqual([59.9, 60, 79.9, 80, 89.9, 90, 100]);
  });

  it('govinfo: 120 units — points minus deductions without caps (negative scores too), and REWARD in yuan', () => {
    const layout = buildSheet(govinfo, { extra: (r) => `=ASSESS.REWARD(B${r}:K${r},"govinfo",B$1:K$1)` });
    checkPattern(govinfo, layout);
    for (let i = 0; i < govinfo.units; i++) {
      const reward = value(layout.hf, { sheet: layout.sheet, row: layout.rowOf(i), col: layout.extraCol });
      if (reward !== govinfoReward(i)) expect({ unit: i, reward }).toEqual({ unit: i, reward: govinfoReward(i) });
    }
    // i = 50: S1 set (even) 20; S2 50 mod 13 = 11 → 220; S3.single 0; S4.research ⌊50/5⌋ mod 3 = 1 → 100; S6 2 → 20;
    // S6.extra 50 mod 3 = 2 → 5; S9 ⌊50/15⌋ mod 2 = 1 → 40; K2 ⌊50/7⌋ mod 3 = 1 → −30; K3 50 mod 4 = 2 → −70;
    // K4.omit ⌊50/50⌋ mod 2 = 1 → −200: 20 + 220 + 100 + 20 + 5 + 40 − 30 − 70 − 200 = 105.
    expect(govinfo.tenths(50)).toBe(1050);
    // i = 101: S1 not set; S2 101 mod 13 = 10 → 200; S3 1 → 10; S4 20 mod 3 = 2 → 200; S6 1 → 10; extra 2 → 5;
    // S9 6 mod 2 = 0; K2 14 mod 3 = 2 → −60; K3 1 → −60; K4.omit 2 mod 2 = 0: 200 + 10 + 200 + 10 + 5 − 60 − 60 = 305.
    expect(govinfo.tenths(101)).toBe(3050);
    // A negative score: i = 63: S1 no; S2 63 mod 13 = 11 → 220; S3 3 → 30; S4 12 mod 3 = 0; S6 3 → 30; extra 0;
    // S9 4 mod 2 = 0; K2 9 mod 3 = 0; K3 3 → −80; K4.omit 1 → −200 → 220 + 30 + 30 − 80 − 200 = 0. i = 65:
    // S2 0; S3 0; S4 13 mod 3 = 1 → 100; S6 1 → 10; extra 2 → 5; S9 0; K2 9 mod 3 = 0; K3 1 → −60; K4.omit −200 → −145.
    expect(govinfo.tenths(63)).toBe(0);
    expect(govinfo.tenths(65)).toBe(-1450);
    // Reward i = 50: 20×0 + 300×1 + 300×1 = 600 元.
    expect(govinfoReward(50)).toBe(600);
  });

  it('township2022: 120 units — items from their 分值 down and never below 0, rank, rates, flags', () => {
    const layout = buildSheet(township, { arrays: true });
    // 3.3's row in BREAKDOWN: max(4 − 0.3l − o, 0) (评分表 3.3, 直至扣完).
    checkPattern(township, layout, { rows: (item) => item === '3.3 办件录入、办件预审', tenths: (i) => max(40 - 3 * (i % 5) - 10 * (floor(i / 5) % 4), 0) });
    // i = 19: 1.1 19 mod 7 = 5 → 2.5; 3.1 rank 20 → 4 − 3.8 = 0.2; 3.3 l = 4, o = 3 → 4 − 1.2 − 3 < 0 → 0;
    // 3.9 k = 6 → 92.2% → 7 full points below → 2 − 1.4 = 0.6; 3.10 n = 1 → 1.5; 5.2 v = 0 → 3;
    // 5.3 q = 2 → 99.974% → 0.026 below → 2 steps → 1.6; 5.4 s = 4 → 90% → 10 points → 3 − 3 = 0;
    // 5.9 u = 1 → 0.5, w = ⌊19/2⌋ mod 2 = 1 → 1: 2 − 0.5 − 1 = 0.5; 6.1 19 mod 4 = 3 → 3.
    // 63 + 2.5 + 0.2 + 0 + 0.6 + 1.5 + 3 + 1.6 + 0 + 0.5 + 3 = 75.9.
    expect(township.tenths(19)).toBe(759);
    // i = 44: 1.1 44 mod 7 = 2 → 1; 3.1 rank 22 → 0.2; 3.3 l = 4, o = 8 mod 4 = 0 → 4 − 1.2 = 2.8; 3.9 k = 5 → 93.5% →
    // 6 full points → 2 − 1.2 = 0.8; 3.10 n = 2 → 1; 5.2 v = 7 mod 3 = 1 → 1; 5.3 q = 10 → 99.87% → 13 steps → 0;
    // 5.4 s = 4 → 0; 5.9 u = 2 → 1, w = 22 mod 2 = 0 → 1; 6.1 44 mod 4 = 0 → 0.
    // 63 + 1 + 0.2 + 2.8 + 0.8 + 1 + 1 + 0 + 0 + 1 + 0 = 70.8.
    expect(township.tenths(44)).toBe(708);
  });
});

describe('ASSESS in HyperFormula: names, spills and errors', () => {
  it('registers the English dotted names, case-insensitive, idempotently', () => {
    registerAssess(HyperFormula);
    registerAssess(HyperFormula);
    expect(ASSESS_FUNCTION_IDS).toEqual(['ASSESS.SCORE', 'ASSESS.SCORES', 'ASSESS.BREAKDOWN', 'ASSESS.GRADE', 'ASSESS.LEVEL', 'ASSESS.CHECK', 'ASSESS.REWARD', 'ASSESS.ITEMS', 'ASSESS.EXPLAIN', 'ASSESS.RULESETS']);
    for (const id of ASSESS_FUNCTION_IDS) expect(HyperFormula.getRegisteredFunctionNames('enGB')).toContain(id);
    // 9.3 × 5 = 2.5 → capped 2 (第九條(三)); 70 + 2 = 72.
    const hf = buildAssessEngine([['9.3', 5, '=assess.score(B1,"chengdu2006",A1)', '=Assess.Grade(90,"tacheng2020")']]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(72);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 3 })).toBe('优秀');
  });

  it('works in another engine language once registered again after the language (German: ";" separates arguments)', () => {
    if (!HyperFormula.getRegisteredLanguagesCodes().includes('deDE')) HyperFormula.registerLanguage('deDE', deDE);
    registerAssess(HyperFormula);
    const hf = buildAssessEngine([['9.3', '10.2'], [5, 1, '=ASSESS.SCORE(A2:B2;"chengdu2006";A1:B1)'], [5, '=NA()', '=ASSESS.SCORE(A3:B3;"chengdu2006";A1:B1)']], {
      language: 'deDE',
      functionArgSeparator: ';',
    });
    // 70 + min(5 × 0.5, 2) − 1 × 2 = 70 (第八條, 第九條(三), 第十條(二)).
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 2 })).toBe(70);
    // The error in the range reaches the implementation as Excel's text (#N/A), not the German #NV.
    expectError(hf.getCellValue({ sheet: 0, row: 2, col: 2 }), ErrorType.VALUE, '10.2', '#N/A');
  });

  it('Chinese names (考核.计算得分 …) work through the adapter, which HyperFormula alone cannot parse', () => {
    const width = chengdu.headers.length;
    const last = letters(width);
    const rows: RawCellContent[][] = [['单位', ...chengdu.headers]];
    for (let i = 0; i < 12; i++) {
      const r = i + 2;
      rows.push([
        `单位${i}`,
        ...chengdu.row(i),
        `=考核.计算得分(B${r}:${last}${r},"chengdu2006",B$1:${last}$1)`,
        `=考核.评定等次(${letters(width + 1)}${r},"chengdu2006")`,
        `=考核.评定等次(${60 + i * 3},"tacheng2020")`,
      ]);
    }
    rows[1].push('=考核.得分明细(B5:L5, "chengdu2006", B$1:L$1)');
    const hf = buildAssessEngine(rows);
    for (let i = 0; i < 12; i++) {
      expect(hf.getCellValue({ sheet: 0, row: i + 1, col: width + 1 })).toBe(chengdu.tenths(i) / 10);
      expectError(hf.getCellValue({ sheet: 0, row: i + 1, col: width + 2 }), ErrorType.NA, '没有等次划分');
      // 60 + 3i: 60–78 合格, 81–87 良好, 90–93 优秀 (四(三)).
      const score = 60 + i * 3;
      expect(hf.getCellValue({ sheet: 0, row: i + 1, col: width + 3 })).toBe(score >= 90 ? '优秀' : score >= 80 ? '良好' : '合格');
    }
    // The BREAKDOWN of unit 3 spills from the Chinese-named formula too; its total is unit 3's score.
    const { rows: breakdown } = readBreakdown(hf, 0, 1, width + 4);
    expect(breakdown[breakdown.length - 1][3]).toBe(chengdu.tenths(3) / 10);

    // The engine holds the English ids; the adapter shows them in Chinese again.
    const formula = hf.getCellFormula({ sheet: 0, row: 1, col: width + 1 }) ?? '';
    expect(formula).toBe(`=ASSESS.SCORE(B2:${last}2,"chengdu2006",B$1:${last}$1)`);
    expect(toChineseFormula(formula)).toBe(`=考核.计算得分(B2:${last}2,"chengdu2006",B$1:${last}$1)`);
    // Names inside string literals are text, not calls.
    expect(toEngineFormula('=考核.计算得分(A1,"考核.计算得分(")&"考核.评定等级(x)"')).toBe('=ASSESS.SCORE(A1,"考核.计算得分(")&"考核.评定等级(x)"');
    expect(toEngineFormula('考核.计算得分(A1)')).toBe('考核.计算得分(A1)');

    // HyperFormula's lexer takes function names only from Latin letters, digits, "_" and ".":
    // the Chinese name itself is a parse error, which is why the adapter translates it.
    const raw = HyperFormula.buildFromArray([['=考核.计算得分(1,"chengdu2006")']], { licenseKey: 'gpl-v3' });
    expectError(raw.getCellValue({ sheet: 0, row: 0, col: 0 }), ErrorType.ERROR, '考');
  });

  it('LEVEL spills a level for each of 12 township2022 scores, with the criticized column', () => {
    // 四(一): ranks 1–2 一等, 3–6 二等, 7–11 三等 by competition rank of the total; 通报批评或被媒体曝光
    // lowers one level, 三等 with it gets none.
    // Ranks: 95.2 → 1; 91, 91 → 2; 90.9 → 4; 88.5 → 5; 85, 85 → 6; 79.3 → 8; 72.4 → 9; 70.1 → 10; 66 → 11; 60.2 → 12.
    const units: Array<[number, RawCellContent, string]> = [
      [88.5, false, '二等'], // rank 5
      [95.2, true, '二等'], // rank 1: 一等, criticized → 二等
      [79.3, null, '三等'], // rank 8
      [91, false, '一等'], // rank 2 (tied)
      [91, '是', '二等'], // rank 2 (tied): 一等, criticized → 二等
      [60.2, null, ''], // rank 12: no level
      [85, false, '二等'], // rank 6 (tied)
      [72.4, 1, ''], // rank 9: 三等, criticized → no level
      [85, null, '二等'], // rank 6 (tied)
      [66, false, '三等'], // rank 11
      [90.9, null, '二等'], // rank 4
      [70.1, false, '三等'], // rank 10
    ];
    const hf = buildAssessEngine([
      ['得分', '通报批评', '等级'],
      ...units.map(([score, criticized], i) => [score, criticized, i === 0 ? '=ASSESS.LEVEL(A2:A13,"township2022",,B2:B13)' : null]),
      [null, null, 'below'],
    ]);
    const levels = units.map((_, i) => hf.getCellValue({ sheet: 0, row: i + 1, col: 2 }));
    expect(levels).toEqual(units.map(([, , level]) => level));
    expect(hf.isCellPartOfArray({ sheet: 0, row: 12, col: 2 })).toBe(true);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 13, col: 2 })).toBe(false);
    // Without the criticized column: 95.2 and both 91 are 一等 (ranks 1, 2, 2), 72.4 is 三等.
    hf.setCellContents({ sheet: 0, row: 1, col: 2 }, '=ASSESS.LEVEL(A2:A13,"township2022")');
    const plain = ['二等', '一等', '三等', '一等', '一等', '', '二等', '三等', '二等', '三等', '二等', '三等'];
    expect(units.map((_, i) => hf.getCellValue({ sheet: 0, row: i + 1, col: 2 }))).toEqual(plain);
    // A row of scores spills a row of levels.
    hf.setCellContents({ sheet: 0, row: 16, col: 0 }, [units.map(([score]) => score), ['=ASSESS.LEVEL(A17:L17,"township2022")']]);
    expect(units.map((_, c) => hf.getCellValue({ sheet: 0, row: 17, col: c }))).toEqual(plain);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 18, col: 0 })).toBe(false);
  });

  it('SCORES spills a score beside each data row, and recalculates when a cell changes', () => {
    // 甲镇 86.1 and 乙镇 95 (worked out in test/functions/bundle.test.ts); a blank row between them.
    // 3.1 as text ('): the number 3.1 could be item 3.1 or 3.10 (refused, as the next test shows).
    const header = ['单位', '1.1', '1.2', '1.4.missing', '1.4.unexecuted', "'3.1", '3.3.late', '3.3.overdue', '3.9', '4.6', '5.1', '5.2.late', '5.2.video', '5.3', '5.4', '5.6', '5.7', '5.9.issue', '5.9.nosystem', '6.1'];
    const rows: RawCellContent[][] = [
      ['甲镇', 3, 2, 1, 1, 3, 2, 1, 0.97, 2.5, 1, 1, 1, '99.98%', 96.5, 3, true, 5, '是', '否'],
      header.map(() => null),
      ['乙镇', 3, null, null, null, 1, null, null, 1, 3, 1, null, null, '100%', 100, 3, null, null, null, null],
    ];
    const hf = buildAssessEngine([
      [...header, '=ASSESS.SCORES(A1:T4,"township2022")'],
      ...rows.map((row) => [...row, null]),
      [...header.map(() => null), 'below'],
    ]);
    const column = () => [0, 1, 2, 3].map((row) => hf.getCellValue({ sheet: 0, row, col: 20 }));
    expect(column()).toEqual(['得分', 86.1, '', 95]);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 4, col: 20 })).toBe(false);
    // 乙镇 gets 2 inconsistencies on 1.2: 2 − 2 × 0.5 = 1 → 95 − 1 = 94.
    hf.setCellContents({ sheet: 0, row: 3, col: 2 }, 2);
    expect(column()).toEqual(['得分', 86.1, '', 94]);
  });

  it('a header typed 3.10 or 3.1 (the number 3.1 either way) is #VALUE! naming the cell and both items (township2022 has both)', () => {
    const hf = buildAssessEngine([
      ['单位', '3.10', '=ASSESS.SCORE(A2:B2,"township2022",A1:B1)'],
      ['甲镇', 2],
    ]);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe(3.1); // what the engine stores
    const value = hf.getCellValue({ sheet: 0, row: 0, col: 2 });
    expect(value).toMatchObject({ type: 'VALUE' });
    const message = (value as { message: string }).message;
    expect(message).toContain('第1行第2列');
    expect(message).toContain('数字 3.1');
    expect(message).toContain('条目 3.10');
    // Typed as text ('3.10), it is item 3.10 (a deduct item, 2 points, 0.5 a finding — 附件评分表 3.10):
    // 2 findings take 1 point more than none, and the header reads as the item's label does.
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, "'3.10");
    const withTwo = hf.getCellValue({ sheet: 0, row: 0, col: 2 });
    hf.setCellContents({ sheet: 0, row: 1, col: 1 }, 0);
    const withNone = hf.getCellValue({ sheet: 0, row: 0, col: 2 });
    expect(typeof withTwo).toBe('number');
    expect(Number(withNone) - Number(withTwo)).toBeCloseTo(1, 9);
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, '窗口无否决权登记');
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe(withNone);
  });

  it('BREAKDOWN reserves the rows its ruleset can fill: chengdu2006 exactly 30', () => {
    // 23 items (8.1; 9.1–9.3; 9.4, 9.5, 9.6 three levels each; 9.7–9.9; 10.1–10.7) + header + 合计, and a row for
    // each adjustment that can apply: the caps of 9.4, 9.5, 9.6 (4 together), the 30 cap (第八條(一)) and
    // 减分不超过加分 (第十條(八)) → 2 + 23 + 5 = 30 rows.
    const hf = buildAssessEngine([['9.3', '=ASSESS.BREAKDOWN(A2,"chengdu2006",A1)'], [4]]);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 29, col: 1 })).toBe(true);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 30, col: 1 })).toBe(false);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 0, col: 5 })).toBe(true);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 0, col: 6 })).toBe(false);
    // 8.1 empty → default 1 → 70; 9.3: 4 × 0.5 = 2 → 72; 合计 on row 26 (header + 23 items + 合计; no cap applied).
    expect(hf.getCellValue({ sheet: 0, row: 24, col: 2 })).toBe('合计');
    expect(hf.getCellValue({ sheet: 0, row: 24, col: 4 })).toBe(72);
    // A value in the reserved area blocks the spill; just below it does not.
    hf.setCellContents({ sheet: 0, row: 30, col: 1 }, 'below');
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 1 })).toBe('条款');
    hf.setCellContents({ sheet: 0, row: 29, col: 3 }, 'inside');
    expectError(hf.getCellValue({ sheet: 0, row: 0, col: 1 }), ErrorType.SPILL);
  });

  it('a ruleset given by reference reserves room for any built-in ruleset, so changing it never overflows', () => {
    const hf = buildAssessEngine([
      ['T1', '=ASSESS.BREAKDOWN(A2,H1,A1)', null, null, null, null, null, 'tacheng2020'],
      [18],
    ]);
    // tacheng2020: T1 is an open item column → 18 (四(三) 百分制: the sum of the columns).
    expect(hf.getCellValue({ sheet: 0, row: 2, col: 2 })).toBe('合计');
    expect(hf.getCellValue({ sheet: 0, row: 2, col: 4 })).toBe(18);
    // county2013: T1 18 + T2–T8 empty → full 15 + 15 + 10 × 5 = 80 → 98 (目标任务分解表).
    expect(() => hf.setCellContents({ sheet: 0, row: 0, col: 7 }, 'county2013')).not.toThrow();
    const { rows } = readBreakdown(hf, 0, 0, 1);
    expect(rows[rows.length - 1][3]).toBe(98);
  });

  it('a ruleset id in a small range (as implementation.ts reads one) reserves room for any built-in ruleset', () => {
    const hf = buildAssessEngine([['9.3', null, '=ASSESS.BREAKDOWN(A2,A4:B5,A1)'], [4], [], [null, 'chengdu2006'], []]);
    // 8.1 empty → 70 (第八條(一)); 9.3: 4 × 0.5 = 2 (第九條(三)) → 72.
    const { rows } = readBreakdown(hf, 0, 0, 2);
    expect(rows[rows.length - 1][3]).toBe(72);
  });

  it('CHECK, ITEMS and RULESETS spill', () => {
    const hf = buildAssessEngine([
      ['9.3', '9.7', '=ASSESS.CHECK(A2:B2,"chengdu2006",A1:B1)', null, null, '=ASSESS.CHECK(A3:B3,"chengdu2006",A1:B1)', null, null, '=ASSESS.RULESETS()', null, null, null, '=ASSESS.ITEMS("chengdu2006")'],
      [5, 1],
      [1, 1],
    ]);
    // 9.3: 5 × 0.5 = 2.5 > 2 (第九條(三) 累计加分不超过2分) → one finding; 9.7 0.5 is within its cap.
    expect([0, 1, 2].map((c) => hf.getCellValue({ sheet: 0, row: 0, col: 2 + c }))).toEqual(['编码', '问题', '条款']);
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 2 })).toBe('9.3');
    expect(String(hf.getCellValue({ sheet: 0, row: 1, col: 4 }))).toContain('第九条(三)');
    expect(hf.getCellValue({ sheet: 0, row: 2, col: 2 })).toBe(null);
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 5 })).toBe('通过');
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 6 })).toBe(null);
    // RULESETS: a header and the five built-in ids.
    expect([0, 1, 2, 3, 4, 5].map((r) => hf.getCellValue({ sheet: 0, row: r, col: 8 }))).toEqual(['编号', 'chengdu2006', 'county2013', 'tacheng2020', 'govinfo', 'township2022']);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 6, col: 8 })).toBe(false);
    // ITEMS: a header and the 23 items of the spec's table, in its order.
    const codes = ['8.1', '9.1', '9.2', '9.3', '9.4.city', '9.4.province', '9.4.national', '9.5.county', '9.5.city', '9.5.province', '9.6.city', '9.6.province', '9.6.national', '9.7', '9.8', '9.9', '10.1', '10.2', '10.3', '10.4', '10.5', '10.6', '10.7'];
    expect(codes.map((_, i) => hf.getCellValue({ sheet: 0, row: i + 1, col: 12 }))).toEqual(codes);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 23, col: 12 })).toBe(true);
    expect(hf.isCellPartOfArray({ sheet: 0, row: 24, col: 12 })).toBe(false);
  });

  it('a bad cell is #VALUE! with a message naming the item and the value; an unknown ruleset is #N/A', () => {
    const hf = buildAssessEngine([
      ['9.3', '10.2', '9.7'],
      ['abc', 1, 1, '=ASSESS.SCORE(A2:C2,"chengdu2006",A$1:C$1)', '=ASSESS.BREAKDOWN(A2:C2,"chengdu2006",A$1:C$1)'],
      [1, '=NA()', 1, '=ASSESS.SCORE(A3:C3,"chengdu2006",A$1:C$1)'],
      [1, -1, 1, '=ASSESS.SCORE(A4:C4,"chengdu2006",A$1:C$1)'],
      [1, 1, 1.5, '=ASSESS.SCORE(A5:C5,"chengdu2006",A$1:C$1)'],
      [1, 1, 1, '=ASSESS.SCORE(A6:C6,"chengdu2007",A$1:C$1)', null, null, null, null, null, '=ASSESS.GRADE("abc","tacheng2020")'],
    ]);
    expectError(hf.getCellValue({ sheet: 0, row: 1, col: 3 }), ErrorType.VALUE, '9.3', '"abc"', '率先推出创新性政务服务举措');
    // BREAKDOWN: the error in its first cell, the rest of its area empty (as Excel shows one error cell).
    expectError(hf.getCellValue({ sheet: 0, row: 1, col: 4 }), ErrorType.VALUE, '9.3', '"abc"');
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 5 })).toBe(null);
    expect(hf.getCellValue({ sheet: 0, row: 2, col: 4 })).toBe(null);
    // An error value inside the range is never read as 0: it names the item and the error.
    expectError(hf.getCellValue({ sheet: 0, row: 2, col: 3 }), ErrorType.VALUE, '10.2', '#N/A');
    // Counts are whole numbers ≥ 0.
    expectError(hf.getCellValue({ sheet: 0, row: 3, col: 3 }), ErrorType.VALUE, '10.2', '-1');
    expectError(hf.getCellValue({ sheet: 0, row: 4, col: 3 }), ErrorType.VALUE, '9.7', '1.5');
    expectError(hf.getCellValue({ sheet: 0, row: 5, col: 3 }), ErrorType.NA, 'chengdu2007');
    expectError(hf.getCellValue({ sheet: 0, row: 5, col: 9 }), ErrorType.VALUE, '"abc"');
  });

  it('a spill whose size cannot be known (a whole column) is #VALUE! with a message, not an exception', () => {
    const hf = buildAssessEngine([[90, '=ASSESS.LEVEL(A:A,"township2022")'], [80]]);
    expectError(hf.getCellValue({ sheet: 0, row: 0, col: 1 }), ErrorType.VALUE, '超出公式预留');
  });
});
