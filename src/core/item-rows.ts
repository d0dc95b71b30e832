/**
 * Sheets with the items as rows: (b) 序号 · 考核项目 · 分值 · 县甲 · 县乙 … (one column per unit),
 * and (c) the 评分表 form itself, 序号 · 项目 · 评选内容 · 分值 · 得分 · 扣分原因 (one unit, named by
 * a 单位：… line above the table or by its sheet). Rows are matched to items by code, clause or
 * label (the regulation's label at the start of the text, or a near miss); where some labels do
 * not match and the rows are as many as the ruleset's items, by position, with a finding for each
 * label that disagrees. Description columns are recognised and skipped.
 */
import { type Cell, cellText, isEmptyCell } from './cells';
import type { CompiledRuleset } from './compile';
import { type ClaimKind, type EnteredMode, type PointsMode, claimOf, interpretHeader, isDescription, isFullPoints, stripPointsWords } from './headers';
import { toMicros } from './fixed';
import type { Position, ReadOptions, UnitRecord } from './read/records';
import { type ReadContext, addExtra, layoutError, newRecord, position, positionText, readContext, setPoints, setPointsPair, setValue, sheetRow } from './read/build';
import { specialRole } from './read/lookup';
import { rowKind } from './read/rows';
import { REASON_WORDS, SUBTOTAL_WORDS, UNIT_LINE_LABELS } from './read/vocabulary';
import { labelSimilarity } from './read/near';
import type { Finding } from './result';
import { type Target, splitClause, targetsOf } from './targets';
import { normalizeKey } from './text';

type RowMeaning =
  | { kind: 'target'; target: Target; count: boolean; word: PointsMode | null }
  | { kind: 'claim'; claim: ClaimKind }
  | { kind: 'role'; role: 'bonus' | 'deduction' }
  /** An open ruleset's indicator, named by the sheet (组织领导 under 考核指标). */
  | { kind: 'extra'; label: string }
  /** A 小计 row: the office's subtotal of the item rows since the last section or 小计 row (rows[from…]). */
  | { kind: 'subtotal'; from: number; label: string };

/** A 小计 row's label (小计, 政务公开小计): the office's subtotal, never an item. */
function isSubtotalLabel(text: string): boolean {
  const key = normalizeKey(text).replace(/\s+/g, '');
  return SUBTOTAL_WORDS.some((word) => key.endsWith(normalizeKey(word)));
}

/** A section heading's name without its number and points (一、政务公开（40分） → 政务公开). */
function sectionName(text: string): string {
  return text.normalize('NFKC').trim().replace(/^[一二三四五六七八九十\d]+\s*[、.]\s*/, '').replace(/\(\s*\d+(\.\d+)?\s*分\s*\)\s*$/, '').trim();
}

/** A number, or a number written as text (a CSV): a 分值 or a value cell. */
function isNumberCell(cell: Cell | undefined): boolean {
  return typeof cell === 'number' || (typeof cell === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(cell.normalize('NFKC')));
}

interface Shape {
  layout: 'columns' | 'forms';
  labelColumns: number[];
  valueColumns: number[];
  hasFullPoints: boolean;
}

function compact(text: string): string {
  return normalizeKey(text).replace(/[\s、，,（）()：:·.。；;]/g, '');
}

/**
 * The points word of a row label (`1.2 扣分`, `第九条（三）加分`), or null. A 评选内容 text is a
 * sentence that often ends in one (“同一事项同一材料不累计扣分”, “直至扣完本项得分”): a word
 * after more text than the item's code and label is part of the sentence, and the column's
 * header (得分) decides.
 */
function rowWord(text: string, target: Target): PointsMode | null {
  const { rest, word } = stripPointsWords(text);
  if (word === null) return null;
  // A clause reference before the name (第九条（三）率先推出… 加分) is part of the label, not of a sentence.
  const body = splitClause(rest)?.rest ?? rest;
  if (compact(body).length > compact(`${target.code}${target.label}`).length) return null;
  return word === 'deducted' ? 'deducted' : 'points';
}

