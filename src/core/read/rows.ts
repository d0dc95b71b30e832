/**
 * One rule for what a row of a table is, shared by the full reader (input.ts, item-rows.ts) and
 * the numbers-only path (quick.ts), so the two never disagree about which rows are units:
 *  - blank: nothing in it;
 *  - note: a sign-off or note line (制表人：… 审核人：… 注：…, a date beside one), wherever its cells fall;
 *  - line: a line of `label：value` facts above a table (乡镇名称：河口镇 · 评定时间：2022年8月);
 *  - sum: a 合计 / 平均 row (the word in the unit column, or first text cell when there is none);
 *  - section: a section heading of a form (一、场所规范建设（9分）), its only text;
 *  - data: anything else (a unit, an item row).
 * Title rows above the header are found by headerRowIndex (input.ts), from their place.
 */
import { type Cell, cellText, isEmptyCell } from '../cells';
import { normalizeKey } from '../text';
import { NOTE_LABELS, SUM_ROWS } from './vocabulary';

export type RowKind = 'blank' | 'note' | 'line' | 'sum' | 'section' | 'data';

/** A sign-off label, perhaps with a short title after it (考核组组长：, 制表人签字：), then a colon. */
const NOTE_LINE = new RegExp(`^(${NOTE_LABELS.join('|')})[^:\\d]{0,3}\\s*[:]`);
/** A date typed beside a sign-off: 2006年12月28日. */
const DATE_LINE = /^\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$/;
/** `label：value` (after NFKC): a short label, a colon, something after it. */
const FACT = /^[^:\d][^:]{0,11}:\s*\S/;
/** 一、场所规范建设（9分） / 三、服务标准化(45分) / 二、硬件设施 (after NFKC). */
const SECTION = /^([一二三四五六七八九十]+\s*[、.]\s*\D.*|\d+\s*[、.]\s*\D.*\(\s*\d+(\.\d+)?\s*分\s*\))$/;
const sumIndex = new Set(SUM_ROWS.map(normalizeKey));

function nfkc(cell: Cell): string {
  return typeof cell === 'string' ? cell.normalize('NFKC').trim() : '';
}

/**
 * Whether every filled cell is a sign-off or note text (or a date beside one), at least one note.
 * A label written alone (制表人： | 王丽, 填表日期： | an Excel date) takes the next filled cell as its value.
 */
export function isNoteRow(row: readonly Cell[]): boolean {
  let notes = 0;
  let awaiting = false;
  for (const cell of row) {
    if (isEmptyCell(cell)) continue;
    if (awaiting) {
      awaiting = false;
      continue; // the value of the label before it
    }
    if (typeof cell !== 'string') return false;
    const text = nfkc(cell);
    if (NOTE_LINE.test(text)) {
      notes++;
      awaiting = text.endsWith(':');
    } else if (!DATE_LINE.test(text)) return false; // a bare date beside 制表人：… belongs to the line
  }
  return notes > 0;
}

/** Whether every filled cell is a `label：value` fact (乡镇名称：河口镇, 评定时间：2022年8月): a line above a table, not a header. */
export function isFactLine(row: readonly Cell[]): boolean {
  let facts = 0;
  for (const cell of row) {
    if (isEmptyCell(cell)) continue;
    if (typeof cell !== 'string' || !FACT.test(nfkc(cell))) return false;
    facts++;
  }
  return facts > 0;
}

/** Whether a name (a unit cell) is a sum or an average row (合计, 平均…), which is not a unit. */
export function isSumRow(name: string): boolean {
  return sumIndex.has(normalizeKey(name).replace(/\s+/g, ''));
}

/** A section heading: one text cell `一、…（9分）`; other cells blank or numbers (its points, its subtotal). */
export function isSectionRow(row: readonly Cell[]): boolean {
  let texts = 0;
  for (const cell of row) {
    if (isEmptyCell(cell) || typeof cell === 'number') continue;
    if (typeof cell !== 'string') return false;
    const text = nfkc(cell);
    if (/^[\d.\s]+$/.test(text)) continue; // a number saved as text (CSV)
    if (!SECTION.test(text) || texts > 0) return false;
    texts++;
  }
  return texts === 1;
}

/** What a row of a table is; unitColumn: the unit column (−1: none, the first text cell names sums). */
export function rowKind(row: readonly Cell[], unitColumn: number): RowKind {
  let filled = false;
  for (const cell of row) if (!isEmptyCell(cell)) filled = true;
  if (!filled) return 'blank';
  if (isNoteRow(row)) return 'note';
  const named = unitColumn >= 0 ? row[unitColumn] : row.find((cell) => typeof cell === 'string' && !isEmptyCell(cell));
  if (named !== undefined && !isEmptyCell(named) && isSumRow(cellText(named))) return 'sum';
  if (isFactLine(row)) return 'line';
  if (isSectionRow(row)) return 'section';
  return 'data';
}
