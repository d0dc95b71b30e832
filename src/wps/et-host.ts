/**
 * The task pane's Host (src/host/host.ts) on WPS 表格's ET object model. ET calls are synchronous
 * COM-style calls (no batching, no sync): each method does its reads, then its writes with screen
 * updating off, and restores screen updating even when a write fails.
 *
 * ET semantics kept here: 1-based Row/Column; Range.Value2 is a scalar for one cell and an array of
 * rows for several; Interior.Color is a BGR long; a cell has at most one Comment (AddComment fails
 * on a cell that has one); Worksheets.Add activates the new sheet.
 *
 * The marks' undo record is the one both hosts read (src/host/marks-record.ts): a very hidden sheet
 * (ASSESS_MARKS_SHEET), column A, in chunks of RECORD_CHUNK characters, in Office's words (fill
 * pattern names, "#RRGGBB", the hash of each note added), so a workbook marked in Excel clears here
 * and back. It is written before the first mark, so whatever fails later, clearMarks restores.
 */
import type { Cell } from '../core';
import { a1, columnLetters, parseAddress, quoteSheet, uniqueSheetName } from '../excel/addresses';
import { type CellBlock, type CellMark, type Host, type MarkResult, type PlanBlock, type PrintSetup, type SheetPlan, type ValidationRule, checkPlan, mergeByCell, parseHexColor, parseTitleColumns, parseTitleRows, printScale } from '../host/host';
import { ANY_NOTE, MARKS_RECORD_CHUNK, MARKS_SHEET, MARKS_SHEET_WHERE, type MarkedCell, bgrToHex, decodeMarksRecord, encodeMarksRecord, hexToBgr, noteHash, patternName, patternNumber } from '../host/marks-record';
import { comErrorText } from './com-errors';
import { type EtApplication, type EtPageSetup, type EtRange, type EtWorksheet, xl } from './et-model';

export const ASSESS_MARKS_SHEET = MARKS_SHEET;
export const RECORD_CHUNK = MARKS_RECORD_CHUNK;

/** "#RRGGBB" → ET's BGR long. */
export function bgr(color: string): number {
  const [r, g, b] = parseHexColor(color);
  return r + g * 256 + b * 65536;
}

/** Sheet-qualified address as Excel writes it: quotes only where the name needs them. */
export function sheetAddress(sheet: string, local: string): string {
  const plain = /^[A-Za-z_\u3400-\u9fff][A-Za-z0-9_.\u3400-\u9fff]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return `${plain ? sheet : quoteSheet(sheet)}!${local}`;
}

/** "A1:K40" (or "A1") → 0-based corners. */
function parseLocalRange(local: string): { row: number; column: number; lastRow: number; lastColumn: number } {
  const [from, to = from] = local.replace(/\$/g, '').split(':');
  const start = parseAddress(from);
  const end = parseAddress(to);
  return { row: Math.min(start.row, end.row), column: Math.min(start.column, end.column), lastRow: Math.max(start.row, end.row), lastColumn: Math.max(start.column, end.column) };
}

function rangeText(row: number, column: number, rows: number, columns: number): string {
  const from = a1(row, column);
  return rows === 1 && columns === 1 ? from : `${from}:${a1(row + rows - 1, column + columns - 1)}`;
}

/** Value2 as rows: a scalar (one cell) becomes [[v]]; empty cells ''; other kinds read by their text. */
function readValues(sheet: EtWorksheet, range: EtRange, rows: number, columns: number): Cell[][] {
  const raw = range.Value2;
  if (rows * columns > 1 && !Array.isArray(raw)) {
    // Never fill a block with blanks from a value of a shape we do not know.
    const where = sheetAddress(sheet.Name, rangeText(range.Row - 1, range.Column - 1, rows, columns));
    throw new Error(`读取 ${where} 时 WPS 返回的 Value2 不是按行的数组（${typeof raw}）/ WPS returned Value2 of ${where} as ${typeof raw}, not an array of rows`);
  }
  const grid: unknown[][] = Array.isArray(raw) ? raw.map((row) => (Array.isArray(row) ? row : [row])) : [[raw]];
  const out: Cell[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: Cell[] = [];
    for (let c = 0; c < columns; c++) line.push(cellValue(grid[r]?.[c], () => cellText(sheet.Range(a1(range.Row - 1 + r, range.Column - 1 + c)))));
    out.push(line);
  }
  return out;
}

