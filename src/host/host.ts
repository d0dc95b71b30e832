/**
 * The one seam between the task pane and the spreadsheet it runs in. The pane's logic builds plain
 * data (what to read, a SheetPlan to write, the marks to set) and a host applies it in one batch:
 * Office.js (src/excel) or the ET object model of WPS 表格 (src/wps). Nothing here names a host.
 *
 * Conventions every implementation keeps (test/host/contract.ts checks them on each):
 * - Rows and columns are 0-based in CellBlock; cells are A1 text ("C5") on their sheet.
 * - An empty cell reads as '' (as Office.js `values` gives it); an error cell reads as its text
 *   ("#N/A"), so the core reports it instead of reading it as 0.
 * - A plan never overwrites a sheet: the host picks a free name from `plan.name`
 *   ("计分表", "计分表 (2)" …) and returns it.
 * - `values` are literal: a text starting with = + - stays text. Formulas go in `formulas`, in
 *   English (invariant) syntax with A1 references.
 * - Marks keep the previous state of each cell (fill, and whether it had a comment) in the workbook
 *   itself before anything changes, so clearMarks restores exactly, even in a later session.
 */
import type { Cell } from '../core';

/** A rectangle of cells read from the workbook, with where it sits. */
export interface CellBlock {
  sheet: string;
  /** The block's address with its sheet, e.g. "Sheet1!A1:K21" or "'计分表 (2)'!B3:F9". */
  address: string;
  /** 0-based position of the top-left cell on its sheet. */
  row: number;
  column: number;
  values: Cell[][];
}

export type PlanValue = string | number | boolean;

/** A rectangle written on the new sheet, anchored at `at`; its size is that of `values`/`formulas`. */
export interface PlanBlock {
  /** Top-left cell on the new sheet ("A1"). */
  at: string;
  /** Literal values; text that looks like a formula is kept as text. */
  values?: PlanValue[][];
  /** Formulas ("=ASSESS.SCORE(D4:K4,\"chengdu2006\",D$2:K$2)"); "" leaves a cell as it is. */
  formulas?: string[][];
  /**
   * Fill the block down until its last row is this 1-based sheet row, as dragging the fill handle
   * does: relative references move, $-anchored ones stay.
   */
  fillDownTo?: number;
  /** Number format of every cell of the block ("0.00%", "@"). */
  numberFormat?: string;
  bold?: boolean;
  /** "#RRGGBB". */
  fontColor?: string;
  /** "#RRGGBB". */
  fill?: string;
  /** Wrap the text of every cell of the block within its column (a printed header is then read whole). */
  wrap?: boolean;
}

/** Data validation of input cells. Numbers are inclusive bounds. */
export type ValidationRule =
  | { kind: 'list'; items: string[] }
  | { kind: 'decimal'; min: number; max?: number }
  | { kind: 'whole'; min: number; max?: number };

export interface PlanValidation {
  /** A1 range on the new sheet ("D3:D22"). */
  range: string;
  rule: ValidationRule;
  /** Shown when a bad value is typed (stop alert). */
  title: string;
  message: string;
}

/** Everything one action writes on one new sheet, applied by the host in one batch. */
export interface SheetPlan {
  /** The wanted name; a free one is chosen from it (see uniqueSheetName). */
  name: string;
  blocks: PlanBlock[];
  /** 0-based column → width in characters. */
  columnWidths?: Array<{ column: number; width: number }>;
  /** Rows kept in view when scrolling (0 or absent: none). */
  freezeRows?: number;
  /**
   * 0-based columns hidden (on screen and on paper): columns kept for the formulas that refer to
   * them but holding nothing for any unit (see src/core/printed-columns.ts).
   */
  hiddenColumns?: number[];
  validations?: PlanValidation[];
  /** Number formats of ranges with nothing written in them yet (input columns: "0.00%"). */
  numberFormats?: Array<{ range: string; format: string }>;
  /**
   * A table (Excel table / ET 表格 ListObject) over `range`, its first row the headers. Its name
   * is made unique by the host if taken. Formulas inside a table cannot spill.
   */
  table?: { range: string; name: string };
  /** A bar chart of `values` by `categories` (A1 ranges on the new sheet), placed at `at`. */
  chart?: { title: string; seriesName: string; values: string; categories: string; at: string };
  /**
   * How the sheet prints: paper A4, `landscape` or portrait, at `scale` per cent (as many pages
   * across and down as needed) or else scaled to `pagesWide` pages across (as many pages down as
   * needed); `titleRows` ("1:3", 1-based sheet rows) repeated at the top of every page and
   * `titleColumns` ("A:A") at the left of every page. Absent: the host's defaults.
   */
  print?: PrintSetup;
  /** Make the new sheet the active one (default true). */
  activate?: boolean;
}

export interface PrintSetup {
  paper: 'A4';
  landscape: boolean;
  /** Pages across, the scale made to fit them; used only when `scale` is absent. */
  pagesWide?: number;
  /**
   * Per cent, 10–400: the sheet prints at this size whatever its width (a wide sheet continues on
   * further pages across), where fitting to pages across would shrink its text. Wins over pagesWide.
   */
  scale?: number;
  /** Rows repeated on every page, "first:last" (1-based), e.g. "1:3". */
  titleRows?: string;
  /** Columns repeated at the left of every page, "first:last" letters, e.g. "A:A". */
  titleColumns?: string;
}

/** The scale of a print setup, 10–400 per cent, or null to fit pages across; an error naming a bad one. */
export function printScale(print: PrintSetup): number | null {
  if (print.scale === undefined) return null;
  if (!Number.isInteger(print.scale) || print.scale < 10 || print.scale > 400) throw new Error(`打印缩放 ${print.scale} 无效：应为 10 到 400 的整数 / print scale ${print.scale} is not a whole number from 10 to 400`);
  return print.scale;
}

