/**
 * `assess map FILE --rules ID [--sheet NAME] [--format text|json] [--out mapping.json]` (issue
 * 18.4): how the reader maps each read sheet's columns — column, header, role, target item (code
 * and label), how it was matched (code, clause, label, alias, near with its similarity, place,
 * a header word) — and a mapping file that `check` / `score --mapping FILE` apply. A clerk edits a
 * column's decision in the file and the next run reads the sheet that way; a file made for other
 * headers is refused (exit 2) naming the column that differs, never silently applied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import type { CompiledRuleset } from '../core/compile';
import { AssessError } from '../core/errors';
import type { EnteredMode } from '../core/headers';
import { type ColumnDecision, type ColumnRole, type MappingFile, MappingError, type MatchHow, applyMapping, parseMapping, proposeWorkbookMapping } from '../core/mapping';
import { type SheetInput, readSheets } from '../core/sheets';
import { fit, printable } from './output';
import { type TableFile, loadRuleset, readTableFile } from './read-file';
import { UsageError } from './usage-error';

const ROLE_NAMES: Record<ColumnRole, [string, string]> = {
  unit: ['单位', 'unit'],
  tier: ['圈层', 'tier'],
  criticized: ['通报批评', 'criticized'],
  item: ['条目', 'item'],
  volume: ['业务量', 'volume'],
  target: ['类别/条款', 'category/clause'],
  claim: ['自报结果', 'claim'],
  subtotal: ['小计（不计入）', 'subtotal (not counted)'],
  full: ['分值', 'full points'],
  entered: ['录入值', 'entered'],
  description: ['说明（不计入）', 'description'],
  ignored: ['不计入', 'ignored'],
  unmatched: ['未识别（不计入）', 'unmatched (not counted)'],
};

const CLAIM_NAMES: Record<string, [string, string]> = {
  score: ['总分', 'score'],
  rank: ['名次', 'rank'],
  level: ['等级', 'level'],
  bonus: ['加分小计', 'bonus subtotal'],
  deduction: ['扣分小计', 'deduction subtotal'],
  result: ['结果加分/奖励', 'result points/reward'],
};

const MODE_NAMES: Record<string, [string, string]> = { count: ['次数', 'counts'], points: ['分数', 'points'], deducted: ['扣分', 'deducted'] };

function howText(d: ColumnDecision): string {
  const names: Record<MatchHow, [string, string]> = {
    code: ['按编码', 'by code'],
    clause: ['按条款', 'by clause'],
    label: ['按名称', 'by label'],
    alias: ['按简称', 'by short name'],
    near: ['近似', 'near'],
    place: ['按位置', 'by place'],
    word: ['按表头用词', 'by header word'],
    none: ['无', 'none'],
  };
  const [zh, en] = names[d.how];
  const percent = d.how === 'near' && d.similarity !== undefined ? ` ${Math.round(d.similarity * 100)}%` : '';
  return `${zh}${percent} ${en}${percent}`;
}

/** One line per column: letter, header, role, target and how it was matched, Chinese first. */
export function decisionLine(d: ColumnDecision): string {
  const header = d.header.filter((text) => text !== '').join(' / ') || '（空）';
  const [roleZh, roleEn] = ROLE_NAMES[d.role];
  const parts = [`${d.column}`, `「${fit(printable(header), 60)}」`, `${roleZh} ${roleEn}`];
  if (d.target !== undefined) parts.push(`${d.target}${d.label && d.label !== d.target ? ` ${fit(printable(d.label), 40)}` : ''}`);
  if (d.claim !== undefined) parts.push(CLAIM_NAMES[d.claim].join(' '));
  if (d.mode !== undefined && d.role !== 'volume') parts.push(`（${MODE_NAMES[d.mode][0]} ${MODE_NAMES[d.mode][1]}）`);
  parts.push(howText(d));
  return parts.join('  ');
}

const LAYOUT_NAMES: Record<string, [string, string]> = {
  rows: ['每单位一行', 'one row per unit'],
  forms: ['评分表：条目为行（按编码、条款或名称对应条目），列按表头用词读取，不能在映射中修改', 'a form: items as rows (matched by code, clause or label); its columns are read by their header words and cannot be changed in a mapping'],
  columns: ['条目为行、单位为列', 'items as rows, units as columns'],
  ledger: ['台账，无需映射', 'a ledger: nothing to map'],
  pairs: ['条目与值两列，无需映射', 'item/value pairs: nothing to map'],
};

/** The text output of `assess map`. */
export function mappingLines(mapping: MappingFile, unread: readonly string[]): string[] {
  const lines: string[] = [];
  for (const shape of mapping.shapes) {
    const names = shape.sheets.map((name) => `「${fit(printable(name), 40)}」`).join('');
    const rows = shape.headerRows.length > 1 ? `${shape.headerRows[0]}–${shape.headerRows[shape.headerRows.length - 1]}` : String(shape.headerRows[0]);
    const [layoutZh, layoutEn] = LAYOUT_NAMES[shape.layout] ?? [shape.layout, shape.layout];
    lines.push(`工作表${names}：表头第${rows}行，${layoutZh} / sheet${shape.sheets.length > 1 ? 's' : ''} ${shape.sheets.map((name) => `"${fit(printable(name), 40)}"`).join(', ')}: header row${shape.headerRows.length > 1 ? 's' : ''} ${rows}, ${layoutEn}`);
    for (const d of shape.columns) {
      lines.push(`  ${decisionLine(d)}`);
      if (d.note) lines.push(`      ${printable(d.note.zh)}`);
    }
  }
  for (const name of unread) lines.push(`工作表「${fit(printable(name), 40)}」未读取，无映射 / sheet "${fit(printable(name), 40)}" is not read: no mapping`);
  return lines;
}

