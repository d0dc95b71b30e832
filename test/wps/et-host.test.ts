/**
 * What the ET host does beyond the Host contract (test/host/contract.ts): ET's BGR colours, the
 * marks' undo record in a very hidden sheet (chunked), screen updating restored on failure, the
 * chart, and the ET stand-in's own semantics the host relies on.
 */
import { describe, expect, it } from 'vitest';
import { encodeMarksRecord, noteHash } from '../../src/host/marks-record';
import { builtInRuleset } from '../../src/rulesets';
import { rulesetSheet } from '../../src/taskpane/actions';
import { ASSESS_MARKS_SHEET, EtHost, RECORD_CHUNK, bgr, sheetAddress } from '../../src/wps/et-host';
import { EtError, EtErrorValue, StandinApplication, asTyped, shiftFormula } from './et-standin';

function workbook(): StandinApplication {
  const app = new StandinApplication(['汇总表']);
  app.fill('汇总表', [
    ['单位', '9.1'],
    ['锦江区', 5],
  ]);
  app.select('汇总表', 'A1');
  return app;
}

describe('ET host', () => {
  it('colours are BGR longs: red + green·256 + blue·65536', () => {
    expect(bgr('#FF0000')).toBe(255);
    expect(bgr('#0000FF')).toBe(16711680);
    // #FFF4CE: 255 + 244·256 + 206·65536 = 255 + 62,464 + 13,500,416.
    expect(bgr('#FFF4CE')).toBe(13563135);
    expect(() => bgr('FFF4CE')).toThrow(/FFF4CE/);
  });

  it('sheet addresses are quoted only where a formula needs it', () => {
    expect(sheetAddress('Sheet1', 'A1:B2')).toBe('Sheet1!A1:B2');
    expect(sheetAddress('汇总表', 'A1')).toBe('汇总表!A1');
    expect(sheetAddress('计分表 (2)', 'A1')).toBe("'计分表 (2)'!A1");
    expect(sheetAddress('AB12', 'A1')).toBe("'AB12'!A1");
    expect(sheetAddress("O'Brien", 'A1')).toBe("'O''Brien'!A1");
  });

  it('the undo record is in a very hidden sheet, and the clerk stays on the marked sheet', async () => {
    const app = workbook();
    const host = new EtHost(app);
    await host.markCells([{ sheet: '汇总表', cell: 'B2', fill: '#FFF4CE', note: 'n' }]);
    const record = app.workbook.sheet(ASSESS_MARKS_SHEET);
    expect(record.Visible).toBe(2); // xlSheetVeryHidden: not even in 取消隐藏
    expect(app.ActiveSheet.Name).toBe('汇总表');
    expect(app.ScreenUpdating).toBe(true);
    // The shared record (src/host/marks-record.ts), in Office's words, so Excel can clear it: B2 had
    // no fill (white, pattern None, pattern colour black) and got the note "n".
    const saved = JSON.parse(String(record.peek('A1').value));
    expect(saved).toEqual({ assess: 'marks', version: 1, cells: [{ sheet: '汇总表', cell: 'B2', fill: { pattern: 'None', color: '#FFFFFF', patternColor: '#000000' }, noted: noteHash('n') }] });
    // Clearing empties the record but keeps the sheet (no sheet churn on every run).
    await host.clearMarks();
    expect(record.peek('A1').value).toBe('{"assess":"marks","version":1,"cells":[]}');
    expect(record.peek('A2').value).toBeNull();
  });

  it('a record longer than one cell holds is split over column A and read back whole', async () => {
    const app = workbook();
    const host = new EtHost(app);
    const marks = Array.from({ length: 600 }, (_, i) => ({ sheet: '汇总表', cell: `C${i + 1}`, fill: '#FDE7E9', note: null }));
    await host.markCells(marks);
    const record = app.workbook.sheet(ASSESS_MARKS_SHEET);
    const chunks = [1, 2, 3, 4].map((r) => record.peek(`A${r}`).value).filter((v) => v !== null) as string[];
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(RECORD_CHUNK);
    expect(JSON.parse(chunks.join('')).cells).toHaveLength(600);
    expect(await new EtHost(app).clearMarks()).toEqual({ cleared: 600 });
    expect(app.workbook.sheet('汇总表').peek('C600').pattern).toBe(-4142);
  });

  it('a workbook marked in Excel (the shared record in the very hidden sheet) clears in WPS: fills back, only its notes deleted', async () => {
    const app = workbook();
    const sheet = app.workbook.sheet('汇总表');
    // What the Excel side leaves: B2 (no fill before) marked #FFC7CE with the note "值无效";
    // A2 (#FFF4CE solid before) marked with no note, the clerk's own comment on it stays; the record
    // in Office's words.
    sheet.Range('B2').Interior.Color = bgr('#FFC7CE');
    sheet.Range('B2').AddComment('值无效');
    sheet.Range('A2').Interior.Color = bgr('#FFC7CE');
    sheet.Range('A2').AddComment('clerk');
    const marks = app.ActiveWorkbook.Worksheets.Add(undefined, sheet);
    marks.Name = ASSESS_MARKS_SHEET;
    marks.Visible = 2;
    sheet.Activate();
    const cells = [
      { sheet: '汇总表', cell: 'B2', fill: { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0 }, noted: noteHash('值无效') },
      { sheet: '汇总表', cell: 'A2', fill: { color: '#FFF4CE', pattern: 'Solid', patternColor: '#000000' } },
    ];
    encodeMarksRecord(cells).forEach((part, i) => {
      marks.Range(`A${i + 1}`).NumberFormat = '@';
      marks.Range(`A${i + 1}`).Value2 = part;
    });
    expect(await new EtHost(app).clearMarks()).toEqual({ cleared: 2 });
    expect(sheet.peek('B2')).toMatchObject({ pattern: -4142, comment: null });
    expect(sheet.peek('A2')).toMatchObject({ pattern: 1, color: bgr('#FFF4CE'), comment: 'clerk' });
  });

  it('a note the clerk edited since is kept (its hash is no longer the recorded one)', async () => {
    const app = workbook();
    const host = new EtHost(app);
    await host.markCells([{ sheet: '汇总表', cell: 'B2', fill: '#FFC7CE', note: '值无效' }]);
    const sheet = app.workbook.sheet('汇总表');
    sheet.peek('B2').comment = '值无效——已核实，原表如此';
    await host.clearMarks();
    expect(sheet.peek('B2')).toMatchObject({ pattern: -4142, comment: '值无效——已核实，原表如此' });
  });

  it('a recorded fill ET cannot take is an error naming the cell and the value, before anything changes', async () => {
    const app = workbook();
    const sheet = app.workbook.sheet('汇总表');
    sheet.Range('B2').Interior.Color = bgr('#FFC7CE');
    sheet.Range('A2').Interior.Color = bgr('#FFC7CE');
    const marks = app.ActiveWorkbook.Worksheets.Add(undefined, sheet);
    marks.Name = ASSESS_MARKS_SHEET;
    marks.Visible = 2;
    sheet.Activate();
    marks.Range('A1').NumberFormat = '@';
    marks.Range('A1').Value2 = encodeMarksRecord([
      { sheet: '汇总表', cell: 'A2', fill: { pattern: 'None' } },
      { sheet: '汇总表', cell: 'B2', fill: { pattern: 'Sparkles', color: '#FFFFFF' } },
    ])[0];
    await expect(new EtHost(app).clearMarks()).rejects.toThrow(/汇总表!B2.*Sparkles/);
    expect(sheet.peek('A2')).toMatchObject({ pattern: 1, color: bgr('#FFC7CE') });
  });

  it('a record written by an earlier WPS version (BGR, XlPattern, noted: true) still clears', async () => {
    const app = workbook();
    const sheet = app.workbook.sheet('汇总表');
    sheet.Range('B2').Interior.Color = bgr('#FFC7CE');
    sheet.Range('B2').AddComment('n');
    const marks = app.ActiveWorkbook.Worksheets.Add(undefined, sheet);
    marks.Name = ASSESS_MARKS_SHEET;
    marks.Visible = 2;
    sheet.Activate();
    marks.Range('A1').NumberFormat = '@';
    marks.Range('A1').Value2 = JSON.stringify([{ sheet: '汇总表', cell: 'B2', pattern: -4142, color: 16777215, patternColor: 0, noted: true }]);
    expect(await new EtHost(app).clearMarks()).toEqual({ cleared: 1 });
    expect(sheet.peek('B2')).toMatchObject({ pattern: -4142, comment: null });
  });

  it('screen updating is restored when a write fails part-way', async () => {
    const app = workbook();
    const host = new EtHost(app);
    await expect(host.writeSheet({ name: '计分表', blocks: [{ at: 'A1', values: [['x']] }], validations: [{ range: 'not a range', rule: { kind: 'whole', min: 0 }, title: 't', message: 'm' }] })).rejects.toThrow(EtError);
    expect(app.screenUpdatingLog).toEqual([false, true]);
  });

  it('a multi-cell Value2 that is not an array of rows is an error naming the range, never blanks', async () => {
    const app = workbook();
    const sheet = app.workbook.sheet('汇总表');
    const original = sheet.Range.bind(sheet);
    sheet.Range = (address: string) => {
      const range = original(address);
      if (address.includes(':')) Object.defineProperty(range, 'Value2', { get: () => ({ opaque: true }) });
      return range;
    };
    await expect(new EtHost(app).readRange('汇总表!A1:B2')).rejects.toThrow(/汇总表!A1:B2.*Value2/);
  });

  it('the chart: a clustered bar of the scores by unit, titled', async () => {
    const app = workbook();
    const { sheet } = await new EtHost(app).writeSheet({
      name: '计分表',
      blocks: [{ at: 'A4', values: [['锦江区', 76]] }],
      chart: { title: '各单位得分', seriesName: '得分', values: 'B4:B4', categories: 'A4:A4', at: 'D2' },
    });
    expect(app.workbook.sheet(sheet).charts).toEqual([{ type: 57, source: 'A4:A4,B4:B4', title: '各单位得分', hasTitle: true }]);
  });
});

