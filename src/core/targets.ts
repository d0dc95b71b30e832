/**
 * What a cell of entered points can stand for: one item, one group (a category such as
 * 第九條(四)), every item of one clause together, or all the bonus or all the deductions of a
 * unit. Each target knows the most it can give (its limit, with the clause that sets it) and the
 * values it can take (its grid: 9.3 moves in 0.5s, a township deduct item in steps down from its
 * 分值), so entered points are checked against the regulation before they are used.
 *
 * Scoring sees targets through the kernel's "parts": every group, and every scored item outside a
 * group, is one part; a target above item level overrides whole parts (see kernel.ts).
 */
import type { Citation, CompiledGroup, CompiledItem, CompiledRuleset } from './compile';
import type { Micros } from './fixed';
import { kernelOf } from './kernel';
import type { ItemRole } from './format';
import { normalizeKey } from './text';

/** Points a target can take: `base − k × step` (k ≥ 0, or any integer for base 0), or one of `also`. */
export interface Grid {
  base: Micros;
  step: Micros;
  also: Micros[];
}

export interface Target {
  /** Item or group code; a clause for a clause target; 'bonus' / 'deduction' for a whole role. */
  code: string;
  label: string;
  level: 'item' | 'group' | 'clause' | 'role';
  role: ItemRole;
  /** The item, for an item target. */
  item: CompiledItem | null;
  /** Kernel parts the target replaces (groups, and ungrouped scored items); empty for an item target. */
  parts: number[];
  /** Items whose points the target stands for (for conflicts with their own columns). */
  items: CompiledItem[];
  /** Highest points; null: none. */
  limit: Micros | null;
  limitCite: Citation;
  /** Full points a 扣分 column counts down from (a score item's 分值); null: a 扣分 column cannot apply. */
  full: Micros | null;
  grid: Grid | null;
  /** Lowest points (judged items may allow a negative minimum). */
  min: Micros;
  cite: Citation;
}

export interface TargetIndex {
  all: Target[];
  byItem: Map<CompiledItem, Target>;
  byGroup: Map<CompiledGroup, Target>;
  /** normalised code, group label or clause key → target. */
  byKey: Map<string, Target>;
  /** 'bonus' | 'deduction' → target for the unit's whole bonus or deductions. */
  byRole: Map<ItemRole, Target>;
  /** Number of kernel parts (groups first, then ungrouped scored items in scoredItems order). */
  partCount: number;
  /** Per scored item (rs.scoredItems order): its part, or −1 inside a group. */
  itemPart: Int32Array;
}

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

function itemGrid(item: CompiledItem): Grid | null {
  switch (item.kind) {
    case 'flag':
      return { base: 0, step: item.points, also: [] };
    case 'count':
      return item.points > 0 ? { base: 0, step: item.points, also: [] } : null;
    case 'deduct': {
      const step = item.counters.length > 0 ? item.counters.reduce((g, c) => gcd(g, c.step), 0) : item.step;
      return step > 0 ? { base: item.points, step, also: [0] } : null;
    }
    case 'rank':
      return item.step > 0 ? { base: item.points, step: item.step, also: [item.floor] } : null;
    case 'rate':
      return item.step > 0 ? { base: item.points, step: item.step, also: [0] } : null;
    case 'judged':
      return null;
  }
}

function itemLimit(item: CompiledItem): Micros | null {
  switch (item.kind) {
    case 'flag':
      return item.points;
    case 'count':
      return item.cap;
    case 'judged':
      return item.max;
    case 'rate':
      // A rate from a threshold that gives (above) or takes (a deduction below) counts from 0: its cap bounds it.
      return item.rateFrom !== null && (item.rateFrom.mode === 'above' || item.role === 'deduction') ? item.cap : item.points;
    default:
      return item.points;
  }
}

/** A grid of sums: several parts together move in the gcd of their steps (when every part starts at 0). */
function sumGrid(grids: Array<Grid | null>): Grid | null {
  let step = 0;
  for (const grid of grids) {
    if (grid === null || grid.base !== 0) return null;
    step = gcd(step, grid.step);
  }
  return step > 0 ? { base: 0, step, also: [] } : null;
}

