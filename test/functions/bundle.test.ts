/**
 * The BUILT add-in: dist/functions.js as Excel's custom-functions runtime loads it, with
 * dist/functions.json and dist/functions.zh-cn.json as the metadata Excel reads.
 *
 * `npm test` builds (webpack) before vitest; when running vitest alone, run `npm run build` first.
 *
 * The bundle runs in a Node `vm` context holding only what that runtime offers: a stub `Office`
 * (onReady resolving), a stub `CustomFunctions` (associate collects the registrations; Error is a
 * class taking (code, message); ErrorCode maps to the Excel error texts), console, and self/window
 * as the context itself. Every id in both metadata files must be registered, and the registered
 * functions must give the hand-worked results below (worked out from the regulation texts in
 * ../shared/regulations/ and ../shared/spec/rulesets.md, arithmetic in the comments).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const BUNDLE = join(DIST, 'functions.js');
const METADATA = join(DIST, 'functions.json');
const METADATA_ZH = join(DIST, 'functions.zh-cn.json');

type Fn = (...args: unknown[]) => unknown;

interface Metadata {
  functions: Array<{
    id: string;
    name: string;
    description?: string;
    parameters?: Array<{ name: string; description?: string; optional?: boolean; type?: string; dimensionality?: string }>;
    result?: { type?: string; dimensionality?: string };
  }>;
}

/** The stub of CustomFunctions.Error: what the bundle must throw for every failure. */
class StubCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = 'CustomFunctions.Error';
  }
}

const ERROR_CODE = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

let source = '';
let english: Metadata;
let chinese: Metadata;
const registered = new Map<string, Fn>();

function missing(path: string): Error {
  return new Error(
    `${path} is missing: the bundle test needs the built add-in. Run \`npm run build\` first ` +
      '(`npm test` builds before running vitest).',
  );
}

beforeAll(() => {
  for (const path of [BUNDLE, METADATA, METADATA_ZH]) if (!existsSync(path)) throw missing(path);
  source = readFileSync(BUNDLE, 'utf8');
  english = JSON.parse(readFileSync(METADATA, 'utf8')) as Metadata;
  chinese = JSON.parse(readFileSync(METADATA_ZH, 'utf8')) as Metadata;

  const customFunctions = {
    associate(id: string | Record<string, Fn>, fn?: Fn) {
      if (typeof id === 'string') {
        if (typeof fn !== 'function') throw new Error(`associate(${id}) without a function`);
        registered.set(id, fn);
      } else {
        for (const [key, value] of Object.entries(id)) registered.set(key, value);
      }
    },
    Error: StubCustomFunctionsError,
    ErrorCode: ERROR_CODE,
  };
  const office = {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'PC' };
      callback?.(info);
      return Promise.resolve(info);
    },
    HostType: { Excel: 'Excel' },
  };
  const context = vm.createContext({ Office: office, CustomFunctions: customFunctions, console });
  context.self = context;
  context.window = context;
  vm.runInContext(source, context, { filename: 'dist/functions.js' });
});

/** Calls a registered function; results come back from the vm realm, so make them plain here. */
function call(id: string, ...args: unknown[]): unknown {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  const result = fn(...args);
  return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
}

/** Calls a registered function that must throw the stub CustomFunctions.Error. */
function callError(id: string, ...args: unknown[]): StubCustomFunctionsError {
  const fn = registered.get(id);
  if (!fn) throw new Error(`${id} is not registered`);
  try {
    fn(...args);
  } catch (error) {
    expect(error).toBeInstanceOf(StubCustomFunctionsError);
    return error as StubCustomFunctionsError;
  }
  throw new Error(`${id} was expected to throw`);
}

// ---------------------------------------------------------------------------------------------
// The bundle and its metadata
// ---------------------------------------------------------------------------------------------

