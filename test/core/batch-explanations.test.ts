/**
 * Issue 23: scoreBatch with explanations: false lets each unit's item results and trace go as soon
 * as it is scored (the CLI's table, CSV and check show none), and changes nothing else: the same
 * scores, grades, rewards, thresholds, findings, ranks and levels as the full batch, over 300
 * generated units of every built-in ruleset; a unit whose row carries claims (the office's 总分)
 * keeps its explanation, which the audit checks the claim against, and the audit says the same.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { readUnits } from '../../src/core/input';
import { scoreBatch } from '../../src/core/batch';
import type { UnitResult } from '../../src/core/result';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';
import { randomUnits, unitTable } from '../../bench/units';

/** What a unit shows apart from its explanation. */
function shown(unit: UnitResult): Omit<UnitResult, 'items' | 'trace'> {
  const { items: _items, trace: _trace, ...rest } = unit;
  return rest;
}

describe('scoreBatch without explanations (issue 23)', () => {
  for (const id of BUILT_IN_IDS) {
    it(`${id}: the same results, without item results or trace`, () => {
      const rs = builtInRuleset(id);
      const table = unitTable(rs, randomUnits(rs, 300, 23));
      const full = scoreBatch(rs, readUnits(rs, table, { collect: true }), { collect: true });
      const lean = scoreBatch(rs, readUnits(rs, table, { collect: true }), { collect: true, explanations: false });
      expect(lean.units.map(shown)).toEqual(full.units.map(shown));
      expect(lean.findings).toEqual(full.findings);
      expect(lean.units.every((unit) => unit.items.length === 0)).toBe(true);
      // The trace keeps only what the batch adds after scoring (a level and its quota, 第四條): the end of the full trace.
      lean.units.forEach((unit, i) => expect(unit.trace).toEqual(full.units[i].trace.slice(full.units[i].trace.length - unit.trace.length)));
      expect(lean.units.reduce((n, unit) => n + unit.trace.length, 0)).toBeLessThanOrEqual(full.units.reduce((n, unit) => n + unit.trace.length, 0));
      expect(full.units.some((unit) => unit.items.length > 0)).toBe(true);
    });
  }

  it('township2022 with the office’s 总分 column: every unit keeps its explanation and the audit finds the same wrong total', () => {
    const rs = builtInRuleset('township2022');
    const table = unitTable(rs, randomUnits(rs, 5, 7));
    const first = readUnits(rs, table);
    const scores = scoreBatch(rs, first).units.map((unit) => unit.score);
    // The office's totals: right for every unit but the second, which is 1 point too high.
    const withTotals: Cell[][] = table.map((row, r) => [...row, r === 0 ? '总分' : scores[r - 1] + (r === 2 ? 1 : 0)]);
    const full = scoreBatch(rs, readUnits(rs, withTotals));
    const lean = scoreBatch(rs, readUnits(rs, withTotals), { explanations: false });
    expect(lean).toEqual(full);
    expect(lean.units.every((unit) => unit.items.length > 0)).toBe(true);
    expect(lean.units[1].findings.some((finding) => finding.kind === 'claim')).toBe(true);
  });
});
