/**
 * src/functions/implementation.ts — every exported custom function (score, breakdown, grade, level,
 * check, reward, items, explain, rulesets) called the way Excel calls it: 2-D arrays, `null` for an
 * omitted optional argument, "" or null for an empty cell, booleans, numbers stored as text,
 * full-width digits, error-like strings ('#N/A'); a ruleset given as [["chengdu2006"]], as a plain
 * string, or as a ruleset table range (a built-in written out with rulesetToTable, and an office's
 * own small table with Chinese headers). Data in every layout: a unit row + a separate header row,
 * a header row + one unit row in one range, code/value pairs, and a ledger (台账).
 *
 * Every expected number is worked out by hand from the regulation texts in
 * ../shared/regulations/ and the readings in ../shared/spec/rulesets.md — the arithmetic is in
 * the comment beside it — and compared with exact equality.
 *
 * Every bad input must throw a FunctionError: code 'invalid' (→ #VALUE!) with a message naming the
 * item and the value, or 'notAvailable' (→ #N/A) for an unknown ruleset id, GRADE on a ruleset
 * without grades, REWARD on a ruleset without rewards (and LEVEL on a ruleset without levels).
 * Never any other kind of error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { rulesetToTable } from '../../src/core/table-format';
import {
  type ExcelMatrix,
  type ExcelResult,
  type ExcelValue,
  FunctionError,
  breakdown,
  check,
  explain,
  grade,
  items,
  level,
  resolveRuleset,
  reward,
  rulesets,
  score,
  scores,
} from '../../src/functions/implementation';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** A ruleset id handed over as a bare value (a host that does not wrap single cells in [[…]]). */
function bare(value: ExcelValue): ExcelMatrix {
  return value as unknown as ExcelMatrix;
}

/** Runs a call that must fail and returns its FunctionError (any other error fails the test). */
function failure(run: () => unknown): FunctionError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) throw new Error('expected the call to throw a FunctionError, but it returned');
  if (!(caught instanceof FunctionError)) {
    throw new Error(`expected a FunctionError, got ${caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught)}`);
  }
  return caught;
}

/** Asserts an 'invalid' (#VALUE!) error whose message contains every given fragment. */
function expectInvalid(run: () => unknown, ...fragments: string[]): FunctionError {
  const error = failure(run);
  expect(error.code).toBe('invalid');
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  expect(error.message.length).toBeLessThanOrEqual(255);
  expect(error.message).not.toMatch(/^内部错误/);
  return error;
}

/** Asserts a 'notAvailable' (#N/A) error whose message contains every given fragment. */
function expectNotAvailable(run: () => unknown, ...fragments: string[]): FunctionError {
  const error = failure(run);
  expect(error.code).toBe('notAvailable');
  for (const fragment of fragments) expect(error.message).toContain(fragment);
  return error;
}

const CD: ExcelMatrix = [['chengdu2006']];
const CO: ExcelMatrix = [['county2013']];
const TC: ExcelMatrix = [['tacheng2020']];
const GI: ExcelMatrix = [['govinfo']];
const TS: ExcelMatrix = [['township2022']];

/** The last row of a BREAKDOWN (the total row). */
function totalRow(rows: Array<Array<string | number>>): Array<string | number> {
  return rows[rows.length - 1];
}

/** The BREAKDOWN row whose item cell starts with the given code. */
function rowOf(rows: Array<Array<string | number>>, code: string): Array<string | number> {
  const row = rows.find((r) => typeof r[1] === 'string' && (r[1] === code || r[1].startsWith(`${code} `)));
  if (!row) throw new Error(`no breakdown row for ${code}: ${JSON.stringify(rows.map((r) => r[1]))}`);
  return row;
}

// ---------------------------------------------------------------------------------------------
// Hand-worked data (shared by several functions below)
// ---------------------------------------------------------------------------------------------

/**
 * chengdu2006, a unit row with its header row passed separately (=SCORE(B3:N3, "chengdu2006", B$2:N$2)).
 *   8.1 absent → default 1 → base 70 (第八條(一))
 *   bonus: 9.1 4.5 (1–5 judged) · 9.2 "3" (number as text) → 3
 *          9.3 6 × 0.5 = 3 → item cap 2 (第九條(三))
 *          9.4 2×0.5 + 1×1 + 2×1.5 = 1 + 1 + 3 = 5 → group cap 4 (第九條(四))
 *          9.5.province 3 × 1.5 = 4.5 → group cap 4 (第九條(五))
 *          9.6.national 1 × 1.5 = 1.5 · 9.7 "" → nothing entered → 0
 *          Σ = 4.5 + 3 + 2 + 4 + 4 + 1.5 = 19 (≤ 30, 第八條(一))
 *   deductions: 10.1 1 × 2 = 2 · 10.5 1 × 5 = 5 · 10.7 0.5 (judged) → 7.5 (≤ bonus 19, 第十條(八))
 *   score = 70 + 19 − 7.5 = 81.5
 */
const CD_HEADERS: ExcelMatrix = [['单位', '9.1', '9.2', '9.3', '9.4.city', '9.4.province', '9.4.national', '9.5.province', '9.6.national', '9.7', '10.1', '10.5', '10.7']];
const CD_ROW: ExcelMatrix = [['锦江区', 4.5, '3', 6, 2, 1, 2, 3, 1, '', 1, 1, 0.5]];

/**
 * govinfo, a unit row with separate headers (no unit column).
 *   points: S1 TRUE → 20 · S2 10 months × 20 = 200 · S3.single 3 × 10 = 30 · S3.brief "4" × 5 = 20
 *           S4.research 1 × 100 = 100 · S6 3 units × 10 = 30 · S6.extra 5 (judged)
 *           S7 6 × 5 = 30 · S9 1 × 40 = 40 · R3 2 (reward only, 0 points)
 *           Σ = 20 + 200 + 30 + 20 + 100 + 30 + 5 + 30 + 40 = 475
 *   deductions: K2 2 months × 30 = 60 · K3 60 (judged, one incident 50–100) · K6.omit 1 × 60 = 60 → 180
 *   score = 475 − 180 = 295 (no caps, 三、考核标准)
 *   reward (四): S3.single 3×20 = 60 · S3.brief 4×10 = 40 · S4.research 1×300 = 300 · S7 6×10 = 60
 *                S9 1×300 = 300 · R3 2×100 = 200 → 60 + 40 + 300 + 60 + 300 + 200 = 960 元
 *   threshold (五(四)): deductions 180 ≥ 100 → 不得参评先进单位和先进个人; 180 < 200 → no 通报批评
 *   check: S2 + K2 = 10 + 2 = 12 months, not over 12
 */
const GI_HEADERS: ExcelMatrix = [['S1', 'S2', 'S3.single', 'S3.brief', 'S4.research', 'S6', 'S6.extra', 'S7', 'S9', 'R3', 'K2', 'K3', 'K6.omit']];
const GI_ROW: ExcelMatrix = [[true, 10, 3, '4', 1, 3, 5, 6, 1, 2, 2, 60, 1]];

/**
 * township2022, a header row and one unit row in one range.
 *   deduct items at their full 分值 (评分表): 1.2 2 + 1.3 2 + 1.4 2 + 2.1 2 + 2.2 2 + 3.2 2 + 3.3 4 +
 *     3.4 1 + 3.5 3 + 3.6 5 + 3.7 1 + 3.8 4 + 3.10 2 + 3.11 5 + 3.12 1 + 3.13 1 + 3.14 5 + 3.15 5 +
 *     4.1 1 + 4.2 3 + 4.3 2 + 4.4 3 + 4.5 5 + 5.2 3 + 5.5 2 + 5.8 4 + 5.9 2 = 74
 *   1.2: 2 × 0.5 = 1 off → −1
 *   1.4: missing 1 × 0.5 + unexecuted 1 × 0.5 = 1 off → −1
 *   3.3: late 2 × 0.3 = 0.6 + overdue 1 × 1 = 1 → 1.6 off → −1.6
 *   5.2: late 1 × 0.5 + video 1 × 2 = 2.5 off → −2.5
 *   5.9: issue 5 × 0.5 = 2.5 → at most 2; nosystem "是" → 1; 2 + 1 = 3 > 分值 2 → item 0 (直至扣完) → −2
 *   deduct items: 74 − 1 − 1 − 1.6 − 2.5 − 2 = 65.9
 *   judged: 1.1 3 + 4.6 2.5 + 5.1 1 + 5.6 3 = 9.5
 *   3.1 rank 3 → 4 − 0.2 × 2 = 3.6
 *   3.9 0.97 (a percent-formatted cell: fraction) = 97% → 3 full points below → 2 − 3 × 0.2 = 1.4
 *   5.3 "99.98%" → 0.02 points below = 2 steps of 0.01 → 2 − 2 × 0.2 = 1.6
 *   5.4 96.5 (a percent number) → 3.5 below → 3 full points → 3 − 3 × 0.3 = 2.1
 *   5.7 TRUE → 2 · 6.1 "否" → 0
 *   score = 65.9 + 9.5 + 3.6 + 1.4 + 1.6 + 2.1 + 2 + 0 = 86.1
 */
