/**
 * quickScores (the numbers-only path ASSESS.SCORE takes) against the full reader and scorer:
 * whenever it answers, it must give exactly the full path's scores; whenever the full path
 * reports an error, it must not answer (the caller then takes the full path and its message).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import type { CompiledRuleset } from '../../src/core/compile';
import { type ReadOptions, readUnits } from '../../src/core/input';
import { quickScores } from '../../src/core/quick';
import { scoreRecord } from '../../src/core/score';
import { asMatrix, isOmitted } from '../../src/functions/implementation';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';
import { dataArgs, dataRows, headerRow, vocabulary } from '../fuzz/arbitraries';

const M = 1_000_000;

/** The full path's scores (micros) and units' rows, or the error it throws. */
function fullScores(rs: CompiledRuleset, table: Cell[][], options: ReadOptions): { scores: number[]; rows: Array<number | null> } | Error {
  try {
    const records = readUnits(rs, table, options);
    return { scores: records.map((record) => scoreRecord(rs, record, { explain: false }).scoreMicros), rows: records.map((record) => record.row) };
  } catch (error) {
    return error as Error;
  }
}

describe('quickScores agrees with readUnits + scoreRecord', () => {
  for (const id of BUILT_IN_IDS) {
    it(`${id}: same scores when it answers, no answer when the full path reports an error`, () => {
      const rs = builtInRuleset(id);
      let answered = 0;
      fc.assert(
        fc.property(dataArgs(vocabulary(id)), ({ data, headers }) => {
          const table = asMatrix(data);
          const options: ReadOptions = isOmitted(headers) ? {} : { headers: asMatrix(headers) };
          const full = fullScores(rs, table, options);
          const quick = quickScores(rs, table, options);
          if (quick === undefined) return;
          answered++;
          expect(full).not.toBeInstanceOf(Error);
          expect(quick).toEqual(full);
        }),
        { numRuns: 400 },
      );
      // The generator makes plenty of clean rows: the fast path must actually be taken — except
      // for a ruleset with open items (tacheng2020), whose columns only the full reader knows.
      if (rs.openItems) expect(answered).toBe(0);
      else expect(answered).toBeGreaterThan(20);
    });
  }
});

describe('quickScores on hand-worked township2022 rows', () => {
  const rs = builtInRuleset('township2022');
  const header = ['单位', '1.2', '1.3', '3.9', '5.7', '3.1'];

  it('scores a plain numeric row like the regulation says', () => {
    // 1.2: 2 − 0.5×2 = 1; 1.3: 2 − 2×1 = 0; 3.9 归档率 98.5%: 1 full point below 100% → 2 − 0.2 = 1.8;
    // 5.7 优秀 +2; 3.1 rank 3: 4 − 0.2×2 = 3.6. Every other item empty: counts (deductions) keep
    // their full points, judged/rate/rank items score 0.
    const fullOthers = rs.scoredItems
      .filter((item) => !['1.2', '1.3', '3.9', '5.7', '3.1'].includes(item.code))
      .reduce((sum, item) => sum + (item.kind === 'deduct' ? item.points : 0), 0);
    const expected = 1 * M + 0 + 1.8 * M + 2 * M + 3.6 * M + fullOthers;
    expect(quickScores(rs, [header, ['甲镇', 2, 1, 0.985, 1, 3]])).toEqual({ scores: [expected], rows: [1] });
  });

  it('leaves errors, tiers and criticized columns to the full path', () => {
    expect(quickScores(rs, [header, ['甲镇', -1, 0, 1, 0, 1]])).toBeUndefined(); // a negative count: an error to report
    expect(quickScores(rs, [header, ['甲镇', '#N/A', 0, 1, 0, 1]])).toBeUndefined();
    expect(quickScores(rs, [[...header, '通报批评或曝光'], ['甲镇', 0, 0, 1, 0, 1, '是']])).toBeUndefined();
    expect(quickScores(rs, [header, ['甲镇', 0, 0, 1, 0, 1, 5]])).toBeUndefined(); // data beyond the header
  });

  it('reads text cells the full reader accepts', () => {
    const numbers = quickScores(rs, [header, ['甲镇', 2, 1, 0.985, 1, 3]]);
    expect(quickScores(rs, [header, ['甲镇', '２', '1', '98.5%', '是', ' 3 ']])).toEqual(numbers);
  });

  it('skips blank rows and a sign-off line under the table, as the full reader does', () => {
    const rows: Cell[][] = [header, ['甲镇', 2, 1, 0.985, 1, 3], [null, null, null, null, null, null], ['乙镇', 0, 0, 1, 0, 1]];
    const quick = quickScores(rs, rows);
    expect(quick?.rows).toEqual([1, 3]);
    expect(quick).toEqual(fullScores(rs, rows, {}));
  });
});

