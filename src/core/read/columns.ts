/**
 * The column-roles stage of the reader (issue 18.6: cells → layout → column roles → records): each
 * header cell of the folded header block (read/layout.ts) gets a role — unit, tier, flag, an item's
 * count, a target's points (得分/加分/扣分), a volume, an open item, the office's claim (总分, 名次, 等次,
 * 小计 …), or nothing (序号, 备注, a column not recognised, said at its header cell). Plans are cached
 * per ruleset and header; records are built from them (input.ts).
 */
import { type Cell, CellProblem, cellText, isEmptyCell, readPoints } from '../cells';
import type { CompiledItem, CompiledRuleset } from '../compile';
import type { AssessError } from '../errors';
import { type NearWord, claimOf, headerCellText, interpretHeader, isDescription, stripPointsWords } from '../headers';
import type { Finding } from '../result';
import { type Target, onGrid, splitClause, targetsOf } from '../targets';
import { normalizeKey } from '../text';
import { FROM_A1, type ReadContext, layoutError, sheetColumn, where } from './build';
import { findItem, findVolume, specialRole } from './lookup';
import { looseItem, nearestItem, nearestLoose } from './near';
import { rowKind } from './rows';
import { BASE_POINTS, NOTE_MODES, POINTS_BEFORE_DEDUCTIONS, POINTS_WORDS, SUBTOTAL_WORDS } from './vocabulary';
import type { ClaimKind, EnteredMode, PointsMode } from './records';

export interface ColumnPlan {
  kind: 'unit' | 'tier' | 'criticized' | 'ignore' | 'item' | 'volume' | 'extra' | 'points' | 'claim' | 'subtotal';
  item?: CompiledItem;
  label?: string;
  /** An empty header: the column must hold no data. */
  blank?: boolean;
  /** points: what the column's points stand for, and how they are written. */
  target?: Target;
  mode?: PointsMode;
  claim?: ClaimKind;
  /** extra: −1 for a 扣分 column of an open ruleset (its points subtract). */
  sign?: 1 | -1;
  /** subtotal (小计 of an open ruleset's category): the item columns it adds up, audited per row, never counted. */
  sums?: number[];
  /** claim: a closed ruleset's 小计 (任务得分小计): the codes of the items it adds up. */
  parts?: string[];
  /** A header nothing matched (read as nothing): the table is refused only when no column is an item column. */
  unknown?: boolean;
  /** How the column was read when it was not plain (a near miss, a typo, not recognised): a finding at its header cell. */
  note?: Finding;
  /**
   * item: a clause column read as counts only because its header has no points or count word
   * （三）创新举措): the sheet's 注 line or its values may make it points (sheetModes), so a path that
   * reads the header alone (the numbers-only plan) leaves it to the full reader.
   */
  undecided?: true;
}

/**
 * Column plans by ruleset and header row: SCORE in every row of a sheet passes the same header
 * row, so it is matched once, not once per row.
 */
const planCache = new WeakMap<CompiledRuleset, Map<string, ColumnPlan[]>>();
const PLAN_CACHE_SIZE = 64;

/** Checks a header row against a ruleset (every header an item, a volume or a known column, and at least one item): throws the layout error. */
export function checkHeader(rs: CompiledRuleset, header: Cell[], firstDataRow: number): void {
  requireItemColumns(rs, header, plannedColumns(rs, header, firstDataRow, []));
}

/** Columns that give a unit's items something: counts, volumes, entered points, open items. */
function isItemColumn(column: ColumnPlan): boolean {
  return column.kind === 'item' || column.kind === 'volume' || column.kind === 'points' || column.kind === 'extra';
}

/**
 * A header with no item column (单位, 备注; a range that misses the item columns) would give every
 * unit the blank score from nothing: an error naming the headers found. An open ruleset's lone
 * 得分/总分 column is its score (planned as an item column), so it passes.
 */
