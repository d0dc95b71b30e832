/**
 * One compiled column plan per (ruleset, header row), for the numbers-only path (quick.ts) and the
 * header checks of the scoring functions. The reader's own column planning (plannedColumns in
 * input.ts) is run once per new header; a header seen before is found by comparing its cells
 * themselves (same length, each cell the same value and type), most recently used first — no
 * serialised key is built per call (SCORE in every row of a sheet passes an equal header row, as
 * a new array each time).
 *
 * The plan keeps what the per-row loop needs as typed arrays: the item columns sorted into
 * same-kind runs (flags, counts, ranks, rates, judged points), each read by its own tight loop
 * with the reader's number fast path inline; any cell that is not a plain number in range goes to
 * the reader itself (readItemCell), which gives the same value or the same problem.
 */
import { type Cell, isEmptyCell } from './cells';
import type { CompiledItem, CompiledRuleset } from './compile';
import { type ColumnPlan, checkItemColumns, plannedColumns } from './input';
import { isTraditional, normalizeKey, unitIdentity } from './text';
import { SUM_ROWS } from './read/vocabulary';

/** Whether two header rows hold the same cells (value and type; NaN equals NaN, null ≠ undefined, as the reader's key). */
export function sameCells(a: readonly Cell[], b: readonly Cell[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== y && !(x !== x && y !== y)) return false; // NaN (the only value unequal to itself) equals NaN
  }
  return true;
}

/** A small most-recently-used cache keyed by a header row's cells (compared by value, see sameCells). */
export class HeaderCache<T> {
  private readonly entries: Array<{ header: Cell[]; tag: number; value: T }> = [];
  constructor(private readonly size: number) {}

  /** The value for this header (and tag: anything else the value depends on), made once by `make` (given the context: no closure per call). */
  get<C>(header: readonly Cell[], tag: number, context: C, make: (header: readonly Cell[], context: C, tag: number) => T): T {
    const entries = this.entries;
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      if (entry.tag === tag && sameCells(entry.header, header)) {
        if (i !== entries.length - 1) {
          entries.splice(i, 1);
          entries.push(entry);
        }
        return entry.value;
      }
    }
    const value = make(header, context, tag);
    if (entries.length >= this.size) entries.shift();
    // A copy: a caller may change its array after the call.
    entries.push({ header: header.slice(), tag, value });
    return value;
  }
}

/** Item kinds in the order of the runs. */
export const RUN_FLAG = 0;
export const RUN_COUNT = 1;
export const RUN_RANK = 2;
export const RUN_RATE = 3;
export const RUN_JUDGED = 4;
/** Judged items with min ≥ 0: a negative entry is a problem (the reader's negativePoints). */
export const RUN_JUDGED_NONNEGATIVE = 5;
const RUNS = 6;

function runOf(item: CompiledItem): number {
  switch (item.kind) {
    case 'flag':
      return RUN_FLAG;
    case 'count':
    case 'deduct':
      return RUN_COUNT;
    case 'rank':
      return RUN_RANK;
    case 'rate':
      return RUN_RATE;
    case 'judged':
      return item.min >= 0 ? RUN_JUDGED_NONNEGATIVE : RUN_JUDGED;
  }
}

/** What the numbers-only path needs of a rows table's header, compiled once. */
export interface QuickPlan {
  width: number;
  /** Item columns sorted by run; runStart[k]…runStart[k + 1] is run k. */
  itemColumns: Int32Array;
  itemIndex: Int32Array;
  items: CompiledItem[];
  runStart: Int32Array;
  volumeColumns: Int32Array;
  unitColumn: number;
  otherColumns: Int32Array;
}

/** A header's column plan, with what the fast paths need of it. */
export interface HeaderPlan {
  /** The reader's plan (plannedColumns), or null when the header is a layout error (the full path reports it). */
  columns: ColumnPlan[] | null;
  /** Columns with an empty header: they must hold no data (the reader refuses the table otherwise). */
  blankColumns: Int32Array;
  /** Whether the header names an item column (checkItemColumns passes). */
  hasItems: boolean;
  /** The numbers-only plan; null when a column needs the full reader (tier, criticized, points, open items …). */
  quick: QuickPlan | null;
}

const plans = new WeakMap<CompiledRuleset, HeaderCache<HeaderPlan>>();
const PLANS_PER_RULESET = 16;

/**
 * The plan for a header row of a rows table whose data starts at `firstDataRow` (as plannedColumns
 * with no parents and entered 'auto', what quickScores and checkItemColumns use).
 */
export function headerPlan(rs: CompiledRuleset, header: readonly Cell[], firstDataRow: number): HeaderPlan {
  let cache = plans.get(rs);
  if (!cache) {
    cache = new HeaderCache<HeaderPlan>(PLANS_PER_RULESET);
    plans.set(rs, cache);
  }
  return cache.get(header, firstDataRow, rs, compilePlanOf);
}

function compilePlanOf(header: readonly Cell[], rs: CompiledRuleset, firstDataRow: number): HeaderPlan {
  return compilePlan(rs, header as Cell[], firstDataRow);
}

