/**
 * A workbook of several sheets: one 评分表 per unit (named by its sheet or a 单位：… line) is one
 * batch, and a 汇总 sheet beside them (单位 · 总分 · 名次 · 等级 · 加分 · 通报批评) gives the
 * office's claims and the units' attributes, which are audited against the forms. Any other
 * workbook is read from its first sheet, as before.
 */
import { type Cell, cellText, isEmptyCell } from './cells';
import { AssessError } from './errors';
import type { CompiledRuleset } from './compile';
import { type MergedRange, type ReadOptions, type UnitRecord, detectLayout, headerRowIndex, position, positionText, readUnits, spellingNote, unitKey } from './input';
import { FROM_A1 } from './read/build';
import type { Finding } from './result';
import { normalizeKey, unitIdentity, visibleName } from './text';

export interface SheetInput {
  name: string;
  table: Cell[][];
  merges?: readonly MergedRange[];
}

function hasData(table: Cell[][]): boolean {
  return table.some((row) => row.some((cell) => cell !== null && cell !== undefined && !(typeof cell === 'string' && cell.trim() === '')));
}

/** Whether a sheet may be one of a workbook of forms: a 评分表 itself, or a table of units without item values (a 汇总). */
export function mayBeWorkbookOfForms(rs: CompiledRuleset, sheet: SheetInput): boolean {
  try {
    if (detectLayout(rs, sheet.table) === 'forms') return true;
    const records = readUnits(rs, sheet.table, { merges: sheet.merges ?? [] });
    return records.every((r) => r.entered.length === 0 && r.extras.length === 0 && r.values.every((value) => value !== value));
  } catch {
    return false;
  }
}

/** Records of a workbook, and the names of the sheets read. */
export function readSheets(rs: CompiledRuleset, sheets: readonly SheetInput[], options: ReadOptions = {}): { records: UnitRecord[]; read: string[] } {
  const filled = sheets.filter((sheet) => hasData(sheet.table));
  const forms = options.layout === undefined || options.layout === 'forms' ? filled.filter((sheet) => detectLayout(rs, sheet.table) === 'forms') : [];
  if (forms.length < 2 && filled.length > 1) return readSheetsOfOneShape(rs, filled, options);
  if (forms.length < 2) {
    const first = filled[0] ?? sheets[0];
    const records = readUnits(rs, first?.table ?? [], { ...options, merges: first?.merges ?? [] });
    for (const record of records) record.sheet ??= first?.name;
    return { records, read: first ? [first.name] : [] };
  }
  const records: UnitRecord[] = [];
  const byName = new Map<string, UnitRecord>();
  for (const sheet of forms) {
    for (const record of readUnits(rs, sheet.table, { ...options, merges: sheet.merges ?? [], layout: 'forms', unit: sheet.name })) {
      record.sheet = sheet.name;
      // A cell named in a finding (an entered value off its limit, a row matched by position) is on this form.
      for (const finding of record.readFindings ?? []) finding.sheet ??= sheet.name;
      // One unit however its name is written (錦江區 / 锦江区, an invisible character): one form counts.
      const key = unitKey(rs, record.unit);
      const before = byName.get(key);
      if (before) {
        const note = spellingNote(rs, before.unit, record.unit);
        const finding: Finding = {
          code: 'unit', kind: 'duplicate-unit', severity: 'warning', clause: '每个单位一份评分表 / one form per unit', quote: '同一单位只计一次 / a unit counts once',
          zh: `单位「${visibleName(before.unit)}」有两份评分表：「${visibleName(before.sheet ?? '')}」和「${visibleName(sheet.name)}」${note.zh}；只计「${visibleName(before.sheet ?? '')}」`,
          en: `unit "${visibleName(before.unit)}" has two forms: "${visibleName(before.sheet ?? '')}" and "${visibleName(sheet.name)}"${note.en}; only "${visibleName(before.sheet ?? '')}" counts`,
          sheet: sheet.name, found: record.unit, expected: '',
        };
        (before.readFindings ??= []).push(finding);
        continue;
      }
      byName.set(key, record);
      records.push(record);
    }
  }
  const read = forms.map((sheet) => sheet.name);
  const unread: Finding[] = [];
  // A summary sheet: units as rows with the office's results (and 通报批评), no item values.
  for (const sheet of filled) {
    if (forms.includes(sheet)) continue;
    let summary: UnitRecord[];
    try {
      summary = readUnits(rs, sheet.table, { merges: sheet.merges ?? [], layout: 'rows' });
    } catch (error) {
      unread.push(unreadFinding(sheet, error instanceof AssessError ? error : null, forms[0]?.name ?? '')); // a 说明 sheet: said, not read
      continue;
    }
    if (summary.some((row) => row.entered.length > 0 || row.values.some((value) => value === value))) {
      unread.push(unreadFinding(sheet, null, forms[0]?.name ?? ''));
      continue;
    }
    read.push(sheet.name);
    for (const row of summary) {
      const record = byName.get(unitKey(rs, row.unit));
      if (!record) {
        // A 汇总 row whose unit has no form (石桥乡 for 石桥镇): its results cannot be checked — said, not skipped.
        const r = row.row ?? 0;
        const col = (sheet.table[r] ?? []).findIndex((cell) => typeof cell === 'string' && unitIdentity(cell) === unitIdentity(row.unit));
        const finding: Finding = {
          code: 'unit', kind: 'claim', severity: 'warning', clause: '每个单位一份评分表 / one form per unit', quote: '汇总表的单位应有其评分表 / each unit on the summary has its form',
          zh: `「${sheet.name}」第${r + 1}行的单位「${row.unit}」没有对应的评分表：其总分、名次、等级无法核对（评分表有：${forms.map((f) => f.name).join('、')}）`,
          en: `unit "${row.unit}" on row ${r + 1} of "${sheet.name}" has no form: its total, rank and level cannot be checked`,
          sheet: sheet.name, where: positionText(position(FROM_A1, r, Math.max(col, 0))), found: row.unit, expected: null,
        };
        if (records[0]) (records[0].readFindings ??= []).push(finding);
        continue;
      }
      for (const claim of row.claims) record.claims.push({ ...claim, sheet: sheet.name });
      if (row.criticized) record.criticized = true;
      // A 汇总 圈层 that contradicts the ruleset's list is said at its cell (the reader's finding).
      // So is how a 汇总 column was read when it was not plain (绩效考评加份 read as 绩效考评加分).
      for (const finding of row.readFindings ?? []) if (finding.kind === 'tier-differs' || finding.kind === 'column-read') (record.readFindings ??= []).push({ ...finding, sheet: sheet.name });
      if (row.tier !== null && record.tier === null) record.tier = row.tier;
      else if (row.tier !== null && row.tier !== record.tier && row.tierAt !== undefined) {
        // A unit the ruleset does not place, given one 圈层 on its form and another on the 汇总: the form's is used, and said.
        const label = (code: string | null): string => rs.tiers.find((t) => t.code === code)?.label ?? code ?? '';
        const cite = rs.levelScopeCite ?? { clause: rs.spec.clause, quote: rs.spec.quote };
        (record.readFindings ??= []).push({
          code: '圈层', kind: 'tier-differs', severity: 'warning', clause: cite.clause, quote: cite.quote, sheet: sheet.name, where: positionText(row.tierAt),
          zh: `单位「${visibleName(record.unit)}」在「${sheet.name}」的圈层为${label(row.tier)}，其评分表为${label(record.tier)}：按评分表`,
          en: `unit ${visibleName(record.unit)} is in ${label(row.tier)} on "${sheet.name}" but ${label(record.tier)} on its form: the form's tier is used`,
          found: row.tierText ?? label(row.tier), expected: label(record.tier),
        });
      }
    }
  }
  if (records[0] && unread.length > 0) (records[0].readFindings ??= []).push(...unread);
  return { records, read };
}

