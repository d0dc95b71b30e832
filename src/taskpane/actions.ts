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
  rulesetToTable,
  scoreBatch,
  suggestMapping,
} from '../core';
import { AssessError } from '../core/errors';
import { type ColumnDecision, type HeaderBlock, columnIndex, headerBlock, proposeSheetMapping } from '../core/mapping';
import { itemHeader } from '../core/item-header';
import { codeNames, namedMessage, namedSubject } from '../core/worded';
import { columnsWithValues } from '../core/printed-columns';
import { rowKind } from '../core/read/rows';
import { findingSubject, simplifiedClauses, simplifiedLabel } from '../core/text';
import { a1, columnLetters, quoteSheet } from '../excel/addresses';
import { fn } from '../functions/names';
import type { CellBlock, CellMark, Host, PlanBlock, PlanValidation, PlanValue, SheetPlan, ValidationRule } from '../host/host';

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

/**
 * A range handed to a custom function with its empty cells as "" (blank to the core, see
 * isEmptyCell): Excel passes an empty cell as null on the web and newer builds but as 0 on desktop
 * builds (office-js #4702, #5262; no requirement set tells which), so a bare reference would read
 * a blank input or an empty cell of a ruleset table as the number 0. `IF(r="","",r)` is "" for an
 * empty cell in every build (`=""` is TRUE for it) and the value otherwise. Whole columns or rows
 * stay bare: the array would be a million rows long.
 */
export function blanksAsText(range: string): string {
  const local = range.slice(range.lastIndexOf('!') + 1).replace(/\$/g, '');
  return /^[A-Z]+:[A-Z]+$|^\d+:\d+$/.test(local) ? range : `IF(${range}="","",${range})`;
}

