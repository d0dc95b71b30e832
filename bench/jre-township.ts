/**
 * township2022 expressed in json-rules-engine, the way a rules-engine user would: each input is
 * a fact (counts, 1/0 flags, judged points in micros, rates in micro-percentage-points, ranks),
 * and rules turn facts into events carrying points:
 *  - `base`: an item's 分值 (deduct items always; rank and rate items when filled in);
 *  - `minus`: one rule per finding threshold ("count ≥ k → −step"), as many as it takes to use
 *    up the item (or a counter's cap), so the per-item "扣完为止" is encoded in the rules;
 *  - `plus`: flags, and judged points (the fact itself, via replaceFactsInEventParams; the max
 *    when above it).
 * The caller sums the events: per item, plus + max(0, base − minus) (the floor is still needed
 * where several counters share one item). Exact integers, like the core.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { Cell } from '../src/core/cells';
import { COLUMNS } from './straight-township';

const M = 1_000_000;
const FULL = 100_000_000; // 100% in micro-percentage-points

type Spec =
  | { code: string; kind: 'deduct'; points: number; counters: Array<{ fact: string; step: number; cap?: number }> }
  | { code: string; kind: 'judged'; max: number }
  | { code: string; kind: 'flag'; points: number }
  | { code: string; kind: 'rank'; points: number; step: number; floor: number }
  | { code: string; kind: 'rate'; points: number; step: number; per: number };

const d = (code: string, points: number, step: number): Spec => ({ code, kind: 'deduct', points, counters: [{ fact: code, step }] });

/** The rules of the 评分表, by hand (micros). */
const SPECS: Spec[] = [
  { code: '1.1', kind: 'judged', max: 3 * M },
  d('1.2', 2 * M, 500_000),
  d('1.3', 2 * M, 2 * M),
  { code: '1.4', kind: 'deduct', points: 2 * M, counters: [{ fact: '1.4.missing', step: 500_000 }, { fact: '1.4.unexecuted', step: 500_000 }] },
  d('2.1', 2 * M, 500_000),
  d('2.2', 2 * M, M),
  { code: '3.1', kind: 'rank', points: 4 * M, step: 200_000, floor: 200_000 },
  d('3.2', 2 * M, 500_000),
  { code: '3.3', kind: 'deduct', points: 4 * M, counters: [{ fact: '3.3.late', step: 300_000 }, { fact: '3.3.overdue', step: M }] },
  d('3.4', M, 200_000),
  d('3.5', 3 * M, M),
  d('3.6', 5 * M, 500_000),
  d('3.7', M, 200_000),
  d('3.8', 4 * M, 200_000),
  { code: '3.9', kind: 'rate', points: 2 * M, step: 200_000, per: M },
  d('3.10', 2 * M, 500_000),
  d('3.11', 5 * M, 500_000),
  d('3.12', M, 100_000),
  d('3.13', M, 100_000),
  d('3.14', 5 * M, M),
  d('3.15', 5 * M, M),
  d('4.1', M, 500_000),
  d('4.2', 3 * M, 500_000),
  d('4.3', 2 * M, 2 * M),
  d('4.4', 3 * M, M),
  d('4.5', 5 * M, M),
  { code: '4.6', kind: 'judged', max: 3 * M },
  { code: '5.1', kind: 'judged', max: M },
  {
    code: '5.2',
    kind: 'deduct',
    points: 3 * M,
    counters: [
      { fact: '5.2.discipline', step: 500_000 },
      { fact: '5.2.late', step: 500_000 },
      { fact: '5.2.absent', step: M },
      { fact: '5.2.video', step: 2 * M },
      { fact: '5.2.closed', step: 2 * M },
    ],
  },
  { code: '5.3', kind: 'rate', points: 2 * M, step: 200_000, per: 10_000 },
  { code: '5.4', kind: 'rate', points: 3 * M, step: 300_000, per: M },
  { code: '5.5', kind: 'deduct', points: 2 * M, counters: [{ fact: '5.5.sensitive', step: 500_000 }, { fact: '5.5.review', step: M }] },
  { code: '5.6', kind: 'judged', max: 3 * M },
  { code: '5.7', kind: 'flag', points: 2 * M },
  d('5.8', 4 * M, 500_000),
  { code: '5.9', kind: 'deduct', points: 2 * M, counters: [{ fact: '5.9.issue', step: 500_000, cap: 2 * M }, { fact: '5.9.nosystem', step: M, cap: M }] },
  { code: '6.1', kind: 'flag', points: 3 * M },
];