const TS_TABLE: ExcelMatrix = [
  ['单位', '1.1', '1.2', '1.4.missing', '1.4.unexecuted', '3.1', '3.3.late', '3.3.overdue', '3.9', '4.6', '5.1', '5.2.late', '5.2.video', '5.3', '5.4', '5.6', '5.7', '5.9.issue', '5.9.nosystem', '6.1'],
  ['甲镇', 3, 2, 1, 1, 3, 2, 1, 0.97, 2.5, 1, 1, 1, '99.98%', 96.5, 3, true, 5, '是', '否'],
];

/**
 * township2022 with nothing to report: judged items, rank and rates all given, no findings.
 *   74 (deduct items, no findings) + judged 3 + 3 + 1 + 3 = 10 + 3.1 rank 1 → 4 + rates at 100%
 *   (3.9 1 → 2, 5.3 "100%" → 2, 5.4 100 → 3) = 7 + flags 5.7/6.1 empty → 0 → 74 + 10 + 4 + 7 = 95
 */
const TS_CLEAN: ExcelMatrix = [
  ['1.1', '4.6', '5.1', '5.6', '3.1', '3.9', '5.3', '5.4', '5.7', '6.1'],
  [3, 3, 1, 3, 1, 1, '100%', 100, null, ''],
];

// ---------------------------------------------------------------------------------------------
// RULESETS and ruleset arguments
// ---------------------------------------------------------------------------------------------

describe('RULESETS()', () => {
  it('lists the five built-in rulesets with title, version and effective date', () => {
    const table = rulesets();
    expect(table[0]).toEqual(['编号', '名称', '版本', '生效日期']);
    expect(table.slice(1).map((row) => row[0])).toEqual(['chengdu2006', 'county2013', 'tacheng2020', 'govinfo', 'township2022']);
    expect(table[1]).toEqual(['chengdu2006', '成都市区(市)县政府政务服务中心工作考核实施细则', '2006.1', '2006-11-10']);
    // The govinfo text carries no date.
    expect(table.find((row) => row[0] === 'govinfo')?.[3]).toBe('未注明');
    expect(table.find((row) => row[0] === 'tacheng2020')?.[3]).toBe('2020-04-13');
    for (const row of table) expect(row).toHaveLength(4);
  });
});

describe('ruleset argument', () => {
  it('takes a built-in id as [["id"]], as a plain string, in any case and with spaces', () => {
    const expected = 81.5; // CD_ROW, worked out above
    expect(score(CD_ROW, [['chengdu2006']], CD_HEADERS)).toBe(expected);
    expect(score(CD_ROW, bare('chengdu2006'), CD_HEADERS)).toBe(expected);
    expect(score(CD_ROW, [['  ChengDu2006 ']], CD_HEADERS)).toBe(expected);
    expect(resolveRuleset(bare('chengdu2006'))).toBe(resolveRuleset([['chengdu2006']]));
  });

  it('gives #N/A for an unknown id, naming it and the available ids', () => {
    expectNotAvailable(() => score(CD_ROW, [['chengdu2007']], CD_HEADERS), 'chengdu2007', 'chengdu2006');
    expectNotAvailable(() => grade(90, [['nosuch']]), 'nosuch');
    expectNotAvailable(() => level([[90]], bare('nosuch'), null, null), 'nosuch');
    expectNotAvailable(() => items([['nosuch']]), 'nosuch');
    expectNotAvailable(() => check(CD_ROW, [['nosuch']], CD_HEADERS), 'nosuch');
    expectNotAvailable(() => reward(CD_ROW, [['nosuch']], CD_HEADERS), 'nosuch');
    expectNotAvailable(() => explain(CD_ROW, [['nosuch']], CD_HEADERS), 'nosuch');
    expectNotAvailable(() => breakdown(CD_ROW, [['nosuch']], CD_HEADERS), 'nosuch');
  });

  it('gives #VALUE! for an empty ruleset argument', () => {
    expectInvalid(() => score(CD_ROW, [['']], CD_HEADERS), '规则集');
    expectInvalid(() => score(CD_ROW, [[null]], CD_HEADERS), '规则集');
    expectInvalid(() => items(bare(null)), '规则集');
  });

  describe('as a table range', () => {
    const chengduTable = rulesetToTable(builtInRuleset('chengdu2006').spec) as ExcelMatrix;

    it('scores exactly as the built-in it was written from (chengdu2006 → rulesetToTable)', () => {
      expect(chengduTable[0]).toContain('类型');
      expect(chengduTable[1][chengduTable[0].indexOf('类型')]).toBe('规则集');
      expect(score(CD_ROW, chengduTable, CD_HEADERS)).toBe(81.5); // as worked out above
      expect(breakdown(CD_ROW, chengduTable, CD_HEADERS)).toEqual(breakdown(CD_ROW, CD, CD_HEADERS));
      expect(items(chengduTable)).toEqual(items(CD));
    });

    it('writes every built-in as a table that scores the same', () => {
      for (const id of BUILT_IN_IDS) {
        const table = rulesetToTable(builtInRuleset(id).spec) as ExcelMatrix;
        expect(resolveRuleset(table).id).toBe(id);
        expect(items(table)).toEqual(items([[id]]));
      }
      const townshipTable = rulesetToTable(builtInRuleset('township2022').spec) as ExcelMatrix;
      expect(score(TS_TABLE, townshipTable, null)).toBe(86.1); // as worked out above
      const govTable = rulesetToTable(builtInRuleset('govinfo').spec) as ExcelMatrix;
      expect(reward(GI_ROW, govTable, GI_HEADERS)).toBe(960); // as worked out above
    });

    it('compiles a table once: equal content gives the same compiled object', () => {
      const first = resolveRuleset(chengduTable);
      const copy = JSON.parse(JSON.stringify(chengduTable)) as ExcelMatrix; // equal content, new arrays
      expect(copy).not.toBe(chengduTable);
      expect(resolveRuleset(copy)).toBe(first);
      // Scoring through the table uses that cached ruleset; a different table is a different object.
      score(CD_ROW, copy, CD_HEADERS);
      expect(resolveRuleset(chengduTable)).toBe(first);
      const countyTable = rulesetToTable(builtInRuleset('county2013').spec) as ExcelMatrix;
      expect(resolveRuleset(countyTable)).not.toBe(first);
      expect(resolveRuleset(JSON.parse(JSON.stringify(countyTable)) as ExcelMatrix)).toBe(resolveRuleset(countyTable));
    });

    /**
     * An office's own ruleset, typed into a sheet with Chinese headers.
     *   A1 窗口正常运行 (是否, 得分) 60 · A2 群众表扬 (计数, 加分) 2 each, 上限 10 ·
     *   A3 有效投诉 (计数, 扣分) 5 each · A4 综合评价 (评分, 得分) 0–30
     */
    const OFFICE: ExcelMatrix = [
      ['类型', '编码', '名称', '种类', '性质', '分值', '上限', '版本', '生效日期', '条款', '原文'],
      ['规则集', 'office2024', '某局窗口服务考核办法', '', '', '', '', '1.0', '2024-01-01', '第一条', '本办法适用于本局各服务窗口'],
      ['条目', 'A1', '窗口正常运行', '是否', '得分', 60, '', '', '', '第二条', '窗口正常运行的得基本分60分'],
      ['条目', 'A2', '群众表扬', '计数', '加分', 2, 10, '', '', '第三条', '每次加2分，累计不超过10分'],
      ['条目', 'A3', '有效投诉', '计数', '扣分', 5, null, null, null, '第四条', '每次扣5分'],
      ['条目', 'A4', '综合评价', '评分', '得分', 30, '', '', '', '第五条', '由考核小组评定，满分30分'],
      ['', '', '', '', '', '', '', '', '', '', ''],
    ];

    it('scores a hand-written office table with Chinese headers', () => {
      const rs = resolveRuleset(OFFICE);
      expect(rs.id).toBe('office2024');
      expect(rs.spec.title).toBe('某局窗口服务考核办法');
      expect(rs.spec.version).toBe('1.0');
      expect(rs.spec.effective).toBe('2024-01-01');
      // A1 "是" → 60 · A2 7 × 2 = 14 → cap 10 · A3 1 × 5 = 5 off · A4 27.5 → 60 + 27.5 + 10 − 5 = 92.5
      const data: ExcelMatrix = [
        ['单位', '窗口正常运行', 'A2', 'A3 有效投诉', 'A4'],
        ['政务大厅', '是', 7, '1', 27.5],
      ];
      expect(score(data, OFFICE, null)).toBe(92.5);
      // The same unit as code/value pairs: A1 TRUE → 60 · A2 3 × 2 = 6 · A4 "２０" (full-width) → 20 → 86
      expect(score([['A1', true], ['A2', 3], ['A4', '２０']], OFFICE, null)).toBe(86);
      const rows = breakdown(data, OFFICE, null);
      expect(rowOf(rows, 'A2')).toEqual(['第三条', 'A2 群众表扬', '7', 10, '7×2=14，封顶10']);
      expect(rowOf(rows, 'A3')).toEqual(['第四条', 'A3 有效投诉', '1', -5, '1×5']);
      expect(totalRow(rows)).toEqual(['', '合计', '', 92.5, '']);
      expect(items(OFFICE)).toEqual([
        ['编码', '名称', '分值', '上限', '条款'],
        ['A1', '窗口正常运行', 60, '', '第二条'],
        ['A2', '群众表扬', 2, 10, '第三条'],
        ['A3', '有效投诉', -5, '', '第四条'],
        ['A4', '综合评价', '0–30', '', '第五条'],
      ]);
      // Cached like any table: equal content, same compiled object.
      expect(resolveRuleset(JSON.parse(JSON.stringify(OFFICE)) as ExcelMatrix)).toBe(rs);
    });

    it('has no grades, rewards or levels: GRADE, REWARD and LEVEL give #N/A', () => {
      expectNotAvailable(() => grade(90, OFFICE), 'office2024');
      expectNotAvailable(() => reward([['A1'], [1]], OFFICE, null), 'office2024');
      expectNotAvailable(() => level([[90], [80]], OFFICE, null, null), 'office2024');
    });

    it('reports a broken table as #VALUE!, naming the row and column', () => {
      const badKind = OFFICE.map((row) => [...row]);
      badKind[3][3] = '奇怪'; // row 4, 种类
      expectInvalid(() => score([['A1'], [1]], badKind, null), '规则表', '第4行', '种类');
      const badHeader = OFFICE.map((row) => [...row]);
      badHeader[0][6] = '封顶分'; // not a field of the format
      expectInvalid(() => items(badHeader), '封顶分');
      const noType = OFFICE.map((row) => row.slice(1));
      expectInvalid(() => items(noType), '类型');
      const badDate = OFFICE.map((row) => [...row]);
      badDate[1][8] = '2024年1月';
      expectInvalid(() => items(badDate), '生效日期');
    });
  });
});

