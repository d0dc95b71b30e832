/**
 * The CLI on real .xlsx files written by another spreadsheet program: LibreOffice (headless)
 * converts CSV to .xlsx at test time, so cells arrive as LibreOffice stores them (numbers,
 * percent-formatted fractions, text). Also the scorecard and template workbooks we write.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import stringWidth from 'string-width';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, soffice } from '../support/run';
import { builtInRuleset } from '../../src/rulesets';

const root = new URL('../../', import.meta.url).pathname;
let dir = '';

async function run(args: string[]) {
  const result = await runCli(args);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** CSV → .xlsx by LibreOffice (UTF-8, comma separated, percent text becomes a percent-formatted number). */
async function libreOfficeXlsx(name: string, csv: string): Promise<string> {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, csv);
  await soffice(join(dir, 'lo-profile'), ['--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, file]);
  return join(dir, `${name}.xlsx`);
}

const HEADER_FILL = 'FFDEECF9';
const WARN_FILL = 'FFFFF4CE';
const ALERT_FILL = 'FFFDE7E9';

/** The fill colour of a cell (undefined when it has none). */
function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.pattern === 'solid' ? fill.fgColor?.argb : undefined;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** An item's or group's label in a built-in ruleset (明细's headers and notes name items by label, issue 22.4); other text as it is. */
function labelOf(rules: string, code: string): string {
  const ruleset = builtInRuleset(rules);
  return ruleset.items.find((item) => item.code === code)?.label ?? ruleset.groups.find((group) => group.code === code)?.label ?? code;
}

/** 明细's column for a header (an item's label, or 减分不超过加分 …). */
function columnOf(detail: ExcelJS.Worksheet, label: string): number {
  const headers = Array.from(detail.getRow(2).values as ExcelJS.CellValue[], (value) => String(value ?? ''));
  const at = headers.findIndex((header) => header === label);
  if (at < 1) throw new Error(`明细 has no column ${label}`);
  return at;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-xlsx-'));
}, 60_000);


/** Scores a CSV with `--out` (exit 0 expected) and reads the scorecard back. */
async function scorecardOf(name: string, csvText: string, rules: string): Promise<{ workbook: ExcelJS.Workbook; out: string }> {
  const csv = join(dir, name.replace(/\.xlsx$/, '.csv'));
  writeFileSync(csv, csvText);
  const out = join(dir, name);
  const result = (await run(['score', csv, '--rules', rules, '--out', out]));
  expect(result.code, result.stderr).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  return { workbook, out };
}

describe('score .xlsx made by LibreOffice', () => {
  it('chengdu2006 with a title row above the header', async () => {
    // Same units as the CSV test, worked by hand (第九條(三)(四), 第十條(五)(八)): 锦江区 70 + (5 + 2 + 4) − 5 = 76;
    // 青羊区 70 + 2.5 − min(6, 2.5) = 70.
    const xlsx = await libreOfficeXlsx('chengdu', '2024年度区(市)县政务服务中心考核计分表,,,,,,\n单位,9.1,9.2,9.3,9.4.national,10.2,10.5\n锦江区,5,,6,3,,1\n青羊区,,2.5,,,3,\n');
    const { code, stdout, stderr } = (await run(['score', xlsx, '--rules', 'chengdu2006', '--format', 'json']));
    expect(stderr).toBe('读取工作表「chengdu」 / read sheet "chengdu"\n');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).units.map((u: { unit: string; score: number }) => [u.unit, u.score])).toEqual([['锦江区', 76], ['青羊区', 70]]);
  }, 300_000);

  it('township2022 rates stored as percent-formatted fractions', async () => {
    // 3.9 98.5% → 1 full point below → 2 − 0.2 = 1.8; 5.3 99.95% → 5 steps of 0.01 pp → 2 − 1.0 = 1;
    // 5.4 93% → 7 points → 3 − 2.1 = 0.9. Empty counts keep their 分值; empty judged items (1.1, 4.6,
    // 5.1, 5.6 = 10), empty rank 3.1 (4) and unset flags 5.7/6.1 (5) give 0: 100 − 10 − 4 − 5 − 7 = 74,
    // + 1.8 + 1 + 0.9 = 77.7.
    const xlsx = await libreOfficeXlsx('township', '单位,3.9,5.3,5.4\n甲镇,98.5%,99.95%,93%\n');
    const { code, stdout } = (await run(['score', xlsx, '--rules', 'township2022', '--format', 'json']));
    expect(code).toBe(0);
    const unit = JSON.parse(stdout).units[0];
    expect([unit.unit, unit.score, unit.items['3.9'], unit.items['5.3'], unit.items['5.4']]).toEqual(['甲镇', 77.7, 1.8, 1, 0.9]);
    expect(unit.flags.join()).toContain('1.1');
  }, 300_000);

  it('--sheet picks a sheet; an unknown sheet is a usage error naming the sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').addRow(['说明']);
    const data = workbook.addWorksheet('数据');
    data.addRow(['单位', 'S1', 'S8']);
    data.addRow(['办公室', '是', 2]); // govinfo 三(一)1, 8: 20 + 2 × 20 = 60; 四(六): 2 × 100 = 200 yuan
    const file = join(dir, 'sheets.xlsx');
    await workbook.xlsx.writeFile(file);
    const ok = (await run(['score', file, '--rules', 'govinfo', '--sheet', '数据', '--format', 'json']));
    expect(JSON.parse(ok.stdout).units[0]).toMatchObject({ unit: '办公室', score: 60, reward: 200 });
    const bad = (await run(['score', file, '--rules', 'govinfo', '--sheet', '没有']));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('封面');
  });
});