/**
 * An error value (#N/A …) in Value2 is either not a string, number or boolean, or a number that is
 * a COM error code (com-errors.ts): read what the cell shows. A code is taken as an error only when
 * the cell shows an error, so a cell really holding -2146826281 stays that number.
 */
function cellValue(value: unknown, text: () => string): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && comErrorText(value) !== null) {
    const shown = text();
    return shown.startsWith('#') ? shown : value;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return text();
}

/** Only for the rare odd value: one Range call per such cell. */
function cellText(cell: EtRange): string {
  const text = cell.Text;
  return typeof text === 'string' && text !== '' ? text : '#VALUE!';
}

export class EtHost implements Host {
  constructor(private readonly app: EtApplication) {}

  private sheets(): EtWorksheet[] {
    const all = this.app.ActiveWorkbook.Worksheets;
    const list: EtWorksheet[] = [];
    for (let i = 1; i <= all.Count; i++) list.push(all.Item(i));
    return list;
  }

  private sheet(name: string): EtWorksheet {
    const found = this.sheets().find((ws) => ws.Name === name);
    if (!found) throw new Error(`找不到工作表「${name}」/ no sheet named "${name}"`);
    return found;
  }

  /** Runs writes with screen updating off, restored whatever happens. */
  private quietly<T>(body: () => T): T {
    const before = this.app.ScreenUpdating;
    this.app.ScreenUpdating = false;
    try {
      return body();
    } finally {
      this.app.ScreenUpdating = before;
    }
  }

  async readSelection(): Promise<CellBlock> {
    const sheet = this.app.ActiveSheet;
    const selection = this.app.ActiveWindow.RangeSelection;
    const used = sheet.UsedRange;
    const box = (range: EtRange) => ({ row: range.Row - 1, column: range.Column - 1, lastRow: range.Row - 2 + range.Rows.Count, lastColumn: range.Column - 2 + range.Columns.Count });
    const u = box(used);
    const chosen = selection.Rows.Count * selection.Columns.Count > 1;
    let target = u;
    if (chosen) {
      const s = box(selection);
      const inside = { row: Math.max(s.row, u.row), column: Math.max(s.column, u.column), lastRow: Math.min(s.lastRow, u.lastRow), lastColumn: Math.min(s.lastColumn, u.lastColumn) };
      const selected = sheetAddress(sheet.Name, rangeText(s.row, s.column, s.lastRow - s.row + 1, s.lastColumn - s.column + 1));
      if (inside.row > inside.lastRow || inside.column > inside.lastColumn || isBlankUsedRange(used)) {
        throw new Error(`所选区域 ${selected} 中没有数据 / the selection ${selected} holds no data`);
      }
      target = inside;
    }
    return this.readBox(sheet, target.row, target.column, target.lastRow - target.row + 1, target.lastColumn - target.column + 1);
  }

  private readBox(sheet: EtWorksheet, row: number, column: number, rows: number, columns: number): CellBlock {
    const local = rangeText(row, column, rows, columns);
    const range = sheet.Range(local);
    return { sheet: sheet.Name, address: sheetAddress(sheet.Name, local), row, column, values: readValues(sheet, range, rows, columns) };
  }

