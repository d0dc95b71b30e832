/**
 * The contract of the Host interface (src/host/host.ts), written once and run against every
 * implementation through a fixture that builds a workbook and inspects it: the ET stand-in now
 * (test/host/et.contract.test.ts); Office.js over test/excel/fake-excel.ts once src/excel
 * implements Host (a fixture of the same shape is all it needs).
 */
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/core';
import type { Host } from '../../src/host/host';

export interface WorkbookSetup {
  sheets: Array<{
    name: string;
    /** Values from A1; null leaves a cell empty. */
    values?: Array<Array<string | number | boolean | null>>;
    /** Cell → "#RRGGBB" fill already there. */
    fills?: Record<string, string>;
    /** Cell → a comment already there (the clerk's). */
    notes?: Record<string, string>;
  }>;
  active: string;
  /** The selection on the active sheet ("B2:D4", or one cell). */
  selection: string;
}

export interface ValidationSeen {
  kind: 'list' | 'decimal' | 'whole';
  formula1: string;
  formula2: string | null;
  title: string;
  message: string;
}

export interface PrintSeen {
  paper: string;
  landscape: boolean;
  fit: { wide: number; tall: number | 'auto' } | null;
  /** The percentage printed at while no fit to pages applies; null while one does. */
  scale: number | null;
  titleRows: string | null;
  /** Columns repeated at the left of every page, "$A:$A". */
  titleColumns: string | null;
}

export interface HostFixture {
  host: Host;
  /** A second Host over the same workbook (the pane opened again later). */
  reopen(): Host;
  /** The visible sheets, in order. */
  sheetNames(): string[];
  activeSheet(): string;
  /** The selection on the active sheet, as A1 without sheet. */
  selection(): string;
  /** '' for an empty cell. */
  value(sheet: string, cell: string): Cell;
  formula(sheet: string, cell: string): string | null;
  numberFormat(sheet: string, cell: string): string;
  bold(sheet: string, cell: string): boolean;
  /** "#RRGGBB", or null for no fill. */
  fill(sheet: string, cell: string): string | null;
  note(sheet: string, cell: string): string | null;
  validation(sheet: string, cell: string): ValidationSeen | null;
  frozenRows(sheet: string): number;
  /** Width in characters of a 0-based column; absent where the stand-in does not model widths. */
  columnWidth?(sheet: string, column: number): number;
  /**
   * How a sheet prints, read from the host's own page setup: paper name, orientation, pages across
   * and down ('auto': as many as needed) or null while a percentage scale applies, title rows "$1:$3".
   */
  print(sheet: string): PrintSeen;
  /** 0-based columns hidden, in order. */
  hiddenColumns(sheet: string): number[];
  /** Whether the cell's text wraps within its column. */
  wrapped(sheet: string, cell: string): boolean;
  /** The tables on a sheet: A1 range and name. */
  tables(sheet: string): Array<{ range: string; name: string }>;
}

export type MakeFixture = (setup: WorkbookSetup) => HostFixture | Promise<HostFixture>;

/** A chengdu2006-shaped sheet: a title row, the header on row 2, three units. */
const SOURCE = {
  name: '汇总表',
  values: [
    ['2006年度考核汇总', null, null, null, null],
    ['单位', '9.1', '9.3', '9.4.national', '10.5'],
    ['锦江区', 5, 6, 3, 1],
    ['青羊区', null, 2, null, null],
    ['金牛区', 1, '#N/A', 0, 0],
  ],
};

