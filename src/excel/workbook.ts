/**
 * Office.js operations of the task pane. Each action queues all its reads, syncs once, queues
 * all its writes, syncs once more: two context.sync() calls whatever the row count (formulas go
 * in one row and are filled down with autoFill, so the payload stays small). Nothing is ever
 * written into the user's source range, and new sheets never take an existing name.
 *
 * Reading a source table takes one sync for its bounds and one per chunk of rows (READ_* below:
 * Excel refuses more than 5,000,000 cells or, on the web, 5 MB in one request). Marking findings
 * reads the table, then the old fills of the cells it marks, then writes the undo record and the
 * marks in chunks of at most MARK_BATCH_BYTES (the record first, so a failure part-way leaves
 * every marked cell restorable by clearMarks).
 *
 * Requirement sets: everything here is in ExcelApi EXCEL_API (declared in manifest.xml, checked by
 * test/manifest/requirements.test.ts against the [Api set] tags of @types/office-js).
 */
import { type Cell, type ColumnMatch, type CompiledRuleset, cellText, rulesetToTable } from '../core';
import { AssessError } from '../core/errors';
import { a1, columnLetters, parseAddress, quoteSheet, uniqueSheetName } from './addresses';
import { fn } from '../functions/names';
import { jsonBytes, readSelectedBlock } from './office-host';
import { COMMENT_TAG, type MarkedFinding, type RulesetCheck, type RulesetRef, type SourceTable, checkRulesetBlock, findingMarks, findingsOnCells, mappedHeaderText, rulesetArgument, sourceTable } from '../taskpane/actions';

/** The ExcelApi requirement set the pane needs (manifest.xml <Requirements>; README "Supported Excel versions"). */
export const EXCEL_API = '1.10';

/** The part of Excel.RequestContext the operations use (office-addin-mock supplies it in tests). */
export type Context = Excel.RequestContext;

/**
 * Reads the table the clerk selected (see readSelectedBlock in office-host.ts: the selection's
 * part inside the used range, or the used range; one sync for the bounds, one per chunk of rows).
 */
export async function readSourceTable(context: Context): Promise<SourceTable> {
  return readTable(context, () => context.sync());
}

async function readTable(context: Context, sync: () => Promise<void>): Promise<SourceTable> {
  return sourceTable(await readSelectedBlock(context, sync));
}

export interface ScorecardPlan {
  ruleset: CompiledRuleset;
  rulesetRef: RulesetRef;
  source: SourceTable;
  /** One entry per source column (as proposed, then confirmed or fixed by the clerk). */
  mapping: ColumnMatch[];
}

export interface ActionResult {
  sheet: string;
  rows: number;
  syncs: number;
}

/** Counts the syncs an action makes (the pane shows it; tests assert it). */
function counted(context: Context): { sync: () => Promise<void>; add: () => void; count: () => number } {
  let n = 0;
  return {
    sync: async () => {
      n++;
      await context.sync();
    },
    /** A sync made by a helper (e.g. readSourceTable). */
    add: () => {
      n++;
    },
    count: () => n,
  };
}

/**
 * Only screen updating is suspended while writing. API calculation is not: after
 * suspendApiCalculationUntilNextSync "it is the developer's responsibility to re-calc the
 * workbook", and the few writes of an action (one formula row, one autoFill) recalculate once each
 * anyway, so suspending saved nothing and left the new formulas uncalculated.
 */
function suspend(context: Context): void {
  context.application.suspendScreenUpdatingUntilNextSync();
}

/**
 * Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="),
 * Excel interprets this value as a formula." Text that is not ours (headers, labels, titles) goes
 * into cells formatted as Text ("@") first, so it stays text; other cells keep General, numbers
 * stay numbers. Same batch, no extra sync.
 */
export function formulaLike(value: unknown): boolean {
  return typeof value === 'string' && /^[=+\-]/.test(value);
}

