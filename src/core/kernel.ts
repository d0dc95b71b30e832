/**
 * The arithmetic of scoring, over flat typed arrays built once per compiled ruleset: every item
 * kind, item caps and floors, groups (caps, one-time), bonus and deduction caps. The full scorer
 * (scoreRecord, which adds notes, trace and findings on top) and the numbers-only path
 * (quickScores) both run it, so points are added in exactly one place — and a unit costs a few
 * array reads per item instead of walking ruleset objects.
 */
import type { CompiledItem, CompiledRuleset } from './compile';
import { type Micros, SCALE, times } from './fixed';

const FULL_PERCENT = 100_000_000; // 100% in micro-percentage-points

/** What a scored item does with its occurrences or value. */
const GIVES = 0; // flag, count: the sum of its occurrences (within the item's cap)
const TAKES = 1; // deduct: its points minus its occurrences, not below 0
const JUDGED = 2;
const RANK = 3;
const RATE = 4;

const ROLE_SCORE = 0;
const ROLE_BONUS = 1;
const ROLE_DEDUCTION = 2;

export interface Kernel {
  /** Per scored item (in rs.scoredItems order). */
  op: Uint8Array;
  index: Int32Array;
  role: Uint8Array;
  grouped: Uint8Array;
  points: Float64Array;
  step: Float64Array;
  /** Item's own value when its cell is empty (NaN: unscored). */
  empty: Float64Array;
  min: Float64Array;
  /** Infinity: none. */
  max: Float64Array;
  floor: Float64Array;
  per: Float64Array;
  /** rate items: 0 steps below 100%, 1 above `rateFrom`, 2 a capped deduction below it, 3 points down from it. */
  rateMode: Uint8Array;
  rateFrom: Float64Array;
  /** Item cap (Infinity: none), applied by rate modes 1 and 2. */
  cap: Float64Array;
  /** Occurrences of a GIVES/TAKES item: [occurrenceStart[i], occurrenceStart[i + 1]). */
  occurrenceStart: Int32Array;
  occurrenceIndex: Int32Array;
  occurrencePer: Float64Array;
  /** Infinity: no cap. */
  occurrenceCap: Float64Array;
  /** An occurrence's value for an empty cell (an unscored one counts 0). */
  occurrenceEmpty: Float64Array;
  occurrenceIsFlag: Uint8Array;
  /** An occurrence's ladder in `ladders` (−1: none, its per-occurrence points apply). */
  occurrenceLadder: Int32Array;
  ladders: Float64Array[];
  ladderOnce: Uint8Array;
  /** Per group (rs.groups order); members [memberStart[g], memberStart[g + 1]). */
  groupCap: Float64Array;
  groupOnce: Uint8Array;
  groupRole: Uint8Array;
  /** Members a group's sum is divided by: their count for a mean group (periods), else 1. */
  groupDivisor: Int32Array;
  /** A group's share in micros of 1 (SCALE: counted whole). */
  groupShare: Float64Array;
  memberStart: Int32Array;
  memberIndex: Int32Array;
  /** A one-time group's count or flag applies its points once; NaN: other kinds apply their magnitude. */
  memberOncePoints: Float64Array;
  bonusCap: number;
  deductionCap: number;
  deductionWithinBonus: boolean;
  /**
   * Parts, for entered points above item level (targets.ts): groups are parts 0…G−1, then each
   * ungrouped scored item one part; per scored item its part, −1 inside a group.
   */
  itemPart: Int32Array;
  partCount: number;
}

const RATE_BELOW_100 = 0;
const RATE_ABOVE = 1;
const RATE_BELOW_TAKES = 2;
const RATE_BELOW_LEFT = 3;

function rateModeOf(item: CompiledItem): number {
  if (item.kind !== 'rate' || item.rateFrom === null) return RATE_BELOW_100;
  if (item.rateFrom.mode === 'above') return RATE_ABOVE;
  return item.role === 'deduction' ? RATE_BELOW_TAKES : RATE_BELOW_LEFT;
}

/**
 * Points of `count` occurrences on a ladder (rungs in micros, the last repeating): added up, or
 * with `once` only the rung reached.
 */
