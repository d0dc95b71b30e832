/**
 * The layout stage of the reader (issue 18.6: cells → layout → column roles → records): which rows
 * are the header block — a title and a unit line skipped above it, one to four header rows with
 * merges (考核指标 over 加分项目（第九条） over （一）领导重视 …) folded into one header with each
 * column's category — and which layout the table has (rows, pairs, ledger, items as rows, forms).
 * Column roles are planned from its result (input.ts plannedColumns), records built after that.
 */
import { type Cell, cellText, isEmptyCell } from '../cells';
import type { CompiledRuleset } from '../compile';
import { interpretHeader, nearCategory } from '../headers';
import { detectItemRows } from '../item-rows';
import { normalizeKey } from '../text';
import { type Special, findItem, findVolume, specialIndex, specialRole } from './lookup';
import type { Layout, MergedRange } from './records';
import { isFactLine } from './rows';

export function asRows(cells: Cell[][] | Cell[] | null | undefined): Cell[][] {
  if (!cells) return [];
  if (cells.length > 0 && !Array.isArray(cells[0])) return [cells as Cell[]];
  return cells as Cell[][];
}

export function isBlankRow(row: Cell[]): boolean {
  return row.every(isEmptyCell);
}

/** Header rows one block may have (a group over categories over items is three). */
const MAX_HEADER_ROWS = 4;

/**
 * The header block from its first row down: each next row that reads as a sub-header of the rows
 * above (考核指标 over 加分项目（第九条） over （一）领导重视 …) is folded in — each column named by its
 * lowest cell, under the nearest category above it. `end` is the first data row.
 */
export function headerBlock(
  rs: CompiledRuleset,
  table: Cell[][],
  headerRow: number,
  merges: readonly MergedRange[],
): { cells: Cell[]; parents: Array<string | null> | null; end: number; slips: CategorySlip[] } {
  let cells = table[headerRow] ?? [];
  /** The table row each folded cell came from. */
  let rowOf: number[] = cells.map(() => headerRow);
  let parents: Array<string | null> | null = null;
  const slips: CategorySlip[] = [];
  let r = headerRow + 1;
  while (r < table.length && r - headerRow < MAX_HEADER_ROWS && isSubHeader(rs, cells, table[r])) {
    const sub = table[r];
    const step = twoRowHeader(cells, sub, r - 1, merges);
    const sources = parentColumns(cells, sub, r - 1, merges);
    // 加份项目 over its items: read as 加分项目, said once at the category's own cell.
    step.parents.forEach((parent, c) => {
      const source = sources[c];
      if (parent === null || source === null) return;
      const slip = nearCategory(parent);
      if (slip === null) return;
      step.parents[c] = slip.meant;
      const row = rowOf[source] ?? r - 1;
      if (!slips.some((s) => s.row === row && s.column === source)) slips.push({ row, column: source, written: cellText(cells[source]), meant: slip.meant, word: slip.word });
    });
    const above: Array<string | null> | null = parents;
    // A column with nothing in this row keeps the category it had (a two-row column inside a three-row block).
    parents = step.parents.map((parent, c): string | null => parent ?? above?.[c] ?? null);
    rowOf = step.cells.map((_, c) => (isEmptyCell(sub[c]) ? (rowOf[c] ?? r - 1) : r));
    cells = step.cells;
    r++;
  }
  return { cells, parents, end: r, slips };
}

/** A category header read as the word it is one character off (加份项目 read as 加分项目), at its cell (table row and column). */
export interface CategorySlip {
  row: number;
  column: number;
  written: string;
  meant: string;
  /** The points word meant (加分). */
  word: string;
}

/**
 * A second header row (加分 merged over 第九条（一）…（九）): no numbers, blank under the unit
 * column (a data row names its unit there), and at least one cell that reads as a header under
 * the cell above it.
 */
function isSubHeader(rs: CompiledRuleset, top: Cell[], sub: Cell[]): boolean {
  // Numbers are data; a number written as text is data too unless it is an item's code (9.1 | 9.3 | 10.2 under 加分项目（第九条）).
  if (sub.some((cell) => typeof cell === 'number' || typeof cell === 'boolean' || (typeof cell === 'string' && /^[\d.\-+%\s]+$/.test(normalizeKey(cell)) && !rs.headerIndex.has(normalizeKey(cell))))) return false;
  if (filledCells(sub) === 0) return false;
  const unitCol = top.findIndex((cell) => !isEmptyCell(cell) && specialRole(cellText(cell)) === 'unit');
  if (unitCol >= 0 && !isEmptyCell(sub[unitCol])) return false;
  const parents = headerParents(top, sub, -1, []);
  // A category merged over its items (政务公开（40分） over 组织领导 … 小计): sub cells under blank top cells, a category to their left.
  if (sub.some((cell, c) => !isEmptyCell(cell) && isEmptyCell(top[c]) && parents[c] !== null) && top.some((cell, c) => !isEmptyCell(cell) && !isEmptyCell(sub[c]))) return true;
  return sub.some((cell, c) => {
    if (isEmptyCell(cell)) return false;
    const meaning = interpretHeader(rs, cellText(cell), parents[c]);
    return meaning.kind === 'target' || meaning.kind === 'claim';
  });
}