// ---------------------------------------------------------------------------------------------
// chengdu2006
// ---------------------------------------------------------------------------------------------

describe('chengdu2006', () => {
  it('SCORE: a unit row with its header row passed separately', () => {
    expect(score(CD_ROW, CD, CD_HEADERS)).toBe(81.5); // worked out at CD_ROW
  });

  it('SCORE: a header row and one unit row in one range (codes, labels, "code label" headers)', () => {
    // 9.1 "4" → 4 · 率先推出创新性政务服务举措 (= 9.3) 3 × 0.5 = 1.5 · "9.4.city 市级刊物发表" 2 × 0.5 = 1
    // bonus 4 + 1.5 + 1 = 6.5; 10.2 1 × 2 = 2 → 70 + 6.5 − 2 = 74.5
    const data: ExcelMatrix = [
      ['单位', '9.1', '率先推出创新性政务服务举措', '9.4.city 市级刊物发表', '10.2', '备注'],
      ['青羊区', '4', 3, 2, 1, '自查'],
    ];
    expect(score(data, CD, null)).toBe(74.5);
    // Trailing empty columns and rows of a larger selected range are ignored.
    const padded = [...data.map((row) => [...row, null, '']), [null, '', null, null, '', '', null, '']];
    expect(score(padded, CD, null)).toBe(74.5);
  });

  it('SCORES: the same units in one call, a cell per row, titles and blank rows left empty', () => {
    // 青羊区 74.5 as above; 锦江区 has nothing entered but 10.2 = 0: the base 70.
    const data: ExcelMatrix = [
      ['2024年度考核计分表', null, null, null, null, null],
      ['单位', '9.1', '率先推出创新性政务服务举措', '9.4.city 市级刊物发表', '10.2', '备注'],
      ['青羊区', '4', 3, 2, 1, '自查'],
      [null, null, null, null, null, null],
      ['锦江区', null, null, null, 0, null],
    ];
    expect(scores(data, CD, null)).toEqual([[''], ['得分'], [74.5], [''], [70]]);
    // Headers apart: a cell per row of the data block.
    expect(scores(data.slice(2), CD, [data[1]])).toEqual([[74.5], [''], [70]]);
    // Only empty rows below the header (a template not filled in yet): no scores, no error; the
    // spill stops at the last filled row (the header), as for any blank tail (issue 20.9).
    expect(scores([data[1], [null, null, null, null, null, null]], CD, null)).toEqual([['得分']]);
    // A bad cell anywhere: the whole result is #VALUE! naming the unit, the item and the value.
    const bad = data.map((row) => [...row]);
    bad[4][4] = '两次';
    expectInvalid(() => scores(bad, CD, null), '锦江区', '10.2', '两次');
    // The header is checked even before any data is entered; no cells at all is no data.
    expectInvalid(() => scores([['单位', '考勤'], [null, null]], CD, null), '考勤');
    expectInvalid(() => scores([[null, null], ['', null]], CD, null), '没有数据');
  });

  it('SCORES over whole columns (A:F, 1,048,576 rows): scores the filled rows and spills no further than the last of them', () => {
    // Same units as above (青羊区 74.5, 锦江区 70), then the blank rest of the columns, as Excel passes A:F.
    const filled: ExcelMatrix = [
      ['单位', '9.1', '率先推出创新性政务服务举措', '9.4.city 市级刊物发表', '10.2', '备注'],
      ['青羊区', '4', 3, 2, 1, '自查'],
      [null, null, null, null, null, null],
      ['锦江区', null, null, null, 0, null],
    ];
    const blankRow = [null, null, null, null, null, null];
    const column: ExcelMatrix = [...filled, ...new Array<(typeof blankRow)>(1_048_576 - filled.length).fill(blankRow)];
    expect(scores(column, CD, null)).toEqual([['得分'], [74.5], [''], [70]]);
    // Headers apart (A2:F1048576 with A1:F1): a cell per data row up to the last filled one.
    expect(scores(column.slice(1), CD, [filled[0]])).toEqual([[74.5], [''], [70]]);
  });

  it('SCORES ranks volumes across the sheet (township2022 3.1: 第一名4分，每降一名减0.2分)', () => {
    // Nothing else entered: the deduct items keep their 74 points. Volumes 500 > 300 > 100 → ranks 1, 2, 3
    // → 3.1 = 4, 3.8, 3.6 → 78, 77.8, 77.6. SCORE on one row alone has no other units to rank against: 3.1 = 0.
    const TS: ExcelMatrix = [['township2022']];
    const data: ExcelMatrix = [['单位', '3.1.volume'], ['甲镇', 500], ['乙镇', 300], ['丙镇', 100]];
    expect(scores(data, TS, null)).toEqual([['得分'], [78], [77.8], [77.6]]);
    expect(score([data[0], data[1]], TS, null)).toBe(74);
  });

  it('SCORE: code/value pairs, with or without a 编码/值 header, full-width digits', () => {
    // 9.1 4 · 9.3 "３" → 3 × 0.5 = 1.5 · 10.2 1 × 2 = 2 → 70 + 4 + 1.5 − 2 = 73.5
    expect(score([['9.1', 4], ['9.3', '３'], ['10.2', 1]], CD, null)).toBe(73.5);
    expect(score([['编码', '值'], ['9.1', 4], ['9.3', '３'], ['10.2', 1], ['', '']], CD, null)).toBe(73.5);
    // 单位 row in pairs names the unit (shown by EXPLAIN).
    expect(explain([['单位', '武侯区'], ['9.1', 4]], CD, null)).toMatch(/^武侯区：得分 74 = 70 \+ 加分 4/);
  });

  it('SCORE: a ledger (台账), one row per event, quantity defaulting to 1', () => {
    // 9.1 4.5 (a judged row carries its points) · 9.3 2 + 1 (empty quantity) = 3 → 1.5
    // bonus 6; 10.2 1 × 2 = 2 → 70 + 6 − 2 = 74
    const ledger: ExcelMatrix = [
      ['条目', '数量', '事项'],
      ['9.1', 4.5, ''],
      ['9.3', 2, '一窗通办'],
      ['9.3', null, '容缺受理'],
      ['10.2', '1', '某件超时'],
    ];
    expect(score(ledger, CD, null)).toBe(74);
  });

  it('SCORE: 8.1 = 0 (no centre running) removes the base; flags accept FALSE, 0, 否, ×', () => {
    // base 0; 9.1 3; 10.2 1 × 2 = 2 (≤ bonus 3) → 0 + 3 − 2 = 1
    for (const off of [false, 0, '否', '×', 'FALSE', '0']) {
      expect(score([['8.1', '9.1', '10.2'], [off, 3, 1]], CD, null)).toBe(1);
    }
    // 8.1 on: TRUE, 1, 是, √ → 70 + 3 − 2 = 71
    for (const on of [true, 1, '是', '√', 'true', '1']) {
      expect(score([['8.1', '9.1', '10.2'], [on, 3, 1]], CD, null)).toBe(71);
    }
  });

  it('SCORE: deductions never exceed the applied bonus (第十條(八)), so a running centre keeps 70', () => {
    // bonus 9.3 2 × 0.5 = 1; deductions 10.5 2 × 5 = 10 → limited to 1 → 70 + 1 − 1 = 70
    expect(score([['9.3', '10.5'], [2, 2]], CD, null)).toBe(70);
    // no bonus at all: deductions 10.6 3 × 3 = 9 → limited to 0 → 70
    expect(score([['10.6'], [3]], CD, null)).toBe(70);
  });

  it('SCORE: every bonus at its cap adds up to exactly the overall 30 (第八條(一))', () => {
    // 9.1 5 + 9.2 5 + 9.3 min(10×0.5, 2) = 2 + 9.4 min(4×1.5, 4) = 4 + 9.5 min(5×1, 4) = 4
    // + 9.6 min(3×1.5, 4) = 4 + 9.7 2 + 9.8 2 + 9.9 min(9×0.5, 2) = 2 → 30 → 70 + 30 = 100
    const data: ExcelMatrix = [
      ['9.1', '9.2', '9.3', '9.4.national', '9.5.city', '9.6.national', '9.7', '9.8', '9.9'],
      [5, 5, 10, 4, 5, 3, 4, 4, 9],
    ];
    expect(score(data, CD, null)).toBe(100);
  });

  it('SCORE: a judged value above its bound counts at the bound and CHECK says so', () => {
    // 9.1 7 → bound 5 → 70 + 5 = 75
    expect(score([['9.1'], [7]], CD, null)).toBe(75);
    const findings = check([['9.1'], [7]], CD, null);
    expect(findings[0]).toEqual(['编码', '问题', '条款']);
    expect(findings[1][0]).toBe('9.1');
    expect(findings[1][1]).toContain('7');
    expect(findings[1][2]).toMatch(/^第九条\(一\)：/);
  });

  it('BREAKDOWN: clause, item, input, points, note; caps as their own rows; a total row', () => {
    const rows = breakdown(CD_ROW, CD, CD_HEADERS);
    expect(rows[0]).toEqual(['条款', '条目', '输入', '得分', '说明']);
    expect(rowOf(rows, '8.1')).toEqual(['第八条(一)', '8.1 设立政务服务中心机构并正常运行', '', 70, '是']);
    expect(rowOf(rows, '9.3')).toEqual(['第九条(三)', '9.3 率先推出创新性政务服务举措', '6', 2, '6×0.5=3，封顶2']);
    expect(rowOf(rows, '9.2')[3]).toBe(3);
    expect(rowOf(rows, '10.5')).toEqual(['第十条(五)', '10.5 受到当地和上级党委、政府通报批评', '1', -5, '1×5']);
    expect(rowOf(rows, '10.7')[3]).toBe(-0.5);
    // The 9.4 group cap: 5 → 4, shown as −1 under 第九條(四); 9.5: 4.5 → 4, −0.5.
    const caps = rows.filter((row) => row[4] === '封顶4');
    expect(caps.map((row) => [row[0], row[3]])).toEqual([
      ['第九条(四)', -1],
      ['第九条(五)', -0.5],
    ]);
    expect(totalRow(rows)).toEqual(['', '合计', '', 81.5, '']);
    // Points down the column add up to the total: 70 + 4.5 + 3 + 2 + (1 + 1 + 3) + 4.5 + 1.5 − 2 − 5 − 0.5 − 1 − 0.5 = 81.5
    const sum = rows.slice(1, -1).reduce((acc, row) => acc + (row[3] as number), 0);
    expect(sum).toBe(81.5);
    for (const row of rows) expect(row).toHaveLength(5);
  });

  it('EXPLAIN: the sum, the capped items and the clauses', () => {
    const text = explain(CD_ROW, CD, CD_HEADERS);
    expect(text.startsWith('锦江区：得分 81.5 = 70 + 加分 19 − 扣分 7.5')).toBe(true);
    expect(text).toContain('第九条(四)');
    expect(text).toContain('第九条(三)');
    expect(text.endsWith('。')).toBe(true);
    // Deductions cut to the applied bonus cite 第十條(八).
    const limited = explain([['9.3', '10.5'], [2, 2]], CD, null);
    expect(limited).toContain('得分 70 = 70 + 加分 1 − 扣分 1（原 10）');
    expect(limited).toContain('第十条(八)');
  });

  it('CHECK: 通过 for a clean unit; GRADE and REWARD are not defined (#N/A)', () => {
    expect(check([['9.1', '9.3'], [3, 2]], CD, null)).toEqual([['通过']]);
    expectNotAvailable(() => grade(85, CD), 'chengdu2006');
    expectNotAvailable(() => reward(CD_ROW, CD, CD_HEADERS), 'chengdu2006');
  });

  it('LEVEL: 优秀 for at most floor(30%) of each tier, tier from the tier cell or the unit name', () => {
    // 第一圈: 锦江区 88 alone, but 第四條 lists 6 units for 第一圈 → floor(0.3 × 6) = 1 → 优秀.
    // 第二圈: "第二圈" 92, 2 91, 雙流縣 85, 郫都区 86, 龙泉驿区 87 → 5 of its 6 → floor(1.8) = 1 → 92 优秀.
    // Empty score → no level.
    const scores: ExcelMatrix = [[88], [92], ['91'], [85], [86], [87], ['']];
    const tiers: ExcelMatrix = [['锦江区'], ['第二圈'], [2], ['雙流縣'], ['郫都区'], ['龙泉驿区'], ['青白江区']];
    expect(level(scores, CD, tiers, null)).toEqual([['优秀'], ['优秀'], [''], [''], [''], [''], ['']]);
  });

  it('LEVEL: a tie straddling the quota line makes the tied units 待定', () => {
    // 第一圈, 4 units: floor(0.3 × 4) = 1; 90 and 90 tie across the line → both 待定; 80, 70 none.
    const scores: ExcelMatrix = [[90], [80], [90], [70]];
    const tiers: ExcelMatrix = [['锦江区'], ['青羊区'], ['金牛区'], ['武侯区']];
    expect(level(scores, CD, tiers, null)).toEqual([['待定'], [''], ['待定'], ['']]);
    // Without the tie: 10 units in 第三圈, but 第四條 lists 8 → the base stays 8 (units it does not
    // list never raise the ceiling, issue 19.1, as scoreBatch) → floor(2.4) = 2 → the two best.
    const ten: ExcelMatrix = [[81], [82], [83], [84], [85], [86], [87], [88], [89], [90]];
    const third: ExcelMatrix = ten.map(() => ['第三圈']);
    expect(level(ten, CD, third, null)).toEqual([[''], [''], [''], [''], [''], [''], [''], [''], ['优秀'], ['优秀']]);
  });

  it('CHECK on several units of one tier reports the tie on the quota line', () => {
    // 锦江区 70 + 3 = 73 · 青羊区 73 · 金牛区 72 · 武侯区 71, 4 of 第一圈's 6 → quota floor(0.3 × 6) = 1;
    // 73 and 73 straddle the line → both 待定, the check names them under 第十一條(一) (floor(1.2)
    // and floor(1.8) are both 1, so the quota base needs no note)
    const data: ExcelMatrix = [['单位', '9.1'], ['锦江区', 3], ['青羊区', 3], ['金牛区', 2], ['武侯区', 1]];
    const rows = check(data, CD, null);
    expect(rows.slice(1).map((row) => row[0])).toEqual(['同分待定', '同分待定']);
    expect(rows[1][1]).toMatch(/^锦江区：.*锦江区、青羊区.*73.*待定/);
    expect(rows[2][1]).toMatch(/^青羊区：/);
    expect(rows[1][2]).toMatch(/^第十一条\(一\)：/);
  });

  it('LEVEL: tiers are required and must be known', () => {
    expectInvalid(() => level([[90], [80]], CD, null, null), '圈层');
    expectInvalid(() => level([[90], [80]], CD, [['锦江区'], ['第四圈']], null), '第四圈');
    expectInvalid(() => level([[90], [80]], CD, [['锦江区']], null), '1', '2');
    expectInvalid(() => level([[90], ['很好']], CD, [['锦江区'], ['青羊区']], null), '很好');
    // No score cells at all (a host passing an empty array): an error, not a 1×1 result.
    expectInvalid(() => level([], CD, null, null), '没有得分');
  });

  it('ITEMS: code, label, points, cap, clause for every input column', () => {
    const table = items(CD);
    expect(table[0]).toEqual(['编码', '名称', '分值', '上限', '条款']);
    const byCode = new Map(table.slice(1).map((row) => [row[0], row]));
    expect(byCode.get('8.1')).toEqual(['8.1', '设立政务服务中心机构并正常运行', 70, '', '第八条(一)']);
    expect(byCode.get('9.1')?.slice(2)).toEqual(['0–5', '', '第九条(一)']);
    expect(byCode.get('9.3')?.slice(2)).toEqual([0.5, 2, '第九条(三)']);
    expect(byCode.get('9.4.national')?.slice(2)).toEqual([1.5, '9.4合计4', '第九条(四)']);
    expect(byCode.get('10.5')?.slice(2)).toEqual([-5, '', '第十条(五)']);
    expect(byCode.get('10.7')?.slice(2)).toEqual(['≥0', '', '第十条(七)']);
    // 1 base + 9.1, 9.2, 9.3 + 3 × 3 grouped + 9.7, 9.8, 9.9 + 10.1 … 10.7 = 1 + 3 + 9 + 3 + 7 = 23 items
    expect(table).toHaveLength(24);
  });
});

