/**
 * Property tests (fast-check) over all five built-in rulesets: caps and floors are never
 * exceeded, scores stay within the bounds the rules imply, and ledger input behaves like the
 * row input it stands for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core/cells';
import type { CompiledItem, CompiledRuleset } from '../../src/core/compile';
import { scoreBatch } from '../../src/core/batch';
import { readUnits } from '../../src/core/input';
import { BUILT_IN_IDS, builtInRuleset } from '../../src/rulesets';

const M = 1_000_000;

/** A valid random cell for an input item. */
function cellFor(item: CompiledItem): fc.Arbitrary<Cell> {
  switch (item.kind) {
    case 'flag':
      return fc.constantFrom<Cell>(0, 1, '是', '否', true, false, null);
    case 'count':
    case 'deduct':
      return fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constant(null));
    case 'judged': {
      const top = item.max === null ? 150 : (item.max / M) * 1.5;
      return fc.oneof(fc.integer({ min: 0, max: Math.round(top * 10) }).map((n) => n / 10), fc.constant(null));
    }
    case 'rate':
      return fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);
    case 'rank':
      return fc.integer({ min: 1, max: 30 });
  }
}

function rowArbitrary(rs: CompiledRuleset): fc.Arbitrary<Record<string, Cell>> {
  const inputs = rs.items.filter((item) => item.isInput);
  return fc.record(Object.fromEntries(inputs.map((item) => [item.code, cellFor(item)])));
}

function table(rs: CompiledRuleset, rows: Array<Record<string, Cell>>): Cell[][] {
  const codes = rs.items.filter((item) => item.isInput).map((item) => item.code);
  return [['单位', ...codes], ...rows.map((row, i) => [`单位${i + 1}`, ...codes.map((code) => row[code] ?? null)])];
}

const scorable = BUILT_IN_IDS.filter((id) => builtInRuleset(id).items.length > 0);

describe('caps, floors and bounds are never exceeded', () => {
  for (const id of scorable) {
    it(id, () => {
      const rs = builtInRuleset(id);
      fc.assert(
        fc.property(fc.array(rowArbitrary(rs), { minLength: 1, maxLength: 12 }), (rows) => {
          const batch = scoreBatch(rs, readUnits(rs, table(rs, rows)));
          for (const unit of batch.units) {
            for (const result of unit.items) {
              const item = rs.itemByCode.get(result.code);
              if (!item) continue; // group / total adjustments
              const magnitude = Math.abs(result.points) * M;
              if (item.cap !== null) expect(magnitude).toBeLessThanOrEqual(item.cap);
              if (item.kind === 'judged' && item.max !== null) expect(magnitude).toBeLessThanOrEqual(item.max);
              if (['deduct', 'rank', 'rate'].includes(item.kind)) {
                expect(result.points).toBeGreaterThanOrEqual(0); // never below 0 (直至扣完本项得分)
                expect(magnitude).toBeLessThanOrEqual(item.points);
              }
              if (item.kind === 'rank') expect(magnitude).toBeGreaterThanOrEqual(item.floor);
            }
            for (const group of rs.groups) {
              const sum = group.members.reduce((acc, m) => acc + Math.abs(unit.items.find((r) => r.code === m.code)?.points ?? 0) * M, 0);
              const adjusted = sum + (unit.items.filter((r) => r.code === group.code).reduce((acc, r) => acc + Math.abs(r.points) * M * -1, 0));
              if (group.cap !== null) expect(Math.round(adjusted)).toBeLessThanOrEqual(group.cap);
            }
            if (rs.bonusCap) expect(unit.bonus * M).toBeLessThanOrEqual(rs.bonusCap.value);
            if (rs.deductionCap) expect(unit.deduction * M).toBeLessThanOrEqual(rs.deductionCap.value);
            if (rs.deductionWithinBonus) expect(unit.deduction).toBeLessThanOrEqual(unit.bonus);
            expect(Number.isFinite(unit.score)).toBe(true);
            // Exact decimals: the score prints with at most 6 decimals (no float artefacts).
            expect(String(unit.score)).toMatch(/^-?\d+(\.\d{1,6})?$/);
          }
        }),
        { numRuns: 150 },
      );
    });
  }

  it('score bounds implied by each regulation', () => {
    const bounds: Record<string, [number, number]> = {
      // chengdu2006: base 0 or 70, bonus ≤ 30, deductions ≤ applied bonus → [0, 100], ≥ 70 with base.
      chengdu2006: [0, 100],
      // county2013: tasks 0–100, bonus ≤ 10, deductions ≤ 10 → [−10, 110].
      county2013: [-10, 110],
      // township2022: 37 items each within [0, 分值], 分值 total 100 → [0, 100].
      township2022: [0, 100],
    };
    for (const [id, [low, high]] of Object.entries(bounds)) {
      const rs = builtInRuleset(id);
      fc.assert(
        fc.property(fc.array(rowArbitrary(rs), { minLength: 1, maxLength: 5 }), (rows) => {
          for (const unit of scoreBatch(rs, readUnits(rs, table(rs, rows))).units) {
            expect(unit.score).toBeGreaterThanOrEqual(low);
            expect(unit.score).toBeLessThanOrEqual(high);
            if (id === 'chengdu2006' && unit.items.find((i) => i.code === '8.1')?.points === 70) expect(unit.score).toBeGreaterThanOrEqual(70);
          }
        }),
        { numRuns: 100 },
      );
    }
  });
});

