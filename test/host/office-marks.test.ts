/**
 * The Office.js host's marks (src/excel/office-host.ts) on the Excel stand-in
 * (test/taskpane/excel-standin.ts) where real Excel differs from the kind case (issue 20.8, 20.10):
 * - notes ("legacy comments", what WPS 表格 and older Excel write) are not in workbook.comments:
 *   with ExcelApi 1.18 the host reads and writes notes (workbook.notes), so a cell with the clerk's
 *   note gets no second one;
 * - comments.add fails with NotImplemented on some Windows builds (office-js #1847): the fills land
 *   anyway, in one more sync, and the result says the notes could not be added;
 * - the undo record is the one both hosts read (src/host/marks-record.ts): the very hidden sheet
 *   ASSESS_marks. A workbook marked in Excel clears in WPS (the ET stand-in, test/wps/et-standin.ts)
 *   and back; the sheets' content is carried across as a saved file carries it (values, fills,
 *   notes, the sheet's visibility).
 * Every expected state is the workbook as it was before marking, written out by hand.
 */
import { describe, expect, it, vi } from 'vitest';
import { type ExcelRun, MARKS_SETTING, OfficeHost } from '../../src/excel/office-host';
import type { CellMark } from '../../src/host/host';
import { MARKS_SHEET, bgrToHex, decodeMarksRecord, hexToBgr, noteHash, patternName, patternNumber } from '../../src/host/marks-record';
import { EtHost } from '../../src/wps/et-host';
import { StandinApplication } from '../wps/et-standin';

type Scalar = string | number | boolean;
interface SeedSheet {
  name: string;
  rows: Scalar[][];
  fills?: Record<string, { color: string; pattern: string }>;
}
interface Seed {
  sheets: SeedSheet[];
  comments?: Array<{ sheet: string; cell: string; content: string }>;
  notes?: Array<{ sheet: string; cell: string; content: string }>;
  selection: { sheet: string; address: string };
  requirements?: Record<string, string>;
  commentsAdd?: 'ok' | 'NotImplemented';
  visibility?: Record<string, string>;
}
interface SnapCell {
  value: Scalar;
  formula: string | null;
  fill: { color: string; pattern: string } | null;
  numberFormat?: string;
}
interface Api {
  sheet(name: string): { cells: Record<string, SnapCell> } | null;
  sheetNames(): string[];
  comments(): Array<{ cell: string; content: string }>;
  notes(): Array<{ cell: string; content: string }>;
  settings(): Record<string, unknown>;
  visibility(): Record<string, string>;
  runs(): Array<{ syncs: number }>;
}

async function excel(seed: Seed): Promise<{ host: OfficeHost; api: Api; syncs: () => number }> {
  const global = globalThis as unknown as Record<string, unknown>;
  global.__STANDIN_SEED = seed;
  vi.resetModules();
  await import('../taskpane/excel-standin');
  const run: ExcelRun = (batch) => (global.Excel as { run: ExcelRun }).run(batch);
  const api = global.__standin as Api;
  return { host: new OfficeHost(run), api, syncs: () => api.runs().at(-1)?.syncs ?? 0 };
}

const SHEET = '汇总表';
const ROWS: Scalar[][] = [
  ['单位', '9.1', '9.3', '9.4.national'],
  ['锦江区', 5, 6, 3],
  ['青羊区', 1, 2, 0],
];
/** C2 green before; D2 has the clerk's note; B3 nothing. */
const MARKS: CellMark[] = [
  { sheet: SHEET, cell: 'C2', fill: '#FFF4CE', note: '9.3 超过上限' },
  { sheet: SHEET, cell: 'D2', fill: '#FDE7E9', note: '9.4.national 超过上限' },
  { sheet: SHEET, cell: 'B3', fill: '#DEECF9', note: null },
];
const base = (extra: Partial<Seed> = {}): Seed => ({
  sheets: [{ name: SHEET, rows: ROWS, fills: { C2: { color: '#00B050', pattern: 'Solid' } } }],
  selection: { sheet: SHEET, address: 'A1' },
  ...extra,
});
const CLERK_NOTE = { sheet: SHEET, cell: 'D2', content: '办公室核对过' };
const fillOf = (api: Api, cell: string) => {
  const fill = api.sheet(SHEET)?.cells[cell]?.fill;
  return fill && fill.pattern !== 'None' ? fill.color : null;
};

