/** .xlsx out for the CLI (exceljs): scorecards and templates, with text Excel and XML accept. */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { width } from './output';
import type { CompiledItem, CompiledRuleset } from '../core/compile';
import { TRADITIONAL_QUOTES_NOTE, isTraditional, simplifiedClauses, simplifiedLabel } from '../core/text';
import type { BatchResult, ItemResult, UnitResult } from '../core/result';
import { columnsWithValues } from '../core/printed-columns';
import { itemHeader } from '../core/item-header';
import { codeNames, namedMessage, namedSubject } from '../core/worded';
import { CREATOR, KEYWORD } from './safe-write';
import { UsageError } from './usage-error';

type CellValue = ExcelJS.CellValue;

/** Excel's limit on the text of one cell (UTF-16 code units). */
export const MAX_CELL_TEXT = 32_767;

/**
 * Characters XML 1.0 does not allow (Char production): C0 controls but tab, LF and CR; U+FFFE,
 * U+FFFF; lone surrogates (with the u flag a valid pair is one code point, in the last range).
 */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NOT_XML_ALL = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/**
 * Text as a cell can hold it: what XML 1.0 forbids removed, then cut to 32,767 characters (never
 * in the middle of a surrogate pair). `removed` counts removed characters; `cutFrom` is the
 * length before cutting (0 when not cut). The same string back when nothing had to change.
 */
export function cellText(text: string): { text: string; removed: number; cutFrom: number } {
  if (text.length <= MAX_CELL_TEXT && !NOT_XML.test(text)) return { text, removed: 0, cutFrom: 0 };
  let removed = 0;
  let clean = text.replace(NOT_XML_ALL, (bad) => {
    removed += bad.length;
    return '';
  });
  let cutFrom = 0;
  if (clean.length > MAX_CELL_TEXT) {
    cutFrom = clean.length;
    const high = clean.charCodeAt(MAX_CELL_TEXT - 1);
    clean = clean.slice(0, high >= 0xd800 && high <= 0xdbff ? MAX_CELL_TEXT - 1 : MAX_CELL_TEXT);
  }
  return { text: clean, removed, cutFrom };
}

/** Cells whose text had to change, gathered per unit (null: not a unit's row). */
export interface TextChange {
  /** The unit's name as written (itself cleaned), or null. */
  unit: string | null;
  /** Addresses, as 计分表!A2 (the first few). */
  cells: string[];
  /** How many cells in all. */
  count: number;
  /** Characters removed in all. */
  removed: number;
  /** Cells cut to 32,767 characters. */
  cut: number;
}

/** Cells listed per unit; the rest are counted. */
const CELLS_LISTED = 5;

/** Cleans the text of every cell written and remembers what changed where. */
export class TextGuard {
  private readonly byUnit = new Map<string | null, TextChange>();

  clean(text: string, where: () => string, unit: string | null): string {
    const result = cellText(text);
    if (result.text === text) return text;
    let change = this.byUnit.get(unit);
    if (!change) {
      change = { unit: unit === null ? null : cellText(unit).text, cells: [], count: 0, removed: 0, cut: 0 };
      this.byUnit.set(unit, change);
    }
    change.count++;
    if (change.cells.length < CELLS_LISTED) change.cells.push(where());
    change.removed += result.removed;
    if (result.cutFrom > 0) change.cut++;
    return result.text;
  }

  get changes(): TextChange[] {
    return Array.from(this.byUnit.values());
  }
}

/** What was changed where, for the 问题 sheet and stderr: the cells, then what was done. */
export function describeChange(change: TextChange): { cellsZh: string; cellsEn: string; zh: string; en: string } {
  const more = change.count - change.cells.length;
  const zh: string[] = [];
  const en: string[] = [];
  if (change.removed > 0) {
    zh.push(`删除了 ${change.removed} 个 XML 不允许的字符（控制字符等）`);
    en.push(`removed ${change.removed} characters XML does not allow (control characters and the like)`);
  }
  if (change.cut > 0) {
    zh.push(`${change.cut} 个单元格超过 Excel 的 ${MAX_CELL_TEXT} 个字符上限，已截断`);
    en.push(`cut ${change.cut} cells to Excel's limit of ${MAX_CELL_TEXT} characters`);
  }
  return {
    cellsZh: `${change.cells.join('、')}${more > 0 ? ` 等 ${change.count} 个单元格` : ''}`,
    cellsEn: `${change.cells.join(', ')}${more > 0 ? ` and ${more} more cells` : ''}`,
    zh: zh.join('；'),
    en: en.join('; '),
  };
}

