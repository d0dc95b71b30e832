/**
 * The pane's scorecard and template print as the CLI's do (issue 22.3): A4 landscape at 100 %
 * (never fitted one page wide, which printed a 45-column sheet at about 2 points), the unit column
 * repeated on every page across, the header rows wrapped so they print whole, and no column that
 * no unit has a value in (the rule the CLI's 计分表 uses, src/core/printed-columns.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core';
import { columnsWithValues, hasPrintedValue } from '../../src/core/printed-columns';
import { builtInRuleset } from '../../src/rulesets';
import { type SourceTable, proposeMapping, scorecardSheet, sourceTable, templateSheet } from '../../src/taskpane/actions';

const chengdu = builtInRuleset('chengdu2006');
const township = builtInRuleset('township2022');

function source(values: Cell[][]): SourceTable {
  return sourceTable({ sheet: '汇总表', address: `汇总表!A1:${String.fromCharCode(64 + values[0].length)}${values.length}`, row: 0, column: 0, values });
}

describe('the shared rule: a column is printed when some row has a value in it', () => {
  it('blank text, null and undefined are no value; 0 and FALSE are', () => {
    expect([undefined, null, '', '  ', 0, false, '否'].map(hasPrintedValue)).toEqual([false, false, false, false, true, true, true]);
  });
  it('keeps the columns always shown and those with a value in some row, in order', () => {
    const columns = [
      { name: '单位', always: true, value: (row: Cell[]) => row[0] },
      { name: '圈层', value: (row: Cell[]) => row[1] },
      { name: '奖励', value: (row: Cell[]) => row[2] },
    ];
    expect(columnsWithValues(columns, [['甲', '', ''], ['乙', '第一圈', '']]).map((c) => c.name)).toEqual(['单位', '圈层']);
    expect(columnsWithValues(columns, []).map((c) => c.name)).toEqual(['单位']);
  });
});

describe("the pane's scorecard prints as the CLI's", () => {
  // A chengdu2006 table without 圈层 or 通报批评 columns: those two columns of the scorecard (B, C)
  // would print empty, so they are hidden (their cells stay: LEVEL refers to them).
  const plain = source([
    ['单位', '9.1', '9.2'],
    ['锦江区', 2, 1],
    ['青羊区', 1, ''],
  ]);
  it('A4 landscape at 100 %, title rows 1:3 and the unit column A on every page; the header rows wrap', () => {
    const { plan } = scorecardSheet({ ruleset: chengdu, rulesetRef: { kind: 'builtin', id: 'chengdu2006' }, source: plain, mapping: proposeMapping(chengdu, plain) });
    expect(plan.print).toEqual({ paper: 'A4', landscape: true, scale: 100, titleRows: '1:3', titleColumns: 'A:A' });
    expect(plan.blocks.filter((b) => b.at === 'A2' || b.at === 'A3').map((b) => b.wrap)).toEqual([true, true]);
  });
  it('圈层 and 通报批评或曝光 hidden when no unit has a value there', () => {
    const { plan } = scorecardSheet({ ruleset: chengdu, rulesetRef: { kind: 'builtin', id: 'chengdu2006' }, source: plain, mapping: proposeMapping(chengdu, plain) });
    expect(plan.hiddenColumns).toEqual([1, 2]);
  });
  it('a 圈层 column with a value in one row is shown; an all-blank 通报批评或曝光 column is not', () => {
    const withTier = source([
      ['单位', '圈层', '通报批评或曝光', '9.1'],
      ['锦江区', '', '', 2],
      ['青羊区', '第一圈', '', 1],
    ]);
    const { plan } = scorecardSheet({ ruleset: chengdu, rulesetRef: { kind: 'builtin', id: 'chengdu2006' }, source: withTier, mapping: proposeMapping(chengdu, withTier) });
    expect(plan.hiddenColumns).toEqual([2]);
  });
});

describe("the pane's template prints as the CLI's", () => {
  it('A4 landscape at 100 %, title rows 1:2 and the unit column on every page; the header row wraps', () => {
    const { plan } = templateSheet(township, { kind: 'builtin', id: 'township2022' });
    expect(plan.print).toEqual({ paper: 'A4', landscape: true, scale: 100, titleRows: '1:2', titleColumns: 'A:A' });
    expect(plan.blocks.find((b) => b.at === 'A2')?.wrap).toBe(true);
  });
});