  async readRange(address: string): Promise<CellBlock> {
    const bang = address.lastIndexOf('!');
    const sheet = bang >= 0 ? this.sheet(address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'")) : this.app.ActiveSheet;
    const box = parseLocalRange(address.slice(bang + 1));
    return this.readBox(sheet, box.row, box.column, box.lastRow - box.row + 1, box.lastColumn - box.column + 1);
  }

  async writeSheet(plan: SheetPlan): Promise<{ sheet: string }> {
    const existing = this.sheets();
    const name = uniqueSheetName(plan.name, existing.map((ws) => ws.Name));
    const sizes = checkPlan(plan); // bad blocks fail before anything is written
    const previous = this.app.ActiveSheet;
    return this.quietly(() => {
      const sheet = this.app.ActiveWorkbook.Worksheets.Add(undefined, existing[existing.length - 1]);
      sheet.Name = name;
      plan.blocks.forEach((block, k) => writeBlock(sheet, block, sizes[k]));
      for (const { column, width } of plan.columnWidths ?? []) sheet.Range(`${columnLetters(column)}1`).ColumnWidth = width;
      for (const { range, format } of plan.numberFormats ?? []) sheet.Range(range).NumberFormat = format;
      for (const validation of plan.validations ?? []) {
        const target = sheet.Range(validation.range).Validation;
        target.Delete();
        const [type, operator, formula1, formula2] = validationArguments(validation.rule);
        target.Add(type, xl.validAlertStop, operator, formula1, formula2);
        if (validation.rule.kind === 'list') target.InCellDropdown = true;
        target.ErrorTitle = validation.title.slice(0, 32);
        target.ErrorMessage = validation.message.slice(0, 225);
        target.ShowError = true;
      }
      if (plan.table) {
        const table = sheet.ListObjects.Add(xl.srcRange, sheet.Range(plan.table.range), undefined, xl.yes);
        // Table names are unique in the workbook: a taken name keeps ET's own (Table1 …).
        try {
          table.Name = plan.table.name;
        } catch {
          /* keep the default name */
        }
      }
      if (plan.chart) {
        const at = parseAddress(plan.chart.at);
        // Points: ET's default row height 13.5 pt, column width ≈ 54 pt.
        const chart = sheet.Shapes.AddChart2(-1, xl.barClustered, at.column * 54, at.row * 13.5, 480, 288).Chart;
        chart.SetSourceData(sheet.Range(`${plan.chart.categories},${plan.chart.values}`));
        chart.HasTitle = true;
        chart.ChartTitle.Text = plan.chart.title;
      }
      // Worksheets.Add made the new sheet active; freezing acts on the active window.
      if (plan.freezeRows) {
        sheet.Activate();
        const window = this.app.ActiveWindow;
        window.FreezePanes = false;
        window.SplitColumn = 0;
        window.SplitRow = plan.freezeRows;
        window.FreezePanes = true;
      }
      for (const column of plan.hiddenColumns ?? []) sheet.Range(`${columnLetters(column)}1`).EntireColumn.Hidden = true;
      if (plan.print) setPrint(sheet.PageSetup, plan.print);
      if (plan.activate === false) previous.Activate();
      else sheet.Activate();
      return { sheet: name };
    });
  }

  private readRecord(): { sheet: EtWorksheet | null; saved: MarkedCell[] } {
    const sheet = this.sheets().find((ws) => ws.Name === ASSESS_MARKS_SHEET) ?? null;
    if (!sheet) return { sheet: null, saved: [] };
    const used = sheet.UsedRange;
    const rows = used.Row - 1 + used.Rows.Count;
    const parts = readValues(sheet, sheet.Range(`A1:A${rows}`), rows, 1).map((row) => row[0]);
    return { sheet, saved: decodeMarksRecord(parts, MARKS_SHEET_WHERE) };
  }

  private writeRecord(sheet: EtWorksheet | null, saved: readonly MarkedCell[]): void {
    const target = sheet ?? this.createRecordSheet();
    const chunks = encodeMarksRecord(saved);
    const used = target.UsedRange;
    const old = used.Row - 1 + used.Rows.Count;
    const rows = Math.max(old, chunks.length, 1);
    // Text format first: ET reads text written to a General cell as if typed.
    const column = target.Range(`A1:A${rows}`);
    column.NumberFormat = '@';
    column.Value2 = Array.from({ length: rows }, (_, i) => [chunks[i] ?? '']);
  }

  private createRecordSheet(): EtWorksheet {
    const active = this.app.ActiveSheet;
    const all = this.app.ActiveWorkbook.Worksheets;
    const sheet = all.Add(undefined, all.Item(all.Count));
    sheet.Name = ASSESS_MARKS_SHEET;
    sheet.Visible = xl.sheetVeryHidden;
    active.Activate();
    return sheet;
  }

  async markCells(marks: readonly CellMark[]): Promise<MarkResult> {
    if (marks.length === 0) return { marked: 0, noted: 0 };
    for (const mark of marks) bgr(mark.fill); // a bad colour fails before anything changes
    marks = mergeByCell(marks);
    return this.quietly(() => {
      const record = this.readRecord();
      const key = (sheet: string, cell: string) => `${sheet}!${cell}`;
      const saved = new Map(record.saved.map((entry) => [key(entry.sheet, entry.cell), entry]));
      const targets = marks.map((mark) => ({ mark, range: this.sheet(mark.sheet).Range(mark.cell) }));
      // Which cells get a note: those without a comment now (ours from an earlier run included).
      const notes = targets.map(({ mark, range }) => mark.note !== null && !range.Comment);
      targets.forEach(({ mark, range }, i) => {
        const k = key(mark.sheet, mark.cell);
        // The fill to restore is the one before our first mark, not our own colour.
        const entry = saved.get(k) ?? { sheet: mark.sheet, cell: mark.cell, fill: savedFill(range) };
        if (notes[i] && mark.note !== null) entry.noted = noteHash(mark.note);
        saved.set(k, entry);
      });
      this.writeRecord(record.sheet, [...saved.values()]);
      let noted = 0;
      targets.forEach(({ mark, range }, i) => {
        range.Interior.Color = bgr(mark.fill);
        if (notes[i] && mark.note !== null) {
          range.AddComment(mark.note);
          noted++;
        }
      });
      return { marked: targets.length, noted };
    });
  }

  async clearMarks(): Promise<{ cleared: number }> {
    const record = this.readRecord();
    if (record.saved.length === 0) return { cleared: 0 };
    const fills = record.saved.map(fillToRestore); // a fill ET cannot take fails before anything changes
    return this.quietly(() => {
      const names = new Set(this.sheets().map((ws) => ws.Name));
      record.saved.forEach((entry, i) => {
        if (!names.has(entry.sheet)) return; // the sheet was deleted since: nothing to restore
        const range = this.sheet(entry.sheet).Range(entry.cell);
        const interior = range.Interior;
        const fill = fills[i];
        interior.Pattern = fill.pattern;
        if (fill.color !== undefined) interior.Color = fill.color;
        if (fill.patternColor !== undefined) interior.PatternColor = fill.patternColor;
        // Only the note the mark added: its text still has the recorded hash (a note the clerk has
        // edited since stays); ANY_NOTE (an earlier ET record) kept no hash.
        const comment = entry.noted ? range.Comment : null;
        if (comment && (entry.noted === ANY_NOTE || noteHash(String(comment.Text())) === entry.noted)) comment.Delete();
      });
      this.writeRecord(record.sheet, []);
      return { cleared: record.saved.length };
    });
  }

  async goTo(sheet: string, cell: string): Promise<void> {
    const target = this.sheet(sheet);
    target.Activate();
    target.Range(cell).Select();
  }
}

/** A cell's fill in the shared record's words (Office.js CellPropertiesFill). */
function savedFill(range: EtRange): MarkedCell['fill'] {
  const interior = range.Interior;
  const pattern = Number(interior.Pattern);
  return { pattern: patternName(pattern) ?? 'Solid', color: bgrToHex(Number(interior.Color)), patternColor: bgrToHex(Number(interior.PatternColor)) };
}

/**
 * The ET fill of a recorded one: no pattern (or "None") is xlNone, the fill cleared; otherwise the
 * pattern and its colours as numbers. A record written by Excel may name a pattern or colour ET has
 * no number for: the error names the cell and the value rather than guessing.
 */
function fillToRestore(entry: MarkedCell): { pattern: number; color?: number; patternColor?: number } {
  const { pattern, color, patternColor } = entry.fill;
  if (pattern === undefined || pattern.toLowerCase() === 'none') return { pattern: xl.none };
  const where = sheetAddress(entry.sheet, entry.cell);
  const number = patternNumber(pattern);
  if (number === null) throw new Error(`标记记录中 ${where} 的填充图案“${pattern}”无法还原 / the marks record gives ${where} the fill pattern "${pattern}", which cannot be restored`);
  const bgrOf = (name: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const n = hexToBgr(value);
    if (n === null) throw new Error(`标记记录中 ${where} 的 ${name} 颜色“${value}”无效 / the marks record gives ${where} the ${name} "${value}", not #RRGGBB`);
    return n;
  };
  return { pattern: number, color: bgrOf('color', color), patternColor: bgrOf('patternColor', patternColor) };
}

/** True when UsedRange is the single empty A1 ET reports for an empty sheet. */
function isBlankUsedRange(used: EtRange): boolean {
  if (used.Rows.Count * used.Columns.Count !== 1) return false;
  const value = used.Value2;
  return value === null || value === undefined || value === '';
}

function writeBlock(sheet: EtWorksheet, block: PlanBlock, size: { rows: number; columns: number }): void {
  const at = parseAddress(block.at);
  const range = sheet.Range(rangeText(at.row, at.column, size.rows, size.columns));
  if (block.numberFormat !== undefined) range.NumberFormat = block.numberFormat;
  if (block.values) {
    // ET, like Excel, reads text assigned to Value2 as if typed: "3.10" becomes 3.1, "2022-08-01" a
    // date, "=…" a formula. Every non-empty text cell (that the plan gives no formula) is
    // formatted as Text first, one NumberFormat call per run of such cells in a row; numbers,
    // booleans and blank cells keep their format, so a clerk typing into a blank cell gets a number.
    block.values.forEach((row, r) => {
      let start = -1;
      for (let c = 0; c <= row.length; c++) {
        const value = row[c];
        const text = c < row.length && typeof value === 'string' && value !== '' && !block.formulas?.[r]?.[c];
        if (text && start < 0) start = c;
        if (!text && start >= 0) {
          sheet.Range(rangeText(at.row + r, at.column + start, 1, c - start)).NumberFormat = '@';
          start = -1;
        }
      }
    });
    range.Value2 = block.values;
  }
  if (block.formulas) {
    block.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (formula !== '') sheet.Range(a1(at.row + r, at.column + c)).Formula = formula;
      }),
    );
  }
  if (block.bold) range.Font.Bold = true;
  if (block.fontColor) range.Font.Color = bgr(block.fontColor);
  if (block.wrap) range.WrapText = true;
  if (block.fill) range.Interior.Color = bgr(block.fill);
  if (block.fillDownTo !== undefined && block.fillDownTo > at.row + size.rows) {
    range.AutoFill(sheet.Range(rangeText(at.row, at.column, block.fillDownTo - at.row, size.columns)), xl.fillDefault);
  }
}