/** Column number (1-based) → letters. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** "第3行第4列" (1-based within the sheet) → "D3". */
export function a1(where: string | undefined): string {
  const match = where ? /第(\d+)行第(\d+)列/.exec(where) : null;
  return match ? `${columnLetters(Number(match[2]))}${match[1]}` : '';
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDEECF9' } };
const WARN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4CE' } };
const ALERT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE7E9' } };

/**
 * Cell styles for the streaming writer, shared by every cell that has them: exceljs keys its
 * style ids by the style object, so a shared object costs one lookup per cell where a fresh one
 * (what each new cell gets) costs a serialisation. Never mutated: cells get one of these
 * assigned whole, never `cell.fill = …` (which would change it for every cell).
 */
/**
 * Every data cell wraps within its column (top-aligned) and its row is made tall enough for the
 * lines it needs (see rowHeight), so a printed page shows all of every text instead of cutting it
 * at the cell's edge (提示, 计算说明, 问题, 原文 …).
 */
const WRAP_ALIGNMENT: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true };
const PLAIN: Partial<ExcelJS.Style> = { alignment: WRAP_ALIGNMENT };
const HEADER: Partial<ExcelJS.Style> = { font: { bold: true }, fill: HEADER_FILL, alignment: WRAP_ALIGNMENT };
const WARN: Partial<ExcelJS.Style> = { fill: WARN_FILL, alignment: WRAP_ALIGNMENT };
const ALERT: Partial<ExcelJS.Style> = { fill: ALERT_FILL, alignment: WRAP_ALIGNMENT };

/** The title row: one line, not wrapped (it runs on over the empty cells beside it). */
const TITLE: Partial<ExcelJS.Style> = { font: { bold: true, size: 14 } };

/**
 * Print settings of every scorecard sheet, so a leader can read it: A4 (paperSize 9) landscape at
 * 100 % (11-point text prints at 11 points; never scaled to fit, which printed a 45-column 明细 at
 * about 2 points), a sheet wider than the page continuing on further pages with the unit column
 * repeated on each (printTitlesColumn, set per sheet) as are the title and header rows
 * (printTitlesRow), page numbers in the footer.
 */
export const SCORECARD_PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: false,
  scale: 100,
  horizontalCentered: false,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};
export const SCORECARD_FOOTER: Partial<ExcelJS.HeaderFooter> = { oddFooter: '&C第 &P 页，共 &N 页' };

/**
 * Column widths (Excel's unit, about one Latin character of 11-point text) that fit across one
 * A4 landscape page within SCORECARD_PAGE_SETUP's margins at 100 %: 842 − 2 × 0.4 in = 784 pt =
 * 1,045 px; a column of width w takes w × 7 + 5 px in Excel (Calibri 11), so about 140 units.
 * LibreOffice draws the same widths about a fifth wider (measured on its PDF of a scorecard), so
 * 110 units are used: a page in either program holds them.
 */
export const PAGE_WIDTH_UNITS = 110;

/** Widths that fill the page: the given fixed widths, then `rest` shared by the flexible columns in the given proportions. */
export function fillPage(fixed: readonly number[], shares: readonly number[]): number[] {
  const used = fixed.reduce((sum, w) => sum + w + 1, 0) + shares.length;
  const room = Math.max(shares.length * 20, PAGE_WIDTH_UNITS - used);
  const total = shares.reduce((a, b) => a + b, 0);
  return [...fixed, ...shares.map((share) => Math.max(20, Math.floor((room * share) / total)))];
}

/** Points per line of 11-point text, CJK fonts included. */
const LINE_HEIGHT = 16;
/** The tallest row Excel allows (points). */
export const MAX_ROW_HEIGHT = 409;

/**
 * Height of a row whose cells wrap: enough lines for the longest cell in its column's width, so no
 * text is clipped. Excel's width unit holds about one Latin character, a CJK character takes two
 * (width: string-width's answer, output.ts); a tenth is kept spare, as renderers break lines a little earlier than the sum of
 * widths says. Excel does not grow a row for wrapped text it opens, it shows what is set. At most
 * Excel's 409 points.
 */