/** What one row's label texts name. */
function matchRow(rs: CompiledRuleset, texts: string[]): RowMeaning | null {
  const index = targetsOf(rs);
  for (const text of texts) {
    const meaning = interpretHeader(rs, text);
    if (meaning.kind === 'count') {
      const target = index.byItem.get(meaning.item.parent ?? meaning.item);
      if (target) return { kind: 'target', target, count: meaning.item.isInput, word: null };
    }
    if (meaning.kind === 'target') return { kind: 'target', target: meaning.target, count: false, word: rowWord(text, meaning.target) };
    if (meaning.kind === 'role') return { kind: 'role', role: meaning.role };
    if (meaning.kind === 'claim') return { kind: 'claim', claim: meaning.claim };
  }
  // The regulation's label at the start of the text (评选内容 "规范场所建设：合理设置…"), longest first.
  let best: Target | null = null;
  let bestLength = 0;
  for (const text of texts) {
    const key = compact(text);
    for (const target of index.all) {
      if (target.level === 'role') continue;
      const label = compact(target.label);
      // The label at the start of the text, or the text a shortened label (推进政务服务体系建设 for T1's whole sentence).
      const length = key.startsWith(label) && label.length >= 2 ? label.length : key.length >= 4 && label.startsWith(key) ? key.length : 0;
      if (length > bestLength) {
        best = target;
        bestLength = length;
      }
    }
  }
  if (best) return { kind: 'target', target: best, count: best.item?.isInput ?? false, word: null };
  let near: Target | null = null;
  let score = 0.6;
  for (const text of texts) {
    for (const target of index.all) {
      if (target.level !== 'item') continue;
      const similarity = labelSimilarity(text.slice(0, Math.max(target.label.length + 4, 8)), target.label);
      if (similarity > score) {
        near = target;
        score = similarity;
      }
    }
  }
  return near ? { kind: 'target', target: near, count: near.item?.isInput ?? false, word: null } : null;
}

function rowTexts(row: Cell[], columns: readonly number[]): string[] {
  const texts: string[] = [];
  // Later description columns are the more specific (评选内容 under 项目): tried first.
  for (let k = columns.length - 1; k >= 0; k--) {
    const cell = row[columns[k]];
    if (typeof cell === 'string' && !isEmptyCell(cell)) texts.push(cell);
  }
  return texts;
}

/** The shape, when the header describes items as rows; null otherwise. */
export function detectItemRows(rs: CompiledRuleset, table: Cell[][], headerRow: number): Shape | null {
  const header = table[headerRow] ?? [];
  const labelColumns: number[] = [];
  const valueColumns: number[] = [];
  let hasFullPoints = false;
  let fullColumn = -1;
  let unitHeader = false;
  let describes = false;
  for (let c = 0; c < header.length; c++) {
    const cell = header[c];
    if (isEmptyCell(cell)) continue;
    const text = cellText(cell);
    if (isDescription(text)) {
      describes = true;
      if (isFullPoints(text)) {
        hasFullPoints = true;
        if (fullColumn < 0) fullColumn = c;
      }
      else if (!REASON_WORDS.test(text)) labelColumns.push(c);
      continue;
    }
    const meaning = interpretHeader(rs, text);
    if (meaning.kind === 'target' || meaning.kind === 'count') return null; // items across: a rows table
    if (specialRole(text) === 'tier' || specialRole(text) === 'criticized') return null;
    if (specialRole(text) === 'unit') unitHeader = true;
    valueColumns.push(c);
  }
  if (!describes || labelColumns.length === 0 || valueColumns.length === 0) return null;
  let matched = 0;
  for (let r = headerRow + 1; r < table.length && matched < 2; r++) {
    const meaning = matchRow(rs, rowTexts(table[r], labelColumns));
    if (meaning?.kind === 'target') matched++;
  }
  // An open ruleset names no item: its indicators are rows under a 分值 or a naming column (考核指标, not 序号)
  // with numbers under the unit columns — and no 单位 column (a rows table names its units down one).
  const naming = fullColumn >= 0 || labelColumns.some((c) => specialRole(cellText(header[c])) !== 'ignore');
  if (matched < 2 && !(rs.openItems && naming && !unitHeader && openIndicatorRows(table, headerRow, labelColumns, valueColumns, fullColumn) >= 2)) return null;
  const valueHeaders = valueColumns.map((c) => cellText(header[c]));
  const forms = valueHeaders.every((text) => claimOf(text) === 'score' || stripPointsWords(text).rest === '');
  return { layout: forms ? 'forms' : 'columns', labelColumns, valueColumns, hasFullPoints };
}

