/**
 * What each ASSESS function does, on Excel-shaped values: 2-D arrays of cells in, numbers, text
 * or 2-D arrays out. Shared by the Excel custom functions (functions.ts), the HyperFormula
 * adapter (playground, tests) and anything else that evaluates formulas. Every failure becomes a
 * FunctionError with a message naming the item, the value and what was expected.
 */
import { auditClaims } from '../core/audit';
import {
  AssessError,
  type Cell,
  type CompiledRuleset,
  type UnitRecord,
  type UnitResult,
  cellText,
  compileRulesetTable,
  isEmptyCell,
  levelsForScores,
  readFlag,
  readUnits,
  showValue,
  truncate,
  resolveTier,
  scoreBatch,
  roundScore,
  scoreRecord,
  quickScores,
  fromMicros,
  headerRowIndex,
  checkHeader,
  checkItemColumns,
  volumeRanks,
  type ReadOptions,
} from '../core';
import { excelErrorOf } from '../core/cells';
import { detectLayout, specialColumn } from '../core/input';
import { rowKind } from '../core/read/rows';
import { HeaderCache, headerPlan } from '../core/plan';
import { BUILT_IN_IDS, builtInRuleset } from '../rulesets';
import { findingSubject, simplifiedClauses, simplifiedLabel } from '../core/text';

/** An error cell as Excel hands it to a custom function (a CustomFunctions.Error: its code is "#N/A", "#REF!" …). */
export interface ExcelErrorValue {
  readonly code: string;
  readonly message?: string;
}
export type ExcelValue = string | number | boolean | null | undefined | ExcelErrorValue;
export type ExcelMatrix = ExcelValue[][];
export type ExcelResult = Array<Array<string | number>>;

/** Excel shows at most 255 characters of an error message. */
const MESSAGE_LIMIT = 255;

/** invalid → #VALUE!, notAvailable → #N/A. */
export class FunctionError extends Error {
  /** The message in each language, for a surface that shows one language (the playground). */
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly code: 'invalid' | 'notAvailable',
    zh: string,
    en: string,
  ) {
    // Excel shows one message whatever its language: both, Chinese first, within Excel's limit.
    super(limit(`${zh} / ${en}`));
    this.name = 'FunctionError';
    this.zh = limit(zh);
    this.en = limit(en);
  }
}

function limit(message: string): string {
  return truncate(message, MESSAGE_LIMIT);
}

/** A cell holds at most 32,767 characters. */
const CELL_TEXT_LIMIT = 32_767;

function cellSafe(text: string): string {
  return truncate(text, CELL_TEXT_LIMIT);
}

function invalid(zh: string, en: string): FunctionError {
  return new FunctionError('invalid', zh, en);
}

/** Runs an implementation, turning every failure into a FunctionError (never an unhandled exception). */
export function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw asFunctionError(error);
  }
}

/** What guard throws for an error. */
function asFunctionError(error: unknown): FunctionError {
  if (error instanceof FunctionError) return error;
  if (error instanceof AssessError) return new FunctionError(error.kind === 'unknown-ruleset' ? 'notAvailable' : 'invalid', error.zh, error.en);
  return invalid('内部错误，请报告此问题', `internal error: ${error instanceof Error ? error.message : String(error)}`);
}

/**
 * A cell as the core reads it: an error cell (Excel passes a CustomFunctions.Error object) becomes
 * its error text (#N/A), as HyperFormula and the file readers give it, so every reader reports it
 * as an error value naming its cell; any other object, which no cell should hold, is #VALUE!.
 */
function cellOf(value: unknown): Cell {
  if (value === null || typeof value !== 'object') return value as Cell;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && excelErrorOf(code) !== undefined ? excelErrorOf(code) : '#VALUE!';
}

