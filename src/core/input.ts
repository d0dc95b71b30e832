/**
 * Input reading: the 2-D arrays a sheet range, a CSV or an xlsx sheet gives, turned into unit
 * records — the last stage of a one-way pipeline (issue 18.6), each stage a module of src/core/read/:
 *   cells → layout (read/layout.ts: header row and block, the table's layout; read/rows.ts: what a
 *   row is) → column roles (read/columns.ts, with headers.ts for what one header means) → records
 *   (here and item-rows.ts, cell by cell through read/build.ts, as read/records.ts describes them).
 * What a read was asked for (origin, collect) travels as a ReadContext: no module state.
 * Layouts (spec: "Headers", "Ledger input"):
 *  - rows: a header block, then one row per unit (or a data block with headers passed separately);
 *  - pairs: (code or label, value) rows for one unit;
 *  - ledger (台账): one row per event: unit, code, quantity, matter;
 *  - items as rows (columns per unit) and 评分表 forms: item-rows.ts.
 */
import { type Cell, CellProblem, cellText, isEmptyCell, readFlag, readPoints } from './cells';
import type { CompiledItem, CompiledRuleset } from './compile';
import type { Micros } from './fixed';
import { normalizeKey, unitIdentity, visibleName } from './text';
import type { Finding } from './result';
import { headerCellText } from './headers';
import { readItemRows } from './item-rows';
import { type ColumnPlan, categorySlipNote, plannedColumns, requireItemColumns } from './read/columns';
import { type CategorySlip, asRows, detectLayout, headerBlock, headerRoles, headerRowIndex, isBlankRow } from './read/layout';
import { rowKind } from './read/rows';
import type { MergedRange, Position, ReadOptions, UnitRecord } from './read/records';
import { type Special, findItem, findVolume, specialIndex } from './read/lookup';
import {
  type Cite,
  addExtra,
  type ReadContext,
  entered,
  layoutError,
  newRecord,
  position,
  positionText,
  readCell,
  readItemCell,
  readContext,
  reject,
  setPoints,
  setValue,
  setVolume,
  sheetColumn,
  sheetRow,
  where,
} from './read/build';

export type { Claim, EnteredMode, Layout, MergedRange, Position, ReadOptions, UnitRecord } from './read/records';
export { findItem, findVolume, specialColumn, specialRole } from './read/lookup';
export { asRows, detectLayout, headerBlock, headerRowIndex, isBlankRow } from './read/layout';
export { type ColumnPlan, checkHeader, checkItemColumns, plannedColumns } from './read/columns';
export { CELL_RULE, entered, layoutError, newRecord, position, positionText, readItemCell, setPoints, setPointsPair, setValue, sheetRow } from './read/build';

/**
 * A 小计 of an open ruleset's category: never counted, checked against the item cells it adds up
 * (a claim finding at its cell when it differs). Cells that cannot be read are reported where they are.
 */
function auditSubtotal(record: UnitRecord, column: ColumnPlan, row: Cell[], cell: Cell, at: Position): void {
  if (isEmptyCell(cell)) return;
  let claimed: Micros;
  let sum = 0;
  try {
    claimed = readPoints(cell);
    for (const c of column.sums ?? []) if (!isEmptyCell(row[c])) sum += readPoints(row[c]);
  } catch (problem) {
    if (problem instanceof CellProblem) return;
    throw problem;
  }
  if (claimed === sum) return;
  const label = column.label ?? '小计';
  (record.readFindings ??= []).push({
    code: label, kind: 'claim', severity: 'warning', where: positionText(at), found: String(claimed / 1e6), expected: String(sum / 1e6),
    clause: label, quote: '小计为本类各项之和',
    zh: `${label} ${claimed / 1e6}，本类各项之和为 ${sum / 1e6}（小计不计入总分）`,
    en: `${label} ${claimed / 1e6}, but its items add up to ${sum / 1e6} (a subtotal is not counted in the total)`,
  });
}

/**
 * A unit's identity in a batch: the ruleset's own unit when the name (or one of its aliases) is
 * listed, else the name itself — each folded by unitIdentity (script, width, spaces, invisible
 * and bidi characters). Two rows with one key are one unit.
 */
export function unitKey(rs: CompiledRuleset, name: string): string {
  const identity = unitIdentity(name);
  const listed = rs.unitIndex.get(identity);
  return listed ? `\u0000${listed.label}` : identity;
}

