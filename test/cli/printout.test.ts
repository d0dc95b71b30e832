/**
 * Printouts a leader can read (issue 22.3): every example scorecard (`score … --out`) converted to
 * PDF by LibreOffice in one call, then on every page of every PDF:
 * - text is at least 8 points (read from the PDF's own font size operators, `/F1 11 Tf`, with the
 *   text matrix's scale; LibreOffice writes no other scaling for text);
 * - no cell is clipped: the text of every text cell of the workbook is found whole in the PDF's
 *   text in content-stream order (pdftotext -raw, poppler-utils) — LibreOffice draws only what fits
 *   a cell it cuts, so a cut cell's text is missing there;
 * - a sheet wider than a page repeats the unit column: every page but 说明's has the 单位 header;
 * - 计分表 has no column without a value (chengdu2006 has no 等次, 等级加分 or 奖励).
 * On the code before the fix 明细 printed at 3.6 pt (chengdu2006) and 2.7 pt (the township forms).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, run, runCli, soffice } from '../support/run';

const EXAMPLES: Array<{ name: string; file: string; rules: string }> = [
  ...['chengdu2006', 'county2013', 'govinfo', 'tacheng2020', 'township2022'].map((id) => ({ name: id, file: `examples/${id}.xlsx`, rules: id })),
  { name: 'township2022-forms', file: 'examples/office/township2022-forms.xlsx', rules: 'township2022' },
];

/** The least size a printed character may have (points). */
const MIN_POINTS = 8;

/** Decompressed content streams of a PDF that draw text, in file order (one per page for LibreOffice). */
function textStreams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const streams: string[] = [];
  const start = /stream\r?\n/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const from = m.index + m[0].length;
    const to = text.indexOf('endstream', from);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(from, to)).toString('latin1');
    } catch {
      continue; // not a Flate stream (fonts are, images may not be): no text operators in it
    }
    if (/\bTf\b/.test(content)) streams.push(content);
  }
  return streams;
}

/**
 * The smallest text size drawn in a content stream: each `size Tf` times the vertical scale of the
 * text matrix in force (`a b c d e f Tm`). A `cm` that scales is refused: this reader cannot vouch
 * for sizes under it. (Tz, horizontal scaling, and Ts, rise, leave a character's height alone.)
 */
function smallestText(stream: string): number {
  let scale = 1;
  let smallest = Infinity;
  const ops = /((?:-?[\d.]+\s+){6})(cm|Tm)\b|(-?[\d.]+)\s+Tf\b|\bBT\b/g;
  for (let m = ops.exec(stream); m; m = ops.exec(stream)) {
    if (m[2] !== undefined) {
      const [a, b, c, d] = m[1].trim().split(/\s+/).map(Number);
      if (m[2] === 'Tm') scale = Math.hypot(c, d);
      else if (a !== 1 || b !== 0 || c !== 0 || d !== 1) throw new Error(`content stream scales with cm (${m[0]}): sizes cannot be read`);
    } else if (m[3] !== undefined) smallest = Math.min(smallest, Number(m[3]) * scale);
    else scale = 1; // BT: the text matrix starts as the identity
  }
  return smallest;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

let dir = '';
const pdfs = new Map<string, Buffer>();
const workbooks = new Map<string, ExcelJS.Workbook>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assess-print-'));
  await Promise.all(
    EXAMPLES.map(async (example) => {
      const result = await runCli(['score', join(repoRoot, example.file), '--rules', example.rules, '--out', join(dir, `${example.name}.xlsx`)]);
      if (result.status !== 0) throw new Error(`score ${example.file} exited ${result.status}: ${result.stderr}`);
    }),
  );
  // One LibreOffice call for all six (each start costs seconds).
  await soffice(join(dir, 'profile'), ['--convert-to', 'pdf', '--outdir', join(dir, 'pdf'), ...EXAMPLES.map((e) => join(dir, `${e.name}.xlsx`))]);
  for (const example of EXAMPLES) {
    pdfs.set(example.name, readFileSync(join(dir, 'pdf', `${example.name}.pdf`)));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, `${example.name}.xlsx`));
    workbooks.set(example.name, workbook);
  }
}, 600_000);

describe('printed scorecards (LibreOffice PDF)', () => {
  it('the PDF reader sees sizes: a 3.6-point page is below 8 points, a Tm scale counts', () => {
    expect(smallestText('BT\n407.6 22.703 Td /F1 3.597 Tf<0102>Tj\nET')).toBeCloseTo(3.597, 3);
    expect(smallestText('BT\n0 0 0 0.5 10 10 Tm /F1 11 Tf<01>Tj\nET')).toBeCloseTo(5.5, 3);
    expect(() => smallestText('q 0.3 0 0 0.3 0 0 cm BT /F1 11 Tf<01>Tj ET Q')).toThrow(/cm/);
  });

  it.each(EXAMPLES.map((e) => [e.name]))('%s: every page prints text of at least 8 points', (name) => {
    const streams = textStreams(pdfs.get(name) ?? Buffer.alloc(0));
    expect(streams.length).toBeGreaterThan(3); // 计分表, 明细, 问题, 说明: a page each at least
    const small = streams.map((stream, page) => ({ page: page + 1, points: smallestText(stream) })).filter((p) => p.points < MIN_POINTS);
    expect(small).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.name]))('%s: no cell is clipped (every text cell found whole in the PDF), the unit column on every page', async (name) => {
    const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'pdf', `${name}.pdf`), '-']).catch((error: Error) => {
      throw new Error(`pdftotext (poppler-utils) is needed for this test: ${error.message}`);
    });
    const pages = stdout.split('\f').filter((page) => page.trim() !== '');
    const printed = squeeze(stdout);
    const missing: string[] = [];
    workbooks.get(name)?.eachSheet((sheet) => {
      sheet.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          if (typeof cell.value === 'string' && !printed.includes(squeeze(cell.value))) missing.push(`${sheet.name}!${c}:${r} ${cell.value.slice(0, 40)}`);
        });
      });
    });
    expect(missing).toEqual([]);
    const withoutUnit = pages.map((page, i) => ({ page: i + 1, text: page })).filter((p) => !p.text.includes('单位') && !p.text.includes('规则集'));
    expect(withoutUnit.map((p) => p.page)).toEqual([]);
  });

  it.each(EXAMPLES.map((e) => [e.name]))('%s: 计分表 has no empty column', (name) => {
    const sheet = workbooks.get(name)?.getWorksheet('计分表');
    if (!sheet) throw new Error('no 计分表');
    const headers = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1);
    const empty = headers.filter((_, c) => {
      for (let r = 3; r <= sheet.rowCount; r++) if (sheet.getCell(r, c + 1).value !== null && sheet.getCell(r, c + 1).value !== undefined) return false;
      return true;
    });
    // 提示 may be empty when no unit has a warning; no other column may.
    expect(empty.filter((header) => header !== '提示')).toEqual([]);
  });

  it('a page is A4 landscape and the 明细 of a wide ruleset continues on further pages', () => {
    const pdf = pdfs.get('township2022-forms')?.toString('latin1') ?? '';
    expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]/);
    expect(readdirSync(join(dir, 'pdf')).length).toBe(EXAMPLES.length);
  });
});
