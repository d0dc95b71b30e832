/**
 * Issue 23: the compiled header plan (src/core/plan.ts) and the fast paths of quickScores — item
 * cells read run by run with the number fast paths inline, a plain unit name classified and keyed
 * without normalising, names checked for repeats in a reused table — give exactly what the full
 * reader and scorer give (readUnits + scoreRecord), on generated tables holding the rows offices
 * write under and between their units: sign-off lines (制表人：张三), 合计/平均 rows, notes (注：…),
 * section rows and blank rows, and unit names that are plain, Traditional, repeated or sum words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import type { CompiledRuleset } from '../../src/core/compile';
import { type ReadOptions, readUnits } from '../../src/core/input';
import { HeaderCache, NameSet, headerPlan, isPlainName, plainUnitIdentity, sameCells } from '../../src/core/plan';
import { quickScores } from '../../src/core/quick';
import { scoreRecord } from '../../src/core/score';
import { unitIdentity } from '../../src/core/text';
import { asMatrix } from '../../src/functions/implementation';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';
import { headerRow, vocabulary } from '../fuzz/arbitraries';

function fullScores(rs: CompiledRuleset, table: Cell[][], options: ReadOptions = {}): { scores: number[]; rows: Array<number | null> } | Error {
  try {
    const records = readUnits(rs, table, options);
    return { scores: records.map((record) => scoreRecord(rs, record, { explain: false }).scoreMicros), rows: records.map((record) => record.row) };
  } catch (error) {
    return error as Error;
  }
}

/** Unit names: plain ones (the fast key), Traditional and Simplified spellings of one unit, sum words, and names that need normalising. */
const NAMES = ['城关镇', '河口镇', '錦江區', '锦江区', '合计', '平均', '总计', 'total', 'Total', 'sum', 'x1', '单位1', '单位2', '一二', '甲镇 ', '甲镇', '甲\u200b镇', 'ＡＢ', 'ab', '一、第一圈层', '3、', '青羊区'];

/** Cell values around the edges of the number fast paths, and text the reader reads or refuses. */
const VALUES: Cell[] = [0, -0, 1, 2, 3, 1e6, 1e6 + 1, 0.5, 1.5, -1, -2.5, 0.985, 1 / 3, 0.123456789, 0.12345678, 100, 1e8, 1e8 + 1, true, false, null, null, null, '', ' ', NaN, '是', '2', '98.5%', 'x', Infinity];

const cell = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 5 }) as fc.Arbitrary<Cell> }, { weight: 4, arbitrary: fc.constantFrom(...VALUES) });

/** A row of a kind the reader tells apart (read/rows.ts), or a unit. */
function rowOf(kind: number, width: number, unitColumn: number, name: string, values: Cell[]): Cell[] {
  const row: Cell[] = new Array<Cell>(width).fill(null);
  const u = unitColumn >= 0 ? unitColumn : 0;
  switch (kind) {
    case 0: // a sign-off line
      row[u] = '制表人：张三';
      if (width > 2) row[width - 1] = '审核人：李四';
      return row;
    case 1: // a note under the table
      row[0] = '注：本表数据截至年底';
      return row;
    case 2: // 合计 / 平均 with numbers beside it
      for (let c = 0; c < width; c++) row[c] = c === u ? (name.length % 2 === 0 ? '合计' : '平均') : 3;
      return row;
    case 3: // blank
      return row;
    case 4: // a section heading
      row[0] = '二、第二圈层（20分）';
      return row;
    default: // a unit
      for (let c = 0; c < width; c++) row[c] = c === u ? name : (values[c % values.length] ?? null);
      return row;
  }
}