/**
 * The other sheets of a workbook could not be read (one is over a limit, damaged): only the first
 * sheet is scored, and that is said in the result with the reason, never only on stderr.
 */
export function otherSheetsNotRead(first: string, reason: { zh: string; en: string }): Finding {
  return {
    code: '', kind: 'sheet-unread', severity: 'warning', sheet: first,
    clause: '工作簿的工作表', quote: '同一样式的工作表一并读取，未读取的须说明',
    zh: `只读取了工作表「${visibleName(first)}」：其他工作表无法读取（${reason.zh}）；其中的单位未计入（可用 --sheet 逐个读取）`,
    en: `only sheet "${visibleName(first)}" was read: the other sheets could not be (${reason.en}); their units are not counted (--sheet reads one at a time)`,
    found: first, expected: null,
  };
}

/** Whether a sheet holds any number (a sheet of text alone — 说明 — is a note, not data left out). */
function hasNumbers(table: Cell[][]): boolean {
  return table.some((row) => row.some((cell) => typeof cell === 'number' || (typeof cell === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(cell))));
}

/** A sheet of the workbook not read: a finding in the result (the text, the JSON, the scorecard's 问题 sheet), never only on stderr. */
function unreadFinding(sheet: SheetInput, error: AssessError | null, shape: string): Finding {
  const data = hasNumbers(sheet.table);
  const why = error ? `：${error.zh}` : shape !== '' ? `：表的样式与「${shape}」不同` : '';
  const whyEn = error ? `: ${error.en}` : shape !== '' ? `: its table is not shaped like "${shape}"` : '';
  return {
    code: '', kind: 'sheet-unread', severity: data ? 'warning' : 'info', sheet: sheet.name,
    clause: '工作簿的工作表', quote: '同一样式的工作表一并读取，未读取的须说明',
    zh: `工作表「${visibleName(sheet.name)}」未读取${why}${data ? '；其中的数据未计入' : ''}（可用 --sheet 单独读取）`,
    en: `sheet "${visibleName(sheet.name)}" was not read${whyEn}${data ? '; its data is not counted' : ''} (--sheet reads it alone)`,
    found: sheet.name, expected: null,
  };
}

