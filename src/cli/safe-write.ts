/**
 * Writing the CLI's output workbooks without ever destroying what was there: the target is checked
 * before any work (extension, not an input, its folder exists and takes files, not a folder, and an
 * existing file is replaced only when it is one ASSESS made, or with --force); the workbook is
 * written to a temporary file beside the target and renamed over it only once complete. A failure,
 * Ctrl+C (SIGINT), SIGTERM or SIGHUP removes the temporary file and leaves the old one as it was.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { constants, createWriteStream, rmSync, statSync } from 'node:fs';
import { access, chmod, lstat, open, opendir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import yauzl from 'yauzl';
import { printable } from './output';
import { UsageError } from './usage-error';

/** What ASSESS writes, each marked in the workbook's document properties. */
export type OutputKind = 'scorecard' | 'template';

/**
 * The marks: dc:creator "ASSESS" (Excel and LibreOffice keep the creator when they save a file)
 * and a keyword (cp:keywords, Excel's 标记 / Tags, LibreOffice's Keywords: both keep it).
 * A template also has cp:lastModifiedBy "ASSESS" until someone saves it in a spreadsheet program.
 */
export const CREATOR = 'ASSESS';
export const KEYWORD: Record<OutputKind, string> = { scorecard: 'assess:scorecard', template: 'assess:template' };

/** The sheets of a scorecard: how one written before the keyword existed is still recognised. */
const SCORECARD_SHEETS = ['计分表', '明细'];

/** What the document properties and sheet list of an .xlsx say (undefined: not an .xlsx at all). */
export interface WorkbookInfo {
  creator?: string;
  lastModifiedBy?: string;
  keywords: string[];
  sheets: string[];
}

/** Parts of an .xlsx larger than this are not read (a zip bomb, or not a workbook). */
const MAX_PART = 4 * 1024 * 1024;

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolvePromise, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false }, (error, zip) => (error ? reject(error) : resolvePromise(zip)));
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(error);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_PART) stream.destroy(new Error('part too large'));
        else chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    });
  });
}

