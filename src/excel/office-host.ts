/**
 * The task pane's Host (host.ts) on Office.js. Each method is one Excel.run with a number of syncs
 * that does not grow with the cells, except by chunks of a large read or batches of many marks:
 * readSelection 1 + one per chunk of rows (READ_*: Excel refuses more than 5,000,000 cells or, on
 * the web, 5 MB in one request); writeSheet 2 (names, then every write); markCells 2 (+1 when the
 * workbook has notes or comments, to find where they are; +1 per further batch of MARK_BATCH_BYTES;
 * +1 once where adding notes fails and the fills are sent alone); clearMarks 2; goTo 1. The marks'
 * undo record is the one WPS reads too (src/host/marks-record.ts), in its very hidden sheet. Nothing is ever written into the clerk's source range, new sheets never
 * take an existing name. Everything here is in ExcelApi EXCEL_API.
 */
import type { Cell } from '../core';
import { AssessError } from '../core/errors';
import { a1, columnLetters, parseAddress, quoteSheet, uniqueSheetName } from './addresses';
import { type CellBlock, type CellMark, type Host, type MarkResult, type PlanBlock, type PrintSetup, type SheetPlan, type ValidationRule, checkPlan, mergeByCell, parseHexColor, parseTitleColumns, parseTitleRows, printScale } from '../host/host';
import { ANY_NOTE, MARKS_SHEET, MARKS_SHEET_WHERE, type MarkedCell, decodeMarksRecord, encodeMarksRecord, noteHash } from '../host/marks-record';

/**
 * The ExcelApi requirement set the pane needs (manifest.xml <Requirements>; README "Supported Excel
 * versions"; checked by test/manifest/requirements.test.ts against the [Api set] tags of
 * @types/office-js for every member called in src/excel and src/taskpane).
 */
export const EXCEL_API = '1.10';

/** Excel.run, or a stand-in's. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The workbook setting where earlier versions kept the state of marked cells before their first
 * mark: still read (and its entries moved into the shared record, MARKS_SHEET), never written.
 */
export const MARKS_SETTING = 'assess.marks';
/** Notes of earlier versions start with this; their records have no `noted` (see clearMarksIn). */
const LEGACY_NOTE_TAG = '【ASSESS】';
/**
 * Writes of one batch of marks stay under this estimate (a tenth of the 5 MB request limit of
 * Excel on the web): each cell costs its note's UTF-8 bytes plus MARK_OVERHEAD_BYTES for the fill,
 * the two operations and their object paths.
 */
export const MARK_BATCH_BYTES = 512 * 1024;
export const MARK_OVERHEAD_BYTES = 400;
/**
 * The undo record holds one entry per marked cell (a cell marked again keeps its first entry); at
 * most this many (≈ 1 MB of JSON at worst): beyond it, clear the marks first.
 */
export const MARKS_MAX = 6000;

type SavedCell = MarkedCell;

/**
 * ExcelApi 1.18 has notes (workbook.notes, Excel.Note): what WPS 表格 and older Excel write, and
 * what `workbook.comments` (threaded comments only) does not list. Asked of Office where it is
 * there; false elsewhere (a stand-in without Office, an Excel that cannot say).
 */
export function notesSupported(): boolean {
  try {
    return typeof Office !== 'undefined' && Office.context.requirements.isSetSupported('ExcelApi', '1.18');
  } catch {
    return false;
  }
}

/** The record's reads, queued in an action's first sync: the very hidden sheet and the earlier setting. */
interface RecordRead {
  sheet: Excel.Worksheet;
  /** The sheet queueRecordWrite added, when there was none. */
  added?: Excel.Worksheet;
  used: Excel.Range;
  setting: Excel.Setting;
}

function queueRecordRead(context: Excel.RequestContext): RecordRead {
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load('value');
  const sheet = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(['values', 'rowIndex', 'columnIndex', 'rowCount']);
  return { sheet, used, setting };
}

