/**
 * Reading one Excel cell for one item kind (spec: "Input cells"). Empty means nothing entered;
 * everything else must read cleanly as what the item expects or it is an error naming the value —
 * never a silent 0.
 */
import { type Micros, shiftDecimal, toMicros } from './fixed';
import { normalizeText } from './text';

/** A cell as Excel, a CSV reader or a sheet library hands it over. */
export type Cell = string | number | boolean | null | undefined;

/** What went wrong with a cell, before the caller adds unit and item. */
export class CellProblem {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {}
}

const EXCEL_ERROR = /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)/i;
/** A whole cell that is an Excel (or HyperFormula) error value, as the host passes it on as text. */
const EXCEL_ERROR_VALUE = /^#(?:N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!|CYCLE!|ERROR!|LIC!)$/i;

/**
 * The error a cell holds (#N/A, #REF! …), upper-cased, or undefined: a label cell (header, unit,
 * tier, ruleset field) holding one is refused naming it, never read as a name.
 */
export function excelErrorOf(cell: Cell): string | undefined {
  if (typeof cell !== 'string' || cell.length > 20 || !cell.includes('#')) return undefined;
  const text = cell.trim();
  return EXCEL_ERROR_VALUE.test(text) ? text.toUpperCase() : undefined;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** No count in an assessment comes near this; beyond it products could leave safe integers. */
const MAX_COUNT = 1_000_000;
/** Judged points beyond this are a typing error, not an assessment. */
const MAX_POINTS = 100_000_000;

const TRUE_WORDS = new Set(['是', '√', '✓', '✔', 'true', '1']);
const FALSE_WORDS = new Set(['否', '×', '✗', '✘', 'false', '0']);

export function isEmptyCell(cell: Cell): boolean {
  // trim() is empty exactly when the NFKC form is (every character NFKC folds to a space is
  // already white space to trim; checked over all code points), and far cheaper per cell.
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function excelErrorProblem(text: string): CellProblem {
  return new CellProblem(`单元格是 Excel 错误值 ${text}`, `the cell holds the Excel error ${text}`);
}

/**
 * A number to the 15 significant digits Excel keeps: what lies beyond is binary noise of
 * spreadsheet arithmetic (=9.1+0.2 is saved as 9.299999999999999), never something a clerk
 * typed, so 9.3 is read; a typed 9.3000001 keeps its 8 digits and is still refused where the
 * reader allows fewer decimals.
 */
export function toExcelPrecision(value: number): number {
  return Number(value.toPrecision(15)) || 0;
}

/** A number from a number cell or a number written as text (full-width digits included); see toExcelPrecision. */
export function readNumber(cell: Cell, expectedZh: string, expectedEn: string): number {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new CellProblem(`不是有限数值，应为${expectedZh}`, `not a finite number; expected ${expectedEn}`);
    return toExcelPrecision(cell);
  }
  if (typeof cell === 'string') {
    const text = normalizeText(cell);
    if (EXCEL_ERROR.test(text)) throw excelErrorProblem(text);
    const number = NUMBER_TEXT.test(text) ? Number(text) : GROUPED_NUMBER_TEXT.test(text) ? Number(text.replace(/,/g, '')) : undefined;
    if (number !== undefined) {
      if (!Number.isFinite(number)) throw new CellProblem(`数值过大，应为${expectedZh}`, `the number is too large; expected ${expectedEn}`);
      return toExcelPrecision(number);
    }
  }
  throw new CellProblem(`应为${expectedZh}`, `expected ${expectedEn}`);
}

// Each reader is a small fast path for the usual number cell (small enough for the JIT to inline
// into a caller's loop) and a general path, kept apart, for text, errors and everything else.

/** Counts: whole numbers ≥ 0. */
export function readCount(cell: Cell): number {
  // -0 reads as 0.
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell <= MAX_COUNT) return cell || 0;
  return readCountGeneral(cell);
}

function readCountGeneral(cell: Cell): number {
  const value = readNumber(cell, '不小于0的整数', 'a whole number ≥ 0');
  if (!Number.isSafeInteger(value) || value < 0)
    throw new CellProblem('应为不小于0的整数（次数、件数）', 'expected a whole number ≥ 0 (a count)');
  if (value > MAX_COUNT) throw new CellProblem(`次数过大（超过 ${MAX_COUNT}）`, `the count is too large (over ${MAX_COUNT})`);
  return value;
}

/** Ranks: whole numbers ≥ 1. */
export function readRank(cell: Cell): number {
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 1 && cell <= MAX_COUNT) return cell;
  return readRankGeneral(cell);
}

