/**
 * CSV for the CLI: the encoding decided for the whole file from every line (UTF-8, or GBK as
 * Chinese Excel saves "CSV", read as GB18030, its superset; a file mixing them is refused naming
 * the lines), then parsed in fixed-size chunks straight into the table, so neither the whole text
 * nor a second copy of it is held, whatever the line ends (LF, CRLF or a Mac's lone CR) or their
 * absence.
 */
import { isUtf8 } from 'node:buffer';
import { statSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Cell } from '../core/cells';
import { MAX_CSV_BYTES, MAX_CSV_RECORD_CHARS } from './read-limits';
import { TableBuilder } from './read-table';
import { UsageError } from './usage-error';

export type Encoding = 'utf-8' | 'gbk';

const LF = 0x0a;
const CR = 0x0d;
/** Text is decoded and parsed this many bytes at a time (a multi-byte character cut at a chunk's end is completed by the next). */
const CHUNK_BYTES = 1 << 20;
/** GBK as decoded: GB18030 is its superset (the same one- and two-byte characters, plus four-byte ones such as 㐀 and 𠀀). */
const GB = 'gb18030';

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** A GBK double-byte pair in GB2312's rows (common hanzi, punctuation, full-width forms): what Chinese text is made of. */
function isGb2312Pair(lead: number, trail: number): boolean {
  return lead >= 0xa1 && lead <= 0xf7 && !(lead >= 0xaa && lead <= 0xaf) && trail >= 0xa1 && trail <= 0xfe;
}

/** Non-ASCII characters of GBK bytes outside GB2312 (rare hanzi, user-defined areas). */
function rareAsGbk(bytes: Uint8Array): number {
  let rare = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    if (!isGb2312Pair(bytes[i], bytes[i + 1])) rare++;
    i++;
  }
  return rare;
}

/** Non-ASCII characters of a text that GBK would not encode within GB2312. */
function rareAsText(text: string): number {
  let nonAscii = 0;
  for (const ch of text) if (ch.charCodeAt(0) >= 0x80) nonAscii++;
  const bytes = iconv.encode(text, 'gbk');
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    if (isGb2312Pair(bytes[i], bytes[i + 1])) common++;
    i++;
  }
  return nonAscii - common;
}

/** Whether bytes are valid GB18030 (GBK included), decoded a slice at a time so a long line never becomes one long string. */
function validGbk(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (buffer.length <= CHUNK_BYTES) return !iconv.decode(buffer, GB).includes('\ufffd');
  const decoder = iconv.getDecoder(GB);
  for (let at = 0; at < buffer.length; at += CHUNK_BYTES) {
    if (decoder.write(buffer.subarray(at, at + CHUNK_BYTES)).includes('\ufffd')) return false;
  }
  return !(decoder.end() ?? '').includes('\ufffd');
}

/** At most `max` bytes of a line, cut before a UTF-8 continuation byte (for evidence, which needs no more). */
function head(line: Uint8Array, max: number): Uint8Array {
  if (line.length <= max) return line;
  let end = max;
  while (end > 0 && (line[end] & 0xc0) === 0x80) end--;
  return line.subarray(0, end);
}

/**
 * Where each line ends (after LF, CRLF or a lone CR), for files with any of those line ends:
 * the next CR and LF are each searched once, not once per line, so an LF-only file is not
 * searched for CRs again and again.
 */
class LineEnds {
  private nextLf = -2;
  private nextCr = -2;

  constructor(private readonly bytes: Buffer) {}

  /** The end (exclusive) of the line starting at `start`. */
  after(start: number): number {
    const bytes = this.bytes;
    if (this.nextLf !== -1 && this.nextLf < start) this.nextLf = bytes.indexOf(LF, start);
    if (this.nextCr !== -1 && this.nextCr < start) this.nextCr = bytes.indexOf(CR, start);
    const lf = this.nextLf;
    const cr = this.nextCr;
    if (lf < 0 && cr < 0) return bytes.length;
    if (cr < 0 || (lf >= 0 && lf < cr)) return lf + 1;
    return bytes[cr + 1] === LF ? cr + 2 : cr + 1;
  }
}

/**
 * Which encoding a line's bytes are evidence for. A line valid in only one is that one; a line
 * valid in both (a short GBK name can be valid UTF-8 by chance, and most UTF-8 Chinese is valid
 * GBK) counts for the reading whose characters are the common ones (GB2312), or for neither.
 */
