/**
 * `assess` — score assessment workbooks in batch from the command line.
 * Exit codes: 0 done; 1 the input or ruleset is invalid; 2 the command was used wrongly or a
 * file cannot be read or written (standard output too: a full disk); 3 `check` found problems.
 * A reader that stops early (`| head`) changes none of them.
 */
import { type Command, CommanderError } from 'commander';
import { scoreBatch } from '../core/batch';
import type { CompiledRuleset } from '../core/compile';
import { AssessError } from '../core/errors';
import { extname } from 'node:path';
import type { Layout } from '../core/input';
import { otherSheetsNotRead, readSheets } from '../core/sheets';
import type { EnteredMode } from '../core/headers';
import type { BatchResult, Finding } from '../core/result';
import { BUILT_IN_IDS, builtInRuleset } from '../rulesets';
import { codeNames } from '../core/worded';
import { checkJsonChunks, checkJsonFindings, csvLines, findingLine, fit, jsonChunks, printable, summarize, tableLines, thresholdLine } from './output';
import { progress } from './progress';
import { rulesLines, rulesetListLines } from './rules-table';
import { BilingualCommand } from './usage-text';
import { TRADITIONAL_QUOTES_NOTE, isTraditional, simplifiedClauses } from '../core/text';
import { UsageError, loadRuleset, readTableFile } from './read-file';
import { type OutputTarget, checkOutput, writeOutput } from './safe-write';
import type { TextChange } from './xlsx';
import { registerDraftCommand } from './draft-command';
import { registerMapCommand } from './map-command';

export const EXIT = { ok: 0, invalid: 1, usage: 2, findings: 3 } as const;

/** Files with more units than this show progress. */
const LONG_FILE = 2000;

interface ScoreOptions {
  rules: string;
  sheet?: string;
  entered?: string;
  layout?: string;
  mapping?: string;
}

const ENTERED = ['counts', 'points', 'auto'] as const;
const LAYOUTS = ['rows', 'columns', 'forms', 'ledger', 'pairs'] as const;

function readOptions(options: ScoreOptions): { entered?: EnteredMode; layout?: Layout } {
  const entered = ENTERED.find((mode) => mode === (options.entered ?? 'auto'));
  if (!entered) throw new UsageError(`未知的 --entered「${options.entered}」：应为 counts、points 或 auto`, `unknown --entered "${options.entered}": use counts, points or auto`);
  if (options.layout === undefined) return { entered };
  const layout = LAYOUTS.find((name) => name === options.layout);
  if (!layout) throw new UsageError(`未知的 --layout「${options.layout}」：应为 ${LAYOUTS.join('、')}`, `unknown --layout "${options.layout}": use ${LAYOUTS.join(', ')}`);
  return { entered, layout };
}

/**
 * collect: every invalid cell an error finding (check), instead of refusing at the first (score).
 * loaded: told of the ruleset before the file is read (to refuse early what cannot be written).
 */
async function scoreFile(file: string, options: ScoreOptions, collect = false, loaded?: (ruleset: CompiledRuleset) => void, explanations = true): Promise<{ ruleset: CompiledRuleset; batch: BatchResult; sheet?: string }> {
  const read = { ...readOptions(options), collect, requireItems: true };
  const ruleset = await loadRuleset(options.rules);
  loaded?.(ruleset);
  // Without --sheet an .xlsx is read whole: 评分表 forms (plus their 汇总), or sheets of one shape (per 圈层), are one batch;
  // a sheet not read is a finding in the result (core/sheets.ts), not a line on stderr only.
  // A sheet that cannot be read (over a limit: never inflated) does not stop the first: it is scored alone, and that is a finding.
  const whole = options.sheet === undefined && extname(file).toLowerCase() === '.xlsx';
  let sheets = [await readTableFile(file, options.sheet)];
  let othersFailed: AssessError | UsageError | null = null;
  if (whole) {
    try {
      sheets = await (await import('./read-xlsx')).readXlsxSheets(file);
    } catch (error) {
      if (!(error instanceof AssessError) && !(error instanceof UsageError)) throw error;
      othersFailed = error;
    }
  }
  if (options.mapping !== undefined) sheets = (await import('./map-command')).mappedSheets(options.mapping, ruleset, sheets);
  const rows = sheets.reduce((sum, s) => sum + s.table.length, 0);
  const report = progress(rows > LONG_FILE);
  report.step('读取单元格', 0, rows);
  const { records, read: names } = readSheets(ruleset, sheets.map((s, i) => ({ name: s.sheet ?? (sheets.length > 1 ? String(i + 1) : ''), table: s.table, merges: s.merges })), read);
  for (const record of records) if (record.sheet === '') delete record.sheet;
  if (othersFailed && records[0]) (records[0].readFindings ??= []).push(otherSheetsNotRead(sheets[0].sheet ?? '', othersFailed));
  const sheet = names.length === 1 && names[0] !== '' ? names[0] : undefined;
  for (const name of names) if (name !== '') process.stderr.write(`读取工作表「${fit(name, 60)}」 / read sheet "${fit(name, 60)}"\n`);
  report.step(`评分 ${records.length} 个单位`, records.length, records.length);
  const batch = scoreBatch(ruleset, records, { collect, explanations });
  report.end();
  return { ruleset, batch, sheet };
}