describe('error cells given as COM error codes (issue 20.10)', () => {
  it('reads an error cell whose Value2 is its CVErr code as the error text, in one cell and in a block', async () => {
    const app = new StandinApplication(['汇总表'], { errorValues: 'code' });
    app.fill('汇总表', [
      ['单位', '9.1', '9.3'],
      ['锦江区', '#DIV/0!', '#N/A'],
    ]);
    app.select('汇总表', 'A1:C2');
    // The stand-in gives the codes: #DIV/0! 0x800A07D7 = -2146826281, #N/A 0x800A07FA = -2146826246.
    expect(app.workbook.sheet('汇总表').Range('B2:C2').Value2).toEqual([[-2146826281, -2146826246]]);
    const host = new EtHost(app);
    expect((await host.readSelection()).values).toEqual([
      ['单位', '9.1', '9.3'],
      ['锦江区', '#DIV/0!', '#N/A'],
    ]);
    expect((await host.readRange('汇总表!B2')).values).toEqual([['#DIV/0!']]);
  });

  it('a cell that really holds the number -2146826281 stays that number (its Text is no error)', async () => {
    const app = new StandinApplication(['汇总表'], { errorValues: 'code' });
    app.fill('汇总表', [[-2146826281]]);
    expect((await new EtHost(app).readRange('汇总表!A1')).values).toEqual([[-2146826281]]);
  });
});

