/**
 * A ruleset table range costs nothing to look up again (issue 19.10). Counted, not timed: a
 * counting proxy over the table array counts every cell read (and every row fetched).
 *  - The same array object passed again (a caller that keeps its range) reads O(1) cells.
 *  - A range with 100,000 blank rows under the table (a range drawn too far, a whole column)
 *    reads each blank cell at most once, from the end, and the filled part a small number of
 *    times — no walk of the blank part beyond finding where the table ends, on any call.
 *  - A new array with the same content (what Excel and HyperFormula pass on every call) is the
 *    same compiled ruleset, with the same bounds on reads.
 */
import { describe, expect, it } from 'vitest';
import { rulesetToTable } from '../../src/core/table-format';
import { type ExcelMatrix, items, resolveRuleset } from '../../src/functions/implementation';
import { builtInRuleset } from '../../src/rulesets';

interface Counts {
  filled: number;
  blank: number;
  rows: number;
}

/** The table with `blankRows` empty rows under it, behind proxies that count reads of cells in the filled part and in the blank tail. */
function counted(table: ExcelMatrix, blankRows: number): { range: ExcelMatrix; counts: Counts; reset: () => void } {
  const counts: Counts = { filled: 0, blank: 0, rows: 0 };
  const width = table[0].length;
  const isIndex = (key: string | symbol): boolean => typeof key === 'string' && /^\d+$/.test(key);
  const wrapRow = (row: ExcelMatrix[number], tail: boolean): ExcelMatrix[number] =>
    new Proxy(row, {
      get(target, key, receiver) {
        if (isIndex(key)) {
          if (tail) counts.blank++;
          else counts.filled++;
        }
        return Reflect.get(target, key, receiver);
      },
    });
  const blankRow = new Array<null>(width).fill(null);
  const rows = [...table.map((row) => wrapRow(row, false)), ...Array.from({ length: blankRows }, () => wrapRow(blankRow, true))];
  const range = new Proxy(rows, {
    get(target, key, receiver) {
      if (isIndex(key)) counts.rows++;
      return Reflect.get(target, key, receiver);
    },
  });
  return {
    range,
    counts,
    reset: () => {
      counts.filled = 0;
      counts.blank = 0;
      counts.rows = 0;
    },
  };
}

const TABLE = rulesetToTable(builtInRuleset('township2022').spec) as ExcelMatrix;
const FILLED = TABLE.length * TABLE[0].length;

describe('a ruleset table range', () => {
  it('is as wide and long as township2022 written out (the issue measured a 57×22 table)', () => {
    expect(TABLE.length).toBeGreaterThan(50);
    expect(TABLE[0].length).toBeGreaterThan(15);
  });

  it('passed again as the same array object reads O(1) cells', () => {
    const { range, counts, reset } = counted(TABLE, 0);
    const first = resolveRuleset(range);
    expect(first.id).toBe('township2022');
    reset();
    for (let i = 0; i < 10; i++) expect(resolveRuleset(range)).toBe(first);
    expect(counts.filled + counts.blank).toBeLessThanOrEqual(10 * 4);
    expect(counts.rows).toBeLessThanOrEqual(10 * 4);
    // And through a function: ITEMS reads the ruleset argument no further.
    reset();
    items(range);
    expect(counts.filled + counts.blank).toBeLessThanOrEqual(4);
  });

  it('with 100,000 blank rows under it reads each blank cell at most once and the filled part a few times', () => {
    const blankRows = 100_000;
    const blankCells = blankRows * TABLE[0].length;
    const { range, counts, reset } = counted(TABLE, blankRows);
    const first = resolveRuleset(range);
    expect(first.id).toBe('township2022');
    // First sight (compiled or found by content): the blank tail once, from the end.
    expect(counts.blank).toBeLessThanOrEqual(blankCells);
    expect(counts.filled).toBeLessThanOrEqual(6 * FILLED);
    // The same object again: nothing of either part.
    reset();
    expect(resolveRuleset(range)).toBe(first);
    expect(counts.blank + counts.filled).toBeLessThanOrEqual(4);
  });

  it('as a new array with the same content (every Excel call) is the same ruleset, the blank tail read once and the filled part at most twice', () => {
    const blankRows = 100_000;
    const blankCells = blankRows * TABLE[0].length;
    const first = resolveRuleset(JSON.parse(JSON.stringify(TABLE)) as ExcelMatrix);
    const { range, counts } = counted(JSON.parse(JSON.stringify(TABLE)) as ExcelMatrix, blankRows);
    expect(resolveRuleset(range)).toBe(first);
    expect(counts.blank).toBeLessThanOrEqual(blankCells);
    expect(counts.filled).toBeLessThanOrEqual(2 * FILLED);
  });
});