/**
 * What became of standard output. Its reader may go away (`| head`: EPIPE) — then output stops
 * quietly, as Unix tools do, but the command still finishes (an --out file is still written) and
 * exits with its own code; or writing may fail (`> /dev/full`: ENOSPC, EIO …) — then the output is
 * incomplete, which is said on stderr, and the exit code is 2 (issue 19).
 */
const stdout: { closed: boolean; error?: NodeJS.ErrnoException } = { closed: false };

function stdoutFailed(error: NodeJS.ErrnoException): void {
  if (stdout.closed || stdout.error !== undefined) return; // the first error is the one that counts
  if (error.code === 'EPIPE') stdout.closed = true;
  else stdout.error = error;
}

process.stdout.on('error', stdoutFailed);
// stderr's reader may go away too (`2>&1 | head`): nothing can be reported there any more, and the command goes on.
process.stderr.on('error', () => undefined);

const stdoutOpen = () => !stdout.closed && stdout.error === undefined && !process.stdout.destroyed;

function write(text: string): void {
  if (!stdoutOpen()) return;
  try {
    process.stdout.write(text);
  } catch (error) {
    stdoutFailed(error as NodeJS.ErrnoException);
  }
}

/** Until stdout can take more, or has failed. */
function drained(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.stdout.off('drain', done);
      process.stdout.off('error', done);
      process.stdout.off('close', done);
      resolve();
    };
    process.stdout.on('drain', done);
    process.stdout.on('error', done);
    process.stdout.on('close', done);
  });
}

/** Until everything written to stdout has been handed over, or writing it has failed. */
async function flushStdout(): Promise<void> {
  if (stdoutOpen()) {
    await new Promise<void>((resolve) => {
      const done = () => {
        process.stdout.off('error', done);
        resolve();
      };
      process.stdout.on('error', done);
      try {
        process.stdout.write('', done);
      } catch (error) {
        stdoutFailed(error as NodeJS.ErrnoException);
        done();
      }
    });
  }
  await new Promise((resolve) => setImmediate(resolve)); // an error found by that write is emitted on a later tick
}

/** Why stdout could not be written, in both languages. */
function stdoutProblem(error: NodeJS.ErrnoException): { zh: string; en: string } {
  const code = error.code ?? '';
  const known: Record<string, [string, string]> = {
    ENOSPC: ['磁盘已满', 'no space left on device'],
    EDQUOT: ['超出磁盘配额', 'disk quota exceeded'],
    EIO: ['输入输出错误', 'input/output error'],
    EFBIG: ['文件过大', 'file too large'],
    EROFS: ['只读文件系统', 'read-only file system'],
  };
  const [zh, en] = Object.hasOwn(known, code) ? known[code] : [error.message, error.message];
  return {
    zh: `无法写入标准输出（${zh}${code ? `，${code}` : ''}）：输出不完整`,
    en: `cannot write standard output (${en}${code ? `, ${code}` : ''}): the output is incomplete`,
  };
}

/** Bytes gathered before a write to stdout; one line may be longer (it is written whole). */
const CHUNK = 64 * 1024;