/**
 * The record after the first sync: the sheet's entries (src/host/marks-record.ts), then those of
 * the setting an earlier version wrote (a bare array) for cells the sheet does not name. `rows`:
 * how far down column A the sheet's record reaches, so a shorter one overwrites it whole.
 */
function readRecord(read: RecordRead): { saved: SavedCell[]; rows: number } {
  let saved: SavedCell[] = [];
  let rows = 0;
  if (!read.sheet.isNullObject && !read.used.isNullObject) {
    const parts = read.used.columnIndex === 0 ? read.used.values.map((row) => row[0]) : [];
    rows = read.used.rowIndex + read.used.rowCount;
    saved = decodeMarksRecord([...Array.from({ length: read.used.rowIndex }, () => ''), ...parts], MARKS_SHEET_WHERE);
  }
  if (!read.setting.isNullObject) {
    const earlier = decodeMarksRecord([read.setting.value], { zh: `工作簿设置 ${MARKS_SETTING}`, en: `workbook setting ${MARKS_SETTING}` });
    const named = new Set(saved.map((entry) => `${entry.sheet}!${entry.cell}`));
    saved = [...saved, ...earlier.filter((entry) => !named.has(`${entry.sheet}!${entry.cell}`))];
  }
  return { saved, rows };
}

/**
 * Queues the record's write: the sheet added (very hidden, `Worksheet.visibility = "VeryHidden"`,
 * ExcelApi 1.1; not activated) when there is none, column A as Text ("@") first so no chunk is
 * read as a number or formula, the chunks from A1 and the rest of the old record emptied; the
 * earlier setting deleted (its entries are in the sheet now).
 */
function queueRecordWrite(context: Excel.RequestContext, read: RecordRead, rows: number, saved: readonly SavedCell[]): void {
  if (!read.setting.isNullObject) read.setting.delete();
  if (read.sheet.isNullObject && saved.length === 0) return; // nothing to keep, and no sheet to empty
  // Written again in a later batch (see markCellsIn's fallback), the sheet added by the first is used.
  const sheet = read.added ?? (read.sheet.isNullObject ? (read.added = context.workbook.worksheets.add(MARKS_SHEET)) : read.sheet);
  sheet.visibility = 'VeryHidden';
  const chunks = encodeMarksRecord(saved);
  const height = Math.max(rows, chunks.length);
  const column = sheet.getRange(`A1:A${height}`);
  column.numberFormat = Array.from({ length: height }, () => ['@']);
  column.values = Array.from({ length: height }, (_, i) => [chunks[i] ?? '']);
}

/** The notes (ExcelApi 1.18) and threaded comments of the workbook, loaded in the first sync. */
interface Annotations {
  notes: Excel.NoteCollection | null;
  comments: Excel.CommentCollection;
}

function queueAnnotations(context: Excel.RequestContext, useNotes: boolean): Annotations {
  const notes = useNotes ? context.workbook.notes : null;
  notes?.load('items/content');
  const comments = context.workbook.comments;
  comments.load('items/content');
  return { notes, comments };
}

function annotationItems(found: Annotations): Array<Excel.Note | Excel.Comment> {
  return [...(found.notes?.items ?? []), ...found.comments.items];
}

/** Where each note and comment is ("sheet!A1"): one sync, only when there are any. */
async function locate(items: ReadonlyArray<Excel.Note | Excel.Comment>, sync: () => Promise<void>): Promise<string[]> {
  if (items.length === 0) return [];
  const locations = items.map((item) => {
    const location = item.getLocation();
    location.load('address');
    return location;
  });
  await sync();
  return locations.map((location) => {
    const { sheet, row, column } = parseAddress(location.address);
    return `${sheet}!${a1(row, column)}`;
  });
}

/**
 * An error a note or comment refused would give: NotImplemented (comments.add on some Windows
 * builds, office-js #1847), InvalidArgument (a cell that has a note Excel without ExcelApi 1.18
 * cannot list), ApiNotFound; or any error Office locates in a note or comment call
 * (debugInfo.errorLocation "CommentCollection.add" …). Others (a sheet gone, a request too large)
 * are the action's failure, not the notes'.
 */
