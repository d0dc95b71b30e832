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
import { checkPlan } from '../host/host';
import {
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
import { quoteSheet } from './addresses';
import { clearMarksIn, goToIn, markCellsIn, readSelectedBlock, writePlan } from './office-host';

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

/** Validates the selected ruleset table; problems point at cells. Two syncs (bounds, rows). */
export async function checkRulesetTable(context: Context): Promise<RulesetCheck> {
  return checkRulesetBlock(await readSourceTable(context));
}

/**
 * Validates the selected table in place: each finding's cell gets a fill and a note with the
 * reason and clause (findingMarks); the previous fills are saved in the workbook so clearMarks
 * restores them exactly (markCellsIn). Syncs: the table's bounds (with the comments); its rows, in
 * chunks; the fills of the cells to mark and where the comments are; one per batch of marks.
 */
export async function markFindings(context: Context, ruleset: CompiledRuleset, mapping?: ColumnMatch[]): Promise<{ findings: MarkedFinding[]; marked: number; syncs: number; sheet: string }> {
  const calls = counted(context);
  // The comments are loaded with the table's bounds, so where they are is asked with the fills.
  const comments = context.workbook.comments;
  comments.load('items/content');
  const source = await readTable(context, calls.sync);
  const findings = findingsOnCells(source, ruleset, mapping);
  const { marked } = await markCellsIn(context, findingMarks(findings, source.sheet), calls.sync, comments);
  return { findings, marked, syncs: calls.count(), sheet: source.sheet };
}

/** Removes the marks of markFindings (clearMarksIn: two syncs). */
export async function clearMarks(context: Context): Promise<{ cleared: number; syncs: number }> {
  const calls = counted(context);
  const { cleared } = await clearMarksIn(context, calls.sync);
  return { cleared, syncs: calls.count() };
}

/** Selects a cell (the pane's "go to cell"). One sync. */
export async function goToCell(context: Context, sheet: string, cell: string): Promise<void> {
  await goToIn(context, sheet, cell);
}
