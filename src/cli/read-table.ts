/**
 * The table a reader builds for the core, sparse where the file is: rows are as long as their
 * last value (not as wide as the sheet) and a row without values is one shared empty array, so
 * the cost follows the cells present. Every limit of read-limits.ts on the table is checked as the
 * table grows, so a file over one stops the reading there.
 */
import type { Cell } from '../core/cells';
import { isEmptyCell } from '../core/cells';
import {
  HEAP_SHARE,
  MAX_TABLE_SLOTS,
  SPARSE_CHECKED_ABOVE,
  SPARSE_SLOTS_PER_VALUE,
  estimatedHeap,
  heapLimitBytes,
} from './read-limits';
import { UsageError } from './usage-error';

/** Every row without values: frozen, so a reader of the table that wrote into it would fail loudly. */
const EMPTY_ROW = Object.freeze([]) as unknown as Cell[];

const MB = 1024 * 1024;

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Names a place in the file for messages: a cell (B3 on a sheet) or a CSV line. */
export type Place = (row: number, column: number) => { zh: string; en: string };

export class TableBuilder {
  readonly rows: Cell[][] = [];
  /** Row slots plus, per row, its length. */
  private slots = 0;
  /** Cells holding a value. */
  private values = 0;
  /** Rows holding at least one value. */
  private dataRows = 0;
  /** The longest row. */
  private maxWidth = 0;
  private readonly heapBudget = heapLimitBytes() * HEAP_SHARE;

  /**
   * `sparse`: the cells arrive by address (an .xlsx), so a stray value far away could make a
   * table of empty slots, which is refused; a CSV's rows are its own bytes, so it is not checked.
   */
  constructor(
    private readonly file: string,
    private readonly place: Place,
    private readonly sparse: boolean,
  ) {}

  /** A value at (row, column), 0-based, in any order; empty values are not stored. */
  set(row: number, column: number, value: Cell): void {
    if (isEmptyCell(value)) return;
    const rows = this.rows;
    const past = row >= rows.length;
    const length = past ? 0 : rows[row].length;
    // The slots this value adds (rows up to it, its row up to it), checked before any is allocated.
    const added = (past ? row + 1 - rows.length : 0) + Math.max(0, column + 1 - length);
    if (added > 0) this.grow(added, row, column);
    if (past) {
      while (rows.length < row) rows.push(EMPTY_ROW);
      rows.push([]);
    } else if (rows[row] === EMPTY_ROW) rows[row] = [];
    const cells = rows[row];
    if (cells.length === 0) this.addDataRow(row, column);
    if (column >= cells.length) {
      while (cells.length < column) cells.push(null);
      cells.push(value);
      this.values++;
      if (cells.length > this.maxWidth) this.maxWidth = cells.length;
    } else {
      if (isEmptyCell(cells[column])) this.values++;
      cells[column] = value;
    }
  }

  /** The next row, whole (a CSV record): kept as it is, empty cells included. */
  push(cells: Cell[]): void {
    const row = this.rows.length;
    this.grow(1 + cells.length, row, cells.length);
    let filled = 0;
    for (const cell of cells) if (!isEmptyCell(cell)) filled++;
    if (filled > 0) {
      this.values += filled;
      this.addDataRow(row, 0);
    }
    this.rows.push(cells);
  }

  /** Blanks a cell (a merged cell that is not the top-left one). */
  clear(row: number, column: number): void {
    const cells = this.rows[row];
    if (cells === undefined || column >= cells.length || isEmptyCell(cells[column])) return;
    cells[column] = null;
    this.values--;
  }

  /** The table, after the check for a stray value far from the rest (merged cells blanked may have left one). */
  finish(): Cell[][] {
    if (this.tooSparse(0)) {
      let widest = 0;
      for (let r = 0; r < this.rows.length; r++) if (this.rows[r].length > this.rows[widest].length) widest = r;
      const last = this.rows.length - 1;
      if (this.rows[widest].length > last) this.stray(widest, this.rows[widest].length - 1, this.values);
      this.stray(last, this.rows[last].length - 1, this.values);
    }
    return this.rows;
  }

  private tooSparse(adding: number): boolean {
    return this.sparse && this.slots > SPARSE_CHECKED_ABOVE && this.slots > SPARSE_SLOTS_PER_VALUE * (this.values + adding);
  }

  private stray(row: number, column: number, values: number): never {
    const at = this.place(row, column);
    const rows = count(Math.max(this.rows.length, row + 1));
    const columns = count(Math.max(this.maxWidth, column + 1));
    throw new UsageError(
      `${this.file}：${at.zh}离其余数据很远（表格因此达 ${rows} 行 × ${columns} 列，而只有 ${count(values)} 个单元格有值）：多半是误输入的，请删除它（或它所在的行、列）后再试`,
      `${this.file}: ${at.en} is far from the rest of the data (it makes the table ${rows} rows × ${columns} columns, with only ${count(values)} ${values === 1 ? 'cell holding a value' : 'cells holding values'}): most likely typed by mistake; delete it (or its row or column) and try again`,
    );
  }

  private addDataRow(row: number, column: number): void {
    this.dataRows++;
    if (estimatedHeap(this.dataRows, this.slots) > this.heapBudget) this.tooBig(row, column);
  }

  private grow(slots: number, row: number, column: number): void {
    this.slots += slots;
    if (this.slots > MAX_TABLE_SLOTS) {
      const at = this.place(row, column);
      throw new UsageError(
        `${this.file} 太大：读到${at.zh}时表格已超过 ${count(MAX_TABLE_SLOTS)} 个单元格位置（行数 + 各行长度）的上限：请拆分文件`,
        `${this.file} is too large: at ${at.en} the table passes the limit of ${count(MAX_TABLE_SLOTS)} cell slots (rows + row lengths): split the file`,
      );
    }
    if (this.tooSparse(1)) this.stray(row, column, this.values + 1);
    if (estimatedHeap(this.dataRows, this.slots) > this.heapBudget) this.tooBig(row, column);
  }

  private tooBig(row: number, column: number): never {
    const at = this.place(row, column);
    const limit = Math.round(heapLimitBytes() / MB);
    throw new UsageError(
      `${this.file} 太大：读到${at.zh}时已有 ${count(this.dataRows)} 行数据，评分估计需要超过 ${Math.round(this.heapBudget / MB)} MB 内存（本进程上限 ${limit} MB 的 ${HEAP_SHARE * 100}%）：请拆分文件，或提高 Node 的内存上限，例如 NODE_OPTIONS=--max-old-space-size=${Math.max(8192, limit * 2)}`,
      `${this.file} is too large: at ${at.en} it already has ${count(this.dataRows)} rows of data, and scoring them would need more than ${Math.round(this.heapBudget / MB)} MB (${HEAP_SHARE * 100}% of this process's ${limit} MB heap): split the file, or raise Node's memory limit, e.g. NODE_OPTIONS=--max-old-space-size=${Math.max(8192, limit * 2)}`,
    );
  }
}