describe('issue 20.8: notes, not only threaded comments', () => {
  it('with ExcelApi 1.18, a cell with the clerk’s note (not in workbook.comments) gets no second one; ours are notes; clearing deletes only ours', async () => {
    const { host, api, syncs } = await excel(base({ notes: [CLERK_NOTE] }));
    expect(await host.markCells(MARKS)).toEqual({ marked: 3, noted: 1 });
    // 3 syncs: the record, notes, comments and fills; where the notes are; every write.
    expect(syncs()).toBe(3);
    expect(api.notes()).toEqual([
      { cell: '汇总表!D2', content: '办公室核对过' },
      { cell: '汇总表!C2', content: '9.3 超过上限' },
    ]);
    expect(api.comments()).toEqual([]);
    expect([fillOf(api, 'C2'), fillOf(api, 'D2'), fillOf(api, 'B3')]).toEqual(['#FFF4CE', '#FDE7E9', '#DEECF9']);
    expect(await host.clearMarks()).toEqual({ cleared: 3 });
    expect(syncs()).toBe(2);
    expect(api.notes()).toEqual([{ cell: '汇总表!D2', content: '办公室核对过' }]);
    expect([fillOf(api, 'C2'), fillOf(api, 'D2'), fillOf(api, 'B3')]).toEqual(['#00B050', null, null]);
  });

  it('with ExcelApi 1.18 and nothing annotated: notes added in 2 syncs, no threaded comment', async () => {
    const { host, api, syncs } = await excel(base());
    expect(await host.markCells(MARKS)).toEqual({ marked: 3, noted: 2 });
    expect(syncs()).toBe(2);
    expect(api.notes().map((n) => n.cell)).toEqual(['汇总表!C2', '汇总表!D2']);
    expect(api.comments()).toEqual([]);
  });

  it('without ExcelApi 1.18, threaded comments as before (workbook.notes is never touched: it would fail with ApiNotFound)', async () => {
    const { host, api, syncs } = await excel(base({ requirements: { ExcelApi: '1.17' } }));
    expect(await host.markCells(MARKS)).toEqual({ marked: 3, noted: 2 });
    expect(syncs()).toBe(2);
    expect(api.comments().map((n) => n.cell)).toEqual(['汇总表!C2', '汇总表!D2']);
    expect(await host.clearMarks()).toEqual({ cleared: 3 });
    expect(api.comments()).toEqual([]);
  });

  it('comments.add NotImplemented (office-js #1847): the fills land in one more sync, no note, and the result says so; clearing restores', async () => {
    const { host, api, syncs } = await excel(base({ requirements: { ExcelApi: '1.17' }, commentsAdd: 'NotImplemented' }));
    const result = await host.markCells(MARKS);
    expect(result).toMatchObject({ marked: 3, noted: 0 });
    expect(result.notesFailed).toMatch(/NotImplemented|not implemented/);
    expect(syncs()).toBe(3);
    expect([fillOf(api, 'C2'), fillOf(api, 'D2'), fillOf(api, 'B3')]).toEqual(['#FFF4CE', '#FDE7E9', '#DEECF9']);
    expect(api.comments()).toEqual([]);
    expect(await host.clearMarks()).toEqual({ cleared: 3 });
    expect([fillOf(api, 'C2'), fillOf(api, 'D2'), fillOf(api, 'B3')]).toEqual(['#00B050', null, null]);
  });

  it('without ExcelApi 1.18, a note Excel cannot list refuses our comment: the fills still land (fixed 3 syncs), the clerk’s note stays', async () => {
    const { host, api, syncs } = await excel(base({ requirements: { ExcelApi: '1.17' }, notes: [CLERK_NOTE] }));
    const result = await host.markCells(MARKS);
    expect(result).toMatchObject({ marked: 3, noted: 0 });
    expect(result.notesFailed).toMatch(/D2/);
    expect(syncs()).toBe(3);
    expect([fillOf(api, 'C2'), fillOf(api, 'D2'), fillOf(api, 'B3')]).toEqual(['#FFF4CE', '#FDE7E9', '#DEECF9']);
    expect(api.notes()).toEqual([{ cell: '汇总表!D2', content: '办公室核对过' }]);
    // Office.js ran the batch up to the refused comment: C2's, queued before it, is in; the record
    // has its hash, so clearing takes it away with the fills.
    expect(api.comments()).toEqual([{ cell: '汇总表!C2', content: '9.3 超过上限' }]);
    expect(await host.clearMarks()).toEqual({ cleared: 3 });
    expect([api.comments(), api.notes()]).toEqual([[], [{ cell: '汇总表!D2', content: '办公室核对过' }]]);
    expect([fillOf(api, 'C2'), fillOf(api, 'D2'), fillOf(api, 'B3')]).toEqual(['#00B050', null, null]);
  });
});

