/**
 * Mapping an existing sheet's header row to ruleset items: by code, by label, or by a near-miss
 * label (edit distance), so the task pane can propose a mapping for the clerk to confirm.
 */
import { type Cell, cellText, isEmptyCell } from './cells';
import type { CompiledItem, CompiledRuleset } from './compile';
import { type ClaimKind, ambiguousNumber, articleOf, claimOf, interpretHeader, isDescription, isFullPoints, stripPointsWords } from './headers';
import { type ColumnPlan, type EnteredMode, type Layout, type MergedRange, detectLayout, findItem, headerRowIndex, plannedColumns, specialColumn, specialRole } from './input';
import type { Finding } from './result';
import type { SheetInput } from './sheets';
import { type Target, splitClause, subClause, targetsOf } from './targets';
import { normalizeKey } from './text';
import { itemSimilarity, labelSimilarity, nearestItem, nearestLoose } from './read/near';
import { headerBlock as readerHeaderBlock } from './read/layout';

export { labelSimilarity };

/** target: a category, clause or whole bonus/deduction given as points; claim: the office's own result column. */
export type MatchKind = 'code' | 'label' | 'near' | 'special' | 'target' | 'claim' | 'none';

/** How a column's values are read: quantities (counts), points, or deductions written as positive numbers. */
export type ColumnMode = 'count' | 'points' | 'deducted';

export interface ColumnMatch {
  column: number;
  header: string;
  /** The item proposed for the column, or null. */
  item: string | null;
  match: MatchKind;
  /** For special columns: unit, tier, criticized. */
  special?: 'unit' | 'tier' | 'criticized';
  /** 0–1: how close a near-miss label is. */
  similarity: number;
  /** For an item or target column: how its values are read (the header's points word, or the clerk's choice). */
  mode?: ColumnMode;
  /** For a column of points over a category, clause or the whole bonus (no single item): the target's code. */
  target?: string;
  /** For the office's own result column (加分小计, 扣分小计, 总分, 名次, 等次, 奖励): what it claims, audited. */
  claim?: ClaimKind;
  /** The clerk set the column to be left out (不计入); a column merely not matched is still read as its header says. */
  ignored?: boolean;
}

/** The mode an item's own column is read in by default: a judged item's value is its points. */
function itemMode(item: CompiledItem): ColumnMode {
  return item.kind === 'judged' ? 'points' : 'count';
}