/** Writes pieces of text to stdout in bounded chunks, waiting when the reader is slower; stops when stdout is closed or failed. */
async function writeAll(pieces: Iterable<string>, lineEnd = ''): Promise<void> {
  let chunk = '';
  for (const piece of pieces) {
    if (!stdoutOpen()) return;
    chunk += piece + lineEnd;
    if (chunk.length >= CHUNK) {
      let more = false;
      try {
        more = process.stdout.write(chunk);
      } catch (error) {
        stdoutFailed(error as NodeJS.ErrnoException);
      }
      chunk = '';
      if (!more && stdoutOpen()) await drained(); // an error during the write has been seen already: nothing to wait for
    }
  }
  if (chunk !== '') write(chunk);
}

/** Tells on stderr which texts had to be cleaned to be written (a few units, then a count). */
async function reportChanges(path: string, changes: readonly TextChange[], scorecard: boolean): Promise<void> {
  if (changes.length === 0) return;
  const { describeChange } = await import('./xlsx');
  const shown = 10;
  for (const change of changes.slice(0, shown)) {
    const d = describeChange(change);
    const unit = change.unit === null ? '' : fit(change.unit, 60);
    process.stderr.write(
      printable(`注意：写入 ${path} 时，${unit ? `单位「${unit}」的 ` : ''}${d.cellsZh}：${d.zh} / note: writing ${path}, ${unit ? `unit "${unit}", ` : ''}${d.cellsEn}: ${d.en}`) + '\n',
    );
  }
  if (changes.length > shown) process.stderr.write(`注意：另有 ${changes.length - shown} 处同样处理${scorecard ? '，见「问题」工作表' : ''} / note: ${changes.length - shown} more likewise${scorecard ? ', listed on the 问题 sheet' : ''}\n`);
}