function refusedNotes(error: unknown): boolean {
  const { code, debugInfo } = (error ?? {}) as { code?: unknown; debugInfo?: { errorLocation?: unknown } };
  return code === 'NotImplemented' || code === 'InvalidArgument' || code === 'ApiNotFound' || /comment|note/i.test(String(debugInfo?.errorLocation ?? ''));
}

/**
 * Marks cells in one Excel.run: one sync for the record (the very hidden sheet MARKS_SHEET, and
 * the setting of earlier versions), the notes and comments and the fills of the cells to mark
 * (only those); one more for where the notes and comments are, when the workbook has any; then
 * one per batch of marks under MARK_BATCH_BYTES. The first batch starts with the undo record of
 * every cell the run will mark, so whichever operation fails, every cell already marked is in the
 * record and clearing restores it.
 *
 * Notes: with ExcelApi 1.18 (useNotes) they are notes (workbook.notes, what WPS and Excel's 新建批注
 * show), and a cell with a note or a threaded comment gets none; without it, threaded comments,
 * and a cell with a note Excel cannot list refuses ours. Where adding them fails (that, or
 * comments.add NotImplemented on some Windows builds, office-js #1847; see refusedNotes), the
 * batch is sent again without notes — one more sync, once — and later batches carry none: the fills land, and the
 * result's notesFailed says why there are no notes.
 */
export async function markCellsIn(context: Excel.RequestContext, marks: readonly CellMark[], sync: () => Promise<void>, useNotes = false): Promise<MarkResult> {
  if (marks.length === 0) return { marked: 0, noted: 0 };
  const merged = mergeByCell(marks.map((mark) => ({ ...mark, fill: hex(mark.fill) })));
  const key = (sheet: string, cell: string) => `${sheet}!${cell}`;
  const read = queueRecordRead(context);
  const found = queueAnnotations(context, useNotes);
  const fills = merged.map((mark) => context.workbook.worksheets.getItem(mark.sheet).getRange(mark.cell).getCellProperties({ format: { fill: { color: true, pattern: true } } }));
  await sync();
  const record = readRecord(read);
  const saved = new Map(record.saved.map((entry) => [key(entry.sheet, entry.cell), entry]));
  const fresh = merged.filter((mark) => !saved.has(key(mark.sheet, mark.cell))).length;
  if (saved.size + fresh > MARKS_MAX) {
    throw new AssessError({
      kind: 'layout',
      zh: `已有 ${saved.size} 处标记，再标记 ${fresh} 处将超过 ${MARKS_MAX} 处：请先点击“清除标记”`,
      en: `${saved.size} cells are marked already; ${fresh} more would pass ${MARKS_MAX}: click "Clear marks" first`,
    });
  }
  // Cells with a note or a comment (ours or the clerk's) get no second one.
  const annotated = new Set((await locate(annotationItems(found), sync)).map((at) => at.toLowerCase()));
  const planned = merged.map((mark, i) => {
    const k = key(mark.sheet, mark.cell);
    const note = mark.note !== null && !annotated.has(k.toLowerCase()) ? mark.note : null;
    // The fill to restore is the one before our first mark, not our own colour.
    const entry: SavedCell = saved.get(k) ?? { sheet: mark.sheet, cell: mark.cell, fill: fills[i].value[0]?.[0]?.format?.fill ?? {} };
    if (note !== null) entry.noted = noteHash(note);
    saved.set(k, entry);
    return { mark, note, bytes: MARK_OVERHEAD_BYTES + (note === null ? 0 : jsonBytes(note)) };
  });
  const entries = [...saved.values()];
  let batch: typeof planned = [];
  let bytes = jsonBytes(entries);
  let first = true;
  let noted = 0;
  let notesFailed: string | undefined;
  const queue = (items: typeof planned, withRecord: boolean, withNotes: boolean) => {
    context.application.suspendScreenUpdatingUntilNextSync();
    // The undo record goes first: everything after it in the batch (and later batches) is covered.
    if (withRecord) queueRecordWrite(context, read, record.rows, entries);
    for (const { mark } of items) context.workbook.worksheets.getItem(mark.sheet).getRange(mark.cell).format.fill.color = mark.fill;
    // Notes after every fill of the batch: one a host refuses stops the batch there (Office.js
    // runs a batch in order and stops at a failure), and the fills are in already.
    if (withNotes)
      for (const { mark, note } of items) {
        if (note === null) continue;
        const at = `${quoteSheet(mark.sheet)}!${mark.cell}`;
        if (found.notes) found.notes.add(at, note);
        else found.comments.add(at, note);
      }
  };
  const flush = async () => {
    const notes = notesFailed === undefined ? batch.filter((item) => item.note !== null).length : 0;
    queue(batch, first, notes > 0);
    try {
      await sync();
      noted += notes;
    } catch (error) {
      if (notes === 0 || !refusedNotes(error)) throw error;
      // Adding notes failed: the same batch again without them (the record and fills again too,
      // whatever part of the batch ran), and no notes in later batches.
      notesFailed = error instanceof Error ? error.message : String(error);
      queue(batch, first, false);
      await sync();
    }
    first = false;
    batch = [];
    bytes = 0;
  };
  for (const item of planned) {
    if (batch.length > 0 && bytes + item.bytes > MARK_BATCH_BYTES) await flush();
    batch.push(item);
    bytes += item.bytes;
  }
  await flush();
  return { marked: merged.length, noted, ...(notesFailed === undefined ? {} : { notesFailed }) };
}

