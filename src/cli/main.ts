/**
 * `assess` — score assessment files in batch from the command line.
 * Exit codes: 0 done; 1 the input or ruleset is invalid; 2 the command was used wrongly or a
 * file cannot be read; 3 `check` found problems.
 */
import { Command, CommanderError } from 'commander';
import { scoreBatch } from '../core/batch';
import { AssessError } from '../core/errors';
import { readUnits } from '../core/input';
import { BUILT_IN_IDS, builtInRuleset } from '../rulesets';
import { findingLine, summarize, toCsv, toTable } from './output';
import { UsageError, loadRuleset, readTableFile } from './read-file';

export const EXIT = { ok: 0, invalid: 1, usage: 2, findings: 3 } as const;

function scoreFile(file: string, rules: string) {
  const ruleset = loadRuleset(rules);
  const records = readUnits(ruleset, readTableFile(file));
  return { ruleset, batch: scoreBatch(ruleset, records) };
}

function write(text: string): void {
  process.stdout.write(text);
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('assess')
    .description('ASSESS 政务服务考核评分 — score government service assessments exactly as the regulations say')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program
    .command('score')
    .description('为文件中的每个单位评分 / score every unit in a file')
    .argument('<file>', '数据文件 .csv（表头行 + 每单位一行，或台账 单位,条目,数量,事项）')
    .requiredOption('-r, --rules <rules>', `规则集：内置编号 (${BUILT_IN_IDS.join(', ')}) 或 rules.json / 规则表 .csv`)
    .option('-f, --format <format>', '输出格式 table | json | csv', 'table')
    .action((file: string, options: { rules: string; format: string }) => {
      const { ruleset, batch } = scoreFile(file, options.rules);
      const summary = summarize(batch, ruleset.levels.length > 0);
      if (options.format === 'json') write(JSON.stringify(summary, null, 2) + '\n');
      else if (options.format === 'csv') write(toCsv(summary.units));
      else if (options.format === 'table') write(toTable(summary.units));
      else throw new UsageError(`未知的输出格式「${options.format}」：应为 table、json 或 csv`, `unknown format "${options.format}": use table, json or csv`);
    });

  program
    .command('check')
    .description('检查上限、阈值和未评分条目；有问题时退出码为 3 / check caps, thresholds and unscored items; exit 3 on problems')
    .argument('<file>', '数据文件 .csv')
    .requiredOption('-r, --rules <rules>', '规则集：内置编号或 rules.json / 规则表 .csv')
    .action((file: string, options: { rules: string }) => {
      const { batch } = scoreFile(file, options.rules);
      let problems = 0;
      const lines: string[] = [];
      for (const unit of batch.units) {
        for (const label of unit.thresholds) lines.push(`阈值  ${unit.unit}  ${label}`);
        for (const finding of unit.findings) {
          if (finding.severity === 'warning') problems++;
          lines.push(findingLine(unit.unit, finding));
        }
      }
      write(lines.length > 0 ? lines.join('\n') + '\n' : '通过：没有发现问题 / OK: no findings\n');
      if (problems > 0) process.exitCode = EXIT.findings;
    });

  program
    .command('rules')
    .description('列出内置规则集，或显示一个规则集的条目和条款 / list built-in rulesets, or show one')
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
        const points = item.kind === 'judged' ? `0–${item.max === null ? '' : item.max / 1e6}` : String(item.points / 1e6);
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
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
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

process.exitCode = await main(process.argv.slice(2));