export function requireItemColumns(rs: CompiledRuleset, header: Cell[], plan: readonly ColumnPlan[]): void {
  if (plan.some(isItemColumn)) return;
  const found = header.filter((cell) => !isEmptyCell(cell)).map((cell) => `「${cellText(cell)}」`);
  const list = found.length > 0 ? found.join('') : '（无）';
  throw layoutError(
    `没有条目列：表头 ${list} 都不是规则集 ${rs.id} 的条目，无法计分（请把条目列包括在区域内，表头写条目编码或名称）`,
    `no item columns: none of the headers ${found.length > 0 ? found.join(' ') : '(none)'} is an item of ruleset ${rs.id}, so there is nothing to score (include the item columns, headed by item code or label)`,
  );
}

/** Refuses a rows-layout header with no item column (see requireItemColumns); other layouts name their items by construction. */
export function checkItemColumns(rs: CompiledRuleset, header: Cell[], firstDataRow: number, entered: EnteredMode = 'auto'): void {
  requireItemColumns(rs, header, plannedColumns(rs, header, firstDataRow, [], null, entered));
}

export function plannedColumns(
  rs: CompiledRuleset,
  header: Cell[],
  headerRowIndex: number,
  data: Cell[][],
  parents: ReadonlyArray<string | null> | null = null,
  entered: EnteredMode = 'auto',
  cx: ReadContext = FROM_A1,
): ColumnPlan[] {
  // Collision-free: JSON encodes each string injectively; type and number text keep null,
  // undefined, NaN and "NaN" apart.
  const key = JSON.stringify([header.map((cell) => [typeof cell, typeof cell === 'number' ? String(cell) : (cell ?? null)]), parents, entered, cx.row, cx.column]);
  let plans = planCache.get(rs);
  if (!plans) {
    plans = new Map();
    planCache.set(rs, plans);
  }
  let plan = plans.get(key);
  if (!plan) {
    plan = planColumns(cx, rs, header, headerRowIndex, parents, entered);
    if (plans.size >= PLAN_CACHE_SIZE) plans.delete(plans.keys().next().value as string);
    plans.set(key, plan);
  }
  plan.forEach((column, col) => {
    if (column.blank && data.some((row) => !isEmptyCell(row[col]))) {
      throw layoutError(`第${sheetColumn(cx, col)}列有数据但没有表头`, `column ${sheetColumn(cx, col)} has data but no header`, where(cx, headerRowIndex - 1 < 0 ? 0 : headerRowIndex - 1, col));
    }
  });
  return sheetModes(rs, plan, header, parents, data, headerRowIndex, cx);
}

/** A cell's value as points (micros) when it is a number that no count can be: a fraction ≥ 0 (1.5), else null. */
function fraction(cell: Cell): number | null {
  if (isEmptyCell(cell) || typeof cell === 'boolean') return null;
  try {
    const micros = readPoints(cell);
    return micros > 0 && micros % 1_000_000 !== 0 ? micros : null;
  } catch (problem) {
    if (problem instanceof CellProblem) return null;
    throw problem;
  }
}

/**
 * The rule for a clause column whose header has no points or count word (（三）创新举措 under
 * 加分项目, or alone): read as counts (the template's way) unless the sheet says otherwise — and
 * what decides is always said, at the column's header (info):
 *  1. a 注 line under the table: 「填写实得分」 (NOTE_MODES.points) makes every such column points,
 *     「填写次数」 keeps them counts; a sheet whose notes say both decides nothing by its notes;
 *  2. else the values: a fraction in the column that is on the item's points grid (9.3 = 1.5, three
 *     measures at 0.5) is no count, so the column is points — and the other such columns under the
 *     same category (with one header row: of the same role, 加分 or 扣分) follow it.
 * Otherwise counts: a fraction off the grid (9.3 = 1.3) stays an invalid count, with the hint.
 * An item's code or full label stays its count column whatever the values (the template, R1).
 */
