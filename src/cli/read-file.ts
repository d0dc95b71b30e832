/** Reading input files for the CLI: CSV in UTF-8 (with or without BOM) or GBK, .xlsx sheets, JSON rulesets. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Cell } from '../core/cells';
import { type CompiledRuleset, compileRuleset } from '../core/compile';
import { AssessError } from '../core/errors';
import type { MergedRange } from '../core/input';
import { compileRulesetTable } from '../core/table-format';
import { BUILT_IN_IDS, BUILT_IN_RULESETS, builtInRuleset } from '../rulesets';
import { csvSizeCheck, decodeText, readCsv } from './read-csv';
import { UsageError } from './usage-error';

export { decodeText } from './read-csv';
export { UsageError } from './usage-error';

export function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `无法读取文件 ${path}${code === 'ENOENT' ? '：文件不存在' : code === 'EISDIR' ? '：这是一个文件夹' : ''}`,
      `cannot read ${path}${code === 'ENOENT' ? ': no such file' : code === 'EISDIR' ? ': it is a folder' : ''}`,
    );
  }
}

/** A table read from a file: the cells, the sheet read (.xlsx) and its merged ranges (none in a CSV). */
export interface TableFile {
  table: Cell[][];
  sheet?: string;
  merges: MergedRange[];
}

/** Reads a table file (.csv, or a sheet of an .xlsx: the first visible one unless named) into the 2-D array the core reads. */
export async function readTableFile(path: string, sheet?: string): Promise<TableFile> {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') {
    const { readXlsx } = await import('./read-xlsx');
    return readXlsx(path, sheet);
  }
  if (ext !== '.csv' && ext !== '.txt') {
    throw new UsageError(`不支持的文件类型 ${ext || '(无扩展名)'}：请用 .xlsx 或 .csv`, `unsupported file type ${ext || '(none)'}: use .xlsx or .csv`);
  }
  if (sheet) throw new UsageError('--sheet 只用于 .xlsx 文件', '--sheet applies to .xlsx files only');
  csvSizeCheck(path);
  return { table: await readCsv(path, readBytes(path)), merges: [] };
}

/** --rules: a built-in id, a JSON ruleset file, or a ruleset table (.csv, or .xlsx: first sheet or 规则). */
export async function loadRuleset(rules: string): Promise<CompiledRuleset> {
  // An own property only: `constructor` or `__proto__` are not ruleset ids.
  if (Object.hasOwn(BUILT_IN_RULESETS, rules.trim().toLowerCase())) return builtInRuleset(rules);
  const ext = extname(rules).toLowerCase();
  if (ext === '.json') {
    const text = decodeText(readBytes(rules), rules).text;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new AssessError({ kind: 'ruleset', zh: `${rules} 不是有效的 JSON：${(error as Error).message}`, en: `${rules} is not valid JSON: ${(error as Error).message}` });
    }
    return compileRuleset(data);
  }
  if (ext === '.csv' || ext === '.xlsx') return compileRulesetTable((await readTableFile(rules)).table);
  // Not builtInRuleset(rules): its lookup would find Object.prototype's `constructor` too.
  throw new AssessError({
    kind: 'unknown-ruleset',
    value: rules,
    zh: `没有名为「${rules}」的内置规则集；可用：${BUILT_IN_IDS.join('、')}`,
    en: `no built-in ruleset "${rules}"; available: ${BUILT_IN_IDS.join(', ')}`,
  });
}