/** How a second spelling of a unit differs from the first, for the duplicate finding (empty when written alike). */
export function spellingNote(rs: CompiledRuleset, first: string, second: string): { zh: string; en: string } {
  if (normalizeKey(first) === normalizeKey(second)) return { zh: '', en: '' };
  const listed = rs.unitIndex.get(unitIdentity(first));
  const alias = listed !== undefined && unitIdentity(first) !== unitIdentity(second);
  const shown = visibleName(second);
  return alias
    ? { zh: `（「${shown}」是规则集所列「${listed.label}」的另一名称，同一单位）`, en: ` ("${shown}" is another name the ruleset lists for ${listed.label}: the same unit)` }
    : { zh: `（第二处写作「${shown}」，与「${visibleName(first)}」只差繁简、全半角、空格或不可见字符，同一单位）`, en: ` (the second is written "${shown}": it differs from "${visibleName(first)}" only in script, width, spaces or invisible characters: the same unit)` };
}

/** A unit listed twice (under one spelling or two): the first row counts; both rows and both spellings are named. */
export function duplicateFinding(rs: CompiledRuleset, name: string, second: string, first: number, secondRow: number, at: string): Finding {
  const note = spellingNote(rs, name, second);
  return {
    code: 'unit', kind: 'duplicate-unit', severity: 'warning', where: at,
    clause: '每个单位一行 / one row per unit', quote: '同一单位只计一次 / a unit counts once',
    zh: `单位「${visibleName(name)}」出现了两次：第${first}行和第${secondRow}行${note.zh}；只计第${first}行（多行事件请用台账）`,
    en: `unit "${visibleName(name)}" is listed twice: rows ${first} and ${secondRow}${note.en}; only row ${first} counts (several events per unit belong in a ledger)`,
    found: second, expected: '',
  };
}

/** A tier from a tier cell (code, label, alias) or, failing that, from a unit name. */
export function resolveTier(rs: CompiledRuleset, text: string): string | null {
  return rs.tierIndex.get(normalizeKey(text)) ?? rs.unitTier.get(unitIdentity(text)) ?? null;
}

function setTier(cx: ReadContext, rs: CompiledRuleset, record: UnitRecord, cell: Cell, at: Position): void {
  if (isEmptyCell(cell)) return;
  const text = cellText(cell);
  const tier = rs.tierIndex.get(normalizeKey(text));
  if (rs.tiers.length > 0 && tier === undefined) {
    const known = rs.tiers.map((t) => `${t.code}/${t.label}`).join('、');
    reject(cx, record, 'tier', '圈层', cell, at, new CellProblem(`应为 ${known}`, `expected one of ${known}`), rs.levelScopeCite ?? undefined);
    return;
  }
  record.tier = tier ?? text;
  record.tierAt = at;
  record.tierText = text;
  checkListedTier(rs, record);
}

/**
 * A 圈层 cell that contradicts the tier the ruleset lists the unit in (第四條 names each tier's
 * units): a warning at the cell, citing the clause that lists the tier, and the ruleset's tier is
 * used — a cell cannot move a unit the regulation places. Checked once the unit and the cell are
 * both known (a pairs table may give the 圈层 before the unit).
 */
export function checkListedTier(rs: CompiledRuleset, record: UnitRecord): void {
  if (record.tierAt === undefined || record.tier === null) return;
  const listed = rs.unitIndex.get(unitIdentity(record.unit));
  if (!listed || listed.tier === null || listed.tier === record.tier) return;
  const given = rs.tiers.find((t) => t.code === record.tier);
  const right = rs.tiers.find((t) => t.code === listed.tier);
  if (!right) return;
  const text = record.tierText ?? record.tier;
  (record.readFindings ??= []).push({
    code: '圈层', kind: 'tier-differs', severity: 'warning', where: positionText(record.tierAt),
    clause: right.clause, quote: right.quote,
    zh: `单位「${visibleName(record.unit)}」的圈层填为「${text}」${given && given.label !== text ? `（${given.label}）` : ''}，但${right.clause}列其属${right.label}：按${right.label}评定`,
    en: `unit ${visibleName(record.unit)} has tier "${text}"${given && given.label !== text ? ` (${given.label})` : ''}, but ${right.clause} lists it in ${right.label}: it is assessed in ${right.label}`,
    found: text, expected: right.label,
  });
  record.tier = listed.tier;
  record.tierAt = undefined;
}