export function wrappedHeight(values: readonly CellValue[], widths: readonly number[]): number {
  let lines = 1;
  values.forEach((value, c) => {
    if (typeof value !== 'string' || value === '') return;
    const room = Math.max(1, ((widths[c] ?? 8) - 1) * 0.9);
    const needed = value.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(width(part) / room)), 0);
    lines = Math.max(lines, needed);
  });
  return Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4);
}

/** The date a scorecard is made, as YYYY-MM-DD in local time. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A column of 明细: an item, or an adjustment (a cap …), by code and occurrence within a unit. */
interface DetailColumn {
  header: string;
  clause: string;
}

/**
 * The columns of 明细 over the whole batch, in first-seen order, and for each unit the column of
 * each of its items (same order as unit.items). A code a unit lists twice (a group applied once,
 * then capped) gets a second column "（2）", so every cell holds one line of the breakdown.
 */
function detailColumns(units: readonly UnitResult[]): { columns: DetailColumn[]; slots: number[][] } {
  const columns: DetailColumn[] = [];
  const index = new Map<string, number>();
  const seen = new Map<string, number>();
  const slots = units.map((unit) => {
    seen.clear();
    return unit.items.map((item) => {
      const nth = (seen.get(item.code) ?? 0) + 1;
      seen.set(item.code, nth);
      const key = nth === 1 ? item.code : `${item.code}\u0000${nth}`;
      let at = index.get(key);
      if (at === undefined) {
        at = columns.length;
        index.set(key, at);
        columns.push({ header: `${item.label}${nth === 1 ? '' : `（${nth}）`}`, clause: item.clause });
      }
      return at;
    });
  });
  return { columns, slots };
}

/** Excel's widest sheet: columns A to XFD. */
export const EXCEL_COLUMNS = 16_384;

/**
 * Refuses a sheet wider than Excel's 16,384 columns before anything is written (exceljs would fail
 * half-way, in English: "16385 is out of bounds"). `items`: the ruleset's items, one column each.
 */
export function checkColumns(path: string, sheet: string, columns: number, items: number): void {
  if (columns <= EXCEL_COLUMNS) return;
  const n = (x: number) => x.toLocaleString('en-US');
  throw new UsageError(
    `无法写入 ${path}：工作表「${sheet}」需要 ${n(columns)} 列（规则集有 ${n(items)} 个条目，每个一列），超过 Excel 每个工作表最多的 ${n(EXCEL_COLUMNS)} 列。请减少规则集的条目，或不用 --out 而用 --format json 或 csv 输出`,
    `cannot write ${path}: the sheet ${sheet} needs ${n(columns)} columns (the ruleset has ${n(items)} items, one column each), more than the ${n(EXCEL_COLUMNS)} an Excel sheet holds. Use a ruleset with fewer items, or --format json or csv instead of --out`,
  );
}

/** 明细's columns for a batch: 单位, 得分, one per item and adjustment that occurs, 计算说明. */
export function detailWidth(batch: BatchResult): number {
  return detailColumns(batch.units).columns.length + 3;
}

/** 明细's columns at the least, known from the ruleset before scoring: every unit lists every scored item. */
export function detailWidthAtLeast(ruleset: CompiledRuleset): number {
  return ruleset.scoredItems.length + 3;
}

/** The template's columns: 单位 (圈层, 通报批评或曝光), one per input item, then 得分 (等次, 等级). */
export function templateWidth(ruleset: CompiledRuleset): number {
  const lead = 1 + (ruleset.levelScope === 'tier' ? 1 : 0) + (ruleset.downgrade !== null ? 1 : 0);
  const formulas = 1 + (ruleset.grades.length > 0 ? 1 : 0) + (ruleset.levels.length > 0 ? 1 : 0);
  return lead + ruleset.items.filter((item) => item.isInput).length + formulas;
}

/** The note of points entered and counted as entered. */
const ENTERED_AS_IS = /^填写得分 -?[\d.]+$/;

/** Why a unit's items scored what they did: "1.2：2−2×0.5；3.9：低于100% 1 档 × 0.2；…". */
function detailNotes(unit: UnitResult): string {
  const parts: string[] = [];
  // "填写得分 3" only repeats the number in the item's own column: left out ("2.5→2" is kept).
  for (const item of unit.items) if (item.note !== '' && !ENTERED_AS_IS.test(item.note)) parts.push(`${item.label}：${item.note}`);
  return parts.join('；');
}

