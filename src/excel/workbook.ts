/**
 * Office.js operations of the task pane. Each action queues all its reads, syncs once, queues
 * all its writes, syncs once more: two context.sync() calls whatever the row count (formulas go
 * in one row and are filled down with autoFill, so the payload stays small). Nothing is ever
 * written into the user's source range, and new sheets never take an existing name.
 *
 * Reading a source table takes one sync for its bounds and one per chunk of rows (READ_* below:
 * Excel refuses more than 5,000,000 cells or, on the web, 5 MB in one request). Marking findings
 * reads the table, then the old fills of the cells it marks, then writes the undo record and the
 * marks in chunks of at most MARK_BATCH_BYTES (the record first, so a failure part-way leaves
 * every marked cell restorable by clearMarks).
 *
 * Requirement sets: everything here is in ExcelApi EXCEL_API (declared in manifest.xml, checked by
 * test/manifest/requirements.test.ts against the [Api set] tags of @types/office-js).
 */
import type { ColumnMatch, CompiledRuleset } from '../core';
import { AssessError } from '../core/errors';
import { checkPlan } from '../host/host';
import {
  COMMENT_TAG,
  type MarkedFinding,
  type NewSheet,
  type RulesetCheck,
  type RulesetRef,
  type ScorecardPlan,
  type SourceTable,
  checkRulesetBlock,
  findingMarks,
  findingsOnCells,
  rulesetSheet,
  scorecardSheet,
  sourceTable,
  templateSheet,
} from '../taskpane/actions';
import { a1, parseAddress, quoteSheet } from './addresses';
import { jsonBytes, readSelectedBlock, writePlan } from './office-host';

/** The ExcelApi requirement set the pane needs (manifest.xml <Requirements>; README "Supported Excel versions"). */
export const EXCEL_API = '1.10';

/** The part of Excel.RequestContext the operations use (office-addin-mock supplies it in tests). */
export type Context = Excel.RequestContext;

/**
 * Reads the table the clerk selected (see readSelectedBlock in office-host.ts: the selection's
 * part inside the used range, or the used range; one sync for the bounds, one per chunk of rows).
 */
export async function readSourceTable(context: Context): Promise<SourceTable> {
  return readTable(context, () => context.sync());
}

async function readTable(context: Context, sync: () => Promise<void>): Promise<SourceTable> {
  return sourceTable(await readSelectedBlock(context, sync));
}

export interface ActionResult {
  sheet: string;
  rows: number;
  syncs: number;
}

/** Counts the syncs an action makes (tests assert it). */
function counted(context: Context): { sync: () => Promise<void>; count: () => number } {
  let n = 0;
  return {
    sync: async () => {
      n++;
      await context.sync();
    },
    count: () => n,
  };
}

/** Writes a new sheet (see writePlan: two syncs). */
async function write(context: Context, { plan, rows }: NewSheet): Promise<ActionResult> {
  const calls = counted(context);
  const { sheet } = await writePlan(context, plan, checkPlan(plan), calls.sync);
  return { sheet, rows, syncs: calls.count() };
}

/** A new scorecard sheet (see scorecardSheet). */
export async function createScorecard(context: Context, plan: ScorecardPlan): Promise<ActionResult> {
  return write(context, scorecardSheet(plan));
}

/** A new input sheet for a ruleset (see templateSheet). */
export async function createTemplate(context: Context, ruleset: CompiledRuleset, rulesetRef: RulesetRef, emptyRows = 20): Promise<ActionResult> {
  return write(context, templateSheet(ruleset, rulesetRef, emptyRows));
}

/** A new sheet holding a ruleset as a table (see rulesetSheet); `address` is the table's, with its sheet. */
export async function createRulesetSheet(context: Context, ruleset: CompiledRuleset): Promise<ActionResult & { address: string }> {
  const made = rulesetSheet(ruleset);
  const result = await write(context, made);
  return { ...result, address: `${quoteSheet(result.sheet)}!${made.range}` };
}

const MARKS_SETTING = 'assess.marks';
interface SavedMark {
  sheet: string;
  cell: string;
  fill: Excel.CellPropertiesFill;
}

/** Only screen updating is suspended while writing (see writePlan). */
function suspend(context: Context): void {
  context.application.suspendScreenUpdatingUntilNextSync();
}

/** Validates the selected ruleset table; problems point at cells. Two syncs (bounds, rows). */
export async function checkRulesetTable(context: Context): Promise<RulesetCheck> {
  return checkRulesetBlock(await readSourceTable(context));
}

/**
 * Writes of one batch of marks stay under this estimate (a tenth of the 5 MB request limit of
 * Excel on the web): each cell costs its comment's UTF-8 bytes plus MARK_OVERHEAD_BYTES for the
 * fill, the two operations and their object paths.
 */
export const MARK_BATCH_BYTES = 512 * 1024;
export const MARK_OVERHEAD_BYTES = 400;
/**
 * The undo record holds one entry per marked cell (a cell marked again keeps its first entry);
 * at most this many (≈ 1 MB of JSON at worst): beyond it 清除标记 first.
 */
export const MARKS_MAX = 6000;

/**
 * Validates the selected table in place: each finding's cell gets a fill and a comment with the
 * reason and clause; the previous fills are saved in the workbook so clearMarks restores them
 * exactly. Syncs: the table's bounds (with the comments and saved marks); its rows, in chunks (see
 * readSourceTable); the fills of the cells to mark (only those) and where the comments are; then
 * one per batch of marks. The first batch starts with the undo record of every cell the run will
 * mark, so whichever operation fails, every cell already marked is in the record and 清除标记
 * restores it. At most MARK_LIMIT cells are marked per run.
 */
