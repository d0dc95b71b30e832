/**
 * Numbers-only scoring straight from the cells: what ASSESS.SCORE needs, without unit records,
 * names, positions or explanations. It reads each item cell with the same readers and scores with
 * the same arithmetic (itemMagnitude, totalsOf) as the full path; whenever a table needs more than
 * that — an error to report with its unit and cell, a tier or criticized cell, open items, a
 * volume to rank across units, a layout other than rows — it answers undefined and the caller takes the full path, which gives
 * the same score or the exact error.
 */
import { type Cell, CellProblem, cellText, isEmptyCell } from './cells';
import type { CompiledItem, CompiledRuleset } from './compile';
import { AssessError } from './errors';
import type { Micros } from './fixed';
import { type ReadOptions, asRows, detectLayout, headerRowIndex, readItemCell, unitKey } from './input';
import { type RowKind, rowKind } from './read/rows';
import { RUN_COUNT, RUN_FLAG, RUN_JUDGED, RUN_JUDGED_NONNEGATIVE, RUN_RANK, RUN_RATE, NameSet, blankColumnsFilled, headerPlan, isPlainName, isPlainSumName, plainUnitIdentity } from './plan';
import { kernelOf, magnitudesInto, totalsOf } from './kernel';
import { outOfBounds } from './score';

function isEmpty(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && isEmptyCell(cell));
}

/** Scores of the units of a rows-layout table, in order, with each unit's row in the table. */
export interface QuickScores {
  /** Micros. */
  scores: Micros[];
  /** Row index in the table of each unit (as UnitRecord.row). */
  rows: number[];
}

/** Per ruleset, the values and magnitudes of one row, reused from call to call (SCORE scores one row a call). */
const scratch = new WeakMap<CompiledRuleset, { values: Float64Array; magnitudes: Float64Array }>();

function scratchOf(rs: CompiledRuleset): { values: Float64Array; magnitudes: Float64Array } {
  let arrays = scratch.get(rs);
  if (!arrays) {
    arrays = { values: new Float64Array(rs.items.length), magnitudes: new Float64Array(rs.items.length) };
    scratch.set(rs, arrays);
  }
  return arrays;
}

/** The unit names seen in a call, reused (quickScores runs to the end of a table before another call). */
const unitNames = new NameSet();

/** Scores of the units of a rows-layout table; undefined: take the full path. */
export function quickScores(rs: CompiledRuleset, table: Cell[][], options: ReadOptions = {}): QuickScores | undefined {
  if (rs.openItems || options.layout === 'pairs' || options.layout === 'ledger') return undefined;
  let header: Cell[];
  let data: Cell[][];
  let firstDataRow: number;
  const headers = asRows(options.headers);
  if (headers.length > 0) {
    if (headers.length !== 1) return undefined;
    [header, data, firstDataRow] = [headers[0], table, 0];
  } else {
    if (options.layout !== 'rows' && detectLayout(rs, table) !== 'rows') return undefined;
    const headerRow = headerRowIndex(table);
    [header, data, firstDataRow] = [table[headerRow] ?? [], table.slice(headerRow + 1), headerRow + 1];
  }
  const compiled = headerPlan(rs, header, firstDataRow);
  const plan = compiled.quick;
  // A layout error, a column the numbers need the full reader for, or data under an empty header: the full path.
  if (!plan || blankColumnsFilled(compiled, data)) return undefined;
  const { width, itemColumns, itemIndex, items, runStart, volumeColumns, unitColumn, otherColumns } = plan;
  const kernel = kernelOf(rs);
  const { values, magnitudes } = scratchOf(rs);
  values.fill(NaN);
  magnitudes.fill(0);
  const scores: Micros[] = [];
  const rows: number[] = [];
  // A unit listed twice is an error of the full path; one data row (SCORE) needs no check.
  const names = unitColumn >= 0 && data.length > 1 ? unitNames : null;
  names?.reset(data.length);
  try {
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      // One rule for what a row is, the full reader's (read/rows.ts): blank rows, 制表人：… and 注：…
      // lines, 乡镇名称：… lines and section headings are not units; a 合计 / 平均 row is skipped below.
      const kind = kindOf(row, unitColumn);
      if (kind !== 'data' && kind !== 'sum') continue;
      if (row.length > width) return undefined;
      const hasData = readRow(row, itemColumns, itemIndex, items, runStart, values);
      // A volume is ranked across the units (scoreBatch, SCORES): the full path's work.
      for (let k = 0; k < volumeColumns.length; k++) if (!isEmpty(row[volumeColumns[k]])) return undefined;
      // Blank rows and lines under the table (no unit, no item data) are not units.
      if (!hasData) {
        const named = unitColumn >= 0 && !isEmpty(row[unitColumn]);
        if (!named && (unitColumn >= 0 || otherColumns.every((c) => isEmpty(row[c])))) continue;
      }
      // A 合计 / 平均 row is not a unit (the full reader skips it): no score of its own.
      if (kind === 'sum') continue;
      if (names) {
        const cell = row[unitColumn];
        if (!isEmpty(cell)) {
          // One unit however written (錦江區 / 锦江区, U+200B), as the full reader; a plain name is its own key.
          const name = typeof cell === 'string' && isPlainName(cell) ? plainUnitKey(rs, cell) : unitKey(rs, cellText(cell));
          if (!names.add(name)) return undefined;
        }
      }
      magnitudesInto(kernel, values, magnitudes);
      const score = totalsOf(kernel, magnitudes, 0).score;
      if (outOfBounds(rs, score)) return undefined;
      scores.push(score);
      rows.push(firstDataRow + r);
    }
  } catch (problem) {
    // Reported with unit, item and cell by the full path.
    if (problem instanceof CellProblem || problem instanceof AssessError) return undefined;
    throw problem;
  }
  return scores.length > 0 ? { scores, rows } : undefined;
}