function sheetModes(
  rs: CompiledRuleset,
  plan: ColumnPlan[],
  header: Cell[],
  parents: ReadonlyArray<string | null> | null,
  data: Cell[][],
  firstDataRow: number,
  cx: ReadContext,
): ColumnPlan[] {
  const open = plan.flatMap((column, col) => (column.undecided && column.item ? [col] : []));
  if (open.length === 0) return plan;
  const unitCol = plan.findIndex((column) => column.kind === 'unit');
  let said: 'points' | 'counts' | null = null;
  let line = '';
  let mixed = false;
  for (const row of data) {
    if (rowKind(row, unitCol) !== 'note') continue;
    const text = row.filter((cell) => !isEmptyCell(cell)).map((cell) => cellText(cell)).join(' ');
    const key = normalizeKey(text).replace(/\s+/g, '');
    const points = NOTE_MODES.points.test(key);
    const counts = NOTE_MODES.counts.test(key);
    if (points === counts) {
      if (points) mixed = true;
      continue;
    }
    const mode = points ? 'points' : 'counts';
    if (said !== null && said !== mode) mixed = true;
    said = mode;
    // Quoted: the sentence that says it (注：加分、减分按…填写实得分), not the whole line.
    const pattern = NOTE_MODES[mode];
    line = text.split(/[；;。]/).find((part) => pattern.test(normalizeKey(part).replace(/\s+/g, ''))) ?? text;
  }
  if (mixed) said = null;
  if (said === 'counts') return plan;
  const headerAt = (col: number) => where(cx, firstDataRow - 1 < 0 ? 0 : firstDataRow - 1, col);
  const out = plan.slice();
  const asPoints = (col: number, zh: string, en: string): void => {
    const item = plan[col].item;
    const target = item ? targetsOf(rs).byItem.get(item) : undefined;
    if (!item || !target) return;
    const text = cellText(header[col]);
    const at = headerAt(col);
    const enAt = at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2');
    out[col] = { kind: 'points', target, mode: 'points', label: text, note: columnNote(item.code, at, 'info', `${at}「${text}」${zh}`, `${enAt} "${text}" ${en}`, text, '分数') };
  };
  if (said === 'points') {
    for (const col of open) {
      const code = plan[col].item?.code ?? '';
      asPoints(col, `按表下注「${line}」读作 ${code} 的分数（实得分），不是次数`, `is read as ${code} points, not counts, as the note under the table says ("${line}")`);
    }
    return out;
  }
  // The values: the first fraction on its item's points grid, per column.
  const evidence = new Map<number, { value: string; at: string }>();
  for (const col of open) {
    const item = plan[col].item;
    const grid = item && (item.kind === 'count' || item.kind === 'deduct') ? targetsOf(rs).byItem.get(item)?.grid : null;
    if (!grid) continue;
    for (let r = 0; r < data.length; r++) {
      const micros = fraction(data[r][col]);
      if (micros === null || !onGrid(grid, micros) || rowKind(data[r], unitCol) !== 'data') continue;
      evidence.set(col, { value: cellText(data[r][col]), at: where(cx, firstDataRow + r, col) });
      break;
    }
  }
  if (evidence.size === 0) return plan;
  const category = (col: number): string => parents?.[col] ?? `\u0000${plan[col].item?.role ?? ''}`;
  for (const col of open) {
    const item = plan[col].item;
    if (!item) continue;
    const own = evidence.get(col);
    const step = targetsOf(rs).byItem.get(item)?.grid?.step ?? 0;
    if (own) {
      asPoints(
        col,
        `读作 ${item.code} 的分数：${own.at}的 ${own.value} 不是整数，不能是次数，而是每次 ${step / 1e6} 分的分数`,
        `is read as ${item.code} points: ${own.value} at ${own.at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')} is no whole count but points in steps of ${step / 1e6}`,
      );
      continue;
    }
    const lead = [...evidence.keys()].find((other) => category(other) === category(col));
    if (lead === undefined) continue;
    const leadText = cellText(header[lead]);
    asPoints(col, `与同类的「${leadText}」列一样读作 ${item.code} 的分数（该列填的是分数）`, `is read as ${item.code} points like its sibling column "${leadText}" (which holds points)`);
  }
  return out;
}

/** A finding about how a column was read, at its header cell (kind column-read). */
function columnNote(code: string, at: string, severity: 'warning' | 'info', zh: string, en: string, found: string, expected: string | null): Finding {
  return {
    code, kind: 'column-read', severity, where: at, zh, en, found, expected,
    clause: '表头', quote: '每列按表头读取；近似或无法识别的表头须说明',
  };
}