function maxLimit(limits: Array<Micros | null>): Micros | null {
  let max = 0;
  for (const limit of limits) {
    if (limit === null) return null;
    max = Math.max(max, limit);
  }
  return max;
}

function sumLimit(limits: Array<Micros | null>): Micros | null {
  let sum = 0;
  for (const limit of limits) {
    if (limit === null) return null;
    sum += limit;
  }
  return sum;
}

/** "第九條(三)", "九(三)", "第九条（三）" → "九(三)"; null when the text is not a clause reference. */
export function clauseKey(text: string): string | null {
  const match = CLAUSE.exec(normalizeKey(text).replace(/\s+/g, ''));
  if (!match) return null;
  return match[2] ? `${match[1]}(${match[2]})` : match[1];
}

/** A clause reference at the start of a header: 第九条（三）…, 九(三)…, 第十條… */
const CLAUSE = /^第?([一二三四五六七八九十百]+)[条條]?(?:\(([一二三四五六七八九十]+)\))?/;

/** The clause reference a header starts with, and the rest of the header. */
export function splitClause(text: string): { key: string; rest: string; article: boolean } | null {
  const compact = normalizeKey(text).replace(/\s+/g, '');
  const match = CLAUSE.exec(compact);
  if (!match) return null;
  // "第九条" alone, or "九(三)"; a bare number word ("三等") is not a clause.
  const hasArticle = /^第.+[条條]/.test(compact.slice(0, match[0].length)) || match[2] !== undefined;
  if (!hasArticle) return null;
  return { key: match[2] ? `${match[1]}(${match[2]})` : match[1], rest: compact.slice(match[0].length), article: match[2] === undefined };
}

/** A sub-clause alone, "（三）", to be read under an article header ("第九条"). */
export function subClause(text: string): string | null {
  const match = /^\(([一二三四五六七八九十]+)\)/.exec(normalizeKey(text).replace(/\s+/g, ''));
  return match ? match[1] : null;
}

const indexes = new WeakMap<CompiledRuleset, TargetIndex>();

