/**
 * The task pane's logic that does not depend on the spreadsheet it runs in: which ruleset, how a
 * table read from the workbook maps onto it, the findings of a table placed on its cells and the
 * marks that show them, and a ruleset table checked with its problems on their cells. Plain data
 * in and out; the host (src/host/host.ts) reads and writes.
 */
import {
  type Cell,
  type ClaimKind,
  type ColumnMatch,
  type CompiledRuleset,
  type Finding,
  cellText,
  compileRulesetTable,
  headerRowIndex,
  interpretHeader,
  isEmptyCell,
  readUnits,
  scoreBatch,
  suggestMapping,
} from '../core';
import { AssessError } from '../core/errors';
import { a1, quoteSheet } from '../excel/addresses';
import type { CellBlock, CellMark } from '../host/host';

/** Where a ruleset comes from: a built-in id, or a range holding a ruleset table. */
export type RulesetRef = { kind: 'builtin'; id: string } | { kind: 'range'; address: string };

export function rulesetArgument(ref: RulesetRef): string {
  if (ref.kind === 'builtin') return `"${ref.id}"`;
  const bang = ref.address.lastIndexOf('!');
  const sheet = bang >= 0 ? ref.address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : '';
  const local = ref.address.slice(ref.address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [from, to] = local.split(':');
  const absolute = (cell: string) => (/^[A-Z]+$/.test(cell) ? `$${cell}` : /^\d+$/.test(cell) ? `$${cell}` : cell.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'));
  return `${quoteSheet(sheet)}!${absolute(from)}${to ? `:${absolute(to)}` : ''}`;
}

/** A table read from the workbook (see Host.readSelection) with where its header row is. */
export interface SourceTable extends CellBlock {
  /** Index (within values) of the header row. */
  headerRow: number;
}

/** The header row of a block read from the workbook: under any title rows. */
export function sourceTable(block: CellBlock): SourceTable {
  return { ...block, headerRow: headerRowIndex(block.values) };
}

/** The mapping the pane proposes for a source table (pure: no sync). */
export function proposeMapping(ruleset: CompiledRuleset, source: SourceTable): ColumnMatch[] {
  return suggestMapping(ruleset, source.values[source.headerRow] ?? []);
}

export interface RulesetCheck {
  ok: boolean;
  address: string;
  /** Problems with the cell they point at (A1 on the sheet) when known. */
  problems: Array<{ cell: string; message: string }>;
  ruleset?: CompiledRuleset;
}

/** Compiles a ruleset table read from the workbook; its problems point at their cells. */
export function checkRulesetBlock(source: CellBlock): RulesetCheck {
  try {
    const ruleset = compileRulesetTable(source.values);
    return { ok: true, address: source.address, problems: [], ruleset };
  } catch (error) {
    if (!(error instanceof AssessError)) throw error;
    const header = source.values[headerRowIndex(source.values)] ?? [];
    const problems = error.zh
      .replace(/^规则表有误：|^规则集无效：/, '')
      .split('；')
      .map((line) => {
        const match = /^第(\d+)行(?:「(.+?)」列)?/.exec(line);
        if (!match) return { cell: '', message: line };
        const column = match[2] ? header.findIndex((cell) => cellText(cell) === match[2]) : 0;
        return { cell: a1(source.row + Number(match[1]) - 1, source.column + Math.max(column, 0)), message: line };
      });
    return { ok: false, address: source.address, problems };
  }
}

export interface MarkedFinding {
  cell: string;
  unit: string;
  code: string;
  message: string;
  messageEn: string;
  clause: string;
  quote: string;
  severity: 'error' | 'warning' | 'info' | 'threshold';
}

/** Our comments start with this, so clearing finds exactly them (and re-marking skips them). */
export const COMMENT_TAG = '【ASSESS】';
export const FILL = { error: '#FFC7CE', warning: '#FFF4CE', info: '#DEECF9', threshold: '#FDE7E9' } as const;
/** At most this many cells are marked per run (the list in the pane shows every finding). */
export const MARK_LIMIT = 2000;

/** The word the core reads as each of the office's result columns. */
const CLAIM_HEADER: Record<ClaimKind, string> = { bonus: '加分小计', deduction: '扣分小计', score: '总分', rank: '名次', level: '等次', result: '奖励' };

/** Whether a mapping was made for this table and this ruleset (its items are the ruleset's). */
export function mappingApplies(source: SourceTable, mapping: readonly ColumnMatch[], ruleset: CompiledRuleset): boolean {
  const current = source.values[source.headerRow] ?? [];
  if (mapping.some((m) => cellText(current[m.column]) !== m.header)) return false;
  return mapping.every((m) => m.item === null || ruleset.itemByCode.get(m.item)?.isInput === true);
}

/**
 * The header text the core reads as a confirmed column: an item code for a count, `code 得分` /
 * `code 扣分` for points; the office's result word for a result column; 备注 for a column the
 * clerk left out. A column nobody mapped keeps its header, so the core reads it as written — or
 * says it is not an item of this ruleset, rather than passing over it in silence.
 */
export function mappedHeaderText(match: ColumnMatch, original: Cell, ruleset: CompiledRuleset): Cell {
  const special = { unit: '单位', tier: '圈层', criticized: '通报批评或曝光' } as const;
  if (match.ignored) return '备注';
  if (match.special) return special[match.special];
  if (match.item) {
    const item = ruleset.itemByCode.get(match.item);
    const mode = match.mode ?? 'count';
    if (mode === 'deducted') return `${match.item} 扣分`;
    // A judged item's own column holds its points; a count item's points need the points word.
    if (mode === 'points' && item?.kind !== 'judged') return `${match.item} 得分`;
    return match.item;
  }
  if (match.claim) {
    const meaning = isEmptyCell(original) ? null : interpretHeader(ruleset, cellText(original));
    const same = meaning && ((meaning.kind === 'claim' && meaning.claim === match.claim) || (meaning.kind === 'role' && meaning.role === match.claim));
    return same ? original : CLAIM_HEADER[match.claim];
  }
  return original;
}

/**
 * The table with its header row replaced by the mapping the clerk confirmed (see
 * mappedHeaderText). Data rows and positions are unchanged. A mapping made for another table or
 * another ruleset does not apply: the table is read as its headers say.
 */
export function withMappedHeader(source: SourceTable, mapping?: ColumnMatch[], ruleset?: CompiledRuleset): Cell[][] {
  if (!mapping || !ruleset || !mappingApplies(source, mapping, ruleset)) return source.values;
  const header = (source.values[source.headerRow] ?? []).map((cell, c) => {
    const match = mapping.find((m) => m.column === c);
    return match ? mappedHeaderText(match, cell, ruleset) : cell;
  });
  return source.values.map((row, r) => (r === source.headerRow ? header : row));
}

/**
 * Findings of a scored table, placed on the cells they concern. Every invalid cell is one (an
 * error: its unit is not scored), and the rest of the table is still checked. Positions are the
 * sheet's: the core is given the table's origin, so a message about F5 says 第5行第6列.
 */
export function findingsOnCells(source: SourceTable, ruleset: CompiledRuleset, mapping?: ColumnMatch[]): MarkedFinding[] {
  const options = { collect: true, requireItems: true, origin: { row: source.row, column: source.column } };
  const records = readUnits(ruleset, withMappedHeader(source, mapping, ruleset), options);
  const batch = scoreBatch(ruleset, records, { collect: true });
  const out: MarkedFinding[] = [];
  const unitColumn = Math.max(0, proposeMapping(ruleset, source).findIndex((m) => m.special === 'unit'));
  const at = (where: string | undefined, fallbackRow: number): string => {
    const match = where ? /第(\d+)行第(\d+)列/.exec(where) : null;
    return match ? a1(Number(match[1]) - 1, Number(match[2]) - 1) : a1(source.row + fallbackRow, source.column + unitColumn);
  };
  const unitRows = source.values.map((row, i) => ({ i, name: cellText(row[unitColumn]) }));
  batch.units.forEach((unit, u) => {
    const record = records[u];
    const row = record?.row ?? unitRows.find((entry, k) => k > source.headerRow && entry.name === unit.unit)?.i ?? source.headerRow + 1;
    for (const label of unit.thresholds) {
      const threshold = ruleset.thresholds.find((t) => t.spec.label === label);
      out.push({ cell: a1(source.row + row, source.column + unitColumn), unit: unit.unit, code: '阈值', message: label, messageEn: threshold?.spec.labelEn ?? label, clause: threshold?.cite.clause ?? '', quote: threshold?.cite.quote ?? '', severity: 'threshold' });
    }
    for (const finding of unit.findings as Finding[]) {
      out.push({ cell: at(finding.where, row), unit: unit.unit, code: finding.code, message: finding.zh, messageEn: finding.en, clause: finding.clause, quote: finding.quote, severity: finding.severity });
    }
  });
  return out;
}

/**
 * The marks that show findings: one per cell (at most MARK_LIMIT cells; the list in the pane shows
 * every finding), filled by its gravest finding, its note every finding of the cell with its clause,
 * each line tagged COMMENT_TAG.
 */
export function findingMarks(findings: readonly MarkedFinding[], sheet: string): CellMark[] {
  const byCell = new Map<string, MarkedFinding[]>();
  for (const finding of findings) {
    if (!byCell.has(finding.cell) && byCell.size >= MARK_LIMIT) continue;
    byCell.set(finding.cell, [...(byCell.get(finding.cell) ?? []), finding]);
  }
  return [...byCell].map(([cell, list]) => {
    const severity: keyof typeof FILL = (['error', 'threshold', 'warning'] as const).find((level) => list.some((f) => f.severity === level)) ?? 'info';
    const note = list.map((f) => `${COMMENT_TAG}${f.message}（${f.clause}：${f.quote}）`).join('\n').slice(0, 2000);
    return { sheet, cell, fill: FILL[severity], note };
  });
}