/** As the reader's unitKey, for a plain name (plan.ts isPlainName): no normalising to do. */
function plainUnitKey(rs: CompiledRuleset, name: string): string {
  const identity = plainUnitIdentity(name);
  const listed = rs.unitIndex.get(identity);
  return listed ? `\u0000${listed.label}` : identity;
}

/**
 * rowKind (read/rows.ts) without its text work for the usual row: a plain unit name (plan.ts
 * isPlainName) and nothing else but numbers, TRUE/FALSE and empty cells, at least one of them.
 * Such a row is no note, fact line or section (each needs every filled cell to be text, or
 * punctuation a plain name has not), so it is a sum row when its name is a sum word and data
 * otherwise. Any other row is classified by rowKind itself.
 */
function kindOf(row: readonly Cell[], unitColumn: number): RowKind {
  if (unitColumn >= 0) {
    const name = row[unitColumn];
    if (typeof name === 'string' && isPlainName(name)) {
      let values = 0;
      let plain = true;
      for (let c = 0; c < row.length; c++) {
        if (c === unitColumn) continue;
        const cell = row[c];
        if (cell === null || cell === undefined) continue;
        if (typeof cell === 'number' || typeof cell === 'boolean') values++;
        else {
          plain = false;
          break;
        }
      }
      if (plain && values > 0) return isPlainSumName(name) ? 'sum' : 'data';
    }
  }
  return rowKind(row, unitColumn);
}

/** The reader's limits on the number fast paths (cells.ts): larger values take the reader itself. */
const MAX_COUNT = 1_000_000;
const MAX_POINTS = 100_000_000;

/**
 * Reads a row's item cells into values (NaN: empty), run by run; a plain number in range is read
 * inline exactly as the reader's fast path reads it, anything else by the reader (readItemCell),
 * which returns the same value or throws the same problem. Returns whether any item cell is filled.
 */
function readRow(row: readonly Cell[], columns: Int32Array, index: Int32Array, items: readonly CompiledItem[], runStart: Int32Array, values: Float64Array): boolean {
  let hasData = false;
  for (let k = runStart[RUN_FLAG], end = runStart[RUN_FLAG + 1]; k < end; k++) {
    const cell = row[columns[k]];
    if (cell === 1 || cell === true) values[index[k]] = 1;
    else if (cell === 0 || cell === false) values[index[k]] = 0;
    else if (typeof cell !== 'number' && isEmpty(cell)) {
      values[index[k]] = NaN;
      continue;
    } else values[index[k]] = readItemCell(items[k], cell);
    hasData = true;
  }
  for (let k = runStart[RUN_COUNT], end = runStart[RUN_COUNT + 1]; k < end; k++) {
    const cell = row[columns[k]];
    if (typeof cell === 'number' && cell >= 0 && cell <= MAX_COUNT && Math.floor(cell) === cell) values[index[k]] = cell + 0; // -0 reads as 0
    else if (typeof cell !== 'number' && isEmpty(cell)) {
      values[index[k]] = NaN;
      continue;
    } else values[index[k]] = readItemCell(items[k], cell);
    hasData = true;
  }
  for (let k = runStart[RUN_RANK], end = runStart[RUN_RANK + 1]; k < end; k++) {
    const cell = row[columns[k]];
    if (typeof cell === 'number' && cell >= 1 && cell <= MAX_COUNT && Math.floor(cell) === cell) values[index[k]] = cell;
    else if (typeof cell !== 'number' && isEmpty(cell)) {
      values[index[k]] = NaN;
      continue;
    } else values[index[k]] = readItemCell(items[k], cell);
    hasData = true;
  }
  for (let k = runStart[RUN_RATE], end = runStart[RUN_RATE + 1]; k < end; k++) {
    const cell = row[columns[k]];
    let done = false;
    if (typeof cell === 'number' && cell >= 0 && cell <= 1) {
      // A fraction with up to 8 decimals scales exactly in one multiplication.
      const scaled = Math.round(cell * 1e8);
      if (scaled / 1e8 === cell) {
        values[index[k]] = scaled + 0;
        done = true;
      }
    }
    if (!done) {
      if (typeof cell !== 'number' && isEmpty(cell)) {
        values[index[k]] = NaN;
        continue;
      }
      values[index[k]] = readItemCell(items[k], cell);
    }
    hasData = true;
  }
  for (let k = runStart[RUN_JUDGED], end = runStart[RUN_JUDGED_NONNEGATIVE + 1], nonNegative = runStart[RUN_JUDGED_NONNEGATIVE]; k < end; k++) {
    const cell = row[columns[k]];
    let done = false;
    if (typeof cell === 'number' && cell >= (k >= nonNegative ? 0 : -MAX_POINTS) && cell <= MAX_POINTS) {
      // Points with up to 6 decimals scale exactly in one multiplication.
      const scaled = Math.round(cell * 1_000_000);
      if (scaled / 1_000_000 === cell) {
        values[index[k]] = scaled + 0;
        done = true;
      }
    }
    if (!done) {
      if (typeof cell !== 'number' && isEmpty(cell)) {
        values[index[k]] = NaN;
        continue;
      }
      values[index[k]] = readItemCell(items[k], cell);
    }
    hasData = true;
  }
  return hasData;
}