/** The ruleset argument of a formula: a built-in's id, or the workbook's table with blanks as "". */
export function rulesetInFormula(ref: RulesetRef): string {
  const argument = rulesetArgument(ref);
  return ref.kind === 'builtin' ? argument : blanksAsText(argument);
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

/**
 * A table's header block when it has two rows (a category merged over its items: 加分项目（第九条）
 * over （一）领导重视加分 …), as the reader finds it; null for one header row.
 */
export function twoRowHeader(ruleset: CompiledRuleset, source: SourceTable): HeaderBlock | null {
  const block = headerBlock(ruleset, source.values);
  return block.rows.length > 1 && block.rows[0] === source.headerRow ? block : null;
}

/** Per column, its header as the mapping names it: the cell, or for two or more header rows "category / item". */
export function columnHeaders(ruleset: CompiledRuleset, source: SourceTable): string[] {
  const top = source.values[source.headerRow] ?? [];
  const block = twoRowHeader(ruleset, source);
  if (!block) return top.map((cell) => (isEmptyCell(cell) ? '' : cellText(cell)));
  const rows = block.rows.map((r) => source.values[r] ?? []);
  return Array.from({ length: Math.max(...rows.map((row) => row.length)) }, (_, c) => rows.map((row) => row[c]).filter((cell) => !isEmptyCell(cell)).map((cell) => cellText(cell)).join(' / '));
}

/** The pane's match for a column the reader reads as `d` (assess map's decision). */
function matchOf(ruleset: CompiledRuleset, d: ColumnDecision | undefined, column: number, header: string): ColumnMatch {
  const none: ColumnMatch = { column, header, item: null, match: 'none', similarity: 0 };
  if (!d) return none;
  switch (d.role) {
    case 'unit':
    case 'tier':
    case 'criticized':
      return { column, header, item: null, match: 'special', special: d.role, similarity: 1 };
    case 'item':
      if (ruleset.openItems || !d.target || !ruleset.itemByCode.get(d.target)?.isInput) return none;
      return { column, header, item: d.target, match: d.how === 'code' ? 'code' : d.how === 'near' ? 'near' : 'label', similarity: d.similarity ?? 1, ...(d.mode ? { mode: d.mode } : {}) };
    case 'target':
      return { column, header, item: null, match: 'target', target: d.target, similarity: 1, mode: d.mode ?? 'points' };
    case 'claim':
      return d.claim ? { column, header, item: null, match: 'claim', claim: d.claim, similarity: 1 } : none;
    default:
      return none;
  }
}

/**
 * The mapping the pane proposes for a source table (pure: no sync). Two header rows are read as
 * the reader reads them (each item under its category: （一） under 第九条 is 9.1), one row by
 * matching each header (code, label, near miss).
 */
export function proposeMapping(ruleset: CompiledRuleset, source: SourceTable): ColumnMatch[] {
  if (twoRowHeader(ruleset, source)) {
    const proposed = proposeSheetMapping(ruleset, { name: source.sheet, table: source.values });
    if (proposed.layout === 'rows') {
      const byColumn = new Map(proposed.columns.map((d) => [columnIndex(d.column), d]));
      return columnHeaders(ruleset, source).map((header, column) => matchOf(ruleset, byColumn.get(column), column, header));
    }
  }
  return suggestMapping(ruleset, source.values[source.headerRow] ?? []);
}

/** The first data row (index within values): under the one or two header rows. */
export function firstDataRow(ruleset: CompiledRuleset, source: SourceTable): number {
  return twoRowHeader(ruleset, source)?.firstDataRow ?? source.headerRow + 1;
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
  /** What the finding is about as a clerk reads it: an item or column, else its kind in words (never `level`). */
  subject: string;
  subjectEn: string;
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
  const current = columnHeaders(ruleset, source);
  if (mapping.some((m) => (current[m.column] ?? '') !== m.header)) return false;
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
  const block = twoRowHeader(ruleset, source);
  if (block) {
    // Two header rows read as proposed are read as they are; a changed column makes them one row of what each column is.
    if (isProposal(mapping, proposeMapping(ruleset, source))) return source.values;
    const last = block.rows[block.rows.length - 1];
    const cells = block.cells.map((cell, c) => {
      const match = mapping.find((m) => m.column === c);
      return match ? mappedHeaderText(match, cell, ruleset) : cell;
    });
    return source.values.map((row, r) => (r === last ? cells : block.rows.includes(r) ? row.map(() => '') : row));
  }
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
  // Items and groups by their labels, not their codes (issue 22.4).
  const names = codeNames(ruleset);
  batch.units.forEach((unit, u) => {
    const record = records[u];
    const row = record?.row ?? unitRows.find((entry, k) => k > source.headerRow && entry.name === unit.unit)?.i ?? source.headerRow + 1;
    for (const label of unit.thresholds) {
      const threshold = ruleset.thresholds.find((t) => t.spec.label === label);
      out.push({ cell: a1(source.row + row, source.column + unitColumn), unit: unit.unit, subject: '阈值', subjectEn: 'threshold', message: label, messageEn: threshold?.spec.labelEn ?? label, clause: threshold?.cite.clause ?? '', quote: threshold?.cite.quote ?? '', severity: 'threshold' });
    }
    for (const finding of unit.findings as Finding[]) {
      out.push({ cell: at(finding.where, row), unit: unit.unit, subject: namedSubject(finding, names), subjectEn: findingSubject(finding, 'en'), message: namedMessage(finding, names), messageEn: finding.en, clause: finding.clause, quote: finding.quote, severity: finding.severity });
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
    // The note is Chinese: clause labels in Simplified script, the quote verbatim.
    const note = list.map((f) => `${COMMENT_TAG}${simplifiedClauses(f.message)}（${simplifiedLabel(f.clause)}：${f.quote}）`).join('\n').slice(0, 2000);
    return { sheet, cell, fill: FILL[severity], note };
  });
}

export interface ScorecardPlan {
  ruleset: CompiledRuleset;
  rulesetRef: RulesetRef;
  source: SourceTable;
  /** One entry per source column (as proposed, then confirmed or fixed by the clerk). */
  mapping: ColumnMatch[];
}

/** What the pane writes on a new sheet, and how many unit rows it holds. */
export interface NewSheet {
  plan: SheetPlan;
  rows: number;
}

/**
 * Scorecards and templates print as the command line's do (issue 22.3): A4 landscape at 100 %
 * (fitting one page wide printed a wide sheet at 2–3 points), a sheet wider than the page going on
 * to further pages across with the title rows and the unit column (A) repeated on each.
 */
function printed(titleRows: string): SheetPlan['print'] {
  return { paper: 'A4', landscape: true, scale: 100, titleRows, titleColumns: 'A:A' };
}

/**
 * A scorecard with live formulas on the source cells: the mapped columns mirrored by formula,
 * SCORE / RANK.EQ / GRADE per unit in one row filled down, LEVEL for the whole column, totals, and
 * a bar chart of scores by unit. The formulas are in one row whatever the unit count, so what is
 * sent to the workbook stays small.
 */
export function scorecardSheet(plan: ScorecardPlan): NewSheet {
  const { ruleset, source, mapping } = plan;
  const unitColumn = mapping.find((m) => m.special === 'unit')?.column ?? 0;
  const tierColumn = mapping.find((m) => m.special === 'tier')?.column;
  const flagColumn = mapping.find((m) => m.special === 'criticized')?.column;
  // Columns that give the units' items: an item (counts or points) or points over a category or clause.
  const itemColumns = mapping.filter((m) => !m.ignored && (m.item !== null || m.target !== undefined)).map((m) => m.column);
  if (itemColumns.length === 0) throw new AssessError({ kind: 'layout', zh: '没有映射到任何条目的列', en: 'no column is mapped to an item' });
  const first = Math.min(...itemColumns);
  const last = Math.max(...itemColumns);
  const firstData = firstDataRow(ruleset, source);
  // Only unit rows are scored: a section row, 合计, a 注 line or a sign-off line under the table would
  // get the base score (chengdu2006 70) from SCORE and be counted as a unit. The one row classification
  // the readers share (read/rows.ts) tells them apart; the scorecard ends at the last unit.
  const isUnit = source.values.slice(firstData).map((row) => rowKind(row, unitColumn) === 'data');
  const dataRows = isUnit.lastIndexOf(true) + 1;
  if (dataRows === 0) throw new AssessError({ kind: 'layout', zh: '表头下没有数据行', en: 'there are no data rows under the header' });

  // Layout: A 单位 | B 圈层 | C 通报批评 | D… mirrored source block | 得分 名次 等次 等级 等级加分
  const lead = ['单位', '圈层', '通报批评或曝光'];
  const blockStart = lead.length;
  const width = last - first + 1;
  const scoreCol = blockStart + width;
  const hasGrade = ruleset.grades.length > 0;
  const hasLevel = ruleset.levels.length > 0;
  const tail = ['得分', '名次', ...(hasGrade ? ['等次'] : []), ...(hasLevel ? ['等级'] : [])];
  const codes = mapping.filter((m) => m.column >= first && m.column <= last).sort((a, b) => a.column - b.column);
  // SCORE reads the block under these headers: a points column keeps its points word (9.3 得分,
  // 第九条（四）加分) so the scorecard mirrors the entered points rather than reading them as counts.
  const sourceHeader = twoRowHeader(ruleset, source)?.cells ?? source.values[source.headerRow] ?? [];
  const scoredHeader = (m: ColumnMatch): string => (m.ignored || (m.item === null && m.target === undefined) ? '备注' : cellText(mappedHeaderText(m, sourceHeader[m.column], ruleset)));
  const codeRow = [...lead, ...codes.map(scoredHeader), ...tail];
  const headerRow = ['原表头', '', '', ...codes.map((m) => m.header), ...tail.map(() => '')];
  const top = 3; // data from the 4th row (0-based 3): title, codes, original headers above
  const bottom = top + dataRows - 1;
  const sourceSheet = quoteSheet(source.sheet);
  const sourceRow = source.row + firstData; // 0-based sheet row of the first unit
  const ref = (column: number, k: number) => `${sourceSheet}!${a1(sourceRow + k, source.column + column)}`;
  const mirror = (column: number | undefined, k: number) => (column === undefined ? '=""' : `=IF(ISBLANK(${ref(column, k)}),"",${ref(column, k)})`);
  const dataFrom = columnLetters(blockStart);
  const dataTo = columnLetters(blockStart + width - 1);
  const S = columnLetters(scoreCol);
  const r = top + 1; // 1-based row of the first unit in A1 formulas
  // The source cells reach SCORE through their mirrors (a blank is ""); the ruleset table directly.
  const id = rulesetInFormula(plan.rulesetRef);
  // Per-tier levels without a 圈层 column: LEVEL takes the unit names (column A) as tiers.
  const T = tierColumn === undefined && ruleset.levelScope === 'tier' ? 'A' : 'B';
  /** The formulas of the unit k rows below the first (filled down over a run of unit rows). */
  const formulasAt = (k: number): string[] => [
    mirror(unitColumn, k),
    mirror(tierColumn, k),
    mirror(flagColumn, k),
    ...Array.from({ length: width }, (_, c) => mirror(first + c, k)),
    `=${fn.SCORE}(${dataFrom}${r + k}:${dataTo}${r + k},${id},${dataFrom}$2:${dataTo}$2)`,
    `=IF(ISNUMBER(${S}${r + k}),RANK.EQ(${S}${r + k},${S}$${top + 1}:${S}$${bottom + 1}),"")`,
    ...(hasGrade ? [`=${fn.GRADE}(${S}${r + k},${id})`] : []),
  ];
  const formulas = formulasAt(0);
  // One fill-down block per run of consecutive unit rows; rows between runs stay blank.
  const runs: PlanBlock[] = [];
  for (let k = 0; k < dataRows; k++) {
    if (!isUnit[k] || (k > 0 && isUnit[k - 1])) continue;
    let end = k;
    while (end + 1 < dataRows && isUnit[end + 1]) end++;
    runs.push({ at: `A${r + k}`, formulas: [formulasAt(k)], fillDownTo: r + end });
  }
  // LEVEL: one formula for the whole column, spilled down (custom functions run only in
  // dynamic-array Excel, see README "Supported Excel versions"): each unit's level depends on
  // every score, so one call is O(N) where INDEX(LEVEL(column),ROW()-…) per row was O(N²).
  const level = hasLevel ? `=${fn.LEVEL}(${S}${top + 1}:${S}${bottom + 1},${id},$${T}$${top + 1}:$${T}$${bottom + 1},$C$${top + 1}:$C$${bottom + 1})` : null;
  const columns = formulas.length + (level ? 1 : 0);
  const lastCol = columnLetters(columns - 1);
  const lastFilled = columnLetters(formulas.length - 1);

  // 圈层 and 通报批评或曝光 (B, C) are hidden when no unit has a value there (the CLI's rule,
  // src/core/printed-columns.ts): kept for LEVEL, which refers to them, but not printed empty.
  const units = source.values.slice(firstData);
  const optional = [
    { column: 1, value: (row: Cell[]) => (tierColumn === undefined ? undefined : row[tierColumn]) },
    { column: 2, value: (row: Cell[]) => (flagColumn === undefined ? undefined : row[flagColumn]) },
  ];
  const shown = new Set(columnsWithValues(optional, units).map((c) => c.column));
  const hiddenColumns = optional.filter((c) => !shown.has(c.column)).map((c) => c.column);

  const totals = bottom + 3;
  const scores = `${S}${top + 1}:${S}${bottom + 1}`;
  const blocks: PlanBlock[] = [
    { at: 'A1', values: [[`计分表：${source.sheet}（${ruleset.spec.title}，${ruleset.id}）`]], bold: true },
    { at: 'A2', values: [codeRow], bold: true, wrap: true },
    { at: 'A3', values: [headerRow], bold: true, fontColor: '#616161', wrap: true },
    ...runs,
    ...(level ? [{ at: `${lastCol}${r}`, formulas: [[level]] }] : []),
    { at: `A${totals}`, values: [['单位数'], ['平均分'], ['最高分'], ['最低分']] },
    { at: `B${totals}`, formulas: [[`=COUNT(${scores})`], [`=ROUND(AVERAGE(${scores}),2)`], [`=MAX(${scores})`], [`=MIN(${scores})`]] },
  ];
  return {
    rows: dataRows,
    plan: {
      name: `计分表 ${source.sheet}`,
      blocks,
      freezeRows: 3,
      ...(hiddenColumns.length > 0 ? { hiddenColumns } : {}),
      chart: { title: '各单位得分', seriesName: '得分', values: scores, categories: `A${top + 1}:A${bottom + 1}`, at: `${columnLetters(columns + 1)}2` },
      print: printed('1:3'),
    },
  };
}

/** Data validation of an item's input cells. */
function itemRule(item: CompiledRuleset['items'][number]): ValidationRule {
  const m = (micros: number) => micros / 1_000_000;
  switch (item.kind) {
    case 'flag':
      return { kind: 'list', items: ['是', '否'] };
    case 'judged':
      return item.max === null ? { kind: 'decimal', min: m(item.min) } : { kind: 'decimal', min: m(item.min), max: m(item.max) };
    case 'rate':
      return { kind: 'decimal', min: 0, max: 1 };
    case 'rank':
      return { kind: 'whole', min: 1 };
    default:
      return { kind: 'whole', min: 0 };
  }
}

/** An input sheet for a ruleset: a table with the units, validated input columns and formula columns. */
export function templateSheet(ruleset: CompiledRuleset, rulesetRef: RulesetRef, emptyRows = 20): NewSheet {
  const inputs = ruleset.items.filter((item) => item.isInput);
  const tiered = ruleset.levelScope === 'tier';
  const criticized = ruleset.downgrade !== null;
  const lead = ['单位', ...(tiered ? ['圈层'] : []), ...(criticized ? ['通报批评或曝光'] : [])];
  const hasGrade = ruleset.grades.length > 0;
  const hasLevel = ruleset.levels.length > 0;
  // Each item by its label and clause, not its code (issue 22.4); SCORE reads them back as the items.
  const header = [...lead, ...inputs.map((item) => itemHeader(ruleset, item)), '得分', ...(hasGrade ? ['等次'] : []), ...(hasLevel ? ['等级'] : [])];
  const units = ruleset.spec.units;
  const rows = Math.max(emptyRows, units.length);
  const first = 3; // 1-based row of the first unit (title, header above)
  const last = first + rows - 1;
  const lastCol = columnLetters(header.length - 1);
  const from = columnLetters(lead.length);
  const to = columnLetters(lead.length + inputs.length - 1);
  const S = columnLetters(lead.length + inputs.length);
  const id = rulesetInFormula(rulesetRef);
  const tierLabel = (code: string | undefined) => (code ? (ruleset.tiers.find((t) => t.code === code)?.label ?? code) : '');
  const leadValues: Cell[][] = Array.from({ length: rows }, (_, i) => [units[i]?.label ?? '', ...(tiered ? [tierLabel(units[i]?.tier)] : []), ...(criticized ? [''] : [])]);
  // Input cells are typed by the clerk, so empty ones reach the functions as "" (blanksAsText).
  const tiers = tiered ? blanksAsText(`$B$${first}:$B$${last}`) : '';
  const flagCol = columnLetters(tiered ? 2 : 1);
  const flags = criticized ? blanksAsText(`$${flagCol}$${first}:$${flagCol}$${last}`) : '';
  const formulas = [
    `=IF(COUNTA(${from}${first}:${to}${first})=0,"",${fn.SCORE}(${blanksAsText(`${from}${first}:${to}${first}`)},${id},${from}$2:${to}$2))`,
    ...(hasGrade ? [`=IF(${S}${first}="","",${fn.GRADE}(${S}${first},${id}))`] : []),
    ...(hasLevel ? [`=IFERROR(INDEX(${fn.LEVEL}($${S}$${first}:$${S}$${last},${id},${[tiers, flags].join(',').replace(/,+$/, '')}),ROW()-${first - 1}),"")`.replace(',)', ')')] : []),
  ];

  const column = (k: number) => `${columnLetters(lead.length + k)}${first}:${columnLetters(lead.length + k)}${last}`;
  const validations: PlanValidation[] = inputs.map((item, k) => ({ range: column(k), rule: itemRule(item), title: item.label.slice(0, 32), message: `${item.label}（${simplifiedLabel(item.cite.clause)}）` }));
  if (criticized) validations.push({ range: `${flagCol}${first}:${flagCol}${last}`, rule: { kind: 'list', items: ['是', '否'] }, title: '通报批评或曝光', message: '填写“是”或“否” / "是" (yes) or "否" (no)' });
  const numberFormats = inputs.flatMap((item, k) => (item.kind === 'rate' ? [{ range: column(k), format: '0.00%' }] : []));
  return {
    rows,
    plan: {
      name: `录入 ${ruleset.id}`,
      blocks: [
        { at: 'A1', values: [[`${ruleset.spec.title}　录入表`]], bold: true },
        { at: 'A2', values: [header], wrap: true },
        { at: `A${first}`, values: leadValues as PlanValue[][] },
        { at: `${S}${first}`, formulas: [formulas], fillDownTo: last },
      ],
      validations,
      numberFormats,
      table: { range: `A2:${lastCol}${last}`, name: `ASSESS_${ruleset.id.replace(/[^A-Za-z0-9_]/g, '_')}_${Date.now() % 100000}` },
      freezeRows: 2,
      print: printed('1:2'),
    },
  };
}

/** A ruleset as a table (a built-in prefilled as the example), its header row bold; `range` is where it sits. */
export function rulesetSheet(ruleset: CompiledRuleset): NewSheet & { range: string } {
  const table = rulesetToTable(ruleset.spec).map((row) => row.map((cell): PlanValue => (cell === null || cell === undefined ? '' : cell)));
  return {
    rows: table.length,
    range: `A1:${columnLetters(table[0].length - 1)}${table.length}`,
    plan: { name: `规则 ${ruleset.id}`, blocks: [{ at: 'A1', values: table.slice(0, 1), bold: true }, { at: 'A2', values: table.slice(1) }], freezeRows: 1 },
  };
}

// ---------------------------------------------------------------------------------------------
// The pane's actions on a host

/** The table the clerk selected, with its header row found. */
export async function readSource(host: Host): Promise<SourceTable> {
  return sourceTable(await host.readSelection());
}

/** A new sheet written from `made`; the name it got and its unit rows. */
async function write(host: Host, made: NewSheet): Promise<{ sheet: string; rows: number }> {
  const { sheet } = await host.writeSheet(made.plan);
  return { sheet, rows: made.rows };
}

export async function createScorecard(host: Host, plan: ScorecardPlan): Promise<{ sheet: string; rows: number }> {
  return write(host, scorecardSheet(plan));
}

export async function createTemplate(host: Host, ruleset: CompiledRuleset, rulesetRef: RulesetRef, emptyRows = 20): Promise<{ sheet: string; rows: number }> {
  return write(host, templateSheet(ruleset, rulesetRef, emptyRows));
}

/** A new ruleset sheet; `address` is the table's, with its sheet ("'规则 chengdu2006'!A1:V57"). */
export async function createRulesetSheet(host: Host, ruleset: CompiledRuleset): Promise<{ sheet: string; rows: number; address: string }> {
  const made = rulesetSheet(ruleset);
  const result = await write(host, made);
  return { ...result, address: `${quoteSheet(result.sheet)}!${made.range}` };
}

/** Checks the selected ruleset table. */
export async function checkRulesetTable(host: Host): Promise<RulesetCheck> {
  return checkRulesetBlock(await host.readSelection());
}

/**
 * Validates the selected table in place: its findings, and their cells marked (findingMarks) so
 * that clearing restores them exactly.
 */
export async function markFindings(host: Host, ruleset: CompiledRuleset, mapping?: ColumnMatch[]): Promise<{ findings: MarkedFinding[]; marked: number; sheet: string; notesFailed?: string }> {
  const source = await readSource(host);
  const findings = findingsOnCells(source, ruleset, mapping);
  const { marked, notesFailed } = await host.markCells(findingMarks(findings, source.sheet));
  return { findings, marked, sheet: source.sheet, ...(notesFailed === undefined ? {} : { notesFailed }) };
}

// ---------------------------------------------------------------------------------------------
// A mapping the clerk confirmed, kept in the workbook (issue 18.4)

/**
 * The workbook setting (Excel.SettingCollection, ExcelApi 1.4) holding the mappings the clerk
 * confirmed: one per ruleset and header row, the newest first, at most REMEMBERED_MAX. A table read
 * later with the same headers (next month's sheet) is offered the confirmed mapping, not the
 * proposal; a table with other headers gets the proposal. Only a mapping that differs from the
 * proposal is kept (the proposal needs no keeping), and one put back to the proposal is forgotten.
 */
export const MAPPINGS_SETTING = 'assess.mappings';
export const REMEMBERED_MAX = 20;

export interface RememberedMapping {
  ruleset: string;
  /** The sheet the clerk confirmed it on (said when it is offered again). */
  sheet: string;
  /** The header row's texts it was confirmed for. */
  header: string[];
  mapping: ColumnMatch[];
}

/** A table's header row as texts, trailing empty cells left out: what a remembered mapping is keyed by. */
export function headerTexts(source: SourceTable): string[] {
  const texts = (source.values[source.headerRow] ?? []).map((cell) => (isEmptyCell(cell) ? '' : cellText(cell)));
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  return texts;
}

const MATCH_KINDS: readonly string[] = ['code', 'label', 'near', 'special', 'target', 'claim', 'none'];
const SPECIALS: readonly string[] = ['unit', 'tier', 'criticized'];
const COLUMN_MODES: readonly string[] = ['count', 'points', 'deducted'];
const CLAIMS: readonly string[] = Object.keys(CLAIM_HEADER);

/** One column of a stored mapping, checked field by field (the setting is the workbook's: anything may be there). */
function storedMatch(value: unknown): ColumnMatch | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (!Number.isInteger(v.column) || (v.column as number) < 0 || typeof v.header !== 'string') return null;
  if (!(v.item === null || typeof v.item === 'string') || !MATCH_KINDS.includes(v.match as string) || typeof v.similarity !== 'number') return null;
  if (v.special !== undefined && !SPECIALS.includes(v.special as string)) return null;
  if (v.mode !== undefined && !COLUMN_MODES.includes(v.mode as string)) return null;
  if (v.claim !== undefined && !CLAIMS.includes(v.claim as string)) return null;
  if ((v.target !== undefined && typeof v.target !== 'string') || (v.ignored !== undefined && typeof v.ignored !== 'boolean')) return null;
  return {
    column: v.column as number, header: v.header, item: v.item as string | null, match: v.match as ColumnMatch['match'], similarity: v.similarity,
    ...(v.special !== undefined ? { special: v.special as ColumnMatch['special'] } : {}),
    ...(v.mode !== undefined ? { mode: v.mode as ColumnMatch['mode'] } : {}),
    ...(v.claim !== undefined ? { claim: v.claim as ClaimKind } : {}),
    ...(v.target !== undefined ? { target: v.target as string } : {}),
    ...(v.ignored !== undefined ? { ignored: v.ignored as boolean } : {}),
  };
}

/** The remembered mappings in a setting's value; entries that are not well formed are left out. */
export function rememberedMappings(value: unknown): RememberedMapping[] {
  if (!Array.isArray(value)) return [];
  const out: RememberedMapping[] = [];
  for (const entry of value.slice(0, REMEMBERED_MAX)) {
    if (typeof entry !== 'object' || entry === null) continue;
    const e = entry as Record<string, unknown>;
    if (typeof e.ruleset !== 'string' || typeof e.sheet !== 'string' || !Array.isArray(e.header) || !e.header.every((t) => typeof t === 'string') || !Array.isArray(e.mapping)) continue;
    const mapping = e.mapping.map(storedMatch);
    if (mapping.some((m) => m === null)) continue;
    out.push({ ruleset: e.ruleset, sheet: e.sheet, header: e.header as string[], mapping: mapping as ColumnMatch[] });
  }
  return out;
}

const sameTexts = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((text, i) => text === b[i]);

/** The mapping confirmed for a table of these headers and this ruleset, if one is kept and still applies. */
export function rememberedFor(value: unknown, ruleset: CompiledRuleset, source: SourceTable): RememberedMapping | undefined {
  const header = headerTexts(source);
  return rememberedMappings(value).find((entry) => entry.ruleset === ruleset.id && sameTexts(entry.header, header) && mappingApplies(source, entry.mapping, ruleset));
}

/** Whether a column is read as proposed (what it maps to and how). */
function sameMatch(a: ColumnMatch, b: ColumnMatch | undefined): boolean {
  if (!b) return false;
  return (a.item ?? null) === (b.item ?? null) && (a.special ?? null) === (b.special ?? null) && (a.claim ?? null) === (b.claim ?? null) && (a.target ?? null) === (b.target ?? null) && (a.mode ?? null) === (b.mode ?? null) && (a.ignored ?? false) === (b.ignored ?? false);
}

/** Whether every column is read as proposed. */
export function isProposal(mapping: readonly ColumnMatch[], proposed: readonly ColumnMatch[]): boolean {
  return mapping.length === proposed.length && mapping.every((m, i) => sameMatch(m, proposed[i]));
}

/**
 * The setting's value once the clerk has used `mapping` on `source`: kept (newest first) when it
 * differs from the proposal, forgotten when it is the proposal again; null when nothing changes.
 */
export function rememberMapping(value: unknown, ruleset: CompiledRuleset, source: SourceTable, sheet: string, mapping: readonly ColumnMatch[], proposed: readonly ColumnMatch[]): RememberedMapping[] | null {
  const header = headerTexts(source);
  const before = rememberedMappings(value);
  const others = before.filter((entry) => !(entry.ruleset === ruleset.id && sameTexts(entry.header, header)));
  if (isProposal(mapping, proposed)) return others.length === before.length ? null : others;
  const kept: RememberedMapping = { ruleset: ruleset.id, sheet, header, mapping: mapping.map((m) => ({ ...m })) };
  const same = before.find((entry) => entry.ruleset === ruleset.id && sameTexts(entry.header, header));
  if (same && same.mapping.length === kept.mapping.length && same.mapping.every((m, i) => sameMatch(m, kept.mapping[i]))) return null;
  return [kept, ...others].slice(0, REMEMBERED_MAX);
}