export async function markFindings(context: Context, ruleset: CompiledRuleset, mapping?: ColumnMatch[]): Promise<{ findings: MarkedFinding[]; marked: number; syncs: number; sheet: string }> {
  const calls = counted(context);
  // Sync 1 (with the table's bounds): the comments and the saved marks.
  const comments = context.workbook.comments;
  comments.load('items/content');
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load('value');
  const source = await readTable(context, calls.sync);
  const findings = findingsOnCells(source, ruleset, mapping);
  const byCell = new Map(findingMarks(findings, source.sheet).map((mark) => [mark.cell, mark]));
  const previous = setting.isNullObject ? [] : (JSON.parse(String(setting.value)) as SavedMark[]);
  if (byCell.size === 0) return { findings, marked: 0, syncs: calls.count(), sheet: source.sheet };
  const key = (where: string, cell: string) => `${where}!${cell}`;
  const saved = new Map(previous.map((mark) => [key(mark.sheet, mark.cell), mark]));
  const fresh = [...byCell.keys()].filter((cell) => !saved.has(key(source.sheet, cell))).length;
  if (saved.size + fresh > MARKS_MAX) {
    throw new AssessError({
      kind: 'layout',
      zh: `已有 ${saved.size} 处标记，再标记 ${fresh} 处将超过 ${MARKS_MAX} 处：请先点击“清除标记”`,
      en: `${saved.size} cells are marked already; ${fresh} more would pass ${MARKS_MAX}: click "Clear marks" first`,
    });
  }
  // Next sync: the fills of the cells to mark (only those), and where the comments are.
  const sheet = context.workbook.worksheets.getItem(source.sheet);
  const fills = [...byCell.keys()].map((cell) => ({ cell, props: sheet.getRange(cell).getCellProperties({ format: { fill: { color: true, pattern: true } } }) }));
  const locations = comments.items.map((comment) => {
    const location = comment.getLocation();
    location.load(['address']);
    return location;
  });
  await calls.sync();

  // Cells with a comment (ours or the clerk's) get no second one.
  const commented = new Set<string>();
  for (const location of locations) {
    const { sheet: where, row, column } = parseAddress(location.address);
    if (where === source.sheet) commented.add(a1(row, column));
  }
  // The fill to restore is the one before our first mark, not our own colour.
  for (const { cell, props } of fills) {
    if (!saved.has(key(source.sheet, cell))) saved.set(key(source.sheet, cell), { sheet: source.sheet, cell, fill: props.value[0]?.[0]?.format?.fill ?? {} });
  }
  const marks = fills.map(({ cell }) => {
    const mark = byCell.get(cell);
    const text = commented.has(cell) || !mark ? null : mark.note;
    return { cell, fill: mark?.fill ?? '', text, bytes: MARK_OVERHEAD_BYTES + (text ? jsonBytes(text) : 0) };
  });
  const record = JSON.stringify([...saved.values()]);
  let batch: typeof marks = [];
  let bytes = jsonBytes(record);
  let first = true;
  const flush = async () => {
    suspend(context);
    // The undo record goes first: everything after it in the batch (and later batches) is covered.
    if (first) context.workbook.settings.add(MARKS_SETTING, record);
    first = false;
    for (const { cell, fill, text } of batch) {
      sheet.getRange(cell).format.fill.color = fill;
      if (text !== null) comments.add(`${quoteSheet(source.sheet)}!${cell}`, text);
    }
    batch = [];
    bytes = 0;
    await calls.sync();
  };
  for (const mark of marks) {
    if (batch.length > 0 && bytes + mark.bytes > MARK_BATCH_BYTES) await flush();
    batch.push(mark);
    bytes += mark.bytes;
  }
  await flush();
  return { findings, marked: byCell.size, syncs: calls.count(), sheet: source.sheet };
}

/**
 * Removes the marks of markFindings: fills back exactly as saved, our comments (tagged) deleted,
 * the clerk's comments kept. Two syncs.
 */
export async function clearMarks(context: Context): Promise<{ cleared: number; syncs: number }> {
  const calls = counted(context);
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load('value');
  const comments = context.workbook.comments;
  comments.load('items/content');
  await calls.sync();
  const marks = setting.isNullObject ? [] : (JSON.parse(String(setting.value)) as SavedMark[]);
  const ours = comments.items.filter((comment) => comment.content.startsWith(COMMENT_TAG));
  if (marks.length === 0 && ours.length === 0) return { cleared: 0, syncs: calls.count() };
  suspend(context);
  for (const mark of marks) {
    const cell = context.workbook.worksheets.getItem(mark.sheet).getRange(mark.cell);
    if (!mark.fill.pattern || mark.fill.pattern === 'None') cell.format.fill.clear();
    else cell.setCellProperties([[{ format: { fill: mark.fill } }]]);
  }
  for (const comment of ours) comment.delete();
  if (!setting.isNullObject) setting.delete();
  await calls.sync();
  return { cleared: marks.length, syncs: calls.count() };
}

/** Selects a cell (the pane's "go to cell"). One sync. */
export async function goToCell(context: Context, sheet: string, cell: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(cell).select();
  await context.sync();
}