/**
 * Restores every marked cell as saved (a fill back exactly, no fill cleared) and deletes the notes
 * markCells added — by either host, in either form: the notes (ExcelApi 1.18) and threaded
 * comments whose text has a recorded note's hash; for an entry of an earlier ET record (ANY_NOTE,
 * no hash kept), the note on that cell; for a record of the first Office version (no `noted`
 * anywhere), every comment starting with LEGACY_NOTE_TAG. The clerk's notes and comments stay.
 * Two syncs: the record, the notes, comments and sheets; then every write (the record emptied,
 * its sheet kept). One more, between them, to locate the notes of ANY_NOTE entries when there are
 * any.
 */
export async function clearMarksIn(context: Excel.RequestContext, sync: () => Promise<void>, useNotes = false): Promise<{ cleared: number }> {
  const read = queueRecordRead(context);
  const found = queueAnnotations(context, useNotes);
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await sync();
  const record = readRecord(read);
  const saved = record.saved;
  const items = annotationItems(found);
  const legacy = saved.length > 0 && saved.every((entry) => entry.noted === undefined);
  const hashes = new Map<string, number>();
  for (const entry of saved) if (entry.noted && entry.noted !== ANY_NOTE) hashes.set(entry.noted, (hashes.get(entry.noted) ?? 0) + 1);
  const anyAt = new Set(saved.filter((entry) => entry.noted === ANY_NOTE).map((entry) => `${entry.sheet}!${entry.cell}`.toLowerCase()));
  const where = anyAt.size > 0 ? await locate(items, sync) : [];
  const ours = items.filter((item, i) => {
    if (legacy) return item.content.startsWith(LEGACY_NOTE_TAG);
    if (anyAt.has(where[i]?.toLowerCase())) return true;
    const hash = noteHash(item.content);
    const left = hashes.get(hash) ?? 0;
    if (left > 0) hashes.set(hash, left - 1);
    return left > 0;
  });
  if (saved.length === 0 && ours.length === 0) return { cleared: 0 };
  const names = new Set(sheets.items.map((ws) => ws.name));
  context.application.suspendScreenUpdatingUntilNextSync();
  for (const entry of saved) {
    if (!names.has(entry.sheet)) continue; // the sheet was deleted since: nothing to restore
    const cell = context.workbook.worksheets.getItem(entry.sheet).getRange(entry.cell);
    if (!entry.fill.pattern || entry.fill.pattern === 'None') cell.format.fill.clear();
    else cell.setCellProperties([[{ format: { fill: entry.fill as Excel.CellPropertiesFill } }]]);
  }
  for (const item of ours) item.delete();
  queueRecordWrite(context, read, record.rows, []);
  await sync();
  return { cleared: saved.length };
}

