/**
 * Fixtures for the reader tests, built at test time: a small zip writer (so a test can declare
 * any size, CRC or compression it likes, zip64 included), an .xlsx package from sheet XML, and the
 * CLI in a child process with a bounded heap and its peak memory measured.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { expect } from 'vitest';
import { UsageError } from '../../src/cli/read-file';

export const root = new URL('../../', import.meta.url).pathname;

export interface ZipEntry {
  name: string;
  data: Buffer | string;
  /** Stored without compression. */
  store?: boolean;
  /** The compressed bytes as written (a crafted deflate stream); `data` then only gives the CRC unless `crc` is set. */
  compressed?: Buffer;
  /** The uncompressed size the zip declares (a lie, for bombs). */
  declaredSize?: number;
  crc?: number;
}

const U32 = 0xffffffff;

/** A zip archive of the entries (zip64 sizes where a size does not fit in 32 bits). */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const body = entry.compressed ?? (entry.store ? data : deflateRawSync(data));
    const method = entry.store && !entry.compressed ? 0 : 8;
    const size = entry.declaredSize ?? data.length;
    const crc = entry.crc ?? crc32(data);
    const name = Buffer.from(entry.name, 'utf8');
    const big = size >= U32 || body.length >= U32;
    const zip64 = Buffer.alloc(big ? 20 : 0);
    if (big) {
      zip64.writeUInt16LE(0x0001, 0);
      zip64.writeUInt16LE(16, 2);
      zip64.writeBigUInt64LE(BigInt(size), 4);
      zip64.writeBigUInt64LE(BigInt(body.length), 12);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(big ? U32 : body.length, 18);
    local.writeUInt32LE(big ? U32 : size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(zip64.length, 28);
    locals.push(local, name, zip64, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(big ? 45 : 20, 4);
    central.writeUInt16LE(big ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(big ? U32 : body.length, 20);
    central.writeUInt32LE(big ? U32 : size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(zip64.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, zip64);
    offset += local.length + name.length + zip64.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A worksheet part: the rows (XML of <row> elements) and what follows sheetData (mergeCells, hyperlinks). */
export function sheetXml(rows: string, after = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetData>${rows}</sheetData>${after}</worksheet>`;
}

/** A row of inline-string and number cells from A: strings become shared-string-free inline text. */
export function rowXml(r: number, cells: Array<string | number | null>): string {
  const xml = cells
    .map((value, i) => {
      if (value === null) return '';
      const ref = `${String.fromCharCode(65 + i)}${r}`;
      return typeof value === 'number' ? `<c r="${ref}"><v>${value}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
    })
    .join('');
  return `<row r="${r}">${xml}</row>`;
}

export interface SheetSpec {
  name: string;
  state?: 'hidden' | 'veryHidden';
  /** The worksheet part's XML (sheetXml). */
  xml: string | Buffer;
  /** The sheet's own relationships part (hyperlink targets). */
  rels?: string;
  /** Replace the sheet's zip entry (a bomb, a damaged stream). */
  entry?: Partial<ZipEntry>;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  /** <si> items, as XML. */
  sharedStrings?: string[];
  /** The styles part, whole. */
  styles?: string;
  date1904?: boolean;
}

/** The parts of an .xlsx package. */
export function workbookEntries(spec: WorkbookSpec): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const overrides = spec.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  entries.push({
    name: '[Content_Types].xml',
    data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}${spec.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}${spec.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`,
  });
  entries.push({
    name: '_rels/.rels',
    data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  });
  const sheets = spec.sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  entries.push({
    name: 'xl/workbook.xml',
    data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${spec.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets}</sheets></workbook>`,
  });
  const n = spec.sheets.length;
  const rels = spec.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
  if (spec.sharedStrings) rels.push(`<Relationship Id="rId${n + 1}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (spec.styles) rels.push(`<Relationship Id="rId${n + 2}" Type="${REL_NS}/styles" Target="styles.xml"/>`);
  entries.push({ name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels.join('')}</Relationships>` });
  if (spec.sharedStrings) {
    const count = spec.sharedStrings.length;
    entries.push({ name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN_NS}" count="${count}" uniqueCount="${count}">${spec.sharedStrings.join('')}</sst>` });
  }
  if (spec.styles) entries.push({ name: 'xl/styles.xml', data: spec.styles });
  spec.sheets.forEach((s, i) => {
    entries.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml, ...s.entry });
    if (s.rels) entries.push({ name: `xl/worksheets/_rels/sheet${i + 1}.xml.rels`, data: s.rels });
  });
  return entries;
}