/** "A:B" → ["A", "B"]; an error naming the value otherwise. */
export function parseTitleColumns(columns: string): [string, string] {
  const match = /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/.exec(columns);
  const number = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  if (!match || number(match[2]) < number(match[1])) throw new Error(`标题列 "${columns}" 无效：应为 "首列:末列"，如 "A:A" / title columns "${columns}" are not "first:last" such as "A:A"`);
  return [match[1], match[2]];
}

/** "1:3" → [1, 3]; an error naming the value otherwise. */
export function parseTitleRows(rows: string): [number, number] {
  const match = /^(\d+):(\d+)$/.exec(rows);
  const first = match ? Number(match[1]) : 0;
  const last = match ? Number(match[2]) : 0;
  if (!match || first < 1 || last < first) throw new Error(`标题行 "${rows}" 无效：应为 "首行:末行"，如 "1:3" / title rows "${rows}" are not "first:last" such as "1:3"`);
  return [first, last];
}

/** A finding shown on a cell: a fill and, unless the cell already has a comment, a note. */
export interface CellMark {
  sheet: string;
  /** A1 on that sheet. */
  cell: string;
  /** "#RRGGBB". */
  fill: string;
  /** The note's text, or null for a fill only. */
  note: string | null;
}

export interface MarkResult {
  /** Cells given the fill. */
  marked: number;
  /** Cells given a note (cells that already had a comment keep theirs and get none). */
  noted: number;
  /**
   * Set when the host could not add the notes (an Excel whose comments.add fails, office-js
   * #1847): the fills landed all the same; the host's error text, for the pane to tell the clerk.
   */
  notesFailed?: string;
}

export interface Host {
  /**
   * The table the clerk selected: the selection (only its part inside the used range) when it
   * spans several cells, otherwise the used range of the active sheet. An error naming the
   * selection when it holds no data.
   */
  readSelection(): Promise<CellBlock>;
  /** One range by address ("规则!A1:K40", "'规则 (2)'!A1:K40"; without a sheet: the active one). */
  readRange(address: string): Promise<CellBlock>;
  /** Writes a new sheet; returns the name it got. */
  writeSheet(plan: SheetPlan): Promise<{ sheet: string }>;
  /**
   * Marks cells. The state before the first mark of each cell is saved in the workbook first;
   * a cell marked again keeps the state saved the first time.
   */
  markCells(marks: readonly CellMark[]): Promise<MarkResult>;
  /** Restores every marked cell as it was and removes the notes markCells added (and only those). */
  clearMarks(): Promise<{ cleared: number }>;
  /** Activates the sheet and selects the cell. */
  goTo(sheet: string, cell: string): Promise<void>;
  /**
   * A value the pane keeps in the workbook (a mapping the clerk confirmed), by key; undefined when
   * there is none. Optional: a host without it keeps nothing between sessions (WPS for now).
   */
  readSetting?(key: string): Promise<unknown>;
  /** Keeps a JSON value in the workbook under `key` (saved with the workbook). */
  writeSetting?(key: string, value: unknown): Promise<void>;
}

/** A host that refuses every operation with `error` (the pane opened where it cannot work). */
export function refusingHost(error: Error): Host {
  const refuse = () => Promise.reject(error);
  return { readSelection: refuse, readRange: refuse, writeSheet: refuse, markCells: refuse, clearMarks: refuse, goTo: refuse };
}

/** One mark per cell (a cell has one comment): the first fill, the notes joined line by line. */
export function mergeByCell(marks: readonly CellMark[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const mark of marks) {
    const k = `${mark.sheet}!${mark.cell}`;
    const seen = byCell.get(k);
    if (!seen) byCell.set(k, { ...mark });
    else if (mark.note !== null) seen.note = seen.note === null ? mark.note : `${seen.note}\n${mark.note}`;
  }
  return [...byCell.values()];
}

/** "#RRGGBB" → [r, g, b]; an error naming the value otherwise. */
export function parseHexColor(color: string): [number, number, number] {
  const match = /^#([0-9A-Fa-f]{6})$/.exec(color);
  if (!match) throw new Error(`颜色 "${color}" 无效：应为 #RRGGBB / colour "${color}" is not #RRGGBB`);
  const n = parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * Checks a plan before anything is written: every block's size (see blockSize) and the print
 * setup. Returns the blocks' sizes.
 */
export function checkPlan(plan: SheetPlan): Array<{ rows: number; columns: number }> {
  const sizes = plan.blocks.map(blockSize);
  if (plan.print) {
    if (plan.print.titleRows !== undefined) parseTitleRows(plan.print.titleRows);
    if (plan.print.titleColumns !== undefined) parseTitleColumns(plan.print.titleColumns);
    const wide = plan.print.pagesWide ?? 1;
    if (printScale(plan.print) === null && (!Number.isInteger(wide) || wide < 1)) throw new Error(`打印页宽 ${wide} 无效：应为正整数 / pages wide ${wide} is not a positive whole number`);
  }
  return sizes;
}

/** The rectangle a block covers: 0-based top-left and its size (from values or formulas). */
export function blockSize(block: PlanBlock): { rows: number; columns: number } {
  const grid = block.values ?? block.formulas ?? [];
  const columns = grid.reduce((most, row) => Math.max(most, row.length), 0);
  if (grid.length === 0 || columns === 0) throw new Error(`写入 ${block.at} 的区域为空 / the block at ${block.at} is empty`);
  if (grid.some((row) => row.length !== columns)) throw new Error(`写入 ${block.at} 的各行长度不同 / the rows of the block at ${block.at} differ in length`);
  return { rows: grid.length, columns };
}
