/**
 * `assess` — score assessment workbooks in batch from the command line.
 * Exit codes: 0 done; 1 the input or ruleset is invalid; 2 the command was used wrongly or a
 * file cannot be read or written; 3 `check` found problems.
 */
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { lstat, rm } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { scoreBatch } from '../core/batch';
import type { CompiledRuleset } from '../core/compile';
import { AssessError } from '../core/errors';
import { readUnits } from '../core/input';
import type { BatchResult } from '../core/result';
import { BUILT_IN_IDS, builtInRuleset } from '../rulesets';
import { findingLine, summarize, toCsv, toTable } from './output';
import { progress } from './progress';
import { UsageError, loadRuleset, readTableFile } from './read-file';

export const EXIT = { ok: 0, invalid: 1, usage: 2, findings: 3 } as const;

/** Files with more units than this show progress. */
const LONG_FILE = 2000;

interface ScoreOptions {
  rules: string;
  sheet?: string;
}

async function scoreFile(file: string, options: ScoreOptions): Promise<{ ruleset: CompiledRuleset; batch: BatchResult; sheet?: string }> {
  const ruleset = await loadRuleset(options.rules);
  const { table, sheet } = await readTableFile(file, options.sheet);
  const report = progress(table.length > LONG_FILE);
  report.step('读取单元格', 0, table.length);
  const records = readUnits(ruleset, table);
  report.step(`评分 ${records.length} 个单位`, records.length, records.length);
  const batch = scoreBatch(ruleset, records);
  report.end();
  return { ruleset, batch, sheet };
}

function write(text: string): void {
  process.stdout.write(text);
}

/** --out: an .xlsx that is not one of the files being read (the data or the ruleset). Checked before any work. */
function checkOut(path: string, inputs: readonly string[]): void {
  if (extname(path).toLowerCase() !== '.xlsx') throw new UsageError(`--out 应为 .xlsx 文件：${path}`, `--out must be an .xlsx file: ${path}`);
  for (const input of inputs) {
    if (sameFile(path, input)) throw new UsageError(`--out 不能覆盖输入文件 ${input}：请另选文件名`, `--out would overwrite the input ${input}: choose another file name`);
  }
}

/** The same path, or the same file under another name (a link, another case on a case-insensitive disk). */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

function cannotWrite(path: string, error: unknown): UsageError {
  const message = (error as Error).message ?? String(error);
  return new UsageError(`无法写入 ${path}：${message}`, `cannot write ${path}: ${message}`);
}

async function writeWorkbook(path: string, build: () => Promise<{ xlsx: { writeFile(path: string): Promise<void> } }>): Promise<void> {
  const workbook = await build();
  try {
    await workbook.xlsx.writeFile(path);
  } catch (error) {
    throw cannotWrite(path, error);
  }
}

/**
 * Streams a workbook to `path`: the file is opened first (an unwritable path fails before any
 * writing), and a failure part-way removes the partial file.
 */
