/**
 * What the CLI writes is safe for whoever reads it (issue 12): workbooks are valid XML with
 * Excel-sized cells (10), CSV cells cannot be taken for formulas (11), the table stays small
 * and never overflows (14), no escape sequence from the data reaches the terminal (15), and an
 * .xlsx input says which sheet was read (5).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run';
import yauzl from 'yauzl';
import { CELL_WIDTH, csvLines, csvText, fit, jsonChunks, printable, tableLines, type UnitSummary, width } from '../../src/cli/output';
import { MAX_CELL_TEXT, cellText } from '../../src/cli/xlsx';

const root = new URL('../../', import.meta.url).pathname;
let dir = '';

async function run(args: string[]) {
  const result = await runCli(args);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every .xml part of an .xlsx, by name. */
function xmlParts(path: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const parts = new Map<string, string>();
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('error', reject);
      zip.on('end', () => resolve(parts));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!/\.(xml|rels)$/.test(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (err, stream) => {
          if (err) return reject(err);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            parts.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

/** Parses each part with saxes (a conformant XML 1.0 parser): the first error of each, none expected. */
async function xmlErrors(path: string): Promise<string[]> {
  const errors: string[] = [];
  for (const [name, xml] of await xmlParts(path)) {
    const parser = new SaxesParser();
    let first: string | undefined;
    parser.on('error', (error) => {
      first ??= `${name}: ${error.message}`;
    });
    parser.write(xml).close();
    if (first) errors.push(first);
  }
  return errors;
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** Two items, so scores can be 3.5 and −5 (a bonus of 3.5, a deduction of 5, no base). */
const PLUS_MINUS = {
  id: 'pm', title: '加减分', version: '1', effective: '2024-01-01', clause: '一', quote: '测试',
  items: [
    { code: 'A', label: '加分', kind: 'count', points: 3.5, role: 'bonus', clause: '一', quote: '每次加3.5分' },
    { code: 'K', label: '扣分', kind: 'count', points: 5, role: 'deduction', clause: '二', quote: '每次扣5分' },
  ],
};

const csvField = (text: string) => `"${text.replace(/"/g, '""')}"`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-output-'));
  writeFileSync(join(dir, 'pm.json'), JSON.stringify(PLUS_MINUS));
}, 60_000);

describe('cell text in workbooks (XML 1.0, 32,767 characters)', () => {
  it('cellText removes what XML forbids, keeps what it allows, cuts without splitting a pair', () => {
    expect(cellText('甲\u000b区\u001f\ufffe\uffff').text).toBe('甲区');
    expect(cellText('甲\u000b区\u001f\ufffe\uffff').removed).toBe(4);
    expect(cellText('a\ud800b\udc00c').text).toBe('abc'); // lone surrogates
    const kept = 'tab\tline\nreturn\r 😀 \u0085 \ue000';
    expect(cellText(kept)).toEqual({ text: kept, removed: 0, cutFrom: 0 });
    const long = 'x'.repeat(40_000);
    expect(cellText(long)).toEqual({ text: 'x'.repeat(MAX_CELL_TEXT), removed: 0, cutFrom: 40_000 });
    const pairAtEnd = 'x'.repeat(MAX_CELL_TEXT - 1) + '😀' + 'y';
    expect(cellText(pairAtEnd).text).toBe('x'.repeat(MAX_CELL_TEXT - 1)); // not half of 😀
  });

  it('a scorecard of units with control characters and over-long names is valid XML, cleaned, and says what changed', async () => {
    const long = '丙' + 'x'.repeat(40_000);
    const csv = ['单位,A,K', '甲\u000b区,1,', '乙\u001f区,,1', '丁\ufffe区,,', `${long},1,1`, '戊区,,'].join('\n') + '\n';
    // A file name with a control character: it is written on 说明 too.
    const input = join(dir, 'ctl\u000bdata.csv');
    writeFileSync(input, csv);
    const out = join(dir, 'ctl.xlsx');
    const result = (await run(['score', input, '--rules', join(dir, 'pm.json'), '--out', out, '--format', 'json']));
    expect(result.code, result.stderr).toBe(0);
    expect(await xmlErrors(out)).toEqual([]);
    const workbook = await readBack(out);
    const scores = workbook.getWorksheet('计分表');
    const cut = long.slice(0, MAX_CELL_TEXT);
    const shown = (value: unknown) => (value === cut ? '<cut>' : value); // keeps a failure's diff readable
    expect([3, 4, 5, 6, 7].map((r) => shown(scores?.getCell(`A${r}`).value))).toEqual(['甲区', '乙区', '丁区', '<cut>', '戊区']); // below the title and header rows
    expect(workbook.getWorksheet('明细')?.getCell('A6').value).toBe('丁区');
    expect(String(workbook.getWorksheet('说明')?.getCell('B2').value)).toContain('ctldata.csv');
    // 问题: a row per unit whose text changed, naming the unit and the cells.
    const problems = workbook.getWorksheet('问题');
    const rows: string[][] = [];
    problems?.eachRow((row) => {
      const values = Array.from((row.values as ExcelJS.CellValue[]).slice(1), (v) => String(v ?? ''));
      if (values[2] === '文本') rows.push(values);
    });
    expect(rows.map((row) => shown(row[0]))).toEqual(['甲区', '乙区', '丁区', '<cut>', '']);
    expect(rows[0][1]).toContain('计分表!A3');
    expect(rows[0][1]).toContain('明细!A4');
    expect(rows[0][3]).toContain('XML 不允许的字符');
    expect(rows[3][3]).toContain('已截断');
    expect(rows[4][1]).toBe('说明!B2');
    // stderr says so too, with the unit (its name shortened) and the cells, and no control character.
    expect(result.stderr).toContain('单位「甲区」的 计分表!A3');
    expect(result.stderr).toContain('unit "乙区"');
    expect(result.stderr).toContain('已截断');
    expect(result.stderr).toContain('说明!B2');
    expect(result.stderr.length).toBeLessThan(5000);
    expect(result.stderr).not.toMatch(/[\u000b\u001f\ufffe]/);
    // The JSON keeps the text as read.
    expect(JSON.parse(result.stdout).units[0].unit).toBe('甲\u000b区');
  });

  it('a clean scorecard says nothing about text', async () => {
    writeFileSync(join(dir, 'clean.csv'), '单位,A\n甲区,1\n');
    const result = (await run(['score', join(dir, 'clean.csv'), '--rules', join(dir, 'pm.json'), '--out', join(dir, 'clean.xlsx')]));
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('注意');
  });

  it('a template of a ruleset with control characters and lone surrogates in labels and units is valid XML, and says so', async () => {
    const rules = join(dir, 'ctl-rules.json');
    writeFileSync(rules, JSON.stringify({ ...PLUS_MINUS, id: 'ctl', units: [{ label: '甲\u000b区\ud800' }], items: [{ ...PLUS_MINUS.items[0], label: '加分\u001f' }, PLUS_MINUS.items[1]] }));
    const out = join(dir, 'ctl-template.xlsx');
    const result = (await run(['template', '--rules', rules, '--out', out]));
    expect(result.code, result.stderr).toBe(0);
    expect(await xmlErrors(out)).toEqual([]);
    const sheet = (await readBack(out)).getWorksheet('ctl');
    expect(sheet?.getCell('A3').value).toBe('甲区'); // the lone surrogate is gone, not turned into U+FFFD
    // The item by its label with its clause under it, the prompt without the code (issue 22.4).
    expect(sheet?.getCell('B2').value).toBe('加分\n（一）');
    expect(sheet?.getCell('B3').dataValidation.prompt).toBe('加分（一）');
    expect(result.stderr).toContain('ctl!A3');
    expect(result.stderr).toContain('ctl!B2');
  });
});

describe('CSV cells cannot be taken for formulas', () => {
  it('csvText neutralises = + - @ tab CR with a quote and quotes the field; other text as before', () => {
    expect(['=1', '+1', '-1', '@A', '\t=1', '\r=1'].map(csvText)).toEqual([`"'=1"`, `"'+1"`, `"'-1"`, `"'@A"`, `"'\t=1"`, `"'\r=1"`]);
    expect(csvText('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(['甲区', 'a,b', 'a"b', '', '1-2'].map(csvText)).toEqual(['甲区', '"a,b"', '"a""b"', '', '1-2']);
  });

  it('--format csv neutralises unit names and keeps scores of −5 and 3.5 plain numbers', async () => {
    const names = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1)', '-2+3'];
    const file = join(dir, 'inject.csv');
    writeFileSync(file, `单位,A,K\n${csvField(names[0])},1,\n${csvField(names[1])},,1\n${names[2]},,\n${names[3]},,\n`);
    const result = (await run(['score', file, '--rules', join(dir, 'pm.json'), '--format', 'csv']));
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"",""y"")",3.5,1,,,,`);
    expect(lines[2]).toBe(`"'+cmd|' /C calc'!A0",-5,4,,,,`);
    const rows = parse(result.stdout) as string[][];
    expect(rows.slice(1).map((row) => row[0])).toEqual(names.map((name) => `'${name}`));
    // No field a spreadsheet would evaluate: every one starting with a formula character is a number.
    for (const row of rows.slice(1)) for (const cell of row) if (/^[=+\-@\t\r]/.test(cell)) expect(Number.isFinite(Number(cell)), cell).toBe(true);
  });

  it('csvLines: numeric columns are never prefixed, text columns always checked', () => {
    const unit: UnitSummary = { unit: '-5', tier: null, score: -5, bonus: 0, deduction: 5, rank: 1, grade: '=1', level: '+1', result: null, reward: -3, flags: ['@x'], items: {} };
    expect(Array.from(csvLines([unit]))[1]).toBe(`"'-5",-5,1,"'=1","'+1",-3,"'@x"`);
  });
});

/** A unit summary for the table tests. */
const summary = (unit: string, score = 1): UnitSummary => ({ unit, tier: null, score, bonus: 0, deduction: 0, rank: 1, grade: null, level: null, result: null, reward: null, flags: [], items: {} });

describe('the table stays small', () => {
  it('cells are capped at a display width with "…" (CJK counts two columns); full text stays in JSON', () => {
    expect(width('甲区ab')).toBe(6);
    expect(fit('短', 40)).toBe('短');
    const cut = fit('成'.repeat(100), CELL_WIDTH);
    expect(cut.endsWith('…')).toBe(true);
    expect(width(cut)).toBeLessThanOrEqual(CELL_WIDTH);
    const lines = Array.from(tableLines([summary('x'.repeat(1_000_000)), summary('甲区')]));
    expect(lines.every((line) => width(line) < 200)).toBe(true);
    expect(lines[1]).toContain('…');
  });

  it('a table of 200,000 rows has no stack overflow', () => {
    const units = Array.from({ length: 200_000 }, (_, i) => summary(`单位${i}`, i));
    let count = 0;
    for (const line of tableLines(units)) if (line !== '') count++;
    expect(count).toBe(200_001);
  });

  it('jsonChunks gives exactly JSON.stringify(summary, null, 2)', () => {
    for (const units of [[], [summary('甲')], [summary('甲'), summary('乙\u001b', -5)]]) {
      const whole = { ruleset: 'x', units };
      expect(Array.from(jsonChunks(whole)).join('')).toBe(JSON.stringify(whole, null, 2) + '\n');
    }
  });

  it('a 1 MB unit name among 300 units prints a small table, and all of it in JSON', async () => {
    const long = '名'.repeat(1_000_000);
    const lines = ['单位,A', `${long},1`];
    for (let i = 0; i < 299; i++) lines.push(`单位${i},1`);
    const file = join(dir, 'long-name.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const table = (await run(['score', file, '--rules', join(dir, 'pm.json')]));
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout.length).toBeLessThan(300 * 200);
    expect(table.stdout.split('\n')[1]).toMatch(/^名+… +3\.5/);
    const json = (await run(['score', file, '--rules', join(dir, 'pm.json'), '--format', 'json']));
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).units[0].unit).toBe(long);
  }, 60_000);
});