/** The header row's texts, as a sheet's shape: sheets of one shape (per 圈层, per period) are one batch. */
function shapeKey(table: Cell[][]): string {
  const row = headerRowIndex(table);
  const texts = (r: number) => (table[r] ?? []).map((cell) => (isEmptyCell(cell) ? '' : normalizeKey(cellText(cell)).replace(/\s+/g, '')));
  const header = texts(row);
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  return JSON.stringify(header);
}

/** The tier a sheet's name or title names (一圈层, 第二圈, 三圈层考核表), for units the ruleset does not place. */
export function tierOfSheet(rs: CompiledRuleset, sheet: SheetInput): string | null {
  if (rs.tiers.length === 0) return null;
  const titles = [sheet.name];
  const headerRow = headerRowIndex(sheet.table);
  for (let r = 0; r < headerRow; r++) for (const cell of sheet.table[r] ?? []) if (typeof cell === 'string' && !isEmptyCell(cell)) titles.push(cell);
  for (const title of titles) {
    const key = normalizeKey(title).replace(/\s+/g, '');
    const direct = rs.tierIndex.get(key) ?? rs.tierIndex.get(key.replace(/[层層]$/, ''));
    if (direct) return direct;
    // The longest tier name or alias inside the title (第一圈层考核汇总表 → 第一圈).
    let best: { code: string; length: number } | null = null;
    for (const [name, code] of rs.tierIndex) {
      if (name.length >= 2 && key.includes(name) && (best === null || name.length > best.length)) best = { code, length: name.length };
    }
    if (best) return best.code;
  }
  return null;
}

/**
 * A workbook of sheets that are not forms: every sheet shaped like the first that reads (sheets per
 * 圈层, per period) is read into one batch, each unit the ruleset does not place taking the tier its
 * sheet names; any other sheet is a finding (sheet-unread). Nothing is only on stderr.
 */
function readSheetsOfOneShape(rs: CompiledRuleset, filled: readonly SheetInput[], options: ReadOptions): { records: UnitRecord[]; read: string[] } {
  const records: UnitRecord[] = [];
  const read: string[] = [];
  const unread: Array<{ sheet: SheetInput; error: AssessError | null }> = [];
  const byName = new Map<string, UnitRecord>();
  let shape: string | null = null;
  let shapeSheet = '';
  let firstError: unknown = null;
  for (const sheet of filled) {
    let sheetRecords: UnitRecord[];
    if (shape !== null && shapeKey(sheet.table) !== shape) {
      unread.push({ sheet, error: null });
      continue;
    }
    try {
      sheetRecords = readUnits(rs, sheet.table, { ...options, merges: sheet.merges ?? [] });
    } catch (error) {
      if (!(error instanceof AssessError)) throw error;
      firstError ??= error;
      unread.push({ sheet, error });
      continue;
    }
    if (shape === null) {
      shape = shapeKey(sheet.table);
      shapeSheet = sheet.name;
    }
    read.push(sheet.name);
    const tier = tierOfSheet(rs, sheet);
    for (const record of sheetRecords) {
      record.sheet = sheet.name;
      for (const finding of record.readFindings ?? []) finding.sheet ??= sheet.name;
      if (record.tier === null && tier !== null) record.tier = tier;
      const key = unitKey(rs, record.unit);
      const before = byName.get(key);
      if (before) {
        const note = spellingNote(rs, before.unit, record.unit);
        (before.readFindings ??= []).push({
          code: 'unit', kind: 'duplicate-unit', severity: 'warning', clause: '每个单位一行 / one row per unit', quote: '同一单位只计一次 / a unit counts once', sheet: sheet.name,
          where: record.row !== null ? positionText(position(FROM_A1, record.row, 0)) : undefined,
          zh: `单位「${visibleName(before.unit)}」在「${visibleName(before.sheet ?? '')}」和「${visibleName(sheet.name)}」都有${note.zh}；只计「${visibleName(before.sheet ?? '')}」`,
          en: `unit "${visibleName(before.unit)}" is on "${visibleName(before.sheet ?? '')}" and on "${visibleName(sheet.name)}"${note.en}; only "${visibleName(before.sheet ?? '')}" counts`,
          found: record.unit, expected: '',
        });
        continue;
      }
      byName.set(key, record);
      records.push(record);
    }
  }
  if (records.length === 0) throw firstError ?? new AssessError({ kind: 'layout', zh: '工作簿中没有可读取的表', en: 'no sheet of the workbook could be read' });
  (records[0].readFindings ??= []).push(...unread.map(({ sheet, error }) => unreadFinding(sheet, error, shapeSheet)));
  return { records, read };
}