/** Proposes an item (or special column) for every header cell; each item is proposed once. */
export function suggestMapping(rs: CompiledRuleset, header: readonly Cell[], threshold = 0.5): ColumnMatch[] {
  const taken = new Set<string>();
  const result: ColumnMatch[] = header.map((cell, column) => {
    const text = isEmptyCell(cell) ? '' : cellText(cell);
    const special = text ? specialColumn(text) : undefined;
    if (special) return { column, header: text, item: null, match: 'special', special, similarity: 1 };
    // A number two items could mean (3.1: Excel stores a typed 3.10 as 3.1): no proposal, the clerk chooses.
    if (ambiguousNumber(rs, cell)) return { column, header: text, item: null, match: 'none', similarity: 0 };
    const exact = text ? findItem(rs, text) : undefined;
    const meaning = text ? interpretHeader(rs, text) : null;
    if (exact && !taken.has(exact.code) && meaning?.kind === 'count') {
      taken.add(exact.code);
      const byCode = normalizeKey(text) === normalizeKey(exact.code) || normalizeKey(text).startsWith(`${normalizeKey(exact.code)} `);
      return { column, header: text, item: exact.code, match: byCode ? 'code' : 'label', similarity: 1, mode: itemMode(exact) };
    }
    // As the core reads it: points over an item or a category (第九条（三）加分), the office's own results (总分).
    if (meaning?.kind === 'target') {
      const item = meaning.target.item;
      const mode: ColumnMode = meaning.mode === 'count' ? 'count' : meaning.mode;
      if (item?.isInput && !taken.has(item.code)) {
        taken.add(item.code);
        return { column, header: text, item: item.code, match: 'code', similarity: 1, mode: mode === 'count' ? itemMode(item) : mode };
      }
      if (!item?.isInput) return { column, header: text, item: null, match: 'target', target: meaning.target.code, similarity: 1, mode: mode === 'count' ? 'points' : mode };
    }
    if (meaning?.kind === 'claim') return { column, header: text, item: null, match: 'claim', claim: meaning.claim, similarity: 1 };
    if (meaning?.kind === 'role') return { column, header: text, item: null, match: 'claim', claim: meaning.role, similarity: 1 };
    return { column, header: text, item: null, match: 'none', similarity: 0 };
  });
  // Near misses second, best first, so an exact match elsewhere is never taken by a guess.
  const inputs = rs.items.filter((item) => item.isInput);
  const candidates: Array<{ column: number; item: CompiledItem; similarity: number }> = [];
  for (const entry of result) {
    if (entry.match !== 'none' || entry.header === '' || ambiguousNumber(rs, header[entry.column])) continue;
    for (const item of inputs) {
      const similarity = itemSimilarity(entry.header, item);
      if (similarity >= threshold) candidates.push({ column: entry.column, item, similarity });
    }
  }
  candidates.sort((a, b) => b.similarity - a.similarity || a.column - b.column);
  for (const candidate of candidates) {
    const entry = result[candidate.column];
    if (entry.match !== 'none' || taken.has(candidate.item.code)) continue;
    taken.add(candidate.item.code);
    entry.item = candidate.item.code;
    entry.mode = itemMode(candidate.item);
    entry.match = 'near';
    entry.similarity = Math.round(candidate.similarity * 100) / 100;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// A sheet's mapping as the reader reads it (assess map, --mapping): each column's role and target,
// for the header block the reader finds (one or two rows, a category over its items), saved in a
// file the clerk may edit and applied by rewriting that header block into one row the reader reads
// exactly as the file says. A file made for other headers is refused, naming the column.

/** What a column is, as `assess map` shows it and a mapping file keeps it. */
export type ColumnRole =
  | 'unit' | 'tier' | 'criticized' | 'item' | 'volume' | 'target' | 'claim' | 'subtotal'
  | 'full' | 'entered' | 'description' | 'ignored' | 'unmatched';

/** How a column's target was found: by code, by clause, by label, by another name (alias, short name), by a near miss, by its place, by a header word; none. */
export type MatchHow = 'code' | 'clause' | 'label' | 'alias' | 'near' | 'place' | 'word' | 'none';

export interface ColumnDecision {
  /** The column's letter on the sheet (A, B … AA). */
  column: string;
  /** The column's header cells, top row first (a category over its item in a two-row header). */
  header: string[];
  role: ColumnRole;
  /** item / volume / target: the item's or target's code (a clause for a clause target). */
  target?: string;
  /** The target's label (for the reader of the file; not read back). */
  label?: string;
  /** item / target / entered: counts, points, or deductions written as positive numbers. */
  mode?: ColumnMode;
  /** claim: what the office's column claims (score, rank, level, bonus, deduction, result). */
  claim?: ClaimKind;
  how: MatchHow;
  /** near: 0–1, how close the header is to the item's label. */
  similarity?: number;
  /** What the reader says about the column (a near miss, a column not recognised), in both languages. */
  note?: { zh: string; en: string };
}

/** One header shape of a workbook: the sheets that have it and each column's decision. */
export interface ShapeMapping {
  sheets: string[];
  layout: Layout;
  /** 1-based sheet rows of the header block. */
  headerRows: number[];
  columns: ColumnDecision[];
}

export interface MappingFile {
  assessMapping: 1;
  ruleset: string;
  shapes: ShapeMapping[];
}

const CLAIM_KINDS: readonly ClaimKind[] = ['bonus', 'deduction', 'score', 'rank', 'level', 'result'];
const ROLES: readonly ColumnRole[] = ['unit', 'tier', 'criticized', 'item', 'volume', 'target', 'claim', 'subtotal', 'full', 'entered', 'description', 'ignored', 'unmatched'];
const MODES: readonly ColumnMode[] = ['count', 'points', 'deducted'];

/** A–Z, AA… for a 0-based column. */
export function columnLetter(column: number): string {
  let n = column + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** The header block the reader finds on a sheet: its rows (0-based), each column's header cell and the category above it. */
export interface HeaderBlock {
  rows: number[];
  cells: Cell[];
  parents: Array<string | null> | null;
  firstDataRow: number;
}

export function headerBlock(rs: CompiledRuleset, table: Cell[][], merges: readonly MergedRange[] = []): HeaderBlock {
  // The reader's own layout stage (read/layout.ts): one to four header rows, each column named by its lowest cell.
  const headerRow = headerRowIndex(table);
  const block = readerHeaderBlock(rs, table, headerRow, merges);
  const rows = Array.from({ length: Math.max(1, block.end - headerRow) }, (_, k) => headerRow + k);
  return { rows, cells: block.cells.slice(), parents: block.parents, firstDataRow: block.end };
}

/** The header cells of each column of a block, top row first, as text. */
function blockTexts(table: Cell[][], rows: readonly number[], width: number): string[][] {
  return Array.from({ length: width }, (_, c) => rows.map((r) => rawText(table[r]?.[c])));
}

/** A header cell as the sheet writes it (full-width brackets kept), for the file and messages; compared by cellText. */
function rawText(cell: Cell | undefined): string {
  if (cell === undefined || isEmptyCell(cell)) return '';
  return typeof cell === 'string' ? cell.trim() : cellText(cell);
}

function blockWidth(table: Cell[][], rows: readonly number[]): number {
  let width = 0;
  for (const r of rows) {
    const row = table[r] ?? [];
    for (let c = row.length - 1; c >= 0; c--) if (!isEmptyCell(row[c])) {
      width = Math.max(width, c + 1);
      break;
    }
  }
  return width;
}

const SUBTOTAL = /(小计|小計)$/;

/** How an item column's header names its item. */
function howNamed(rs: CompiledRuleset, text: string, parent: string | null, code: string, label: string, note: Finding | undefined): { how: MatchHow; similarity?: number } {
  if (note && /相似度/.test(note.zh)) return { how: 'near', similarity: (nearestItem(rs, text) ?? nearestLoose(rs, text))?.similarity ?? undefined };
  if (note && /按位置/.test(note.zh)) return { how: 'place' };
  if (note && /按「/.test(note.zh)) return { how: 'near' };
  const key = normalizeKey(text).replace(/\s+/g, '');
  const bare = stripPointsWords(text).rest.replace(/\s+/g, '');
  if (key === normalizeKey(code) || bare === normalizeKey(code) || key.startsWith(normalizeKey(code))) return { how: 'code' };
  if (splitClause(text) !== null || (parent !== null && articleOf(parent) !== null && subClause(text) !== null)) return { how: 'clause' };
  const plainLabel = normalizeKey(label).replace(/\s+/g, '');
  if (key === plainLabel || bare === plainLabel) return { how: 'label' };
  return { how: 'alias' };
}

/** One column's decision from the reader's plan for it. */
function decision(rs: CompiledRuleset, plan: ColumnPlan, column: number, header: string[], text: string, parent: string | null): ColumnDecision {
  const base = { column: columnLetter(column), header };
  const note = plan.note ? { zh: plan.note.zh, en: plan.note.en } : undefined;
  const withNote = <T extends ColumnDecision>(d: T): T => (note ? { ...d, note } : d);
  switch (plan.kind) {
    case 'unit':
    case 'tier':
    case 'criticized':
      return { ...base, role: plan.kind, how: 'word' };
    case 'ignore': {
      if (plan.unknown) return withNote({ ...base, role: 'unmatched', how: 'none' });
      if (SUBTOTAL.test(normalizeKey(text).replace(/\s+/g, ''))) return withNote({ ...base, role: 'subtotal', how: 'word' });
      const claim = claimOf(text);
      if (claim && note) return withNote({ ...base, role: 'claim', claim, how: 'word' });
      return withNote({ ...base, role: 'description', how: 'word' });
    }
    case 'item':
    case 'volume': {
      const item = plan.item as CompiledItem;
      const named = howNamed(rs, text, parent, item.code, item.label, plan.note);
      return withNote({ ...base, role: plan.kind, target: item.code, label: item.label, ...(plan.kind === 'item' ? { mode: itemMode(item) } : {}), ...named });
    }
    case 'points': {
      const target = plan.target as Target;
      const mode: ColumnMode = plan.mode === 'deducted' ? 'deducted' : 'points';
      const named = target.level === 'role' ? { how: 'word' as const } : howNamed(rs, text, parent, target.code, target.label, plan.note);
      return withNote({ ...base, role: target.item ? 'item' : 'target', target: target.item?.code ?? target.code, label: target.label, mode, ...named });
    }
    case 'extra':
      return withNote({ ...base, role: 'item', target: plan.label ?? text, label: plan.label ?? text, mode: plan.sign === -1 ? 'deducted' : 'points', how: 'label' });
    case 'claim':
      return withNote({ ...base, role: 'claim', claim: plan.claim, how: 'word' });
    case 'subtotal':
      return withNote({ ...base, role: 'subtotal', how: 'word' });
  }
}

/** Columns of a sheet of items as rows (a 评分表, or items × units): what each holds, by its header word. */
function itemRowsColumns(table: Cell[][], headerRow: number): ColumnDecision[] {
  const header = table[headerRow] ?? [];
  const width = blockWidth(table, [headerRow]);
  return Array.from({ length: width }, (_, c): ColumnDecision => {
    const text = isEmptyCell(header[c]) ? '' : cellText(header[c]).trim();
    const base = { column: columnLetter(c), header: [rawText(header[c])] };
    if (text === '') return { ...base, role: 'description', how: 'none' };
    const special = specialRole(text);
    if (special === 'unit' || special === 'tier' || special === 'criticized') return { ...base, role: special, how: 'word' };
    if (isFullPoints(text)) return { ...base, role: 'full', how: 'word' };
    if (isDescription(text) || special === 'ignore') return { ...base, role: 'description', how: 'word' };
    const { word } = stripPointsWords(text);
    if (word === 'deducted') return { ...base, role: 'entered', mode: 'deducted', how: 'word' };
    if (word !== null) return { ...base, role: 'entered', mode: 'points', how: 'word' };
    const claim = claimOf(text);
    if (claim) return { ...base, role: 'claim', claim, how: 'word' };
    return { ...base, role: 'entered', mode: 'count', how: 'none' };
  });
}

/** The mapping the reader would use for one sheet (columns of a units-as-rows table; for items as rows, what each column holds). */
export function proposeSheetMapping(rs: CompiledRuleset, sheet: SheetInput, entered: EnteredMode = 'auto'): Omit<ShapeMapping, 'sheets'> {
  const layout = detectLayout(rs, sheet.table);
  if (layout !== 'rows') {
    const headerRow = headerRowIndex(sheet.table);
    const columns = layout === 'forms' || layout === 'columns' ? itemRowsColumns(sheet.table, headerRow) : [];
    return { layout, headerRows: [headerRow + 1], columns };
  }
  const block = headerBlock(rs, sheet.table, sheet.merges ?? []);
  const plan = plannedColumns(rs, block.cells, block.firstDataRow, sheet.table.slice(block.firstDataRow), block.parents, entered);
  const texts = blockTexts(sheet.table, block.rows, Math.max(blockWidth(sheet.table, block.rows), plan.length));
  const columns = texts.flatMap((header, c) => {
    const column = plan[c];
    if (!column || (column.blank && header.every((t) => t === ''))) return [];
    const text = isEmptyCell(block.cells[c]) ? '' : cellText(block.cells[c]);
    return [decision(rs, column, c, header, text, block.parents?.[c] ?? null)];
  });
  return { layout, headerRows: block.rows.map((r) => r + 1), columns };
}

/** Sheets grouped by their header block: one mapping per shape (sheets per 圈层 share theirs). */
export function proposeWorkbookMapping(rs: CompiledRuleset, sheets: readonly SheetInput[], entered: EnteredMode = 'auto'): MappingFile {
  const shapes: ShapeMapping[] = [];
  for (const sheet of sheets) {
    const proposed = proposeSheetMapping(rs, sheet, entered);
    const key = JSON.stringify(proposed);
    const same = shapes.find((shape) => JSON.stringify({ layout: shape.layout, headerRows: shape.headerRows, columns: shape.columns }) === key);
    if (same) same.sheets.push(sheet.name);
    else shapes.push({ sheets: [sheet.name], ...proposed });
  }
  return { assessMapping: 1, ruleset: rs.id, shapes };
}

/** A mapping file that cannot be applied: what is wrong and where, in both languages (the CLI exits 2). */
export class MappingError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

/** Checks a parsed mapping file's shape and its targets against the ruleset; returns it typed. */
export function parseMapping(rs: CompiledRuleset, data: unknown): MappingFile {
  const bad = (zh: string, en: string): never => {
    throw new MappingError(`映射文件有误：${zh}`, `the mapping file is not valid: ${en}`);
  };
  const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(data) || data.assessMapping !== 1) return bad('不是 assess map 写出的映射文件（缺少 "assessMapping": 1）', 'not a mapping file written by assess map (no "assessMapping": 1)');
  if (data.ruleset !== rs.id) return bad(`它是为规则集「${String(data.ruleset)}」做的，不是 ${rs.id}`, `it was made for ruleset "${String(data.ruleset)}", not ${rs.id}`);
  if (!Array.isArray(data.shapes) || data.shapes.length === 0) return bad('没有 "shapes"', 'no "shapes"');
  const targets = targetsOf(rs);
  data.shapes.forEach((shape: unknown, s: number) => {
    if (!isObject(shape) || !Array.isArray(shape.sheets) || !Array.isArray(shape.headerRows) || !Array.isArray(shape.columns) || typeof shape.layout !== 'string')
      return bad(`第 ${s + 1} 个表头（shapes[${s}]）缺少 sheets、layout、headerRows 或 columns`, `shapes[${s}] lacks sheets, layout, headerRows or columns`);
    if (!shape.headerRows.every((r) => Number.isInteger(r) && (r as number) >= 1)) return bad(`shapes[${s}].headerRows 应为行号`, `shapes[${s}].headerRows must be row numbers`);
    const sheetName = String(shape.sheets[0] ?? '');
    shape.columns.forEach((column: unknown) => {
      if (!isObject(column) || typeof column.column !== 'string' || !Array.isArray(column.header) || !column.header.every((t) => typeof t === 'string'))
        return bad(`「${sheetName}」的一列缺少 column 或 header`, `a column of "${sheetName}" lacks its column or header`);
      const at = `工作表「${sheetName}」${column.column} 列`;
      const atEn = `sheet "${sheetName}" column ${column.column}`;
      if (!ROLES.includes(column.role as ColumnRole)) return bad(`${at}的 role「${String(column.role)}」未知：应为 ${ROLES.join('、')}`, `${atEn}: unknown role "${String(column.role)}": use ${ROLES.join(', ')}`);
      if (column.mode !== undefined && !MODES.includes(column.mode as ColumnMode)) return bad(`${at}的 mode「${String(column.mode)}」未知：应为 count、points 或 deducted`, `${atEn}: unknown mode "${String(column.mode)}": use count, points or deducted`);
      if (column.role === 'claim' && !CLAIM_KINDS.includes(column.claim as ClaimKind)) return bad(`${at}的 claim「${String(column.claim)}」未知：应为 ${CLAIM_KINDS.join('、')}`, `${atEn}: unknown claim "${String(column.claim)}": use ${CLAIM_KINDS.join(', ')}`);
      if ((column.role === 'item' || column.role === 'volume' || column.role === 'target') && typeof column.target !== 'string') return bad(`${at}缺少 target（条目编码）`, `${atEn} has no target (item code)`);
      if (shape.layout === 'rows' && column.role === 'item' && !rs.openItems) {
        const item = rs.itemByCode.get(column.target as string);
        if (!item || !item.isInput) return bad(`${at}的 target「${String(column.target)}」不是规则集 ${rs.id} 的录入条目`, `${atEn}: target "${String(column.target)}" is not an input item of ruleset ${rs.id}`);
      }
      if (shape.layout === 'rows' && column.role === 'volume' && !rs.itemByCode.get(column.target as string)?.volume)
        return bad(`${at}的 target「${String(column.target)}」不是有业务量的条目`, `${atEn}: target "${String(column.target)}" has no volume`);
      if (shape.layout === 'rows' && column.role === 'target' && !targets.all.some((t) => t.code === column.target))
        return bad(`${at}的 target「${String(column.target)}」不是规则集 ${rs.id} 的类别、条款或条目`, `${atEn}: target "${String(column.target)}" is no category, clause or item of ruleset ${rs.id}`);
    });
  });
  return data as unknown as MappingFile;
}

/**
 * The header text the reader reads as a column's decision (one header row, no category above it).
 * The sheet's own words are kept where they say the same (总得分 stays 总得分); `plain` is a judged
 * item's column read as the item itself (its value its points), not as points entered for it.
 */
function headerFor(rs: CompiledRuleset, d: ColumnDecision, original: string, plain: boolean): Cell {
  switch (d.role) {
    case 'unit':
      return '单位';
    case 'tier':
      return '圈层';
    case 'criticized':
      return '通报批评或曝光';
    case 'description':
      return isDescription(original) || specialRole(original) === 'ignore' ? original : '备注';
    case 'ignored':
      return '备注';
    case 'subtotal':
      return SUBTOTAL.test(normalizeKey(original).replace(/\s+/g, '')) ? original : '小计';
    case 'claim':
      return claimOf(original) === d.claim ? original : CLAIM_HEADER_WORD[d.claim ?? 'score'];
    case 'volume':
      return rs.itemByCode.get(d.target ?? '')?.volume ?? original;
    case 'item': {
      if (rs.openItems) return d.mode === 'deducted' && !/(扣分|减分|減分|扣减)/.test(d.target ?? '') ? `${d.target ?? original} 扣分` : (d.target ?? original);
      const item = rs.itemByCode.get(d.target ?? '');
      const mode = d.mode ?? (item?.kind === 'judged' ? 'points' : 'count');
      if (mode === 'deducted') return `${d.target} 扣分`;
      if (mode === 'points' && !(plain && item?.kind === 'judged')) return `${d.target} 得分`;
      return d.target ?? original;
    }
    case 'target':
      return d.target === 'bonus' ? '加分' : d.target === 'deduction' ? '扣分' : `${d.target} ${d.mode === 'deducted' ? '扣分' : '得分'}`;
    default:
      return original;
  }
}

/** Whether two decisions read a column alike (what it is, its target, mode and claim). */
function sameDecision(a: ColumnDecision | undefined, b: ColumnDecision | undefined): boolean {
  if (!a || !b) return a === b;
  return a.role === b.role && (a.target ?? null) === (b.target ?? null) && (a.mode ?? null) === (b.mode ?? null) && (a.claim ?? null) === (b.claim ?? null);
}

/** The word the reader reads as each of the office's result columns. */
const CLAIM_HEADER_WORD: Record<ClaimKind, string> = { bonus: '加分小计', deduction: '扣分小计', score: '总分', rank: '名次', level: '等次', result: '奖励' };

function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, k) => cellText(text).trim() === cellText(b[k]).trim());
}