describe('scorecard and template workbooks', () => {
  it('--out writes scores, a breakdown with clauses and highlighted findings with cell addresses', async () => {
    // county2013: T1 = 25 is above its 分值 20 → applied at 20, a warning on B2 (目标任务分解表).
    // Tasks 20 + 15×2 + 10×5 = 100; B1 = 2 → +2 → 102.
    const { workbook } = await scorecardOf('scorecard.xlsx', '单位,T1,B1\n甲县,25,2\n', 'county2013');
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['计分表', '明细', '问题', '说明']);
    const scores = sheetOf(workbook, '计分表');
    // Row 1 is the title (ruleset and date), row 2 the header.
    expect(String(scores.getCell('A1').value)).toMatch(/^各县\(区\)政务服务中心目标任务分解表及目标考核加减分说明（2013年）　计分表　\d{4}-\d{2}-\d{2}$/);
    expect(scores.getRow(3).getCell(1).value).toBe('甲县');
    expect(scores.getRow(3).getCell(2).value).toBe(102); // county2013 has no 圈层: 得分 is the second column
    expect(fillOf(scores.getCell('A2'))).toBe(HEADER_FILL);
    expect(fillOf(scores.getCell('C3'))).toBe(WARN_FILL); // the unit with a warning is highlighted across its row
    const detail = sheetOf(workbook, '明细');
    const t1 = columnOf(detail, labelOf('county2013', 'T1'));
    expect(detail.getRow(3).getCell(t1).value).toBe('目标任务分解表');
    expect(detail.getRow(4).getCell(t1).value).toBe(20);
    expect(detail.getRow(4).getCell(columnOf(detail, labelOf('county2013', 'B1'))).value).toBe(2);
    expect(String(detail.getRow(4).getCell(detail.getRow(2).cellCount).value)).toContain(`${labelOf('county2013', 'T1')}：25→20（上限）`);
    const problems = sheetOf(workbook, '问题');
    const finding = problems.getRow(3);
    expect([finding.getCell(2).value, finding.getCell(3).value]).toEqual(['B2', labelOf('county2013', 'T1')]); // by label, not code (issue 22.4)
    expect(fillOf(finding.getCell(1))).toBe(WARN_FILL);
  });

  it('明细 has one row per unit: item points, adjustments as columns, clauses in a second header row', async () => {
    // chengdu2006, worked by hand (as in cli.test.ts):
    // 锦江区: 8.1 base 70 (第八條(一)); 9.1 = 5; 9.3 = 6 × 0.5 = 3 → item cap 2 (第九條(三)); 9.4.national = 3 × 1.5 = 4.5,
    //         group 9.4 capped at 4 (第九條(四)) → adjustment −0.5; 10.5 = 1 × 5 → −5. 70 + 5 + 2 + 4.5 − 0.5 − 5 = 76.
    // 青羊区: 8.1 70; 9.2 = 2.5; 10.2 = 3 × 2 → −6, more than the bonus 2.5 → deductions count 2.5 (第十條(八)):
    //         adjustment +3.5. 70 + 2.5 − 6 + 3.5 = 70.
    const { workbook, out } = await scorecardOf('chengdu-scorecard.xlsx', '单位,9.1,9.2,9.3,9.4.national,10.2,10.5\n锦江区,5,,6,3,,1\n青羊区,,2.5,,,3,\n', 'chengdu2006');
    const detail = sheetOf(workbook, '明细');
    expect(detail.rowCount).toBe(5); // the title, two header rows, one row per unit
    const headers = (detail.getRow(2).values as ExcelJS.CellValue[]).slice(1);
    const items = builtInRuleset('chengdu2006').items.map((item) => [item.code, item.label, item.cite.clause]);
    // 单位, 得分, every item of the ruleset in its order by its label (no internal code such as 9.4.city), then the two
    // adjustments in the order first met (锦江区's group cap, then 青羊区's 减分不超过加分), then 计算说明.
    expect(headers).toEqual(['单位', '得分', ...items.map(([, label]) => label), '调研文章发表', '减分不超过加分', '计算说明']);
    const clauses = (detail.getRow(3).values as ExcelJS.CellValue[]).slice(1);
    // Clause labels in Simplified script (the ruleset writes them 第九條(四) as the source does).
    expect(clauses.slice(2, 2 + items.length)).toEqual(items.map((item) => item[2].replace('條', '条')));
    expect([clauses[0], clauses[items.length + 2], clauses[items.length + 3]]).toEqual(['条款', '第九条(四)', '第十条(八)']);

    const cell = (row: number, code: string) => detail.getRow(row).getCell(columnOf(detail, labelOf('chengdu2006', code))).value;
    const notes = (row: number) => String(detail.getRow(row).getCell(headers.length).value);
    expect(detail.getRow(4).getCell(1).value).toBe('锦江区');
    expect(detail.getRow(4).getCell(2).value).toBe(76);
    expect(['8.1', '9.1', '9.3', '9.4.national', '9.4', '10.5', '减分不超过加分'].map((code) => cell(4, code))).toEqual([70, 5, 2, 4.5, -0.5, -5, null]);
    expect(notes(4)).toContain(`${labelOf('chengdu2006', '9.3')}：6×0.5=3，封顶2`);
    expect(notes(4)).toContain('调研文章发表：封顶4');
    expect(detail.getRow(5).getCell(1).value).toBe('青羊区');
    expect(detail.getRow(5).getCell(2).value).toBe(70);
    expect(['8.1', '9.2', '10.2', '9.4', '减分不超过加分'].map((code) => cell(5, code))).toEqual([70, 2.5, -6, null, 3.5]);
    expect(notes(5)).toContain(`${labelOf('chengdu2006', '10.2')}：3×2`);
    // Every row adds up to its score: items, then adjustments.
    for (const row of [4, 5]) {
      const values = (detail.getRow(row).values as ExcelJS.CellValue[]).slice(3, headers.length);
      expect(values.reduce<number>((sum, value) => sum + (typeof value === 'number' ? value : 0), 0)).toBeCloseTo(Number(detail.getRow(row).getCell(2).value), 9);
    }
    // Title and header rows and the unit column frozen; header rows filled (also their empty cells), data rows plain.
    expect(detail.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
    expect([fillOf(detail.getCell('A2')), fillOf(detail.getCell('B3')), fillOf(detail.getCell('A4'))]).toEqual([HEADER_FILL, HEADER_FILL, undefined]);
    expect(detail.getCell('A2').font?.bold).toBe(true);

    // LibreOffice opens it and reads 明细 as numbers laid out the same way.
    const csvDir = join(dir, 'chengdu-csv');
    await soffice(join(dir, 'lo-profile'), ['--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1', '--outdir', csvDir, out]);
    const lines = readFileSync(join(csvDir, 'chengdu-scorecard-明细.csv'), 'utf8').split(/\r?\n/);
    expect(lines[3].startsWith('锦江区,76,70,5,0,2,')).toBe(true);
    expect(lines[4].startsWith('青羊区,70,70,0,2.5,0,')).toBe(true);
  }, 300_000);

  it('明细 gives a code a unit adjusts twice a second column (a once-only group that is also capped)', async () => {
    // G is applied once (the largest member's points: G.2's 5, not 3 + 5 = 8 → −3), then capped at 4 (→ −1):
    // 甲 60 + 3 + 5 − 3 − 1 = 64. 乙 has no G items: no adjustments, empty cells.
    const rules = join(dir, 'once.json');
    writeFileSync(rules, JSON.stringify({
      id: 'oncecap', title: '一次性封顶', version: '1', effective: '2024-01-01', clause: '一', quote: '测试',
      items: [
        { code: 'A', label: '基础', kind: 'judged', min: 0, max: 60, default: 'full', clause: '一', quote: '基础分60分' },
        { code: 'G.1', label: '表彰甲', kind: 'count', points: 3, role: 'bonus', group: 'G', clause: '二', quote: '每次加3分' },
        { code: 'G.2', label: '表彰乙', kind: 'count', points: 5, role: 'bonus', group: 'G', clause: '二', quote: '每次加5分' },
      ],
      groups: [{ code: 'G', label: '表彰', once: true, cap: 4, clause: '三', quote: '一次性加分，不超过4分' }],
    }));
    const { workbook } = await scorecardOf('once-scorecard.xlsx', '单位,G.1,G.2\n甲,1,1\n乙,,\n', rules);
    const detail = sheetOf(workbook, '明细');
    const row = (n: number) => (detail.getRow(n).values as ExcelJS.CellValue[]).slice(1, 7);
    expect(row(2)).toEqual(['单位', '得分', '基础', '表彰甲', '表彰乙', '表彰']);
    expect(detail.getCell('G2').value).toBe('表彰（2）');
    expect([detail.getCell('F3').value, detail.getCell('G3').value]).toEqual(['三', '三']);
    expect(row(4)).toEqual(['甲', 64, 60, 3, 5, -3]);
    expect(detail.getCell('G4').value).toBe(-1);
    expect(String(detail.getCell('H4').value)).toContain('表彰：一次性；表彰：封顶4');
    expect([detail.getCell('B5').value, detail.getCell('F5').value, detail.getCell('G5').value]).toEqual([60, null, null]);
  });

  it('--out highlights threshold rows on 计分表 and 问题', async () => {
    // govinfo: K8 = 1 (−100) and K1 = 1 (−20): deductions 120 ≥ 100 → 不得参评先进单位和先进个人 (五(四)); S1 = 是 → 20 − 120 = −100.
    const { workbook } = await scorecardOf('govinfo-scorecard.xlsx', '单位,S1,K1,K8\n办公室,是,1,1\n', 'govinfo');
    const scores = sheetOf(workbook, '计分表');
    // No 圈层, 等次, 等级 or 等级加分 columns (govinfo has none; empty columns are left out, issue 22.3): 单位 得分 名次 奖励(元) 加分 扣分 提示.
    expect((scores.getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual(['单位', '得分', '名次', '奖励(元)', '加分', '扣分', '提示']);
    expect([scores.getCell('A3').value, scores.getCell('B3').value, scores.getCell('G3').value]).toEqual(['办公室', -100, '不得参评先进单位和先进个人']);
    expect(fillOf(scores.getCell('A3'))).toBe(ALERT_FILL);
    const problems = sheetOf(workbook, '问题');
    expect([problems.getCell('C3').value, problems.getCell('D3').value, problems.getCell('E3').value]).toEqual(['阈值', '不得参评先进单位和先进个人', '五(四)']);
    expect([fillOf(problems.getCell('A3')), fillOf(problems.getCell('B3'))]).toEqual([ALERT_FILL, ALERT_FILL]);
    const detail = sheetOf(workbook, '明细');
    expect(['S1', 'K1', 'K8'].map((code) => detail.getRow(4).getCell(columnOf(detail, labelOf('govinfo', code))).value)).toEqual([20, -20, -100]);
  });

  it('--out never overwrites the input, and an unwritable path is a usage error (exit 2)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('数据').addRows([['单位', 'S1'], ['办公室', '是']]);
    const input = join(dir, 'input.xlsx');
    await workbook.xlsx.writeFile(input);
    const before = readFileSync(input);
    for (const out of [input, join(dir, '.', 'input.xlsx')]) {
      const same = (await run(['score', input, '--rules', 'govinfo', '--out', out]));
      expect(same.code).toBe(2);
      expect(same.stderr).toContain('不能覆盖输入文件');
      expect(same.stderr).toContain('would overwrite the input');
    }
    expect(readFileSync(input).equals(before)).toBe(true);
    const missing = join(dir, 'no-such-dir', 'scorecard.xlsx');
    const bad = (await run(['score', input, '--rules', 'govinfo', '--out', missing]));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`无法写入 ${missing}`);
    expect(bad.stderr).toContain(`cannot write ${missing}`);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect((await run(['score', input, '--rules', 'govinfo', '--out', join(dir, 'scorecard.csv')])).code).toBe(2);
  });

  it('template writes headers, validation and ASSESS formulas, and LibreOffice can open it', async () => {
    const out = join(dir, 'template.xlsx');
    expect((await run(['template', '--rules', 'chengdu2006', '--out', out])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('chengdu2006');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const header = sheet.getRow(2).values as ExcelJS.CellValue[];
    // Items by label with their clause under it (issue 22.4: no 8.1 / 9.4.city codes), as 第八條（一）
    // and 第九條（四） of the regulation name them, in Simplified script.
    expect(header.slice(1, 4)).toEqual(['单位', '圈层', '设立政务服务中心机构并正常运行\n（第八条(一)）']);
    expect(header).toContain('调研文章在市级刊物发表\n（第九条(四)）');
    expect(header.slice(-2)).toEqual(['得分', '等级']);
    // The 20 units of 第四條 are prefilled with their circles.
    expect([sheet.getCell('A3').value, sheet.getCell('B3').value, sheet.getCell('A22').value, sheet.getCell('B22').value]).toEqual(['锦江区', '第一圈', '新津县', '第三圈']);
    expect(sheet.getCell('D3').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 5] }); // 9.1: 0–5
    expect(sheet.getCell('F3').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] }); // 9.3 count
    const score = sheet.getCell('Z3').value as { formula: string };
    expect(score.formula).toBe('ASSESS.SCORE(C3:Y3,"chengdu2006",C$2:Y$2)');
    expect((sheet.getCell('AA3').value as { formula: string }).formula).toBe('INDEX(ASSESS.LEVEL($Z$3:$Z$22,"chengdu2006",$B$3:$B$22),1)');
    await soffice(join(dir, 'lo-profile'), ['--convert-to', 'csv', '--outdir', dir, out]);
  }, 300_000);
});