function isObjectCell(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

/** A row of cells, copied only when it holds an error object. */
function rowOf(row: unknown): Cell[] {
  if (!Array.isArray(row)) return [cellOf(row)];
  return row.some(isObjectCell) ? row.map(cellOf) : (row as Cell[]);
}

/** Excel hands a single cell to a matrix parameter as [[value]]; other hosts may pass the value. */
export function asMatrix(value: ExcelMatrix | ExcelValue): Cell[][] {
  if (Array.isArray(value)) return value.map(rowOf);
  return [[cellOf(value)]];
}

export function isOmitted(value: ExcelMatrix | ExcelValue): boolean {
  if (value === null || value === undefined) return true;
  const matrix = asMatrix(value);
  return matrix.every((row) => row.every(isEmptyCell));
}

/**
 * Compiled ruleset tables, most recently used last. A range passed again as the same array object
 * (a caller that keeps its range) is found by identity: one lookup, whatever its size. Excel and
 * HyperFormula pass a new array on every call; such a range is trimmed of its blank tail (read
 * once, from the end) and its filled part looked up by a cheap fingerprint (shape, cell types,
 * text lengths), confirmed cell by cell against the table kept with the entry — so a hit costs a
 * pass over the filled part, no copies, and two different tables can never share an entry.
 */
const tableCache: Array<{ fingerprint: string; table: Cell[][]; compiled: CompiledRuleset }> = [];
const TABLE_CACHE_SIZE = 16;
/**
 * Ranges already resolved, by identity. An entry is made only for a range that compiled (or hit
 * the content cache); a caller that changes a range it passed before must pass a new array (as
 * Excel and HyperFormula do on every call).
 */
const byIdentity = new WeakMap<object, CompiledRuleset>();
/** Built-in rulesets by the text of the cell that named them (township2022, " Township2022 " …), once resolved. */
const builtInByText = new Map<string, CompiledRuleset>();

/** The filled extent of a range: rows and columns up to the last non-blank cell. */
interface Extent {
  rows: number;
  columns: number;
}

function rawRow(matrix: readonly unknown[], r: number): readonly unknown[] {
  const row = matrix[r];
  return Array.isArray(row) ? row : [row];
}

function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * The extent without the trailing blank rows and columns (a whole-column reference is mostly
 * blank). Scans from the end: each blank row of the tail is read once, and a filled row only from
 * its end down to the widest column found so far.
 */
function filledExtent(matrix: readonly unknown[]): Extent {
  let rows = matrix.length;
  let columns = 0;
  // Trailing blank rows: read from the end, each cell once, up to the last row with a filled cell.
  for (; rows > 0; rows--) {
    const row = rawRow(matrix, rows - 1);
    let c = row.length - 1;
    while (c >= 0 && isBlank(row[c])) c--;
    if (c >= 0) {
      columns = c + 1;
      break;
    }
  }
  for (let r = rows - 2; r >= 0; r--) {
    const row = rawRow(matrix, r);
    for (let c = row.length - 1; c >= columns; c--) {
      if (!isBlank(row[c])) {
        columns = c + 1;
        break;
      }
    }
  }
  return { rows, columns };
}

function fingerprintOf(matrix: readonly unknown[], extent: Extent): string {
  let hash = 0x811c9dc5;
  const mix = (n: number): void => {
    hash = Math.imul(hash ^ n, 0x01000193) >>> 0;
  };
  for (let r = 0; r < extent.rows; r++) {
    const row = rawRow(matrix, r);
    for (let c = 0; c < extent.columns; c++) {
      const cell = row[c];
      if (typeof cell === 'string') {
        mix(cell.length);
        if (cell.length > 0) mix(cell.charCodeAt(0) ^ (cell.charCodeAt(cell.length - 1) << 16));
      } else if (typeof cell === 'number') mix(Number.isNaN(cell) ? 0x7ff8 : Math.round(cell * 1000) | 0);
      else mix(cell === true ? 1 : cell === false ? 2 : 3);
    }
  }
  return `${extent.rows}×${extent.columns}:${hash}`;
}

/** Whether a kept table (already trimmed and padded) holds exactly the filled part of a range. */
function sameTable(kept: Cell[][], matrix: readonly unknown[], extent: Extent): boolean {
  if (kept.length !== extent.rows || (kept[0]?.length ?? 0) !== extent.columns) return false;
  for (let r = 0; r < extent.rows; r++) {
    const x = kept[r];
    const y = rawRow(matrix, r);
    // null and undefined (or a short row) are an empty cell; everything else must be the same value.
    for (let c = 0; c < extent.columns; c++) if (!Object.is(x[c], y[c]) && !(x[c] == null && y[c] == null)) return false;
  }
  return true;
}

/** The filled part of a range as the core reads it: every row as wide as the widest, error objects as their text. */
function copyTable(matrix: readonly unknown[], extent: Extent): Cell[][] {
  const table: Cell[][] = [];
  for (let r = 0; r < extent.rows; r++) {
    const row = rawRow(matrix, r);
    const out: Cell[] = new Array<Cell>(extent.columns);
    for (let c = 0; c < extent.columns; c++) out[c] = row[c] === undefined ? null : cellOf(row[c]);
    table.push(out);
  }
  return table;
}

/** An Excel error value in a ruleset table cannot be read as a rule: refused, naming the cell. */
function refuseErrorCells(table: Cell[][]): void {
  for (let r = 0; r < table.length; r++) {
    for (let c = 0; c < table[r].length; c++) {
      const error = excelErrorOf(table[r][c]);
      if (error !== undefined)
        throw invalid(`规则表第${r + 1}行第${c + 1}列是 Excel 错误值 ${error}：请先修正该单元格`, `the ruleset table holds the Excel error ${error} at row ${r + 1}, column ${c + 1}: fix that cell first`);
    }
  }
}

/** A built-in id, or a range holding a ruleset table (compiled once per distinct content). */
export function resolveRuleset(ruleset: ExcelMatrix | ExcelValue): CompiledRuleset {
  if (Array.isArray(ruleset)) {
    const known = byIdentity.get(ruleset);
    if (known) return known;
    // A built-in id in one cell (every SCORE call passes a new [["township2022"]]): one lookup by its text as written.
    const only = ruleset.length === 1 && Array.isArray(ruleset[0]) && ruleset[0].length === 1 ? ruleset[0][0] : undefined;
    if (typeof only === 'string') {
      const named = builtInByText.get(only);
      if (named) return named;
    }
  } else if (typeof ruleset === 'string') {
    const named = builtInByText.get(ruleset);
    if (named) return named;
  }
  const matrix: readonly unknown[] = Array.isArray(ruleset) ? ruleset : [[ruleset]];
  // A range of at most 2×2 with one filled cell names a built-in ruleset (by its shape as given).
  if (matrix.length <= 2 && matrix.every((row) => !Array.isArray(row) || row.length <= 2)) {
    const filled = matrix.flatMap((_, r) => rawRow(matrix, r)).filter((cell) => !isBlank(cell));
    if (filled.length <= 1) {
      const cell = cellOf(filled[0]);
      const error = excelErrorOf(cell);
      if (error !== undefined) throw invalid(`规则集参数是 Excel 错误值 ${error}：请给出内置编号（${BUILT_IN_IDS.join('、')}）或规则表区域`, `the ruleset argument holds the Excel error ${error}: give a built-in id or a ruleset table range`);
      const id = filled.length === 1 ? cellText(cell) : '';
      if (id === '') throw invalid(`请给出规则集：内置编号（${BUILT_IN_IDS.join('、')}）或规则表区域`, 'give a ruleset: a built-in id or a ruleset table range');
      const named = builtInRuleset(id);
      if (typeof cell === 'string' && builtInByText.size < 64) builtInByText.set(cell, named);
      return named;
    }
  }
  const extent = filledExtent(matrix);
  const remember = (compiled: CompiledRuleset): CompiledRuleset => {
    if (Array.isArray(ruleset)) byIdentity.set(ruleset, compiled);
    return compiled;
  };
  // The table used last is the usual one (every row's formula names the same range): one pass.
  const last = tableCache[tableCache.length - 1];
  if (last && sameTable(last.table, matrix, extent)) return remember(last.compiled);
  const fingerprint = fingerprintOf(matrix, extent);
  const at = tableCache.findIndex((entry) => entry.fingerprint === fingerprint && sameTable(entry.table, matrix, extent));
  if (at >= 0) {
    const [entry] = tableCache.splice(at, 1);
    tableCache.push(entry);
    return remember(entry.compiled);
  }
  const table = copyTable(matrix, extent);
  refuseErrorCells(table);
  const compiled = compileRulesetTable(table);
  if (tableCache.length >= TABLE_CACHE_SIZE) tableCache.shift();
  tableCache.push({ fingerprint, table, compiled });
  return remember(compiled);
}

/** The unit and tier columns of a header row, found once per header (SCORE in every row passes an equal one). */
const labelColumns = new HeaderCache<Array<[number, 'unit' | 'tier']>>(16);

function labelColumnsOf(header: readonly Cell[]): Array<[number, 'unit' | 'tier']> {
  const found: Array<[number, 'unit' | 'tier']> = [];
  header.forEach((cell, c) => {
    if (typeof cell !== 'string') return;
    const role = specialColumn(cell);
    if (role === 'unit' || role === 'tier') found.push([c, role]);
  });
  return found;
}

function refuseLabel(r: number, c: number, role: 'unit' | 'tier', error: string): never {
  const [zh, en] = role === 'unit' ? ['单位名称', 'unit name'] : ['圈层', 'tier'];
  throw invalid(`第${r + 1}行第${c + 1}列的${zh}是 Excel 错误值 ${error}：请先修正该单元格`, `the ${en} at row ${r + 1}, column ${c + 1} holds the Excel error ${error}: fix that cell first`);
}

/** The cells a unit's name or tier comes from, as the data's header names them, and the 单位 / 圈层 values of code/value pairs. */
function refuseErrorLabels(table: Cell[][], headerRows: Cell[][] | null): void {
  const separate = headerRows !== null;
  const headerRow = separate ? -1 : headerRowIndex(table);
  const header = separate ? (headerRows[0] ?? []) : (table[headerRow] ?? []);
  const refuse = refuseLabel;
  for (const [c, role] of labelColumns.get(header, 0, null, labelColumnsOf)) {
    for (let r = headerRow + 1; r < table.length; r++) {
      const error = excelErrorOf(table[r][c]);
      if (error !== undefined) refuse(r, c, role, error);
    }
  }
  // Code/value pairs: 单位 | 锦江区 in a row of two.
  for (let r = 0; r < table.length; r++) {
    const row = table[r];
    const error = row.length >= 2 && typeof row[0] === 'string' ? excelErrorOf(row[1]) : undefined;
    if (error === undefined) continue;
    const role = specialColumn(row[0] as string);
    if (role === 'unit' || role === 'tier') refuse(r, 1, role, error);
  }
}

/**
 * The units of a data range. A range with no item column is an error (没有条目列), never the blank
 * score from nothing. collect: every invalid cell an error finding on its unit (CHECK) instead of
 * #VALUE! at the first (the scoring functions).
 */
function readRecords(rs: CompiledRuleset, data: ExcelMatrix | ExcelValue, headers: ExcelMatrix | ExcelValue, collect = false): UnitRecord[] {
  const table = asMatrix(data);
  refuseErrorLabels(table, headerRowsOf(headers));
  return readUnits(rs, table, { ...(isOmitted(headers) ? {} : { headers: asMatrix(headers) }), requireItems: true, collect });
}

/** The headers argument as rows of cells, read once; null when omitted (no argument, or only blank cells). */
function headerRowsOf(headers: ExcelMatrix | ExcelValue | undefined): Cell[][] | null {
  if (headers === null || headers === undefined) return null;
  const rows = asMatrix(headers);
  return rows.every((row) => row.every(isEmptyCell)) ? null : rows;
}

/** The quick path reads rows tables only: their header must name at least one item (see readRecords). */
function requireItemsOfRows(rs: CompiledRuleset, table: Cell[][], headerRows: Cell[][] | null): void {
  if (headerRows !== null) {
    if (headerRows.length === 1) requireItems(rs, headerRows[0], 0);
    return;
  }
  const headerRow = headerRowIndex(table);
  requireItems(rs, table[headerRow] ?? [], headerRow + 1);
}

/** checkItemColumns through the header's cached plan: the check itself runs (and throws its error) only for a header without items. */
function requireItems(rs: CompiledRuleset, header: Cell[], firstDataRow: number): void {
  if (!headerPlan(rs, header, firstDataRow).hasItems) checkItemColumns(rs, header, firstDataRow);
}

function scoreOne(data: ExcelMatrix | ExcelValue, ruleset: ExcelMatrix | ExcelValue, headers: ExcelMatrix | ExcelValue, explain = true): { rs: CompiledRuleset; unit: UnitResult } {
  const rs = resolveRuleset(ruleset);
  const records = readRecords(rs, data, headers);
  if (records.length !== 1) {
    throw invalid(
      `数据中有 ${records.length} 个单位：此函数每次计算一个单位（每行一个公式），批量排名请用 LEVEL`,
      `the data holds ${records.length} units: this function scores one unit (one formula per row); use LEVEL for a batch`,
    );
  }
  // One unit alone: no batch, so no ranks or levels (LEVEL does those over a column of scores).
  return { rs, unit: scoreRecord(rs, records[0], { explain }).result };
}

/** =ASSESS.SCORE(data, ruleset, [headers]) */
export function score(data: ExcelMatrix, ruleset: ExcelMatrix, headers?: ExcelMatrix | null): number | '' {
  // As guard, without a closure per call (one call per row of a sheet).
  try {
    return scoreUnguarded(data, ruleset, headers);
  } catch (error) {
    throw asFunctionError(error);
  }
}

function scoreUnguarded(data: ExcelMatrix, ruleset: ExcelMatrix, headers?: ExcelMatrix | null): number | '' {
  {
    // Most rows are plain numbers: score them straight from the cells; anything else (an error
    // to report, more than one unit) takes the full path.
    const rs = resolveRuleset(ruleset);
    const table = asMatrix(data);
    const headerRows = headerRowsOf(headers);
    refuseErrorLabels(table, headerRows);
    const quick = quickScores(rs, table, headerRows === null ? {} : { headers: headerRows });
    if (quick?.scores.length === 1) {
      requireItemsOfRows(rs, table, headerRows);
      return fromMicros(quick.scores[0]);
    }
    if (notAUnitRow(table, headerRows)) return '';
    return scoreOne(data, ruleset, headers, false).unit.score;
  }
}

/**
 * SCORE filled down an office's table meets rows that are no unit — a section row, 合计/平均, a 注 or
 * 制表人 line, a blank row — which would get the blank score (chengdu2006 70): blank, as SCORES leaves
 * them, by the readers' one row classification (read/rows.ts). Only where the header names a unit
 * column: a row of item cells alone is a unit whatever it holds.
 */
function notAUnitRow(table: Cell[][], headerRows: Cell[][] | null): boolean {
  const headerAt = headerRows === null ? headerRowIndex(table) : -1;
  const header = headerRows === null ? table[headerAt] : headerRows.length === 1 ? headerRows[0] : undefined;
  const rows = headerRows === null ? table.slice(headerAt + 1) : table;
  if (header === undefined || rows.length !== 1) return false;
  const unitColumn = header.findIndex((cell) => specialColumn(cellText(cell)) === 'unit');
  return unitColumn >= 0 && rowKind(rows[0], unitColumn) !== 'data';
}

/**
 * =ASSESS.SCORES(data, ruleset, [headers]) → one cell per row of data, beside it: the unit's
 * score, "得分" on the header row (when the headers are inside the data), empty for blank rows,
 * titles and lines under the table with no unit name and no item data. One formula for a whole
 * sheet: a workbook recalculates one call instead of one per unit, and volumes are ranked across
 * the sheet's units (as the scorecard does). Any bad cell makes the whole result an error naming
 * unit, item and value, as SCORE does for its row. Blank rows under the last filled row get no cell.
 */
export function scores(data: ExcelMatrix, ruleset: ExcelMatrix, headers?: ExcelMatrix | null): ExcelResult {
  return guard(() => {
    const rs = resolveRuleset(ruleset);
    // A whole-column reference (A:K) brings 1,048,576 rows, nearly all blank: the blank tail is cut
    // before anything else reads the rows (found from the end, each blank cell read once), and the
    // result spills down to the last filled row only, not a million empty cells (issue 20.9).
    const filledRows = Array.isArray(data) ? filledExtent(data).rows : 1;
    const table = asMatrix(Array.isArray(data) && filledRows < data.length ? data.slice(0, Math.max(filledRows, 1)) : data);
    const separate = !isOmitted(headers);
    if (table.length === 0 || (!separate && table.every((row) => row.every(isEmptyCell)))) throw invalid('没有数据', 'there is no data');
    const headerRows = headerRowsOf(headers);
    refuseErrorLabels(table, headerRows);
    const options: ReadOptions = separate ? { headers: asMatrix(headers), layout: 'rows' } : { layout: 'rows' };
    // SCORES spills one score per row, so it reads units as rows: a table with items as rows (a column
    // per unit) would have each indicator scored as a unit. Refused, saying what reads it.
    if (!separate && detectLayout(rs, table) === 'columns') {
      throw invalid(
        '此表为条目按行（每个单位一列）：ASSESS.SCORES 按行读取单位，请用 ASSESS.CHECK、任务窗格或命令行 assess score 读取此表',
        'this table has items as rows (a column per unit): ASSESS.SCORES reads one unit per row; use ASSESS.CHECK, the task pane or assess score for it',
      );
    }
    const out: ExcelResult = table.map(() => ['']);
    const firstData = separate ? 0 : headerRowIndex(table) + 1;
    if (!separate) out[firstData - 1] = ['得分'];
    // A sheet not filled in yet (a template's empty rows) has no scores, not an error — but its header must be right.
    if (table.slice(firstData).every((row) => row.every(isEmptyCell))) {
      const header = separate ? asMatrix(headers) : [table[firstData - 1]];
      if (header.length !== 1) throw invalid('表头应为一行', 'the headers must be one row');
      checkHeader(rs, header[0], firstData);
      return out;
    }
    const quick = quickScores(rs, table, options);
    if (quick) {
      requireItemsOfRows(rs, table, headerRows);
      quick.rows.forEach((row, i) => (out[row] = [fromMicros(quick.scores[i])]));
    } else {
      const records = readUnits(rs, table, { ...options, requireItems: true });
      const ranks = volumeRanks(rs, records);
      records.forEach((record, i) => {
        if (record.row !== null) out[record.row] = [scoreRecord(rs, record, { explain: false, ranks: ranks[i] }).result.score];
      });
    }
    return out;
  });
}

const BREAKDOWN_HEADER = ['条款', '条目', '输入', '得分', '说明'];

/** =ASSESS.BREAKDOWN(data, ruleset, [headers]) → clause, item, input, points, note; a total row last. */
export function breakdown(data: ExcelMatrix, ruleset: ExcelMatrix, headers?: ExcelMatrix | null): ExcelResult {
  return guard(() => {
    const { unit } = scoreOne(data, ruleset, headers);
    const rows: ExcelResult = [BREAKDOWN_HEADER];
    for (const item of unit.items) {
      rows.push([simplifiedLabel(item.clause), item.code === item.label ? item.code : `${item.code} ${item.label}`, item.input, item.points, simplifiedClauses(item.note)]);
    }
    const extras = [unit.grade ? `等次：${unit.grade}` : '', ...unit.thresholds].filter((text) => text !== '');
    rows.push(['', '合计', '', unit.score, extras.join('；')]);
    return rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cellSafe(cell) : cell)));
  });
}