export function ladderPoints(rungs: Float64Array | readonly number[], count: number, once: boolean): Micros {
  const n = Math.floor(count);
  if (!(n > 0)) return 0;
  const last = rungs[rungs.length - 1];
  if (once) return n <= rungs.length ? rungs[n - 1] : last;
  let sum = 0;
  for (let k = 0; k < n && k < rungs.length; k++) sum += rungs[k];
  return n > rungs.length ? sum + times(n - rungs.length, last) : sum;
}

/** Full steps of a rate from a threshold (micro-percent): above it for 'above', below it otherwise; 0 on the other side. */
export function stepsFrom(mode: 'above' | 'below', threshold: number, per: number, rate: number): number {
  const gap = mode === 'above' ? rate - threshold : threshold - rate;
  return gap > 0 ? Math.floor(gap / per) : 0;
}

function roleCode(role: CompiledItem['role']): number {
  return role === 'bonus' ? ROLE_BONUS : role === 'deduction' ? ROLE_DEDUCTION : ROLE_SCORE;
}

function emptyValue(item: CompiledItem): number {
  return item.empty.value ?? NaN;
}

const kernels = new WeakMap<CompiledRuleset, Kernel>();

/** The kernel of a compiled ruleset, built on first use. */
export function kernelOf(rs: CompiledRuleset): Kernel {
  const cached = kernels.get(rs);
  if (cached) return cached;
  const items = rs.scoredItems;
  const n = items.length;
  const occurrences: Array<{ item: CompiledItem; per: Micros }> = [];
  const occurrenceStart = new Int32Array(n + 1);
  items.forEach((item, i) => {
    occurrenceStart[i] = occurrences.length;
    if (item.kind === 'flag' || item.kind === 'count') occurrences.push({ item, per: item.points });
    else if (item.kind === 'deduct') {
      if (item.counters.length === 0) occurrences.push({ item, per: item.step });
      else for (const counter of item.counters) occurrences.push({ item: counter, per: counter.step });
    }
  });
  occurrenceStart[n] = occurrences.length;
  const ladders: Float64Array[] = [];
  const ladderOnce: number[] = [];
  const occurrenceLadder = Int32Array.from(occurrences, (o) => {
    if (o.item.ladder === null) return -1;
    ladders.push(Float64Array.from(o.item.ladder));
    ladderOnce.push(o.item.ladderOnce ? 1 : 0);
    return ladders.length - 1;
  });
  const members = rs.groups.flatMap((group) => group.members);
  const memberStart = new Int32Array(rs.groups.length + 1);
  rs.groups.reduce((start, group, g) => {
    memberStart[g] = start;
    return start + group.members.length;
  }, 0);
  memberStart[rs.groups.length] = members.length;
  const itemPart = new Int32Array(n).fill(-1);
  let partCount = rs.groups.length;
  items.forEach((item, i) => {
    if (item.group === null) itemPart[i] = partCount++;
  });
  const kernel: Kernel = {
    op: Uint8Array.from(items, (item) =>
      item.kind === 'flag' || item.kind === 'count' ? GIVES : item.kind === 'deduct' ? TAKES : item.kind === 'judged' ? JUDGED : item.kind === 'rank' ? RANK : RATE,
    ),
    index: Int32Array.from(items, (item) => item.index),
    role: Uint8Array.from(items, (item) => roleCode(item.role)),
    grouped: Uint8Array.from(items, (item) => (item.group === null ? 0 : 1)),
    points: Float64Array.from(items, (item) => item.points),
    step: Float64Array.from(items, (item) => item.step),
    empty: Float64Array.from(items, emptyValue),
    min: Float64Array.from(items, (item) => item.min),
    max: Float64Array.from(items, (item) => item.max ?? Infinity),
    floor: Float64Array.from(items, (item) => item.floor),
    per: Float64Array.from(items, (item) => item.perMicroPct),
    rateMode: Uint8Array.from(items, (item) => rateModeOf(item)),
    rateFrom: Float64Array.from(items, (item) => item.rateFrom?.threshold ?? FULL_PERCENT),
    cap: Float64Array.from(items, (item) => item.cap ?? Infinity),
    occurrenceStart,
    occurrenceIndex: Int32Array.from(occurrences, (o) => o.item.index),
    occurrencePer: Float64Array.from(occurrences, (o) => o.per),
    occurrenceCap: Float64Array.from(occurrences, (o) => o.item.cap ?? Infinity),
    occurrenceEmpty: Float64Array.from(occurrences, (o) => o.item.empty.value ?? 0),
    occurrenceIsFlag: Uint8Array.from(occurrences, (o) => (o.item.kind === 'flag' ? 1 : 0)),
    occurrenceLadder,
    ladders,
    ladderOnce: Uint8Array.from(ladderOnce),
    groupCap: Float64Array.from(rs.groups, (group) => group.cap ?? Infinity),
    groupOnce: Uint8Array.from(rs.groups, (group) => (group.once ? 1 : 0)),
    groupRole: Uint8Array.from(rs.groups, (group) => roleCode(group.role)),
    groupDivisor: Int32Array.from(rs.groups, (group) => (group.mean ? group.members.length : 1)),
    groupShare: Float64Array.from(rs.groups, (group) => group.share ?? SCALE),
    memberStart,
    memberIndex: Int32Array.from(members, (member) => member.index),
    memberOncePoints: Float64Array.from(members, (member) => ((member.kind === 'count' && member.ladder === null) || member.kind === 'flag' ? member.points : NaN)),
    bonusCap: rs.bonusCap?.value ?? Infinity,
    deductionCap: rs.deductionCap?.value ?? Infinity,
    deductionWithinBonus: rs.deductionWithinBonus !== null,
    itemPart,
    partCount,
  };
  kernels.set(rs, kernel);
  return kernel;
}

