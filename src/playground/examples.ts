/**
 * Ready ASSESS formulas on the example sheets, so a clerk opening the playground sees the
 * functions at work on a real table before typing anything: beside the table a spilled
 * ASSESS.SCORES column (and 等次 / 等级 / 奖励 where the ruleset has them), under it the first
 * unit's EXPLAIN and BREAKDOWN. A ledger (单位 · 条目 · 数量 · 事项) gets its first unit's SCORE,
 * EXPLAIN and BREAKDOWN. Pure: no DOM, tested in Node.
 */
import type { RawCellContent } from 'hyperformula';
import { type Cell, type CompiledRuleset, cellText, headerRowIndex, interpretHeader, isEmptyCell } from '../core';
import { itemHeader } from '../core/item-header';
import { simplifiedLabel } from '../core/text';
import { columnLetters } from '../excel/addresses';
import { resolveRuleset } from '../functions/implementation';
import { NAMESPACE, fn } from '../functions/names';
import { BUILT_IN_IDS } from '../rulesets';
import type { Wording } from './formula-text';

export type Sheet = RawCellContent[][];

/** Where the example's table is and what its frozen rows are. */
export interface ExampleLayout {
  /** 0-based index of the header row (title rows above it). */
  headerRow: number;
}

const isFormula = (cell: RawCellContent) => typeof cell === 'string' && cell.trimStart().startsWith('=');
const ASSESS_CALL = new RegExp(`${NAMESPACE}\\.`, 'i');
const asCell = (cell: RawCellContent): Cell => (cell === undefined || cell === null || typeof cell === 'object' ? null : cell) as Cell;

/** The built-in ruleset an example sheet is for: its workbook's name (`county2013 台账` → county2013). */
export function rulesetOfSheet(name: string): string | undefined {
  const id = name.split(/\s/)[0];
  return BUILT_IN_IDS.includes(id) ? id : undefined;
}

export function exampleLayout(cells: Sheet): ExampleLayout {
  return { headerRow: headerRowIndex(cells.map((row) => row.map(asCell))) };
}

function lastFilledIndex(cells: readonly RawCellContent[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isEmptyCell(asCell(cells[i]))) return i;
  return -1;
}

function put(sheet: Sheet, row: number, col: number, value: RawCellContent): void {
  while (sheet.length <= row) sheet.push([]);
  const line = sheet[row];
  while (line.length < col) line.push(null);
  line[col] = value;
}

/** The 0-based column whose header starts with one of `names` (圈层, 通报批评…), or -1. */
function columnHeaded(header: readonly RawCellContent[], names: readonly string[]): number {
  return header.findIndex((cell) => {
    const text = cellText(asCell(cell)).trim();
    return names.some((name) => text.startsWith(name));
  });
}

/**
 * A header that names an item by its internal code ("1.4.missing 少制度(个)", "9.1") is shown by the
 * item's label and clause (itemHeader), which the functions read as the same item's column; any
 * other header is kept as written.
 */
function wordedHeader(rs: CompiledRuleset, cell: RawCellContent): RawCellContent {
  const text = cellText(asCell(cell)).trim();
  if (text === '') return cell;
  const meaning = interpretHeader(rs, text);
  if (meaning.kind !== 'count') return cell;
  const { code } = meaning.item;
  if (text !== code && !text.startsWith(`${code} `)) return cell;
  return itemHeader(rs, meaning.item);
}

/**
 * The example sheet with ready formulas added (a copy; the input is not changed). A sheet that is
 * not for a built-in ruleset, has no data under its header, or already holds an ASSESS formula is
 * returned as it is.
 */