/**
 * Adds a row and commits it (written out, then forgotten), one shared style on every cell.
 * `undefined` leaves a cell out altogether (cheaper than null, which makes an empty cell);
 * a styled row (headers, highlights) styles its empty cells too. `height`: points, or the
 * sheet's column widths to make the row as tall as its wrapped text needs (wrappedHeight).
 */
function put(sheet: ExcelJS.Worksheet, values: CellValue[], text: { guard: TextGuard; unit: string | null }, style: Partial<ExcelJS.Style> = PLAIN, height?: number | readonly number[]): void {
  const row = sheet.addRow(values);
  for (let c = 0; c < values.length; c++) {
    const value = values[c];
    if (typeof value !== 'string') continue;
    const clean = text.guard.clean(value, () => `${sheet.name}!${columnLetters(c + 1)}${row.number}`, text.unit);
    if (clean !== value) {
      row.getCell(c + 1).value = clean;
      values[c] = clean;
    }
  }
  if (typeof height === 'number') row.height = height;
  else if (height !== undefined) row.height = wrappedHeight(values, height);
  row.eachCell({ includeEmpty: style !== PLAIN }, (cell) => {
    cell.style = style;
  });
  row.commit();
}

/** Rows between pauses that let the zip stream (deflate runs off the main thread) catch up. */
const ROWS_PER_YIELD = 500;
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the scorecard to `stream` with exceljs's streaming writer, row by row: 计分表 (scores,
 * ranks, levels; threshold and warning rows highlighted), 明细 (one row per unit: score, each
 * item's points, adjustments, and how each was worked out; clauses in a second header row),
 * 问题 (findings with cell addresses and clauses; last, the cells whose text had to be cleaned)
 * and 说明. Every text is cleaned for XML and Excel (cellText); what changed is returned.
 */
export async function writeScorecard(
  stream: Writable,
  ruleset: CompiledRuleset,
  batch: BatchResult,
  source: { file: string; sheet?: string },
): Promise<TextChange[]> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.keywords = KEYWORD.scorecard;
  const guard = new TextGuard();
  const header = { guard, unit: null };
  const tierLabel = (tier: string | null) => (tier === null ? undefined : (ruleset.tiers.find((t) => t.code === tier)?.label ?? tier));
  let rows = 0;
  const tick = async () => {
    if (++rows % ROWS_PER_YIELD === 0) await pause();
  };

  const date = today();
  // The ruleset's id (a code) is in 说明; the title is the regulation's own title.
  const title = (sheetName: string) => `${ruleset.spec.title}　${sheetName}　${date}`;
  // Print titles: the title and header rows on every page, and the unit column on every page
  // of a sheet wider than one page.
  const sheetOptions = (ySplit: number, xSplit: number) => ({
    views: [{ state: 'frozen' as const, xSplit, ySplit }],
    pageSetup: { ...SCORECARD_PAGE_SETUP, printTitlesRow: `1:${ySplit}`, printTitlesColumn: 'A:A' },
    headerFooter: SCORECARD_FOOTER,
  });

  // 计分表: a column no unit has a value in (圈层 without tiers, 等次 without grades, 奖励 …) is
  // left out, so the printout holds no empty columns. No width of 9: exceljs takes 9 for its
  // default and writes no width at all (Excel then shows 8.43).
  const scoreColumns: Array<{ header: string; width: number; value: (unit: UnitResult) => CellValue; always?: boolean }> = [
    { header: '单位', width: 14, value: (unit) => unit.unit, always: true },
    { header: '圈层', width: 8, value: (unit) => tierLabel(unit.tier) },
    { header: '得分', width: 8, value: (unit) => unit.score, always: true },
    { header: '名次', width: 6, value: (unit) => unit.rank ?? undefined },
    { header: '等次', width: 8, value: (unit) => unit.grade ?? undefined },
    { header: '等级', width: 8, value: (unit) => unit.level ?? undefined },
    { header: '等级加分', width: 10, value: (unit) => unit.result ?? undefined },
    { header: '奖励(元)', width: 10, value: (unit) => unit.reward ?? undefined },
    { header: '加分', width: 8, value: (unit) => unit.bonus, always: true },
    { header: '扣分', width: 8, value: (unit) => unit.deduction, always: true },
  ];
  // The rule the pane's scorecard hides its empty columns by (src/core/printed-columns.ts).
  const shownScoreColumns = columnsWithValues(scoreColumns, batch.units);
  const scoreWidths = fillPage(shownScoreColumns.map((column) => column.width), [1]);
  const scores = workbook.addWorksheet('计分表', sheetOptions(2, 1));
  scores.columns = scoreWidths.map((width) => ({ width }));
  put(scores, [title('计分表')], header, TITLE, 24);
  const scoreHeaders = [...shownScoreColumns.map((column) => column.header), '提示'];
  put(scores, scoreHeaders, header, HEADER, scoreWidths);
  for (const unit of batch.units) {
    const warnings = unit.findings.filter((f) => f.severity === 'warning').map((f) => simplifiedClauses(f.zh));
    const tips = unit.thresholds.concat(warnings).join('；') || undefined;
    put(
      scores,
      [...shownScoreColumns.map((column) => column.value(unit)), tips],
      { guard, unit: unit.unit },
      unit.thresholds.length > 0 ? ALERT : warnings.length > 0 ? WARN : PLAIN,
      scoreWidths,
    );
    await tick();
  }
  scores.commit();

  // 明细: narrow item columns (numbers), headers wrap to fit; as many pages across as needed, the
  // unit column repeated on each; 计算说明 last, as wide as a page allows beside the unit column.
  const { columns, slots } = detailColumns(batch.units);
  const width = columns.length + 3;
  const detail = workbook.addWorksheet('明细', sheetOptions(3, 1));
  const detailWidths = [14, 8, ...columns.map(() => 12), fillPage([14], [1])[1]];
  detail.columns = detailWidths.map((w) => ({ width: w }));
  put(detail, [title('明细')], header, TITLE, 24);
  const detailHeaders = ['单位', '得分', ...columns.map((c) => c.header), '计算说明'];
  put(detail, detailHeaders, header, HEADER, detailWidths);
  const clauseRow: CellValue[] = ['条款', null, ...columns.map((c) => simplifiedLabel(c.clause)), null];
  put(detail, clauseRow, header, HEADER, detailWidths);
  for (let u = 0; u < batch.units.length; u++) {
    const unit = batch.units[u];
    const values = new Array<CellValue>(width); // items a unit lacks stay holes: no cell
    values[0] = unit.unit;
    values[1] = unit.score;
    const at = slots[u];
    for (let i = 0; i < unit.items.length; i++) values[2 + at[i]] = unit.items[i].points;
    values[width - 1] = detailNotes(unit) || undefined;
    put(detail, values, { guard, unit: unit.unit }, PLAIN, detailWidths);
    await tick();
  }
  detail.commit();

  // 说明 is written after 问题, which lists what was cleaned: its texts are cleaned first.
  const traditional = batch.units.some((unit) => unit.findings.some((finding) => isTraditional(finding.quote))) || ruleset.thresholds.some((t) => isTraditional(t.cite.quote));
  const aboutRows: Array<[string, string]> = [
    ['规则集', `${ruleset.spec.title}（${ruleset.id}，版本 ${ruleset.spec.version}，${ruleset.spec.effective}）`],
    ['来源', source.sheet ? `${source.file}（工作表 ${source.sheet}）` : source.file],
    ['生成', `ASSESS 政务服务考核，${date}`],
    ...(traditional ? [['原文', `${TRADITIONAL_QUOTES_NOTE.zh}。`] as [string, string]] : []),
  ];
  for (let r = 0; r < aboutRows.length; r++) aboutRows[r][1] = guard.clean(aboutRows[r][1], () => `说明!B${r + 1}`, null);

  const names = codeNames(ruleset);
  const problems = workbook.addWorksheet('问题', sheetOptions(2, 0));
  // 单位, 单元格, 条目或类别, 问题, 条款, 原文 across one page: 问题 and 原文 share what is left.
  const [messageWidth, quoteWidth] = fillPage([14, 7, 14, 12], [5, 4]).slice(4);
  const problemWidths = [14, 7, 14, messageWidth, 12, quoteWidth];
  problems.columns = problemWidths.map((w) => ({ width: w }));
  put(problems, [title('问题')], header, TITLE, 24);
  const problemHeaders = ['单位', '单元格', '条目或类别', '问题', '条款', '原文'];
  put(problems, problemHeaders, header, HEADER, problemWidths);
  for (const unit of batch.units) {
    const text = { guard, unit: unit.unit };
    for (const label of unit.thresholds) {
      const threshold = ruleset.thresholds.find((t) => t.spec.label === label);
      put(problems, [unit.unit, null, '阈值', label, threshold ? simplifiedLabel(threshold.cite.clause) : null, threshold?.cite.quote ?? null], text, ALERT, problemWidths);
    }
    for (const finding of unit.findings) {
      // Items and groups by label, not code (issue 22.4).
      const subject = namedSubject(finding, names);
      put(problems, [unit.unit, a1(finding.where) || undefined, subject, simplifiedClauses(namedMessage(finding, names)), simplifiedLabel(finding.clause), finding.quote], text, finding.severity === 'warning' ? WARN : PLAIN, problemWidths);
    }
    await tick();
  }
  const changes = guard.changes;
  for (const change of changes) {
    // Already clean (unit names were cleaned when recorded); a guard of their own all the same.
    const { cellsZh, zh } = describeChange(change);
    put(problems, [change.unit ?? undefined, cellsZh, '文本', zh, null, null], { guard: new TextGuard(), unit: null }, WARN, problemWidths);
    await tick();
  }
  problems.commit();

  const about = workbook.addWorksheet('说明', { pageSetup: { ...SCORECARD_PAGE_SETUP }, headerFooter: SCORECARD_FOOTER });
  const aboutWidths = fillPage([10], [1]);
  about.columns = aboutWidths.map((width) => ({ width }));
  for (const row of aboutRows) put(about, row, header, PLAIN, aboutWidths);
  about.commit();
  await workbook.commit();
  return changes;
}