/** The first column whose header cells differ between a sheet and a shape, or null when they agree. */
function differingColumn(rs: CompiledRuleset, sheet: SheetInput, shape: ShapeMapping): { zh: string; en: string } | null {
  const rows = shape.headerRows.map((r) => r - 1);
  const width = Math.max(blockWidth(sheet.table, rows), ...shape.columns.map((c) => columnIndex(c.column) + 1));
  const texts = blockTexts(sheet.table, rows, width);
  const byColumn = new Map(shape.columns.map((c) => [columnIndex(c.column), c]));
  const block = headerBlock(rs, sheet.table, sheet.merges ?? []);
  const rowsZh = shape.headerRows.join('、');
  const where = sheet.name === '' ? { zh: '表中', en: 'the table' } : { zh: `工作表「${sheet.name}」`, en: `sheet "${sheet.name}"` };
  for (let c = 0; c < width; c++) {
    const expected = byColumn.get(c)?.header ?? rows.map(() => '');
    if (!sameHeaders(texts[c], expected)) {
      const show = (cells: readonly string[]) => cells.filter((t) => t !== '').join(' / ') || '（空）';
      return {
        zh: `${where.zh}${columnLetter(c)} 列的表头是「${show(texts[c])}」，映射文件中是「${show(expected)}」（第${rowsZh}行）`,
        en: `${where.en} column ${columnLetter(c)} is headed "${show(texts[c])}" but the mapping file has "${show(expected)}" (row ${shape.headerRows.join(', ')})`,
      };
    }
  }
  if (!sameHeaders(block.rows.map((r) => String(r + 1)), shape.headerRows.map(String)))
    return {
      zh: `${where.zh}的表头在第${block.rows.map((r) => r + 1).join('、')}行，映射文件中在第${rowsZh}行`,
      en: `${where.en} has its header on row ${block.rows.map((r) => r + 1).join(', ')}, the mapping file on row ${rowsZh}`,
    };
  return null;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * A sheet read as a shape's decisions. Where they are the reader's own, the sheet is read as it is;
 * else its header block is rewritten as one row saying each column's decision (the rows above
 * blanked: the category each column was under is in its decision), so the edited column is read as
 * the file says and every other column as before.
 */