export function withReadyFormulas(name: string, cells: Sheet, wording: Wording): Sheet {
  const id = rulesetOfSheet(name);
  if (id === undefined) return cells;
  if (cells.some((row) => row.some((cell) => isFormula(cell) && ASSESS_CALL.test(String(cell))))) return cells;
  const sheet: Sheet = cells.map((row) => [...row]);
  const { headerRow } = exampleLayout(sheet);
  const header = sheet[headerRow] ?? [];
  const lastCol = lastFilledIndex(header);
  let lastRow = sheet.length - 1;
  while (lastRow > headerRow && lastFilledIndex(sheet[lastRow] ?? []) < 0) lastRow--;
  const firstData = headerRow + 1;
  if (lastCol < 0 || lastRow < firstData) return cells;

  const rs = resolveRuleset(id);
  // Items by their names, not their codes (issue 22.4).
  sheet[headerRow] = header.map((cell) => wordedHeader(rs, cell));
  const quoted = `"${id}"`;
  const left = columnLetters(0);
  const right = columnLetters(lastCol);
  const headerRange = `${left}$${headerRow + 1}:${right}$${headerRow + 1}`;
  const label = (zh: string, en: string) => (wording.zh ? zh : en);
  const ledger = columnHeaded(header, ['条目', 'item']) >= 0 && columnHeaded(header, ['数量', 'count']) >= 0;

  // The unit whose EXPLAIN and BREAKDOWN are shown: the first data row (a ledger: all the first unit's rows).
  let unitLast = firstData;
  if (ledger) {
    const unitCol = Math.max(0, columnHeaded(header, ['单位', 'unit']));
    const unit = cellText(asCell(sheet[firstData][unitCol]));
    while (unitLast + 1 <= lastRow && cellText(asCell(sheet[unitLast + 1]?.[unitCol] ?? null)) === unit) unitLast++;
  }
  // A ledger is read with its header row inside the range (its 单位/条目/数量 columns are not item headers).
  const unitArgs = ledger
    ? `${left}${headerRow + 1}:${right}${unitLast + 1},${quoted}`
    : `${left}${firstData + 1}:${right}${unitLast + 1},${quoted},${headerRange}`;

  // Beside the table, one empty column apart: the scores of every row, then what follows from them.
  const scoreCol = columnLetters(lastCol + 2);
  if (!ledger) {
    let col = lastCol + 2;
    put(sheet, headerRow, col, `=${fn.SCORES}(${left}${headerRow + 1}:${right}${lastRow + 1},${quoted})`);
    const scores = `${scoreCol}${firstData + 1}:${scoreCol}${lastRow + 1}`;
    if (rs.grades.length > 0) {
      col++;
      put(sheet, headerRow, col, label('等次', 'Grade'));
      for (let r = firstData; r <= lastRow; r++) put(sheet, r, col, `=IF(${scoreCol}${r + 1}="","",${fn.GRADE}(${scoreCol}${r + 1},${quoted}))`);
    }
    if (rs.levels.length > 0) {
      col++;
      const tierCol = rs.tiers.length > 0 ? columnHeaded(header, ['圈层', 'tier']) : -1;
      const criticizedCol = rs.downgrade !== null ? columnHeaded(header, ['通报批评', 'criticized']) : -1;
      const rangeOf = (c: number) => (c < 0 ? '' : `${columnLetters(c)}${firstData + 1}:${columnLetters(c)}${lastRow + 1}`);
      const args = [scores, quoted, rangeOf(tierCol), rangeOf(criticizedCol)];
      while (args.at(-1) === '') args.pop();
      put(sheet, headerRow, col, label('等级', 'Level'));
      put(sheet, firstData, col, `=${fn.LEVEL}(${args.join(',')})`);
    }
    if (rs.hasReward) {
      col++;
      put(sheet, headerRow, col, label('奖励（元）', 'Reward (yuan)'));
      for (let r = firstData; r <= lastRow; r++) {
        if (lastFilledIndex(sheet[r] ?? []) < 0) continue;
        put(sheet, r, col, `=${fn.REWARD}(${left}${r + 1}:${right}${r + 1},${quoted},${headerRange})`);
      }
    }
  }

  // Under the table: how the first unit's score was reached, as one text and as a spilled table.
  let row = lastRow + 2;
  const unitName = (() => {
    const unitCol = columnHeaded(header, ['单位', 'unit']);
    return unitCol < 0 ? '' : cellText(asCell(sheet[firstData][unitCol]));
  })();
  if (ledger) {
    put(sheet, row, 0, label(`${unitName} 得分`, `${unitName} score`));
    put(sheet, row, 1, `=${fn.SCORE}(${unitArgs})`);
    row++;
  }
  // Items ranked across units (township2022's 3.1 by 办件量) need the whole table: EXPLAIN of one
  // unit leaves them out, so its score is lower than the unit's score in the table (城关镇 97.1 in
  // the table, 93.1 alone: 4 points for the first place in 办件量). The sheet says so with both
  // scores and their difference, live.
  const rankedItems = ledger ? [] : rs.items.filter((item) => item.kind === 'rank');
  const ranked = rankedItems.length > 0;
  const alone = ranked ? label('（单个单位计算，不含排名条目）', ' (one unit alone: without the ranked items)') : '';
  if (ranked) {
    const names = rankedItems.map((item) => `${item.label}（${simplifiedLabel(item.cite.clause)}）`).join('、');
    put(sheet, row, 0, label(`${unitName} 在表中的得分（含排名条目：${names}）`, `${unitName}: score in the table (with the ranked items: ${names})`));
    put(sheet, row, 1, `=${scoreCol}${firstData + 1}`);
    put(sheet, row + 1, 0, label(`${unitName} 单独计算的得分（排名须与其他单位比较，单独计算时不计）`, `${unitName}: score alone (a rank needs the other units, so alone it is left out)`));
    put(sheet, row + 1, 1, `=${fn.SCORE}(${unitArgs})`);
    put(sheet, row + 2, 0, label('两者之差：排名条目的得分', 'The difference: points of the ranked items'));
    put(sheet, row + 2, 1, `=IF(AND(ISNUMBER(B${row + 1}),ISNUMBER(B${row + 2})),ROUND(B${row + 1}-B${row + 2},2),"")`);
    row += 4;
  }
  put(sheet, row, 0, label(`${unitName} 得分说明${alone}：选中右侧单元格，在公式栏下方查看全文`, `${unitName}: how the score was reached${alone}; select the next cell to read it in full below the formula bar`));
  put(sheet, row, 1, `=${fn.EXPLAIN}(${unitArgs})`);
  row += 2;
  put(sheet, row, 0, label(`${unitName} 得分明细`, `${unitName}: breakdown`));
  put(sheet, row + 1, 0, `=${fn.BREAKDOWN}(${unitArgs})`);
  return sheet;
}