describe('text cells are written as text (issue 20.1)', () => {
  it('the township2022 ruleset sheet round-trips: codes 3.1 and 3.10, version 2022.1, date 2022-08-01 stay text', async () => {
    const app = workbook();
    const host = new EtHost(app);
    const made = rulesetSheet(builtInRuleset('township2022'));
    const written = made.plan.blocks.flatMap((block) => block.values ?? []);
    // The sheet holds both codes (附件评分表 3.1 and 3.10): as numbers they would both be 3.1.
    const codes = written.map((row) => row[1]);
    expect(codes).toContain('3.1');
    expect(codes).toContain('3.10');
    const { sheet } = await host.writeSheet(made.plan);
    const back = await host.readRange(`${sheet}!${made.range}`);
    expect(back.values).toEqual(written);
    const codesBack = back.values.map((row) => row[1]);
    expect(codesBack.filter((code) => code === '3.1')).toHaveLength(1);
    expect(codesBack.filter((code) => code === '3.10')).toHaveLength(1);
  });

  it('numbers stay numbers, blank cells keep the General format (a clerk typing there gets a number)', async () => {
    const app = workbook();
    const { sheet } = await new EtHost(app).writeSheet({ name: '录入', blocks: [{ at: 'A1', values: [['1.0', 1.5, '', 'TRUE', true]] }] });
    const target = app.workbook.sheet(sheet);
    expect(target.peek('A1')).toMatchObject({ value: '1.0', numberFormat: '@' });
    expect(target.peek('B1')).toMatchObject({ value: 1.5, numberFormat: 'General' });
    expect(target.peek('C1')).toMatchObject({ value: null, numberFormat: 'General' });
    expect(target.peek('D1')).toMatchObject({ value: 'TRUE', numberFormat: '@' });
    expect(target.peek('E1')).toMatchObject({ value: true, numberFormat: 'General' });
  });

  it('a cell the plan gives a formula is not made Text (a Text cell would show the formula as text)', async () => {
    const app = workbook();
    const { sheet } = await new EtHost(app).writeSheet({ name: '计分', blocks: [{ at: 'A1', values: [['单位', '']], formulas: [['', '=1+1']] }] });
    const target = app.workbook.sheet(sheet);
    expect(target.peek('B1')).toMatchObject({ formula: '=1+1', numberFormat: 'General' });
  });
});