async function streamWorkbook(path: string, write: (stream: Writable) => Promise<void>): Promise<void> {
  const stream = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => stream.on('error', reject));
  try {
    await Promise.race([once(stream, 'open'), failed]);
  } catch (error) {
    throw cannotWrite(path, error);
  }
  try {
    await Promise.race([write(stream), failed]);
  } catch (error) {
    stream.destroy();
    // The partial file goes; a link (to a device, say) stays.
    if ((await lstat(path).catch(() => null))?.isFile()) await rm(path, { force: true });
    throw cannotWrite(path, error);
  }
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('assess')
    .description('ASSESS 政务服务考核评分 — score government service assessments exactly as the regulations say')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  const rulesHelp = `规则集：内置编号 (${BUILT_IN_IDS.join(', ')})、rules.json，或规则表 .xlsx/.csv`;

  program
    .command('score')
    .description('为文件中的每个单位评分 / score every unit in a file')
    .argument('<file>', '数据文件 .xlsx 或 .csv（表头行 + 每单位一行，或台账 单位,条目,数量,事项）')
    .requiredOption('-r, --rules <rules>', rulesHelp)
    .option('-s, --sheet <name>', '.xlsx 中的工作表名（默认第一个）')
    .option('-o, --out <scorecard.xlsx>', '另存计分表：得分、名次、等级，明细（每单位一行，含条款和计算说明）和问题')
    .option('-f, --format <format>', '输出格式 table | json | csv', 'table')
    .action(async (file: string, options: ScoreOptions & { format: string; out?: string }) => {
      if (!['table', 'json', 'csv'].includes(options.format))
        throw new UsageError(`未知的输出格式「${options.format}」：应为 table、json 或 csv`, `unknown format "${options.format}": use table, json or csv`);
      if (options.out) checkOut(options.out, [file, options.rules]);
      const { ruleset, batch, sheet } = await scoreFile(file, options);
      const summary = summarize(batch, ruleset.levels.length > 0);
      if (options.format === 'json') write(JSON.stringify(summary, null, 2) + '\n');
      else if (options.format === 'csv') write(toCsv(summary.units));
      else write(toTable(summary.units));
      if (options.out) {
        const out = options.out;
        const { writeScorecard } = await import('./xlsx');
        const report = progress(batch.units.length > LONG_FILE);
        report.step(`写入 ${out}`);
        try {
          await streamWorkbook(out, (stream) => writeScorecard(stream, ruleset, batch, { file, sheet }));
        } finally {
          report.end();
        }
        process.stderr.write(`计分表已写入 ${out} / scorecard written to ${out}\n`);
      }
    });

  program
    .command('check')
    .description('检查上限、范围、阈值和未评分条目，列出单元格和条款；有问题时退出码为 3 / check a file; exit 3 on problems')
    .argument('<file>', '数据文件 .xlsx 或 .csv')
    .requiredOption('-r, --rules <rules>', rulesHelp)
    .option('-s, --sheet <name>', '.xlsx 中的工作表名（默认第一个）')
    .action(async (file: string, options: ScoreOptions) => {
      const { batch } = await scoreFile(file, options);
      const { a1 } = await import('./xlsx');
      let problems = 0;
      const lines: string[] = [];
      for (const unit of batch.units) {
        for (const label of unit.thresholds) {
          problems++;
          lines.push(`阈值  ${unit.unit}  ${label}`);
        }
        for (const finding of unit.findings) {
          if (finding.severity === 'warning') problems++;
          lines.push(findingLine(unit.unit, { ...finding, where: a1(finding.where) || finding.where }));
        }
      }
      write(lines.length > 0 ? lines.join('\n') + '\n' : '通过：没有发现问题 / OK: no findings\n');
      if (problems > 0) process.exitCode = EXIT.findings;
    });

  program
    .command('template')
    .description('生成录入表：表头、数据有效性和 ASSESS 公式 / write an input sheet with headers, validation and ASSESS formulas')
    .requiredOption('-r, --rules <rules>', rulesHelp)
    .requiredOption('-o, --out <file.xlsx>', '输出文件')
    .option('--rows <n>', '空行数（已知单位时按单位数）', '20')
    .action(async (options: { rules: string; out: string; rows: string }) => {
      const rows = Number(options.rows);
      if (!Number.isInteger(rows) || rows < 1 || rows > 10000) throw new UsageError('--rows 应为 1–10000 的整数', '--rows must be a whole number 1–10000');
      checkOut(options.out, [options.rules]);
      const ruleset = await loadRuleset(options.rules);
      await writeWorkbook(options.out, async () => (await import('./xlsx')).templateWorkbook(ruleset, rows));
      process.stderr.write(`录入表已写入 ${options.out} / template written to ${options.out}\n`);
    });

  program
    .command('rules')
    .description('列出内置规则集，或显示一个规则集的条目和条款 / list built-in rulesets, or show one with clauses')
    .argument('[id]', '规则集编号')
    .action((id: string | undefined) => {
      if (!id) {
        for (const key of BUILT_IN_IDS) {
          const spec = builtInRuleset(key).spec;
          write(`${key}\t${spec.title}\t${spec.version}\t${spec.effective}\n`);
        }
        return;
      }
      const ruleset = builtInRuleset(id);
      write(`${ruleset.spec.title}（${ruleset.id}，版本 ${ruleset.spec.version}，${ruleset.spec.effective}）\n`);
      for (const item of ruleset.items) {
        const points = item.kind === 'judged' ? `0–${item.max === null ? '' : item.max / 1e6}` : String((item.parent ? item.step : item.points) / 1e6);
        write(`${item.code}\t${item.label}\t${item.kind}\t${points}\t${item.cite.clause}：${item.cite.quote}\n`);
      }
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof AssessError) {
      process.stderr.write(`错误：${error.zh}\nError: ${error.en}\n`);
      return error.kind === 'unknown-ruleset' ? EXIT.usage : EXIT.invalid;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`错误：${error.zh}\nError: ${error.en}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`内部错误 / internal error: ${(error as Error).message ?? String(error)}\n`);
    return EXIT.invalid;
  }
}

// Output piped into a reader that stops early (`assess rules … | head`): stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