/** =ASSESS.GRADE(score, ruleset) */
export function grade(scoreValue: ExcelValue, ruleset: ExcelMatrix): string {
  return guard(() => {
    const rs = resolveRuleset(ruleset);
    if (rs.grades.length === 0) throw new FunctionError('notAvailable', `规则集 ${rs.id} 没有等次划分`, `ruleset ${rs.id} has no grade bands`);
    const micros = scoreMicros(scoreValue, '得分', 'score');
    for (const band of rs.grades) if (band.min === null || micros >= band.min) return band.spec.label;
    return '';
  });
}

function scoreMicros(raw: ExcelValue, zh: string, en: string): number {
  const value = cellOf(raw);
  let number: number | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(value.normalize('NFKC'))) number = Number(value.normalize('NFKC'));
  // A score computed by Excel arithmetic may carry float noise (84.6+0.1+0.2 = 84.89999999999999).
  const micros = number === undefined ? null : roundScore(number);
  if (micros === null) {
    const shown = showValue(value);
    throw invalid(`${zh} ${shown} 不是有效分数`, `${en} ${shown} is not a valid score`);
  }
  return micros;
}

function column(value: ExcelMatrix | ExcelValue): Cell[] {
  return asMatrix(value).flat();
}

/** =ASSESS.LEVEL(scores, ruleset, [tiers], [criticized]) → a column of levels, "" where none. */
export function level(scores: ExcelMatrix, ruleset: ExcelMatrix, tiers?: ExcelMatrix | null, criticized?: ExcelMatrix | null): ExcelResult {
  return guard(() => {
    const rs = resolveRuleset(ruleset);
    if (rs.levels.length === 0) throw new FunctionError('notAvailable', `规则集 ${rs.id} 没有等级评定`, `ruleset ${rs.id} has no levels`);
    const values = column(scores);
    if (values.length === 0) throw invalid('没有得分', 'there are no scores');
    const tierCells = isOmitted(tiers) ? [] : column(tiers);
    const flagCells = isOmitted(criticized) ? [] : column(criticized);
    if (tierCells.length > 0 && tierCells.length !== values.length)
      throw invalid(`圈层区域有 ${tierCells.length} 个单元格，得分有 ${values.length} 个`, `tiers has ${tierCells.length} cells, scores ${values.length}`);
    if (flagCells.length > 0 && flagCells.length !== values.length)
      throw invalid(`通报批评区域有 ${flagCells.length} 个单元格，得分有 ${values.length} 个`, `criticized has ${flagCells.length} cells, scores ${values.length}`);
    if (rs.levelScope === 'tier' && tierCells.length === 0)
      throw invalid(`${rs.id} 按圈层评定等级：请给出圈层（或单位名称）列`, `${rs.id} gives levels per tier: pass the tiers (or unit names) column`);
    const entries: Array<{ index: number; unit: string; scoreMicros: number; tier: string | null; criticized: boolean }> = [];
    values.forEach((value, i) => {
      if (isEmptyCell(value)) return;
      // Tiers matter only where levels are given per tier.
      const tierError = rs.levelScope === 'tier' ? excelErrorOf(tierCells[i]) : undefined;
      if (tierError !== undefined) throw invalid(`第 ${i + 1} 个圈层是 Excel 错误值 ${tierError}：请先修正该单元格`, `tier ${i + 1} holds the Excel error ${tierError}: fix that cell first`);
      const tierText = rs.levelScope === 'tier' ? cellText(tierCells[i]) : '';
      const tier = tierText === '' ? null : resolveTier(rs, tierText);
      if (tierText !== '' && tier === null)
        throw invalid(`第 ${i + 1} 个圈层「${tierText}」无法识别`, `tier ${i + 1} "${tierText}" is not a known tier or unit`);
      let flag: 0 | 1 = 0;
      if (!isEmptyCell(flagCells[i])) {
        try {
          flag = readFlag(flagCells[i]);
        } catch {
          throw invalid(`第 ${i + 1} 个“通报批评或曝光”${showValue(flagCells[i])} 应为 是/否`, `criticized ${i + 1}: ${showValue(flagCells[i])} should be yes/no`);
        }
      }
      entries.push({
        index: i,
        unit: tierText || `第${i + 1}个`,
        scoreMicros: scoreMicros(value, `第 ${i + 1} 个得分`, `score ${i + 1}`),
        tier,
        criticized: flag === 1,
      });
    });
    const levels = levelsForScores(rs, entries);
    const out: string[] = values.map(() => '');
    entries.forEach((entry, i) => {
      out[entry.index] = levels[i].level ?? '';
    });
    // A row of scores gives a row of levels; a column (or block) gives a column.
    const matrix = asMatrix(scores);
    if (out.length === 0) return [['']];
    return matrix.length === 1 && matrix[0].length > 1 ? [out] : out.map((level) => [level]);
  });
}