export function setCriticized(cx: ReadContext, record: UnitRecord, cell: Cell, at: Position, cite?: Cite): void {
  if (isEmptyCell(cell)) return;
  record.criticized = readCell(cx, record, 'criticized', '通报批评或曝光', cell, at, readFlag, cite) === 1;
}

/** Reads a table into unit records, detecting the layout. */
export function readUnits(rs: CompiledRuleset, table: Cell[][], options: ReadOptions = {}): UnitRecord[] {
  return readTable(rs, table, options);
}

function readTable(rs: CompiledRuleset, table: Cell[][], options: ReadOptions): UnitRecord[] {
  const headers = asRows(options.headers);
  if (headers.length > 0) {
    if (headers.length !== 1) throw layoutError('表头应为一行', 'the headers must be one row');
    return readRowLayout(rs, headers[0], null, table, 0, options);
  }
  const rows = table.filter((row) => !isBlankRow(row));
  if (rows.length === 0) throw layoutError('没有数据', 'there is no data');
  const layout = options.layout ?? detectLayout(rs, table);
  if (layout === 'pairs') return [readPairs(rs, table, options)];
  const headerRow = headerRowIndex(table);
  if (layout === 'ledger') return readLedger(rs, table, headerRow, options);
  if (layout === 'columns' || layout === 'forms') return readItemRows(rs, table, headerRow, layout, options);
  const block = headerBlock(rs, table, headerRow, options.merges ?? []);
  return readRowLayout(rs, block.cells, block.parents, table.slice(block.end), block.end, options, block.slips);
}

/** A cell of a unit's own (its name, tier, criticized mark, a note): a merge down it applies to every row. */
function isAttributeColumn(column: ColumnPlan | undefined): boolean {
  return column !== undefined && !column.blank && (column.kind === 'unit' || column.kind === 'tier' || column.kind === 'criticized' || column.kind === 'ignore');
}

/**
 * Applies the merged ranges that lie in the data: attribute columns take the master's value down
 * the merge (rows copied, never the caller's arrays changed); a merge over item cells is
 * ambiguous (one value, several cells), reported per data row it covers.
 */
function spreadMerges(
  plan: ColumnPlan[],
  data: Cell[][],
  firstDataRow: number,
  merges: readonly MergedRange[],
): { data: Cell[][]; ambiguous: Map<number, MergedRange[]> } {
  const ambiguous = new Map<number, MergedRange[]>();
  if (merges.length === 0) return { data, ambiguous };
  const rows = data.slice();
  const copied = new Set<number>();
  for (const m of merges) {
    if (m.bottom < firstDataRow) continue; // title and header merges
    const top = Math.max(m.top, firstDataRow) - firstDataRow;
    const bottom = Math.min(m.bottom - firstDataRow, rows.length - 1);
    let touchesItems = false;
    for (let c = m.left; c <= m.right; c++) if (!isAttributeColumn(plan[c]) && !plan[c]?.blank) touchesItems = true;
    if (touchesItems) {
      for (let r = top; r <= bottom; r++) {
        const list = ambiguous.get(r) ?? [];
        list.push(m);
        ambiguous.set(r, list);
      }
      continue;
    }
    if (m.top < firstDataRow || m.left !== m.right) continue;
    const master = rows[top]?.[m.left];
    for (let r = top + 1; r <= bottom; r++) {
      if (!copied.has(r)) {
        rows[r] = rows[r].slice();
        copied.add(r);
      }
      rows[r][m.left] = master;
    }
  }
  return { data: rows, ambiguous };
}

/** A number other than 0 (typed, or as text: １２, 12): a value a score could have counted. */
function nonZeroNumber(cell: Cell): boolean {
  const n = typeof cell === 'number' ? cell : typeof cell === 'string' && cell.trim() !== '' ? Number(normalizeKey(cell).trim()) : Number.NaN;
  return Number.isFinite(n) && n !== 0;
}

/**
 * A row with numbers in columns nothing matched (未识别的列): its score leaves them out, said on that
 * unit's own row — not only once at the header — so no unit's score looks complete when it is not.
 * A blank or 0 cell changes no sum, and text (联络员 王五) is no value a score counts: not named.
 */