function rewritten(rs: CompiledRuleset, sheet: SheetInput, shape: ShapeMapping): SheetInput {
  const proposed = proposeSheetMapping(rs, sheet);
  const byColumn = new Map(proposed.columns.map((d) => [d.column, d]));
  if (shape.columns.length === proposed.columns.length && shape.columns.every((d) => sameDecision(d, byColumn.get(d.column)))) return sheet;
  const block = headerBlock(rs, sheet.table, sheet.merges ?? []);
  const plan = plannedColumns(rs, block.cells, block.firstDataRow, [], block.parents);
  const rows = shape.headerRows.map((r) => r - 1);
  const last = rows[rows.length - 1];
  const table = sheet.table.slice();
  for (const r of rows) table[r] = (table[r] ?? []).map(() => null);
  const header = table[last].slice();
  for (const d of shape.columns) {
    const c = columnIndex(d.column);
    const original = isEmptyCell(block.cells[c]) ? '' : cellText(block.cells[c]);
    const unchanged = sameDecision(d, byColumn.get(d.column));
    while (header.length <= c) header.push(null);
    header[c] = headerFor(rs, d, original, unchanged && plan[c]?.kind === 'item');
  }
  table[last] = header;
  return { ...sheet, table };
}

/**
 * Applies a mapping file to a workbook's sheets: a sheet the file names must have the headers it
 * was made for (else MappingError naming the column that differs); a sheet it does not name takes
 * the shape whose headers it has (next month's); no sheet matching any shape is refused. A sheet
 * of items as rows is read as it is, and its columns may not be changed in the file.
 */
