/**
 * Issue 19.3, the reader's part: a header cell is read as it is displayed. A clerk who types
 * 3.10 into a cell formatted 0.00 (or whose spreadsheet formats it so) stores the number 3.1 and
 * sees "3.10"; township2022 has both item 3.1 (办件量排名) and item 3.10 (窗口无否决权登记), so reading
 * the number would score the 3.10 column as 3.1. The .xlsx reader gives numeric cells in the rows
 * down to the header row the text their number format displays (where it differs from the
 * number's own text); data cells stay numbers. Workbooks written by exceljs and, where installed,
 * by LibreOffice (soffice), besides hand-built styles for each format kind.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTableFile } from '../../src/cli/read-file';
import { readXlsxSheets } from '../../src/cli/read-xlsx';
import { readUnits } from '../../src/core/input';
import { builtInRuleset } from '../../src/rulesets';
import { sheetXml, stylesXml, workbook } from './read-fixtures';

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-read-display-'));
});

/** A township2022 sheet as a clerk types it: 3.10 typed into a cell formatted 0.00 (stored 3.1), a count of 2 under it, data cells formatted 0.00 too. */
async function exceljsWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('计分');
  ws.addRow(['单位', 3.1, '3.2']);
  ws.addRow(['乡镇甲', 2, 1]);
  ws.getCell('B1').numFmt = '0.00';
  ws.getCell('B2').numFmt = '0.00';
  ws.getCell('C2').numFmt = '0.00';
  await wb.xlsx.writeFile(file);
}

function itemIndex(code: string): number {
  const index = builtInRuleset('township2022').items.findIndex((item) => item.code === code);
  expect(index, code).toBeGreaterThanOrEqual(0);
  return index;
}

describe('a header number is read as displayed: 3.1 formatted 0.00 is "3.10"', () => {
  it('exceljs: the header cell reads "3.10" and the column is item 3.10, not 3.1; the data cells formatted 0.00 stay numbers', async () => {
    const file = join(dir, 'exceljs.xlsx');
    await exceljsWorkbook(file);
    const { table } = await readTableFile(file);
    expect(table).toEqual([
      ['单位', '3.10', '3.2'],
      ['乡镇甲', 2, 1],
    ]);
    const [unit] = readUnits(builtInRuleset('township2022'), table);
    expect(unit.values[itemIndex('3.10')]).toBe(2);
    expect(unit.values[itemIndex('3.1')]).toBeNaN();
  });

  it.skipIf(!existsSync('/usr/bin/soffice') && !process.env.PATH?.split(':').some((p) => existsSync(join(p, 'soffice'))))(
    'LibreOffice: the same workbook saved again by soffice reads the same',
    async () => {
      const source = join(dir, 'for-soffice.xlsx');
      await exceljsWorkbook(source);
      const out = join(dir, 'soffice-out');
      // Its own profile, so a LibreOffice run elsewhere on the machine does not lock this one out.
      const profile = `file://${join(dir, 'soffice-profile')}`;
      await promisify(execFile)('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, source], { timeout: 120_000 });
      const { table } = await readTableFile(join(out, 'for-soffice.xlsx'));
      expect(table).toEqual([
        ['单位', '3.10', '3.2'],
        ['乡镇甲', 2, 1],
      ]);
    },
    150_000,
  );

  it('each format kind: built-in 0.00, #,##0.00, 0 and General, custom 0.0, 0.0#, #,##0.00 and a colour with sections; a title row above; dates unchanged', async () => {
    // Styles: 0 General, 1 → 2 (0.00), 2 → 4 (#,##0.00), 3 → 1 (0), 4 → 176 0.0, 5 → 177 0.0#, 6 → 178 [Red]0.000;-0.000, 7 → 14 (a date), 8 → 179 #,##0.00 written as a custom code.
    const styles = stylesXml([0, 2, 4, 1, 176, 177, 178, 14, 179], [
      [176, '0.0'],
      [177, '0.0#'],
      [178, '[Red]0.000;-0.000'],
      [179, '#,##0.00'],
    ]);
    const header = [
      '<c r="A2" t="inlineStr"><is><t>单位</t></is></c>',
      '<c r="B2" s="1"><v>3.1</v></c>', // "3.10"
      '<c r="C2" s="2"><v>1234.5</v></c>', // "1,234.50"
      '<c r="D2" s="3"><v>3</v></c>', // "3": as the number's own text, stays 3
      '<c r="E2" s="4"><v>3.1</v></c>', // "3.1": stays 3.1
      '<c r="F2" s="5"><v>3</v></c>', // "3.0"
      '<c r="G2" s="6"><v>3.1</v></c>', // "3.100"
      '<c r="H2" s="7"><v>45000</v></c>', // a date, as before
      '<c r="I2" s="8"><v>3.2</v></c>', // "3.20"
      '<c r="J2"><v>3.1</v></c>', // General: 3.1
      '<c r="K2" s="1"><v>1.005</v></c>', // "1.01": rounded as Excel shows it (half away from zero on the decimal value)
    ].join('');
    const data = '<row r="3"><c r="A3" t="inlineStr"><is><t>乡镇甲</t></is></c><c r="B3" s="1"><v>2</v></c><c r="C3" s="2"><v>1234.5</v></c><c r="F3" s="5"><v>3</v></c></row>';
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>2024年度考核</t></is></c></row>' + `<row r="2">${header}</row>` + data;
    const { table } = await readTableFile(writeXlsx('kinds.xlsx', workbook({ sheets: [{ name: 'S', xml: sheetXml(rows) }], styles })));
    expect(table[1]).toEqual(['单位', '3.10', '1,234.50', 3, 3.1, '3.0', '3.100', '2023-03-15', '3.20', 3.1, '1.01']);
    expect(table[2]).toEqual(['乡镇甲', 2, 1234.5, null, null, 3]);
  });

  it('a negative or zero number under a format with sections keeps its number (only the first section, for positive numbers, is read)', async () => {
    const styles = stylesXml([0, 176], [[176, '0.00;(0.00);"-"']]);
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c><c r="B1" s="1"><v>-3.1</v></c><c r="C1" s="1"><v>0</v></c><c r="D1" s="1"><v>3.1</v></c></row>';
    const { table } = await readTableFile(writeXlsx('sections.xlsx', workbook({ sheets: [{ name: 'S', xml: sheetXml(rows) }], styles })));
    expect(table[0]).toEqual(['单位', -3.1, 0, '3.10']);
  });

  it('every sheet of a batch (readXlsxSheets) reads its header as displayed', async () => {
    const styles = stylesXml([0, 2]);
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c><c r="B1" s="1"><v>3.1</v></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2" s="1"><v>1</v></c></row>');
    const sheets = await readXlsxSheets(writeXlsx('batch.xlsx', workbook({ sheets: [{ name: 'A', xml }, { name: 'B', xml }], styles })));
    expect(sheets.map((s) => s.table)).toEqual([
      [
        ['单位', '3.10'],
        ['甲', 1],
      ],
      [
        ['单位', '3.10'],
        ['甲', 1],
      ],
    ]);
  });
});

function writeXlsx(name: string, data: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}