describe('ET stand-in: text is converted as typed unless the cell is Text (Microsoft Learn; et-jsapi-declare)', () => {
  it('numbers, dates, booleans, errors and formulas', () => {
    expect(asTyped('3.10')).toEqual({ value: 3.1 });
    expect(asTyped('1.0')).toEqual({ value: 1 });
    expect(asTyped('007')).toEqual({ value: 7 });
    expect(asTyped('1,234.5')).toEqual({ value: 1234.5 });
    expect(asTyped('50%')).toEqual({ value: 0.5 });
    expect(asTyped('1e3')).toEqual({ value: 1000 });
    expect(asTyped('-2')).toEqual({ value: -2 });
    // 2022-01-01 is serial 44562 (days since 1899-12-30); August 1st is 212 days later.
    expect(asTyped('2022-08-01')).toEqual({ value: 44774 });
    expect(asTyped('2022/8/1')).toEqual({ value: 44774 });
    expect(asTyped('2022-02-30')).toEqual({ value: '2022-02-30' });
    expect(asTyped('true')).toEqual({ value: true });
    expect(asTyped('#N/A')).toEqual({ value: new EtErrorValue('#N/A') });
    expect(asTyped('=A1')).toEqual({ formula: '=A1' });
    expect(asTyped('-abc')).toEqual({ formula: '=-abc' });
    expect(asTyped('2022.1')).toEqual({ value: 2022.1 });
    expect(asTyped('township2022')).toEqual({ value: 'township2022' });
    expect(asTyped('.')).toEqual({ value: '.' });
  });

  it('a Text cell keeps the text', () => {
    const sheet = workbook().workbook.sheet('汇总表');
    sheet.Range('D1').Value2 = '3.10';
    expect(sheet.peek('D1').value).toBe(3.1);
    sheet.Range('D2').NumberFormat = '@';
    sheet.Range('D2').Value2 = '3.10';
    expect(sheet.peek('D2').value).toBe('3.10');
  });
});

describe('ET stand-in semantics the host relies on', () => {
  it('Value2 = "=…" makes a formula unless the cell is Text', () => {
    const app = workbook();
    const sheet = app.workbook.sheet('汇总表');
    sheet.Range('D1').Value2 = '=1+1';
    expect(sheet.peek('D1').formula).toBe('=1+1');
    sheet.Range('D2').NumberFormat = '@';
    sheet.Range('D2').Value2 = '=1+1';
    expect(sheet.peek('D2')).toMatchObject({ formula: null, value: '=1+1' });
  });

  it('one comment per cell; Select only on the active sheet; Validation.Add only once', () => {
    const app = workbook();
    const sheet = app.workbook.sheet('汇总表');
    sheet.Range('A1').AddComment('x');
    expect(() => sheet.Range('A1').AddComment('y')).toThrow(EtError);
    const other = app.ActiveWorkbook.Worksheets.Add(undefined, sheet);
    expect(app.ActiveSheet).toBe(other);
    expect(() => sheet.Range('A1').Select()).toThrow(EtError);
    sheet.Range('B1').Validation.Add(1, 1, 7, '0');
    expect(() => sheet.Range('B1').Validation.Add(1, 1, 7, '0')).toThrow(EtError);
  });

  it('fill-down moves relative references only, never inside string literals', () => {
    expect(shiftFormula('=IF(ISBLANK(\'S 1\'!B3),"",\'S 1\'!B3)', 2)).toBe('=IF(ISBLANK(\'S 1\'!B5),"",\'S 1\'!B5)');
    expect(shiftFormula('=RANK.EQ(S4,S$4:S$23)+LOG10(A1)&"B2"', 1)).toBe('=RANK.EQ(S5,S$4:S$23)+LOG10(A2)&"B2"');
    expect(shiftFormula('=$A$1+$B2', 3)).toBe('=$A$1+$B5');
  });
});