/** How many rows (up to two) read as an open ruleset's indicators: a label that is no claim or 小计, a 分值 (when there is the column), a number under a unit column. */
function openIndicatorRows(table: Cell[][], headerRow: number, labelColumns: readonly number[], valueColumns: readonly number[], fullColumn: number): number {
  let found = 0;
  for (let r = headerRow + 1; r < table.length && found < 2; r++) {
    const row = table[r];
    if (rowKind(row, -1) !== 'data') continue;
    const label = rowTexts(row, labelColumns)[0];
    if (label === undefined || claimOf(label) !== undefined || isSubtotalLabel(label) || (fullColumn >= 0 && !isNumberCell(row[fullColumn]))) continue;
    if (valueColumns.some((c) => isNumberCell(row[c]))) found++;
  }
  return found;
}

const UNIT_LINE = new RegExp(`^\\s*(${UNIT_LINE_LABELS.join('|')})\\s*:\\s*(\\S.*?)\\s*$`);

/**
 * 单位：城关镇 (乡镇名称：河口镇, 被考核单位：…) in a cell above the table; other facts beside it
 * (评定时间：2022年8月) in the same cell or row are not part of the name.
 */
function unitLine(table: Cell[][], headerRow: number): string | null {
  for (let r = 0; r < headerRow; r++) {
    for (const cell of table[r] ?? []) {
      if (typeof cell !== 'string') continue;
      const match = UNIT_LINE.exec(cell.normalize('NFKC'));
      // 河口镇  评定时间：2022年8月 in one cell: the name ends where the next `label：` begins.
      if (match) return match[2].replace(/\s+[^\s:]{1,12}:.*$/, '').trim() || null;
    }
  }
  return null;
}

/** The 扣分 and 得分 columns of a form that has both (one of each), else null. */
function deductionBesideScore(header: Cell[], valueColumns: readonly number[]): { deduct: number; score: number } | null {
  if (valueColumns.length !== 2) return null;
  const words = valueColumns.map((c) => stripPointsWords(cellText(header[c])).word);
  const deduct = words.indexOf('deducted');
  const score = words.findIndex((word, k) => k !== deduct && (word === 'points' || claimOf(cellText(header[valueColumns[k]])) === 'score'));
  return deduct >= 0 && score >= 0 ? { deduct: valueColumns[deduct], score: valueColumns[score] } : null;
}

type ItemRow = { r: number; meaning: RowMeaning | null; texts: string[] };

/** A run of item rows whose labels match nothing, with the items matched just before and after it (indexes in rs.scoredItems). */
interface UnmatchedRun {
  from: number;
  to: number;
  before: number | null;
  after: number | null;
  /** The runs' table rows. */
  rows: number[];
  taken: Set<Target>;
}

function unmatchedRuns(rs: CompiledRuleset, rows: readonly ItemRow[]): UnmatchedRun[] {
  const order = new Map(rs.scoredItems.map((item, k) => [item, k]));
  const indexOf = (row: ItemRow | undefined): number | null => (row?.meaning?.kind === 'target' && row.meaning.target.item ? (order.get(row.meaning.target.item) ?? null) : null);
  const taken = new Set<Target>();
  for (const row of rows) if (row.meaning?.kind === 'target') taken.add(row.meaning.target);
  const runs: UnmatchedRun[] = [];
  for (let k = 0; k < rows.length; k++) {
    if (rows[k].meaning !== null) continue;
    let to = k;
    while (to + 1 < rows.length && rows[to + 1].meaning === null) to++;
    runs.push({ from: k, to, before: indexOf(rows[k - 1]), after: indexOf(rows[to + 1]), rows: rows.slice(k, to + 1).map((row) => row.r), taken });
    k = to;
  }
  return runs;
}