describe('the fast paths give the full scorer’s scores (issue 23)', () => {
  for (const id of BUILT_IN_IDS) {
    it(`${id}: plain and other unit names, edge numbers, sign-off, 合计/平均, note, section and blank rows`, () => {
      const rs = builtInRuleset(id);
      const v = vocabulary(id);
      const table = headerRow(v).chain((header) =>
        fc.tuple(
          fc.constant(header),
          fc.array(fc.tuple(fc.nat(9), fc.constantFrom(...NAMES), fc.array(cell, { minLength: 1, maxLength: 12 })), { minLength: 1, maxLength: 8 }),
          fc.boolean(),
        ),
      );
      let answered = 0;
      fc.assert(
        fc.property(table, ([rawHeader, rows, withUnit]) => {
          const header = asMatrix([rawHeader])[0].slice();
          if (withUnit && !header.includes('单位')) header.unshift('单位');
          const unitColumn = header.indexOf('单位');
          const data = [header, ...rows.map(([kind, name, values]) => rowOf(kind, header.length, unitColumn, name, values))];
          const full = fullScores(rs, data);
          const quick = quickScores(rs, data);
          if (quick === undefined) return;
          answered++;
          expect(full).not.toBeInstanceOf(Error);
          expect(quick).toEqual(full);
          // The same header as a new array (every SCORE call) and with headers passed apart: the same answer.
          expect(quickScores(rs, [header.slice(), ...data.slice(1)])).toEqual(quick);
          const apart = quickScores(rs, data.slice(1), { headers: [header.slice()] });
          if (apart !== undefined) expect(apart).toEqual(fullScores(rs, data.slice(1), { headers: [header.slice()] }));
        }),
        { numRuns: 300 },
      );
      if (rs.openItems) expect(answered).toBe(0);
      else expect(answered).toBeGreaterThan(10); // the fast path must be taken often enough to be tested
    });
  }
});

describe('township2022 hand-worked rows through the fast paths', () => {
  const rs = builtInRuleset('township2022');
  const M = 1_000_000;
  // 1.2 counts: 2 − 0.5 a time; 3.9 归档率: 2 − 0.2 per full point below 100%; the other items empty
  // (deductions keep their full points, judged/rate/rank items give 0).
  const header: Cell[] = ['单位', '1.2', '3.9'];
  const others = rs.scoredItems.filter((item) => !['1.2', '3.9'].includes(item.code)).reduce((sum, item) => sum + (item.kind === 'deduct' ? item.points : 0), 0);

  it('a Traditional and a Simplified spelling of one unit are one unit listed twice: left to the full path', () => {
    expect(quickScores(rs, [header, ['錦江區', 1, 1], ['锦江区', 0, 1]])).toBeUndefined();
    expect(quickScores(rs, [header, ['城关镇', 1, 1], ['城关镇', 0, 1]])).toBeUndefined();
    // Two different plain names: 1.2 once → 1.5; 3.9 at 100% → 2; 98.5% → 1.8.
    expect(quickScores(rs, [header, ['城关镇', 1, 1], ['河口镇', 0, 0.985]])).toEqual({ scores: [1.5 * M + 2 * M + others, 2 * M + 1.8 * M + others], rows: [1, 2] });
  });

  it('合计 and total with numbers beside them are no units; Total (not plain) is classified by the reader too', () => {
    const rows: Cell[][] = [header, ['城关镇', 1, 1], ['合计', 1, 1], ['total', 1, 1], ['Total', 1, 1]];
    expect(quickScores(rs, rows)).toEqual({ scores: [1.5 * M + 2 * M + others], rows: [1] });
    expect(fullScores(rs, rows)).toEqual({ scores: [1.5 * M + 2 * M + others], rows: [1] });
  });

  it('counts at the edge of the fast path: 1,000,000 is read, 1,000,001 and 0.5 are errors for the full path, −0 is 0', () => {
    expect(quickScores(rs, [header, ['城关镇', -0, 1]])).toEqual({ scores: [2 * M + 2 * M + others], rows: [1] });
    expect(quickScores(rs, [header, ['城关镇', 1_000_000, 1]])).toEqual({ scores: [0 + 2 * M + others], rows: [1] });
    expect(quickScores(rs, [header, ['城关镇', 1_000_001, 1]])).toBeUndefined();
    expect(quickScores(rs, [header, ['城关镇', 0.5, 1]])).toBeUndefined();
  });

  it('a header array changed after a call is planned by its new cells', () => {
    const mine: Cell[] = ['单位', '1.2', '3.9'];
    const first = quickScores(rs, [['城关镇', 1, 1]], { headers: [mine] });
    expect(first).toEqual({ scores: [1.5 * M + 2 * M + others], rows: [0] });
    mine[1] = '3.9';
    mine[2] = '1.2'; // the columns swapped: 3.9 reads 1 (100%), 1.2 reads 1 (once)
    expect(quickScores(rs, [['城关镇', 1, 1]], { headers: [mine] })).toEqual(first);
    mine[2] = '不是条目的表头';
    expect(quickScores(rs, [['城关镇', 1, 1]], { headers: [mine] })).toEqual(fullScores(rs, [['城关镇', 1, 1]], { headers: [mine] }));
  });
});

