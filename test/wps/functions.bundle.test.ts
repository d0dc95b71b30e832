/**
 * The BUILT WPS functions bundle (dist-wps/functions.js, `npm run build:wps`; dist/ from `npm run build` for the comparison) loaded in a node vm
 * with a stub `wps` global, as WPS's entry page runs it: every function of dist-wps/functions.json
 * registered under ASSESS with its metadata; values worked by hand from the regulation texts
 * (../shared/regulations, quoted beside each case); errors as the adapter throws them to WPS.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_IDS } from '../../src/functions/names';

const dist = path.resolve(__dirname, '../../dist-wps');

type Registered = { namespace: string; name: string; fn: (...args: unknown[]) => unknown; metadata: { description: string; parameters: Array<{ name: string; type: string; description: string }>; result: { type: string } } };
let registered: Registered[] = [];
let functionsJson: { functions: Array<{ name: string; description: string; parameters: Array<{ name: string; type: string; description: string }>; result: { type: string } }> };

function call(name: string, ...args: unknown[]): unknown {
  const entry = registered.find((r) => r.name === name);
  if (!entry) throw new Error(`not registered: ${name}`);
  return entry.fn(...args);
}

beforeAll(() => {
  functionsJson = JSON.parse(readFileSync(path.join(dist, 'functions.json'), 'utf8'));
  const code = readFileSync(path.join(dist, 'functions.js'), 'utf8');
  const wps = {
    AddCustomFunction(namespace: string, name: string, fn: (...args: unknown[]) => unknown, metadata: Registered['metadata']) {
      registered.push({ namespace, name, fn, metadata });
    },
  };
  registered = [];
  // Only what a WPS page has: the JavaScript built-ins, the wps root object, console, TextEncoder.
  vm.runInContext(code, vm.createContext({ wps, console, TextEncoder, TextDecoder }), { filename: 'functions.js' });
});

describe('WPS functions bundle: registration', () => {
  it('registers every function of functions.json, once, under ASSESS, with its metadata', () => {
    expect(functionsJson.functions.map((f) => f.name).sort()).toEqual([...FUNCTION_IDS].sort());
    expect(registered.map((r) => r.name)).toEqual(functionsJson.functions.map((f) => f.name));
    for (const r of registered) {
      expect(r.namespace).toBe('ASSESS');
      expect(r.name).toMatch(/^[a-zA-Z_][a-zA-Z0-9_]*$/);
      const { name: _name, ...described } = functionsJson.functions.find((f) => f.name === r.name)!;
      expect(r.metadata).toEqual(described);
    }
  });

  it('functions.json is in the wpsjs scanner format, descriptions in Chinese', () => {
    const score = functionsJson.functions.find((f) => f.name === 'SCORE')!;
    expect(Object.keys(score).sort()).toEqual(['description', 'name', 'parameters', 'result']);
    expect(score.description).toMatch(/[\u4e00-\u9fff]/);
    expect(score.parameters.map((p) => [p.name, p.type])).toEqual([
      ['data', 'any[][]'],
      ['ruleset', 'any[][]'],
      ['headers', 'any[][]?'],
    ]);
    // any: a score, or blank for a row that is no unit (test/functions/score-rows.test.ts), as SCORES' any[][].
    expect(score.result).toEqual({ type: 'any' });
    expect(functionsJson.functions.find((f) => f.name === 'GRADE')!.parameters[0].type).toBe('number');
    expect(functionsJson.functions.find((f) => f.name === 'SCORES')!.result.type).toBe('any[][]');
    for (const f of functionsJson.functions) for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('WPS functions.json agrees with the Office metadata (dist/functions.json, same JSDoc)', () => {
  it('same functions, parameters, optional parameters and result shapes', () => {
    const office = JSON.parse(readFileSync(path.resolve(dist, '../dist/functions.json'), 'utf8')) as {
      functions: Array<{ id: string; parameters?: Array<{ name: string; optional?: boolean; dimensionality?: string }>; result?: { dimensionality?: string } }>;
    };
    expect(functionsJson.functions.map((f) => f.name)).toEqual(office.functions.map((f) => f.id));
    for (const fn of office.functions) {
      const wps = functionsJson.functions.find((f) => f.name === fn.id)!;
      expect(wps.parameters.map((p) => p.name)).toEqual((fn.parameters ?? []).map((p) => p.name));
      (fn.parameters ?? []).forEach((p, i) => {
        expect(wps.parameters[i].type.endsWith('?'), `${fn.id} ${p.name}`).toBe(p.optional === true);
        expect(wps.parameters[i].type.includes('[][]'), `${fn.id} ${p.name}`).toBe(p.dimensionality === 'matrix');
      });
      expect(wps.result.type.includes('[][]'), fn.id).toBe(fn.result?.dimensionality === 'matrix');
    }
  });
});

describe('WPS functions bundle: values worked by hand', () => {
  it('chengdu2006: 9.1=5, 9.3=6, 9.4.national=3, 10.5=1 → 70 + 5 + min(3, 2) + min(4.5, 4) − 5 = 76', () => {
    // 第九條: base 70; 9.1 1 point each; 9.3 0.5 each capped at 2; 9.4.national 1.5 each capped at 4;
    // 第十條(五) 10.5 −5 each. Range arguments as WPS passes them: arrays of rows; the ruleset as a literal.
    const headers = [['9.1', '9.3', '9.4.national', '10.5']];
    expect(call('SCORE', [[5, 6, 3, 1]], 'chengdu2006', headers)).toBe(76);
    // The same with the header row inside the data and the ruleset as a one-cell range.
    expect(call('SCORE', [headers[0], [5, 6, 3, 1]], [['chengdu2006']])).toBe(76);
    // Empty cells (undefined/null) are "nothing entered": 70 + 5 = 75.
    expect(call('SCORE', [[5, undefined, null, undefined]], 'chengdu2006', headers)).toBe(75);
  });

  it('chengdu2006 SCORES spills a column: 得分 on the header row, then each unit', () => {
    const data = [
      ['单位', '9.1', '9.3', '9.4.national', '10.5'],
      ['锦江区', 5, 6, 3, 1],
      ['青羊区', 2, null, null, null],
    ];
    // 青羊区: 70 + 2 × 1 = 72.
    expect(call('SCORES', data, 'chengdu2006')).toEqual([['得分'], [76], [72]]);
  });

  it('county2013: base 100, bonus and deductions each capped at 10', () => {
    // 附件2: 基础分为100分 (tasks left empty score their full 分值), 加分、减分不超过10分.
    // 一、1 创新 1 each ×2 = 2; 一、2 市委市政府表彰 2 each ×1 = 2; 二、1 市委市政府批评 −2 each ×1:
    // 100 + 4 − 2 = 102.
    expect(call('SCORE', [[2, 1, 1]], 'county2013', [['B1', 'B2.city', 'D1.city']])).toBe(102);
    // 一、2 省委省政府表彰 5 each ×3 = 15, capped at 10: 110.
    expect(call('SCORE', [[3]], 'county2013', [['B2.province']])).toBe(110);
  });

  it('govinfo: points and the reward in yuan', () => {
    // 三(一)3 “每日要情”采用每条10分 ×2 = 20; 三(一)7 网站“今日” 每条5分 ×1 = 5: 25 points.
    // 四(一) “每日要情”每条奖励20元 ×2 = 40; 四(二) “今日” 每条奖励10元 ×1 = 10: 50 yuan.
    expect(call('SCORE', [[2, 1]], 'govinfo', [['S3.daily', 'S7']])).toBe(25);
    expect(call('REWARD', [[2, 1]], 'govinfo', [['S3.daily', 'S7']])).toBe(50);
    // 三(一)2 完成目标任务 20; 三(二)2 未完成的 扣30: 20 − 30 = −10 (may be negative).
    expect(call('SCORE', [[1, 1]], 'govinfo', [['S2', 'K2']])).toBe(-10);
  });

  it('tacheng2020: grades 优秀(90分以上)、良好(80—89分)、合格(60—79分)、不合格(60分以下)', () => {
    expect(call('GRADE', 90, 'tacheng2020')).toBe('优秀');
    expect(call('GRADE', [[85]], 'tacheng2020')).toBe('良好');
    expect(call('GRADE', 60, 'tacheng2020')).toBe('合格');
    expect(call('GRADE', 59.5, 'tacheng2020')).toBe('不合格');
  });

  it('township2022: levels by rank (一等 1–2, 二等 3–6, 三等 7–11), one level lower when criticized, none from 三等', () => {
    // 四(一): ranks 1–2 一等, 3–6 二等, 7–11 三等; 通报批评或曝光 lowers one level; 三等 with it: no level.
    const scores = [[95], [90], [88], [85], [80], [78], [75], [70]];
    expect(call('LEVEL', scores, 'township2022')).toEqual([['一等'], ['一等'], ['二等'], ['二等'], ['二等'], ['二等'], ['三等'], ['三等']]);
    const criticized = [[false], [true], [false], [false], [false], [false], [false], [true]];
    expect(call('LEVEL', scores, 'township2022', undefined, criticized)).toEqual([['一等'], ['二等'], ['二等'], ['二等'], ['二等'], ['二等'], ['三等'], ['']]);
  });

  it('RULESETS lists the five built-in rulesets', () => {
    const ids = (call('RULESETS') as unknown[][]).map((row) => row[0]);
    for (const id of ['chengdu2006', 'county2013', 'tacheng2020', 'govinfo', 'township2022']) expect(ids).toContain(id);
  });
});

describe('WPS functions bundle: errors', () => {
  it('bad input: #VALUE! first, then the message naming the item and the value', () => {
    expect(() => call('SCORE', [[-1]], 'chengdu2006', [['9.3']])).toThrow(/^#VALUE! .*9\.3.*-1/);
  });

  it('an error value in a cell (of a shape WPS does not document) is reported, not read as 0', () => {
    const errorCell = { text: '#N/A' };
    expect(() => call('SCORE', [[errorCell]], 'chengdu2006', [['9.1']])).toThrow(/^#VALUE! .*#N\/A/);
  });

  it('an error cell given as its COM error code (CVErr: 0x800A0000 + XlCVError number) is an error, never a number', () => {
    // #DIV/0! is xlErrDiv0 2007: 0x800A07D7 as a signed 32-bit integer = -2146826281.
    expect(() => call('SCORE', [[-2146826281]], 'chengdu2006', [['9.1']])).toThrow(/^#VALUE! .*#DIV\/0!/);
    // #N/A is xlErrNA 2042: -2146826246; GRADE's scalar argument too.
    expect(() => call('GRADE', -2146826246, 'tacheng2020')).toThrow(/^#VALUE! .*#N\/A/);
    // In the header row it is no item code either.
    expect(() => call('SCORE', [[1]], 'chengdu2006', [[-2146826273]])).toThrow(/#VALUE!/);
  });

  it('unknown ruleset, or one without grades: #N/A', () => {
    expect(() => call('SCORE', [[1]], 'nosuchruleset', [['9.1']])).toThrow(/^#N\/A .*nosuchruleset/);
    expect(() => call('GRADE', 80, 'chengdu2006')).toThrow(/^#N\/A /);
  });

  it('a range where one cell is expected: #VALUE! saying so', () => {
    expect(() => call('GRADE', [[80, 90]], 'tacheng2020')).toThrow(/^#VALUE! 应为单个单元格，却是 1×2 的区域/);
  });
});