/** Excel's column width is in points; the plan's in characters of the default font (≈ 7 points each). */
const POINTS_PER_CHARACTER = 7;

function localOf(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1);
}

function sheetOf(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : '';
}

function hex(color: string): string {
  parseHexColor(color);
  return color.toUpperCase();
}

function validationRule(rule: ValidationRule): Excel.DataValidationRule {
  if (rule.kind === 'list') return { list: { inCellDropDown: true, source: rule.items.join(',') } };
  // Operators as strings: the Excel.* enums are objects of office.js, not there in every runtime.
  const bounds: Excel.BasicDataValidation = rule.max === undefined ? { formula1: rule.min, operator: 'GreaterThanOrEqualTo' } : { formula1: rule.min, formula2: rule.max, operator: 'Between' };
  return rule.kind === 'whole' ? { wholeNumber: bounds } : { decimal: bounds };
}

/** First chunk of a read: this many cells (the bytes per row are not known yet). */
export const READ_FIRST_CELLS = 20_000;
/** Estimated response size of a later chunk: under half of the 5 MB limit of Excel on the web. */
export const READ_BUDGET_BYTES = 2 * 1024 * 1024;
/** Never more cells in one chunk than this: a fifth of Excel's 5,000,000-cell limit per request. */
export const READ_MAX_CELLS = 1_000_000;

const encoder = new TextEncoder();
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/**
 * The table the clerk selected: the selection (only its part inside the used range, so whole
 * columns A:K cost what the data costs) if it spans several cells, otherwise the used range of its
 * sheet. One sync for the bounds, then one per chunk of rows (see readInChunks).
 */
export async function readSelectedBlock(context: Excel.RequestContext, sync: () => Promise<void>): Promise<CellBlock> {
  const selection = context.workbook.getSelectedRange();
  selection.load(['address', 'rowIndex', 'columnIndex', 'cellCount']);
  const sheet = selection.worksheet;
  sheet.load('name');
  const used = sheet.getUsedRange(true);
  used.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  const inside = selection.getIntersectionOrNullObject(used);
  inside.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
  await sync();
  const chosen = selection.cellCount > 1;
  if (chosen && inside.isNullObject) throw new AssessError({ kind: 'layout', zh: `所选区域 ${selection.address} 中没有数据`, en: `the selection ${selection.address} holds no data` });
  const range = chosen ? inside : used;
  const values = await readInChunks(sheet, range, sync);
  return { sheet: sheet.name, address: range.address, row: range.rowIndex, column: range.columnIndex, values };
}

/**
 * The values of a loaded range (rowIndex, columnIndex, rowCount, columnCount), one sync per chunk
 * of rows (Excel refuses more than 5,000,000 cells or, on the web, 5 MB in one request): the first
 * of READ_FIRST_CELLS cells, each later one sized to READ_BUDGET_BYTES from the largest row seen so
 * far, never over READ_MAX_CELLS cells.
 */
async function readInChunks(sheet: Excel.Worksheet, range: Excel.Range, sync: () => Promise<void>): Promise<Cell[][]> {
  const { rowIndex: row, columnIndex: column, rowCount: rows, columnCount: width } = range;
  const values: Cell[][] = [];
  const most = Math.max(1, Math.floor(READ_MAX_CELLS / width));
  let chunk = Math.min(most, Math.max(1, Math.floor(READ_FIRST_CELLS / width)));
  let widest = 0;
  for (let at = 0; at < rows; ) {
    const n = Math.min(chunk, rows - at);
    const part = sheet.getRange(`${a1(row + at, column)}:${a1(row + at + n - 1, column + width - 1)}`);
    part.load('values');
    await sync();
    for (const line of part.values as Cell[][]) {
      values.push(line);
      widest = Math.max(widest, jsonBytes(line));
    }
    at += n;
    chunk = Math.min(most, Math.max(1, Math.floor(READ_BUDGET_BYTES / Math.max(widest, 1))));
  }
  return values;
}