/** A claim or role header read with its points word one character off (绩效考评加份 as 绩效考评加分): a warning at the header. */
function nearWordNote(text: string, near: NearWord, at: string): Finding {
  return columnNote(
    text, at, 'warning',
    `${at}表头「${text}」中的「${near.written}」按「${near.meant}」读取：该列作为单位自报的结果核对；如不对请改正表头`,
    `${at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')}: "${near.written}" in header "${text}" is read as "${near.meant}": the column is checked as the office's own result; correct the header if not`,
    text, text.replace(near.written, near.meant),
  );
}

/** A category header one character off its word (加份项目 read as 加分项目): a warning at the category's own cell. */
export function categorySlipNote(slip: { written: string; meant: string }, at: string): Finding {
  return columnNote(
    slip.written, at, 'warning',
    `${at}表头「${slip.written}」按「${slip.meant}」读取（其下各列按该类别读取）；如不对请改正表头`,
    `${at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')}: header "${slip.written}" is read as "${slip.meant}" (the columns under it as that category); correct the header if not`,
    slip.written, slip.meant,
  );
}

/** The error for a header nothing matches, raised only when no column of the table is an item column. */
function unknownHeader(rs: CompiledRuleset, text: string, at: string): AssessError {
  return layoutError(
    `表头「${text}」不是规则集 ${rs.id} 的条目编码或名称（${at}）`,
    `header "${text}" is not an item code or label of ruleset ${rs.id} (${at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')})`,
    at,
  );
}

/** 小计 / 小計 / 分项小计: a category's subtotal column (an open ruleset audits it against its items). */
function isSubtotal(text: string): boolean {
  const key = normalizeKey(text).replace(/\s+/g, '');
  return SUBTOTAL_WORDS.some((word) => key.endsWith(normalizeKey(word))) && claimOf(text) === undefined;
}