/** =ASSESS.CHECK(data, ruleset, [headers]) → findings (code, finding, clause) or a single 通过. */
export function check(data: ExcelMatrix, ruleset: ExcelMatrix, headers?: ExcelMatrix | null): ExcelResult {
  return guard(() => {
    const rs = resolveRuleset(ruleset);
    // Every invalid cell is listed (an error row each), and the other units are still checked.
    const records = readRecords(rs, data, headers, true);
    const invalid = records.some((record) => record.readFindings?.some((finding) => finding.severity === 'error'));
    const alone = records.length === 1 && !invalid ? scoreRecord(rs, records[0]).result : null;
    // One unit alone: its sums are audited (a rank or level needs the other units).
    if (alone) auditClaims({ rs, records, units: [alone], batch: false });
    const batch = alone ? { units: [alone] } : scoreBatch(rs, records, { collect: true });
    const rows: ExcelResult = [];
    const multi = batch.units.length > 1;
    for (const unit of batch.units) {
      const who = multi ? `${unit.unit}：` : '';
      for (const label of unit.thresholds) {
        const threshold = rs.thresholds.find((t) => t.spec.label === label);
        rows.push(['阈值', `${who}${label}`, threshold ? `${simplifiedLabel(threshold.cite.clause)}：${threshold.cite.quote}` : '']);
      }
      // An audited cell (the office's 总分, 名次 …) is named by its place in the range, as invalid cells are.
      for (const finding of unit.findings) rows.push([findingSubject(finding), `${who}${simplifiedClauses(finding.zh)}${finding.kind === 'claim' && finding.where ? `（${finding.where}）` : ''}`, `${simplifiedLabel(finding.clause)}：${finding.quote}`]);
    }
    if (rows.length === 0) return [['通过']];
    return [['编码', '问题', '条款'], ...rows.map((row) => row.map((cell) => (typeof cell === 'string' ? cellSafe(cell) : cell)))];
  });
}

