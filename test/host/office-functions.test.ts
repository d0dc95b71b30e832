/**
 * Issue 20.2: what the pane's formulas hand to the custom functions must not depend on whether
 * this Excel passes an empty cell as null (web, newer builds) or as 0 (desktop builds; office-js
 * #4702 and #5262, modelled by the stand-in's `blanks` seed, see excel-standin.ts Seed.blanks).
 * For every ASSESS.* call the pane writes — input template, scorecard, and both on a ruleset
 * table of the workbook — the arguments in "blanks as 0" mode equal those in "blanks as null"
 * mode: an empty input cell or an empty cell of the ruleset table never reaches a function as 0.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CompiledRuleset } from '../../src/core';
import { type ExcelRun, OfficeHost } from '../../src/excel/office-host';
import { builtInRuleset } from '../../src/rulesets';
import { type RulesetRef, createRulesetSheet, createScorecard, createTemplate, proposeMapping, readSource } from '../../src/taskpane/actions';

type Args = Array<{ name: string; args: unknown[] }>;
interface Standin {
  functionArguments(sheet: string, cell: string, mode?: 'null' | 'zero'): Args;
  sheet(name: string): { cells: Record<string, { formula: string | null }> } | null;
  select(sheet: string, address: string): void;
}

async function standin(rows: Array<Array<string | number>>) {
  const global = globalThis as unknown as Record<string, unknown>;
  global.__STANDIN_SEED = { sheets: [{ name: '乡镇', rows }], selection: { sheet: '乡镇', address: 'A1' }, blanks: 'zero' };
  vi.resetModules();
  await import('../taskpane/excel-standin');
  const excel = global.Excel as { run: ExcelRun };
  return { host: new OfficeHost((batch) => excel.run(batch)), api: global.__standin as Standin };
}

/** Every cell of a sheet with an ASSESS.* call, and what its calls receive in both modes. */
function calls(api: Standin, sheet: string): Array<{ cell: string; zero: Args; nulls: Args }> {
  const cells = api.sheet(sheet)?.cells ?? {};
  return Object.entries(cells)
    .filter(([, cell]) => cell.formula?.includes('ASSESS.'))
    .map(([cell]) => ({ cell, zero: api.functionArguments(sheet, cell), nulls: api.functionArguments(sheet, cell, 'null') }));
}

const township = builtInRuleset('township2022');
const BUILTIN: RulesetRef = { kind: 'builtin', id: 'township2022' };
// 甲镇 has 1.2 left empty; 乙镇 has no 通报批评 entry.
const ROWS = [
  ['乡镇', '通报批评或曝光', '1.1', '1.2', '3.10'],
  ['甲镇', '否', 3, '', 1],
  ['乙镇', '', 2.5, 1, 2],
];

async function scorecardOn(ruleset: CompiledRuleset, ref: RulesetRef) {
  const { host, api } = await standin(ROWS);
  const source = await readSource(host);
  const { sheet } = await createScorecard(host, { ruleset, rulesetRef: ref, source, mapping: proposeMapping(ruleset, source) });
  return { host, api, sheet };
}

describe('20.2 the functions get the same arguments whether empty cells arrive as null or 0', () => {
  it('the stand-in models it: a bare reference to an empty cell is 0 in "blanks as 0" mode', async () => {
    const { host, api } = await standin(ROWS);
    const { sheet } = await host.writeSheet({ name: 'x', blocks: [{ at: 'A1', formulas: [['=ASSESS.SCORE(乡镇!C2:D2,"township2022")']] }] });
    expect(api.functionArguments(sheet, 'A1')).toEqual([{ name: 'SCORE', args: [[[3, 0]], 'township2022'] }]);
    expect(api.functionArguments(sheet, 'A1', 'null')).toEqual([{ name: 'SCORE', args: [[[3, null]], 'township2022'] }]);
  });

  it('input template: the empty input cells of a unit row', async () => {
    const { host, api } = await standin(ROWS);
    const { sheet } = await createTemplate(host, township, BUILTIN, 3);
    const found = calls(api, sheet);
    expect(found.length).toBeGreaterThan(0);
    for (const { cell, zero, nulls } of found) expect(zero, cell).toEqual(nulls);
  });

  it('scorecard: mirrored source cells (a blank source cell is "")', async () => {
    const { api, sheet } = await scorecardOn(township, BUILTIN);
    const found = calls(api, sheet);
    expect(found.length).toBeGreaterThan(0);
    for (const { cell, zero, nulls } of found) expect(zero, cell).toEqual(nulls);
  });

  it('a ruleset table of the workbook: its empty cells', async () => {
    const { host, api } = await standin(ROWS);
    const { address } = await createRulesetSheet(host, township);
    const ref: RulesetRef = { kind: 'range', address };
    const source = await (async () => {
      api.select('乡镇', 'A1');
      return readSource(host);
    })();
    const card = await createScorecard(host, { ruleset: township, rulesetRef: ref, source, mapping: proposeMapping(township, source) });
    const template = await createTemplate(host, township, ref, 3);
    for (const sheet of [card.sheet, template.sheet]) {
      const found = calls(api, sheet);
      expect(found.length).toBeGreaterThan(0);
      for (const { cell, zero, nulls } of found) expect(zero, `${sheet}!${cell}`).toEqual(nulls);
    }
  });
});
