/**
 * Issue 20 on the recording Excel (fake-excel.ts), which now converts text written with
 * Range.values as Excel does (excel-typing.ts: "3.10" → 3.1, "1.0" → 1, dates, TRUE …).
 *
 * 20.1: what the pane writes as text must read back as the same text — the township2022 ruleset
 * sheet (items 3.1 and 3.10 both) compiles again from the cells Excel holds, and a township
 * scorecard's code row keeps 3.10 (ASSESS.SCORE reads its items from that row).
 */
import { describe, expect, it } from 'vitest';
import { type Cell, compileRulesetTable, rulesetToTable } from '../../src/core';
import { a1 } from '../../src/excel/addresses';
import { proposeMapping } from '../../src/taskpane/actions';
import { builtInRuleset } from '../../src/rulesets';
import { FakeWorkbook } from './fake-excel';
import { createRulesetSheet, createScorecard, readSourceTable } from './pane-on-fake';

const township = builtInRuleset('township2022');

/** The cells of a sheet the code added, as Range.values would give them back. */
function grid(book: FakeWorkbook, sheet: string, rows: number, columns: number): Cell[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => book.cellOf(sheet, a1(r, c))?.value ?? ''));
}

describe('20.1 text written by the pane stays text in Excel', () => {
  it('the township2022 ruleset sheet compiles again from what Excel holds: 3.1 and 3.10 both there', async () => {
    const book = new FakeWorkbook().setSource({ sheet: '说明', values: [['x']] });
    const table = rulesetToTable(township.spec);
    const { sheet } = await createRulesetSheet(book.context().context, township);
    const back = grid(book, sheet, table.length, table[0].length);
    const codes = back.map((row) => row[table[0].indexOf('编码')]);
    expect(codes).toContain('3.1');
    expect(codes).toContain('3.10');
    const again = compileRulesetTable(back);
    expect(again.itemByCode.has('3.10')).toBe(true);
    expect(again.itemByCode.has('3.1')).toBe(true);
    expect(again.items.length).toBe(township.items.length);
  });

  it('a township scorecard keeps 3.10 in its code row (the clerk’s header was text 3.10)', async () => {
    const values = [
      ['乡镇', '3.1', '3.10'],
      ['甲镇', 1, 2],
      ['乙镇', 0, 1],
    ];
    const book = new FakeWorkbook().setSource({ sheet: '乡镇', values });
    const source = await readSourceTable(book.context().context);
    const mapping = proposeMapping(township, source);
    expect(mapping.map((m) => m.item)).toEqual([null, '3.1', '3.10']);
    const { sheet } = await createScorecard(book.context().context, { ruleset: township, rulesetRef: { kind: 'builtin', id: 'township2022' }, source, mapping });
    // Code row 2: A–C lead columns, D 3.1, E 3.10.
    expect(book.cellOf(sheet, 'D2')?.value).toBe('3.1');
    expect(book.cellOf(sheet, 'E2')?.value).toBe('3.10');
    expect(book.cellOf(sheet, 'E3')?.value).toBe('3.10'); // the original header row too
  });
});