/** =ASSESS.REWARD(data, ruleset, [headers]) → yuan */
export function reward(data: ExcelMatrix, ruleset: ExcelMatrix, headers?: ExcelMatrix | null): number {
  return guard(() => {
    const { rs, unit } = scoreOne(data, ruleset, headers, false);
    if (unit.reward === null) throw new FunctionError('notAvailable', `规则集 ${rs.id} 没有奖励规定`, `ruleset ${rs.id} has no rewards`);
    return unit.reward;
  });
}

/** =ASSESS.ITEMS(ruleset) → code, label, points, cap, clause: one row per input column. */
export function items(ruleset: ExcelMatrix): ExcelResult {
  return guard(() => {
    const rs = resolveRuleset(ruleset);
    const rows: ExcelResult = [['编码', '名称', '分值', '上限', '条款']];
    const m = (micros: number) => micros / 1_000_000;
    for (const item of rs.items) {
      if (!item.isInput) continue;
      let points: string | number;
      if (item.kind === 'judged') points = item.max === null ? `≥${m(item.min)}` : `${m(item.min)}–${m(item.max)}`;
      else if (item.parent) points = -m(item.step);
      else if (item.kind === 'deduct') points = `${m(item.points)}（每项−${m(item.step)}）`;
      else points = item.role === 'deduction' ? -m(item.points) : m(item.points);
      const cap = item.cap !== null ? m(item.cap) : item.group?.cap != null ? `${item.group.code}合计${m(item.group.cap)}` : '';
      rows.push([item.code, item.label, points, cap, simplifiedLabel(item.cite.clause)]);
      if (item.volume) rows.push([item.volume, item.volumeLabel ?? item.volume, '（用于计算名次）', '', simplifiedLabel(item.cite.clause)]);
    }
    if (rows.length === 1) rows.push(['', rs.openItems ? '各列为项目得分（条目由本单位规则表给出）' : '', '', '', simplifiedLabel(rs.openItems?.clause ?? '')]);
    return rows;
  });
}