function writeValues(range: Excel.Range, values: Array<Array<string | number | boolean>>): void {
  if (values.some((row) => row.some(formulaLike))) range.numberFormat = values.map((row) => row.map((value) => (formulaLike(value) ? '@' : 'General')));
  range.values = values;
}

/**
 * A new scorecard sheet with live formulas on the source cells: the mapped columns mirrored by
 * formula, SCORE / RANK.EQ / GRADE / LEVEL per unit, totals, and a bar chart of scores by unit.
 */
export async function createScorecard(context: Context, plan: ScorecardPlan): Promise<ActionResult> {
  const { ruleset, source, mapping } = plan;
  const calls = counted(context);
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await calls.sync();

  const name = uniqueSheetName(`计分表 ${source.sheet}`, sheets.items.map((ws) => ws.name));
  const unitColumn = mapping.find((m) => m.special === 'unit')?.column ?? 0;
  const tierColumn = mapping.find((m) => m.special === 'tier')?.column;
  const flagColumn = mapping.find((m) => m.special === 'criticized')?.column;
  // Columns that give the units' items: an item (counts or points) or points over a category or clause.
  const itemColumns = mapping.filter((m) => !m.ignored && (m.item !== null || m.target !== undefined)).map((m) => m.column);
  if (itemColumns.length === 0) throw new AssessError({ kind: 'layout', zh: '没有映射到任何条目的列', en: 'no column is mapped to an item' });
  const first = Math.min(...itemColumns);
  const last = Math.max(...itemColumns);
  const dataRows = source.values.slice(source.headerRow + 1).length;
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
  const sourceHeader = source.values[source.headerRow] ?? [];
  const scoredHeader = (m: ColumnMatch): string => (m.ignored || (m.item === null && m.target === undefined) ? '备注' : cellText(mappedHeaderText(m, sourceHeader[m.column], ruleset)));
  const codeRow = [...lead, ...codes.map(scoredHeader), ...tail];
  const headerRow = ['原表头', '', '', ...codes.map((m) => m.header), ...tail.map(() => '')];
  const top = 3; // data from the 4th row (0-based 3): title, codes, original headers above
  const bottom = top + dataRows - 1;
  const sourceSheet = quoteSheet(source.sheet);
  const sourceRow = source.row + source.headerRow + 1; // 0-based sheet row of the first unit
  const ref = (column: number) => `${sourceSheet}!${a1(sourceRow, source.column + column)}`;
  const mirror = (column: number | undefined) => (column === undefined ? '=""' : `=IF(ISBLANK(${ref(column)}),"",${ref(column)})`);
  const dataFrom = columnLetters(blockStart);
  const dataTo = columnLetters(blockStart + width - 1);
  const S = columnLetters(scoreCol);
  const r = top + 1; // 1-based row of the first unit in A1 formulas
  const id = rulesetArgument(plan.rulesetRef);
  // Per-tier levels without a 圈层 column: LEVEL takes the unit names (column A) as tiers.
  const T = tierColumn === undefined && ruleset.levelScope === 'tier' ? 'A' : 'B';
  const formulas: string[] = [
    mirror(unitColumn),
    mirror(tierColumn),
    mirror(flagColumn),
    ...Array.from({ length: width }, (_, k) => mirror(first + k)),
    `=${fn.SCORE}(${dataFrom}${r}:${dataTo}${r},${id},${dataFrom}$2:${dataTo}$2)`,
    `=IF(ISNUMBER(${S}${r}),RANK.EQ(${S}${r},${S}$${top + 1}:${S}$${bottom + 1}),"")`,
    ...(hasGrade ? [`=${fn.GRADE}(${S}${r},${id})`] : []),
  ];
  // LEVEL: one formula for the whole column, spilled down (custom functions run only in
  // dynamic-array Excel, see README "Supported Excel versions"): each unit's level depends on
  // every score, so one call is O(N) where INDEX(LEVEL(column),ROW()-…) per row was O(N²).
  const level = hasLevel ? `=${fn.LEVEL}(${S}${top + 1}:${S}${bottom + 1},${id},$${T}$${top + 1}:$${T}$${bottom + 1},$C$${top + 1}:$C$${bottom + 1})` : null;
  const columns = formulas.length + (level ? 1 : 0);
  const lastCol = columnLetters(columns - 1);
  const lastFilled = columnLetters(formulas.length - 1);

  suspend(context);
  const sheet = sheets.add(name);
  writeValues(sheet.getRange('A1'), [[`计分表：${source.sheet}（${ruleset.spec.title}，${ruleset.id}）`]]);
  sheet.getRange('A1').format.font.bold = true;
  writeValues(sheet.getRange(`A2:${lastCol}2`), [codeRow]);
  writeValues(sheet.getRange(`A3:${lastCol}3`), [headerRow]);
  sheet.getRange(`A2:${lastCol}3`).format.font.bold = true;
  sheet.getRange(`A3:${lastCol}3`).format.font.color = '#616161';
  const firstRow = sheet.getRange(`A${r}:${lastFilled}${r}`);
  firstRow.formulas = [formulas];
  if (bottom > top) firstRow.autoFill(`A${r}:${lastFilled}${bottom + 1}`, 'FillDefault');
  if (level) sheet.getRange(`${lastCol}${r}`).formulas = [[level]];
  const totals = bottom + 3;
  const scores = `${S}${top + 1}:${S}${bottom + 1}`;
  sheet.getRange(`A${totals}:B${totals + 3}`).formulas = [
    ['单位数', `=COUNT(${scores})`],
    ['平均分', `=ROUND(AVERAGE(${scores}),2)`],
    ['最高分', `=MAX(${scores})`],
    ['最低分', `=MIN(${scores})`],
  ];
  sheet.freezePanes.freezeRows(3);
  const chart = sheet.charts.add('BarClustered', sheet.getRange(scores), 'Columns');
  chart.title.text = '各单位得分';
  chart.series.getItemAt(0).setXAxisValues(sheet.getRange(`A${top + 1}:A${bottom + 1}`));
  chart.series.getItemAt(0).name = '得分';
  chart.setPosition(`${columnLetters(columns + 1)}2`);
  sheet.activate();
  await calls.sync();
  return { sheet: name, rows: dataRows, syncs: calls.count() };
}