type Op = 'base' | 'minus' | 'plus';

function rule(name: string, conditions: RuleProperties['conditions'], item: string, op: Op, points: number | { fact: string }): RuleProperties {
  return { name, conditions, event: { type: op, params: { item, points } } };
}

const fact = (id: string, operator: string, value: number) => ({ fact: id, operator, value });

/** The json-rules-engine rules for township2022. */
export function townshipRules(): RuleProperties[] {
  const rules: RuleProperties[] = [];
  for (const spec of SPECS) {
    switch (spec.kind) {
      case 'deduct':
        rules.push(rule(`${spec.code} 分值`, { all: [] }, spec.code, 'base', spec.points));
        for (const counter of spec.counters) {
          // One rule per finding until the item (or the counter's cap) is used up.
          const most = Math.ceil((counter.cap ?? spec.points) / counter.step);
          for (let k = 1; k <= most; k++) {
            rules.push(rule(`${counter.fact} ≥ ${k}`, { all: [fact(counter.fact, 'greaterThanInclusive', k)] }, spec.code, 'minus', counter.step));
          }
        }
        break;
      case 'judged':
        rules.push(rule(`${spec.code} ≥ max`, { all: [fact(spec.code, 'greaterThanInclusive', spec.max)] }, spec.code, 'plus', spec.max));
        rules.push(
          rule(
            `${spec.code} as given`,
            { all: [fact(spec.code, 'greaterThanInclusive', 0), fact(spec.code, 'lessThan', spec.max)] },
            spec.code,
            'plus',
            { fact: spec.code },
          ),
        );
        break;
      case 'flag':
        rules.push(rule(`${spec.code} 是`, { all: [fact(spec.code, 'equal', 1)] }, spec.code, 'plus', spec.points));
        break;
      case 'rank': {
        rules.push(rule(`${spec.code} ranked`, { all: [fact(spec.code, 'greaterThanInclusive', 1)] }, spec.code, 'base', spec.points));
        const most = Math.round((spec.points - spec.floor) / spec.step);
        for (let k = 1; k <= most; k++) {
          rules.push(rule(`${spec.code} rank > ${k}`, { all: [fact(spec.code, 'greaterThanInclusive', k + 1)] }, spec.code, 'minus', spec.step));
        }
        break;
      }
      case 'rate': {
        rules.push(rule(`${spec.code} given`, { all: [fact(spec.code, 'greaterThanInclusive', 0)] }, spec.code, 'base', spec.points));
        const most = Math.ceil(spec.points / spec.step);
        for (let k = 1; k <= most; k++) {
          rules.push(rule(`${spec.code} ${k} steps under 100%`, { all: [fact(spec.code, 'lessThanInclusive', FULL - k * spec.per)] }, spec.code, 'minus', spec.step));
        }
        break;
      }
    }
  }
  return rules;
}

export function townshipEngine(): Engine {
  return new Engine(townshipRules(), { allowUndefinedFacts: true, replaceFactsInEventParams: true });
}

const JUDGED = new Set(SPECS.filter((s) => s.kind === 'judged').map((s) => s.code));
const RATES = new Set(SPECS.filter((s) => s.kind === 'rate').map((s) => s.code));

/** A row (unit name, then COLUMNS) as facts; empty cells are absent facts. */
export function factsOf(row: Cell[]): Record<string, number> {
  const facts: Record<string, number> = {};
  COLUMNS.forEach((code, i) => {
    const cell = row[i + 1];
    if (typeof cell !== 'number') return;
    if (JUDGED.has(code)) facts[code] = Math.round(cell * M);
    else if (RATES.has(code)) {
      const scaled = cell * FULL;
      const nearest = Math.round(scaled);
      facts[code] = Math.abs(scaled - nearest) < 1e-6 ? nearest : Math.ceil(scaled);
    } else facts[code] = cell;
  });
  return facts;
}

/** Runs the engine on one row and sums the events into a score (micros). */
export async function scoreWithEngine(engine: Engine, row: Cell[]): Promise<number> {
  const { events } = await engine.run(factsOf(row));
  const per = new Map<string, { base: number; minus: number; plus: number }>();
  for (const event of events) {
    const params = event.params as { item: string; points: number };
    let sums = per.get(params.item);
    if (!sums) {
      sums = { base: 0, minus: 0, plus: 0 };
      per.set(params.item, sums);
    }
    sums[event.type as Op] += params.points;
  }
  let score = 0;
  for (const sums of per.values()) score += sums.plus + Math.max(0, sums.base - sums.minus);
  return score;
}
