/**
 * Issue 21: `assess draft` through the built CLI (bin/assess.js, run asynchronously) on each of
 * the five regulations as .md and on a .docx made here (paragraphs and a 分值 table, zipped with
 * jszip into test-output/): the JSON has the draft and unread, the exit code is 3 (each draft has
 * records to confirm), and --out writes a ruleset table that --rules reads back.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = join(root, '..', 'shared', 'regulations');
const out = join(root, 'test-output', 'draft-cli');

async function assess(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'bin', 'assess.js'), ...args], { maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Item counts of the hand-encoded rulesets (src/rulesets/*.json), which the drafts must reach. */
const ITEMS: Record<string, number> = { 'chengdu2006.md': 23, 'county2013.md': 32, 'govinfo.md': 27, 'tacheng2020.md': 0, 'township2022-table.md': 50 };

describe('assess draft', () => {
  for (const [file, items] of Object.entries(ITEMS)) {
    it(`${file}: json with draft and unread, exit 3`, async () => {
      const result = await assess('draft', join(shared, file), '--format', 'json');
      expect(result.code, result.stderr).toBe(3);
      const json = JSON.parse(result.stdout) as { draft: { items: Array<{ clause: string; quote: string }> }; unread: unknown[] };
      expect(json.draft.items).toHaveLength(items);
      for (const item of json.draft.items) expect(item.clause.length * item.quote.length).toBeGreaterThan(0);
      expect(Array.isArray(json.unread)).toBe(true);
    }, 60_000);
  }

  it('a .docx with paragraphs and a table: both read; --out writes a ruleset table that --rules reads', async () => {
    mkdirSync(out, { recursive: true });
    const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
    const cell = (text: string) => `<w:tc>${p(text)}</w:tc>`;
    const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
    const body = [
      p('第十條減分原則。'),
      p('(五)受到當地和上級黨委、政府通報批評的,每次扣5分。'),
      `<w:tbl>${row('编码', '条目', '分值', '评分方法')}${row('4.5', '按时办结', '5', '每超期一件扣1分。')}</w:tbl>`,
    ].join('');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>');
    zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
    const docx = join(out, '细则.docx');
    writeFileSync(docx, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const xlsx = join(out, '规则.xlsx');
    rmSync(xlsx, { force: true });
    const result = await assess('draft', docx, '--out', xlsx);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { draft: { items: Array<Record<string, unknown>> }; unread: unknown[] };
    // By hand: 第十條(五) a count of 5 points deducted; row 4.5 a deduct item of 5, 1 per finding.
    expect(json.draft.items.map((i) => [i.code, i.kind, i.role, i.points, i.step, i.clause])).toEqual([
      ['10.5', 'count', 'deduction', 5, undefined, '第十條(五)'],
      ['4.5', 'deduct', undefined, 5, 1, '评分表 4.5'],
    ]);
    expect(json.unread).toEqual([]);
    // The written table is a ruleset --rules reads: score one unit with it.
    writeFileSync(join(out, 'data.csv'), '单位,10.5,4.5\n甲,1,2\n');
    const scored = await assess('score', join(out, 'data.csv'), '--rules', xlsx, '--format', 'json');
    expect(scored.code, scored.stderr).toBe(0);
    // By hand: 4.5 = 5 − 2 × 1 = 3; 10.5 deducts 5 → 3 − 5 = −2.
    expect((JSON.parse(scored.stdout) as { units: Array<{ score: number }> }).units[0].score).toBe(-2);
    // A second run does not replace the file without --force.
    const again = await assess('draft', docx, '--out', xlsx);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
    expect(readFileSync(xlsx).length).toBeGreaterThan(0);
  }, 60_000);

  // Since .doc files are read (test/cli/draft-doc.test.ts), only one that is not a Word document is refused.
  it('a .doc that is not a Word document (one byte) is refused with a clear bilingual message', async () => {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'old.doc'), 'x');
    const result = await assess('draft', join(out, 'old.doc'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('另存为');
    expect(result.stderr).toContain('save it as .docx');
  });
});