describe('a scorecard ready to print and hand on (issue 14.5)', () => {
  it('every sheet: A4 landscape at 100 % (issue 22.3: not squeezed to one page wide), title rows and the unit column repeated on every page, headers tall enough for their wrapped text', async () => {
    const out = join(dir, 'print-chengdu.xlsx');
    const result = (await run(['score', join(root, 'examples/chengdu2006.xlsx'), '--rules', 'chengdu2006', '--out', out]));
    expect(result.code, result.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const titles: Record<string, string | undefined> = { 计分表: '1:2', 明细: '1:3', 问题: '1:2', 说明: undefined };
    for (const sheet of workbook.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, orientation: 'landscape', scale: 100 });
      expect(sheet.pageSetup.fitToPage, sheet.name).not.toBe(true);
      expect(sheet.pageSetup.printTitlesRow, sheet.name).toBe(titles[sheet.name]);
      expect(sheet.pageSetup.printTitlesColumn, sheet.name).toBe(titles[sheet.name] === undefined ? undefined : 'A:A');
      expect(sheet.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
    }
    const scores = sheetOf(workbook, '计分表');
    expect(String(scores.getCell('A1').value)).toMatch(/^成都市区\(市\)县政府政务服务中心工作考核实施细则　计分表　\d{4}-\d{2}-\d{2}$/);
    // Each header cell wraps within its column: its row is at least one 11-point line (≥ 12 pt) per line of
    // text, a line holding (width − 1) display columns (a CJK character is two).
    for (const [name, row] of [['计分表', 2], ['明细', 2], ['明细', 3], ['问题', 2]] as const) {
      const sheet = sheetOf(workbook, name);
      let lines = 1;
      sheet.getRow(row).eachCell((cell, column) => {
        expect(cell.alignment?.wrapText, `${name}!${cell.address}`).toBe(true);
        const room = Math.max(1, (sheet.getColumn(column).width ?? 8) - 1);
        lines = Math.max(lines, Math.ceil(stringWidth(String(cell.value ?? '')) / room));
      });
      expect(sheet.getRow(row).height, `${name} row ${row}`).toBeGreaterThanOrEqual(lines * 12);
    }
    // 明细's longest header here, "主要领导重视、机构健全、编制落实、人员稳定、经费有保障" (2 × 26 = 52 columns in a width
    // of 12, 11 to a line), takes 5 lines; every column has the width it was given (none lost to exceljs's default of 9).
    expect(sheetOf(workbook, '明细').getRow(2).height).toBeGreaterThanOrEqual(5 * 12);
    expect(sheetOf(workbook, '明细').getColumn(3).width).toBe(12);
    // chengdu2006 has no 等次, 等级加分 or 奖励: those columns are left out; 提示 takes the rest of the page.
    expect((sheetOf(workbook, '计分表').getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual(['单位', '圈层', '得分', '名次', '等级', '加分', '扣分', '提示']);
    expect(sheetOf(workbook, '计分表').columns.map((column) => column.width).slice(0, 7)).toEqual([14, 8, 8, 6, 8, 8, 8]);
    // What a clerk reads: the kind of a finding, not its code (崇州市 and 金堂县 tie on the 第三圈 quota line, 第十一條(一)).
    const problems = sheetOf(workbook, '问题');
    const kinds = (problems.getColumn(3).values as ExcelJS.CellValue[]).map(String);
    expect(kinds).toContain('同分待定');
    expect(kinds).not.toContain('level');
    expect((problems.getColumn(5).values as ExcelJS.CellValue[]).map(String)).toContain('第十一条(一)');
    expect((sheetOf(workbook, '说明').getColumn(2).values as ExcelJS.CellValue[]).map(String)).toContain('原文为繁体，引文照录原文。');

    // LibreOffice prints it in A4 landscape (sizes and clipping: test/cli/printout.test.ts).
    const pdfDir = join(dir, 'pdf');
    await soffice(join(dir, 'lo-profile'), ['--convert-to', 'pdf', '--outdir', pdfDir, out]);
    const pdf = readFileSync(join(pdfDir, 'print-chengdu.pdf')).toString('latin1');
    // A4 landscape: 842 × 595 points.
    for (const box of pdf.match(/\/MediaBox\s*\[[^\]]*\]/g) ?? []) expect(box.replace(/\s+/g, ' ')).toMatch(/\[ ?0 0 841\.8\d* 595\.3\d* ?\]/);
  }, 180_000);

  it('the template says in 说明 that the formula cells need the add-in (#NAME? elsewhere), and prints like the scorecard', async () => {
    const out = join(dir, 'print-template.xlsx');
    expect((await run(['template', '--rules', 'tacheng2020', '--out', out])).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['tacheng2020', '说明']);
    const note = String(sheetOf(workbook, '说明').getCell('B3').value);
    expect(note).toContain('得分、等次列是 ASSESS 加载项的公式');
    expect(note).toContain('#NAME?');
    expect(sheetOf(workbook, 'tacheng2020').pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', scale: 100, printTitlesRow: '1:2' });
  });
});