function lineEvidence(line: Uint8Array, allGbk: boolean): Encoding | 'none' | 'invalid' {
  if (!hasHighBytes(line)) return 'none';
  const utf8 = isUtf8(line);
  // A line end is never part of a GBK character, so lines of a file valid as a whole are each valid.
  const gbk = allGbk || validGbk(line);
  if (utf8 && !gbk) return 'utf-8';
  if (gbk && !utf8) return 'gbk';
  if (!gbk && !utf8) return 'invalid';
  // Evidence from the first MiB of a long line: enough to tell, and never one giant string.
  const sample = head(line, CHUNK_BYTES);
  const asUtf8 = rareAsText(Buffer.from(sample.buffer, sample.byteOffset, sample.length).toString('utf8'));
  const asGbk = rareAsGbk(sample);
  return asUtf8 < asGbk ? 'utf-8' : asGbk < asUtf8 ? 'gbk' : 'none';
}

/**
 * The encoding of a text file: a UTF-8 BOM, or the whole file valid UTF-8, is UTF-8; otherwise
 * it is GBK if every line is valid GBK and no line is evidence of UTF-8. A line valid in neither,
 * or lines of both (one GBK row pasted into a UTF-8 file), is refused naming the lines: decoding
 * either way would turn part of the names into mojibake.
 */
export function detectEncoding(bytes: Buffer, file: string): { encoding: Encoding; start: number } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UsageError(
      `${file} 是 UTF-16 编码（Excel 的「Unicode 文本」）：请在 Excel 中另存为「CSV UTF-8（逗号分隔）」`,
      `${file} is UTF-16 (Excel's "Unicode Text"): save it from Excel as "CSV UTF-8 (Comma delimited)"`,
    );
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (isUtf8(bytes.subarray(bom))) return { encoding: 'utf-8', start: bom };
  let firstUtf8 = 0;
  let firstGbk = 0;
  let line = 1;
  const ends = new LineEnds(bytes);
  // Checked once for the whole file (in slices): only a file that is not needs a decoder per line, to name the line.
  const allGbk = validGbk(bytes.subarray(bom));
  for (let start = bom; start < bytes.length; line++) {
    const end = ends.after(start);
    const evidence = lineEvidence(bytes.subarray(start, end), allGbk);
    start = end;
    if (evidence === 'invalid') {
      throw new UsageError(
        `${file} 第 ${line} 行既不是有效的 UTF-8，也不是有效的 GBK 编码（文件损坏，或不是文本文件？）：请在 Excel 中另存为「CSV UTF-8（逗号分隔）」`,
        `line ${line} of ${file} is neither valid UTF-8 nor valid GBK (a damaged file, or not text?): save it from Excel as "CSV UTF-8 (Comma delimited)"`,
      );
    }
    if (evidence === 'utf-8' && firstUtf8 === 0) firstUtf8 = line;
    if (evidence === 'gbk' && firstGbk === 0) firstGbk = line;
  }
  if (bom > 0) {
    throw new UsageError(
      `${file} 以 UTF-8 标记（BOM）开头，但第 ${firstGbk} 行不是 UTF-8（像是 GBK，从别的文件粘贴的？）：请统一另存为「CSV UTF-8（逗号分隔）」`,
      `${file} starts with a UTF-8 mark (BOM) but line ${firstGbk} is not UTF-8 (it reads as GBK: pasted from another file?): save it all as "CSV UTF-8 (Comma delimited)"`,
    );
  }
  if (firstUtf8 > 0) {
    throw new UsageError(
      `${file} 混用了两种编码：第 ${firstUtf8} 行是 UTF-8，第 ${firstGbk} 行是 GBK（从别的文件粘贴的行？）：按任何一种读取都会有乱码，请统一另存为「CSV UTF-8（逗号分隔）」`,
      `${file} mixes two encodings: line ${firstUtf8} is UTF-8 but line ${firstGbk} is GBK (rows pasted from another file?): either reading garbles some names; save it all as "CSV UTF-8 (Comma delimited)"`,
    );
  }
  return { encoding: 'gbk', start: 0 };
}

/** A whole text file decoded (JSON rulesets): the encoding as detectEncoding decides it. */
export function decodeText(bytes: Buffer, file = '(input)'): { text: string; encoding: Encoding } {
  const { encoding, start } = detectEncoding(bytes, file);
  const body = bytes.subarray(start);
  return { text: encoding === 'utf-8' ? body.toString('utf8') : iconv.decode(body, GB), encoding };
}

