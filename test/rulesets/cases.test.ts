/**
 * Runs the hand-worked cases of test/rulesets/cases/*.cases.ts (worked out from the regulation
 * texts, arithmetic in their comments) against the built-in rulesets. Exact equality.
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import { AssessError } from '../../src/core/errors';
import { scoreBatch } from '../../src/core/batch';
import { readUnits } from '../../src/core/input';
import { builtInRuleset } from '../../src/rulesets';
import type { CaseInput, RulesetCase } from './case-types';
import { cases as chengdu2006 } from './cases/chengdu2006.cases';
import { cases as county2013 } from './cases/county2013.cases';
import { cases as govinfo } from './cases/govinfo.cases';
import { cases as tacheng2020 } from './cases/tacheng2020.cases';
import { cases as township2022 } from './cases/township2022.cases';

/** Builds the 2-D table a sheet would give for a case's input. */
export function caseTable(input: CaseInput): Cell[][] {
  if (input.kind === 'ledger') {
    return [['单位', '条目', '数量', '事项'], ...input.rows.map((r) => [r.unit, r.code, r.quantity ?? null, r.matter ?? null])];
  }
  const codes: string[] = [];
  for (const row of input.rows) for (const code of Object.keys(row.values)) if (!codes.includes(code)) codes.push(code);
  const hasTier = input.rows.some((r) => r.tier !== undefined);
  const hasCriticized = input.rows.some((r) => r.criticized !== undefined);
  const header: Cell[] = ['单位', ...(hasTier ? ['圈层'] : []), ...(hasCriticized ? ['通报批评或曝光'] : []), ...codes];
  return [
    header,
    ...input.rows.map((r) => [
      r.unit,
      ...(hasTier ? [r.tier ?? null] : []),
      ...(hasCriticized ? [r.criticized ?? false] : []),
      ...codes.map((code) => (code in r.values ? r.values[code] : null)),
    ]),
  ];
}

const suites: Record<string, RulesetCase[]> = { chengdu2006, county2013, govinfo, tacheng2020, township2022 };

for (const [id, cases] of Object.entries(suites)) {
  describe(`${id}: hand-worked cases`, () => {
    it('has at least 10 cases', () => expect(cases.length).toBeGreaterThanOrEqual(10));
    for (const c of cases) {
      it(`${c.name} [${c.clause}]`, () => {
        const rs = builtInRuleset(id);
        const table = caseTable(c.input);
        if (c.error) {
          let error: unknown;
          try {
            scoreBatch(rs, readUnits(rs, table));
          } catch (e) {
            error = e;
          }
          expect(error, 'expected an input error').toBeInstanceOf(AssessError);
          const message = (error as AssessError).message;
          expect(message).toContain(c.error.item);
          if (c.error.value !== undefined) expect(message).toContain(c.error.value);
          return;
        }
        const batch = scoreBatch(rs, readUnits(rs, table));
        for (const [unit, want] of Object.entries(c.expect ?? {})) {
          const got = batch.units.find((u) => u.unit === unit);
          expect(got, `unit ${unit}`).toBeDefined();
          if (!got) continue;
          const label = `${unit}`;
          if (want.score !== undefined) expect(got.score, `${label} score`).toBe(want.score);
          if (want.bonus !== undefined) expect(got.bonus, `${label} bonus`).toBe(want.bonus);
          if (want.deduction !== undefined) expect(got.deduction, `${label} deduction`).toBe(want.deduction);
          if (want.grade !== undefined) expect(got.grade, `${label} grade`).toBe(want.grade);
          if (want.level !== undefined) expect(got.level, `${label} level`).toBe(want.level);
          if (want.result !== undefined) expect(got.result, `${label} result`).toBe(want.result);
          if (want.reward !== undefined) expect(got.reward, `${label} reward`).toBe(want.reward);
          if (want.rank !== undefined) expect(got.rank, `${label} rank`).toBe(want.rank);
          if (want.thresholds !== undefined) expect(got.thresholds, `${label} thresholds`).toEqual(want.thresholds);
          if (want.items !== undefined) {
            for (const [code, points] of Object.entries(want.items)) {
              const item = got.items.find((i) => i.code === code);
              expect(item, `${label} item ${code}`).toBeDefined();
              expect(Math.abs(item?.points ?? NaN), `${label} item ${code} points`).toBe(Math.abs(points));
            }
          }
          if (want.checks !== undefined) {
            const codes = got.findings.map((f) => f.code);
            for (const code of want.checks) expect(codes, `${label} findings`).toContain(code);
            const warnings = got.findings.filter((f) => f.severity === 'warning' && f.code !== 'level').map((f) => f.code);
            for (const code of warnings) expect(want.checks, `${label}: unexpected warning on ${code}`).toContain(code);
          }
        }
      });
    }
  });
}