/** Every target of a compiled ruleset, built once. */
export function targetsOf(rs: CompiledRuleset): TargetIndex {
  const cached = indexes.get(rs);
  if (cached) return cached;
  const groupIndex = new Map<CompiledGroup, number>();
  rs.groups.forEach((group, g) => groupIndex.set(group, g));
  const { itemPart, partCount } = kernelOf(rs);
  const partOfItem = new Map<CompiledItem, number>();
  rs.scoredItems.forEach((item, i) => {
    if (itemPart[i] >= 0) partOfItem.set(item, itemPart[i]);
  });

  const all: Target[] = [];
  const byItem = new Map<CompiledItem, Target>();
  const byGroup = new Map<CompiledGroup, Target>();
  const byKey = new Map<string, Target>();
  const byRole = new Map<ItemRole, Target>();
  const add = (target: Target, keys: string[]): void => {
    all.push(target);
    for (const key of keys) {
      const k = normalizeKey(key);
      if (k !== '' && !byKey.has(k)) byKey.set(k, target);
    }
  };

  for (const item of rs.scoredItems) {
    const grid = itemGrid(item);
    const limit = itemLimit(item);
    const target: Target = {
      code: item.code,
      label: item.label,
      level: 'item',
      role: item.role,
      item,
      parts: [],
      items: [item, ...item.counters],
      limit,
      limitCite: item.cite,
      full: item.role === 'deduction' ? null : limit,
      grid,
      min: item.kind === 'judged' ? item.min : 0,
      cite: item.cite,
    };
    byItem.set(item, target);
    add(target, [item.code, item.label, `${item.code} ${item.label}`, ...item.aliases]);
  }
  for (const group of rs.groups) {
    const members = group.members.map((m) => byItem.get(m)).filter((t): t is Target => t !== undefined);
    const limits = members.map((m) => m.limit);
    const grids = members.map((m) => m.grid);
    // One-time (一次性扣减10分): the highest member's points once, however many occur.
    // A mean over periods (取平均) is never above its largest member: one period's limit, not their sum.
    const limit = group.cap ?? (group.once ? members.reduce((max, m) => Math.max(max, m.item?.points ?? 0), 0) : group.mean ? maxLimit(limits) : sumLimit(limits));
    const target: Target = {
      code: group.code,
      label: group.label,
      level: 'group',
      role: group.role,
      item: null,
      parts: [groupIndex.get(group) ?? 0],
      items: group.members.flatMap((m) => [m, ...m.counters]),
      limit,
      limitCite: group.cite,
      full: null,
      // A mean of values on a grid is not on it (90 and 85 → 87.5): no grid for a mean group.
      grid: group.once ? { base: 0, step: members.reduce((g, m) => gcd(g, m.item?.points ?? 0), 0) || 1, also: [] } : group.mean ? null : sumGrid(grids),
      min: 0,
      cite: group.cite,
    };
    byGroup.set(group, target);
    add(target, [group.code, group.label, ...group.aliases]);
  }

  // Clause targets: every scored item citing one clause, taken as whole parts.
  const byClause = new Map<string, CompiledItem[]>();
  for (const item of rs.scoredItems) {
    const key = clauseKey(item.cite.clause);
    if (key === null) continue;
    const list = byClause.get(key) ?? [];
    list.push(item);
    byClause.set(key, list);
  }
  for (const [key, items] of byClause) {
    const parts = new Set<number>();
    const pieces: Target[] = [];
    let whole = true;
    for (const item of items) {
      if (item.group) {
        if (!item.group.members.every((m) => items.includes(m))) whole = false;
        const g = byGroup.get(item.group);
        if (g && !pieces.includes(g)) pieces.push(g);
        parts.add(groupIndex.get(item.group) ?? 0);
      } else {
        const t = byItem.get(item);
        if (t) pieces.push(t);
        parts.add(partOfItem.get(item) ?? 0);
      }
    }
    const roles = new Set(items.map((item) => item.role));
    if (!whole || roles.size !== 1) continue;
    if (pieces.length === 1) {
      byKey.set(key, pieces[0]); // the clause names one item or one group
      continue;
    }
    const first = pieces[0];
    const target: Target = {
      code: items[0].cite.clause,
      label: items[0].cite.clause,
      level: 'clause',
      role: items[0].role,
      item: null,
      parts: [...parts],
      items: pieces.flatMap((p) => p.items),
      limit: sumLimit(pieces.map((p) => p.limit)),
      limitCite: first.cite,
      full: null,
      grid: sumGrid(pieces.map((p) => p.grid)),
      min: 0,
      cite: first.cite,
    };
    add(target, [key]);
  }

  // A unit's whole bonus or deductions, for sheets that give only that (加分 / 扣分 rows).
  for (const role of ['bonus', 'deduction'] as const) {
    const pieces: Target[] = [];
    const parts: number[] = [];
    rs.groups.forEach((group, g) => {
      if (group.role !== role) return;
      const t = byGroup.get(group);
      if (t) pieces.push(t);
      parts.push(g);
    });
    rs.scoredItems.forEach((item) => {
      if (item.group !== null || item.role !== role) return;
      const t = byItem.get(item);
      if (t) pieces.push(t);
      parts.push(partOfItem.get(item) ?? 0);
    });
    if (pieces.length === 0) continue;
    const overall = role === 'bonus' ? rs.bonusCap : rs.deductionCap;
    const sum = sumLimit(pieces.map((p) => p.limit));
    const limit = overall && (sum === null || overall.value < sum) ? overall.value : sum;
    const target: Target = {
      code: role,
      label: role === 'bonus' ? '加分' : '扣分',
      level: 'role',
      role,
      item: null,
      parts,
      items: pieces.flatMap((p) => p.items),
      limit,
      limitCite: overall && limit === overall.value ? overall.cite : pieces[0].cite,
      full: null,
      grid: sumGrid(pieces.map((p) => p.grid)),
      min: 0,
      cite: overall?.cite ?? pieces[0].cite,
    };
    all.push(target);
    byRole.set(role, target);
  }

  const index: TargetIndex = { all, byItem, byGroup, byKey, byRole, partCount, itemPart };
  indexes.set(rs, index);
  return index;
}

/** Whether points lie on a grid (exact in micros). */
export function onGrid(grid: Grid, value: Micros): boolean {
  if (grid.also.includes(value)) return true;
  const offset = grid.base - value;
  if (grid.base === 0) return value % grid.step === 0;
  return offset >= 0 && offset % grid.step === 0;
}
