/** Reading input files for the CLI: CSV in UTF-8 (with or without BOM) or GBK, JSON rulesets. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { Cell } from '../core/cells';
import { type CompiledRuleset, compileRuleset } from '../core/compile';
import { AssessError } from '../core/errors';
import { compileRulesetTable } from '../core/table-format';
import { BUILT_IN_RULESETS, builtInRuleset } from '../rulesets';

/** Decodes text: a UTF-8 BOM or valid UTF-8 is UTF-8; anything else is read as GBK (Chinese Excel's "CSV"). */
export function decodeText(bytes: Buffer): { text: string; encoding: 'utf-8' | 'gbk' } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'gbk'), encoding: 'gbk' };
  }
}

export function parseCsv(text: string): Cell[][] {
  const rows = parse(text, { relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  return rows.map((row) => row.map((cell) => cell));
}

export function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `无法读取文件 ${path}${code === 'ENOENT' ? '：文件不存在' : ''}`,
      `cannot read ${path}${code === 'ENOENT' ? ': no such file' : ''}`,
    );
  }
}

/** Reads a table file (.csv, or a sheet of an .xlsx) into the 2-D array the core reads. */
export async function readTableFile(path: string, sheet?: string): Promise<{ table: Cell[][]; sheet?: string }> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    readBytes(path); // a clear message for a missing file
    const { readXlsx } = await import('./xlsx');
    return readXlsx(path, sheet);
  }
  if (ext !== '.csv' && ext !== '.txt') {
    throw new UsageError(`不支持的文件类型 ${ext || '(无扩展名)'}：请用 .xlsx 或 .csv`, `unsupported file type ${ext || '(none)'}: use .xlsx or .csv`);
  }
  if (sheet) throw new UsageError('--sheet 只用于 .xlsx 文件', '--sheet applies to .xlsx files only');
  return { table: parseCsv(decodeText(readBytes(path)).text) };
}

/** --rules: a built-in id, a JSON ruleset file, or a ruleset table (.csv, or .xlsx: first sheet or 规则). */
export async function loadRuleset(rules: string): Promise<CompiledRuleset> {
  if (rules.trim().toLowerCase() in BUILT_IN_RULESETS) return builtInRuleset(rules);
  const ext = extname(rules).toLowerCase();
  if (ext === '.json') {
    const text = decodeText(readBytes(rules)).text;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new AssessError({ kind: 'ruleset', zh: `${rules} 不是有效的 JSON：${(error as Error).message}`, en: `${rules} is not valid JSON: ${(error as Error).message}` });
    }
    return compileRuleset(data);
  }
  if (ext === '.csv' || ext === '.xlsx') return compileRulesetTable((await readTableFile(rules)).table);
  return builtInRuleset(rules); // unknown id: throws the list of built-in ids
}

/** A mistake in how the CLI was called (exit code 2). */
export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}（${en}）`);
  }
}