/**
 * Page layout (ExcelApi 1.9, Microsoft Learn "Excel.PageLayout"): A4, orientation, and either a
 * scale (zoom.scale, 10–400 per cent, "should not be set with fit to pages height or width") or
 * fit to `pagesWide` pages across (verticalFitToPages 0 is Excel's "automatic": as many pages down
 * as needed, as FitToPagesTall = False in VBA). Title rows and columns (setPrintTitleRows,
 * setPrintTitleColumns) repeat at the top and left of every page.
 */
function setPrint(layout: Excel.PageLayout, print: PrintSetup): void {
  const titles = print.titleRows === undefined ? null : parseTitleRows(print.titleRows);
  const titleColumns = print.titleColumns === undefined ? null : parseTitleColumns(print.titleColumns);
  const scale = printScale(print);
  // Strings, not Excel.* enums: those are objects of office.js, not there in every runtime.
  layout.orientation = print.landscape ? 'Landscape' : 'Portrait';
  layout.paperSize = print.paper;
  layout.zoom = scale === null ? { horizontalFitToPages: print.pagesWide ?? 1, verticalFitToPages: 0 } : { scale };
  if (titles) layout.setPrintTitleRows(`$${titles[0]}:$${titles[1]}`);
  if (titleColumns) layout.setPrintTitleColumns(`$${titleColumns[0]}:$${titleColumns[1]}`);
}

/**
 * Writes a new sheet in two syncs: the names taken, then every write in one batch with screen
 * updating suspended (API calculation is not: after suspendApiCalculationUntilNextSync "it is the
 * developer's responsibility to re-calc the workbook", and the few writes of a plan recalculate
 * once each anyway). `sizes` are checkPlan's.
 */
export async function writePlan(context: Excel.RequestContext, plan: SheetPlan, sizes: ReadonlyArray<{ rows: number; columns: number }>, sync: () => Promise<void>): Promise<{ sheet: string }> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await sync();
  const name = uniqueSheetName(plan.name, sheets.items.map((ws) => ws.name));
  context.application.suspendScreenUpdatingUntilNextSync();
  const sheet = sheets.add(name);
  const ranges = plan.blocks.map((block, k) => writeBlock(sheet, block, sizes[k]));
  // office-js #6614 (https://github.com/OfficeDev/office-js/issues/6614, open; a fix announced for
  // Excel 2607): on some non-English Excel a custom function written with Range.formulas is
  // #NAME?, while the same formula written with formulasLocal works. One formula cell that calls
  // our functions is read back in this same batch, with the local text of every block that holds
  // such calls; on #NAME? those blocks are written again with formulasLocal (one more sync).
  const ours = plan.blocks.flatMap((block, k) => (block.formulas?.some((row) => row.some((f) => f.includes(`${NAMESPACE}.`))) ? [{ block, k, range: ranges[k] }] : []));
  const probe = ours.length > 0 ? probeCell(sheet, ours[0].block) : null;
  probe?.load('values');
  for (const { range } of ours) range.load('formulasLocal');
  for (const { column, width } of plan.columnWidths ?? []) sheet.getRange(`${columnLetters(column)}1`).format.columnWidth = width * POINTS_PER_CHARACTER; // a column's width: any of its cells sets it
  for (const { range, format } of plan.numberFormats ?? []) {
    const box = boxOf(range);
    // A 2-D array of the range's size: Office.js refuses a smaller one.
    sheet.getRange(range).numberFormat = Array.from({ length: box.rows }, () => Array.from({ length: box.columns }, () => format));
  }
  for (const validation of plan.validations ?? []) {
    const target = sheet.getRange(validation.range).dataValidation;
    target.rule = validationRule(validation.rule);
    target.errorAlert = { showAlert: true, style: 'Stop', title: validation.title.slice(0, 32), message: validation.message.slice(0, 225) };
  }
  if (plan.table) {
    const table = sheet.tables.add(plan.table.range, true);
    table.name = plan.table.name;
  }
  if (plan.chart) {
    const chart = sheet.charts.add('BarClustered', sheet.getRange(plan.chart.values), 'Columns');
    chart.title.text = plan.chart.title;
    const series = chart.series.getItemAt(0);
    series.setXAxisValues(sheet.getRange(plan.chart.categories));
    series.name = plan.chart.seriesName;
    chart.setPosition(plan.chart.at);
  }
  if (plan.freezeRows) sheet.freezePanes.freezeRows(plan.freezeRows);
  // Range.columnHidden (ExcelApi 1.2): any cell of a column hides the whole column.
  for (const column of plan.hiddenColumns ?? []) sheet.getRange(`${columnLetters(column)}1`).columnHidden = true;
  if (plan.print) setPrint(sheet.pageLayout, plan.print);
  if (plan.activate !== false) sheet.activate();
  await sync();
  if (probe && probe.values[0][0] === '#NAME?') {
    for (const { block, k, range } of ours) {
      const local = range.formulasLocal as string[][];
      const at = parseAddress(block.at);
      // Cells the plan left as they are ("") stay so: each formula goes to its own cell.
      local.forEach((row, r) =>
        row.forEach((formula, c) => {
          if (block.formulas![r][c] !== '') sheet.getRange(a1(at.row + r, at.column + c)).formulasLocal = [[String(formula)]];
        }),
      );
      if (block.fillDownTo !== undefined && block.fillDownTo > at.row + sizes[k].rows) fillDown(range, at, sizes[k], block.fillDownTo);
    }
    await sync();
  }
  return { sheet: name };
}