describe('issue 20.10: one marks record, in the very hidden sheet both hosts read', () => {
  it('the record is the shared one (src/host/marks-record.ts) in ASSESS_marks, very hidden; no workbook setting; cleared it is empty, the sheet stays', async () => {
    const { host, api } = await excel(base({ notes: [CLERK_NOTE] }));
    await host.markCells(MARKS);
    expect(api.visibility()).toEqual({ [SHEET]: 'Visible', [MARKS_SHEET]: 'VeryHidden' });
    expect(api.settings()).toEqual({});
    const column = Object.entries(api.sheet(MARKS_SHEET)!.cells).filter(([at]) => /^A\d+$/.test(at));
    expect(column.every(([, cell]) => cell.numberFormat === '@' && cell.formula === null)).toBe(true);
    const record = JSON.parse(column.map(([, cell]) => String(cell.value)).join('')) as unknown;
    // By hand: C2 was solid #00B050, D2 and B3 had no fill; only C2 got our note (D2 has the clerk's).
    expect(record).toEqual({
      assess: 'marks',
      version: 1,
      cells: [
        { sheet: SHEET, cell: 'C2', fill: { color: '#00B050', pattern: 'Solid' }, noted: noteHash('9.3 超过上限') },
        { sheet: SHEET, cell: 'D2', fill: { color: '#FFFFFF', pattern: 'None' } },
        { sheet: SHEET, cell: 'B3', fill: { color: '#FFFFFF', pattern: 'None' } },
      ],
    });
    await host.clearMarks();
    expect(api.sheet(MARKS_SHEET)!.cells.A1.value).toBe('{"assess":"marks","version":1,"cells":[]}');
    expect(api.visibility()[MARKS_SHEET]).toBe('VeryHidden');
  });

  it('a record longer than one cell holds is split down column A and read back whole', async () => {
    const { host, api } = await excel(base({ requirements: { ExcelApi: '1.17' } }));
    const many: CellMark[] = Array.from({ length: 600 }, (_, i) => ({ sheet: SHEET, cell: `F${i + 1}`, fill: '#FFF4CE', note: null }));
    await host.markCells(many);
    const cells = api.sheet(MARKS_SHEET)!.cells;
    // 600 entries of ≈ 80 characters: more than one chunk of 30,000.
    expect(cells.A2?.value).toBeTruthy();
    const parts = Object.keys(cells).filter((at) => /^A\d+$/.test(at)).map((at) => cells[at].value);
    expect(decodeMarksRecord(parts, { zh: '', en: '' })).toHaveLength(600);
    expect(await host.clearMarks()).toEqual({ cleared: 600 });
  });

  it('an earlier version’s record (the workbook setting assess.marks) still clears; marking again moves it into the sheet', async () => {
    const legacy = JSON.stringify([{ sheet: SHEET, cell: 'C2', fill: { color: '#00B050', pattern: 'Solid' }, noted: noteHash('旧') }]);
    const seed = base({ requirements: { ExcelApi: '1.17' }, comments: [{ sheet: SHEET, cell: 'C2', content: '旧' }] });
    seed.sheets[0].fills = { C2: { color: '#FFF4CE', pattern: 'Solid' } };
    const first = await excel(seed);
    await setSetting(first.host, legacy);
    expect(await first.host.clearMarks()).toEqual({ cleared: 1 });
    expect([fillOf(first.api, 'C2'), first.api.comments(), first.api.settings()]).toEqual(['#00B050', [], {}]);

    const second = await excel(seed);
    await setSetting(second.host, legacy);
    await second.host.markCells([{ sheet: SHEET, cell: 'B3', fill: '#FDE7E9', note: null }]);
    expect(second.api.settings()).toEqual({});
    expect(await second.host.clearMarks()).toEqual({ cleared: 2 });
    expect([fillOf(second.api, 'C2'), fillOf(second.api, 'B3'), second.api.comments()]).toEqual(['#00B050', null, []]);
  });
});

/** Writes the earlier version's setting, as that version did (a test-only Excel.run). */
async function setSetting(host: OfficeHost, value: string): Promise<void> {
  const run = (host as unknown as { run: ExcelRun }).run;
  await run(async (context) => {
    context.workbook.settings.add(MARKS_SETTING, value);
    await context.sync();
  });
}

// ---------------------------------------------------------------------------------------------
// Carrying a workbook between the hosts, as a saved .xlsx carries it: every sheet (the very hidden
// one too) with its values, fills and notes. An Excel note is an ET Comment and back; a fill's
// pattern name and "#RRGGBB" are ET's XlPattern number and BGR long.

