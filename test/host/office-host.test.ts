/**
 * Office.js Host: a fixed number of context.sync() calls per method whatever the number of cells
 * (the stand-in counts the syncs of every Excel.run), as markCellsIn, clearMarksIn and goToIn say.
 */
import { describe, expect, it, vi } from 'vitest';
import { type ExcelRun, OfficeHost } from '../../src/excel/office-host';

async function standin(rows: number) {
  const global = globalThis as unknown as Record<string, unknown>;
  global.__STANDIN_SEED = {
    sheets: [{ name: '汇总表', rows: [['单位', '9.1', '9.3'], ...Array.from({ length: rows }, (_, i) => [`单位${i + 1}`, i % 7, i % 3])] }],
    selection: { sheet: '汇总表', address: 'A1' },
  };
  vi.resetModules();
  await import('../taskpane/excel-standin');
  const excel = global.Excel as { run: ExcelRun };
  const runs = () => (global.__standin as { runs(): Array<{ syncs: number }> }).runs();
  return { host: new OfficeHost((batch) => excel.run(batch)), lastSyncs: () => runs()[runs().length - 1].syncs };
}

describe('Office.js Host sync counts', () => {
  it.each([10, 1000])('with %i rows: read 2, write 2, mark 2 (no comments in the workbook), clear 2, go to 1', async (rows) => {
    const { host, lastSyncs } = await standin(rows);
    const block = await host.readSelection();
    expect(block.values).toHaveLength(rows + 1);
    expect(lastSyncs()).toBe(2);
    await host.writeSheet({ name: '计分表', blocks: [{ at: 'A1', values: [['单位']] }, { at: 'A2', formulas: [['=汇总表!A2']], fillDownTo: rows + 1 }], freezeRows: 1 });
    expect(lastSyncs()).toBe(2);
    await host.markCells(Array.from({ length: rows }, (_, i) => ({ sheet: '汇总表', cell: `B${i + 2}`, fill: '#FFF4CE', note: i % 2 ? `第${i}行` : null })));
    expect(lastSyncs()).toBe(2);
    expect(await host.clearMarks()).toEqual({ cleared: rows });
    expect(lastSyncs()).toBe(2);
    await host.goTo('汇总表', 'C5');
    expect(lastSyncs()).toBe(1);
  });
});

describe('issue 20.5: our functions written with Range.formulas give #NAME? on some non-English Excel (office-js #6614)', () => {
  async function localized(locale: 'en' | 'tr') {
    const global = globalThis as unknown as Record<string, unknown>;
    global.__STANDIN_SEED = { sheets: [{ name: '汇总表', rows: [['单位', '9.1'], ['甲', 1], ['乙', 2]] }], selection: { sheet: '汇总表', address: 'A1' }, formulaLocale: locale };
    vi.resetModules();
    await import('../taskpane/excel-standin');
    const excel = global.Excel as { run: ExcelRun };
    const api = global.__standin as { runs(): Array<{ syncs: number }>; sheet(name: string): { cells: Record<string, { formula: string | null; nameError?: boolean }> } };
    return { host: new OfficeHost((batch) => excel.run(batch)), api };
  }
  const plan = {
    name: '计分表',
    blocks: [
      { at: 'A1', values: [['单位', '9.1', '得分']] },
      { at: 'A2', formulas: [['=汇总表!A2', '=汇总表!B2', '=IF(B2="","",ASSESS.SCORE(B2,"chengdu2006",B$1))']], fillDownTo: 3 },
      { at: 'E2', formulas: [['=COUNT(C2:C3)']] },
    ],
  };

  it('read back in the writing batch; on #NAME? written again with formulasLocal: 3 syncs, every formula recognized', async () => {
    const { host, api } = await localized('tr');
    const { sheet } = await host.writeSheet(plan);
    const cells = api.sheet(sheet)!.cells;
    expect(cells.C2.formula).toBe('=IF(B2="","",ASSESS.SCORE(B2,"chengdu2006",B$1))');
    expect(cells.C3.formula).toBe('=IF(B3="","",ASSESS.SCORE(B3,"chengdu2006",B$1))');
    expect([cells.C2.nameError, cells.C3.nameError]).toEqual([false, false]);
    expect(cells.A3.formula).toBe('=汇总表!A3');
    expect(cells.E2.formula).toBe('=COUNT(C2:C3)');
    expect(api.runs().at(-1)?.syncs).toBe(3);
  });

  it('where formulas work, nothing is written twice: 2 syncs', async () => {
    const { host, api } = await localized('en');
    const { sheet } = await host.writeSheet(plan);
    expect(api.sheet(sheet)!.cells.C3.nameError).toBe(false);
    expect(api.runs().at(-1)?.syncs).toBe(2);
  });
});