export function applyMapping(rs: CompiledRuleset, mapping: MappingFile, sheets: readonly SheetInput[]): SheetInput[] {
  let applied = 0;
  let firstMiss: { zh: string; en: string } | null = null;
  const out = sheets.map((sheet) => {
    const named = mapping.shapes.find((shape) => shape.sheets.includes(sheet.name));
    const candidates = named ? [named] : mapping.shapes;
    for (const shape of candidates) {
      const differs = differingColumn(rs, sheet, shape);
      if (differs) {
        if (named) throw new MappingError(`映射文件是为其他表头做的：${differs.zh}；请重新运行 assess map`, `the mapping file was made for other headers: ${differs.en}; run assess map again`);
        firstMiss ??= differs;
        continue;
      }
      applied++;
      if (shape.layout !== 'rows') {
        const proposed = proposeSheetMapping(rs, sheet);
        const changed = shape.columns.find((d, k) => JSON.stringify({ ...d, note: undefined }) !== JSON.stringify({ ...proposed.columns[k], note: undefined }));
        if (changed)
          throw new MappingError(
            `工作表「${sheet.name}」是条目为行的表（评分表）：${changed.column} 列的作用按表头用词读取，不能在映射文件中修改；请改表头`,
            `sheet "${sheet.name}" has its items as rows (a form): column ${changed.column} is read by its header word and cannot be changed in the mapping file; edit the header instead`,
          );
        return sheet;
      }
      return rewritten(rs, sheet, shape);
    }
    return sheet;
  });
  if (applied === 0) {
    const miss = firstMiss as { zh: string; en: string } | null;
    throw new MappingError(`映射文件是为其他表头做的：${miss?.zh ?? '没有工作表'}；请重新运行 assess map`, `the mapping file was made for other headers: ${miss?.en ?? 'no sheet'}; run assess map again`);
  }
  return out;
}
