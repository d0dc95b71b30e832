/**
 * The ET stand-in (et-standin.ts) as WPS gives it to an add-in page: `window.Application`, built
 * from `window.__ET_SEED` before the pane's script runs (the test injects this bundle as an init
 * script). `window.__standin` lets the test look at the workbook and select a range as the clerk.
 * The seed's rows are what the cells hold (as a clerk's file would); what the pane writes goes
 * through the stand-in's Value2, which converts text as typed unless the cell is Text (et-standin.ts
 * asTyped, cited there). `errorValues: 'code'` gives error cells as COM error codes.
 */
import { a1 } from '../../src/excel/addresses';
import { bgr } from '../../src/wps/et-host';
import { StandinApplication, type StandinCell } from './et-standin';

interface Seed {
  sheets: Array<{ name: string; rows: Array<Array<string | number | boolean | null>>; fills?: Record<string, string>; notes?: Record<string, string> }>;
  selection: { sheet: string; address: string };
  errorValues?: 'object' | 'code';
}

const w = window as unknown as { __ET_SEED: Seed; Application: StandinApplication; __standin: unknown };
const seed = w.__ET_SEED;
const app = new StandinApplication(
  seed.sheets.map((sheet) => sheet.name),
  { errorValues: seed.errorValues ?? 'object' },
);
for (const sheet of seed.sheets) {
  app.fill(sheet.name, sheet.rows);
  const target = app.workbook.sheet(sheet.name);
  for (const [cell, color] of Object.entries(sheet.fills ?? {})) target.Range(cell).Interior.Color = bgr(color);
  for (const [cell, text] of Object.entries(sheet.notes ?? {})) target.Range(cell).AddComment(text);
}
app.select(seed.selection.sheet, seed.selection.address);
w.Application = app;

/** "#RRGGBB" of a cell's fill, or null for none. */
function fillOf(cell: StandinCell): string | null {
  if (cell.pattern === -4142) return null;
  const hex = (n: number) => n.toString(16).padStart(2, '0').toUpperCase();
  return `#${hex(cell.color & 255)}${hex((cell.color >> 8) & 255)}${hex((cell.color >> 16) & 255)}`;
}

w.__standin = {
  select: (sheet: string, address: string) => app.select(sheet, address),
  sheetNames: () => app.workbook.sheets.filter((sheet) => sheet.Visible === -1).map((sheet) => sheet.Name),
  active: () => app.ActiveSheet.Name,
  selection: () => app.ActiveSheet.selection,
  /** Every cell with something in it: value (error values by their text), formula, fill, note. */
  /** The cell's number format ("General", "@" …). */
  numberFormat: (name: string, cell: string) => app.workbook.sheet(name).peek(cell).numberFormat,
  cells: (name: string) => {
    const sheet = app.workbook.sheet(name);
    const out: Record<string, { value: unknown; formula: string | null; fill: string | null; note: string | null }> = {};
    for (const [at, cell] of sheet.cells) {
      const [row, column] = at.split(',').map(Number);
      const value = cell.value !== null && typeof cell.value === 'object' ? cell.value.text : cell.value;
      if (value === null && cell.formula === null && fillOf(cell) === null && cell.comment === null) continue;
      out[a1(row, column)] = { value, formula: cell.formula, fill: fillOf(cell), note: cell.comment };
    }
    return out;
  },
  frozenRows: (name: string) => app.workbook.sheet(name).freezeRow,
  tables: (name: string) => app.workbook.sheet(name).tables.map((table) => ({ range: table.range, name: table.Name })),
  print: (name: string) => {
    const setup = app.workbook.sheet(name).PageSetup;
    return { orientation: setup.Orientation, paper: setup.PaperSize, fit: setup.fit, titleRows: setup.PrintTitleRows, titleColumns: setup.PrintTitleColumns };
  },
};