export function workbook(spec: WorkbookSpec): Buffer {
  return zip(workbookEntries(spec));
}

/** A styles part: cell style i has number format ids[i]; custom formats as [id, code]. */
export function stylesXml(ids: number[], custom: Array<[number, string]> = []): string {
  const numFmts = custom.length ? `<numFmts count="${custom.length}">${custom.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('')}</numFmts>` : '';
  const xfs = ids.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"${id ? ' applyNumberFormat="1"' : ''}/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN_NS}">${numFmts}<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${ids.length}">${xfs}</cellXfs></styleSheet>`;
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the CLI process, MB. */
  peakMb: number;
  ms: number;
}

interface RunOptions {
  heapMb?: number | null;
  timeoutMs?: number;
  discardStdout?: boolean;
}

/** A script that runs bin/assess.js and reports its peak RSS on exit, and the node arguments to run it. */
function cliWrapper(heapMb: number | null): { wrapper: string; nodeArgs: string[] } {
  const bin = join(root, 'bin/assess.js');
  const wrapper = join(mkdtempSync(join(tmpdir(), 'assess-run-')), 'run.mjs');
  writeFileSync(
    wrapper,
    [
      "import { readFileSync } from 'node:fs';",
      // VmHWM is this process's own peak; maxRSS can include the parent's RSS at fork on Linux.
      "const peak = () => { try { return Number(/VmHWM:\\s+(\\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } };",
      "process.on('exit', () => { process.stderr.write('\\n@@peak-rss-kb ' + peak() + '\\n'); });",
      `process.argv[1] = ${JSON.stringify(bin)};`,
      `await import(${JSON.stringify(bin)});`,
      '',
    ].join('\n'),
  );
  return { wrapper, nodeArgs: [...(heapMb === null ? [] : [`--max-old-space-size=${heapMb}`]), wrapper] };
}

function cliRun(wrapper: string, code: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string, started: number): CliRun {
  const ms = Date.now() - started;
  rmSync(dirname(wrapper), { recursive: true, force: true });
  const match = /\n@@peak-rss-kb (\d+)\n/.exec(stderr);
  return { code, signal, stdout, stderr: stderr.replace(/\n@@peak-rss-kb \d+\n/, ''), peakMb: match ? Number(match[1]) / 1024 : NaN, ms };
}

/**
 * `node bin/assess.js …args` in a child process (async spawn, so vitest's worker is never
 * blocked) with the old space capped at `heapMb` (null: Node's default): a reader that allocated
 * without bound would die there (and be reported), never in vitest. The child reports its peak
 * RSS (VmHWM, or process.resourceUsage off Linux) on exit; `ms` is wall time from spawn to exit,
 * Node's own start included.
 */
export async function runCliAsync(args: string[], { heapMb = 256, timeoutMs = 60_000, discardStdout = false }: RunOptions = {}): Promise<CliRun> {
  const { wrapper, nodeArgs } = cliWrapper(heapMb);
  const started = Date.now();
  const child = spawn(process.execPath, [...nodeArgs, ...args], { stdio: ['ignore', discardStdout ? 'ignore' : 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let outBytes = 0;
  child.stdout?.on('data', (chunk: Buffer) => {
    outBytes += chunk.length;
    if (outBytes <= 64 * 1024 * 1024) out.push(chunk);
  });
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve([c, s]));
  }).finally(() => clearTimeout(timer));
  return cliRun(wrapper, code, signal, Buffer.concat(out).toString('utf8'), Buffer.concat(err).toString('utf8'), started);
}

/** The same, synchronously: for bench scripts only (bench/hostile.ts); tests use runCliAsync. */
export function runCli(args: string[], { heapMb = 256, timeoutMs = 60_000, discardStdout = false }: RunOptions = {}): CliRun {
  const { wrapper, nodeArgs } = cliWrapper(heapMb);
  const started = Date.now();
  const result = spawnSync(process.execPath, [...nodeArgs, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', discardStdout ? 'ignore' : 'pipe', 'pipe'],
  });
  return cliRun(wrapper, result.status, result.signal, result.stdout ?? '', result.stderr ?? '', started);
}

/** The UsageError a read rejects with (fails the test when it resolves or rejects with something else). */
export async function usageError(promise: Promise<unknown>): Promise<UsageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return error as UsageError;
}