/**
 * PageSetup as in VBA (WPS 表格 PageSetup object, as Excel's): Zoom a percentage (10–400) prints at
 * that size; Zoom = False lets FitToPagesWide/FitToPagesTall act instead (FitToPagesTall = False is
 * "as many as needed"). PrintTitleRows "$1:$3" and PrintTitleColumns "$A:$A" repeat on every page.
 */
function setPrint(setup: EtPageSetup, print: PrintSetup): void {
  const titles = print.titleRows === undefined ? null : parseTitleRows(print.titleRows);
  const titleColumns = print.titleColumns === undefined ? null : parseTitleColumns(print.titleColumns);
  const scale = printScale(print);
  setup.Orientation = print.landscape ? xl.landscape : xl.portrait;
  setup.PaperSize = xl.paperA4;
  if (scale === null) {
    setup.Zoom = false;
    setup.FitToPagesWide = print.pagesWide ?? 1;
    setup.FitToPagesTall = false;
  } else setup.Zoom = scale;
  if (titles) setup.PrintTitleRows = `$${titles[0]}:$${titles[1]}`;
  if (titleColumns) setup.PrintTitleColumns = `$${titleColumns[0]}:$${titleColumns[1]}`;
}

function validationArguments(rule: ValidationRule): [number, number, string, string | undefined] {
  if (rule.kind === 'list') return [xl.validateList, xl.between, rule.items.join(','), undefined];
  const type = rule.kind === 'whole' ? xl.validateWholeNumber : xl.validateDecimal;
  return rule.max === undefined ? [type, xl.greaterEqual, String(rule.min), undefined] : [type, xl.between, String(rule.min), String(rule.max)];
}
