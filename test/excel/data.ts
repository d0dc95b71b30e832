/**
 * Source tables for the Excel operation tests: the 20 units of examples/chengdu2006.csv (results
 * worked by hand in examples/EXPECTED.md), laid out as a clerk's sheet — a title row and a note row
 * above, a blank row, the header on row 4, units from row 5 — and scaled to any number of units.
 */
import { readFileSync } from 'node:fs';
import type { Cell } from '../../src/core';

const csv = readFileSync(new URL('../../examples/chengdu2006.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, '');

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows.filter((r) => r.some((c) => c !== ''));
}

/** Excel gives numbers for numeric cells and '' for empty ones. */
function asCell(text: string): Cell {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

const [HEADER, ...UNITS] = parseCsv(csv);

/** The CSV header: 序号, 单位, 圈层, 8.1 …, 10.7 …, 备注 (27 columns). */
export const CHENGDU_HEADER: readonly string[] = HEADER;
export const CHENGDU_UNITS: ReadonlyArray<readonly string[]> = UNITS;

/** Rows above the header in the clerk's sheet (a title, a note, a blank row). */
export const ROWS_ABOVE = 3;

/**
 * The used range of a 数据 sheet with `units` units: the 20 example units in order, then (beyond
 * 20) copies with numbered names, their own 序号 and 9.1 varied so scores spread.
 */
export function chengduSheet(units: number): Cell[][] {
  const width = HEADER.length;
  const pad = (cells: Cell[]): Cell[] => [...cells, ...Array<Cell>(width - cells.length).fill('')];
  const rows: Cell[][] = [
    pad(['2006年度成都市区(市)县政府政务服务中心工作考核数据']),
    pad(['填报：市政务服务中心　单位：次、分']),
    pad([]),
    HEADER.map(asCell),
  ];
  for (let k = 0; k < units; k++) {
    const source = UNITS[k % UNITS.length].map(asCell);
    if (k >= UNITS.length) {
      source[0] = k + 1;
      source[1] = `${String(source[1])}${String(Math.floor(k / UNITS.length) + 1).padStart(4, '0')}`;
      source[4] = (k % 11) * 0.5; // 9.1, judged 0–5
    }
    rows.push(pad(source));
  }
  return rows;
}