// ---------------------------------------------------------------------------------------------
// county2013
// ---------------------------------------------------------------------------------------------

describe('county2013', () => {
  it('SCORE: tasks default to their full 分值; bonus items as counts', () => {
    // tasks: T1 18 · T2 "" → full 15 · T3 14.5 · T4…T8 absent → 5 × 10 = 50 → 97.5
    // bonus: B1 2 × 1 = 2 · B2.city 1 × 2 = 2 · B3.citymain 1 × 2 = 2 · B4.national 0 → 6 (≤ 10)
    // score = 97.5 + 6 = 103.5
    const data: ExcelMatrix = [
      ['单位', 'T1', 'T2', 'T3', 'B1', 'B2.city', 'B3.citymain', 'B4.national', 'D1.city'],
      ['甲县', 18, '', 14.5, 2, 1, 1, 0, null],
    ];
    expect(score(data, CO, null)).toBe(103.5);
  });

  it('SCORE: bonus and deductions each capped at 10; D4 is −10 once in all', () => {
    // bonus: B2.province 5 + B4.national 5 + B3.province 3 = 13 → 10
    // deductions: D4.1 1 + D4.3 2 → once 10 · D1.city 1 × 2 = 2 → 12 → 10
    // tasks all absent → 20 + 15 + 15 + 10 × 5 = 100 → 100 + 10 − 10 = 100
    const headers: ExcelMatrix = [['B2.province', 'B4.national', 'B3.province', 'D4.1', 'D4.3', 'D1.city']];
    const row: ExcelMatrix = [[1, 1, 1, 1, 2, 1]];
    expect(score(row, CO, headers)).toBe(100);
    const rows = breakdown(row, CO, headers);
    expect(totalRow(rows)).toEqual(['', '合计', '', 100, '']);
    // D4 once: raw 3 × 10 = 30 → 10, an adjustment of +20 on the deduction side.
    expect(rows.find((r) => r[4] === '一次性')?.[3]).toBe(20);
    const text = explain(row, CO, headers);
    expect(text).toContain('得分 100 = 100 + 加分 10（原 13） − 扣分 10（原 12）');
  });

  it('SCORE: a ledger counts one matter once at its highest level (同一事项就高不就低)', () => {
    // B2 "评为先进窗口": county (1) and city (2) → once, 2 · B2 "标准化示范": province → 5 · bonus 7
    // D3 "某报道": city (2) and province (5) → once, 5
    // T1 17 (judged row); T2…T8 full: 15 + 15 + 50 = 80 → tasks 97
    // score = 97 + 7 − 5 = 99
    const ledger: ExcelMatrix = [
      ['单位', '条目', '数量', '事项'],
      ['乙区', 'B2.county', null, '评为先进窗口'],
      ['乙区', 'B2.city', '', '评为先进窗口'],
      ['乙区', 'B2.province', 1, '标准化示范'],
      ['乙区', 'D3.city', 1, '某报道'],
      ['乙区', 'D3.province', 1, '某报道'],
      ['乙区', 'T1', 17, ''],
    ];
    expect(score(ledger, CO, null)).toBe(99);
    expect(explain(ledger, CO, null)).toContain('评为先进窗口');
  });

  it('CHECK and ITEMS; GRADE, REWARD and LEVEL are not defined (#N/A)', () => {
    expect(check([['T1', 'B1'], [20, 1]], CO, null)).toEqual([['通过']]);
    const findings = check([['T1'], [25]], CO, null);
    expect(findings[1][0]).toBe('T1');
    expect(findings[1][2]).toMatch(/^目标任务分解表：/);
    expect(score([['T1'], [25]], CO, null)).toBe(100); // 25 → bound 20; + 80 for T2…T8
    const table = items(CO);
    expect(table.find((row) => row[0] === 'T1')?.slice(2)).toEqual(['0–20', '', '目标任务分解表']);
    expect(table.find((row) => row[0] === 'D4.1')?.slice(2)).toEqual([-10, '', '二、扣分办法 4(1)']);
    expect(table.find((row) => row[0] === 'B2.province')?.slice(2)).toEqual([5, '', '一、加分办法 2']);
    expectNotAvailable(() => grade(100, CO), 'county2013');
    expectNotAvailable(() => reward([['B1'], [1]], CO, null), 'county2013');
    expectNotAvailable(() => level([[100], [90]], CO, null, null), 'county2013');
  });
});