/** The sheets a command reads: a whole .xlsx, or the sheet asked for, or a CSV. */
async function sheetsOf(file: string, sheet?: string): Promise<TableFile[]> {
  if (sheet === undefined && extname(file).toLowerCase() === '.xlsx') return (await import('./read-xlsx')).readXlsxSheets(file);
  return [await readTableFile(file, sheet)];
}

function asInputs(sheets: readonly TableFile[]): SheetInput[] {
  return sheets.map((s, i) => ({ name: s.sheet ?? (sheets.length > 1 ? String(i + 1) : ''), table: s.table, merges: s.merges }));
}

/** The proposed mapping of a file's read sheets, and the names of the sheets not read. */
export async function mapFile(file: string, ruleset: CompiledRuleset, options: { sheet?: string; entered?: EnteredMode }): Promise<{ mapping: MappingFile; unread: string[] }> {
  const inputs = asInputs(await sheetsOf(file, options.sheet));
  const filled = inputs.filter((s) => s.table.some((row) => row.some((cell) => cell !== null && cell !== undefined && cell !== '')));
  const { read } = readSheets(ruleset, filled, { collect: true, entered: options.entered });
  const readSet = new Set(read);
  const mapped = filled.filter((s) => readSet.has(s.name));
  return { mapping: proposeWorkbookMapping(ruleset, mapped, options.entered), unread: filled.filter((s) => !readSet.has(s.name)).map((s) => s.name) };
}

/** Reads and checks a mapping file (--mapping): a UsageError (exit 2) when it cannot be used. */
export function loadMapping(path: string, ruleset: CompiledRuleset): MappingFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`无法读取映射文件 ${path}${code === 'ENOENT' ? '：文件不存在' : ''}`, `cannot read the mapping file ${path}${code === 'ENOENT' ? ': no such file' : ''}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`映射文件 ${path} 不是有效的 JSON：${(error as Error).message}`, `the mapping file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return parseMapping(ruleset, data);
  } catch (error) {
    if (error instanceof MappingError) throw new UsageError(`${error.zh}（${path}）`, `${error.en} (${path})`);
    throw error;
  }
}

/** The sheets as the mapping file says to read them (check/score --mapping); exit 2 when it was made for other headers. */
export function mappedSheets<T extends TableFile>(path: string, ruleset: CompiledRuleset, sheets: readonly T[]): T[] {
  const mapping = loadMapping(path, ruleset);
  const inputs = asInputs(sheets);
  let applied: SheetInput[];
  try {
    applied = applyMapping(ruleset, mapping, inputs);
  } catch (error) {
    if (error instanceof MappingError) throw new UsageError(`${error.zh}（${path}）`, `${error.en} (${path})`);
    throw error;
  }
  return sheets.map((sheet, i) => ({ ...sheet, table: applied[i].table }));
}

export function registerMapCommand(program: Command): void {
  program
    .command('map')
    .description('显示各列如何对应条目，并可写出映射文件供 check/score --mapping 使用 / show how each column maps to the ruleset; write a mapping file for --mapping')
    .argument('<file>', '数据文件 .xlsx 或 .csv')
    .requiredOption('-r, --rules <rules>', '规则集：内置编号、rules.json，或规则表 .xlsx/.csv')
    .option('-s, --sheet <name>', '.xlsx 中的工作表名（默认读取同一样式的所有工作表）')
    .option('-f, --format <format>', '输出格式 text | json', 'text')
    .option('--entered <mode>', '数值是数量还是分数：counts | points | auto', 'auto')
    .option('-o, --out <mapping.json>', '写出映射文件（JSON），编辑后用 --mapping 应用 / write the mapping file; edit it and apply with --mapping')
    .action(async (file: string, options: { rules: string; sheet?: string; format: string; entered: string; out?: string }) => {
      if (!['text', 'json'].includes(options.format)) throw new UsageError(`未知的输出格式「${options.format}」：应为 text 或 json`, `unknown format "${options.format}": use text or json`);
      const entered = (['counts', 'points', 'auto'] as const).find((mode) => mode === options.entered);
      if (!entered) throw new UsageError(`未知的 --entered「${options.entered}」：应为 counts、points 或 auto`, `unknown --entered "${options.entered}": use counts, points or auto`);
      if (options.out !== undefined) {
        if (extname(options.out).toLowerCase() !== '.json') throw new UsageError(`映射文件应为 .json：${options.out}`, `the mapping file must be .json: ${options.out}`);
        if (existsSync(options.out)) {
          let ours = false;
          try {
            ours = (JSON.parse(readFileSync(options.out, 'utf8')) as { assessMapping?: unknown }).assessMapping === 1;
          } catch {
            ours = false;
          }
          if (!ours) throw new UsageError(`${options.out} 已存在且不是映射文件：不覆盖`, `${options.out} exists and is not a mapping file: not replaced`);
        }
      }
      const ruleset = await loadRuleset(options.rules);
      let result: { mapping: MappingFile; unread: string[] };
      try {
        result = await mapFile(file, ruleset, { sheet: options.sheet, entered });
      } catch (error) {
        if (error instanceof AssessError) throw error;
        throw error;
      }
      const json = `${JSON.stringify(result.mapping, null, 1)}\n`;
      if (options.format === 'json') process.stdout.write(json);
      else process.stdout.write(`${mappingLines(result.mapping, result.unread).join('\n')}\n`);
      if (options.out !== undefined) {
        await writeFile(options.out, json, 'utf8');
        process.stderr.write(printable(`映射已写入 ${options.out}：编辑某列的 role、target、mode 或 claim 后，用 check/score --mapping ${options.out} 应用 / mapping written to ${options.out}: edit a column's role, target, mode or claim, then apply it with check/score --mapping`) + '\n');
      }
    });
}