function validationFor(item: CompiledItem): ExcelJS.DataValidation {
  const m = (micros: number) => micros / 1_000_000;
  const prompt = `${item.label}（${simplifiedLabel(item.cite.clause)}）`.slice(0, 250);
  switch (item.kind) {
    case 'flag':
      return { type: 'list', allowBlank: true, formulae: ['"是,否"'], showErrorMessage: true, error: '请选择 是 或 否', prompt };
    case 'judged':
      return item.max === null
        ? { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [m(item.min)], showErrorMessage: true, error: `应为不小于 ${m(item.min)} 的分数`, prompt }
        : { type: 'decimal', operator: 'between', allowBlank: true, formulae: [m(item.min), m(item.max)], showErrorMessage: true, error: `应在 ${m(item.min)}–${m(item.max)} 之间`, prompt };
    case 'rate':
      return { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 1], showErrorMessage: true, error: '应为 0%–100%', prompt };
    case 'rank':
      return { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [1], showErrorMessage: true, error: '名次应为不小于 1 的整数', prompt };
    default:
      return { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: '应为不小于 0 的整数', prompt };
  }
}

/**
 * An input sheet for a ruleset: title, headers (code + label), validation, ASSESS formula columns.
 * Its texts (labels, unit names, prompts from the ruleset) are cleaned like a scorecard's; what
 * changed is returned.
 */