export function buildProgram(): Command {
  const program = new BilingualCommand();
  program
    .name('assess')
    .description('ASSESS 政务服务考核评分 — score government service assessments exactly as the regulations say')
    .exitOverride()
    .helpCommand('help [command]', '显示命令的帮助 / show help for a command')
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
    .option('--entered <mode>', '数值是数量还是分数：counts | points | auto（按表头的“得分/加分/扣分”）', 'auto')
    .option('--layout <layout>', '版式：rows（每单位一行）| columns（条目为行、单位为列）| forms（评分表）| ledger；默认自动识别')
    .option('--force', '--out 的文件已存在且不是 ASSESS 计分表时也覆盖 / replace an existing --out file that is not an ASSESS scorecard')
    .option('--mapping <mapping.json>', '按 assess map 写出（可编辑）的映射文件读取各列 / read each column as the mapping file written by assess map (and edited) says')
    .action(async (file: string, options: ScoreOptions & { format: string; out?: string; force?: boolean }) => {
      if (!['table', 'json', 'csv'].includes(options.format))
        throw new UsageError(`未知的输出格式「${options.format}」：应为 table、json 或 csv`, `unknown format "${options.format}": use table, json or csv`);
      // Whether --out can be written is known before anything is scored or printed.
      const target: OutputTarget | undefined = options.out ? await checkOutput(options.out, 'scorecard', { inputs: [file, options.rules], force: options.force === true }) : undefined;
      // A ruleset too wide for an Excel sheet is refused before scoring when its items alone are, else before printing.
      const xlsx = target ? await import('./xlsx') : undefined;
      // The table and the CSV show no explanation: units let theirs go as they are scored (the JSON's items and the scorecard's 明细 need them).
      const { ruleset, batch, sheet } = await scoreFile(file, options, false, (loaded) => {
        if (target && xlsx) xlsx.checkColumns(target.path, '明细', xlsx.detailWidthAtLeast(loaded), loaded.scoredItems.length);
      }, options.format === 'json' || target !== undefined);
      if (target && xlsx) xlsx.checkColumns(target.path, '明细', xlsx.detailWidth(batch), ruleset.scoredItems.length);
      const summary = summarize(batch, ruleset.levels.length > 0);
      if (options.format === 'json') await writeAll(jsonChunks(summary));
      else if (options.format === 'csv') {
        // Nothing changed silently: what a file could not keep is said on stderr (a terminal is shown, like the table, not stored).
        let count = 0;
        const units: string[] = [];
        const replaced = (unit: string, n: number) => {
          count += n;
          units.push(unit);
        };
        await writeAll(csvLines(summary.units, { terminal: process.stdout.isTTY === true, replaced }), '\n');
        if (count > 0) {
          const unit = fit(units[0], 60);
          const more = units.length > 1 ? { zh: `等 ${units.length} 个单位`, en: ` and ${units.length - 1} more` } : { zh: '', en: '' };
          process.stderr.write(
            `注意：CSV 中 ${count} 个控制字符无法写入，已替换为 \ufffd（单位「${unit}」${more.zh}）/ note: ${count} control characters cannot go into a CSV and were replaced by \ufffd (unit "${unit}"${more.en})\n`,
          );
        }
      }
      else await writeAll(tableLines(summary.units, { grades: ruleset.grades.length > 0, levels: ruleset.levels.length > 0, rewards: ruleset.hasReward }), '\n');
      if (target) {
        const { writeScorecard } = await import('./xlsx');
        const report = progress(batch.units.length > LONG_FILE);
        report.step(`写入 ${target.path}`);
        let changes: TextChange[] = [];
        try {
          await writeOutput(target, async (stream) => {
            changes = await writeScorecard(stream, ruleset, batch, { file, sheet });
          });
        } finally {
          report.end();
        }
        await reportChanges(target.path, changes, true);
        process.stderr.write(printable(`计分表已写入 ${target.path} / scorecard written to ${target.path}`) + '\n');
      }
    });

  program
    .command('check')
    .description('检查上限、范围、阈值和未评分条目，列出单元格和条款；有问题时退出码为 3 / check a file; exit 3 on problems')
    .argument('<file>', '数据文件 .xlsx 或 .csv')
    .requiredOption('-r, --rules <rules>', rulesHelp)
    .option('-s, --sheet <name>', '.xlsx 中的工作表名（默认第一个）')
    .option('-f, --format <format>', '输出格式 text | json', 'text')
    .option('--entered <mode>', '数值是数量还是分数：counts | points | auto（按表头的“得分/加分/扣分”）', 'auto')
    .option('--layout <layout>', '版式：rows | columns | forms | ledger；默认自动识别')
    .option('--mapping <mapping.json>', '按 assess map 写出（可编辑）的映射文件读取各列 / read each column as the mapping file written by assess map (and edited) says')
    .action(async (file: string, options: ScoreOptions & { format: string }) => {
      if (!['text', 'table', 'json'].includes(options.format))
        throw new UsageError(`未知的输出格式「${options.format}」：应为 text 或 json`, `unknown format "${options.format}": use text or json`);
      // check lists findings and thresholds only: no explanations kept.
      const { ruleset, batch, sheet } = await scoreFile(file, options, true, undefined, false);
      const { a1 } = await import('./xlsx');
      if (options.format === 'json') {
        // One object per finding, with the cell as an A1 address on its sheet (null without a single cell).
        const findings = checkJsonFindings(batch, sheet, a1, codeNames(ruleset));
        await writeAll(checkJsonChunks(batch.ruleset, findings));
        if (findings.some((f) => f.severity !== 'info')) process.exitCode = EXIT.findings;
        return;
      }
      // Counted before anything is printed: the exit code does not depend on the reader reading it all.
      let problems = 0;
      let lines = 0;
      for (const unit of batch.units) {
        problems += unit.thresholds.length + unit.findings.filter((finding) => finding.severity !== 'info').length;
        lines += unit.thresholds.length + unit.findings.length;
      }
      let traditional = false;
      // A workbook of forms: the same cell exists on every sheet, so a cell is named with its sheet.
      const sheets = new Set(batch.units.flatMap((unit) => unit.findings.map((finding) => finding.sheet).filter((name) => name !== undefined)));
      const placed = (finding: Finding): string => {
        const cell = a1(finding.where) || finding.where || '';
        return cell !== '' && finding.sheet !== undefined && sheets.size > 1 ? `${finding.sheet}!${cell}` : cell;
      };
      const names = codeNames(ruleset);
      function* checkLines(): Generator<string> {
        for (const unit of batch.units) {
          for (const label of unit.thresholds) yield thresholdLine(unit.unit, label);
          for (const finding of unit.findings) {
            traditional ||= isTraditional(finding.quote);
            yield findingLine(unit.unit, { ...finding, where: placed(finding) }, names);
          }
        }
      }
      await writeAll(checkLines(), '\n');
      if (lines === 0) write('通过：没有发现问题 / OK: no findings\n');
      else if (traditional) write(`注：${TRADITIONAL_QUOTES_NOTE.zh}。\n`);
      if (problems > 0) process.exitCode = EXIT.findings;
    });

  program
    .command('template')
    .description('生成录入表：表头、数据有效性和 ASSESS 公式 / write an input sheet with headers, validation and ASSESS formulas')
    .requiredOption('-r, --rules <rules>', rulesHelp)
    .requiredOption('-o, --out <file.xlsx>', '输出文件')
    .option('--rows <n>', '空行数（已知单位时按单位数）', '20')
    .option('--force', '文件已存在且不是未改动过的 ASSESS 录入表时也覆盖 / replace an existing file that is not an untouched ASSESS template')
    .action(async (options: { rules: string; out: string; rows: string; force?: boolean }) => {
      const rows = Number(options.rows);
      if (!Number.isInteger(rows) || rows < 1 || rows > 10000) throw new UsageError('--rows 应为 1–10000 的整数', '--rows must be a whole number 1–10000');
      const target = await checkOutput(options.out, 'template', { inputs: [options.rules], force: options.force === true });
      const ruleset = await loadRuleset(options.rules);
      const xlsx = await import('./xlsx');
      xlsx.checkColumns(target.path, ruleset.id, xlsx.templateWidth(ruleset), ruleset.items.filter((item) => item.isInput).length);
      const { workbook, changes } = xlsx.templateWorkbook(ruleset, rows);
      await writeOutput(target, async (stream) => {
        await workbook.xlsx.write(stream);
      });
      await reportChanges(target.path, changes, false);
      process.stderr.write(printable(`录入表已写入 ${target.path} / template written to ${target.path}`) + '\n');
    });

  program
    .command('rules')
    .description('列出内置规则集，或显示一个规则集的条目和条款 / list built-in rulesets, or show one with clauses')
    .argument('[id]', '规则集编号')
    .option('--lang <lang>', '输出语言 zh | en / output language', 'zh')
    .action((id: string | undefined, options: { lang: string }) => {
      const lang = options.lang === 'zh' || options.lang === 'en' ? options.lang : undefined;
      if (!lang) throw new UsageError(`未知的 --lang「${options.lang}」：应为 zh 或 en`, `unknown --lang "${options.lang}": use zh or en`);
      if (!id) {
        write(rulesetListLines(BUILT_IN_IDS.map((key) => builtInRuleset(key)), lang).join('\n') + '\n');
        return;
      }
      write(rulesLines(builtInRuleset(id), lang).join('\n') + '\n');
    });
  registerDraftCommand(program);
  registerMapCommand(program);
  return program;
}

