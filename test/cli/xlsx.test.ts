/**
 * The CLI on real .xlsx files written by another spreadsheet program: LibreOffice (headless)
 * converts CSV to .xlsx at test time, so cells arrive as LibreOffice stores them (numbers,
 * percent-formatted fractions, text). Also the scorecard and template workbooks we write.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
let dir = '';

function run(args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/assess.js'), ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** CSV → .xlsx by LibreOffice (UTF-8, comma separated, percent text becomes a percent-formatted number). */
function libreOfficeXlsx(name: string, csv: string): string {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, csv);
  const profile = `file://${join(dir, 'lo-profile')}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
  return join(dir, `${name}.xlsx`);
}

beforeAll(() => {
  execFileSync('npm', ['run', 'build:cli', '--silent'], { cwd: root, stdio: 'pipe' });
  dir = mkdtempSync(join(tmpdir(), 'assess-xlsx-'));
}, 60_000);

describe('score .xlsx made by LibreOffice', () => {
  it('chengdu2006 with a title row above the header', () => {
    // Same units as the CSV test, worked by hand (第九條(三)(四), 第十條(五)(八)): 锦江区 70 + (5 + 2 + 4) − 5 = 76;
    // 青羊区 70 + 2.5 − min(6, 2.5) = 70.
    const xlsx = libreOfficeXlsx('chengdu', '2024年度区(市)县政务服务中心考核计分表,,,,,,\n单位,9.1,9.2,9.3,9.4.national,10.2,10.5\n锦江区,5,,6,3,,1\n青羊区,,2.5,,,3,\n');
    const { code, stdout, stderr } = run(['score', xlsx, '--rules', 'chengdu2006', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).units.map((u: { unit: string; score: number }) => [u.unit, u.score])).toEqual([['锦江区', 76], ['青羊区', 70]]);
  }, 120_000);

  it('township2022 rates stored as percent-formatted fractions', () => {
    // 3.9 98.5% → 1 full point below → 2 − 0.2 = 1.8; 5.3 99.95% → 5 steps of 0.01 pp → 2 − 1.0 = 1;
    // 5.4 93% → 7 points → 3 − 2.1 = 0.9. Empty counts keep their 分值; empty judged items (1.1, 4.6,
    // 5.1, 5.6 = 10), empty rank 3.1 (4) and unset flags 5.7/6.1 (5) give 0: 100 − 10 − 4 − 5 − 7 = 74,
    // + 1.8 + 1 + 0.9 = 77.7.
    const xlsx = libreOfficeXlsx('township', '单位,3.9,5.3,5.4\n甲镇,98.5%,99.95%,93%\n');
    const { code, stdout } = run(['score', xlsx, '--rules', 'township2022', '--format', 'json']);
    expect(code).toBe(0);
    const unit = JSON.parse(stdout).units[0];
    expect([unit.unit, unit.score, unit.items['3.9'], unit.items['5.3'], unit.items['5.4']]).toEqual(['甲镇', 77.7, 1.8, 1, 0.9]);
    expect(unit.flags.join()).toContain('1.1');
  }, 120_000);

  it('--sheet picks a sheet; an unknown sheet is a usage error naming the sheets', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('封面').addRow(['说明']);
    const data = workbook.addWorksheet('数据');
    data.addRow(['单位', 'S1', 'S8']);
    data.addRow(['办公室', '是', 2]); // govinfo 三(一)1, 8: 20 + 2 × 20 = 60; 四(六): 2 × 100 = 200 yuan
    const file = join(dir, 'sheets.xlsx');
    await workbook.xlsx.writeFile(file);
    const ok = run(['score', file, '--rules', 'govinfo', '--sheet', '数据', '--format', 'json']);
    expect(JSON.parse(ok.stdout).units[0]).toMatchObject({ unit: '办公室', score: 60, reward: 200 });
    const bad = run(['score', file, '--rules', 'govinfo', '--sheet', '没有']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('封面');
  });
});

describe('scorecard and template workbooks', () => {
  it('--out writes scores, a breakdown with clauses and highlighted findings with cell addresses', async () => {
    // county2013: T1 = 25 is above its 分值 20 → applied at 20, a finding on B2 (目标任务分解表).
    // Tasks 20 + 15×2 + 10×5 = 100; B1 = 2 → +2 → 102.
    const csv = join(dir, 'county.csv');
    writeFileSync(csv, '单位,T1,B1\n甲县,25,2\n');
    const out = join(dir, 'scorecard.xlsx');
    const { code } = run(['score', csv, '--rules', 'county2013', '--out', out]);
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['计分表', '明细', '问题', '说明']);
    const scores = workbook.getWorksheet('计分表');
    expect(scores?.getRow(2).getCell(1).value).toBe('甲县');
    expect(scores?.getRow(2).getCell(3).value).toBe(102);
    const detail = workbook.getWorksheet('明细');
    const t1 = detail?.getRows(2, detail.rowCount - 1)?.find((row) => row.getCell(3).value === 'T1');
    expect(t1?.getCell(2).value).toBe('目标任务分解表');
    expect(t1?.getCell(6).value).toBe(20);
    const problems = workbook.getWorksheet('问题');
    const finding = problems?.getRow(2);
    expect([finding?.getCell(2).value, finding?.getCell(3).value]).toEqual(['B2', 'T1']);
    expect((finding?.getCell(1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF4CE');
  });

  it('template writes headers, validation and ASSESS formulas, and LibreOffice can open it', async () => {
    const out = join(dir, 'template.xlsx');
    expect(run(['template', '--rules', 'chengdu2006', '--out', out]).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('chengdu2006');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const header = sheet.getRow(2).values as ExcelJS.CellValue[];
    expect(header.slice(1, 4)).toEqual(['单位', '圈层', '8.1 设立政务服务中心机构并正常运行']);
    expect(header).toContain('9.4.city 调研文章在市级刊物发表');
    expect(header.slice(-2)).toEqual(['得分', '等级']);
    // The 20 units of 第四條 are prefilled with their circles.
    expect([sheet.getCell('A3').value, sheet.getCell('B3').value, sheet.getCell('A22').value, sheet.getCell('B22').value]).toEqual(['锦江区', '第一圈', '新津县', '第三圈']);
    expect(sheet.getCell('D3').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 5] }); // 9.1: 0–5
    expect(sheet.getCell('F3').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] }); // 9.3 count
    const score = sheet.getCell('Z3').value as { formula: string };
    expect(score.formula).toBe('ASSESS.SCORE(C3:Y3,"chengdu2006",C$2:Y$2)');
    expect((sheet.getCell('AA3').value as { formula: string }).formula).toBe('INDEX(ASSESS.LEVEL($Z$3:$Z$22,"chengdu2006",$B$3:$B$22),1)');
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'csv', '--outdir', dir, out], { stdio: 'pipe', timeout: 120_000 });
  }, 120_000);
});
