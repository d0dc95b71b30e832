/**
 * Building unit records from cells: positions on the sheet, reading a cell for its item, points
 * entered (checked, then used), invalid cells thrown or collected. Shared by every reader (rows,
 * pairs, ledger in input.ts; items as rows in item-rows.ts), which is why it is a module of its
 * own: the readers import it, it imports no reader (no import cycle).
 *
 * The read context (origin on the sheet, collect or throw) is made from the read's options and
 * passed to each of them (ReadContext): no module state.
 */
import { type Cell, CellProblem, cellText, isEmptyCell, readCount, readFlag, readPoints, readRank, readRate, readVolume } from '../cells';
import type { CompiledItem, CompiledRuleset } from '../compile';
import { admitPoints } from '../entered';
import { AssessError, showValue } from '../errors';
import type { Finding } from '../result';
import type { Target } from '../targets';
import { normalizeKey, unitIdentity } from '../text';
import type { PointsMode, Position, UnitRecord } from './records';

/** A stored value, or undefined for an empty cell (NaN in UnitRecord.values). */
export function entered(value: number): number | undefined {
  return Number.isNaN(value) ? undefined : value;
}

const COLUMNS_PER_ROW = 16_384;

/**
 * What a read was asked for: where the table's top-left cell is on its sheet (positions in
 * findings and messages are the sheet's), and whether invalid cells are collected or thrown. Made
 * once from the read's options (readContext) and passed along to whatever makes a position or
 * reads a cell: the reader keeps no module state.
 */
export interface ReadContext {
  readonly row: number;
  readonly column: number;
  readonly collect: boolean;
}

/** A table read from A1, invalid cells thrown: positions outside a read (a header check, a workbook's own findings). */
export const FROM_A1: ReadContext = Object.freeze({ row: 0, column: 0, collect: false });

/** The context of a read with these options. */
export function readContext(options: { origin?: { row: number; column: number }; collect?: boolean }): ReadContext {
  return { row: options.origin?.row ?? 0, column: options.origin?.column ?? 0, collect: options.collect === true };
}

export function position(cx: ReadContext, row: number, col: number): Position {
  return (row + cx.row) * COLUMNS_PER_ROW + col + cx.column;
}

/** "第3行第4列" (1-based, on the sheet) for a position. */
export function positionText(at: Position): string {
  return cellPlace(Math.floor(at / COLUMNS_PER_ROW), at % COLUMNS_PER_ROW);
}

export function cellPlace(row: number, col: number): string {
  return `第${row + 1}行第${col + 1}列`;
}

/** "第3行第4列" for a cell of the table being read (table coordinates, shown on the sheet). */
export function where(cx: ReadContext, row: number, col: number): string {
  return cellPlace(row + cx.row, col + cx.column);
}

/** 1-based sheet row / column numbers of a table row / column, for messages (the read's origin applied). */
export function sheetRow(cx: ReadContext, row: number): number {
  return row + cx.row + 1;
}
export function sheetColumn(cx: ReadContext, col: number): number {
  return col + cx.column + 1;
}

export function newRecord(rs: CompiledRuleset, unit: string): UnitRecord {
  return {
    unit,
    tier: rs.unitTier.get(unitIdentity(unit)) ?? null,
    criticized: false,
    values: new Float64Array(rs.items.length).fill(NaN),
    volumes: new Array<number | undefined>(rs.items.length),
    extras: [],
    incidents: [],
    notes: [],
    where: new Array<Position | undefined>(rs.items.length),
    row: null,
    entered: [],
    claims: [],
  };
}

export function inputError(unit: string, item: string, label: string, cell: Cell, place: Position | string, problem: CellProblem): AssessError {
  const value = showValue(cell);
  const at = typeof place === 'number' ? positionText(place) : place;
  return new AssessError({
    kind: 'input',
    unit,
    item,
    value,
    where: at,
    // A unit's own cell (圈层, 通报批评) is named by its column, never by an internal code (tier, criticized).
    zh: `${unit ? `单位「${unit}」` : ''}${INTERNAL_CODES.has(item) ? `「${label}」` : `条目 ${item}（${label}）`}的值 ${value} 无效：${problem.zh}（${at}）`,
    en: `${unit ? `unit ${unit}, ` : ''}${INTERNAL_CODES.has(item) ? label : `item ${item} (${label})`}: value ${value} is invalid: ${problem.en} (${at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')})`,
  });
}