// ---------------------------------------------------------------------------------------------
// tacheng2020
// ---------------------------------------------------------------------------------------------

describe('tacheng2020', () => {
  it('SCORE: every value column is an item of points; a total column beside them is a claim, not an item; a 扣分 column subtracts', () => {
    // 48 + 43.5 = 91.5
    expect(score([['单位', '政务公开', '放管服'], ['塔城市', 48, 43.5]], TC, null)).toBe(91.5);
    // 50 + 30 = 80; the 得分 column (the clerk's own total) is not an item
    expect(score([['单位', '甲项', '乙项', '得分'], ['额敏县', 50, '30', 80]], TC, null)).toBe(80);
    // A deduction column is written positive and subtracts: 60 + 38 − 3 = 95
    expect(score([[60]], TC, [['甲项']])).toBe(60);
    expect(score([[60, 38, 3]], TC, [['政务公开', '放管服', '日常考核扣减']])).toBe(95);
    // A negative number there is a finding and counts 0 (never flipped): 60 + 38 = 98
    expect(score([[60, 38, -3]], TC, [['政务公开', '放管服', '日常考核扣减']])).toBe(98);
    // A lone 总分 column is the score itself (issue 10)
    expect(score([['单位', '总分'], ['塔城市', 87.5]], TC, null)).toBe(87.5);
  });

  it('SCORE: a total outside 0–100 (百分制) is #VALUE! naming the total', () => {
    // 60 + 50 = 110
    expectInvalid(() => score([['甲项', '乙项'], [60, 50]], TC, null), '110', '总分');
    // 10 − 20 = −10
    expectInvalid(() => score([['甲项', '乙项'], [10, -20]], TC, null), '-10');
  });

  it('GRADE: 优秀 ≥ 90, 良好 80–<90, 合格 60–<80, 不合格 < 60 (四(三))', () => {
    expect(grade(91.5, TC)).toBe('优秀');
    expect(grade(90, TC)).toBe('优秀');
    expect(grade(89.99, TC)).toBe('良好');
    expect(grade(80, TC)).toBe('良好');
    expect(grade(79.5, TC)).toBe('合格');
    expect(grade(60, TC)).toBe('合格');
    expect(grade(59.999999, TC)).toBe('不合格');
    expect(grade(0, TC)).toBe('不合格');
    // A score stored as text, full-width or with spaces
    expect(grade(bare('85') as unknown as number, TC)).toBe('良好');
    expect(grade(bare(' ９０ ') as unknown as number, bare('tacheng2020'))).toBe('优秀');
  });

  it('GRADE: a value that is not a score is #VALUE! naming it', () => {
    expectInvalid(() => grade(bare('abc') as unknown as number, TC), 'abc');
    expectInvalid(() => grade(bare('#N/A') as unknown as number, TC), '#N/A');
    expectInvalid(() => grade(bare(true) as unknown as number, TC), 'true');
    expectInvalid(() => grade(bare(null) as unknown as number, TC), '（空）');
    expectInvalid(() => grade(bare('') as unknown as number, TC), '（空）');
    expectInvalid(() => grade(Number.NaN, TC), '得分');
    expectInvalid(() => grade(Number.POSITIVE_INFINITY, TC), '得分');
  });

  it('BREAKDOWN shows the grade in the total row; EXPLAIN names it; CHECK 通过', () => {
    const data: ExcelMatrix = [['单位', '政务公开', '放管服'], ['塔城市', 48, 43.5]];
    const rows = breakdown(data, TC, null);
    expect(rowOf(rows, '政务公开')).toEqual(['二、考核内容', '政务公开', '48', 48, '']);
    expect(totalRow(rows)).toEqual(['', '合计', '', 91.5, '等次：优秀']);
    expect(explain(data, TC, null)).toContain('等次：优秀');
    expect(check(data, TC, null)).toEqual([['通过']]);
  });

  it('ITEMS explains that the items come from the office; REWARD and LEVEL are not defined', () => {
    expect(items(TC)).toEqual([
      ['编码', '名称', '分值', '上限', '条款'],
      ['', '各列为项目得分（条目由本单位规则表给出）', '', '', '二、考核内容'],
    ]);
    expectNotAvailable(() => reward([['甲项'], [50]], TC, null), 'tacheng2020');
    expectNotAvailable(() => level([[90], [80]], TC, null, null), 'tacheng2020');
  });
});

