/**
 * The pane's actions (src/taskpane/actions.ts) through the Office.js host over one request context
 * of the recording fake, with the signatures the tests call them by: each call is what one button
 * of the pane does, and the fake counts its syncs (FakeWorkbook.syncs) and records its writes.
 */
import type { ColumnMatch, CompiledRuleset } from '../../src/core';
import { OfficeHost } from '../../src/excel/office-host';
import * as actions from '../../src/taskpane/actions';

type Context = Excel.RequestContext;

/** The Office host on a context the test already has (as Excel.run would give one). */
export function hostOn(context: Context): OfficeHost {
  // The recording fake models threaded comments only (no ExcelApi 1.18 notes).
  return new OfficeHost((batch) => batch(context), () => false);
}

export const readSourceTable = (context: Context) => actions.readSource(hostOn(context));
export const createScorecard = (context: Context, plan: actions.ScorecardPlan) => actions.createScorecard(hostOn(context), plan);
export const createTemplate = (context: Context, ruleset: CompiledRuleset, ref: actions.RulesetRef, emptyRows?: number) => actions.createTemplate(hostOn(context), ruleset, ref, emptyRows);
export const createRulesetSheet = (context: Context, ruleset: CompiledRuleset) => actions.createRulesetSheet(hostOn(context), ruleset);
export const checkRulesetTable = (context: Context) => actions.checkRulesetTable(hostOn(context));
export const markFindings = (context: Context, ruleset: CompiledRuleset, mapping?: ColumnMatch[]) => actions.markFindings(hostOn(context), ruleset, mapping);
export const clearMarks = (context: Context) => hostOn(context).clearMarks();
export const goToCell = (context: Context, sheet: string, cell: string) => hostOn(context).goTo(sheet, cell);