export function templateWorkbook(ruleset: CompiledRuleset, rows = 20): { workbook: ExcelJS.Workbook; changes: TextChange[] } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = CREATOR;
  workbook.lastModifiedBy = CREATOR;
  workbook.keywords = KEYWORD.template;
  const sheet = workbook.addWorksheet(ruleset.id);
  const guard = new TextGuard();
  const clean = (text: string, where: string, unit: string | null = null) => guard.clean(text, () => `${sheet.name}!${where}`, unit);
  const inputs = ruleset.items.filter((item) => item.isInput);
  const tiered = ruleset.levelScope === 'tier';
  const criticized = ruleset.downgrade !== null;
  const lead = ['单位', ...(tiered ? ['圈层'] : []), ...(criticized ? ['通报批评或曝光'] : [])];
  // The item's label and clause, not its code (issue 22.4); read back as the item by ASSESS.SCORE.
  const headers = lead.concat(inputs.map((item) => itemHeader(ruleset, item)));
  const units = ruleset.spec.units.length > 0 ? ruleset.spec.units : [];
  const count = Math.max(rows, units.length);
  const first = 3;
  const last = first + count - 1;
  const dataFrom = columnLetters(lead.length + 1);
  const dataTo = columnLetters(headers.length);
  const scoreCol = columnLetters(headers.length + 1);
  const id = ruleset.id;
  const formulaHeaders = ['得分', ...(ruleset.grades.length > 0 ? ['等次'] : []), ...(ruleset.levels.length > 0 ? ['等级'] : [])];
  // The regulation's own title (the ruleset's id is a code, in the formulas).
  sheet.addRow([clean(`${ruleset.spec.title}　录入表`, 'A1')]).font = { bold: true, size: 14 };
  sheet.addRow(headers.concat(formulaHeaders).map((text, c) => clean(text, `${columnLetters(c + 1)}2`)));
  for (let i = 0; i < count; i++) {
    const r = first + i;
    const unit = units[i];
    const tier = unit?.tier ? (ruleset.tiers.find((t) => t.code === unit.tier)?.label ?? unit.tier) : null;
    const label = unit?.label === undefined ? null : clean(unit.label, `A${r}`, unit.label);
    const row: ExcelJS.CellValue[] = [label, ...(tiered ? [tier === null ? null : clean(tier, `B${r}`, unit?.label ?? null)] : []), ...(criticized ? [null] : [])];
    for (let k = 0; k < inputs.length; k++) row.push(null);
    row.push({ formula: `ASSESS.SCORE(${dataFrom}${r}:${dataTo}${r},"${id}",${dataFrom}$2:${dataTo}$2)` });
    if (ruleset.grades.length > 0) row.push({ formula: `ASSESS.GRADE(${scoreCol}${r},"${id}")` });
    if (ruleset.levels.length > 0) {
      const flagCol = columnLetters(tiered ? 3 : 2);
      const tiers = tiered ? `$B$${first}:$B$${last}` : '';
      const flags = criticized ? `$${flagCol}$${first}:$${flagCol}$${last}` : '';
      // LEVEL(scores, ruleset, [tiers], [criticized]); an omitted argument stays an empty slot.
      const args = [`$${scoreCol}$${first}:$${scoreCol}$${last}`, `"${id}"`, tiers, flags].join(',').replace(/,+$/, '');
      row.push({ formula: `INDEX(ASSESS.LEVEL(${args}),${r - first + 1})` });
    }
    sheet.addRow(row);
  }
  inputs.forEach((item, k) => {
    const col = columnLetters(lead.length + 1 + k);
    const raw = validationFor(item);
    const where = `${col}${first}:${col}${last}`;
    const validation: ExcelJS.DataValidation = { ...raw, prompt: raw.prompt === undefined ? undefined : clean(raw.prompt, where), error: raw.error === undefined ? undefined : clean(raw.error, where) };
    for (let r = first; r <= last; r++) sheet.getCell(`${col}${r}`).dataValidation = validation;
    if (item.kind === 'rate') for (let r = first; r <= last; r++) sheet.getCell(`${col}${r}`).numFmt = '0.00%';
  });
  if (criticized) {
    const col = columnLetters(tiered ? 3 : 2);
    for (let r = first; r <= last; r++) sheet.getCell(`${col}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  }
  sheet.getRow(2).font = { bold: true };
  sheet.getRow(2).alignment = { wrapText: true, vertical: 'top' };
  sheet.getRow(2).eachCell((cell) => { cell.fill = HEADER_FILL; });
  sheet.getColumn(1).width = 14;
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 2 }];
  sheet.pageSetup = { ...SCORECARD_PAGE_SETUP, printTitlesRow: '1:2' };
  sheet.headerFooter = SCORECARD_FOOTER;

  // Why the formula cells may show #NAME?: they are the add-in's functions.
  const about = workbook.addWorksheet('说明');
  about.columns = [{ width: 12 }, { width: 90 }];
  const formulaColumns = formulaHeaders.join('、');
  const aboutRows: Array<[string, string]> = [
    ['规则集', guard.clean(`${ruleset.spec.title}（${id}，版本 ${ruleset.spec.version}，${ruleset.spec.effective}）`, () => '说明!B1', null)],
    ['填写', '每个单位一行，在各条目列填写数量、分数或 是/否；空白表示未填写。'],
    ['公式', `${formulaColumns}列是 ASSESS 加载项的公式（ASSESS.SCORE 等），只在装有 ASSESS 加载项的 Excel 中计算；在未装加载项的 Excel、WPS 或 LibreOffice 中这些单元格显示 #NAME?，所填数据不受影响，可用命令 assess score 或 ASSESS 演示页（playground.html）评分。`],
    ['生成', `ASSESS 政务服务考核，${today()}`],
  ];
  for (const row of aboutRows) about.addRow(row);
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return { workbook, changes: guard.changes };
}