/** Reads docProps/core.xml and xl/workbook.xml out of a zip (only those two entries are inflated). */
async function readParts(path: string, names: readonly string[]): Promise<Map<string, string>> {
  const zip = await openZip(path);
  const parts = new Map<string, string>();
  try {
    await new Promise<void>((resolvePromise, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolvePromise());
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!names.includes(entry.fileName) || entry.uncompressedSize > MAX_PART) return zip.readEntry();
        readEntry(zip, entry).then((text) => {
          parts.set(entry.fileName, text);
          if (parts.size === names.length) resolvePromise();
          else zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return parts;
}

function decodeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'amp') return '&';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A start tag: its name without a namespace prefix, its attributes (the first of each name), where it ends. */
interface StartTag {
  name: string;
  attributes: Map<string, string>;
  /** The index of its '>'. */
  end: number;
  selfClosing: boolean;
}

const SPACE = new Set([' ', '\t', '\n', '\r']);
/** Where a tag's or an attribute's name stops. */
const NAME_END = new Set([' ', '\t', '\n', '\r', '/', '>', '<', '=', '"', "'"]);

/**
 * The start tags of an XML text, in order, in one pass: every character is read a bounded number
 * of times, whatever the text (no backtracking regular expression: a crafted part of a few MiB
 * took minutes with one, issue 19). Comments, CDATA, declarations and end tags are passed over; a
 * '<' inside a tag starts a new tag (the text is not well-formed, but still read in linear time);
 * a tag or a quoted value that never ends ends the scan.
 */
export function* startTags(xml: string): Generator<StartTag> {
  const n = xml.length;
  let at = xml.indexOf('<');
  while (at >= 0) {
    if (xml.startsWith('<!--', at) || xml.startsWith('<![CDATA[', at)) {
      const close = xml.startsWith('<!--', at) ? xml.indexOf('-->', at + 4) : xml.indexOf(']]>', at + 9);
      if (close < 0) return;
      at = xml.indexOf('<', close + 3);
      continue;
    }
    const next = xml[at + 1];
    if (next === '?' || next === '!' || next === '/') {
      const close = xml.indexOf('>', at + 2);
      if (close < 0) return;
      at = xml.indexOf('<', close + 1);
      continue;
    }
    let i = at + 1;
    while (i < n && !NAME_END.has(xml[i])) i++;
    const qualified = xml.slice(at + 1, i);
    const name = qualified.slice(qualified.indexOf(':') + 1);
    const attributes = new Map<string, string>();
    let restart = -1;
    let selfClosing = false;
    for (;;) {
      while (i < n && SPACE.has(xml[i])) i++;
      if (i >= n) return;
      const ch = xml[i];
      if (ch === '>') break;
      if (ch === '<') {
        restart = i;
        break;
      }
      if (ch === '/') {
        selfClosing = true;
        i++;
        continue;
      }
      selfClosing = false;
      const from = i;
      while (i < n && !NAME_END.has(xml[i])) i++;
      if (i === from) {
        i++; // a stray '=' or quote: passed over, so the scan always moves on
        continue;
      }
      const attribute = xml.slice(from, i);
      while (i < n && SPACE.has(xml[i])) i++;
      if (xml[i] !== '=') continue;
      i++;
      while (i < n && SPACE.has(xml[i])) i++;
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") continue;
      const close = xml.indexOf(quote, i + 1);
      if (close < 0) return;
      if (!attributes.has(attribute)) attributes.set(attribute, xml.slice(i + 1, close));
      i = close + 1;
    }
    if (restart >= 0) {
      at = restart;
      continue;
    }
    yield { name, attributes, end: i, selfClosing };
    at = xml.indexOf('<', i + 1);
  }
}

/** The text of the first element of each name asked for (namespaced or not): <dc:creator>ASSESS</dc:creator>. */
function elementTexts(xml: string, names: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const tag of startTags(xml)) {
    if (!names.includes(tag.name) || texts.has(tag.name)) continue;
    const close = tag.selfClosing ? tag.end + 1 : xml.indexOf('<', tag.end + 1);
    texts.set(tag.name, decodeXml(xml.slice(tag.end + 1, close < 0 ? xml.length : close)).trim());
    if (texts.size === names.length) break;
  }
  return texts;
}

/** What an .xlsx says about itself; undefined when it is not a zip with a workbook in it. */
export async function workbookInfo(path: string): Promise<WorkbookInfo | undefined> {
  let parts: Map<string, string>;
  try {
    parts = await readParts(path, ['docProps/core.xml', 'xl/workbook.xml']);
  } catch {
    return undefined;
  }
  const book = parts.get('xl/workbook.xml');
  if (book === undefined) return undefined;
  const core = elementTexts(parts.get('docProps/core.xml') ?? '', ['creator', 'lastModifiedBy', 'keywords']);
  const sheets: string[] = [];
  for (const tag of startTags(book)) {
    const name = tag.name === 'sheet' ? tag.attributes.get('name') : undefined;
    if (name !== undefined) sheets.push(decodeXml(name));
  }
  return {
    creator: core.get('creator'),
    lastModifiedBy: core.get('lastModifiedBy'),
    keywords: (core.get('keywords') ?? '').split(/[\s,;，；、]+/).filter((word) => word !== ''),
    sheets,
  };
}

/** A scorecard: ASSESS made it and it is marked as one (or, from before the mark, has its sheets). */
export function isScorecard(info: WorkbookInfo | undefined): boolean {
  if (!info || info.creator !== CREATOR) return false;
  return info.keywords.includes(KEYWORD.scorecard) || SCORECARD_SHEETS.every((name) => info.sheets.includes(name));
}

/** A template as ASSESS wrote it: nobody has saved it since, so no data has been typed into it. */
export function isUntouchedTemplate(info: WorkbookInfo | undefined): boolean {
  return info?.creator === CREATOR && info.keywords.includes(KEYWORD.template) && info.lastModifiedBy === CREATOR;
}

export function cannotWrite(path: string, error: unknown): UsageError {
  const message = error instanceof Error ? error.message : String(error);
  return new UsageError(`无法写入 ${path}：${message}`, `cannot write ${path}: ${message}`);
}

/** The same path, or the same file under another name (a link, another case on a case-insensitive disk). */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** A file to write, checked: `path` as given (for messages), `file` the one replaced (a link's target). */
export interface OutputTarget {
  path: string;
  file: string;
  /** The permissions of the file replaced, kept on the new one. */
  mode?: number;
}

/** A unique name beside the target: same folder (so rename is atomic), hidden, never .xlsx. */
function tempName(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
}

/** The names tempName gives (for an .xlsx target): `.NAME.xlsx.<pid>-<12 hex digits>.tmp`. */
const TEMP_NAME = /^\.(.+\.xlsx)\.(\d{1,10})-[0-9a-f]{12}\.tmp$/i;
/** A temporary file whose writer is gone is stale once untouched this long (a writer on another machine sharing the folder keeps touching its file). */
export const STALE_DEAD_MS = 60_000;
/** Any temporary file of ours untouched this long is stale, even if a process with its pid runs (pids are reused). */
export const STALE_ANY_MS = 24 * 60 * 60_000;

function running(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false; // not one of ours now (those are pending and passed over): a dead process had our pid
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno(error) === 'EPERM'; // it runs, as another user
  }
}

/**
 * Removes the temporary files a killed ASSESS (SIGKILL, a power cut) left in `folder`, and only
 * those: a regular file (not a link or folder) named exactly as tempName names them, owned by
 * this user, and either untouched for STALE_DEAD_MS with no process of its pid running here, or
 * untouched for STALE_ANY_MS. Returns the names removed; a file that cannot be examined is left.
 */
export async function removeStaleTemps(folder: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  const uid = process.getuid?.();
  let dir;
  try {
    dir = await opendir(folder);
  } catch {
    return removed;
  }
  for await (const entry of dir) {
    const match = TEMP_NAME.exec(entry.name);
    if (!match || !entry.isFile()) continue;
    const path = join(folder, entry.name);
    if (pending.has(path)) continue;
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isFile() || (uid !== undefined && info.uid !== uid)) continue;
    const idle = now - info.mtimeMs;
    if (idle > STALE_ANY_MS || (idle > STALE_DEAD_MS && !running(Number(match[2])))) {
      try {
        await rm(path);
        removed.push(entry.name);
      } catch {
        // gone already, or not ours to remove after all
      }
    }
  }
  return removed;
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Checks that `path` can be written and may be replaced, before anything is scored or printed.
 * `inputs` are the files being read (never overwritten); `force` allows replacing a file that is
 * not ASSESS's own. An empty file may always be replaced.
 */
export async function checkOutput(path: string, kind: OutputKind, options: { inputs: readonly string[]; force: boolean }): Promise<OutputTarget> {
  if (extname(path).toLowerCase() !== '.xlsx') throw new UsageError(`--out 应为 .xlsx 文件：${path}`, `--out must be an .xlsx file: ${path}`);
  for (const input of options.inputs) {
    if (sameFile(path, input)) throw new UsageError(`--out 不能覆盖输入文件 ${input}：请另选文件名`, `--out would overwrite the input ${input}: choose another file name`);
  }
  let file = resolve(path);
  let mode: number | undefined;
  const link = await lstat(file).catch((error: unknown) => {
    if (errno(error) === 'ENOENT') return undefined;
    throw cannotWrite(path, error);
  });
  if (link?.isSymbolicLink()) {
    // Replace the file the link points to, and keep the link.
    file = await realpath(file).catch((error: unknown) => {
      throw cannotWrite(path, error);
    });
  }
  if (link) {
    const info = await stat(file).catch((error: unknown) => {
      throw cannotWrite(path, error);
    });
    if (info.isDirectory()) throw new UsageError(`无法写入 ${path}：这是一个文件夹`, `cannot write ${path}: it is a folder`);
    if (!info.isFile()) throw new UsageError(`无法写入 ${path}：不是普通文件`, `cannot write ${path}: not a regular file`);
    mode = info.mode & 0o7777;
    // Checked now, not found out after scoring when the temporary file cannot be reopened (issue 19):
    // a file marked read-only is never replaced, whoever runs ASSESS (root too), nor one we may not write.
    if ((info.mode & 0o222) === 0) {
      throw new UsageError(`无法写入 ${path}：该文件是只读的，未覆盖。请先取消只读，或另选文件名`, `cannot write ${path}: the file is read-only, not replaced. Make it writable first, or choose another name`);
    }
    await access(file, constants.W_OK).catch(() => {
      throw new UsageError(`无法写入 ${path}：没有写入该文件的权限，未覆盖。请另选文件名`, `cannot write ${path}: no permission to write the file, not replaced. Choose another name`);
    });
    if (!options.force && info.size > 0) {
      const book = await workbookInfo(file);
      if (kind === 'scorecard' && !isScorecard(book)) {
        throw new UsageError(
          `${path} 已存在，且不是 ASSESS 计分表：未覆盖。请另选文件名，或加 --force 覆盖`,
          `${path} exists and is not an ASSESS scorecard: not replaced. Choose another name, or add --force to replace it`,
        );
      }
      if (kind === 'template' && !isUntouchedTemplate(book)) {
        throw new UsageError(
          `${path} 已存在，且不是未改动过的 ASSESS 录入表（可能已录入数据）：未覆盖。请另选文件名，或加 --force 覆盖`,
          `${path} exists and is not an untouched ASSESS template (it may hold data): not replaced. Choose another name, or add --force to replace it`,
        );
      }
    }
  } else {
    const folder = await stat(dirname(file)).catch((error: unknown) => {
      if (errno(error) === 'ENOENT') throw new UsageError(`无法写入 ${path}：文件夹 ${dirname(path)} 不存在`, `cannot write ${path}: the folder ${dirname(path)} does not exist`);
      throw cannotWrite(path, error);
    });
    if (!folder.isDirectory()) throw new UsageError(`无法写入 ${path}：${dirname(path)} 不是文件夹`, `cannot write ${path}: ${dirname(path)} is not a folder`);
  }
  // The folder takes new files (permissions, a read-only disk): try one, and remove it at once.
  const probe = tempName(file);
  try {
    await (await open(probe, 'wx')).close();
  } catch (error) {
    throw cannotWrite(path, error);
  } finally {
    await rm(probe, { force: true });
  }
  return { path, file, mode };
}

/** Temporary files being written, removed whatever happens to the process. */
const pending = new Set<string>();
const SIGNALS = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
/** The targets being written (for the message on an interruption). */
const interrupted = new Set<string>();


function removePending(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  const targets = Array.from(interrupted);
  removePending();
  disarm();
  for (const path of targets) {
    const shown = printable(path);
    process.stderr.write(`\n已中断：未写入 ${shown}，原有文件未改动 / interrupted: ${shown} not written, any existing file is unchanged\n`);
  }
  process.exit(128 + (SIGNALS[signal as keyof typeof SIGNALS] ?? 0));
}

function arm(): void {
  if (pending.size > 0) return;
  for (const signal of Object.keys(SIGNALS)) process.on(signal, onSignal);
  process.on('exit', removePending);
}

function disarm(): void {
  for (const signal of Object.keys(SIGNALS)) process.off(signal, onSignal);
  process.off('exit', removePending);
}

/**
 * Writes `target` through `write` (which must end the stream, as exceljs's writers do): into a
 * temporary file beside it, flushed to disk, then renamed over the target. On failure the
 * temporary file goes and the target is untouched; the error becomes a usage error (exit 2).
 */
export async function writeOutput(target: OutputTarget, write: (stream: Writable) => Promise<void>): Promise<void> {
  for (const name of await removeStaleTemps(dirname(target.file))) {
    const shown = printable(name);
    process.stderr.write(`注意：已删除被中断的写入留下的临时文件 ${shown} / note: removed ${shown}, left by an interrupted write\n`);
  }
  const temp = tempName(target.file);
  // Removed on a signal from before it exists (a signal between its creation and 'open' leaves
  // nothing behind); 'wx' creates a new file, never opens one that happens to have the name.
  arm();
  pending.add(temp);
  interrupted.add(target.path);
  const stream = createWriteStream(temp, { flags: 'wx', mode: target.mode ?? 0o666 });
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  failed.catch(() => undefined);
  try {
    await Promise.race([once(stream, 'open'), failed]);
  } catch (error) {
    settle(temp, target.path); // not ours: left alone
    throw cannotWrite(target.path, error);
  }
  try {
    const writing = write(stream);
    writing.catch(() => undefined); // when the stream fails first, the writer's own failure comes later: not unhandled
    await Promise.race([writing, failed]);
    if (!stream.writableEnded) stream.end();
    if (!stream.closed) await Promise.race([once(stream, 'close'), failed]);
    // On disk before it takes the target's name (fsync is per file: a new descriptor will do).
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (target.mode !== undefined) await chmod(temp, target.mode); // the mode given to open went through the umask
    await rename(temp, target.file);
  } catch (error) {
    stream.destroy();
    await rm(temp, { force: true });
    throw cannotWrite(target.path, error);
  } finally {
    settle(temp, target.path);
  }
}

function settle(temp: string, path: string): void {
  pending.delete(temp);
  interrupted.delete(path);
  if (pending.size === 0) disarm();
}