function planColumn(rs: CompiledRuleset, text: string, parent: string | null, entered: EnteredMode, at: string): ColumnPlan {
  if (parent === null) {
    const special = specialRole(text);
    if (special) return { kind: special };
    if (isDescription(text)) return { kind: 'ignore' };
  }
  // 基本分 / 基础分: the office's base points, audited against the ruleset's base (chengdu2006 第八條(一) 70) — never an item.
  if (BASE_POINTS.some((word) => normalizeKey(word) === normalizeKey(text).replace(/\s+/g, ''))) {
    const base = rs.items.filter((item) => item.isInput && item.role === 'score' && item.kind === 'flag' && item.empty.kind === 'value' && item.empty.value === 1).map((item) => item.code);
    if (base.length > 0) return { kind: 'claim', claim: 'score', label: text, parts: base };
  }
  // 计分合计 (govinfo): the office's sum of all points before deductions, audited against every item that is not a deduction.
  if (!rs.openItems && POINTS_BEFORE_DEDUCTIONS.some((word) => normalizeKey(word) === normalizeKey(text).replace(/\s+/g, ''))) {
    const parts = rs.scoredItems.filter((item) => item.role !== 'deduction').map((item) => item.code);
    if (parts.length > 0) return { kind: 'claim', claim: 'score', label: text, parts };
  }
  // 服务体系建设(20分): the item with its 分值 in brackets — matched without them, the points checked against the regulation's.
  const withPoints = /^(.+?)\s*\(\s*(\d+(?:\.\d+)?)\s*分\s*\)$/.exec(normalizeKey(text));
  if (withPoints && !isSubtotal(text)) {
    let plan = planColumn(rs, withPoints[1], parent, entered, at);
    const written = Number(withPoints[2]);
    if (plan.unknown) {
      // A short name inside one item's label, with that item's 分值 (服务体系建设(20分) is T1, 推进政务服务体系建设… 20 分).
      const short = withPoints[1].replace(/\s+/g, '');
      const fits = rs.items.filter((i) => i.isInput && normalizeKey(i.label).replace(/\s+/g, '').includes(short) && targetsOf(rs).byItem.get(i)?.full === Math.round(written * 1e6));
      if (short.length >= 2 && fits.length === 1) {
        const item = fits[0];
        plan = {
          kind: 'item', item,
          note: columnNote(item.code, at, 'info', `${at}表头「${text}」按名称和分值读作 ${item.code}（${item.label}，${written} 分）`, `${at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')}: header "${text}" is read by its name and points as ${item.code} (${written} points)`, text, item.label),
        };
      }
    }
    const item = plan.item ?? plan.target?.item ?? null;
    const target = item ? targetsOf(rs).byItem.get(item) : plan.target;
    const full = target?.full ?? target?.limit ?? null;
    if (full !== null && full !== undefined && Math.round(written * 1e6) !== full && !plan.note) {
      plan.note = columnNote(target?.code ?? text, at, 'warning', `${at}表头「${text}」写 ${written} 分，细则中 ${target?.code} 为 ${full / 1e6} 分`, `${at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')}: header "${text}" says ${written} points; the regulation gives ${target?.code} ${full / 1e6}`, String(written), String(full / 1e6));
    }
    return plan;
  }
  if (isSubtotal(text)) {
    if (rs.openItems) return { kind: 'subtotal', label: text };
    return {
      kind: 'ignore', label: text,
      note: columnNote(text, at, 'info', `${at}「${text}」是小计列：不作为条目计入`, `${at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')} "${text}" is a subtotal: not counted as an item`, text, null),
    };
  }
  const meaning = interpretHeader(rs, text, parent, entered);
  switch (meaning.kind) {
    case 'count':
      return { kind: 'item', item: meaning.item };
    case 'target': {
      const plan: ColumnPlan = meaning.mode === 'count' && meaning.target.item ? { kind: 'item', item: meaning.target.item } : { kind: 'points', target: meaning.target, mode: meaning.mode === 'deducted' ? 'deducted' : 'points', label: text };
      if (meaning.undecided && plan.kind === 'item' && plan.item?.kind !== 'judged' && entered === 'auto') plan.undecided = true;
      if (meaning.near) {
        const how = plan.kind === 'points' ? (plan.mode === 'deducted' ? '扣分' : '分数') : '次数';
        plan.note = columnNote(
          meaning.target.code, at, 'warning',
          `${at}表头「${text}」中的「${meaning.near.written}」按「${meaning.near.meant}」读取：该列作为 ${meaning.target.code} 的${how}计入；如不对请改正表头`,
          `${at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')}: "${meaning.near.written}" in header "${text}" is read as "${meaning.near.meant}": the column counts as ${meaning.target.code} ${plan.kind === 'points' ? 'points' : 'counts'}; correct the header if not`,
          text, meaning.near.meant,
        );
      }
      return plan;
    }
    case 'claim':
      return { kind: 'claim', claim: meaning.claim, label: text, ...(meaning.near ? { note: nearWordNote(text, meaning.near, at) } : {}) };
    case 'role':
      return { kind: 'claim', claim: meaning.role, label: text, sign: meaning.role === 'deduction' ? -1 : 1, mode: meaning.role === 'deduction' ? 'deducted' : 'points', ...(meaning.near ? { note: nearWordNote(text, meaning.near, at) } : {}) };
    case 'special':
      return { kind: meaning.special };
    case 'unknown':
      break;
  }
  const volume = findVolume(rs, text);
  if (volume) return { kind: 'volume', item: volume };
  if (rs.openItems) return { kind: 'extra', label: text, sign: POINTS_WORDS.deducted.some((word) => normalizeKey(text).includes(normalizeKey(word))) ? -1 : 1 };
  const enAt = at.replace(/第(\d+)行第(\d+)列/, 'row $1, column $2');
  // An item's label or alias the way offices shorten it (《政务》采用单条信息（次） for 被《政务》采用单条信息): that item, said as a note.
  const loose = stripPointsWords(text).word === null ? looseItem(rs, text) : null;
  if (loose) {
    return {
      kind: 'item', item: loose,
      note: columnNote(
        loose.code, at, 'info',
        `${at}表头「${text}」按名称读作 ${loose.code}（${loose.label}）：略去标点、计数单位、「被」「采用」后相同`,
        `${enAt}: header "${text}" is read as ${loose.code} (${loose.labelEn ?? loose.label}): the same label once punctuation, the count unit, 被 and 采用 are left out`,
        text, loose.label,
      ),
    };
  }
  // A near miss of one item's label (率先推出创新型… for 创新性…): read as that item, and said (the pane's proposal, the same measure).
  const near = nearestItem(rs, text) ?? (stripPointsWords(text).word === null ? nearestLoose(rs, text) : null);
  if (near) {
    const { item, similarity } = near;
    // A short label inside the item's own (区领导批示 in 被区领导批示): an abbreviation, a note; a changed character: a warning.
    const abbreviation = normalizeKey(item.label).replace(/\s+/g, '').includes(normalizeKey(text).replace(/\s+/g, ''));
    return {
      kind: 'item', item,
      note: columnNote(
        item.code, at, abbreviation ? 'info' : 'warning',
        `${at}表头「${text}」不是条目名称，按近似名称读作 ${item.code}（${item.label}，相似度 ${Math.round(similarity * 100)}%）；如不对请改正表头`,
        `${enAt}: header "${text}" is no item's label; read as the near match ${item.code} (${item.labelEn ?? item.label}, ${Math.round(similarity * 100)}% similar); correct the header if not`,
        text, item.label,
      ),
    };
  }
  return {
    kind: 'ignore', label: text, unknown: true,
    note: columnNote(text, at, 'warning', `${at}表头「${text}」未识别的列，未计入（不是规则集 ${rs.id} 的条目编码或名称）`, `${enAt}: header "${text}" is not recognised (no item code or label of ruleset ${rs.id}); the column is not counted`, text, null),
  };
}