export function hostContract(name: string, make: MakeFixture): void {
  describe(`Host contract: ${name}`, () => {
    describe('reading', () => {
      it('a selection of several cells: only its part inside the used range, with where it sits', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'B2:C40' });
        const block = await f.host.readSelection();
        expect(block).toEqual({
          sheet: '汇总表',
          address: '汇总表!B2:C5',
          row: 1,
          column: 1,
          values: [
            ['9.1', '9.3'],
            [5, 6],
            ['', 2],
            [1, '#N/A'],
          ],
        });
      });

      it('one selected cell: the whole used range; empty cells are ""; an error cell reads as its text', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'C4' });
        const block = await f.host.readSelection();
        expect(block.address).toBe('汇总表!A1:E5');
        expect(block.row).toBe(0);
        expect(block.values[3]).toEqual(['青羊区', '', 2, '', '']);
        expect(block.values[4][2]).toBe('#N/A');
      });

      it('a selection with no data in it: an error naming the selection', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'H10:J12' });
        await expect(f.host.readSelection()).rejects.toThrow(/H10:J12.*没有数据/);
      });

      it('a range by address, with a quoted sheet name or on the active sheet', async () => {
        const f = await make({ sheets: [SOURCE, { name: "规则 (2)", values: [['code', 'points'], ['9.1', 1]] }], active: '汇总表', selection: 'A1' });
        const rules = await f.host.readRange("'规则 (2)'!A1:B2");
        expect(rules).toEqual({ sheet: '规则 (2)', address: "'规则 (2)'!A1:B2", row: 0, column: 0, values: [['code', 'points'], ['9.1', 1]] });
        const local = await f.host.readRange('D3');
        expect(local.values).toEqual([[3]]);
        expect(local.sheet).toBe('汇总表');
      });
    });

    describe('writing a new sheet', () => {
      it('never takes an existing name and never touches other sheets', async () => {
        const f = await make({ sheets: [SOURCE, { name: '计分表 汇总表' }], active: '汇总表', selection: 'A1' });
        const { sheet } = await f.host.writeSheet({ name: '计分表 汇总表', blocks: [{ at: 'A1', values: [['x']] }] });
        expect(sheet).toBe('计分表 汇总表 (2)');
        expect(f.sheetNames()).toEqual(['汇总表', '计分表 汇总表', '计分表 汇总表 (2)']);
        expect(f.value('计分表 汇总表', 'A1')).toBe('');
        expect(f.value('汇总表', 'B3')).toBe(5);
        expect(f.activeSheet()).toBe('计分表 汇总表 (2)');
      });

      it('values stay literal (text starting with = + - stays text); formulas are formulas, filled down with relative references moved', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        const { sheet } = await f.host.writeSheet({
          name: '计分表',
          blocks: [
            { at: 'A1', values: [['=1+1', '-5', '+3', 'plain', 7, true]], bold: true },
            { at: 'A4', formulas: [['=汇总表!A3', '=ASSESS.SCORE(B4:E4,"chengdu2006",B$2:E$2)']], fillDownTo: 6 },
            { at: 'D8', formulas: [['=COUNT(B4:B6)']] },
          ],
        });
        expect(f.value(sheet, 'A1')).toBe('=1+1');
        expect(f.formula(sheet, 'A1')).toBeNull();
        expect(f.value(sheet, 'B1')).toBe('-5');
        expect(f.value(sheet, 'C1')).toBe('+3');
        expect(f.value(sheet, 'E1')).toBe(7);
        expect(f.value(sheet, 'F1')).toBe(true);
        expect(f.bold(sheet, 'F1')).toBe(true);
        expect(f.formula(sheet, 'A4')).toBe('=汇总表!A3');
        expect(f.formula(sheet, 'A6')).toBe('=汇总表!A5');
        // B$2:E$2 stays anchored on the header row; B4:E4 moves with the row; "chengdu2006" is text.
        expect(f.formula(sheet, 'B6')).toBe('=ASSESS.SCORE(B6:E6,"chengdu2006",B$2:E$2)');
        expect(f.formula(sheet, 'A7')).toBeNull();
        expect(f.formula(sheet, 'D8')).toBe('=COUNT(B4:B6)');
      });

      it('text stays text: codes and words a host would read as numbers, dates, booleans or percentages are kept as written (issue 20.1)', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        const texts = ['3.10', '3.1', '1.0', '007', '2022-01-05', '1/5/2022', 'TRUE', 'false', '50%', '1,000', '1e3', '9.4.national'];
        const { sheet } = await f.host.writeSheet({ name: '文本', blocks: [{ at: 'A1', values: [texts] }, { at: 'A2', values: [[3.1, 0, true, '单位']] }] });
        const letters = 'ABCDEFGHIJKL';
        expect(texts.map((_, k) => f.value(sheet, `${letters[k]}1`))).toEqual(texts);
        // Numbers and booleans stay what they are, and cells with nothing written keep their format.
        expect([f.value(sheet, 'A2'), f.value(sheet, 'B2'), f.value(sheet, 'C2'), f.value(sheet, 'D2')]).toEqual([3.1, 0, true, '单位']);
        expect(f.numberFormat(sheet, 'A2')).toBe('General');
        expect(f.numberFormat(sheet, 'A3')).toBe('General');
      });

      it('number formats, fills, font colours, column widths, frozen rows and validation', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        const { sheet } = await f.host.writeSheet({
          name: '录入 chengdu2006',
          blocks: [
            { at: 'A2', values: [['单位', '9.1']], bold: true, fill: '#FFF4CE', fontColor: '#616161' },
            { at: 'C3', values: [[0.985], [0.5]], numberFormat: '0.00%' },
          ],
          columnWidths: [{ column: 0, width: 18 }],
          numberFormats: [{ range: 'E3:E22', format: '0.00%' }],
          freezeRows: 2,
          validations: [
            { range: 'B3:B22', rule: { kind: 'whole', min: 0 }, title: '9.1', message: '在国家级媒体上宣传推广（第九條(一)）' },
            { range: 'C3:C22', rule: { kind: 'decimal', min: 0, max: 1 }, title: 'rate', message: '0–1' },
            { range: 'D3:D22', rule: { kind: 'list', items: ['是', '否'] }, title: 'flag', message: '是/否' },
          ],
        });
        expect(f.fill(sheet, 'B2')).toBe('#FFF4CE');
        expect(f.fill(sheet, 'C2')).toBeNull();
        expect(f.numberFormat(sheet, 'C4')).toBe('0.00%');
        expect(f.numberFormat(sheet, 'E22')).toBe('0.00%');
        expect(f.numberFormat(sheet, 'E23')).toBe('General');
        expect(f.value(sheet, 'C3')).toBe(0.985);
        if (f.columnWidth) expect(f.columnWidth(sheet, 0)).toBe(18);
        expect(f.frozenRows(sheet)).toBe(2);
        expect(f.validation(sheet, 'B22')).toEqual({ kind: 'whole', formula1: '0', formula2: null, title: '9.1', message: '在国家级媒体上宣传推广（第九條(一)）' });
        expect(f.validation(sheet, 'C10')).toEqual({ kind: 'decimal', formula1: '0', formula2: '1', title: 'rate', message: '0–1' });
        expect(f.validation(sheet, 'D3')?.formula1).toBe('是,否');
        expect(f.validation(sheet, 'B23')).toBeNull();
      });

      it('a table over the header and input rows', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        const { sheet } = await f.host.writeSheet({ name: '录入', blocks: [{ at: 'A2', values: [['单位', '9.1']] }], table: { range: 'A2:B22', name: 'ASSESS_chengdu2006_1' } });
        expect(f.tables(sheet)).toEqual([{ range: 'A2:B22', name: 'ASSESS_chengdu2006_1' }]);
        expect(f.tables('汇总表')).toEqual([]);
      });

      // The pane's scorecard and template print as the CLI's (issue 22.3): at 100 %, a wide sheet
      // continuing on pages across with its unit column repeated — fitting one page wide printed a
      // 45-column sheet at about 2 points. Fit to pages wide stays for plans that ask for it.
      it('print setup: A4 landscape at 100 %, title rows and the unit column on every page; other sheets keep the defaults', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        const before = f.print('汇总表');
        const { sheet } = await f.host.writeSheet({ name: '计分表', blocks: [{ at: 'A1', values: [['计分表'], ['单位']] }], print: { paper: 'A4', landscape: true, scale: 100, titleRows: '1:3', titleColumns: 'A:A' } });
        expect(f.print(sheet)).toEqual({ paper: 'A4', landscape: true, fit: null, scale: 100, titleRows: '$1:$3', titleColumns: '$A:$A' });
        expect(f.print('汇总表')).toEqual(before);
        expect(before.fit).toBeNull();
        expect(before.titleColumns).toBeNull();
        const plain = await f.host.writeSheet({ name: '规则', blocks: [{ at: 'A1', values: [['id']] }] });
        expect(f.print(plain.sheet)).toEqual(before);
      });

      it('print setup without a scale still fits pages across (a plan written before scale)', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        const { sheet } = await f.host.writeSheet({ name: '计分表', blocks: [{ at: 'A1', values: [['计分表'], ['单位']] }], print: { paper: 'A4', landscape: true, pagesWide: 1, titleRows: '1:3' } });
        expect(f.print(sheet)).toEqual({ paper: 'A4', landscape: true, fit: { wide: 1, tall: 'auto' }, scale: null, titleRows: '$1:$3', titleColumns: null });
      });

      it('a block marked wrap wraps its cells, and only those', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        const { sheet } = await f.host.writeSheet({ name: '计分表', blocks: [{ at: 'A1', values: [['计分表']] }, { at: 'A2', values: [['单位', '第九条（四）市级加分']], wrap: true }] });
        expect([f.wrapped(sheet, 'A2'), f.wrapped(sheet, 'B2'), f.wrapped(sheet, 'A1'), f.wrapped(sheet, 'C2')]).toEqual([true, true, false, false]);
      });

      it('hidden columns are hidden on the new sheet only, their cells kept', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        const { sheet } = await f.host.writeSheet({ name: '计分表', blocks: [{ at: 'A1', values: [['单位', '圈层', '通报批评或曝光', '得分']] }], hiddenColumns: [1, 2] });
        expect(f.hiddenColumns(sheet)).toEqual([1, 2]);
        expect(f.value(sheet, 'C1')).toBe('通报批评或曝光');
        expect(f.hiddenColumns('汇总表')).toEqual([]);
      });

      it('bad title columns or scale fail before any sheet is added, naming them', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        await expect(f.host.writeSheet({ name: 'x', blocks: [{ at: 'A1', values: [[1]] }], print: { paper: 'A4', landscape: true, scale: 100, titleColumns: 'A1:A3' } })).rejects.toThrow(/A1:A3/);
        await expect(f.host.writeSheet({ name: 'x', blocks: [{ at: 'A1', values: [[1]] }], print: { paper: 'A4', landscape: true, scale: 5 } })).rejects.toThrow(/缩放 5/);
        expect(f.sheetNames()).toEqual(['汇总表']);
      });

      it('bad title rows fail before any sheet is added, naming them', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        await expect(f.host.writeSheet({ name: 'x', blocks: [{ at: 'A1', values: [[1]] }], print: { paper: 'A4', landscape: true, pagesWide: 1, titleRows: 'A1:C3' } })).rejects.toThrow(/A1:C3/);
        expect(f.sheetNames()).toEqual(['汇总表']);
      });

      it('a bad block fails before any sheet is added, naming the block', async () => {
        const f = await make({ sheets: [SOURCE], active: '汇总表', selection: 'A1' });
        await expect(f.host.writeSheet({ name: 'x', blocks: [{ at: 'A1', values: [[1, 2], [3]] }] })).rejects.toThrow(/A1/);
        expect(f.sheetNames()).toEqual(['汇总表']);
      });
    });

    describe('marks', () => {
      const setup = (): WorkbookSetup => ({
        sheets: [{ ...SOURCE, fills: { C3: '#00B050' }, notes: { D3: '办公室核对过' } }],
        active: '汇总表',
        selection: 'A1',
      });

      it('fill and note; a cell with the clerk’s comment keeps it and gets no note', async () => {
        const f = await make(setup());
        const result = await f.host.markCells([
          { sheet: '汇总表', cell: 'C3', fill: '#FFF4CE', note: '9.3 超过上限（第九條(三)）' },
          { sheet: '汇总表', cell: 'D3', fill: '#FDE7E9', note: '9.4.national 超过上限' },
          { sheet: '汇总表', cell: 'B4', fill: '#DEECF9', note: null },
        ]);
        expect(result).toEqual({ marked: 3, noted: 1 });
        expect(f.fill('汇总表', 'C3')).toBe('#FFF4CE');
        expect(f.note('汇总表', 'C3')).toBe('9.3 超过上限（第九條(三)）');
        expect(f.note('汇总表', 'D3')).toBe('办公室核对过');
        expect(f.fill('汇总表', 'B4')).toBe('#DEECF9');
        expect(f.note('汇总表', 'B4')).toBeNull();
        expect(f.value('汇总表', 'C3')).toBe(6);
      });

      it('clearing restores every fill exactly (none stays none) and removes only our notes, also from a later session and after marking twice', async () => {
        const f = await make(setup());
        await f.host.markCells([
          { sheet: '汇总表', cell: 'C3', fill: '#FFF4CE', note: 'first' },
          { sheet: '汇总表', cell: 'D3', fill: '#FDE7E9', note: 'second' },
        ]);
        // Marked again: the state saved is still the one before the first mark, not our colour.
        await f.host.markCells([
          { sheet: '汇总表', cell: 'C3', fill: '#FDE7E9', note: 'again' },
          { sheet: '汇总表', cell: 'E3', fill: '#FDE7E9', note: 'third' },
        ]);
        expect(f.note('汇总表', 'C3')).toBe('first');
        const later = f.reopen();
        expect(await later.clearMarks()).toEqual({ cleared: 3 });
        expect(f.fill('汇总表', 'C3')).toBe('#00B050');
        expect(f.fill('汇总表', 'D3')).toBeNull();
        expect(f.fill('汇总表', 'E3')).toBeNull();
        expect(f.note('汇总表', 'C3')).toBeNull();
        expect(f.note('汇总表', 'E3')).toBeNull();
        expect(f.note('汇总表', 'D3')).toBe('办公室核对过');
        expect(await later.clearMarks()).toEqual({ cleared: 0 });
        expect(f.sheetNames()).toEqual(['汇总表']);
      });

      it('a bad colour fails before any cell changes', async () => {
        const f = await make(setup());
        await expect(f.host.markCells([{ sheet: '汇总表', cell: 'B3', fill: '#FFF4CE', note: 'ok' }, { sheet: '汇总表', cell: 'C3', fill: 'yellow', note: 'x' }])).rejects.toThrow(/yellow/);
        expect(f.fill('汇总表', 'B3')).toBeNull();
        expect(f.note('汇总表', 'B3')).toBeNull();
      });
    });

    it('go to a cell: activates its sheet and selects it', async () => {
      const f = await make({ sheets: [SOURCE, { name: '说明' }], active: '说明', selection: 'A1' });
      await f.host.goTo('汇总表', 'D5');
      expect(f.activeSheet()).toBe('汇总表');
      expect(f.selection()).toBe('D5');
      await expect(f.host.goTo('没有这张表', 'A1')).rejects.toThrow(/没有这张表/);
    });
  });
}