// ---------------------------------------------------------------------------------------------
// govinfo
// ---------------------------------------------------------------------------------------------

describe('govinfo', () => {
  it('SCORE and REWARD: points and yuan are separate measures', () => {
    expect(score(GI_ROW, GI, GI_HEADERS)).toBe(295); // worked out at GI_ROW
    expect(reward(GI_ROW, GI, GI_HEADERS)).toBe(960); // worked out at GI_ROW
  });

  it('BREAKDOWN total row carries the 五(四) threshold; CHECK lists it', () => {
    const rows = breakdown(GI_ROW, GI, GI_HEADERS);
    expect(totalRow(rows)).toEqual(['', '合计', '', 295, '不得参评先进单位和先进个人']);
    expect(rowOf(rows, 'S2')).toEqual(['三(一)2', 'S2 完成当月信息报送和采用目标任务（月数）', '10', 200, '10×20']);
    expect(rowOf(rows, 'K3')[3]).toBe(-60);
    expect(rowOf(rows, 'R3')[3]).toBe(0);
    const findings = check(GI_ROW, GI, GI_HEADERS);
    expect(findings).toHaveLength(2);
    expect(findings[1][0]).toBe('阈值');
    expect(findings[1][1]).toBe('不得参评先进单位和先进个人');
    expect(findings[1][2]).toMatch(/^五\(四\)：/);
  });

  it('SCORE can be negative; both thresholds at ≥ 200', () => {
    // S1 FALSE → 0; K8 2 × 100 = 200 → 0 − 200 = −200; deductions 200 ≥ 100 and ≥ 200
    const data: ExcelMatrix = [['S1', 'K8'], [false, 2]];
    expect(score(data, GI, null)).toBe(-200);
    expect(reward(data, GI, null)).toBe(0);
    expect(totalRow(breakdown(data, GI, null))).toEqual(['', '合计', '', -200, '不得参评先进单位和先进个人；予以通报批评']);
    const text = explain(data, GI, null);
    expect(text).toContain('予以通报批评');
    expect(text).toContain('五(四)');
  });

  it('CHECK: S2 + K2 over 12 months, and K3 below one incident (50–100)', () => {
    // S2 10 + K2 3 = 13 > 12; K3 30 < 50
    // score: 10 × 20 − 3 × 30 − 30 = 200 − 90 − 30 = 80
    const data: ExcelMatrix = [['S2', 'K2', 'K3'], [10, 3, 30]];
    expect(score(data, GI, null)).toBe(80);
    const codes = check(data, GI, null).slice(1).map((row) => row[0]);
    expect(codes).toContain('S2+K2');
    expect(codes).toContain('K3');
    expect(check([['S2', 'K2', 'K3'], [10, 2, 100]], GI, null)).toEqual([
      ['编码', '问题', '条款'],
      ['阈值', '不得参评先进单位和先进个人', expect.stringMatching(/^五\(四\)：/)],
    ]);
    expect(check([['S1', 'S2'], ['√', 12]], GI, null)).toEqual([['通过']]);
  });

  it('SCORE, REWARD, CHECK on a ledger with a unit column; one incident of K3 above 100 is flagged', () => {
    // S3.single 2 + 1 = 3 → 30 points, 3 × 20 = 60 元; S8 1 → 20 points, 100 元
    // K3 one incident of 120 → −120 → 30 + 20 − 120 = −70; deductions 120 ≥ 100 → threshold
    const ledger: ExcelMatrix = [
      ['单位', '条目', '数量', '事项'],
      ['区发改委', 'S3.single', 2, ''],
      ['区发改委', '被《政务》采用单条信息', 1, ''],
      ['区发改委', 'S8', '', ''],
      ['区发改委', 'K3', 120, '某失实信息'],
    ];
    expect(score(ledger, GI, null)).toBe(-70);
    expect(reward(ledger, GI, null)).toBe(160);
    const codes = check(ledger, GI, null).slice(1).map((row) => row[0]);
    expect(codes).toEqual(expect.arrayContaining(['阈值', 'K3']));
  });

  it('ITEMS shows deductions negative and reward-only items with 0 points', () => {
    const table = items(GI);
    expect(table.find((row) => row[0] === 'S5.research')?.slice(2)).toEqual([300, '', '三(一)5, 四(五)']);
    expect(table.find((row) => row[0] === 'K4.omit')?.slice(2)).toEqual([-200, '', '三(二)4']);
    expect(table.find((row) => row[0] === 'K3')?.slice(2)).toEqual(['≥0', '', '三(二)3']);
    expect(table.find((row) => row[0] === 'R3')?.[2]).toBe(0);
    expectNotAvailable(() => grade(100, GI), 'govinfo');
  });
});

// ---------------------------------------------------------------------------------------------
// township2022
// ---------------------------------------------------------------------------------------------