/** Excel data validation for an item's input cells. */
function validationRule(item: CompiledRuleset['items'][number]): Excel.DataValidationRule {
  const m = (micros: number) => micros / 1_000_000;
  switch (item.kind) {
    case 'flag':
      return { list: { inCellDropDown: true, source: '是,否' } };
    case 'judged':
      return item.max === null
        ? { decimal: { formula1: m(item.min), operator: 'GreaterThanOrEqualTo' } }
        : { decimal: { formula1: m(item.min), formula2: m(item.max), operator: 'Between' } };
    case 'rate':
      return { decimal: { formula1: 0, formula2: 1, operator: 'Between' } };
    case 'rank':
      return { wholeNumber: { formula1: 1, operator: 'GreaterThanOrEqualTo' } };
    default:
      return { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
  }
}

/** A new input sheet for a ruleset, as an Excel table with validation and formula columns. */
export async function createTemplate(context: Context, ruleset: CompiledRuleset, rulesetRef: RulesetRef, emptyRows = 20): Promise<ActionResult> {
  const calls = counted(context);
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await calls.sync();
  const name = uniqueSheetName(`录入 ${ruleset.id}`, sheets.items.map((ws) => ws.name));
  const inputs = ruleset.items.filter((item) => item.isInput);
  const tiered = ruleset.levelScope === 'tier';
  const criticized = ruleset.downgrade !== null;
  const lead = ['单位', ...(tiered ? ['圈层'] : []), ...(criticized ? ['通报批评或曝光'] : [])];
  const hasGrade = ruleset.grades.length > 0;
  const hasLevel = ruleset.levels.length > 0;
  const header = [...lead, ...inputs.map((item) => `${item.code} ${item.label}`), '得分', ...(hasGrade ? ['等次'] : []), ...(hasLevel ? ['等级'] : [])];
  const units = ruleset.spec.units;
  const rows = Math.max(emptyRows, units.length);
  const first = 3; // 1-based row of the first unit (title, header above)
  const last = first + rows - 1;
  const lastCol = columnLetters(header.length - 1);
  const from = columnLetters(lead.length);
  const to = columnLetters(lead.length + inputs.length - 1);
  const S = columnLetters(lead.length + inputs.length);
  const id = rulesetArgument(rulesetRef);
  const tierLabel = (code: string | undefined) => (code ? (ruleset.tiers.find((t) => t.code === code)?.label ?? code) : '');
  const leadValues: Cell[][] = Array.from({ length: rows }, (_, i) => [units[i]?.label ?? '', ...(tiered ? [tierLabel(units[i]?.tier)] : []), ...(criticized ? [''] : [])]);
  const tiers = tiered ? `$B$${first}:$B$${last}` : '';
  const flagCol = columnLetters(tiered ? 2 : 1);
  const flags = criticized ? `$${flagCol}$${first}:$${flagCol}$${last}` : '';
  const formulas = [
    `=IF(COUNTA(${from}${first}:${to}${first})=0,"",${fn.SCORE}(${from}${first}:${to}${first},${id},${from}$2:${to}$2))`,
    ...(hasGrade ? [`=IF(${S}${first}="","",${fn.GRADE}(${S}${first},${id}))`] : []),
    ...(hasLevel ? [`=IFERROR(INDEX(${fn.LEVEL}($${S}$${first}:$${S}$${last},${id},${[tiers, flags].join(',').replace(/,+$/, '')}),ROW()-${first - 1}),"")`.replace(',)', ')')] : []),
  ];

  suspend(context);
  const sheet = sheets.add(name);
  writeValues(sheet.getRange('A1'), [[`${ruleset.spec.title}（${ruleset.id}）录入表`]]);
  sheet.getRange('A1').format.font.bold = true;
  writeValues(sheet.getRange(`A2:${lastCol}2`), [header]);
  writeValues(sheet.getRange(`A${first}:${columnLetters(lead.length - 1)}${last}`), leadValues as (string | number | boolean)[][]);
  inputs.forEach((item, k) => {
    const column = columnLetters(lead.length + k);
    const cells = sheet.getRange(`${column}${first}:${column}${last}`);
    cells.dataValidation.rule = validationRule(item);
    cells.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: item.code, message: `${item.label}（${item.cite.clause}）`.slice(0, 225) };
    if (item.kind === 'rate') cells.numberFormat = Array.from({ length: rows }, () => ['0.00%']);
  });
  if (criticized) sheet.getRange(`${flagCol}${first}:${flagCol}${last}`).dataValidation.rule = { list: { inCellDropDown: true, source: '是,否' } };
  const formulaRow = sheet.getRange(`${S}${first}:${lastCol}${first}`);
  formulaRow.formulas = [formulas];
  if (last > first) formulaRow.autoFill(`${S}${first}:${lastCol}${last}`, 'FillDefault');
  const table = sheet.tables.add(`A2:${lastCol}${last}`, true);
  table.name = `ASSESS_${ruleset.id.replace(/[^A-Za-z0-9_]/g, '_')}_${Date.now() % 100000}`;
  sheet.freezePanes.freezeRows(2);
  sheet.activate();
  await calls.sync();
  return { sheet: name, rows, syncs: calls.count() };
}