/**
 * The file in chunks of `size` bytes, wherever they fall: UTF-8 as bytes (csv-parse joins a
 * character or a CRLF cut between two chunks), GBK through a streaming decoder, which completes
 * a character cut at a chunk's end with the next chunk. So no chunk is larger than `size`
 * whatever the line ends, or if there are none.
 */
function* chunks(bytes: Buffer, encoding: Encoding, start: number, size: number): Generator<Buffer | string> {
  const decoder = encoding === 'gbk' ? iconv.getDecoder(GB) : null;
  for (; start < bytes.length; start += size) {
    const chunk = bytes.subarray(start, Math.min(bytes.length, start + size));
    if (!decoder) yield chunk;
    else {
      const text = decoder.write(chunk);
      if (text) yield text;
    }
  }
  const rest = decoder?.end();
  if (rest) yield rest;
}

const CSV_PROBLEMS: Partial<Record<string, { zh: string; en: string }>> = {
  CSV_INVALID_CLOSING_QUOTE: { zh: '引号闭合后紧跟了其他字符（字段中的引号应写成两个 ""）', en: 'a closing quote is followed by other characters (a quote inside a field is written "")' },
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: { zh: '引号闭合后紧跟了其他字符', en: 'a closing quote is followed by other characters' },
  INVALID_OPENING_QUOTE: { zh: '字段中间出现了引号', en: 'a quote in the middle of a field' },
  CSV_MAX_RECORD_SIZE: { zh: `一行超过 ${MAX_CSV_RECORD_CHARS.toLocaleString('en-US')} 个字符（多半是引号没有闭合）`, en: `a record longer than ${MAX_CSV_RECORD_CHARS.toLocaleString('en-US')} characters (most likely a quote left open)` },
};

function csvProblem(error: CsvError, file: string, lastRecordLine: number): UsageError {
  const line = typeof error.lines === 'number' ? error.lines : lastRecordLine + 1;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const from = lastRecordLine + 1;
    return new UsageError(
      `${file} 第 ${from} 行开始的引号直到文件末尾都没有闭合：请检查该行的引号（字段中的引号应写成两个 ""）`,
      `${file}: a quote opened on line ${from} is never closed: check that line's quotes (a quote inside a field is written "")`,
    );
  }
  const problem = CSV_PROBLEMS[error.code] ?? { zh: 'CSV 格式错误', en: 'malformed CSV' };
  return new UsageError(`${file} 第 ${line} 行：${problem.zh}（${error.message}）`, `${file}, line ${line}: ${problem.en} (${error.message})`);
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** A CSV file as the table the core reads (`chunkBytes`: what is decoded and parsed at a time; tests cut it small). */
export async function readCsv(file: string, bytes: Buffer, chunkBytes = CHUNK_BYTES): Promise<Cell[][]> {
  if (bytes.length > MAX_CSV_BYTES) throw csvTooLarge(file, bytes.length);
  const { encoding, start } = detectEncoding(bytes, file);
  let lastRecordLine = 0;
  let line = 0;
  const table = new TableBuilder(file, () => ({ zh: `第 ${line} 行`, en: `line ${line}` }), false);
  const sink = new Writable({
    objectMode: true,
    write(chunk: CsvRecord, _encoding, done) {
      try {
        line = chunk.info.lines;
        table.push(chunk.record);
        lastRecordLine = line;
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  const parser = parse({ relax_column_count: true, skip_empty_lines: false, info: true, max_record_size: MAX_CSV_RECORD_CHARS });
  try {
    await pipeline(Readable.from(chunks(bytes, encoding, start, chunkBytes), { objectMode: false }), parser, sink);
  } catch (error) {
    if (error instanceof CsvError) throw csvProblem(error, file, lastRecordLine);
    throw error;
  }
  return table.finish();
}

function csvTooLarge(file: string, size: number): UsageError {
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  return new UsageError(
    `${file} 有 ${mb(size)}，超过 CSV 文件 ${mb(MAX_CSV_BYTES)} 的上限：请拆分文件`,
    `${file} is ${mb(size)}, over the ${mb(MAX_CSV_BYTES)} limit for a CSV file: split the file`,
  );
}

/** The size of a file, to refuse one over the limit before reading it. */
export function csvSizeCheck(file: string): void {
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    return; // readBytes reports a missing file
  }
  if (size > MAX_CSV_BYTES) throw csvTooLarge(file, size);
}