describe('township2022', () => {
  it('SCORE: deduct items, sub-counters, judged items, rank, rates and flags', () => {
    expect(score(TS_TABLE, TS, null)).toBe(86.1); // worked out at TS_TABLE
  });

  it('SCORE: exact decimals — 4 − 0.2 × 3 is 3.4', () => {
    // 3.1 rank 4 → 4 − 0.2 × 3 = 3.4; everything else as TS_CLEAN (95 with rank 1 → 4) → 95 − 4 + 3.4 = 94.4
    const data = TS_CLEAN.map((row) => [...row]);
    data[1][4] = 4;
    expect(score(data, TS, null)).toBe(94.4);
    // 3.12 3 × 0.1 = 0.3 off, 3.13 7 × 0.1 = 0.7 off → 94.4 − 0.3 − 0.7 = 93.4
    expect(score([[...data[0], '3.12', '3.13'], [...data[1], 3, 7]], TS, null)).toBe(93.4);
    // 3.1 rank 25 → 4 − 0.2 × 24 < 0.2 → 0.2 (20名以后均得0.2分) → 95 − 4 + 0.2 = 91.2
    data[1][4] = 25;
    expect(score(data, TS, null)).toBe(91.2);
  });

  it('SCORE: an item never goes below 0 (直至扣完本项得分)', () => {
    // 3.11 15 × 0.5 = 7.5 > 5 → 0; 5.5 review 3 × 1 = 3 > 2 → 0 → TS_CLEAN 95 − 5 − 2 = 88
    expect(score([[...TS_CLEAN[0], '3.11', '5.5.review'], [...TS_CLEAN[1], 15, 3]], TS, null)).toBe(88);
  });

  it('CHECK: 通过 for a complete unit; unscored items are listed otherwise', () => {
    expect(score(TS_CLEAN, TS, null)).toBe(95); // worked out at TS_CLEAN
    expect(check(TS_CLEAN, TS, null)).toEqual([['通过']]);
    // Only 1.2 given: 74 − 0.5 = 73.5; judged, rank and rates empty → 0 and listed
    expect(score([['1.2'], [1]], TS, null)).toBe(73.5);
    const codes = check([['1.2'], [1]], TS, null).slice(1).map((row) => row[0]);
    expect(codes).toEqual(expect.arrayContaining(['1.1', '4.6', '5.1', '5.6', '3.1', '3.9', '5.3', '5.4']));
  });

  it('CHECK on several units ranks 3.1 by volume and names each unit', () => {
    // 3.1.volume 500 vs 300 → ranks 1 and 2 (not used by the check, but read without error)
    const data: ExcelMatrix = [
      ['单位', '1.1', '4.6', '5.1', '5.6', '3.1.volume', '3.9', '5.3', '5.4'],
      ['甲镇', 3, 3, 1, 3, 500, 1, 1, 1],
      ['乙镇', 3, 3, 1, '', 300, 1, 1, 1],
    ];
    const rows = check(data, TS, null);
    expect(rows[0]).toEqual(['编码', '问题', '条款']);
    expect(rows.slice(1)).toEqual([['5.6', expect.stringMatching(/^乙镇：5\.6/), expect.stringMatching(/^附件评分表 5\.6：/)]]);
    // SCORE takes one unit only.
    expectInvalid(() => score(data, TS, null), '2', '个单位');
  });

  it('BREAKDOWN rows for sub-counters, rank and rates; total row', () => {
    const rows = breakdown(TS_TABLE, TS, null);
    expect(rowOf(rows, '3.3')[3]).toBe(2.4); // 4 − 0.6 − 1
    expect(rowOf(rows, '5.9')[3]).toBe(0); // 2 − min(2.5, 2) − 1 → 0
    expect(rowOf(rows, '3.1')[3]).toBe(3.6);
    expect(rowOf(rows, '3.9')[3]).toBe(1.4);
    expect(rowOf(rows, '5.3')[3]).toBe(1.6);
    expect(rowOf(rows, '5.4')[3]).toBe(2.1);
    expect(rowOf(rows, '5.2')[3]).toBe(0.5);
    expect(totalRow(rows)).toEqual(['', '合计', '', 86.1, '']);
  });

  it('LEVEL: ranks 1–2 一等, 3–6 二等, 7–11 三等; criticized drops one level, 三等 to none', () => {
    // sorted: 95 r1 · 94 r2 · 93 r3 · 92 r4 · 91 r5 · 90 r6 · 89 r7 · 88 r8 · 87 r9 · 86 r10 · 85 r11 · 84 r12
    // 94 criticized (TRUE): 一等 → 二等 · 88 criticized (是): 三等 → none · 84 criticized (1): none anyway
    const scores: ExcelMatrix = [[90], [95], [84], [94], [88], [93], [86], [92], [91], [89], [85], [87]];
    const criticized: ExcelMatrix = [[''], [null], [1], [true], ['是'], [false], [''], ['否'], [0], [''], [''], ['']];
    expect(level(scores, TS, null, criticized)).toEqual([
      ['二等'], ['一等'], [''], ['二等'], [''], ['二等'], ['三等'], ['二等'], ['二等'], ['三等'], ['三等'], ['三等'],
    ]);
    // Without the flags: 94 一等, 88 三等.
    expect(level(scores, TS, null, null)[3]).toEqual(['一等']);
    expect(level(scores, TS, null, null)[4]).toEqual(['三等']);
  });

  it('LEVEL: equal totals share the better rank (RANK.EQ); scores as text', () => {
    // 95 r1 · 94 r2 · 94 r2 · 93 r4 → 一等, 一等, 一等, 二等
    expect(level([['95'], [94], ['９４'], [93]], TS, null, null)).toEqual([['一等'], ['一等'], ['一等'], ['二等']]);
    // An empty score cell is skipped (no level) and does not take a rank.
    expect(level([[80], [''], [70], [null], [60]], TS, null, null)).toEqual([['一等'], [''], ['一等'], [''], ['二等']]);
  });

  it('LEVEL: bad scores and mismatched ranges are #VALUE!', () => {
    expectInvalid(() => level([[90], ['#N/A']], TS, null, null), '#N/A', '2');
    expectInvalid(() => level([[90], [true]], TS, null, null), 'true');
    expectInvalid(() => level([[90], [80]], TS, null, [[true]]), '1', '2');
  });

  it('ITEMS: deduct items with their step, sub-counters negative, the volume column', () => {
    const table = items(TS);
    const byCode = new Map(table.slice(1).map((row) => [row[0], row]));
    expect(byCode.get('1.2')?.slice(2)).toEqual(['2（每项−0.5）', '', '附件评分表 1.2']);
    expect(byCode.has('1.4')).toBe(false); // taken from its sub-counters
    expect(byCode.get('1.4.missing')?.slice(2)).toEqual([-0.5, '', '附件评分表 1.4']);
    expect(byCode.get('5.9.issue')?.slice(2)).toEqual([-0.5, 2, '附件评分表 5.9']);
    expect(byCode.get('3.1')?.slice(2)).toEqual([4, '', '附件评分表 3.1']);
    expect(byCode.get('3.1.volume')).toEqual(['3.1.volume', '办件量', '（用于计算名次）', '', '附件评分表 3.1']);
    expect(byCode.get('5.3')?.slice(2)).toEqual([2, '', '附件评分表 5.3']);
    expect(byCode.get('1.1')?.slice(2)).toEqual(['0–3', '', '附件评分表 1.1']);
    expectNotAvailable(() => grade(90, TS), 'township2022');
    expectNotAvailable(() => reward(TS_CLEAN, TS, null), 'township2022');
  });
});

// ---------------------------------------------------------------------------------------------
// Input errors: #VALUE! naming the item and the value
// ---------------------------------------------------------------------------------------------