/** Ledger rows for the count and flag items of a ruleset. */
function ledgerRow(rs: CompiledRuleset, units: string[], matters: string[]): fc.Arbitrary<Cell[]> {
  const codes = rs.items.filter((item) => item.isInput && item.kind === 'count').map((item) => item.code);
  return fc.tuple(fc.constantFrom(...units), fc.constantFrom(...codes), fc.integer({ min: 1, max: 3 }), fc.constantFrom(...matters));
}

describe('ledger input', () => {
  for (const id of ['county2013', 'chengdu2006', 'govinfo']) {
    const rs = builtInRuleset(id);
    const units = ['甲县', '乙县', '丙县'];
    it(`${id}: row order does not matter`, () => {
      fc.assert(
        fc.property(
          fc.array(ledgerRow(rs, units, ['', '事项一', '事项二', '事项三']), { minLength: 1, maxLength: 25 }).chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
          ),
          ([rows, shuffled]) => {
            const score = (list: Cell[][]) => {
              const result = scoreBatch(rs, readUnits(rs, [['单位', '条目', '数量', '事项'], ...list]));
              return Object.fromEntries(result.units.map((u) => [u.unit, [u.score, u.bonus, u.deduction, u.reward]]));
            };
            expect(score(shuffled)).toEqual(score(rows));
          },
        ),
        { numRuns: 200 },
      );
    });

    it(`${id}: ledger equals row input when all matters differ`, () => {
      const codes = rs.items.filter((item) => item.isInput && item.kind === 'count').map((item) => item.code);
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.constantFrom(...codes), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 20 }), (events) => {
          let matter = 0;
          const ledger: Cell[][] = [['单位', '条目', '数量', '事项']];
          const counts: Record<string, number> = {};
          for (const [code, quantity] of events) {
            // Quantity q with distinct matters = q separate rows of one event each.
            for (let i = 0; i < quantity; i++) ledger.push(['甲县', code, 1, `事项${++matter}`]);
            counts[code] = (counts[code] ?? 0) + quantity;
          }
          const rows: Cell[][] = [['单位', ...Object.keys(counts)], ['甲县', ...Object.values(counts)]];
          const fromLedger = scoreBatch(rs, readUnits(rs, ledger)).units[0];
          const fromRows = scoreBatch(rs, readUnits(rs, rows)).units[0];
          expect([fromLedger.score, fromLedger.bonus, fromLedger.deduction, fromLedger.reward]).toEqual([
            fromRows.score,
            fromRows.bonus,
            fromRows.deduction,
            fromRows.reward,
          ]);
        }),
        { numRuns: 200 },
      );
    });
  }
});
