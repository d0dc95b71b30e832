/**
 * Realistic random valid units for a ruleset, as the row layout a clerk fills in: a header row
 * ("code label" per input item, as `assess template` writes it) and one row per unit. Values
 * look like real assessment sheets: most deductions are blank or 0, judged items near their
 * maximum, rates a little under 100%, flags as 1/0 or blank. Every unit reads and scores
 * without an error (no value outside what the item accepts, no total outside scoreMin/scoreMax).
 */
import type { Cell } from '../src/core/cells';
import type { CompiledItem, CompiledRuleset } from '../src/core/compile';
import { random } from './common';

const M = 1_000_000;

export type UnitValues = Map<string, Cell>;

export interface Units {
  /** Per unit: the unit's name, lead columns (tier, criticized) and item values by code. */
  names: string[];
  lead: Array<Record<string, Cell>>;
  values: UnitValues[];
}

/** Open-item columns for a ruleset without items (tacheng2020): label and most points. */
const OPEN_COLUMNS: Array<[string, number]> = [
  ['政务公开', 30],
  ['放管服改革', 25],
  ['政务服务', 20],
  ['营商环境', 15],
  ['基础工作', 10],
];

function countValue(rand: () => number, nonzero: number, mean: number, max: number): Cell {
  const r = rand();
  if (r > nonzero) return rand() < 0.5 ? null : 0;
  // 1 + a geometric-like tail, bounded.
  return Math.min(max, 1 + Math.floor(-Math.log(1 - rand()) * mean));
}

function itemValue(item: CompiledItem, rand: () => number): Cell {
  switch (item.kind) {
    case 'flag':
      if (item.points >= 50 * M) return rand() < 0.95 ? 1 : 0; // a base item almost always met
      if (rand() < 0.15) return null;
      return rand() < (item.parent ? 0.1 : 0.35) ? 1 : 0;
    case 'count':
    case 'deduct':
      if (item.role === 'deduction') return countValue(rand, 0.1, 0.6, 4);
      if (item.role === 'bonus') return countValue(rand, 0.4, 1, 6);
      if (item.role === 'score' && !item.parent && item.kind === 'count') return Math.floor(rand() * 13); // months, articles
      return countValue(rand, 0.4, 1.2, 10);
    case 'judged': {
      if (item.max === null) {
        // An open-ended judged item (a special deduction, an extra): mostly blank.
        if (rand() > 0.15) return null;
        return (1 + Math.floor(rand() * 10)) / 2;
      }
      if (rand() < 0.03) return null;
      const halfSteps = Math.floor(-Math.log(1 - rand()) * 1.2);
      return Math.max(item.min, item.max - halfSteps * 500_000) / M;
    }
    case 'rate': {
      if (rand() < 0.02) return null;
      // Up to ~12 steps under 100%, at 1/100 of a step's resolution: exact decimals.
      const per = item.perMicroPct; // micro-percentage-points per step
      const deficit = Math.floor(rand() * rand() * 12 * 100) * (per / 100);
      return (100_000_000 - Math.round(deficit)) / 100_000_000;
    }
    case 'rank':
      return 1 + Math.floor(rand() * 21);
  }
}

/** n random valid units for a ruleset (seeded). */
export function randomUnits(rs: CompiledRuleset, n: number, seed: number): Units {
  const rand = random(seed);
  const inputs = rs.items.filter((item) => item.isInput);
  const names: string[] = [];
  const lead: Array<Record<string, Cell>> = [];
  const values: UnitValues[] = [];
  for (let i = 0; i < n; i++) {
    names.push(`单位${i + 1}`);
    const extra: Record<string, Cell> = {};
    if (rs.levelScope === 'tier' && rs.tiers.length > 0) extra['圈层'] = rs.tiers[Math.floor(rand() * rs.tiers.length)].label;
    if (rs.downgrade) extra['通报批评或曝光'] = rand() < 0.05 ? '是' : '否';
    lead.push(extra);
    const unit: UnitValues = new Map();
    for (const item of inputs) unit.set(item.code, itemValue(item, rand));
    if (rs.openItems && inputs.length === 0) {
      for (const [label, most] of OPEN_COLUMNS) unit.set(label, Math.round(most * (0.6 + 0.4 * rand()) * 2) / 2);
    }
    values.push(unit);
  }
  return { names, lead, values };
}

/** Header text of an input column: "code label", as the template writes it. */
function headerOf(rs: CompiledRuleset, code: string): string {
  const item = rs.itemByCode.get(code);
  return item ? `${item.code} ${item.label}` : code;
}

/** Input column codes in ruleset order (or the open-item labels). */
export function inputColumns(rs: CompiledRuleset): string[] {
  const inputs = rs.items.filter((item) => item.isInput).map((item) => item.code);
  return inputs.length > 0 ? inputs : rs.openItems ? OPEN_COLUMNS.map(([label]) => label) : [];
}

/**
 * The units as a sheet: header row, then one row per unit. `columns` orders the item columns
 * (default: ruleset order); `lead` adds the tier / criticized columns.
 */
export function unitTable(rs: CompiledRuleset, units: Units, options: { columns?: string[]; lead?: boolean } = {}): Cell[][] {
  const columns = options.columns ?? inputColumns(rs);
  const leadKeys = options.lead === false ? [] : Object.keys(units.lead[0] ?? {});
  const header: Cell[] = ['单位', ...leadKeys, ...columns.map((code) => headerOf(rs, code))];
  const rows: Cell[][] = [header];
  units.values.forEach((unit, i) => {
    rows.push([units.names[i], ...leadKeys.map((key) => units.lead[i][key]), ...columns.map((code) => unit.get(code) ?? null)]);
  });
  return rows;
}