function unreadCells(cx: ReadContext, plan: readonly ColumnPlan[], header: readonly Cell[], row: readonly Cell[], sheetRowIndex: number): Finding | null {
  const cols = plan.flatMap((column, c) => (column.unknown && nonZeroNumber(row[c]) ? [c] : []));
  if (cols.length === 0) return null;
  const zh = cols.map((c) => `「${cellText(header[c])}」${cellText(row[c])}`).join('、');
  const en = cols.map((c) => `"${cellText(header[c])}" ${cellText(row[c])}`).join(', ');
  return {
    code: cellText(header[cols[0]]), kind: 'column-read', severity: 'warning', where: where(cx, sheetRowIndex, cols[0]),
    zh: `本行未识别的列${zh}未计入得分：得分可能不完整（请改正表头后重算）`,
    en: `this row's values in columns not recognised (${en}) are not counted: the score may be incomplete (correct the headers and score again)`,
    found: cellText(row[cols[0]]), expected: null,
    clause: '表头', quote: '每列按表头读取；近似或无法识别的表头须说明',
  };
}

function mergedFinding(cx: ReadContext, m: MergedRange, plan: ColumnPlan[]): Finding {
  const items: string[] = [];
  for (let c = m.left; c <= m.right; c++) {
    const column = plan[c];
    if (column?.item) items.push(column.item.code);
    else if (column?.kind === 'extra' && column.label) items.push(column.label);
  }
  const range = `${where(cx, m.top, m.left)}至${where(cx, m.bottom, m.right)}`;
  const rangeEn = `row ${sheetRow(cx, m.top)}, column ${sheetColumn(cx, m.left)} to row ${sheetRow(cx, m.bottom)}, column ${sheetColumn(cx, m.right)}`;
  return {
    code: items[0] ?? '',
    kind: 'merged-cell',
    severity: 'warning',
    zh: `${range}是合并单元格，跨条目 ${items.join('、')}：值只计入左上角的单元格，其余按空白读取；请取消合并，分别填写`,
    en: `${rangeEn} is a merged cell over items ${items.join(', ')}: its value counts in the top-left cell only, the others read as blank; unmerge and fill each cell`,
    clause: '合并单元格 / merged cells',
    quote: '合并后的值只保存在左上角单元格 / a merged range keeps its value in the top-left cell only',
    where: where(cx, m.top, m.left),
  };
}

export { isSumRow } from './read/rows';