/** The clause an invalid cell's item is under (none for open items, tiers, flags of the sheet). */
export type Cite = { clause: string; quote: string } | undefined;

/** What an invalid cell breaks where no clause of the regulation is concerned (spec: "Input cells"). */
export const CELL_RULE = {
  clause: '单元格取值',
  quote: '空白表示未填写，其余须能按条目读取，不按0计',
};

/** Codes of a unit's own cells, not items: a message names their column instead. */
const INTERNAL_CODES: ReadonlySet<string> = new Set(['tier', 'criticized']);

/**
 * An invalid cell: thrown as an input error, or — when the read collects (ReadOptions.collect) —
 * kept as an error finding on its unit (which then gets no score), and the read goes on.
 */
export function reject(cx: ReadContext, record: UnitRecord, item: string, label: string, cell: Cell, at: Position, problem: CellProblem, cite: Cite): void {
  const error = inputError(record.unit, item, label, cell, at, problem);
  if (!cx.collect) throw error;
  (record.readFindings ??= []).push({
    code: item,
    kind: 'invalid-value',
    severity: 'error',
    zh: error.zh,
    en: error.en,
    clause: cite?.clause ?? CELL_RULE.clause,
    quote: cite?.quote ?? CELL_RULE.quote,
    where: positionText(at),
    found: isEmptyCell(cell) ? '' : cellText(cell),
    expected: problem.zh.replace(/^应为/, ''),
  });
}

export function layoutError(zh: string, en: string, at?: string): AssessError {
  return new AssessError({ kind: 'layout', zh, en, where: at });
}

/**
 * readItemCell, with a hint where a count column holds a fraction its points could be (9.3 = 1.5,
 * three measures at 0.5): the column may hold points, which its header can say.
 */
export function withPointsHint(item: CompiledItem, cell: Cell): number {
  try {
    return readItemCell(item, cell);
  } catch (problem) {
    if (!(problem instanceof CellProblem) || (item.kind !== 'count' && item.kind !== 'deduct')) throw problem;
    const number = typeof cell === 'number' ? cell : Number(normalizeKey(cellText(cell)));
    if (!Number.isFinite(number) || number < 0 || Number.isInteger(number)) throw problem;
    throw new CellProblem(
      `${problem.zh}（此列可能填的是分数而不是次数：表头写「${item.code}加分」或「${item.code}扣分」即按分数读取，或用 --entered points）`,
      `${problem.en} (the column may hold points rather than counts: head it "${item.code}加分" / "${item.code}扣分" to read points, or use --entered points)`,
    );
  }
}

export function negativePoints(): CellProblem {
  return new CellProblem('分数不能为负数', 'points cannot be negative');
}

/** Reads one cell into an item's stored value (see UnitRecord.values). Throws CellProblem. */
export function readItemCell(item: CompiledItem, cell: Cell): number {
  switch (item.kind) {
    case 'flag':
      return readFlag(cell);
    case 'count':
    case 'deduct':
      return readCount(cell);
    case 'rank':
      return readRank(cell);
    case 'rate':
      return readRate(cell);
    case 'judged': {
      const points = readPoints(cell);
      if (points < 0 && item.min >= 0) throw negativePoints();
      return points;
    }
  }
}

/**
 * Reads a cell; a CellProblem becomes an input error naming the unit, the item and the value
 * (thrown, or collected on the record: then undefined, and the cell counts as not entered).
 */
export function readCell<T>(cx: ReadContext, record: UnitRecord, code: string, label: string, cell: Cell, at: Position, read: (cell: Cell) => T, cite?: Cite): T | undefined {
  try {
    return read(cell);
  } catch (problem) {
    if (!(problem instanceof CellProblem)) throw problem;
    reject(cx, record, code, label, cell, at, problem, cite);
    return undefined;
  }
}

export function setValue(cx: ReadContext, record: UnitRecord, item: CompiledItem, cell: Cell, at: Position): void {
  if (isEmptyCell(cell)) return;
  const value = readCell(cx, record, item.code, item.label, cell, at, (c) => withPointsHint(item, c), item.cite);
  if (value === undefined) return;
  record.values[item.index] = value;
  record.where[item.index] = at;
}