/** Items each plan gives a value to (for "two columns give the same item"). */
function coveredItems(plan: ColumnPlan): CompiledItem[] {
  if (plan.kind === 'item' && plan.item) return [plan.item];
  if (plan.kind === 'points' && plan.target) return plan.target.items;
  return [];
}

function planColumns(cx: ReadContext, rs: CompiledRuleset, header: Cell[], headerRowIndex: number, parents: ReadonlyArray<string | null> | null, entered: EnteredMode): ColumnPlan[] {
  const seen = new Map<string, number>();
  const atOf = (col: number) => where(cx, headerRowIndex - 1 < 0 ? 0 : headerRowIndex - 1, col);
  const plans = header.map((cell, col): ColumnPlan => (isEmptyCell(cell) ? { kind: 'ignore', blank: true } : planColumn(rs, headerCellText(rs, cell, atOf(col)), parents?.[col] ?? null, entered, atOf(col))));
  // A bare 加分 / 扣分: the unit's whole bonus (deductions) when no column gives a part of it, else the office's subtotal.
  const index = targetsOf(rs);
  plans.forEach((plan, col) => {
    if (plan.kind !== 'claim' || plan.sign === undefined) return;
    const role = plan.claim === 'deduction' ? 'deduction' : 'bonus';
    if (rs.openItems) {
      plans[col] = { kind: 'extra', label: plan.label, sign: plan.sign };
      return;
    }
    const other = plans.some((p) => (p.kind === 'item' && p.item?.role === role) || (p.kind === 'points' && p.target?.role === role));
    const whole = index.byRole.get(role);
    if (!other && whole) plans[col] = { kind: 'points', target: whole, mode: plan.mode ?? 'points', label: plan.label };
    else if (!whole && role === 'bonus' && rs.levels.some((level) => level.points !== undefined)) plans[col] = { kind: 'claim', claim: 'result', label: plan.label };
    else plans[col] = { kind: 'claim', claim: role, label: plan.label };
  });
  // 小计 of an open ruleset: the item columns since the last 小计 (under the same category header when there are two rows).
  let from = 0;
  plans.forEach((plan, col) => {
    if (plan.kind !== 'subtotal') return;
    const sums: number[] = [];
    for (let c = from; c < col; c++) if (plans[c].kind === 'extra' && (parents === null || (parents[c] ?? null) === (parents[col] ?? null))) sums.push(c);
    plan.sums = sums;
    from = col + 1;
  });
  byPlace(rs, plans, header, atOf);
  // 小计 of a closed ruleset (任务得分小计 after T1…T8): the run of items written as points right before it,
  // audited against their points as the regulation gives them (audit.ts); over counts it is left alone.
  if (!rs.openItems) {
    plans.forEach((plan, col) => {
      if (plan.kind !== 'ignore' || plan.label === undefined || !isSubtotal(plan.label)) return;
      const parts: string[] = [];
      for (let c = col - 1; c >= 0; c--) {
        const p = plans[c];
        const item = p.kind === 'item' && p.item?.kind === 'judged' ? p.item : p.kind === 'points' && p.target?.level === 'item' ? p.target.item : null;
        if (!item) break;
        parts.unshift(item.code);
      }
      if (parts.length >= 2) plans[col] = { kind: 'claim', claim: 'score', label: plan.label, parts };
    });
  }
  // Nothing matched and no item column: the table is not this ruleset's (refused, naming the first header).
  const unknown = plans.findIndex((plan) => plan.unknown);
  if (unknown >= 0 && !plans.some(isItemColumn)) throw unknownHeader(rs, cellText(header[unknown]), atOf(unknown));
  if (unknown >= 0) {
    // The office's totals, ranks and levels may count a column left out: not audited against the columns read (no false alarm on every row), and said.
    const left = plans.flatMap((plan, col) => (plan.unknown ? [`「${cellText(header[col])}」`] : [])).join('');
    plans.forEach((plan, col) => {
      if (plan.kind !== 'claim') return;
      const text = cellText(header[col]);
      plans[col] = {
        kind: 'ignore', label: text,
        note: columnNote(text, atOf(col), 'info', `${atOf(col)}「${text}」未核对：表中有未识别的列${left}，其值可能计入了此列`, `${atOf(col).replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')} "${text}" is not checked: the sheet has columns not recognised, which it may include`, text, null),
      };
    });
  }
  siblingModes(plans, header.map((cell) => (isEmptyCell(cell) ? '' : cellText(cell))), atOf);
  // An open ruleset's lone 总分 / 得分 column is the score itself.
  if (rs.openItems && !plans.some((p) => p.kind === 'extra')) {
    const score = plans.findIndex((p) => p.kind === 'claim' && p.claim === 'score');
    if (score >= 0) plans[score] = { kind: 'extra', label: plans[score].label, sign: 1 };
  }
  const owner = new Map<CompiledItem, number>();
  plans.forEach((plan, col) => {
    const cell = header[col];
    const text = isEmptyCell(cell) ? '' : cellText(cell);
    const key = normalizeKey(text);
    const target = plan.item ? `${plan.kind}:${plan.item.code}` : plan.target ? `points:${plan.target.code}` : plan.kind === 'extra' ? `extra:${key}` : plan.kind === 'claim' || plan.kind === 'subtotal' ? `${plan.kind}:${col}` : plan.kind;
    if (plan.kind !== 'ignore') {
      const before = seen.get(target);
      if (before !== undefined) {
        // Excel stores a typed 3.10 as the number 3.1: two "3.1" columns usually mean that.
        const numeric = typeof cell === 'number' && plan.item && findItem(rs, `${text}0`) ? `（Excel 把 ${text}0 存成了数字 ${text}：请把表头单元格设为文本）` : '';
        throw layoutError(`第${sheetColumn(cx, before)}列和第${sheetColumn(cx, col)}列是同一个条目「${text}」${numeric}`, `columns ${sheetColumn(cx, before)} and ${sheetColumn(cx, col)} are the same item "${text}"${numeric ? ` (Excel stored ${text}0 as the number ${text}: format the header cells as text)` : ''}`, atOf(col));
      }
      seen.set(target, col);
    }
    for (const item of coveredItems(plan)) {
      const before = owner.get(item);
      if (before !== undefined && before !== col)
        throw layoutError(`第${sheetColumn(cx, before)}列和第${sheetColumn(cx, col)}列都给出了条目 ${item.code} 的分数：请只保留一列`, `columns ${sheetColumn(cx, before)} and ${sheetColumn(cx, col)} both give item ${item.code}: keep one of them`, atOf(col));
      owner.set(item, col);
    }
  });
  return plans;
}