/** The namespace of the add-in's functions (manifest, src/functions/names.ts). */
const NAMESPACE = 'ASSESS';

/** The first cell of a block whose formula calls one of our functions. */
function probeCell(sheet: Excel.Worksheet, block: PlanBlock): Excel.Range {
  const at = parseAddress(block.at);
  const grid = block.formulas ?? [];
  for (let r = 0; r < grid.length; r++) for (let c = 0; c < grid[r].length; c++) if (grid[r][c].includes(`${NAMESPACE}.`)) return sheet.getRange(a1(at.row + r, at.column + c));
  return sheet.getRange(a1(at.row, at.column));
}

function fillDown(range: Excel.Range, at: { row: number; column: number }, size: { rows: number; columns: number }, to: number): void {
  range.autoFill(`${a1(at.row, at.column)}:${a1(to - 1, at.column + size.columns - 1)}`, 'FillDefault');
}

/** "D3:D22" → its size. */
function boxOf(range: string): { rows: number; columns: number } {
  const [from, to = from] = range.replace(/\$/g, '').split(':');
  const start = parseAddress(from);
  const end = parseAddress(to);
  return { rows: Math.abs(end.row - start.row) + 1, columns: Math.abs(end.column - start.column) + 1 };
}

export class OfficeHost implements Host {
  /** `notes`: whether Excel has ExcelApi 1.18's notes (asked of Office by default, see notesSupported). */
  constructor(
    private readonly run: ExcelRun = (batch) => Excel.run(batch),
    private readonly notes: () => boolean = notesSupported,
  ) {}

  readSelection(): Promise<CellBlock> {
    return this.run((context) => readSelectedBlock(context, () => context.sync()));
  }