/**
 * The items a run of unmatched rows stands for by its place in the regulation's order (a
 * reworded label between two matched ones: 政务服务体系建设 before 审批流程检查制度 is T1), or null.
 * Between two matched rows the gap must hold exactly as many items; at either end of the table
 * the row's 分值 must equal each item's full points, else the place proves nothing.
 */
function positionTargets(rs: CompiledRuleset, run: UnmatchedRun, table: Cell[][], fullColumn: number): Target[] | null {
  const count = run.to - run.from + 1;
  let first: number;
  if (run.before !== null && run.after !== null) {
    if (run.after - run.before - 1 !== count) return null;
    first = run.before + 1;
  } else if (run.before !== null) first = run.before + 1;
  else if (run.after !== null) first = run.after - count;
  else return null;
  if (first < 0 || first + count > rs.scoredItems.length) return null;
  const index = targetsOf(rs);
  const targets: Target[] = [];
  for (let k = 0; k < count; k++) {
    const target = index.byItem.get(rs.scoredItems[first + k]);
    if (!target || run.taken.has(target)) return null;
    targets.push(target);
  }
  const bounded = run.before !== null && run.after !== null;
  if (fullColumn >= 0 || !bounded) {
    if (fullColumn < 0) return null;
    // Row by row: the 分值 written on the sheet is the item's (20 for T1, 10 for T4).
    const rows = run.rows;
    for (let k = 0; k < count; k++) {
      const cell = table[rows[k]][fullColumn];
      const full = typeof cell === 'number' ? toMicros(cell) : toMicros(Number(normalizeKey(cellText(cell))));
      if (full === null || full !== targets[k].limit) return null;
    }
  }
  return targets;
}

/** A cell's number (a 分值), or null. */
function micros(cell: Cell): number | null {
  if (typeof cell === 'number') return toMicros(cell);
  return isNumberCell(cell) ? toMicros(Number(cellText(cell).normalize('NFKC').trim())) : null;
}

/**
 * An open ruleset's indicator in one unit's column, held to the 分值 its row gives (the attachment's
 * standard, 考核具体标准见附件): points over it count at the 分值, with a warning at the cell.
 */
function addIndicator(cx: ReadContext, rs: CompiledRuleset, record: UnitRecord, label: string, cell: Cell, at: Position, fullCell: Cell, sign: 1 | -1): void {
  const before = record.extras.length;
  addExtra(cx, record, label, cell, at, sign);
  const full = micros(fullCell);
  const extra = record.extras[before];
  if (sign !== 1 || full === null || extra === undefined || extra.points <= full) return;
  const [given, limit] = [extra.points / 1e6, full / 1e6];
  extra.points = full;
  (record.readFindings ??= []).push({
    code: label, kind: 'entered-points', severity: 'warning', where: positionText(at), found: String(given), expected: String(limit),
    clause: rs.openItems?.clause ?? '分值', quote: rs.openItems?.quote ?? '分值',
    zh: `${label} 得分 ${given} 超过本行分值 ${limit}，按 ${limit} 计`,
    en: `${label}: ${given} points is over the row's 分值 ${limit}; counts ${limit}`,
  });
}