function readRowLayout(
  rs: CompiledRuleset,
  header: Cell[],
  parents: ReadonlyArray<string | null> | null,
  rawData: Cell[][],
  firstDataRow: number,
  options: ReadOptions,
  slips: readonly CategorySlip[] = [],
): UnitRecord[] {
  const cx = readContext(options);
  const plan = plannedColumns(rs, header, firstDataRow, rawData, parents, options.entered ?? 'auto', cx);
  if (options.requireItems) requireItemColumns(rs, header, plan);
  const unitCol = plan.findIndex((p) => p.kind === 'unit');
  const { data, ambiguous } = spreadMerges(plan, rawData, firstDataRow, options.merges ?? []);
  const records: UnitRecord[] = [];
  /** Normalised unit name → its row (1-based), to refuse a unit listed twice. */
  const unitRows = new Map<string, number>();
  /** Each unit's finding on numbers in columns not recognised (unreadCells). */
  const unreadRows = new Map<UnitRecord, Finding>();
  data.forEach((row, r) => {
    // One rule for what a row is (read/rows.ts, shared with the numbers-only path): blank rows,
    // 制表人：… lines wherever their cells fall, 乡镇名称：… lines, section headings and 合计 rows are not units.
    const kind = rowKind(row, unitCol);
    if (kind !== 'data' && kind !== 'sum') return;
    if (row.length > plan.length) {
      // A value right of the last header cell (a stray number, a note typed far to the right): named by its cell.
      const beyond = row.findIndex((cell, c) => c >= plan.length && !isEmptyCell(cell));
      if (beyond >= 0) {
        const at = where(cx, firstDataRow + r, beyond);
        const value = cellText(row[beyond]);
        throw layoutError(
          `${at}在表头之外（表头只有 ${plan.length} 列）却有数据「${value}」：请删除它，或给它加上表头`,
          `row ${sheetRow(cx, firstDataRow + r)}, column ${sheetColumn(cx, beyond)} holds "${value}" beyond the header (${plan.length} columns): delete it or give it a header`,
          at,
        );
      }
    }
    const name = unitCol >= 0 ? cellText(row[unitCol]) : '';
    // A line under the table (制表人：… 审核人：…) has no unit and no item data: not a unit.
    const scored = plan.some((column, c) => (column.kind === 'item' || column.kind === 'volume' || column.kind === 'extra' || column.kind === 'points') && !isEmptyCell(row[c]));
    if (unitCol >= 0 && name === '' && !scored) return;
    if (kind === 'sum') return;
    const unit = name || options.unit || (data.length > 1 ? `第${sheetRow(cx, firstDataRow + r)}行` : '');
    if (name !== '') {
      // A unit twice would be scored twice and counted twice in its tier's quota — under one
      // spelling or two (錦江區 for 锦江区, a zero-width space, a bidi mark): one identity, one unit.
      const key = unitKey(rs, name);
      const before = unitRows.get(key);
      if (before !== undefined) {
        // Counted once: the first row stands, the second is reported (and never added to the tier's quota).
        const first = records.find((record) => record.row === before - 1);
        if (first) (first.readFindings ??= []).push(duplicateFinding(rs, first.unit, name, sheetRow(cx, before - 1), sheetRow(cx, firstDataRow + r), where(cx, firstDataRow + r, unitCol)));
        return;
      }
      unitRows.set(key, firstDataRow + r + 1);
    }
    const record = newRecord(rs, unit);
    record.row = firstDataRow + r;
    const merged = ambiguous.get(r);
    if (merged) record.readFindings = merged.map((m) => mergedFinding(cx, m, plan));
    plan.forEach((column, c) => {
      const cell = row[c];
      const at = position(cx, firstDataRow + r, c);
      switch (column.kind) {
        case 'item':
          if (column.item) setValue(cx, record, column.item, cell, at);
          break;
        case 'volume':
          if (column.item) setVolume(cx, record, column.item, cell, at);
          break;
        case 'tier':
          setTier(cx, rs, record, cell, at);
          break;
        case 'criticized':
          setCriticized(cx, record, cell, at, rs.downgrade?.cite);
          break;
        case 'extra':
          addExtra(cx, record, column.label ?? '', cell, at, column.sign ?? 1);
          break;
        case 'points':
          if (column.target) setPoints(cx, record, column.target, column.mode ?? 'points', cell, at);
          break;
        case 'claim':
          // A result column's blank cell is kept: a flag left blank says the threshold was not reached (audit.ts).
          if (column.claim && (!isEmptyCell(cell) || column.claim === 'result')) record.claims.push({ kind: column.claim, cell, at, header: column.label ?? '', ...(column.parts ? { parts: column.parts } : {}) });
          break;
        case 'subtotal':
          auditSubtotal(record, column, row, cell, at);
          break;
        default:
          break;
      }
    });
    const unread = unreadCells(cx, plan, header, row, firstDataRow + r);
    if (unread) unreadRows.set(record, unread);
    records.push(record);
  });
  // How columns were read when it was not plain (near misses, typos, columns not recognised): said once, on the first unit.
  const notes = [...slips.map((slip) => categorySlipNote(slip, where(cx, slip.row, slip.column))), ...plan.flatMap((column) => (column.note ? [column.note] : []))];
  if (notes.length > 0 && records[0]) (records[0].readFindings ??= []).push(...notes);
  // Then, on each unit's own row, the numbers its score leaves out (after the header's note on the first).
  for (const [record, unread] of unreadRows) (record.readFindings ??= []).push(unread);
  // One row given with its header apart (SCORE(B3:K3, …, B$2:K$2)) is a unit even when blank:
  // chengdu2006's blanks give 70, county2013's 100; unscored items are findings (issue 10).
  if (records.length === 0 && asRows(options.headers).length > 0 && rawData.length === 1) {
    const record = newRecord(rs, options.unit ?? '');
    record.row = 0;
    records.push(record);
  }
  if (records.length === 0) throw layoutError('表头下没有数据行', 'there are no data rows under the header');
  return records;
}