describe('no escape sequence reaches the terminal', () => {
  const hostile = '\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e甲区\u0008';

  it('printable replaces C0, DEL, C1 and bidi controls; tabs and line breaks become spaces', () => {
    expect(printable(hostile)).toBe('\ufffd]0;pwned\ufffd\ufffd[2J\ufffd31m\ufffd甲区\ufffd');
    expect(printable('a\tb\nc\u007f')).toBe('a b c\ufffd');
    expect(printable('a\nb', true)).toBe('a\nb');
    expect(printable('中文 ok')).toBe('中文 ok');
  });

  it('table and check lines carry no control characters from unit names', async () => {
    const file = join(dir, 'hostile.csv');
    // county2013: T1 = 25 is over its 分值 20: a finding, so `check` prints a line with the unit.
    writeFileSync(file, `单位,T1\n${csvField(hostile)},25\n`);
    const controls = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
    const table = (await run(['score', file, '--rules', 'county2013']));
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('甲区');
    expect(table.stdout).not.toMatch(controls);
    const check = (await run(['check', file, '--rules', 'county2013']));
    expect(check.code).toBe(3);
    expect(check.stdout).toContain('甲区');
    expect(check.stdout).not.toMatch(controls);
  });

  it('an error naming a unit carries no control characters either', async () => {
    const file = join(dir, 'hostile-bad.csv');
    writeFileSync(file, `单位,T1\n${csvField(hostile)},-1\n`);
    const result = (await run(['score', file, '--rules', 'county2013']));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('甲区');
    expect(result.stderr).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
  });
});

describe('an .xlsx input says which sheet was read', () => {
  it('names the first sheet, or the one --sheet picked, on stderr', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('汇总').addRows([['单位', 'A'], ['甲区', 1]]);
    workbook.addWorksheet('数据').addRows([['单位', 'K'], ['乙区', 1]]);
    const file = join(dir, 'two-sheets.xlsx');
    await workbook.xlsx.writeFile(file);
    const first = (await run(['score', file, '--rules', join(dir, 'pm.json'), '--format', 'json']));
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('读取工作表「汇总」 / read sheet "汇总"');
    const picked = (await run(['check', file, '--rules', join(dir, 'pm.json'), '--sheet', '数据']));
    expect(picked.stderr).toContain('读取工作表「数据」 / read sheet "数据"');
    // A CSV has no sheets: nothing said.
    writeFileSync(join(dir, 'plain.csv'), '单位,A\n甲区,1\n');
    expect((await run(['score', join(dir, 'plain.csv'), '--rules', join(dir, 'pm.json')])).stderr).toBe('');
  });
});