/** A new sheet holding a ruleset as a table (prefilled from a built-in as the example). */
export async function createRulesetSheet(context: Context, ruleset: CompiledRuleset): Promise<ActionResult & { address: string }> {
  const calls = counted(context);
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await calls.sync();
  const name = uniqueSheetName(`规则 ${ruleset.id}`, sheets.items.map((ws) => ws.name));
  const table = rulesetToTable(ruleset.spec).map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : cell)));
  const address = `A1:${columnLetters(table[0].length - 1)}${table.length}`;
  suspend(context);
  const sheet = sheets.add(name);
  writeValues(sheet.getRange(address), table as (string | number | boolean)[][]);
  sheet.getRange(`A1:${columnLetters(table[0].length - 1)}1`).format.font.bold = true;
  sheet.freezePanes.freezeRows(1);
  sheet.activate();
  await calls.sync();
  return { sheet: name, rows: table.length, syncs: calls.count(), address: `${quoteSheet(name)}!${address}` };
}

const MARKS_SETTING = 'assess.marks';
interface SavedMark {
  sheet: string;
  cell: string;
  fill: Excel.CellPropertiesFill;
}

/** Validates the selected ruleset table; problems point at cells. Two syncs (bounds, rows). */
export async function checkRulesetTable(context: Context): Promise<RulesetCheck> {
  return checkRulesetBlock(await readSourceTable(context));
}