describe('plan.ts pieces', () => {
  it('sameCells compares value and type: NaN equals NaN, null is not undefined, "1" is not 1', () => {
    expect(sameCells([1, 'a', NaN, null], [1, 'a', NaN, null])).toBe(true);
    expect(sameCells([null], [undefined])).toBe(false);
    expect(sameCells(['1'], [1])).toBe(false);
    expect(sameCells([1, 2], [1])).toBe(false);
  });

  it('HeaderCache makes a value once per distinct header and tag, and keeps a copy of the header', () => {
    const cache = new HeaderCache<number>(2);
    let made = 0;
    const header: Cell[] = ['a', 'b'];
    expect(cache.get(header, 0, null, () => ++made)).toBe(1);
    expect(cache.get(['a', 'b'], 0, null, () => ++made)).toBe(1);
    expect(cache.get(['a', 'b'], 1, null, () => ++made)).toBe(2);
    header[0] = 'z';
    expect(cache.get(['a', 'b'], 0, null, () => ++made)).toBe(1);
    expect(cache.get(header, 0, null, () => ++made)).toBe(3);
  });

  it('the header plan is one object per ruleset and header cells', () => {
    const rs = builtInRuleset('township2022');
    expect(headerPlan(rs, ['单位', '1.2'], 1)).toBe(headerPlan(rs, ['单位', '1.2'], 1));
    expect(headerPlan(rs, ['单位', '1.2'], 1).hasItems).toBe(true);
    expect(headerPlan(rs, ['单位', '备注'], 1).hasItems).toBe(false);
  });

  it('a plain name is its own identity unless it holds a Traditional character (as unitIdentity)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0x4e00, max: 0x9fff }), fc.constantFrom(0x61, 0x7a, 0x30, 0x39, 0x41, 0x20, 0x200b, 0xff21)), { minLength: 1, maxLength: 6 }), (codes) => {
        const name = String.fromCharCode(...codes);
        if (isPlainName(name)) expect(plainUnitIdentity(name)).toBe(unitIdentity(name));
      }),
      { numRuns: 3000 },
    );
    expect(plainUnitIdentity('錦江區')).toBe('锦江区');
    expect(isPlainName('Total')).toBe(false);
    expect(isPlainName('甲 镇')).toBe(false);
  });

  it('NameSet finds a repeat, forgets everything on reset, and grows', () => {
    const set = new NameSet();
    set.reset(3);
    expect([set.add('a'), set.add('b'), set.add('a')]).toEqual([true, true, false]);
    set.reset(1000);
    expect(set.add('a')).toBe(true);
    for (let i = 0; i < 999; i++) expect(set.add(`n${i}`)).toBe(true);
    expect(set.add('n500')).toBe(false);
    set.reset(2);
    expect(set.add('n500')).toBe(true);
  });
});