describe('input errors', () => {
  const cases: Array<{ what: string; ruleset: ExcelMatrix; header: string; value: ExcelValue; shown: string }> = [
    { what: 'a negative count', ruleset: CD, header: '9.3', value: -1, shown: '-1' },
    { what: 'a fraction where a count belongs', ruleset: CD, header: '9.3', value: 1.5, shown: '1.5' },
    { what: 'an Excel error value as text', ruleset: CD, header: '9.3', value: '#N/A', shown: '#N/A' },
    { what: 'another Excel error', ruleset: CD, header: '10.2', value: '#DIV/0!', shown: '#DIV/0!' },
    { what: 'other text in a count', ruleset: CD, header: '9.3', value: '三次', shown: '三次' },
    { what: 'a boolean in a count', ruleset: CD, header: '9.3', value: true, shown: 'true' },
    { what: 'a flag that is not yes/no', ruleset: CD, header: '8.1', value: 'maybe', shown: 'maybe' },
    { what: 'a flag of 2', ruleset: CD, header: '8.1', value: 2, shown: '2' },
    { what: 'negative judged points', ruleset: CD, header: '9.1', value: -2, shown: '-2' },
    { what: 'judged points with 7 decimals', ruleset: CD, header: '9.1', value: 1.2345678, shown: '1.2345678' },
    { what: 'text in a judged item', ruleset: CO, header: 'T1', value: '满分', shown: '满分' },
    { what: 'a rate above 100%', ruleset: TS, header: '3.9', value: 101, shown: '101' },
    { what: 'a negative rate', ruleset: TS, header: '5.4', value: '-5%', shown: '-5%' },
    { what: 'rank 0', ruleset: TS, header: '3.1', value: 0, shown: '0' },
    { what: 'a fractional rank', ruleset: TS, header: '3.1', value: 2.5, shown: '2.5' },
    { what: 'a negative sub-counter', ruleset: TS, header: '5.2.absent', value: -1, shown: '-1' },
    { what: 'a negative volume', ruleset: TS, header: '3.1.volume', value: -10, shown: '-10' },
    { what: 'a negative reward count', ruleset: GI, header: 'R3', value: -2, shown: '-2' },
    { what: 'text in an open item', ruleset: TC, header: '甲项', value: '良', shown: '良' },
  ];
  for (const c of cases) {
    it(`${c.what}: ${c.header} = ${JSON.stringify(c.value)}`, () => {
      const data: ExcelMatrix = [[c.header], [c.value]];
      expectInvalid(() => score(data, c.ruleset, null), c.header, c.shown);
      // The same cell read by every data function fails the same way.
      expectInvalid(() => breakdown(data, c.ruleset, null), c.header, c.shown);
      expectInvalid(() => explain(data, c.ruleset, null), c.header, c.shown);
      // CHECK lists it instead (a checking function names every bad cell): its row first, then the note that the unit is not scored.
      const rows = check(data, c.ruleset, null);
      expect(rows[0]).toEqual(['编码', '问题', '条款']);
      expect(rows[1][0]).toBe(c.header);
      expect(String(rows[1][1])).toContain(`的值 ${typeof c.value === 'string' ? `"${c.shown}"` : c.shown} 无效`);
      expect(String(rows[1][1])).toContain('第2行第1列');
      expect(String(rows.at(-1)?.[1])).toMatch(/有 1 个无效单元格（第2行第1列）：改正之前不计分、不排名、不评等次、不占名额$/);
      // Separate headers and pairs name it too.
      expectInvalid(() => score([[c.value]], c.ruleset, [[c.header]]), c.header, c.shown);
    });
  }

  it('names the unit and the cell when there is a unit column', () => {
    const error = expectInvalid(() => score([['单位', '9.3'], ['锦江区', -1]], CD, null), '锦江区', '9.3', '-1');
    expect(error.message).toContain('第2行第2列');
  });

  it('a pair with a bad value names the item', () => {
    expectInvalid(() => score([['9.1', 4], ['9.3', 'x']], CD, null), '9.3', 'x');
  });

  it('a ledger row with a bad quantity or a judged row without points names the item', () => {
    expectInvalid(() => score([['条目', '数量'], ['9.3', -2]], CD, null), '9.3', '-2');
    expectInvalid(() => score([['条目', '数量'], ['9.1', '']], CD, null), '9.1');
    expectInvalid(() => score([['条目', '数量'], ['9.99', 1]], CD, null), '9.99');
  });

  it('unknown headers, duplicate columns, headerless data and empty data are #VALUE!', () => {
    expectInvalid(() => score([['9.1', '未知列'], [3, 1]], CD, null), '未知列');
    expectInvalid(() => score([['9.1', '9.1'], [3, 1]], CD, null), '9.1');
    expectInvalid(() => score([['9.1', ''], [3, 1]], CD, null), '2');
    expectInvalid(() => score([['', ''], [null, '']], CD, null));
    expectInvalid(() => score([['9.1']], CD, null));
    expectInvalid(() => score([[3, 1]], CD, [['9.1', '9.3'], ['9.2', '9.4.city']]), '表头');
    expectInvalid(() => score(bare(null), CD, null));
  });

  it('several units given to SCORE, REWARD, BREAKDOWN or EXPLAIN are #VALUE!', () => {
    const two: ExcelMatrix = [['单位', '9.1'], ['锦江区', 3], ['青羊区', 4]];
    expectInvalid(() => score(two, CD, null), '2 个单位');
    expectInvalid(() => breakdown(two, CD, null), '2 个单位');
    expectInvalid(() => explain(two, CD, null), '2 个单位');
    expectInvalid(() => reward([['S1'], [1], [0]], GI, null), '2 个单位');
    const ledger: ExcelMatrix = [['单位', '条目', '数量'], ['锦江区', '9.3', ''], ['青羊区', '9.3', 1]];
    expectInvalid(() => score(ledger, CD, null), '2 个单位');
    // CHECK takes several units; the only note is the quota base (2 of 第一圈's 6 units on the sheet).
    expect(check(two, CD, null).slice(1).map((row) => row[1])).toEqual([expect.stringMatching(/^青羊区：第一圈共有 6 个单位，本表有 2 个/)]);
  });

  it('never throws anything but a FunctionError, and never an internal error (fuzz)', () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.constant(''),
      fc.boolean(),
      fc.integer({ min: -5, max: 120 }),
      fc.double({ min: -1e3, max: 1e3, noNaN: false }),
      fc.constantFrom('#N/A', '#VALUE!', '是', '否', '√', '×', '3', '３', '98.5%', 'abc', '  ', '单位', '条目', '数量', '事项', '编码', '值'),
      fc.constantFrom('9.1', '9.3', '9.4.city', '10.7', 'T1', 'B2.city', 'D4.1', 'S1', 'K3', 'R3', '1.1', '3.1', '3.1.volume', '3.9', '5.9.issue', '甲项'),
    );
    const matrix = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 });
    const ruleset = fc.oneof(
      fc.constantFrom<ExcelMatrix>(CD, CO, TC, GI, TS, [['nosuch']], [['']], [[null]]),
      matrix,
    );
    const calls: Array<(data: ExcelMatrix, rs: ExcelMatrix, extra: ExcelMatrix | null) => unknown> = [
      (d, r, h) => score(d, r, h),
      (d, r, h) => breakdown(d, r, h),
      (d, r) => grade(d[0]?.[0] as number, r),
      (d, r, h) => level(d, r, h, null),
      (d, r) => level(d, r, null, d),
      (d, r, h) => check(d, r, h),
      (d, r, h) => reward(d, r, h),
      (_d, r) => items(r),
      (d, r, h) => explain(d, r, h),
    ];
    fc.assert(
      fc.property(matrix, ruleset, fc.option(matrix, { nil: null }), fc.integer({ min: 0, max: calls.length - 1 }), (data, rs, extra, which) => {
        try {
          calls[which](data, rs, extra);
        } catch (error) {
          if (!(error instanceof FunctionError)) return false;
          if (error.message.startsWith('内部错误')) return false;
          if (error.code !== 'invalid' && error.code !== 'notAvailable') return false;
        }
        return true;
      }),
      { numRuns: 600, seed: 20240601 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Known defects (see the report): each test states the correct behaviour and is expected to fail
// until src/ is fixed — then change `it.fails` to `it`.
// ---------------------------------------------------------------------------------------------

describe('known defects in src/', () => {
  it('LEVEL reads the criticized column like any flag: "✓" is yes, other text is #VALUE!', () => {
    // readFlag accepts ✓ as yes; LEVEL only knows 1/true/是/√, and reads anything else as "no".
    expect(level([[95], [90], [85]], TS, null, [['✓'], [''], ['']])).toEqual([['二等'], ['一等'], ['二等']]);
  });

  it('LEVEL: a criticized cell holding "#N/A" or "maybe" is an input error, not "no"', () => {
    expectInvalid(() => level([[95], [90]], TS, null, [['#N/A'], ['']]), '#N/A');
  });

  it('code/value pairs whose first value looks like an item code are still read as pairs', () => {
    // township pairs: 1.1 = 2.1 points, 5.7 = 1 (flag) → 74 + 2.1 + 2 = 78.1 (judged/rank/rates empty → 0)
    // Detected as a rows layout instead (2.1 is also an item code), so 5.7 lands in the 1.1 column.
    expect(score([['1.1', 2.1], ['5.7', 1]], TS, null)).toBe(78.1);
  });

  it('GRADE accepts a score computed by Excel arithmetic (84.6 + 0.1 + 0.2 = 84.89999999999999)', () => {
    expect(grade(84.6 + 0.1 + 0.2, TC)).toBe('良好');
  });

  it('a ruleset table whose 生效日期 cell is an Excel date (serial 45292 = 2024-01-01) compiles', () => {
    const table: Cell[][] = [
      ['类型', '编码', '名称', '种类', '分值', '版本', '生效日期', '条款', '原文'],
      ['规则集', 'datecell', '日期单元格', '', '', '1', 45292, '第一条', '原文'],
      ['条目', 'A1', '甲', '计数', 1, '', '', '第二条', '每次1分'],
    ];
    expect(resolveRuleset(table as ExcelMatrix).spec.effective).toBe('2024-01-01');
  });
});

describe('Chinese output in one script (issue 14.4)', () => {
  /** A clause label in Traditional script: 第九條, 第三項 … (the quotes stay verbatim, so only labels are looked at). */
  const TRADITIONAL_LABEL = /第[〇零一二三四五六七八九十百\d]+[條項號節編則點]/u;
  const texts = (rows: ExcelResult | string): string[] => (typeof rows === 'string' ? [rows] : rows.flat().filter((cell): cell is string => typeof cell === 'string'));
  const labelsOnly = (rows: ExcelResult, clauseColumn: number): string[] => rows.map((row) => String(row[clauseColumn]).split('：')[0]);

  it('ITEMS of every built-in ruleset writes clause labels in Simplified script', () => {
    for (const id of BUILT_IN_IDS) {
      for (const label of labelsOnly(items([[id]]), 4)) expect(label, `${id}: ${label}`).not.toMatch(TRADITIONAL_LABEL);
    }
  });

  it('BREAKDOWN, EXPLAIN and CHECK of chengdu2006 (a Traditional text) label clauses in Simplified, and CHECK names no internal code', () => {
    // 9.3 6 × 0.5 = 3 > 2 (第九條(三)) and 9.4 2 × 0.5 + 1 + 2 × 1.5 = 5 > 4 (第九條(四)): caps with clauses.
    for (const label of labelsOnly(breakdown(CD_ROW, CD, CD_HEADERS), 0)) expect(label).not.toMatch(TRADITIONAL_LABEL);
    const explained = explain(CD_ROW, CD, CD_HEADERS);
    expect(explained).toContain('第九条(三)');
    expect(texts(explained).join('')).not.toMatch(TRADITIONAL_LABEL);
    // Two units tied at 73 on 第一圈's quota line (floor(0.3 × 6) = 1): the tie is named by its kind.
    const tie = check([['单位', '9.1'], ['锦江区', 3], ['青羊区', 3], ['金牛区', 2]], CD, null);
    expect(tie.slice(1).map((row) => row[0])).not.toContain('level');
    for (const label of labelsOnly(tie.slice(1), 2)) expect(label).not.toMatch(TRADITIONAL_LABEL);
    for (const message of tie.slice(1).map((row) => String(row[1]))) expect(message).not.toMatch(TRADITIONAL_LABEL);
  });
});