/**
 * An error for stderr: no control characters from the data reach the terminal, and no line runs on
 * without end. In both languages, Chinese first, unless the command line chose one (--lang).
 */
function errorText(zh: string, en: string, lang?: 'zh' | 'en'): string {
  const shown = (text: string) => text.split('\n').map((line) => fit(printable(line), 2000)).join('\n');
  const zhLine = `错误：${shown(simplifiedClauses(zh))}\n`;
  const enLine = `Error: ${shown(en)}\n`;
  return lang === 'zh' ? zhLine : lang === 'en' ? enLine : zhLine + enLine;
}

/** The language the command line asks for (--lang zh|en, or --lang=…), if it does. */
function languageOf(argv: readonly string[]): 'zh' | 'en' | undefined {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i].startsWith('--lang=') ? argv[i].slice('--lang='.length) : undefined;
    if (value === 'zh' || value === 'en') return value;
  }
  return undefined;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  const lang = languageOf(argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof AssessError) {
      process.stderr.write(errorText(error.zh, error.en, lang));
      return error.kind === 'unknown-ruleset' ? EXIT.usage : EXIT.invalid;
    }
    if (error instanceof UsageError) {
      process.stderr.write(errorText(error.zh, error.en, lang));
      return EXIT.usage;
    }
    process.stderr.write(`内部错误 / internal error: ${fit(printable(error instanceof Error ? error.message : String(error)), 2000)}\n`);
    return EXIT.invalid;
  }
}

/** The exit code once stdout is flushed: a failed stdout (not a closed one) makes a success or a `check` with findings exit 2. */
async function finish(code: number): Promise<number> {
  await flushStdout();
  if (stdout.error === undefined) return code;
  const problem = stdoutProblem(stdout.error);
  process.stderr.write(errorText(problem.zh, problem.en, languageOf(process.argv.slice(2))));
  return code === EXIT.ok || code === EXIT.findings ? EXIT.usage : code;
}

process.exitCode = await finish(await main(process.argv.slice(2)));
