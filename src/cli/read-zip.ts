/**
 * The zip of an .xlsx, read through its central directory (yauzl): only the parts asked for are
 * inflated, each checked against a size limit and its compression ratio before inflating, its
 * declared size while inflating (yauzl stops a part that inflates to more than it declared) and
 * its CRC-32 at the end, so a zip bomb is refused after a few bytes and a damaged part is never
 * read as data.
 */
import { statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { MAX_COMPRESSION_RATIO, MAX_ZIP_ENTRIES, RATIO_CHECKED_ABOVE } from './read-limits';
import { UsageError } from './usage-error';

const MB = 1024 * 1024;

function mb(bytes: number): string {
  return bytes >= 10 * MB ? `${Math.round(bytes / MB).toLocaleString('en-US')} MB` : `${(bytes / MB).toFixed(1)} MB`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ZipArchive {
  private constructor(
    readonly file: string,
    private readonly zip: yauzl.ZipFile,
    /** Entries by part name, lower case (part names in a package are case-insensitive). */
    private readonly entries: Map<string, yauzl.Entry>,
  ) {}

  static async open(file: string): Promise<ZipArchive> {
    try {
      if (statSync(file).isDirectory()) throw new UsageError(`无法读取文件 ${file}：这是一个文件夹`, `cannot read ${file}: it is a folder`);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(`无法读取文件 ${file}${code === 'ENOENT' ? '：文件不存在' : ''}`, `cannot read ${file}${code === 'ENOENT' ? ': no such file' : ''}`);
    }
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.openPromise(file, { autoClose: false, validateEntrySizes: true, strictFileNames: false });
    } catch (error) {
      throw notXlsx(file, `不是 zip 压缩包（${reason(error)}）`, `not a zip archive (${reason(error)})`);
    }
    const archive = new ZipArchive(file, zip, new Map());
    try {
      if (zip.entryCount > MAX_ZIP_ENTRIES) {
        throw new UsageError(
          `${file} 有 ${zip.entryCount.toLocaleString('en-US')} 个压缩部件，超过 ${MAX_ZIP_ENTRIES.toLocaleString('en-US')} 的上限：不像是 Excel 工作簿`,
          `${file} has ${zip.entryCount.toLocaleString('en-US')} zip entries, over the limit of ${MAX_ZIP_ENTRIES.toLocaleString('en-US')}: not a likely Excel workbook`,
        );
      }
      for await (const entry of zip.eachEntry()) {
        if (entry.fileName.endsWith('/')) continue;
        const name = entry.fileName.replace(/^\/+/, '').toLowerCase();
        if (archive.entries.has(name)) {
          throw notXlsx(file, `压缩包中有两个同名部件 ${entry.fileName}`, `the zip holds two parts named ${entry.fileName}`);
        }
        archive.entries.set(name, entry);
      }
    } catch (error) {
      archive.close();
      if (error instanceof UsageError) throw error;
      throw notXlsx(file, `zip 目录已损坏（${reason(error)}）`, `its zip directory is damaged (${reason(error)})`);
    }
    return archive;
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  /** Part names, as stored (for messages). */
  names(): string[] {
    return Array.from(this.entries.values(), (entry) => entry.fileName);
  }

  /**
   * A part's bytes, inflated as they are read. Refused before inflating when it declares more than
   * `limit` bytes or more than MAX_COMPRESSION_RATIO × its compressed size; while inflating,
   * yauzl stops it at its declared size; at the end its CRC-32 must match.
   */
  async *bytes(part: string, limit: number, what: { zh: string; en: string }): AsyncGenerator<Buffer> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) throw notXlsx(this.file, `缺少部件 ${part}`, `the part ${part} is missing`);
    const size = entry.uncompressedSize;
    if (size > limit) {
      throw new UsageError(
        `${this.file} 的${what.zh}（${entry.fileName}）解压后有 ${mb(size)}，超过 ${mb(limit)} 的上限：文件过大，或是“压缩炸弹”`,
        `the ${what.en} of ${this.file} (${entry.fileName}) inflates to ${mb(size)}, over the limit of ${mb(limit)}: too large, or a zip bomb`,
      );
    }
    if (size > RATIO_CHECKED_ABOVE && size > MAX_COMPRESSION_RATIO * Math.max(1, entry.compressedSize)) {
      const ratio = Math.round(size / Math.max(1, entry.compressedSize));
      throw new UsageError(
        `${this.file} 的${what.zh}（${entry.fileName}）从 ${mb(entry.compressedSize)} 解压到 ${mb(size)}（${ratio} 倍，上限 ${MAX_COMPRESSION_RATIO} 倍）：像是“压缩炸弹”，不予读取`,
        `the ${what.en} of ${this.file} (${entry.fileName}) inflates from ${mb(entry.compressedSize)} to ${mb(size)} (${ratio}×, limit ${MAX_COMPRESSION_RATIO}×): a likely zip bomb, not read`,
      );
    }
    if (entry.isEncrypted()) throw notXlsx(this.file, `部件 ${entry.fileName} 已加密（有密码的工作簿请先在 Excel 中取消密码）`, `the part ${entry.fileName} is encrypted (remove the workbook's password in Excel first)`);
    let stream: Readable;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (error) {
      throw damaged(this.file, entry.fileName, reason(error));
    }
    let crc = 0;
    let read = 0;
    try {
      for await (const chunk of stream) {
        const buffer = chunk as Buffer;
        crc = crc32(buffer, crc);
        read += buffer.length;
        yield buffer;
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw damaged(this.file, entry.fileName, reason(error));
    } finally {
      stream.destroy();
    }
    if (read !== size || crc >>> 0 !== entry.crc32 >>> 0) throw damaged(this.file, entry.fileName, read !== size ? `${read} bytes, ${size} declared` : 'CRC-32 mismatch');
  }

  close(): void {
    this.zip.close();
  }
}

export function notXlsx(file: string, zh: string, en: string): UsageError {
  return new UsageError(`${file} 不是有效的 .xlsx 工作簿：${zh}`, `${file} is not a valid .xlsx workbook: ${en}`);
}

function damaged(file: string, part: string, detail: string): UsageError {
  return new UsageError(`${file} 已损坏：部件 ${part} 无法解压或校验不符（${detail}）`, `${file} is damaged: the part ${part} does not inflate or fails its check (${detail})`);
}