export function setVolume(cx: ReadContext, record: UnitRecord, item: CompiledItem, cell: Cell, at: Position): void {
  if (isEmptyCell(cell)) return;
  const volume = readCell(cx, record, item.volume ?? item.code, item.volumeLabel ?? item.label, cell, at, readVolume, item.cite);
  if (volume !== undefined) record.volumes[item.index] = volume;
}

/**
 * Open items (columns read as item points); only the total is bounded. A 扣分 column (sign −1)
 * subtracts its positive points; a negative number there is a finding, counted 0, never flipped.
 */
export function addExtra(cx: ReadContext, record: UnitRecord, label: string, cell: Cell, at: Position, sign: 1 | -1 = 1): void {
  if (isEmptyCell(cell)) return;
  const points = readCell(cx, record, label, label, cell, at, readPoints);
  if (points === undefined) return;
  if (sign === -1 && points < 0) {
    const cite = { clause: label, quote: '扣分应填正数 / deductions are written as positive numbers' };
    (record.readFindings ??= []).push({
      code: label, kind: 'entered-points', severity: 'warning', clause: cite.clause, quote: cite.quote, where: positionText(at),
      zh: `${label} ${points / 1e6} 为负数：扣分应填正数，按 0 计`, en: `${label} ${points / 1e6} is negative: write deductions as positive numbers; counts 0`,
      found: String(points / 1e6), expected: '0',
    });
    record.extras.push({ label, points: 0 });
    return;
  }
  record.extras.push({ label, points: sign * points || 0 });
}

/** Points entered for an item, a category or a clause: checked against the target's limit and grid, then used. */
export function setPoints(cx: ReadContext, record: UnitRecord, target: Target, mode: PointsMode, cell: Cell, at: Position): void {
  if (isEmptyCell(cell)) return;
  const given = readCell(cx, record, target.code, target.label, cell, at, readPoints, target.cite);
  if (given === undefined) return;
  const { used, finding } = admitPoints(target, mode, given, positionText(at));
  record.entered.push({ target, mode, given, used, at });
  if (target.item) record.where[target.item.index] = at;
  if (finding) (record.readFindings ??= []).push(finding);
}

/**
 * An item given twice on a 评分表: its 扣分 and its 得分 (a formula =标准分−扣分). When 得分 = 分值 −
 * 扣分 they say one thing (read once, at the 得分 cell). When they disagree it is a warning at
 * both cells and the score follows the stated rule (README "Checking a sheet you already have"):
 * the 扣分 counts (分值 − 扣分), as the deduction is what the assessor records against the 评分标准
 * and the 得分 is arithmetic on it. One of the two alone is read as it is.
 */
export function setPointsPair(cx: ReadContext, record: UnitRecord, target: Target, deductCell: Cell, deductAt: Position, scoreCell: Cell, scoreAt: Position): void {
  if (isEmptyCell(deductCell)) return setPoints(cx, record, target, 'points', scoreCell, scoreAt);
  if (isEmptyCell(scoreCell) || target.full === null) return setPoints(cx, record, target, 'deducted', deductCell, deductAt);
  const deducted = readCell(cx, record, target.code, target.label, deductCell, deductAt, readPoints, target.cite);
  const score = readCell(cx, record, target.code, target.label, scoreCell, scoreAt, readPoints, target.cite);
  if (deducted === undefined || score === undefined) return;
  const full = target.full;
  if (full - deducted === score) return setPoints(cx, record, target, 'points', scoreCell, scoreAt);
  const [f, d, sc, follows] = [full / 1e6, deducted / 1e6, score / 1e6, (full - deducted) / 1e6];
  const name = `${target.code}（${target.label}）`;
  const zh = `${name}扣分 ${d} 与得分 ${sc} 不符（分值 ${f} − 扣分 ${d} = ${follows}）：按扣分计 ${follows} 分；请核对两格`;
  const en = `${target.code} (${target.label}): deduction ${d} and points ${sc} disagree (${f} − ${d} = ${follows}); the deduction counts: ${follows}; check both cells`;
  const quote = '得分 = 分值 − 扣分；两者不符时按扣分计';
  const both = (at: Position, found: number, expected: string | null): Finding => ({
    code: target.code, kind: 'entered-points', severity: 'warning', zh, en, clause: target.cite.clause, quote, where: positionText(at), found: String(found), expected,
  });
  (record.readFindings ??= []).push(both(deductAt, d, null), both(scoreAt, sc, String(follows)));
  setPoints(cx, record, target, 'deducted', deductCell, deductAt);
}