function excelToEt(api: Api): StandinApplication {
  const names = api.sheetNames();
  const app = new StandinApplication(names);
  for (const name of names) {
    const target = app.workbook.sheet(name);
    for (const [at, cell] of Object.entries(api.sheet(name)!.cells)) {
      const range = target.Range(at);
      if (cell.numberFormat) range.NumberFormat = cell.numberFormat;
      if (cell.formula !== null) range.Formula = cell.formula;
      else if (cell.value !== '') range.Value2 = cell.value;
      if (cell.fill && cell.fill.pattern !== 'None') {
        range.Interior.Pattern = patternNumber(cell.fill.pattern)!;
        range.Interior.Color = hexToBgr(cell.fill.color)!;
      }
    }
    target.Visible = { Visible: -1, Hidden: 0, VeryHidden: 2 }[api.visibility()[name]];
  }
  for (const note of api.notes()) {
    const [sheet, cell] = note.cell.split('!');
    app.workbook.sheet(sheet.replace(/^'(.*)'$/, '$1')).Range(cell).AddComment(note.content);
  }
  app.select(SHEET, 'A1');
  return app;
}

function etToSeed(app: StandinApplication): Seed {
  const sheets: SeedSheet[] = [];
  const notes: Seed['notes'] = [];
  const visibility: Record<string, string> = {};
  for (const sheet of app.workbook.sheets) {
    const rows: Scalar[][] = [];
    const fills: SeedSheet['fills'] = {};
    for (const [key, cell] of sheet.cells) {
      const [r, c] = key.split(',').map(Number);
      const at = `${String.fromCharCode(65 + c)}${r + 1}`;
      rows[r] ??= [];
      rows[r][c] = cell.formula ?? (cell.value === null ? '' : (cell.value as Scalar));
      if (cell.pattern !== -4142) fills[at] = { color: bgrToHex(cell.color), pattern: patternName(cell.pattern)! };
      if (cell.comment !== null) notes.push({ sheet: sheet.Name, cell: at, content: cell.comment });
    }
    sheets.push({ name: sheet.Name, rows: Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? '')), fills });
    visibility[sheet.Name] = sheet.Visible === 2 ? 'VeryHidden' : sheet.Visible === 0 ? 'Hidden' : 'Visible';
  }
  return { sheets, notes, visibility, selection: { sheet: SHEET, address: 'A1' } };
}

/** The marked sheet's fills and notes in ET's terms: cell → [pattern, colour when filled, note]. */
function etState(app: StandinApplication): Record<string, [number, string | null, string | null]> {
  const out: Record<string, [number, string | null, string | null]> = {};
  for (const [key, cell] of app.workbook.sheet(SHEET).cells) {
    const [r, c] = key.split(',').map(Number);
    if (cell.pattern === -4142 && cell.comment === null) continue;
    out[`${String.fromCharCode(65 + c)}${r + 1}`] = [cell.pattern, cell.pattern === -4142 ? null : bgrToHex(cell.color), cell.comment];
  }
  return out;
}

describe('issue 20.10: marked in one host, cleared in the other, restored exactly', () => {
  it('marked in Excel (notes, ExcelApi 1.18), cleared in WPS: C2 green again, D2 keeps the clerk’s note, ours gone', async () => {
    const { host, api } = await excel(base({ notes: [CLERK_NOTE] }));
    await host.markCells(MARKS);
    const wps = excelToEt(api);
    expect(await new EtHost(wps).clearMarks()).toEqual({ cleared: 3 });
    // By hand, the workbook before marking: C2 solid #00B050 (xlSolid 1), D2 the clerk's note.
    expect(etState(wps)).toEqual({ C2: [1, '#00B050', null], D2: [-4142, null, '办公室核对过'] });
    expect(wps.workbook.sheet(MARKS_SHEET).Visible).toBe(2);
  });

  it('marked in WPS, cleared in Excel (ExcelApi 1.18): fills back, ET’s notes are Excel notes and only ours are deleted', async () => {
    const wps = new StandinApplication([SHEET]);
    wps.fill(SHEET, ROWS);
    wps.workbook.sheet(SHEET).Range('C2').Interior.Color = hexToBgr('#00B050')!;
    wps.workbook.sheet(SHEET).Range('D2').AddComment('办公室核对过');
    wps.select(SHEET, 'A1');
    expect(await new EtHost(wps).markCells(MARKS)).toEqual({ marked: 3, noted: 1 });
    const { host, api } = await excel(etToSeed(wps));
    expect(await host.clearMarks()).toEqual({ cleared: 3 });
    expect([fillOf(api, 'C2'), fillOf(api, 'D2'), fillOf(api, 'B3')]).toEqual(['#00B050', null, null]);
    expect(api.notes()).toEqual([{ cell: '汇总表!D2', content: '办公室核对过' }]);
    expect(api.comments()).toEqual([]);
    // …and marked again in Excel, cleared again in WPS: the same workbook.
    await host.markCells(MARKS);
    const back = excelToEt(api);
    await new EtHost(back).clearMarks();
    expect(etState(back)).toEqual({ C2: [1, '#00B050', null], D2: [-4142, null, '办公室核对过'] });
  });
});