function readPairs(rs: CompiledRuleset, table: Cell[][], options: ReadOptions): UnitRecord {
  const cx = readContext(options);
  const record = newRecord(rs, options.unit ?? '');
  const seen = new Set<string>();
  table.forEach((row, r) => {
    if (isBlankRow(row)) return;
    const [keyCell, valueCell] = row;
    const roles = headerRoles(row);
    if (roles[0] === 'code' && roles[1] === 'value') return; // a header row
    const text = cellText(keyCell);
    const special = specialIndex.get(normalizeKey(text));
    const at = position(cx, r, 1);
    if (special === 'unit') {
      record.unit = cellText(valueCell);
      if (record.tier === null) record.tier = rs.unitTier.get(unitIdentity(record.unit)) ?? null;
      checkListedTier(rs, record); // a 圈层 row read before the unit row
      return;
    }
    if (special === 'tier') return setTier(cx, rs, record, valueCell, at);
    if (special === 'criticized') return setCriticized(cx, record, valueCell, at, rs.downgrade?.cite);
    if (special === 'ignore') return;
    const item = findItem(rs, headerCellText(rs, keyCell, where(cx, r, 0), 'code'));
    if (!item) {
      const volume = findVolume(rs, text);
      if (volume) return setVolume(cx, record, volume, valueCell, at);
      if (rs.openItems) return addExtra(cx, record, text, valueCell, at);
      throw layoutError(`第${sheetRow(cx, r)}行「${text}」不是规则集 ${rs.id} 的条目`, `row ${sheetRow(cx, r)}: "${text}" is not an item of ruleset ${rs.id}`, where(cx, r, 0));
    }
    if (seen.has(item.code)) throw layoutError(`条目 ${item.code} 出现了两次`, `item ${item.code} appears twice`, where(cx, r, 0));
    seen.add(item.code);
    setValue(cx, record, item, valueCell, at);
  });
  return record;
}

interface LedgerEvent {
  item: CompiledItem;
  quantity: number;
  matter: string;
  at: Position;
  order: number;
}

function readLedger(rs: CompiledRuleset, table: Cell[][], headerRow: number, options: ReadOptions): UnitRecord[] {
  const cx = readContext(options);
  const roles = headerRoles(table[headerRow]);
  const col = (role: Special): number => roles.indexOf(role);
  const unitCol = col('unit');
  const codeCol = col('code');
  const quantityCol = col('quantity');
  const matterCol = col('matter');
  roles.forEach((role, c) => {
    if (role === undefined && !isEmptyCell(table[headerRow][c]))
      throw layoutError(
        `台账表头「${cellText(table[headerRow][c])}」无法识别：应为 单位、条目、数量、事项`,
        `ledger header "${cellText(table[headerRow][c])}" is not one of unit, code, quantity, matter`,
        where(cx, headerRow, c),
      );
  });
  const spreadable: ColumnPlan[] = roles.map((role) => ({ kind: role === 'unit' || role === 'matter' ? 'unit' : 'item' }));
  const { data: rows, ambiguous } = spreadMerges(spreadable, table.slice(headerRow + 1), headerRow + 1, options.merges ?? []);
  const firstAmbiguous = [...ambiguous.values()][0]?.[0];
  if (firstAmbiguous)
    throw layoutError(
      `台账${where(cx, firstAmbiguous.top, firstAmbiguous.left)}是跨条目或数量的合并单元格：请取消合并，每行分别填写`,
      `ledger cell at row ${sheetRow(cx, firstAmbiguous.top)}, column ${sheetColumn(cx, firstAmbiguous.left)} is merged over codes or quantities: unmerge and fill each row`,
      where(cx, firstAmbiguous.top, firstAmbiguous.left),
    );
  const records = new Map<string, UnitRecord>();
  const events = new Map<UnitRecord, LedgerEvent[]>();
  for (let r = headerRow + 1; r < table.length; r++) {
    const row = rows[r - headerRow - 1];
    if (isBlankRow(row)) continue;
    const unit = (unitCol >= 0 ? cellText(row[unitCol]) : '') || options.unit || '';
    // One unit however its name is written (全角/半角, 繁简, an alias, an invisible character): its
    // rows add up in one record, and a second spelling is said once (never silently merged).
    const key = unitKey(rs, unit);
    let record = records.get(key);
    if (!record) {
      record = newRecord(rs, unit);
      records.set(key, record);
      events.set(record, []);
    } else if (normalizeKey(unit) !== normalizeKey(record.unit) && !(record.readFindings ?? []).some((f) => f.kind === 'duplicate-unit' && f.found === unit)) {
      const note = spellingNote(rs, record.unit, unit);
      (record.readFindings ??= []).push({
        code: 'unit', kind: 'duplicate-unit', severity: 'info', where: where(cx, r, unitCol),
        clause: '台账按单位合计 / a ledger adds up by unit', quote: '同一单位只计一次 / a unit counts once',
        zh: `台账第${sheetRow(cx, r)}行的单位「${visibleName(unit)}」与「${visibleName(record.unit)}」是同一单位${note.zh}：两者的行合并计算`,
        en: `ledger row ${sheetRow(cx, r)}: unit "${visibleName(unit)}" is the same unit as "${visibleName(record.unit)}"${note.en}: their rows add up together`,
        found: unit, expected: record.unit,
      });
    }
    const codeText = headerCellText(rs, row[codeCol], where(cx, r, codeCol), 'code');
    const item = findItem(rs, codeText);
    if (!item) {
      throw layoutError(
        `台账第${sheetRow(cx, r)}行：「${codeText}」不是规则集 ${rs.id} 的条目`,
        `ledger row ${sheetRow(cx, r)}: "${codeText}" is not an item of ruleset ${rs.id}`,
        where(cx, r, codeCol),
      );
    }
    const quantityCell = quantityCol >= 0 ? row[quantityCol] : null;
    const at = position(cx, r, quantityCol >= 0 ? quantityCol : codeCol);
    const quantity = readCell(cx, record, item.code, item.label, quantityCell, at, (cell) => {
      if (!isEmptyCell(cell)) return readItemCell(item, cell);
      if (item.kind === 'judged') throw new CellProblem('评分条目的台账行须填写分数', 'a ledger row of a judged item needs its points');
      return 1;
    }, item.cite);
    if (quantity === undefined) continue;
    const matter = matterCol >= 0 ? cellText(row[matterCol]) : '';
    events.get(record)?.push({ item, quantity, matter, at, order: r });
  }
  for (const [record, list] of events) applyEvents(cx, record, list);
  return [...records.values()];
}

