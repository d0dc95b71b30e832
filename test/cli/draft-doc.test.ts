/**
 * Issue 21 point 1: `assess draft` reads an old Word .doc (word-extractor), paragraphs and tables.
 * The .doc is made here by LibreOffice Writer from an HTML page (soffice --convert-to "doc:MS Word
 * 97", async) into test-output/: the same two rules as the .docx test of draft.test.ts — a
 * paragraph 第十條(五) and a 分值 table row 4.5 — so the expected draft is the same, by hand:
 * 第十條(五) 每次扣5分 → a count deducting 5 each; row 4.5 分值 5, 每超期一件扣1分 → a deduct item of 5,
 * 1 per finding.
 */
import { closeSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli, soffice } from '../support/run';

const out = join(repoRoot, 'test-output', 'draft-doc');

const PAGE = `<html><head><meta charset="utf-8"></head><body>
<p>第十條減分原則。</p>
<p>(五)受到當地和上級黨委、政府通報批評的,每次扣5分。</p>
<table><tr><td>编码</td><td>条目</td><td>分值</td><td>评分方法</td></tr><tr><td>4.5</td><td>按时办结</td><td>5</td><td>每超期一件扣1分。</td></tr></table>
</body></html>`;

describe('assess draft on a .doc', () => {
  it('reads the paragraphs and the 分值 table of a .doc made by LibreOffice: the same draft as the .docx', async () => {
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, '细则.html'), PAGE);
    await soffice(join(out, 'lo-profile'), ['--convert-to', 'doc:MS Word 97', '--outdir', out, join(out, '细则.html')]);
    const result = await runCli(['draft', join(out, '细则.doc'), '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as { draft: { items: Array<Record<string, unknown>> }; unread: unknown[] };
    expect(json.draft.items.map((i) => [i.code, i.kind, i.role, i.points, i.step, i.clause])).toEqual([
      ['10.5', 'count', 'deduction', 5, undefined, '第十條(五)'],
      ['4.5', 'deduct', undefined, 5, 1, '评分表 4.5'],
    ]);
    expect(json.draft.items[0].quote).toBe('受到當地和上級黨委、政府通報批評的,每次扣5分');
    expect(json.unread).toEqual([]);
  }, 120_000);

  it('a .doc that is not a Word document is refused, naming the file, in Chinese and English (exit 2)', async () => {
    mkdirSync(out, { recursive: true });
    const file = join(out, '网页另存.doc');
    writeFileSync(file, '<html><body>第一条 每次扣1分</body></html>');
    const result = await runCli(['draft', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('网页另存.doc 不是可读取的 Word 文档');
    expect(result.stderr).toContain('is not a Word document');
    expect(result.stderr).toContain('另存为 .docx');
  }, 60_000);

  it('a .doc over 64 MiB (built here: an OLE header, then a sparse 64 MiB + 1 byte) is refused before it is read, naming the file and the limit', async () => {
    mkdirSync(out, { recursive: true });
    const file = join(out, '过大.doc');
    const fd = openSync(file, 'w');
    writeSync(fd, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    writeSync(fd, Buffer.from([0]), 0, 1, 64 * 1024 * 1024);
    closeSync(fd);
    const result = await runCli(['draft', file]);
    rmSync(file, { force: true });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('过大.doc 过大');
    expect(result.stderr).toContain('64 MiB');
  }, 60_000);
});