/**
 * Writes of one batch of marks stay under this estimate (a tenth of the 5 MB request limit of
 * Excel on the web): each cell costs its comment's UTF-8 bytes plus MARK_OVERHEAD_BYTES for the
 * fill, the two operations and their object paths.
 */
export const MARK_BATCH_BYTES = 512 * 1024;
export const MARK_OVERHEAD_BYTES = 400;
/**
 * The undo record holds one entry per marked cell (a cell marked again keeps its first entry);
 * at most this many (≈ 1 MB of JSON at worst): beyond it 清除标记 first.
 */
export const MARKS_MAX = 6000;

/**
 * Validates the selected table in place: each finding's cell gets a fill and a comment with the
 * reason and clause; the previous fills are saved in the workbook so clearMarks restores them
 * exactly. Syncs: the table's bounds (with the comments and saved marks); its rows, in chunks (see
 * readSourceTable); the fills of the cells to mark (only those) and where the comments are; then
 * one per batch of marks. The first batch starts with the undo record of every cell the run will
 * mark, so whichever operation fails, every cell already marked is in the record and 清除标记
 * restores it. At most MARK_LIMIT cells are marked per run.
 */
export async function markFindings(context: Context, ruleset: CompiledRuleset, mapping?: ColumnMatch[]): Promise<{ findings: MarkedFinding[]; marked: number; syncs: number; sheet: string }> {
  const calls = counted(context);
  // Sync 1 (with the table's bounds): the comments and the saved marks.
  const comments = context.workbook.comments;
  comments.load('items/content');
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load('value');
  const source = await readTable(context, calls.sync);
  const findings = findingsOnCells(source, ruleset, mapping);
  const byCell = new Map(findingMarks(findings, source.sheet).map((mark) => [mark.cell, mark]));
  const previous = setting.isNullObject ? [] : (JSON.parse(String(setting.value)) as SavedMark[]);
  if (byCell.size === 0) return { findings, marked: 0, syncs: calls.count(), sheet: source.sheet };
  const key = (where: string, cell: string) => `${where}!${cell}`;
  const saved = new Map(previous.map((mark) => [key(mark.sheet, mark.cell), mark]));
  const fresh = [...byCell.keys()].filter((cell) => !saved.has(key(source.sheet, cell))).length;
  if (saved.size + fresh > MARKS_MAX) {
    throw new AssessError({
      kind: 'layout',
      zh: `已有 ${saved.size} 处标记，再标记 ${fresh} 处将超过 ${MARKS_MAX} 处：请先点击“清除标记”`,
      en: `${saved.size} cells are marked already; ${fresh} more would pass ${MARKS_MAX}: click "Clear marks" first`,
    });
  }
  // Next sync: the fills of the cells to mark (only those), and where the comments are.
  const sheet = context.workbook.worksheets.getItem(source.sheet);
  const fills = [...byCell.keys()].map((cell) => ({ cell, props: sheet.getRange(cell).getCellProperties({ format: { fill: { color: true, pattern: true } } }) }));
  const locations = comments.items.map((comment) => {
    const location = comment.getLocation();
    location.load(['address']);
    return location;
  });
  await calls.sync();

  // Cells with a comment (ours or the clerk's) get no second one.
  const commented = new Set<string>();
  for (const location of locations) {
    const { sheet: where, row, column } = parseAddress(location.address);
    if (where === source.sheet) commented.add(a1(row, column));
  }
  // The fill to restore is the one before our first mark, not our own colour.
  for (const { cell, props } of fills) {
    if (!saved.has(key(source.sheet, cell))) saved.set(key(source.sheet, cell), { sheet: source.sheet, cell, fill: props.value[0]?.[0]?.format?.fill ?? {} });
  }
  const marks = fills.map(({ cell }) => {
    const mark = byCell.get(cell);
    const text = commented.has(cell) || !mark ? null : mark.note;
    return { cell, fill: mark?.fill ?? '', text, bytes: MARK_OVERHEAD_BYTES + (text ? jsonBytes(text) : 0) };
  });
  const record = JSON.stringify([...saved.values()]);
  let batch: typeof marks = [];
  let bytes = jsonBytes(record);
  let first = true;
  const flush = async () => {
    suspend(context);
    // The undo record goes first: everything after it in the batch (and later batches) is covered.
    if (first) context.workbook.settings.add(MARKS_SETTING, record);
    first = false;
    for (const { cell, fill, text } of batch) {
      sheet.getRange(cell).format.fill.color = fill;
      if (text !== null) comments.add(`${quoteSheet(source.sheet)}!${cell}`, text);
    }
    batch = [];
    bytes = 0;
    await calls.sync();
  };
  for (const mark of marks) {
    if (batch.length > 0 && bytes + mark.bytes > MARK_BATCH_BYTES) await flush();
    batch.push(mark);
    bytes += mark.bytes;
  }
  await flush();
  return { findings, marked: byCell.size, syncs: calls.count(), sheet: source.sheet };
}