/**
 * Columns nothing matched between two item columns, as many as the items the regulation has
 * between those two (审批软件和视频监控 between T3 and T5 is T4): read as those items by their place
 * in the regulation's order, each with a note at its header. Otherwise they stay not recognised.
 */
function byPlace(rs: CompiledRuleset, plans: ColumnPlan[], header: Cell[], atOf: (col: number) => string): void {
  const order = new Map(rs.scoredItems.map((item, k) => [item, k]));
  const used = new Set(plans.flatMap((plan) => (plan.item ? [plan.item] : [])));
  const orderOf = (col: number): number | undefined => {
    const plan = plans[col];
    return plan?.kind === 'item' && plan.item ? order.get(plan.item) : undefined;
  };
  for (let c = 1; c < plans.length; c++) {
    if (!plans[c].unknown) continue;
    let end = c;
    while (end + 1 < plans.length && plans[end + 1].unknown) end++;
    const before = orderOf(c - 1);
    const after = orderOf(end + 1);
    const count = end - c + 1;
    if (before !== undefined && after !== undefined && after - before - 1 === count) {
      const items = rs.scoredItems.slice(before + 1, after);
      if (items.every((item) => item.isInput && !used.has(item))) {
        items.forEach((item, k) => {
          const col = c + k;
          const text = cellText(header[col]);
          plans[col] = {
            kind: 'item', item,
            note: columnNote(item.code, atOf(col), 'info', `${atOf(col)}表头「${text}」按位置读作 ${item.code}（${item.label}）：在 ${rs.scoredItems[before].code} 与 ${rs.scoredItems[after].code} 之间`, `${atOf(col).replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')}: header "${text}" is read by its place as ${item.code}, between ${rs.scoredItems[before].code} and ${rs.scoredItems[after].code}`, text, item.label),
          };
        });
      }
    }
    c = end;
  }
}

