/**
 * A draft laid out as sheets, the one layout the CLI's `assess draft --out` and the pane's
 * 从细则起草 both write: the ruleset table (rulesetToTable of the draft) with the rows of the
 * records to confirm, and the list of sentences not drafted.
 */
import type { Cell } from '../cells';
import { RECORD_LIST_KEY, type RulesetSpec } from '../format';
import { rulesetToTable } from '../table-format';
import type { DraftResult } from './draft';
import { draftSpec } from './spec';

/** A ruleset id from a file name (folders and extension dropped): letters, digits, _ . - only; 'draft' when none is left. */
export function draftIdOf(name: string): string {
  const stem = name
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return stem === '' ? 'draft' : stem;
}

/** A record to confirm: its 0-based row in the table (the header is row 0), clause and the reading chosen. */
export interface ConfirmRow {
  row: number;
  clause: string;
  note: string;
}

/** The ruleset table of a draft and the rows a clerk must confirm. */
export function draftTable(result: DraftResult): { table: Cell[][]; confirm: ConfirmRow[] } {
  const spec = draftSpec(result);
  const table = rulesetToTable(spec as RulesetSpec);
  // rulesetToTable writes the header (row 0), the 规则集 record (row 1), then every record list in
  // RECORD_LIST_KEY's order: count along the same lists.
  const confirm: ConfirmRow[] = [];
  let row = 2;
  for (const key of Object.values(RECORD_LIST_KEY)) {
    const list = (spec[key] ?? []) as ReadonlyArray<{ confirm?: boolean; clause?: string; note?: string }>;
    for (const record of list) {
      if (record.confirm === true) confirm.push({ row, clause: record.clause ?? '', note: record.note ?? '' });
      row++;
    }
  }
  return { table, confirm };
}

export const UNREAD_HEADER = ['条款', '原文', '原因'] as const;

/** The sentences not drafted (clause, quote, why), then the OCR slips read with a finding. */
export function unreadRows(result: DraftResult): string[][] {
  return [...result.unread.map((u) => [u.clause, u.quote, u.why]), ...result.findings.map((f) => [f.clause, f.quote, `识读：${f.zh} / reading: ${f.en}`])];
}