export function readItemRows(rs: CompiledRuleset, table: Cell[][], headerRow: number, layout: 'columns' | 'forms', options: ReadOptions): UnitRecord[] {
  const cx = readContext(options);
  const shape = detectItemRows(rs, table, headerRow);
  if (!shape) throw layoutError('表中找不到条目行（序号、项目、评选内容下的条目名称）', 'no item rows found (item names under 序号 / 项目 / 评选内容)');
  const header = table[headerRow];
  const entered: EnteredMode = options.entered ?? 'auto';
  // Rows: matched by label; by position when some do not match and the rows are as many as the items.
  const rows: Array<{ r: number; meaning: RowMeaning | null; texts: string[] }> = [];
  /** Where the current section's item rows begin in `rows` (after a section heading or a 小计 row), and its name. */
  let sectionFrom = 0;
  let section = '';
  for (let r = headerRow + 1; r < table.length; r++) {
    const row = table[r];
    // One rule for what a row is (read/rows.ts): blank rows, 制表人：… lines across the unit columns (a
    // date beside them), 注：… lines and 乡镇名称：… lines are not item rows; a section heading
    // (一、政务公开（40分）) begins the rows its 小计 adds up; a 合计 / 总分 row is a claim.
    const kind = rowKind(row, -1);
    if (kind === 'blank' || kind === 'note' || kind === 'line') continue;
    if (kind === 'section') {
      sectionFrom = rows.length;
      section = sectionName(row.map((cell) => (typeof cell === 'string' ? cell : '')).find((text) => text.trim() !== '') ?? '');
      continue;
    }
    const texts = rowTexts(row, shape.labelColumns);
    const hasValue = shape.valueColumns.some((c) => !isEmptyCell(row[c]));
    if (texts.length > 0 && isSubtotalLabel(texts[0])) {
      // 小计: the office's sum of its section's item rows in each unit column — audited, never an item.
      const label = compact(texts[0]) === compact('小计') && section !== '' ? `${section}小计` : texts[0];
      rows.push({ r, meaning: { kind: 'subtotal', from: sectionFrom, label }, texts });
      sectionFrom = rows.length;
      continue;
    }
    let meaning = texts.length > 0 ? matchRow(rs, texts) : null;
    // A 平均 / 汇总 row names no item: a sum or an average of the rows above, never read as one (合计 is a claim).
    if (kind === 'sum' && meaning?.kind !== 'claim') continue;
    // An open ruleset's items are the sheet's own: a labelled row with values is one (组织领导 under 考核指标).
    if (meaning === null && rs.openItems && texts.length > 0 && hasValue) meaning = { kind: 'extra', label: texts[0] };
    if (meaning === null && !hasValue) continue; // notes, 制表人 lines
    rows.push({ r, meaning, texts });
  }
  const itemRows = rows.filter((row) => row.meaning === null || row.meaning.kind === 'target');
  const findings: Finding[] = [];
  if (itemRows.some((row) => row.meaning === null)) {
    const index = targetsOf(rs);
    const labelAt = (row: ItemRow): Position => position(cx, row.r, shape.labelColumns.find((c) => table[row.r][c] === row.texts[0]) ?? shape.labelColumns[0]);
    const take = (row: ItemRow, target: Target): void => {
      if (row.meaning?.kind !== 'target' || row.meaning.target !== target)
        findings.push({
          code: target.code, kind: 'row-label', severity: 'info', where: positionText(labelAt(row)),
          zh: `第${sheetRow(cx, row.r)}行「${row.texts[0] ?? ''}」按位置对应条目 ${target.code}（${target.label}）`,
          en: `row ${sheetRow(cx, row.r)} ("${row.texts[0] ?? ''}") is taken by its position as item ${target.code} (${target.label})`,
          clause: target.cite.clause, quote: target.cite.quote, found: row.texts[0] ?? '', expected: target.label,
        });
      row.meaning = { kind: 'target', target, count: target.item?.isInput ?? false, word: null };
    };
    if (itemRows.length === rs.scoredItems.length) {
      itemRows.forEach((row, k) => {
        const target = index.byItem.get(rs.scoredItems[k]);
        if (target) take(row, target);
      });
    } else {
      const fullColumn = header.findIndex((cell) => !isEmptyCell(cell) && isFullPoints(cellText(cell)));
      for (const run of unmatchedRuns(rs, itemRows)) {
        const targets = positionTargets(rs, run, table, fullColumn);
        if (targets === null) {
          const bad = itemRows[run.from];
          const at = positionText(labelAt(bad));
          throw layoutError(
            `第${sheetRow(cx, bad.r)}行「${bad.texts[0] ?? ''}」不是规则集 ${rs.id} 的条目（${at}）：名称对不上，位置和分值也定不下是哪一条`,
            `row ${sheetRow(cx, bad.r)}: "${bad.texts[0] ?? ''}" is not an item of ruleset ${rs.id} (neither its name nor its place and 分值 tell which)`,
            at,
          );
        }
        targets.forEach((target, k) => take(itemRows[run.from + k], target));
      }
    }
  }
  // A bare 加分 / 扣分 row: the whole bonus (deductions) unless rows give parts of it.
  const index = targetsOf(rs);
  for (const row of rows) {
    if (row.meaning?.kind !== 'role') continue;
    const role = row.meaning.role;
    const parts = rows.some((other) => other.meaning?.kind === 'target' && other.meaning.target.role === role);
    const whole = index.byRole.get(role);
    row.meaning = !parts && whole ? { kind: 'target', target: whole, count: false, word: role === 'deduction' ? 'deducted' : 'points' } : { kind: 'claim', claim: role };
  }
  const seen = new Map<string, number>();
  for (const row of rows) {
    const code = row.meaning?.kind === 'target' ? row.meaning.target.code : row.meaning?.kind === 'extra' ? row.meaning.label : null;
    if (code === null) continue;
    const before = seen.get(code);
    if (before !== undefined) throw layoutError(`第${sheetRow(cx, before)}行和第${sheetRow(cx, row.r)}行是同一个条目 ${code}`, `rows ${sheetRow(cx, before)} and ${sheetRow(cx, row.r)} are the same item ${code}`, positionText(position(cx, row.r, shape.labelColumns[0])));
    seen.set(code, row.r);
  }
  // Each 小计 adds up the items of its rows (their codes, or an open ruleset's labels), as the audit compares them.
  const partsOf = new Map<number, string[]>();
  rows.forEach((row, k) => {
    if (row.meaning?.kind !== 'subtotal') return;
    const parts: string[] = [];
    for (const part of rows.slice(row.meaning.from, k)) {
      if (part.meaning?.kind === 'target') parts.push(part.meaning.target.code);
      else if (part.meaning?.kind === 'extra') parts.push(part.meaning.label);
    }
    partsOf.set(k, parts);
  });

  const fullColumn = header.findIndex((cell) => !isEmptyCell(cell) && isFullPoints(cellText(cell)));
  const formUnit = layout === 'forms' ? (unitLine(table, headerRow) ?? options.unit ?? '') : null;
  // A form's 扣分 beside its 得分 (序号 | 评分项目 | 评分标准 | 标准分 | 扣分 | 得分): one unit, both read.
  const pair = layout === 'forms' ? deductionBesideScore(header, shape.valueColumns) : null;
  const columns = pair ? [pair.score] : shape.valueColumns;
  return columns.map((c, k) => {
    const columnHeader = cellText(header[c]);
    const unit = formUnit ?? columnHeader;
    const record = newRecord(rs, unit);
    if (k === 0 && findings.length > 0) record.readFindings = [...findings];
    const columnWord = stripPointsWords(columnHeader).word;
    rows.forEach((row, k) => {
      const cell = table[row.r][c];
      const at = position(cx, row.r, c);
      const meaning = row.meaning;
      if (meaning === null) return;
      if (meaning.kind === 'subtotal') {
        const parts = partsOf.get(k) ?? [];
        if (!isEmptyCell(cell) && parts.length > 0) record.claims.push({ kind: 'score', cell, at, header: meaning.label, parts });
        return;
      }
      if (meaning.kind === 'extra') {
        addIndicator(cx, rs, record, meaning.label, cell, at, fullColumn >= 0 ? table[row.r][fullColumn] : null, columnWord === 'deducted' ? -1 : 1);
        return;
      }
      if (meaning.kind === 'claim') {
        // The 得分 column's 合计 is the office's total; the 扣分 column's is its arithmetic, left to the 得分 one.
        if (!isEmptyCell(cell)) record.claims.push({ kind: meaning.claim, cell, at, header: row.texts[0] ?? '' });
        return;
      }
      if (meaning.kind !== 'target') return;
      if (pair && meaning.word === null) {
        setPointsPair(cx, record, meaning.target, table[row.r][pair.deduct], position(cx, row.r, pair.deduct), cell, at);
        return;
      }
      const word = meaning.word ?? (columnWord === 'deducted' ? 'deducted' : columnWord === 'points' ? 'points' : null);
      const asCount = entered === 'counts' || (entered === 'auto' && word === null && !shape.hasFullPoints && layout === 'columns');
      if (asCount && meaning.count && meaning.target.item) setValue(cx, record, meaning.target.item, cell, at);
      else setPoints(cx, record, meaning.target, word === 'deducted' ? 'deducted' : 'points', cell, at);
    });
    return record;
  });
}