/**
 * A column read in another mode than its siblings (one 第十条 column as counts among 第十条 扣分
 * columns read as points): said at its header, so a slip in one header never silently changes
 * what the column means.
 */
function siblingModes(plans: ColumnPlan[], texts: readonly string[], atOf: (col: number) => string): void {
  // Siblings: columns headed by a clause (第十条（一）扣分, 第十条（二）); a plain code or label column may count beside points columns.
  const clauseHeaded = (col: number): boolean => splitClause(texts[col] ?? '') !== null;
  for (const role of ['bonus', 'deduction'] as const) {
    const points: number[] = [];
    const counts: number[] = [];
    plans.forEach((plan, col) => {
      if (!clauseHeaded(col)) return;
      if (plan.kind === 'points' && plan.target?.role === role && plan.target.level !== 'role') points.push(col);
      else if (plan.kind === 'item' && plan.item?.role === role && plan.item.kind !== 'judged') counts.push(col);
    });
    const [odd, many, how, other] = counts.length === 1 && points.length >= 2 ? [counts[0], points, '次数', '分数'] : points.length === 1 && counts.length >= 2 ? [points[0], counts, '分数', '次数'] : [-1, [], '', ''];
    if (odd < 0 || plans[odd].note) continue;
    const plan = plans[odd];
    const code = plan.item?.code ?? plan.target?.code ?? '';
    plans[odd] = {
      ...plan,
      note: columnNote(
        code, atOf(odd), 'warning',
        `${atOf(odd)}的列按${how}读取（${code}），而同类的 ${many.length} 列按${other}读取：请核对表头是否写对（加“扣分”“加分”即按分数读取）`,
        `${atOf(odd).replace(/第(\d+)行第(\d+)列/, 'row $1, column $2')} is read as ${how === '次数' ? 'counts' : 'points'} (${code}) while ${many.length} columns like it are read as ${other === '次数' ? 'counts' : 'points'}: check its header`,
        '', null,
      ),
    };
  }
}