/** =ASSESS.EXPLAIN(data, ruleset, [headers]) → one text: how the score was reached, with clauses. */
export function explain(data: ExcelMatrix, ruleset: ExcelMatrix, headers?: ExcelMatrix | null): string {
  return guard(() => {
    const { unit } = scoreOne(data, ruleset, headers);
    return cellSafe(explainUnit(unit));
  });
}

export function explainUnit(unit: UnitResult): string {
  const parts: string[] = [];
  let sum = `${unit.direct}`;
  if (unit.bonusRaw !== 0) sum += ` + 加分 ${unit.bonus}${unit.bonus !== unit.bonusRaw ? `（原 ${unit.bonusRaw}）` : ''}`;
  if (unit.deductionRaw !== 0) sum += ` − 扣分 ${unit.deduction}${unit.deduction !== unit.deductionRaw ? `（原 ${unit.deductionRaw}）` : ''}`;
  parts.push(`${unit.unit ? `${unit.unit}：` : ''}得分 ${unit.score} = ${sum}`);
  const scored = unit.items.filter((item) => item.points !== 0 && item.note !== '' && !/^(是|否)$/.test(item.note)).map((item) => `${item.code} ${item.points}（${item.note}）`);
  if (scored.length > 0) parts.push(scored.join('，'));
  for (const step of unit.trace) parts.push(`${step.clause}：${step.zh}`);
  if (unit.grade) parts.push(`等次：${unit.grade}`);
  for (const label of unit.thresholds) parts.push(label);
  for (const finding of unit.findings.filter((f) => f.severity === 'warning')) parts.push(`注意：${finding.zh}（${finding.clause}）`);
  // Chinese text throughout: clause labels in Simplified script (第十條(八) → 第十条(八)).
  return simplifiedClauses(parts.join('。') + '。');
}

/** =ASSESS.RULESETS() → id, title, version, effective date. */
export function rulesets(): ExcelResult {
  return guard(() => [
    ['编号', '名称', '版本', '生效日期'],
    ...BUILT_IN_IDS.map((id) => {
      const spec = builtInRuleset(id).spec;
      return [id, spec.title, spec.version, spec.effective];
    }),
  ]);
}
