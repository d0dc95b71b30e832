/**
 * The CSV reader (src/cli/read-csv.ts): the encoding decided from every line, quote errors as
 * usage errors naming the file and line, and files too large for the heap refused before the
 * core sees them (the CLI in a child process with its heap capped).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { closeSync, mkdtempSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError, decodeText, readTableFile } from '../../src/cli/read-file';
import { readCsv } from '../../src/cli/read-csv';
import { root, runCliAsync, usageError } from './read-fixtures';

let dir = '';

function write(name: string, data: Buffer | string): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}

const gbk = (text: string) => iconv.encode(text, 'gbk');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'assess-read-csv-'));
  await promisify(execFile)('npm', ['run', 'build:cli', '--silent'], { cwd: root });
}, 120_000);

describe('encoding: decided for the whole file from every line', () => {
  it('UTF-8, UTF-8 with BOM and GBK files read as their names', async () => {
    const csv = '单位,9.1\n锦江区,5\n青羊区,2\n';
    for (const data of [Buffer.from(csv), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), gbk(csv)]) {
      const { table, merges } = await readTableFile(write('enc.csv', data));
      expect(table.map((row) => row[0])).toEqual(['单位', '锦江区', '青羊区']);
      expect(merges).toEqual([]);
    }
  });

  it('a UTF-8 file with one GBK row is refused naming both lines, not read as GBK mojibake', async () => {
    const file = write('mixed.csv', Buffer.concat([Buffer.from('单位,9.1\n锦江区,5\n'), gbk('青羊区,2\n'), Buffer.from('武侯区,1\n')]));
    const error = await usageError(readTableFile(file));
    expect(error.zh).toContain('mixed.csv 混用了两种编码：第 1 行是 UTF-8，第 3 行是 GBK');
    expect(error.en).toContain('line 1 is UTF-8 but line 3 is GBK');
  });

  it('a GBK file whose short name happens to be valid UTF-8 (农业 = C5A9 D2B5) is still GBK', async () => {
    const { table } = await readTableFile(write('gbk-chance.csv', gbk('单位,9.1\n农业,5\n锦江区,2\n')));
    expect(table.map((row) => row[0])).toEqual(['单位', '农业', '锦江区']);
  });

  it('a line valid in neither encoding is refused naming it; so is a GBK line after a UTF-8 BOM, and UTF-16', async () => {
    const neither = await usageError(readTableFile(write('neither.csv', Buffer.concat([gbk('单位,9.1\n锦江区,5\n'), Buffer.from([0xff, 0xfe, 0x2c, 0x31, 0x0a])]))));
    expect(neither.zh).toContain('neither.csv 第 3 行既不是有效的 UTF-8，也不是有效的 GBK');
    const bom = await usageError(readTableFile(write('bom-gbk.csv', Buffer.concat([Buffer.from('\ufeff单位,9.1\n'), gbk('锦江区,5\n')]))));
    expect(bom.zh).toContain('第 2 行不是 UTF-8');
    const utf16 = await usageError(readTableFile(write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('单位\t9.1\n', 'utf16le')]))));
    expect(utf16.zh).toContain('UTF-16');
  });

  it('JSON rulesets are decoded the same way', () => {
    expect(decodeText(gbk('{"title":"规则"}'), 'r.json')).toEqual({ text: '{"title":"规则"}', encoding: 'gbk' });
    expect(() => decodeText(Buffer.concat([Buffer.from('{"a":"成都",\n'), gbk('"b":"成都"}')]), 'r.json')).toThrow(UsageError);
  });
});

const ENDINGS = { LF: '\n', CRLF: '\r\n', CR: '\r' } as const;

describe('line ends: LF, CRLF and CR alike, in UTF-8 and GBK, wherever the reader\'s chunks cut', () => {
  const rows = ['单位,9.1,备注'];
  for (let i = 0; i < 30; i++) rows.push(`锦江区${i},${i % 7},"第${i}行，含逗号${i % 3 === 0 ? '\n和换行' : ''}㐀"`);
  const expected = rows.map((_, i) => (i === 0 ? ['单位', '9.1', '备注'] : [`锦江区${i - 1}`, String((i - 1) % 7), `第${i - 1}行，含逗号${(i - 1) % 3 === 0 ? '\n和换行' : ''}㐀`]));

  for (const [name, end] of Object.entries(ENDINGS)) {
    for (const encoding of ['utf-8', 'gbk'] as const) {
      it(`${name} in ${encoding}: every row, none merged or split, in chunks of 1 MiB and of 1 to 7 bytes (characters and CRLFs cut between chunks)`, async () => {
        const text = rows.join(end) + end;
        const bytes = encoding === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text);
        const file = write(`ends-${name}-${encoding}.csv`, bytes);
        expect((await readTableFile(file)).table).toEqual(expected);
        for (let size = 1; size <= 7; size++) expect(await readCsv(file, bytes, size), `chunks of ${size}`).toEqual(expected);
      });
    }
  }

  it('a quote error in a CR-only GBK file names its line (CR counts as a line end)', async () => {
    const error = await usageError(readTableFile(write('cr-quote.csv', gbk('单位,9.1\r锦江区,5\r"青羊"区,2\r'))));
    expect(error.zh).toContain('cr-quote.csv 第 3 行');
  });

  it('a line valid in neither encoding is named by its number in a CR-only file', async () => {
    const error = await usageError(readTableFile(write('cr-neither.csv', Buffer.concat([gbk('单位,9.1\r锦江区,5\r'), Buffer.from([0xff, 0xfe, 0x2c, 0x31, 0x0d])]))));
    expect(error.zh).toContain('cr-neither.csv 第 3 行既不是有效的 UTF-8，也不是有效的 GBK');
  });
});

describe('GB18030', () => {
  it('a valid GB18030 file (four-byte characters: 㐀 U+3400, 𠀀 U+20000, € ) reads as its text, not "damaged?"', async () => {
    const csv = '单位,9.1,备注\n锦江区,5,㐀𠀀€\n青羊区,2,\n';
    const { table } = await readTableFile(write('gb18030.csv', iconv.encode(csv, 'gb18030')));
    expect(table).toEqual([
      ['单位', '9.1', '备注'],
      ['锦江区', '5', '㐀𠀀€'],
      ['青羊区', '2', ''],
    ]);
  });
});

describe('CSV format errors', () => {
  it('a quote error is a usage error naming the file and line (exit 2), not an internal error', async () => {
    const file = write('quote.csv', '单位,9.1\n锦江区,5\n"青羊"区,2\n');
    const run = await runCliAsync(['score', file, '-r', 'chengdu2006']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`${file} 第 3 行`);
    expect(run.stderr).toContain(`${file}, line 3`);
    expect(run.stderr).not.toContain('内部错误');
  });

  it('a quote never closed names the line where it opened', async () => {
    const error = await usageError(readTableFile(write('open-quote.csv', '单位,9.1\n锦江区,5\n"青羊区,2\n武侯区,1\n')));
    expect(error.zh).toContain('open-quote.csv 第 3 行开始的引号直到文件末尾都没有闭合');
  });
});

describe('CSV too large: refused with a clear message, never a V8 abort (the CLI in a child process)', () => {
  it('a file over 512 MB is refused before it is read', async () => {
    const file = join(dir, 'huge.csv');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 600 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    const run = await runCliAsync(['score', file, '-r', 'chengdu2006'], { heapMb: 128 });
    expect(run.signal).toBeNull();
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('huge.csv 有 600 MB，超过 CSV 文件 512 MB 的上限');
    expect(run.peakMb).toBeLessThan(200);
  });

  for (const encoding of ['gbk', 'utf-8'] as const) {
    it(`a 64 MB ${encoding} CSV with CR-only line ends is read line by line: refused for its rows as they are read, peak RSS under 300 MB (heap capped at 128 MB; the file's bytes are held once, outside the heap)`, async () => {
      // Issue 19.8: such a file was decoded in one piece: 191 MB → 3.28 GB, 451 MB → V8 abort.
      const row = encoding === 'gbk' ? gbk('锦江区某某街道办事处,1,2,1,0\r') : Buffer.from('锦江区某某街道办事处,1,2,1,0\r');
      const head = encoding === 'gbk' ? gbk('单位,9.1,9.2,9.3,10.2\r') : Buffer.from('单位,9.1,9.2,9.3,10.2\r');
      const count = Math.ceil((64 << 20) / row.length);
      const body = Buffer.alloc(head.length + count * row.length);
      head.copy(body, 0);
      for (let i = 0, at = head.length; i < count; i++, at += row.length) row.copy(body, at);
      const file = write(`cr-${encoding}.csv`, body);
      body.fill(0);
      const run = await runCliAsync(['score', file, '-r', 'chengdu2006', '--format', 'json'], { heapMb: 128, discardStdout: true });
      expect(run.signal, run.stderr).toBeNull();
      expect(run.stderr).not.toMatch(/FATAL ERROR|heap out of memory|内部错误/);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`cr-${encoding}\\.csv 太大：读到第 \\d+ 行时已有`));
      // Bound: RSS ≈ 125 MB + 1 byte per byte of the file (its bytes, held once; measured 190 MB here, 320 MB at
      // 191 MB, 590 MB at 451 MB), so under 300 MB; decoding the file whole took 17 bytes per byte (191 MB → 3.28 GB).
      expect(run.peakMb).toBeLessThan(300);
      // Time: the encoding check reads every line (~0.1 s of CPU per MB of GBK); generous for a loaded machine.
      expect(run.ms).toBeLessThan(60_000);
    }, 120_000);
  }

  it('more rows than the heap can score are refused as they are read (heap capped at 128 MB)', async () => {
    const lines = ['单位,9.1,9.2,9.3,10.2'];
    for (let i = 0; i < 200_000; i++) lines.push(`单位${i},1,2,1,0`);
    const file = write('many.csv', lines.join('\n'));
    const run = await runCliAsync(['score', file, '-r', 'chengdu2006', '--format', 'json'], { heapMb: 128 });
    expect(run.signal, run.stderr).toBeNull();
    expect(run.stderr).not.toMatch(/FATAL ERROR|heap out of memory/);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/many\.csv 太大：读到第 \d+ 行时已有/);
    expect(run.stderr).toContain('--max-old-space-size');
  });
});
