/** .xlsx in and out for the CLI (exceljs): read a sheet as a 2-D array, write scorecards and templates. */
import ExcelJS from 'exceljs';
import type { Cell } from '../core/cells';
import type { CompiledItem, CompiledRuleset } from '../core/compile';
import type { BatchResult } from '../core/result';
import { UsageError } from './read-file';

type CellValue = ExcelJS.CellValue;

/** One cell's value as the core reads it: formulas by their saved result, rich text as text. */
function toCell(value: CellValue, address: string, sheet: string): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined || value.result === null) {
      throw new UsageError(
        `${sheet}!${address} 是没有保存计算结果的公式：请在 Excel 中打开、重新计算并保存`,
        `${sheet}!${address} is a formula with no saved result: open it in Excel, recalculate and save`,
      );
    }
    return toCell(value.result as CellValue, address, sheet);
  }
  if ('text' in value) return String(value.text);
  return String(value);
}

/** Column number (1-based) → letters. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export async function readXlsx(path: string, sheetName?: string): Promise<{ table: Cell[][]; sheet: string }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new UsageError(`无法读取 ${path}：不是有效的 .xlsx 文件（${(error as Error).message}）`, `cannot read ${path}: not a valid .xlsx file (${(error as Error).message})`);
  }
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) {
    const names = workbook.worksheets.map((ws) => ws.name).join('、');
    throw new UsageError(`${path} 中没有工作表「${sheetName}」；有：${names}`, `${path} has no sheet "${sheetName}"; it has: ${names}`);
  }
  const table: Cell[][] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // A merged title (合并后居中) repeats its text in every merged cell: keep it in the first only.
      cells.push(cell.isMerged && cell.master.address !== cell.address ? null : toCell(cell.value, `${columnLetters(c)}${r}`, sheet.name));
    }
    table.push(cells);
  }
  return { table, sheet: sheet.name };
}

/** "第3行第4列" (1-based within the sheet) → "D3". */
export function a1(where: string | undefined): string {
  const match = where ? /第(\d+)行第(\d+)列/.exec(where) : null;
  return match ? `${columnLetters(Number(match[2]))}${match[1]}` : '';
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDEECF9' } };
const WARN_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4CE' } };
const ALERT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE7E9' } };

function styleHeader(sheet: ExcelJS.Worksheet, widths: number[]): void {
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  widths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/** The scorecard workbook: scores with ranks and levels, a breakdown with clauses, and findings. */
export function scorecardWorkbook(ruleset: CompiledRuleset, batch: BatchResult, source: { file: string; sheet?: string }): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ASSESS';
  const tierLabel = (tier: string | null) => (tier === null ? '' : (ruleset.tiers.find((t) => t.code === tier)?.label ?? tier));
  const scores = workbook.addWorksheet('计分表');
  scores.addRow(['单位', '圈层', '得分', '名次', '等次', '等级', '等级加分', '奖励(元)', '加分', '扣分', '提示']);
  for (const unit of batch.units) {
    const warnings = unit.findings.filter((f) => f.severity === 'warning').map((f) => f.zh);
    const row = scores.addRow([
      unit.unit, tierLabel(unit.tier), unit.score, unit.rank, unit.grade ?? '', unit.level ?? '', unit.result ?? '', unit.reward ?? '',
      unit.bonus, unit.deduction, [...unit.thresholds, ...warnings].join('；'),
    ]);
    if (unit.thresholds.length > 0) row.eachCell((cell) => { cell.fill = ALERT_FILL; });
    else if (warnings.length > 0) row.eachCell((cell) => { cell.fill = WARN_FILL; });
  }
  styleHeader(scores, [14, 8, 8, 6, 8, 8, 8, 9, 8, 8, 60]);

  const detail = workbook.addWorksheet('明细');
  detail.addRow(['单位', '条款', '条目', '名称', '输入', '得分', '说明']);
  for (const unit of batch.units) {
    for (const item of unit.items) detail.addRow([unit.unit, item.clause, item.code, item.label, item.input, item.points, item.note]);
    detail.addRow([unit.unit, '', '合计', '', '', unit.score, unit.grade ? `等次：${unit.grade}` : '']).font = { bold: true };
  }
  styleHeader(detail, [14, 16, 14, 36, 10, 8, 30]);

  const problems = workbook.addWorksheet('问题');
  problems.addRow(['单位', '单元格', '编码', '问题', '条款', '原文']);
  for (const unit of batch.units) {
    for (const label of unit.thresholds) {
      const threshold = ruleset.thresholds.find((t) => t.spec.label === label);
      problems.addRow([unit.unit, '', '阈值', label, threshold?.cite.clause ?? '', threshold?.cite.quote ?? '']).eachCell((cell) => { cell.fill = ALERT_FILL; });
    }
    for (const finding of unit.findings) {
      const row = problems.addRow([unit.unit, a1(finding.where), finding.code, finding.zh, finding.clause, finding.quote]);
      if (finding.severity === 'warning') row.eachCell((cell) => { cell.fill = WARN_FILL; });
    }
  }
  styleHeader(problems, [14, 8, 10, 50, 16, 50]);

  const about = workbook.addWorksheet('说明');
  about.addRow(['规则集', `${ruleset.spec.title}（${ruleset.id}，版本 ${ruleset.spec.version}，${ruleset.spec.effective}）`]);
  about.addRow(['来源', source.sheet ? `${source.file}（工作表 ${source.sheet}）` : source.file]);
  about.addRow(['生成', 'ASSESS 政务服务考核']);
  about.getColumn(1).width = 10;
  about.getColumn(2).width = 80;
  return workbook;
}

function validationFor(item: CompiledItem): ExcelJS.DataValidation {
  const m = (micros: number) => micros / 1_000_000;
  const prompt = `${item.code} ${item.label}（${item.cite.clause}）`.slice(0, 250);
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

/** An input sheet for a ruleset: title, headers (code + label), validation, ASSESS formula columns. */
export function templateWorkbook(ruleset: CompiledRuleset, rows = 20): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ASSESS';
  const sheet = workbook.addWorksheet(ruleset.id);
  const inputs = ruleset.items.filter((item) => item.isInput);
  const tiered = ruleset.levelScope === 'tier';
  const criticized = ruleset.downgrade !== null;
  const lead = ['单位', ...(tiered ? ['圈层'] : []), ...(criticized ? ['通报批评或曝光'] : [])];
  const headers = [...lead, ...inputs.map((item) => `${item.code} ${item.label}`)];
  const units = ruleset.spec.units.length > 0 ? ruleset.spec.units : [];
  const count = Math.max(rows, units.length);
  const first = 3;
  const last = first + count - 1;
  const dataFrom = columnLetters(lead.length + 1);
  const dataTo = columnLetters(headers.length);
  const scoreCol = columnLetters(headers.length + 1);
  const id = ruleset.id;
  const formulaHeaders = ['得分', ...(ruleset.grades.length > 0 ? ['等次'] : []), ...(ruleset.levels.length > 0 ? ['等级'] : [])];
  sheet.addRow([`${ruleset.spec.title}（${id}）录入表`]).font = { bold: true, size: 14 };
  sheet.addRow([...headers, ...formulaHeaders]);
  for (let i = 0; i < count; i++) {
    const r = first + i;
    const unit = units[i];
    const tier = unit?.tier ? (ruleset.tiers.find((t) => t.code === unit.tier)?.label ?? unit.tier) : null;
    const row: ExcelJS.CellValue[] = [unit?.label ?? null, ...(tiered ? [tier] : []), ...(criticized ? [null] : [])];
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
    const validation = validationFor(item);
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
  return workbook;
}
