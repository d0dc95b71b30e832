/**
 * The pane's scorecard gives a score only to unit rows. Under a table offices keep there are section rows
 * (一、第一圈层), 合计 rows, a 注 line and a sign-off line (制表人：张三); a single-row =ASSESS.SCORE over such
 * a row sees a name and blank items and gives chengdu2006's base 70 — which the scorecard's 单位数, 平均分
 * and 名次 then count as a unit. The rows are told apart by the one row classification the readers share
 * (src/core/read/rows.ts): only unit rows get formulas.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core';
import { builtInRuleset } from '../../src/rulesets';
import { proposeMapping, scorecardSheet, sourceTable } from '../../src/taskpane/actions';

const chengdu = builtInRuleset('chengdu2006');

function plan(values: Cell[][]) {
  const source = sourceTable({ sheet: '汇总表', address: `汇总表!A1:C${values.length}`, row: 0, column: 0, values });
  return scorecardSheet({ ruleset: chengdu, rulesetRef: { kind: 'builtin', id: 'chengdu2006' }, source, mapping: proposeMapping(chengdu, source) });
}

/** The 1-based scorecard rows that get a unit's formulas (fill-down blocks expanded). */
function formulaRows(values: Cell[][]): number[] {
  const rows: number[] = [];
  for (const block of plan(values).plan.blocks) {
    if (!block.formulas || block.formulas[0]?.[0] === undefined || !block.formulas[0][0].startsWith('=IF(ISBLANK')) continue;
    const first = Number(/\d+$/.exec(block.at)?.[0]);
    for (let r = first; r <= (block.fillDownTo ?? first + block.formulas.length - 1); r++) rows.push(r);
  }
  return rows;
}

describe('the scorecard scores unit rows only', () => {
  it('a 注 line and a sign-off line under the units get no formulas (the scorecard ends at the last unit)', () => {
    const values: Cell[][] = [
      ['单位', '9.1', '9.2'],
      ['锦江区', 2, 1],
      ['青羊区', 1, ''],
      ['注：总分＝基本分70＋加分－减分。', '', ''],
      ['制表人：张三', '', ''],
    ];
    // Source rows 2–3 are the units: scorecard rows 4–5 (title, codes and original headers above).
    expect(formulaRows(values)).toEqual([4, 5]);
    expect(plan(values).rows).toBe(2);
  });

  it('a section row and a 合计 row between units are left blank; the units around them keep their own source rows', () => {
    const values: Cell[][] = [
      ['单位', '9.1', '9.2'],
      ['一、第一圈层', '', ''],
      ['锦江区', 2, 1],
      ['青羊区', 1, ''],
      ['二、第二圈层', '', ''],
      ['龙泉驿区', 3, 2],
      ['合计', 6, 3],
    ];
    expect(formulaRows(values)).toEqual([5, 6, 8]);
    const blocks = plan(values).plan.blocks.filter((b) => b.formulas?.[0]?.[0]?.startsWith('=IF(ISBLANK'));
    // Each run mirrors its own source row: scorecard row 8 is source row 6 (龙泉驿区).
    expect(blocks.map((b) => [b.at, b.formulas?.[0]?.[0]])).toEqual([
      ['A5', "=IF(ISBLANK('汇总表'!A3),\"\",'汇总表'!A3)"],
      ['A8', "=IF(ISBLANK('汇总表'!A6),\"\",'汇总表'!A6)"],
    ]);
  });

  it('a table with no unit row under its header is refused, naming it', () => {
    expect(() => plan([['单位', '9.1', '9.2'], ['注：无', '', '']])).toThrow(/表头下没有数据行|no data rows/);
  });
});