function compilePlan(rs: CompiledRuleset, header: Cell[], firstDataRow: number): HeaderPlan {
  let columns: ColumnPlan[] | null;
  try {
    columns = plannedColumns(rs, header, firstDataRow, []);
  } catch {
    columns = null;
  }
  let hasItems = false;
  try {
    checkItemColumns(rs, header, firstDataRow);
    hasItems = true;
  } catch {
    hasItems = false;
  }
  const blank: number[] = [];
  columns?.forEach((column, c) => {
    if (column.blank) blank.push(c);
  });
  return { columns, blankColumns: Int32Array.from(blank), hasItems, quick: columns && !rs.openItems ? quickPlanOf(columns) : null };
}

function quickPlanOf(plan: readonly ColumnPlan[]): QuickPlan | null {
  const byRun: Array<Array<{ column: number; item: CompiledItem }>> = Array.from({ length: RUNS }, () => []);
  const volumes: number[] = [];
  const others: number[] = [];
  let unitColumn = -1;
  for (let c = 0; c < plan.length; c++) {
    const column = plan[c];
    // An undecided clause column (read/columns.ts sheetModes: the 注 line or the values may make it points): the full reader.
    if (column.kind === 'item' && column.item && !column.undecided) byRun[runOf(column.item)].push({ column: c, item: column.item });
    else if (column.kind === 'volume') volumes.push(c);
    else if (column.kind === 'unit' && unitColumn < 0) unitColumn = c;
    else if (column.kind === 'ignore' || column.kind === 'unit' || column.kind === 'claim') others.push(c);
    else return null; // tier, criticized, entered points, open items: the full reader
  }
  const sorted = byRun.flat();
  const runStart = new Int32Array(RUNS + 1);
  for (let k = 0; k < RUNS; k++) runStart[k + 1] = runStart[k] + byRun[k].length;
  return {
    width: plan.length,
    itemColumns: Int32Array.from(sorted, (entry) => entry.column),
    itemIndex: Int32Array.from(sorted, (entry) => entry.item.index),
    items: sorted.map((entry) => entry.item),
    runStart,
    volumeColumns: Int32Array.from(volumes),
    unitColumn,
    otherColumns: Int32Array.from(others),
  };
}

/** Whether any column with an empty header holds data in these rows (the reader then refuses the table). */
export function blankColumnsFilled(plan: HeaderPlan, data: readonly Cell[][]): boolean {
  const blank = plan.blankColumns;
  if (blank.length === 0) return false;
  for (let k = 0; k < blank.length; k++) for (const row of data) if (!isEmptyCell(row[blank[k]])) return true;
  return false;
}

/**
 * A name that needs no normalising: only ASCII lower-case letters and digits and CJK unified
 * ideographs (U+4E00–U+9FFF). NFKC leaves each of them as it is, none is a space, an invisible
 * character or an upper-case letter, so normalizeKey and unitIdentity change nothing but
 * Traditional characters (checked apart).
 */
export function isPlainName(name: string): boolean {
  const n = name.length;
  if (n === 0) return false;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    return false;
  }
  return true;
}

/** The sum words as the reader keys them (read/rows.ts isSumRow): a plain name is a sum row exactly when it is one of these. */
const SUM_KEYS = new Set(SUM_ROWS.map(normalizeKey));

/** isSumRow for a plain name (see isPlainName): its key is itself. */
export function isPlainSumName(name: string): boolean {
  return SUM_KEYS.has(name);
}

/** CJK unified ideographs that are Traditional-only forms (text.ts isTraditional), one byte each: built on first use. */
let traditional: Uint8Array | null = null;

function traditionalTable(): Uint8Array {
  const table = new Uint8Array(0x9fff - 0x4e00 + 1);
  for (let c = 0x4e00; c <= 0x9fff; c++) if (isTraditional(String.fromCharCode(c))) table[c - 0x4e00] = 1;
  return table;
}

/** unitIdentity of a plain name: itself, unless it holds a Traditional character. */
export function plainUnitIdentity(name: string): string {
  const table = (traditional ??= traditionalTable());
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x4e00 && table[c - 0x4e00] === 1) return unitIdentity(name);
  }
  return name;
}

/**
 * A set of names for finding a unit listed twice, reused from call to call: open addressing over
 * typed arrays, a string compared only where the hashes agree, and only the slots used are cleared
 * (a new Set per call, grown as it fills, costs more than the rest of the row).
 */
export class NameSet {
  private keys: Array<string | undefined> = [];
  private hashes = new Int32Array(0);
  private used = new Int32Array(0);
  private count = 0;
  private mask = 0;

  /** Empties the set, with room for `expected` names. */
  reset(expected: number): void {
    for (let i = 0; i < this.count; i++) this.keys[this.used[i]] = undefined;
    this.count = 0;
    let size = 16;
    while (size < expected * 2) size *= 2;
    if (size > this.hashes.length) {
      this.keys = new Array<string | undefined>(size).fill(undefined);
      this.hashes = new Int32Array(size);
      this.used = new Int32Array(size);
    }
    this.mask = size - 1;
  }

  /** Adds a name; false when it was there already. At most `expected` names between resets. */
  add(name: string): boolean {
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
    let slot = (hash ^ (hash >>> 15)) & this.mask;
    for (;;) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === hash && key === name) return false;
      slot = (slot + 1) & this.mask;
    }
    this.keys[slot] = name;
    this.hashes[slot] = hash;
    this.used[this.count++] = slot;
    return true;
  }
}