function readRankGeneral(cell: Cell): number {
  const value = readNumber(cell, '不小于1的整数名次', 'a whole-number rank ≥ 1');
  if (!Number.isSafeInteger(value) || value < 1) throw new CellProblem('应为不小于1的整数名次', 'expected a whole-number rank ≥ 1');
  if (value > MAX_COUNT) throw new CellProblem(`名次过大（超过 ${MAX_COUNT}）`, `the rank is too large (over ${MAX_COUNT})`);
  return value;
}

/** Flags: TRUE/FALSE, 1/0, 是/否, √/×. Returns 1 or 0. */
export function readFlag(cell: Cell): 0 | 1 {
  if (cell === 1 || cell === true) return 1;
  if (cell === 0 || cell === false) return 0;
  return readFlagGeneral(cell);
}

function readFlagGeneral(cell: Cell): 0 | 1 {
  if (typeof cell === 'string') {
    const text = normalizeText(cell);
    if (EXCEL_ERROR.test(text)) throw excelErrorProblem(text);
    const word = text.toLowerCase();
    if (TRUE_WORDS.has(word)) return 1;
    if (FALSE_WORDS.has(word)) return 0;
  }
  throw new CellProblem('应为 是/否（TRUE/FALSE、1/0、√/×）', 'expected yes/no (TRUE/FALSE, 1/0, 是/否, √/×)');
}

/** Points as entered (judged items), in micros; at most 6 decimals; sign checked by the caller. */
export function readPoints(cell: Cell): Micros {
  // Points with few decimals scale exactly in one multiplication.
  if (typeof cell === 'number' && cell >= -MAX_POINTS && cell <= MAX_POINTS) {
    const scaled = Math.round(cell * 1_000_000);
    if (scaled / 1_000_000 === cell) return scaled || 0;
  }
  return readPointsGeneral(cell);
}

function readPointsGeneral(cell: Cell): Micros {
  const value = readNumber(cell, '分数', 'points');
  if (Math.abs(value) > MAX_POINTS) throw new CellProblem(`分数过大（超过 ${MAX_POINTS}）`, `the points are too large (over ${MAX_POINTS})`);
  const scaled = toMicros(value);
  if (scaled === null) throw new CellProblem('分数最多保留6位小数', 'points may have at most 6 decimal places');
  return scaled;
}

/**
 * Rates, as micro-percentage-points rounded up (so "full steps below 100%" stays exact for any
 * number of decimals). A number in [0,1] is a fraction (a percent-formatted cell), a number in
 * (1,100] a percent; text with % is a percent.
 */
export function readRate(cell: Cell): number {
  // A fraction in a number cell (a percent-formatted cell) with up to 8 decimals.
  if (typeof cell === 'number' && cell >= 0 && cell <= 1) {
    const scaled = Math.round(cell * 1e8);
    if (scaled / 1e8 === cell) return scaled || 0;
  }
  return readRateGeneral(cell);
}

function readRateGeneral(cell: Cell): number {
  let value: number;
  let percent: boolean;
  if (typeof cell === 'string' && /[%％]\s*$/.test(cell)) {
    value = readNumber(normalizeText(cell).replace(/%$/, ''), '百分比', 'a percentage');
    percent = true;
  } else {
    value = readNumber(cell, '比率（0–1 的小数或 0–100 的百分数）', 'a rate (a fraction 0–1 or a percent 0–100)');
    percent = value > 1;
  }
  if (value < 0 || (percent && value > 100))
    throw new CellProblem('比率应在 0% 到 100% 之间', 'a rate must lie between 0% and 100%');
  // Fast path: a rate with few decimals scales exactly in one multiplication (floor = ceil).
  const factor = percent ? 1e6 : 1e8;
  const scaled = Math.round(value * factor);
  if (scaled / factor === value) return scaled;
  const shifted = shiftDecimal(value, percent ? 6 : 8);
  if (!shifted) throw new CellProblem('比率无法读取', 'the rate cannot be read');
  return shifted.ceil;
}

/** Any non-negative number (volumes). */
export function readVolume(cell: Cell): number {
  const value = readNumber(cell, '不小于0的数', 'a number ≥ 0');
  if (value < 0) throw new CellProblem('应为不小于0的数', 'expected a number ≥ 0');
  return value;
}

/** Text of a label cell (unit names, codes, matters). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Object.is(cell, -0) ? '0' : String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return normalizeText(cell);
}
