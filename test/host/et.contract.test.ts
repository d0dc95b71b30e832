/** The Host contract on the ET object model (WPS 表格), against the ET stand-in. */
import { EtHost } from '../../src/wps/et-host';
import { StandinApplication, type StandinSheet } from '../wps/et-standin';
import { type HostFixture, type ValidationSeen, type WorkbookSetup, hostContract } from './contract';

const XL_NONE = -4142;

/** BGR long → "#RRGGBB". */
function hex(bgr: number): string {
  const r = bgr & 255;
  const g = (bgr >> 8) & 255;
  const b = (bgr >> 16) & 255;
  return `#${[r, g, b].map((n) => n.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
}

function rgbToBgr(color: string): number {
  const n = parseInt(color.slice(1), 16);
  return ((n >> 16) & 255) + ((n >> 8) & 255) * 256 + (n & 255) * 65536;
}

export function makeEtFixture(setup: WorkbookSetup): HostFixture & { app: StandinApplication } {
  const app = new StandinApplication(setup.sheets.map((s) => s.name));
  for (const spec of setup.sheets) {
    if (spec.values) app.fill(spec.name, spec.values);
    const sheet = app.workbook.sheet(spec.name);
    for (const [cell, color] of Object.entries(spec.fills ?? {})) sheet.Range(cell).Interior.Color = rgbToBgr(color);
    for (const [cell, text] of Object.entries(spec.notes ?? {})) sheet.Range(cell).AddComment(text);
  }
  app.select(setup.active, setup.selection);
  const sheet = (name: string): StandinSheet => app.workbook.sheet(name);
  const kinds: Record<number, ValidationSeen['kind']> = { 1: 'whole', 2: 'decimal', 3: 'list' };
  return {
    app,
    host: new EtHost(app),
    reopen: () => new EtHost(app),
    sheetNames: () => app.workbook.sheets.filter((s) => s.Visible === -1).map((s) => s.Name),
    activeSheet: () => app.ActiveSheet.Name,
    selection: () => app.ActiveSheet.selection,
    value: (name, cell) => {
      const value = sheet(name).peek(cell).value;
      return value === null ? '' : typeof value === 'object' ? value.text : value;
    },
    formula: (name, cell) => sheet(name).peek(cell).formula,
    numberFormat: (name, cell) => sheet(name).peek(cell).numberFormat,
    bold: (name, cell) => sheet(name).peek(cell).bold,
    wrapped: (name, cell) => sheet(name).peek(cell).wrap,
    hiddenColumns: (name) => [...sheet(name).hiddenColumns].sort((a, b) => a - b),
    fill: (name, cell) => {
      const c = sheet(name).peek(cell);
      return c.pattern === XL_NONE ? null : hex(c.color);
    },
    note: (name, cell) => sheet(name).peek(cell).comment,
    validation: (name, cell) => {
      const v = sheet(name).peek(cell).validation;
      return v ? { kind: kinds[v.type], formula1: v.formula1 ?? '', formula2: v.formula2 ?? null, title: v.errorTitle, message: v.errorMessage } : null;
    },
    frozenRows: (name) => sheet(name).freezeRow,
    columnWidth: (name, column) => sheet(name).columnWidths.get(column) ?? 8.38,
    print: (name) => {
      const setup = sheet(name).PageSetup;
      const fit = setup.fit;
      return {
        paper: setup.PaperSize === 9 ? 'A4' : String(setup.PaperSize),
        landscape: setup.Orientation === 2,
        fit: 'zoom' in fit ? null : { wide: Number(fit.pagesWide), tall: fit.pagesTall === false ? 'auto' : Number(fit.pagesTall) },
        scale: 'zoom' in fit ? Number(fit.zoom) : null,
        titleRows: setup.PrintTitleRows === '' ? null : setup.PrintTitleRows,
        titleColumns: setup.PrintTitleColumns === '' ? null : setup.PrintTitleColumns,
      };
    },
    tables: (name) => sheet(name).tables.map((t) => ({ range: t.range, name: t.Name })),
  };
}

hostContract('ET object model (WPS 表格) on the ET stand-in', makeEtFixture);