/** Per column, the text of the header cell above a sub-header cell: itself, its merge's master, or (no merges known) the nearest filled cell to the left. */
function headerParents(top: Cell[], sub: Cell[], topRow: number, merges: readonly MergedRange[]): Array<string | null> {
  return parentColumns(top, sub, topRow, merges).map((c) => (c === null ? null : cellText(top[c])));
}

/** Per column, the column of the header cell above a sub-header cell (see headerParents), or null. */
function parentColumns(top: Cell[], sub: Cell[], topRow: number, merges: readonly MergedRange[]): Array<number | null> {
  const width = Math.max(top.length, sub.length);
  const parents: Array<number | null> = [];
  let left: number | null = null;
  for (let c = 0; c < width; c++) {
    const own = !isEmptyCell(top[c]);
    if (own) left = c;
    if (isEmptyCell(sub[c])) {
      parents.push(null);
      continue;
    }
    if (own) parents.push(c);
    else if (merges.length > 0) {
      const m = merges.find((range) => range.top === topRow && range.left <= c && range.right >= c);
      parents.push(m && !isEmptyCell(top[m.left]) ? m.left : null);
    } else parents.push(left);
  }
  return parents;
}

function twoRowHeader(top: Cell[], sub: Cell[], topRow: number, merges: readonly MergedRange[]): { cells: Cell[]; parents: Array<string | null> } {
  const parents = headerParents(top, sub, topRow, merges);
  const cells = parents.map((_, c) => (isEmptyCell(sub[c]) ? (top[c] ?? null) : sub[c]));
  return { cells, parents };
}

function filledCells(row: Cell[]): number {
  return row.reduce<number>((count, cell) => count + (isEmptyCell(cell) ? 0 : 1), 0);
}

/**
 * The header row: the first non-blank row, skipping title rows above it (a sheet title such as
 * "2024年度考核计分表" fills one cell of a table at least three columns wide).
 */
export function headerRowIndex(table: Cell[][]): number {
  let width = 0;
  for (const row of table) if (row.length > width) width = row.length;
  // Linear: the first row with two filled cells is found once, not searched again per title row.
  let firstWide = -1;
  for (let r = 0; r < table.length && firstWide < 0; r++) if (filledCells(table[r]) >= 2 && !isFactLine(table[r])) firstWide = r;
  for (let r = 0; r < table.length; r++) {
    const filled = filledCells(table[r]);
    if (filled === 0) continue;
    // 乡镇名称：河口镇 · 评定时间：2022年8月 above the table: facts, not the header.
    if (isFactLine(table[r]) && firstWide > r) continue;
    if (filled === 1 && width >= 3 && firstWide > r) continue;
    return r;
  }
  return 0;
}

export function headerRoles(row: Cell[]): Array<Special | undefined> {
  return row.map((cell) => (isEmptyCell(cell) ? undefined : specialIndex.get(normalizeKey(cellText(cell)))));
}

export function detectLayout(rs: CompiledRuleset, table: Cell[][]): Layout {
  const first = table[headerRowIndex(table)] ?? [];
  const roles = headerRoles(first);
  const named = roles.filter((role, c) => role !== undefined || !isEmptyCell(first[c]));
  const ledgerRoles: Array<Special | undefined> = ['unit', 'code', 'quantity', 'matter'];
  const allLedger = named.length === roles.filter((role) => ledgerRoles.includes(role)).length;
  if (roles.includes('code') && (roles.includes('quantity') || roles.includes('matter') || allLedger)) return 'ledger';
  const width = table.reduce((max, row) => Math.max(max, row.length), 0);
  if (width === 2) {
    if (roles[0] === 'code' && roles[1] === 'value') return 'pairs';
    // Pairs name items down the first column; in a rows table the first column holds unit names.
    const keys = table.map((row) => row[0]).filter((cell) => !isEmptyCell(cell)).map((cell) => cellText(cell));
    const isKey = (text: string) => findItem(rs, text) !== undefined || findVolume(rs, text) !== undefined || specialIndex.has(normalizeKey(text));
    const someItem = keys.some((text) => findItem(rs, text) !== undefined);
    // A rows header names an item across the first row as text (a number there is a value).
    const headerAcross = typeof first[1] === 'string' && (findItem(rs, first[1]) !== undefined || findVolume(rs, first[1]) !== undefined);
    if (someItem && (keys.every(isKey) || !headerAcross)) return 'pairs';
    // With open items nothing is known by name: a number beside the first key cannot be a header.
    if (rs.openItems && typeof first[1] === 'number' && specialIndex.get(normalizeKey(cellText(first[0]))) === undefined) return 'pairs';
  }
  return detectItemRows(rs, table, headerRowIndex(table))?.layout ?? 'rows';
}