/**
 * Magnitude (≥ 0) each scored item gives or takes, written to `out` by item index. Values hold
 * NaN for empty cells; `ranks` are ranks computed across a batch (item index → rank) for rank
 * items without a rank cell.
 */
export function magnitudesInto(k: Kernel, values: Float64Array, out: Float64Array, ranks?: Map<number, number>): void {
  // Fields in locals and the occurrence loop written inline: this runs for every item of every unit.
  const { op, index, points, step, empty, min, max, floor, per } = k;
  const { occurrenceStart, occurrenceIndex, occurrenceEmpty, occurrenceIsFlag, occurrencePer, occurrenceCap, occurrenceLadder } = k;
  for (let i = 0, n = op.length; i < n; i++) {
    const at = index[i];
    const kind = op[i];
    let magnitude: number;
    if (kind === GIVES || kind === TAKES) {
      // Occurrences, each within its own cap: value × points, or points for a flag.
      let sum = 0;
      for (let o = occurrenceStart[i], end = occurrenceStart[i + 1]; o < end; o++) {
        let value = values[occurrenceIndex[o]];
        if (value !== value) value = occurrenceEmpty[o]; // NaN: empty cell
        const each = occurrencePer[o];
        const ladder = occurrenceLadder[o];
        const raw = ladder >= 0 ? ladderPoints(k.ladders[ladder], value, k.ladderOnce[ladder] === 1) : occurrenceIsFlag[o] === 1 ? (value ? each : 0) : times(value, each);
        sum += raw > occurrenceCap[o] ? occurrenceCap[o] : raw;
      }
      if (kind === GIVES) magnitude = sum;
      else magnitude = points[i] > sum ? points[i] - sum : 0;
    } else if (kind === JUDGED) {
      let value = values[at];
      if (value !== value) value = empty[i];
      magnitude = value !== value ? 0 : value > max[i] ? max[i] : value < min[i] ? min[i] : value;
    } else if (kind === RANK) {
      const given = values[at];
      const rank = given === given ? given : ranks?.get(at);
      if (rank === undefined) magnitude = 0;
      else {
        const raw = points[i] - times(rank - 1, step[i]);
        magnitude = raw > floor[i] ? raw : floor[i];
      }
    } else {
      let rate = values[at];
      if (rate !== rate) rate = empty[i];
      const mode = k.rateMode[i];
      if (rate !== rate) magnitude = 0;
      else if (mode === RATE_BELOW_100) {
        const left = points[i] - times(rateSteps(per[i], rate), step[i]);
        magnitude = left > 0 ? left : 0;
      } else if (mode === RATE_BELOW_LEFT) {
        const left = points[i] - times(stepsFrom('below', k.rateFrom[i], per[i], rate), step[i]);
        magnitude = left > 0 ? left : 0;
      } else {
        const raw =
          mode === RATE_ABOVE
            ? rate >= k.rateFrom[i]
              ? points[i] + times(stepsFrom('above', k.rateFrom[i], per[i], rate), step[i])
              : 0
            : times(stepsFrom('below', k.rateFrom[i], per[i], rate), step[i]);
        magnitude = raw > k.cap[i] ? k.cap[i] : raw;
      }
    }
    out[at] = magnitude;
  }
}