describe('one rule for what a row is (issue 18.5): the numbers-only path skips what the full reader skips', () => {
  const rs = builtInRuleset('chengdu2006');
  const header = ['序号', '单位', '9.3', '10.2'];

  it('a 制表人 line in the 单位 column is no unit (it was given 70)', () => {
    // 锦江区 70 + 2 × 0.5 (9.3) = 71; 青羊区 70 + 0 − 0 (10.2 deductions capped at the bonus, 第十條(八)) = 70.
    const rows: Cell[][] = [header, [1, '锦江区', 2, null], [2, '青羊区', null, 1], [null, '制表人：张三', null, null]];
    expect(quickScores(rs, rows)).toEqual({ scores: [71 * M, 70 * M], rows: [1, 2] });
  });

  it('a section row 一、第一圈层 and a merged 注：… line give no score', () => {
    const rows: Cell[][] = [header, ['一、第一圈层', null, null, null], [1, '锦江区', 2, null], [null, '注：全年扣分超过100分的不得参评先进', null, null]];
    expect(quickScores(rs, rows)).toEqual({ scores: [71 * M], rows: [2] });
    expect(fullScores(rs, rows, {})).toEqual({ scores: [71 * M], rows: [2] });
  });
});

/** A row of each kind the reader tells apart, in a rows table: what a unit row is made of is the generator's. */
function rowOfKind(kind: number, width: number, unitColumn: number, text: string): Cell[] {
  const row: Cell[] = new Array<Cell>(width).fill(null);
  const at = (c: number) => Math.min(Math.max(c, 0), width - 1);
  switch (kind) {
    case 0: // a sign-off line, in the unit column or the first
      row[at(unitColumn)] = `制表人：${text}`;
      if (width > 2) row[width - 1] = '审核人：李四';
      break;
    case 1: // a note under the table, merged across (its text in the first cell only)
      row[0] = `注：${text}`;
      break;
    case 2: // 合计 / 平均 in the unit column, numbers beside it
      row[at(unitColumn)] = text.length % 2 === 0 ? '合计' : '平均';
      for (let c = 0; c < width; c++) if (c !== at(unitColumn)) row[c] = 3;
      break;
    case 3: // blank
      break;
    case 4: // a section heading
      row[0] = `二、${text || '第二圈层'}（20分）`;
      break;
    default: // a date beside a sign-off
      row[at(unitColumn)] = '填表日期：2024年1月5日';
      if (width > 2) row[width - 1] = '2024年1月5日';
  }
  return row;
}

describe('quickScores agrees with the full reader over title, note, sign-off, 合计/平均, blank and section rows (issue 18.5)', () => {
  for (const id of BUILT_IN_IDS) {
    it(`${id}: same units and scores`, () => {
      const rs = builtInRuleset(id);
      const v = vocabulary(id);
      const table = headerRow(v).chain((header) =>
        fc.tuple(
          fc.constant(header),
          dataRows(v, header, { minRows: 1, maxRows: 4 }),
          fc.array(fc.tuple(fc.nat(5), fc.nat(6), fc.constantFrom('张三', '', '本表数据截至年底', 'x')), { maxLength: 4 }),
          fc.boolean(),
        ),
      );
      let answered = 0;
      fc.assert(
        fc.property(table, ([header, rows, extras, titled]) => {
          const width = header.length;
          const unitColumn = header.findIndex((cell) => typeof cell === 'string' && /单位|unit|名称|乡镇|部门/.test(cell));
          const body: Cell[][] = asMatrix(rows).map((row) => row.slice());
          for (const [kind, place, text] of extras) body.splice(place % (body.length + 1), 0, rowOfKind(kind, width, unitColumn, text));
          const top: Cell[][] = titled && width >= 3 ? [[`${rs.id} 考核汇总表`, ...header.slice(1).map(() => null)]] : [];
          const data = [...top, asMatrix([header])[0], ...body];
          const full = fullScores(rs, data, {});
          const quick = quickScores(rs, data, {});
          if (quick === undefined) return;
          answered++;
          expect(full).not.toBeInstanceOf(Error);
          expect(quick).toEqual(full);
        }),
        { numRuns: 300 },
      );
      if (rs.openItems) expect(answered).toBe(0);
      else expect(answered).toBeGreaterThan(10);
    });
  }
});
