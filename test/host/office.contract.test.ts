/**
 * The Host contract on Office.js (src/excel/office-host.ts), against the Office.js stand-in the
 * task pane's browser test uses (test/taskpane/excel-standin.ts: load + sync rules, Excel's
 * errors, formulas stored not calculated). Each fixture loads a fresh copy of the stand-in with
 * its seed. The stand-in does not model column widths, so that one check runs on ET only.
 */
import { vi } from 'vitest';
import { type ExcelRun, OfficeHost } from '../../src/excel/office-host';
import { type HostFixture, type ValidationSeen, type WorkbookSetup, hostContract } from './contract';

interface SnapshotCell {
  value: string | number | boolean;
  formula: string | null;
  fill: { color: string; pattern: string } | null;
  bold?: boolean;
  wrap?: boolean;
  numberFormat?: string;
}
interface Snapshot {
  cells: Record<string, SnapshotCell>;
  frozenRows: number;
  hiddenColumns: number[];
  print: { orientation: string; paperSize: string; zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }; titleRows: string | null; titleColumns: string | null };
  tables: Array<{ address: string; name: string }>;
  validations: Array<{ address: string; rule?: Record<string, { formula1?: unknown; formula2?: unknown; source?: string }>; errorAlert?: { title?: string; message?: string } }>;
}
interface Standin {
  sheet(name: string): Snapshot | null;
  sheetNames(): string[];
  active(): string;
  selection(): string;
  comments(): Array<{ cell: string; content: string }>;
  notes(): Array<{ cell: string; content: string }>;
  visibility(): Record<string, string>;
}

/**
 * How the Excel of a fixture keeps cell annotations: 'notes' — ExcelApi 1.18, the clerk's are
 * notes (as WPS and older Excel write them; the host adds notes); 'comments' — no ExcelApi 1.18,
 * the clerk's are threaded comments (the host adds threaded comments).
 */
type Annotations = 'notes' | 'comments';

const local = (address: string) => address.slice(address.lastIndexOf('!') + 1);

function inside(cell: string, range: string): boolean {
  const [from, to = from] = local(range).split(':');
  const box = (a: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return { r: Number(m[2]), c };
  };
  const p = box(cell);
  const a = box(from);
  const b = box(to);
  return p.r >= a.r && p.r <= b.r && p.c >= a.c && p.c <= b.c;
}

async function makeOfficeFixture(setup: WorkbookSetup, blanks: 'null' | 'zero' = 'null', annotations: Annotations = 'comments'): Promise<HostFixture> {
  const global = globalThis as unknown as Record<string, unknown>;
  global.__STANDIN_SEED = {
    sheets: setup.sheets.map((sheet) => ({
      name: sheet.name,
      rows: (sheet.values ?? []).map((row) => row.map((value) => value ?? '')),
      fills: Object.fromEntries(Object.entries(sheet.fills ?? {}).map(([cell, color]) => [cell, { color, pattern: 'Solid' }])),
    })),
    [annotations]: setup.sheets.flatMap((sheet) => Object.entries(sheet.notes ?? {}).map(([cell, content]) => ({ sheet: sheet.name, cell, content }))),
    selection: { sheet: setup.active, address: setup.selection },
    blanks,
    ...(annotations === 'comments' ? { requirements: { ExcelApi: '1.17' } } : {}),
  };
  vi.resetModules();
  await import('../taskpane/excel-standin');
  const excel = global.Excel as { run: ExcelRun };
  const standin = global.__standin as Standin;
  const run: ExcelRun = (batch) => excel.run(batch);
  const snapshot = (sheet: string) => {
    const found = standin.sheet(sheet);
    if (!found) throw new Error(`no sheet ${sheet}`);
    return found;
  };
  const cell = (sheet: string, at: string): SnapshotCell | undefined => snapshot(sheet).cells[at];
  const quoted = (sheet: string) => [`${sheet}!`, `'${sheet.replace(/'/g, "''")}'!`];
  return {
    host: new OfficeHost(run),
    reopen: () => new OfficeHost(run),
    // The very hidden record sheet (ASSESS_marks) is not among the clerk's sheets.
    sheetNames: () => standin.sheetNames().filter((name) => standin.visibility()[name] === 'Visible'),
    activeSheet: () => standin.active(),
    selection: () => local(standin.selection()),
    value: (sheet, at) => {
      const c = cell(sheet, at);
      return c && c.formula === null ? c.value : '';
    },
    formula: (sheet, at) => cell(sheet, at)?.formula ?? null,
    numberFormat: (sheet, at) => cell(sheet, at)?.numberFormat ?? 'General',
    bold: (sheet, at) => cell(sheet, at)?.bold === true,
    wrapped: (sheet, at) => cell(sheet, at)?.wrap === true,
    hiddenColumns: (sheet) => [...snapshot(sheet).hiddenColumns],
    fill: (sheet, at) => {
      const fill = cell(sheet, at)?.fill;
      return fill && fill.pattern !== 'None' ? fill.color.toUpperCase() : null;
    },
    note: (sheet, at) => [...standin.notes(), ...standin.comments()].find((c) => quoted(sheet).some((prefix) => c.cell === `${prefix}${at}`))?.content ?? null,
    validation: (sheet, at) => {
      const found = [...snapshot(sheet).validations].reverse().find((v) => inside(at, v.address));
      if (!found?.rule) return null;
      const [kind, spec] = Object.entries(found.rule)[0];
      const kinds: Record<string, ValidationSeen['kind']> = { wholeNumber: 'whole', decimal: 'decimal', list: 'list' };
      return {
        kind: kinds[kind],
        formula1: String(kind === 'list' ? spec.source : spec.formula1),
        formula2: spec.formula2 === undefined ? null : String(spec.formula2),
        title: found.errorAlert?.title ?? '',
        message: found.errorAlert?.message ?? '',
      };
    },
    frozenRows: (sheet) => snapshot(sheet).frozenRows,
    print: (sheet) => {
      const { print } = snapshot(sheet);
      const { horizontalFitToPages: wide, verticalFitToPages: tall } = print.zoom;
      return {
        paper: print.paperSize,
        landscape: print.orientation === 'Landscape',
        // verticalFitToPages 0 is Excel's "automatic".
        fit: wide === undefined ? null : { wide, tall: !tall ? 'auto' : tall },
        scale: wide === undefined ? (print.zoom.scale ?? null) : null,
        titleRows: print.titleRows,
        titleColumns: print.titleColumns,
      };
    },
    tables: (sheet) => snapshot(sheet).tables.map((t) => ({ range: local(t.address), name: t.name })),
  };
}

hostContract('Office.js on the Excel stand-in', (setup) => makeOfficeFixture(setup));
// Once more with custom functions given 0 for empty cells (desktop builds, office-js #4702; see
// the stand-in's Seed.blanks): the host must not depend on it.
hostContract('Office.js on the Excel stand-in, empty cells passed to functions as 0', (setup) => makeOfficeFixture(setup, 'zero'));
// Once more where Excel has ExcelApi 1.18 and the clerk's annotations are notes (what WPS and
// older Excel write; workbook.comments does not list them): the host reads and adds notes.
hostContract('Office.js on the Excel stand-in, ExcelApi 1.18, the clerk’s annotations are notes', (setup) => makeOfficeFixture(setup, 'null', 'notes'));