  readRange(address: string): Promise<CellBlock> {
    return this.run(async (context) => {
      const name = sheetOf(address);
      const sheet = name ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.getActiveWorksheet();
      sheet.load('name');
      const range = sheet.getRange(localOf(address).replace(/\$/g, ''));
      range.load(['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      await context.sync();
      const values = await readInChunks(sheet, range, () => context.sync());
      return { sheet: sheet.name, address: range.address, row: range.rowIndex, column: range.columnIndex, values };
    });
  }

  async writeSheet(plan: SheetPlan): Promise<{ sheet: string }> {
    const sizes = checkPlan(plan); // bad blocks fail before anything is queued
    return this.run((context) => writePlan(context, plan, sizes, () => context.sync()));
  }

  async markCells(marks: readonly CellMark[]): Promise<MarkResult> {
    for (const mark of marks) hex(mark.fill); // a bad colour fails before anything changes
    return this.run((context) => markCellsIn(context, marks, () => context.sync(), this.notes()));
  }

  clearMarks(): Promise<{ cleared: number }> {
    return this.run((context) => clearMarksIn(context, () => context.sync(), this.notes()));
  }

  goTo(sheet: string, cell: string): Promise<void> {
    return this.run((context) => goToIn(context, sheet, cell));
  }

  /** A workbook setting (Excel.SettingCollection, ExcelApi 1.4; saved with the workbook): one sync. */
  readSetting(key: string): Promise<unknown> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(key);
      setting.load('value');
      await context.sync();
      return setting.isNullObject ? undefined : (setting.value as unknown);
    });
  }

  /** Sets a workbook setting (SettingCollection.add replaces one of the same key): one sync. */
  writeSetting(key: string, value: unknown): Promise<void> {
    return this.run(async (context) => {
      context.workbook.settings.add(key, value as string);
      await context.sync();
    });
  }
}

/** Activates a sheet and selects a cell in one sync; a sheet that is not there is named in the error. */
export async function goToIn(context: Excel.RequestContext, sheet: string, cell: string): Promise<void> {
  const target = context.workbook.worksheets.getItem(sheet);
  target.activate();
  target.getRange(cell).select();
  try {
    await context.sync();
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ItemNotFound') throw error;
    throw new AssessError({ kind: 'layout', zh: `找不到工作表「${sheet}」或其单元格 ${cell}`, en: `no sheet named "${sheet}" with a cell ${cell}` });
  }
}

function writeBlock(sheet: Excel.Worksheet, block: PlanBlock, size: { rows: number; columns: number }): Excel.Range {
  const at = parseAddress(block.at);
  const corner = a1(at.row, at.column);
  const address = size.rows * size.columns === 1 ? corner : `${corner}:${a1(at.row + size.rows - 1, at.column + size.columns - 1)}`;
  const range = sheet.getRange(address);
  const formats = (format: string) => Array.from({ length: size.rows }, () => Array.from({ length: size.columns }, () => format));
  if (block.values) {
    // Range.values parses text as if typed: = + - make a formula (Excel.Range.values), "3.10" a
    // number 3.1, "2022-08-01" a date, "TRUE" a boolean, "50%" 0.5 (Microsoft Support, "Keeping
    // leading zeros and large numbers", "Stop automatically changing numbers to dates"). Every
    // text cell is therefore Text ("@") first, in this same batch: what the pane writes as text is
    // read back as that text (item codes 3.1 and 3.10 both; a version "2022.1"). Cells given a
    // number or a boolean, and empty ones, keep the block's format.
    const base = block.numberFormat ?? 'General';
    const literal = block.values.map((row) => row.map((value) => (typeof value === 'string' && value !== '' ? '@' : base)));
    if (block.numberFormat !== undefined || literal.some((row) => row.includes('@'))) range.numberFormat = literal;
    range.values = block.values;
  } else if (block.numberFormat !== undefined) range.numberFormat = formats(block.numberFormat);
  if (block.formulas) {
    if (block.formulas.every((row) => row.every((formula) => formula !== ''))) range.formulas = block.formulas;
    else
      block.formulas.forEach((row, r) =>
        row.forEach((formula, c) => {
          if (formula !== '') sheet.getRange(a1(at.row + r, at.column + c)).formulas = [[formula]];
        }),
      );
  }
  if (block.bold) range.format.font.bold = true;
  if (block.fontColor) range.format.font.color = hex(block.fontColor);
  if (block.wrap) range.format.wrapText = true;
  if (block.fill) range.format.fill.color = hex(block.fill);
  if (block.fillDownTo !== undefined && block.fillDownTo > at.row + size.rows) fillDown(range, at, size, block.fillDownTo);
  return range;
}
