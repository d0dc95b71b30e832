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
import { dataArgs, vocabulary } from '../fuzz/arbitraries';

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
