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
import { type ReadOptions, asRows, detectLayout, headerRowIndex, plannedColumns, readItemCell, unitKey } from './input';
import { rowKind } from './read/rows';
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
  let plan;
  try {
    plan = plannedColumns(rs, header, firstDataRow, data);
  } catch {
    return undefined; // a layout error: the full path reports it
  }
  const width = plan.length;
  // Item columns apart from the rest, so the per-row loop touches only what a score needs.
  const itemColumns: number[] = [];
  const itemOf: CompiledItem[] = [];
  const volumeColumns: number[] = [];
  let unitColumn = -1;
  const otherColumns: number[] = [];
  for (let c = 0; c < width; c++) {
    const column = plan[c];
    if (column.kind === 'item' && column.item) {
      itemColumns.push(c);
      itemOf.push(column.item);
    } else if (column.kind === 'volume') volumeColumns.push(c);
    else if (column.kind === 'unit' && unitColumn < 0) unitColumn = c;
    else if (column.kind === 'ignore' || column.kind === 'unit' || column.kind === 'claim') otherColumns.push(c);
    else return undefined; // tier, criticized, open items: the full reader
  }
  const values = new Float64Array(rs.items.length).fill(NaN);
  const kernel = kernelOf(rs);
  const magnitudes = new Float64Array(rs.items.length);
  const scores: Micros[] = [];
  const rows: number[] = [];
  // A unit listed twice is an error of the full path; one data row (SCORE) needs no check.
  const names = unitColumn >= 0 && data.length > 1 ? new Set<string>() : null;
  try {
    for (let r = 0; r < data.length; r++) {
      const row = data[r];
      // One rule for what a row is, the full reader's (read/rows.ts): blank rows, 制表人：… and 注：…
      // lines, 乡镇名称：… lines and section headings are not units; a 合计 / 平均 row is skipped below.
      const kind = rowKind(row, unitColumn);
      if (kind !== 'data' && kind !== 'sum') continue;
      if (row.length > width) return undefined;
      let hasData = false;
      for (let k = 0; k < itemColumns.length; k++) {
        const item = itemOf[k];
        const cell = row[itemColumns[k]];
        if (typeof cell !== 'number' && isEmpty(cell)) values[item.index] = NaN;
        else {
          values[item.index] = readItemCell(item, cell);
          hasData = true;
        }
      }
      // A volume is ranked across the units (scoreBatch, SCORES): the full path's work.
      for (const c of volumeColumns) if (!isEmpty(row[c])) return undefined;
      // Blank rows and lines under the table (no unit, no item data) are not units.
      if (!hasData) {
        const named = unitColumn >= 0 && !isEmpty(row[unitColumn]);
        if (!named && (unitColumn >= 0 || otherColumns.every((c) => isEmpty(row[c])))) continue;
      }
      // A 合计 / 平均 row is not a unit (the full reader skips it): no score of its own.
      if (kind === 'sum') continue;
      if (names && !isEmpty(row[unitColumn])) {
        const name = unitKey(rs, cellText(row[unitColumn])); // one unit however written (錦江區 / 锦江区, U+200B), as the full reader
        if (names.has(name)) return undefined;
        names.add(name);
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