/** Points one occurrence of an item is worth, for choosing the highest level of a matter. */
function occurrenceValue(item: CompiledItem): number {
  return item.kind === 'judged' ? 0 : item.points;
}

function applyEvents(cx: ReadContext, record: UnitRecord, events: LedgerEvent[]): void {
  // 同一事项就高不就低: events of a same-matter group sharing a non-empty matter count once, at
  // the highest-valued item. Chosen by value then code, so row order never matters.
  const byMatter = new Map<string, LedgerEvent[]>();
  const plain: LedgerEvent[] = [];
  for (const event of events) {
    const group = event.item.group;
    if (group?.sameMatter && event.matter !== '') {
      const key = `${group.code}\u0000${event.matter}`;
      const list = byMatter.get(key) ?? [];
      list.push(event);
      byMatter.set(key, list);
    } else plain.push(event);
  }
  for (const list of byMatter.values()) {
    const best = list.reduce((a, b) => {
      const diff = occurrenceValue(b.item) - occurrenceValue(a.item);
      if (diff !== 0) return diff > 0 ? b : a;
      return b.item.code < a.item.code ? b : a;
    });
    if (list.length > 1 || best.quantity !== 1) {
      const group = best.item.group;
      const names = [...new Set(list.map((e) => e.item.code))].join('、');
      if (group) {
        record.notes.push({
          clause: group.cite.clause,
          quote: group.cite.quote,
          zh: `同一事项「${best.matter}」（${names}）就高计一次：${best.item.code}`,
          en: `same matter "${best.matter}" (${names}) counts once, at the highest: ${best.item.code}`,
        });
      }
    }
    plain.push({ ...best, quantity: best.item.kind === 'judged' ? best.quantity : 1 });
  }
  for (const event of plain) {
    const { item } = event;
    const before = entered(record.values[item.index]);
    if (item.kind === 'flag') record.values[item.index] = Math.max(before ?? 0, event.quantity);
    else if (item.kind === 'rank' || item.kind === 'rate' || item.oneEntry) {
      if (before !== undefined) {
        reject(cx, record, item.code, item.label, event.quantity, event.at, new CellProblem('台账中该条目只能出现一次', 'this item may appear only once in a ledger'), item.cite);
        continue;
      }
      record.values[item.index] = event.quantity;
    } else record.values[item.index] = (before ?? 0) + event.quantity;
    record.where[item.index] ??= event.at;
    if (item.kind === 'judged') record.incidents.push({ item, points: event.quantity, where: event.at });
  }
}
