/**
 * `assess draft FILE [--format json|table] [--out 规则.xlsx]` (issue 21): a ruleset drafted from a
 * regulation's text (.docx or .doc with its tables, .txt/.md in UTF-8 or GBK) for a clerk to confirm.
 * json prints {"draft": <ruleset in the one JSON format, records to confirm marked "confirm": true>,
 * "unread": [{clause, quote, why}]}; table prints the same as rows; --out writes the ruleset sheet
 * table the pane and --rules read (records to confirm filled yellow) plus a sheet of the unread
 * sentences. Exit 0 when nothing needs confirming, 3 when something does.
 */
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Command } from 'commander';
import { compileRuleset } from '../core/compile';
import { AssessError } from '../core/errors';
import { type DraftResult, type RegulationDocument, UNREAD_HEADER, blocksFromText, draftIdOf, draftRuleset, draftSpec, draftTable, needsConfirming, unreadRows } from '../core/draft';
import { fit, printable } from './output';
import { decodeText, readBytes } from './read-file';
import { UsageError } from './usage-error';

export const DRAFT_EXIT = { ok: 0, confirm: 3 } as const;

/** The regulation in a file: .docx or .doc (paragraphs and tables), .txt/.md (UTF-8 or GBK). */
export async function readRegulation(file: string): Promise<RegulationDocument> {
  const ext = extname(file).toLowerCase();
  if (ext === '.docx') {
    const { readDocx } = await import('./read-docx');
    return { name: basename(file), blocks: await readDocx(file) };
  }
  if (ext === '.doc') {
    const { readDoc } = await import('./read-doc');
    return { name: basename(file), blocks: await readDoc(file) };
  }
  if (ext !== '.txt' && ext !== '.md' && ext !== '.markdown' && ext !== '')
    throw new UsageError(`不支持的细则文件类型 ${ext}：请用 .docx、.doc、.txt 或 .md`, `unsupported regulation file type ${ext}: use .docx, .doc, .txt or .md`);
  const { text } = decodeText(readBytes(file), file);
  return { name: basename(file), blocks: blocksFromText(text) };
}

export function draftFile(document: RegulationDocument, file: string): DraftResult {
  return draftRuleset(document, draftIdOf(file));
}

/** Whether the draft compiles as a ruleset; the problems if not (a clerk fixes them while confirming). */
export function compileProblems(result: DraftResult): string[] {
  try {
    compileRuleset(draftSpec(result));
    return [];
  } catch (error) {
    if (error instanceof AssessError) return [error.zh];
    throw error;
  }
}

async function writeDraftWorkbook(path: string, result: DraftResult): Promise<void> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ASSESS';
  workbook.keywords = 'assess:draft';
  const { table, confirm } = draftTable(result);
  const rules = workbook.addWorksheet('规则');
  for (const row of table) rules.addRow(row.map((cell) => (cell === null ? null : cell)));
  rules.getRow(1).font = { bold: true };
  for (const { row } of confirm) {
    rules.getRow(row + 1).eachCell({ includeEmpty: true }, (cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    });
  }
  rules.columns.forEach((column) => {
    column.width = 14;
  });
  const unread = workbook.addWorksheet('未识别');
  unread.addRow([...UNREAD_HEADER]).font = { bold: true };
  for (const row of unreadRows(result)) unread.addRow(row);
  unread.columns = [{ width: 24 }, { width: 80 }, { width: 60 }];
  await workbook.xlsx.writeFile(path);
}

function tableLinesOf(result: DraftResult): string[] {
  const { table, confirm } = draftTable(result);
  const toConfirm = new Set(confirm.map(({ row }) => row));
  const lines = table.map((row, i) => `${toConfirm.has(i) ? '⚠ ' : '  '}${row.map((cell) => fit(printable(cell === null ? '' : String(cell)), 40)).join(' | ')}`);
  if (result.unread.length > 0) {
    lines.push('', `未识别的计分句（${result.unread.length}）/ sentences not drafted:`);
    for (const u of result.unread) lines.push(`  ${fit(printable(u.clause), 30)}：${fit(printable(u.quote), 80)} — ${printable(u.why)}`);
  }
  return lines;
}

/** Runs the command; returns the exit code (0, or 3 when something needs confirming). */
export async function runDraft(file: string, options: { format?: string; out?: string; force?: boolean }, write: (text: string) => void): Promise<number> {
  const format = options.format ?? 'json';
  if (format !== 'json' && format !== 'table') throw new UsageError(`未知的输出格式「${format}」：应为 json 或 table`, `unknown format "${format}": use json or table`);
  if (options.out !== undefined) {
    if (extname(options.out).toLowerCase() !== '.xlsx') throw new UsageError(`--out 应为 .xlsx 文件：${options.out}`, `--out must be an .xlsx file: ${options.out}`);
    if (existsSync(options.out) && options.force !== true)
      throw new UsageError(`${options.out} 已存在：草稿不覆盖已有文件（确要覆盖请加 --force）`, `${options.out} exists: a draft does not replace a file (add --force to replace it)`);
  }
  const document = await readRegulation(file);
  const result = draftFile(document, file);
  if (format === 'json') write(`${JSON.stringify({ draft: result.draft, unread: result.unread }, null, 1)}\n`);
  else write(`${tableLinesOf(result).join('\n')}\n`);
  for (const f of result.findings) process.stderr.write(printable(`识读 ${f.clause}：${f.zh}（原文「${f.quote}」）/ reading ${f.clause}: ${f.en}`) + '\n');
  const problems = compileProblems(result);
  for (const p of problems) process.stderr.write(printable(`草稿尚不能作为规则集使用：${p} / the draft does not compile yet`) + '\n');
  if (options.out !== undefined) {
    await writeDraftWorkbook(options.out, result);
    process.stderr.write(printable(`草稿已写入 ${options.out}（待确认的记录标为黄色）/ draft written to ${options.out} (records to confirm in yellow)`) + '\n');
  }
  const confirmCount = [result.draft.items, result.draft.groups, result.draft.totals, result.draft.grades, result.draft.levels, result.draft.thresholds].flat().filter((r: { confirm?: true }) => r.confirm === true).length;
  process.stderr.write(
    `起草 ${result.draft.items.length} 个条目；待确认 ${confirmCount} 条，未识别 ${result.unread.length} 句 / drafted ${result.draft.items.length} items; ${confirmCount} to confirm, ${result.unread.length} sentences not drafted\n`,
  );
  return needsConfirming(result) || problems.length > 0 ? DRAFT_EXIT.confirm : DRAFT_EXIT.ok;
}

/** Registers `draft` on the program (called from main.ts). */
export function registerDraftCommand(program: Command): void {
  program
    .command('draft')
    .description('从细则原文起草规则集，供核对确认；有待确认内容时退出码为 3 / draft a ruleset from a regulation text; exit 3 when something needs confirming')
    .argument('<file>', '细则文件 .docx、.doc、.txt 或 .md（UTF-8 或 GBK）')
    .option('-f, --format <format>', '输出格式 json | table', 'json')
    .option('-o, --out <规则.xlsx>', '另存规则表（待确认的记录标黄）和“未识别”工作表')
    .option('--force', '--out 的文件已存在时也覆盖 / replace an existing --out file')
    .action(async (file: string, options: { format: string; out?: string; force?: boolean }) => {
      const code = await runDraft(file, options, (text) => {
        process.stdout.write(text);
      });
      if (code !== 0) process.exitCode = code;
    });
}