/** Full steps of a rate below 100%, `per` micro-percentage-points a step. */
export function rateSteps(per: number, rate: number): number {
  return Math.floor((FULL_PERCENT - rate) / per);
}

/** A group's sum before its cap: a one-time group applies its largest member once. */
export function groupSum(k: Kernel, magnitudes: Float64Array, g: number): Micros {
  let sum = 0;
  if (k.groupOnce[g] === 1) {
    for (let m = k.memberStart[g]; m < k.memberStart[g + 1]; m++) {
      const magnitude = magnitudes[k.memberIndex[m]];
      const once = k.memberOncePoints[m];
      if (magnitude > 0) sum = Math.max(sum, once === once ? once : magnitude);
    }
  } else for (let m = k.memberStart[g]; m < k.memberStart[g + 1]; m++) sum += magnitudes[k.memberIndex[m]];
  return sum;
}

/**
 * What a part counts (format.ts mean, cap, share): its sum divided by `divisor` (a mean over
 * periods), within its cap, times its share — taken exactly, rounded once half up (away from 0)
 * to micros. The common case (no mean, no share) is the sum within the cap.
 */
export function partValue(sum: Micros, divisor: number, cap: Micros, share: Micros): Micros {
  let n = divisor;
  let value = sum;
  if (value > n * cap) {
    value = cap;
    n = 1;
  }
  if (n === 1 && share === SCALE) return value;
  const p = BigInt(value) * BigInt(share);
  const d = BigInt(n) * BigInt(SCALE);
  const negative = p < 0n;
  const a = negative ? -p : p;
  let q = a / d;
  if (2n * (a % d) >= d) q += 1n;
  return Number(negative ? -q : q);
}

/** A group's value as totalsOf counts it (mean, cap, share), from its sum or from points entered for it (no mean). */
export function groupApplied(k: Kernel, g: number, sum: Micros, entered: boolean): Micros {
  return partValue(sum, entered ? 1 : k.groupDivisor[g], k.groupCap[g], k.groupShare[g]);
}

export interface Totals {
  /** Points of score items (and open items). */
  direct: Micros;
  bonusRaw: Micros;
  deductionRaw: Micros;
  /** After the bonus cap. */
  bonus: Micros;
  /** After the deduction cap and "deductions within the applied bonus". */
  deduction: Micros;
  score: Micros;
}

/**
 * Groups, caps and totals over the item magnitudes (by item index), plus open-item points.
 * `parts` (optional, NaN: none) replaces whole parts with points entered for them (a category's
 * or a clause's points, see targets.ts), already checked against their limits.
 */
export function totalsOf(k: Kernel, magnitudes: Float64Array, extras: Micros, parts?: Float64Array): Totals {
  const { groupCap, groupRole, grouped, index, role, itemPart } = k;
  let direct = extras;
  let bonusRaw = 0;
  let deductionRaw = 0;
  for (let g = 0; g < groupCap.length; g++) {
    const entered = parts ? parts[g] : NaN;
    const given = entered === entered;
    const sum = given ? entered : groupSum(k, magnitudes, g);
    const applied = k.groupDivisor[g] === 1 && k.groupShare[g] === SCALE ? (sum > groupCap[g] ? groupCap[g] : sum) : groupApplied(k, g, sum, given);
    if (groupRole[g] === ROLE_BONUS) bonusRaw += applied;
    else if (groupRole[g] === ROLE_DEDUCTION) deductionRaw += applied;
    else direct += applied;
  }
  for (let i = 0; i < index.length; i++) {
    if (grouped[i] === 1) continue;
    const entered = parts ? parts[itemPart[i]] : NaN;
    const magnitude = entered === entered ? entered : magnitudes[index[i]];
    if (role[i] === ROLE_BONUS) bonusRaw += magnitude;
    else if (role[i] === ROLE_DEDUCTION) deductionRaw += magnitude;
    else direct += magnitude;
  }
  const bonus = bonusRaw > k.bonusCap ? k.bonusCap : bonusRaw;
  let deduction = deductionRaw > k.deductionCap ? k.deductionCap : deductionRaw;
  if (k.deductionWithinBonus && deduction > bonus) deduction = bonus;
  return { direct, bonusRaw, deductionRaw, bonus, deduction, score: direct + bonus - deduction };
}
