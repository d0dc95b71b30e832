/**
 * A workbook of several sheets: one 评分表 per unit (named by its sheet or a 单位：… line) is one
 * batch, and a 汇总 sheet beside them (单位 · 总分 · 名次 · 等级 · 加分 · 通报批评) gives the
 * office's claims and the units' attributes, which are audited against the forms. Any other
 * workbook is read from its first sheet, as before.
 */
import type { Cell } from './cells';
import type { CompiledRuleset } from './compile';
import { type MergedRange, type ReadOptions, type UnitRecord, detectLayout, position, positionText, readUnits, spellingNote, unitKey } from './input';
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
  // A summary sheet: units as rows with the office's results (and 通报批评), no item values.
  for (const sheet of filled) {
    if (forms.includes(sheet)) continue;
    let summary: UnitRecord[];
    try {
      summary = readUnits(rs, sheet.table, { merges: sheet.merges ?? [], layout: 'rows' });
    } catch {
      continue; // not a table of units (a 说明 sheet): left alone
    }
    if (summary.some((row) => row.entered.length > 0 || row.values.some((value) => value === value))) continue;
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
          sheet: sheet.name, where: positionText(position(r, Math.max(col, 0))), found: row.unit, expected: null,
        };
        if (records[0]) (records[0].readFindings ??= []).push(finding);
        continue;
      }
      for (const claim of row.claims) record.claims.push({ ...claim, sheet: sheet.name });
      if (row.criticized) record.criticized = true;
      // A 汇总 圈层 that contradicts the ruleset's list is said at its cell (the reader's finding).
      for (const finding of row.readFindings ?? []) if (finding.kind === 'tier-differs') (record.readFindings ??= []).push({ ...finding, sheet: sheet.name });
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
  return { records, read };
}