describe('dist/functions.js and its metadata', () => {
  it('registers every id of functions.json and functions.zh-cn.json, and nothing else', () => {
    const ids = english.functions.map((f) => f.id);
    const zhIds = chinese.functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThan(0);
    expect([...zhIds].sort()).toEqual([...ids].sort());
    for (const id of ids) expect(registered.has(id), `${id} registered`).toBe(true);
    expect([...registered.keys()].sort()).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(['BREAKDOWN', 'CHECK', 'EXPLAIN', 'GRADE', 'ITEMS', 'LEVEL', 'REWARD', 'RULESETS', 'SCORE', 'SCORES']);
  });

  it('zh-CN keeps the English names (the same formula in every Excel language), with Chinese help and matching parameters', () => {
    const han = /^\p{Script=Han}+$/u;
    for (const zh of chinese.functions) {
      const en = english.functions.find((f) => f.id === zh.id);
      expect(en, zh.id).toBeDefined();
      expect(zh.name, `${zh.id} name`).toBe(en?.name);
      expect(zh.name, `${zh.id} name`).toBe(zh.id);
      expect(zh.description ?? '', `${zh.id} description`).toMatch(/\p{Script=Han}/u);
      const zhParams = zh.parameters ?? [];
      const enParams = en?.parameters ?? [];
      expect(zhParams.length, `${zh.id} parameter count`).toBe(enParams.length);
      zhParams.forEach((p, i) => {
        expect(p.name, `${zh.id} parameter ${i + 1}`).toMatch(han);
        expect(p.optional, `${zh.id} parameter ${i + 1} optional`).toBe(enParams[i].optional);
        expect(p.type, `${zh.id} parameter ${i + 1} type`).toBe(enParams[i].type);
        expect(p.dimensionality, `${zh.id} parameter ${i + 1} dimensionality`).toBe(enParams[i].dimensionality);
      });
      expect(new Set(zhParams.map((p) => p.name)).size).toBe(zhParams.length);
      expect(zh.result).toEqual(en?.result);
    }
    const names = chinese.functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('builds no code from strings: no eval( and no new Function', () => {
    expect(source).not.toContain('eval(');
    expect(source).not.toMatch(/new\s+Function\b/);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-worked results through the registered functions
// ---------------------------------------------------------------------------------------------

describe('registered functions: chengdu2006', () => {
  it('SCORE: a unit row with a separate header row', () => {
    // 8.1 absent → base 70 (第八條(一)).
    // bonus: 9.1 4.5 · 9.2 "3" → 3 · 9.3 6 × 0.5 = 3 → cap 2 · 9.4 2×0.5 + 1×1 + 2×1.5 = 5 → cap 4
    //        9.5.province 3 × 1.5 = 4.5 → cap 4 · 9.6.national 1.5 → 4.5 + 3 + 2 + 4 + 4 + 1.5 = 19
    // deductions: 10.1 2 + 10.5 5 + 10.7 0.5 = 7.5 (≤ 19) → 70 + 19 − 7.5 = 81.5
    const headers = [['单位', '9.1', '9.2', '9.3', '9.4.city', '9.4.province', '9.4.national', '9.5.province', '9.6.national', '9.7', '10.1', '10.5', '10.7']];
    const row = [['锦江区', 4.5, '3', 6, 2, 1, 2, 3, 1, '', 1, 1, 0.5]];
    expect(call('SCORE', row, [['chengdu2006']], headers)).toBe(81.5);
    // BREAKDOWN: the last row is the total.
    const rows = call('BREAKDOWN', row, [['chengdu2006']], headers) as unknown[][];
    expect(rows[0]).toEqual(['条款', '条目', '输入', '得分', '说明']);
    expect(rows[rows.length - 1]).toEqual(['', '合计', '', 81.5, '']);
  });

  it('SCORE: code/value pairs; omitted headers arrive as null', () => {
    // 9.1 4 · 9.3 "３" → 3 × 0.5 = 1.5 · 10.2 1 × 2 = 2 → 70 + 5.5 − 2 = 73.5
    expect(call('SCORE', [['9.1', 4], ['9.3', '３'], ['10.2', 1]], [['chengdu2006']], null)).toBe(73.5);
  });

  it('LEVEL: 30% per tier; a tie on the quota line is 待定', () => {
    // 第二圈, 5 units → floor(1.5) = 1 → the 92 is 优秀
    expect(call('LEVEL', [[92], [91], [85], [86], [87]], [['chengdu2006']], [['第二圈'], [2], ['雙流縣'], ['郫都区'], ['龙泉驿区']], null)).toEqual([
      ['优秀'], [''], [''], [''], [''],
    ]);
    // 第一圈, 4 units → floor(1.2) = 1; 90 and 90 tie across the line → both 待定
    expect(call('LEVEL', [[90], [80], [90], [70]], [['chengdu2006']], [['锦江区'], ['青羊区'], ['金牛区'], ['武侯区']], null)).toEqual([
      ['待定'], [''], ['待定'], [''],
    ]);
  });

  it('GRADE and REWARD are not defined for chengdu2006: #N/A', () => {
    expect(callError('GRADE', 85, [['chengdu2006']]).code).toBe('#N/A');
    expect(callError('REWARD', [['9.1'], [3]], [['chengdu2006']], null).code).toBe('#N/A');
  });
});

describe('registered functions: county2013', () => {
  it('SCORE: bonus and deductions capped at 10, D4 once', () => {
    // bonus B2.province 5 + B4.national 5 + B3.province 3 = 13 → 10
    // deductions D4.1 + D4.3 → once 10 · D1.city 2 → 12 → 10
    // tasks absent → full: 20 + 15 + 15 + 5 × 10 = 100 → 100 + 10 − 10 = 100
    expect(call('SCORE', [[1, 1, 1, 1, 2, 1]], [['county2013']], [['B2.province', 'B4.national', 'B3.province', 'D4.1', 'D4.3', 'D1.city']])).toBe(100);
  });

  it('SCORE: a ledger counts one matter once at its highest level', () => {
    // B2 "评为先进窗口" county 1 / city 2 → 2 · "标准化示范" province 5 → bonus 7
    // D3 "某报道" city 2 / province 5 → 5 · T1 17, T2…T8 full 80 → 97 + 7 − 5 = 99
    const ledger = [
      ['条目', '数量', '事项'],
      ['B2.county', null, '评为先进窗口'],
      ['B2.city', '', '评为先进窗口'],
      ['B2.province', 1, '标准化示范'],
      ['D3.city', 1, '某报道'],
      ['D3.province', 1, '某报道'],
      ['T1', 17, ''],
    ];
    expect(call('SCORE', ledger, [['county2013']], null)).toBe(99);
  });

  it('CHECK 通过 on clean data; REWARD is not defined: #N/A', () => {
    expect(call('CHECK', [['T1', 'B1'], [20, 1]], [['county2013']], null)).toEqual([['通过']]);
    expect(callError('REWARD', [['B1'], [1]], [['county2013']], null).code).toBe('#N/A');
  });
});

describe('registered functions: tacheng2020', () => {
  it('SCORE sums the value columns; GRADE bands 90 / 80 / 60 (四(三))', () => {
    // 48 + 43.5 = 91.5 → 优秀
    const data = [['单位', '政务公开', '放管服'], ['塔城市', 48, 43.5]];
    expect(call('SCORE', data, [['tacheng2020']], null)).toBe(91.5);
    expect(call('GRADE', 91.5, [['tacheng2020']])).toBe('优秀');
    expect(call('GRADE', 90, [['tacheng2020']])).toBe('优秀');
    expect(call('GRADE', 89.5, [['tacheng2020']])).toBe('良好');
    expect(call('GRADE', 80, [['tacheng2020']])).toBe('良好');
    expect(call('GRADE', 60, [['tacheng2020']])).toBe('合格');
    expect(call('GRADE', 59.5, [['tacheng2020']])).toBe('不合格');
    const rows = call('BREAKDOWN', data, [['tacheng2020']], null) as unknown[][];
    expect(rows[rows.length - 1]).toEqual(['', '合计', '', 91.5, '等次：优秀']);
    expect(call('CHECK', data, [['tacheng2020']], null)).toEqual([['通过']]);
  });

  it('a total over 100 is #VALUE! naming it', () => {
    // 60 + 50 = 110 > 100 (百分制)
    const error = callError('SCORE', [['甲项', '乙项'], [60, 50]], [['tacheng2020']], null);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('110');
  });
});

describe('registered functions: govinfo', () => {
  // S1 TRUE 20 · S2 10 × 20 = 200 · S3.single 3 × 10 = 30 · S3.brief "4" × 5 = 20 · S4.research 100
  // S6 3 × 10 = 30 · S6.extra 5 · S7 6 × 5 = 30 · S9 40 · R3 0 points → Σ 475
  // K2 2 × 30 = 60 · K3 60 · K6.omit 60 → 180 → score 475 − 180 = 295
  // reward: 3×20 + 4×10 + 300 + 6×10 + 300 + 2×100 = 60 + 40 + 300 + 60 + 300 + 200 = 960 元
  const headers = [['S1', 'S2', 'S3.single', 'S3.brief', 'S4.research', 'S6', 'S6.extra', 'S7', 'S9', 'R3', 'K2', 'K3', 'K6.omit']];
  const row = [[true, 10, 3, '4', 1, 3, 5, 6, 1, 2, 2, 60, 1]];

  it('SCORE, REWARD and the BREAKDOWN total row with the 五(四) threshold', () => {
    expect(call('SCORE', row, [['govinfo']], headers)).toBe(295);
    expect(call('REWARD', row, [['govinfo']], headers)).toBe(960);
    const rows = call('BREAKDOWN', row, [['govinfo']], headers) as unknown[][];
    // deductions 180 ≥ 100 → 不得参评先进单位和先进个人; < 200 → no 通报批评
    expect(rows[rows.length - 1]).toEqual(['', '合计', '', 295, '不得参评先进单位和先进个人']);
  });

  it('CHECK 通过 when nothing is wrong; a negative score is allowed', () => {
    // S1 √ 20 + S2 12 × 20 = 240 → 260; 12 months in all → no finding
    expect(call('SCORE', [['S1', 'S2'], ['√', 12]], [['govinfo']], null)).toBe(260);
    expect(call('CHECK', [['S1', 'S2'], ['√', 12]], [['govinfo']], null)).toEqual([['通过']]);
    // S1 FALSE, K8 2 × 100 = 200 → −200
    expect(call('SCORE', [['S1', 'K8'], [false, 2]], [['govinfo']], null)).toBe(-200);
  });
});

describe('registered functions: township2022', () => {
  it('SCORE: deduct items, sub-counters, judged items, rank, rates and flags', () => {
    // deduct items at full 分值 = 74; 1.2 −2×0.5 = −1; 1.4 −0.5 −0.5 = −1; 3.3 −2×0.3 −1 = −1.6;
    // 5.2 −0.5 −2 = −2.5; 5.9 −min(5×0.5, 2) −1 = −3 → floored at 0 → −2 → 74 − 8.1 = 65.9
    // judged 3 + 2.5 + 1 + 3 = 9.5 · 3.1 rank 3 → 4 − 0.4 = 3.6 · 3.9 97% → 2 − 0.6 = 1.4
    // 5.3 99.98% → 2 steps of 0.01 → 2 − 0.4 = 1.6 · 5.4 96.5 → 3 full points → 3 − 0.9 = 2.1
    // 5.7 TRUE 2 · 6.1 否 0 → 65.9 + 9.5 + 3.6 + 1.4 + 1.6 + 2.1 + 2 = 86.1
    const data = [
      ['单位', '1.1', '1.2', '1.4.missing', '1.4.unexecuted', '3.1', '3.3.late', '3.3.overdue', '3.9', '4.6', '5.1', '5.2.late', '5.2.video', '5.3', '5.4', '5.6', '5.7', '5.9.issue', '5.9.nosystem', '6.1'],
      ['甲镇', 3, 2, 1, 1, 3, 2, 1, 0.97, 2.5, 1, 1, 1, '99.98%', 96.5, 3, true, 5, '是', '否'],
    ];
    expect(call('SCORE', data, [['township2022']], null)).toBe(86.1);
  });

  it('SCORES: a whole sheet in one formula, a cell per row beside the data', () => {
    // 甲镇 86.1 as in the SCORE case above; 乙镇 is the complete unit of the next case: 95.
    const header = ['单位', '1.1', '1.2', '1.4.missing', '1.4.unexecuted', '3.1', '3.3.late', '3.3.overdue', '3.9', '4.6', '5.1', '5.2.late', '5.2.video', '5.3', '5.4', '5.6', '5.7', '5.9.issue', '5.9.nosystem', '6.1'];
    const rows = [
      ['甲镇', 3, 2, 1, 1, 3, 2, 1, 0.97, 2.5, 1, 1, 1, '99.98%', 96.5, 3, true, 5, '是', '否'],
      header.map(() => null),
      ['乙镇', 3, null, null, null, 1, null, null, 1, 3, 1, null, null, '100%', 100, 3, null, null, null, null],
    ];
    expect(call('SCORES', [header, ...rows], [['township2022']], null)).toEqual([['得分'], [86.1], [''], [95]]);
    expect(call('SCORES', rows, [['township2022']], [header])).toEqual([[86.1], [''], [95]]);
    const bad = rows.map((row) => [...row]);
    bad[2][2] = -1;
    expect(callError('SCORES', bad, [['township2022']], [header]).message).toMatch(/乙镇.*1\.2.*-1/);
  });

  it('CHECK 通过 for a complete unit', () => {
    // 74 + judged 10 + rank 1 → 4 + rates at 100% 2 + 2 + 3 = 95
    const data = [
      ['1.1', '4.6', '5.1', '5.6', '3.1', '3.9', '5.3', '5.4'],
      [3, 3, 1, 3, 1, 1, '100%', 100],
    ];
    expect(call('SCORE', data, [['township2022']], null)).toBe(95);
    expect(call('CHECK', data, [['township2022']], null)).toEqual([['通过']]);
  });

  it('LEVEL: rank bands, the criticized flag drops one level', () => {
    // ranks: 95 1 · 94 2 · 93 3 · 92 4 · 91 5 · 90 6 · 89 7 · 88 8
    // 94 criticized: 一等 → 二等 · 88 criticized: 三等 → none
    const scores = [[90], [95], [94], [88], [93], [92], [91], [89]];
    const criticized = [[''], [null], [true], ['是'], [''], [''], [false], ['']];
    expect(call('LEVEL', scores, [['township2022']], null, criticized)).toEqual([
      ['二等'], ['一等'], ['二等'], [''], ['二等'], ['二等'], ['二等'], ['三等'],
    ]);
  });
});

describe('registered functions: ITEMS, EXPLAIN, RULESETS', () => {
  it('ITEMS lists the input columns; EXPLAIN cites clauses; RULESETS lists the five ids', () => {
    const table = call('ITEMS', [['chengdu2006']]) as unknown[][];
    expect(table[0]).toEqual(['编码', '名称', '分值', '上限', '条款']);
    expect(table.find((row) => row[0] === '9.3')).toEqual(['9.3', '率先推出创新性政务服务举措', 0.5, 2, '第九条(三)']);
    // 9.3 2 × 0.5 = 1 bonus; 10.5 2 × 5 = 10 → limited to the applied bonus 1 (第十條(八)) → 70
    const text = call('EXPLAIN', [['9.3', '10.5'], [2, 2]], [['chengdu2006']], null) as string;
    expect(text).toContain('得分 70 = 70 + 加分 1 − 扣分 1（原 10）');
    expect(text).toContain('第十条(八)');
    const list = call('RULESETS') as unknown[][];
    expect(list.slice(1).map((row) => row[0])).toEqual(['chengdu2006', 'county2013', 'tacheng2020', 'govinfo', 'township2022']);
  });
});

// ---------------------------------------------------------------------------------------------
// Errors through the adapters
// ---------------------------------------------------------------------------------------------

describe('registered functions: errors', () => {
  it('a bad input is CustomFunctions.Error #VALUE! naming the item and the value', () => {
    const error = callError('SCORE', [['单位', '9.3'], ['锦江区', -1]], [['chengdu2006']], null);
    expect(error.code).toBe(ERROR_CODE.invalidValue);
    expect(error.message).toContain('9.3');
    expect(error.message).toContain('-1');
    expect(error.message).toContain('锦江区');
    const na = callError('EXPLAIN', [['3.9'], ['#N/A']], [['township2022']], null);
    expect(na.code).toBe('#VALUE!');
    expect(na.message).toContain('3.9');
    expect(na.message).toContain('#N/A');
    // CHECK lists the bad cell instead (issue 10): a row naming the item, the value and the cell.
    const listed = call('CHECK', [['3.9'], ['#N/A']], [['township2022']], null) as string[][];
    expect(listed[1].slice(0, 2)).toEqual(['3.9', expect.stringMatching(/条目 3\.9（归档率）的值 "#N\/A" 无效：.*（第2行第1列）$/)]);
    const text = callError('GRADE', 'abc', [['tacheng2020']]);
    expect(text.code).toBe('#VALUE!');
    expect(text.message).toContain('abc');
    const header = callError('BREAKDOWN', [['未知列'], [1]], [['chengdu2006']], null);
    expect(header.code).toBe('#VALUE!');
    expect(header.message).toContain('未知列');
  });

  it('several units given to SCORE are #VALUE!', () => {
    const error = callError('SCORE', [['单位', '9.1'], ['锦江区', 3], ['青羊区', 4]], [['chengdu2006']], null);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('2 个单位');
  });

  it('an unknown ruleset id is #N/A naming it', () => {
    for (const id of ['SCORE', 'BREAKDOWN', 'CHECK', 'REWARD', 'EXPLAIN']) {
      const error = callError(id, [['9.1'], [3]], [['nosuch2099']], null);
      expect(error.code, id).toBe(ERROR_CODE.notAvailable);
      expect(error.message, id).toContain('nosuch2099');
    }
    expect(callError('GRADE', 90, [['nosuch2099']]).code).toBe('#N/A');
    expect(callError('LEVEL', [[90]], [['nosuch2099']], null, null).code).toBe('#N/A');
    expect(callError('ITEMS', [['nosuch2099']]).code).toBe('#N/A');
  });
});