/**
 * Removes the marks of markFindings: fills back exactly as saved, our comments (tagged) deleted,
 * the clerk's comments kept. Two syncs.
 */
export async function clearMarks(context: Context): Promise<{ cleared: number; syncs: number }> {
  const calls = counted(context);
  const setting = context.workbook.settings.getItemOrNullObject(MARKS_SETTING);
  setting.load('value');
  const comments = context.workbook.comments;
  comments.load('items/content');
  await calls.sync();
  const marks = setting.isNullObject ? [] : (JSON.parse(String(setting.value)) as SavedMark[]);
  const ours = comments.items.filter((comment) => comment.content.startsWith(COMMENT_TAG));
  if (marks.length === 0 && ours.length === 0) return { cleared: 0, syncs: calls.count() };
  suspend(context);
  for (const mark of marks) {
    const cell = context.workbook.worksheets.getItem(mark.sheet).getRange(mark.cell);
    if (!mark.fill.pattern || mark.fill.pattern === 'None') cell.format.fill.clear();
    else cell.setCellProperties([[{ format: { fill: mark.fill } }]]);
  }
  for (const comment of ours) comment.delete();
  if (!setting.isNullObject) setting.delete();
  await calls.sync();
  return { cleared: marks.length, syncs: calls.count() };
}

/** Selects a cell (the pane's "go to cell"). One sync. */
export async function goToCell(context: Context, sheet: string, cell: string): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(cell).select();
  await context.sync();
}

