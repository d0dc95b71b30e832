/**
 * `npm run bench`: every benchmark section, each in its own node process (a clean heap and JIT),
 * then a table on stdout and BENCHMARKS.md with the machine, Node version and date, and for each
 * figure its goal and whether it is met.
 *
 *   tsx bench/run.ts [--quick] [--only sizes,core,township,hf,cli]
 *
 * --quick trims unit counts and runs (a smoke test); --quick and --only print the table without
 * writing BENCHMARKS.md, which records full runs only.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Figure, QUICK, formatNumber } from './common';

const ROOT = resolve(import.meta.dirname, '..');
const SECTIONS: Record<string, { title: string; load: () => Promise<{ run: () => Promise<Figure[]> }> }> = {
  sizes: { title: 'Bundle sizes', load: () => import('./sizes') },
  core: { title: 'Core throughput', load: () => import('./core') },
  township: { title: 'township2022 vs floor and rules engine', load: () => import('./township') },
  hf: { title: 'HyperFormula sheet', load: () => import('./hf') },
  cli: { title: 'CLI', load: () => import('./cli') },
};

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Child mode: run one section, write its figures as JSON. */
async function child(section: string, out: string): Promise<void> {
  const { run } = await SECTIONS[section].load();
  writeFileSync(out, JSON.stringify(await run()));
}

function runSection(section: string, work: string): Figure[] {
  const out = join(work, `${section}.json`);
  // The HyperFormula section keeps five 10,000-row engines alive at once (paired rounds): more heap than the default.
  const heap = section === 'hf' ? ['--max-old-space-size=8192'] : [];
  const args = ['--expose-gc', ...heap, '--import', 'tsx', fileURLToPath(import.meta.url), '--section', section, '--out', out, ...(QUICK ? ['--quick'] : [])];
  const started = Date.now();
  process.stderr.write(`bench: ${section} …`);
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  process.stderr.write(` ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  if (result.status !== 0) {
    const message = result.stderr.trim().split('\n').slice(-6).join(' ').slice(0, 400);
    process.stderr.write(result.stderr);
    return [{ section, name: `${SECTIONS[section].title}: failed`, value: NaN, unit: '', goal: 'runs', met: false, detail: message }];
  }
  return JSON.parse(readFileSync(out, 'utf8')) as Figure[];
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function verdict(figure: Figure): string {
  if (figure.met === undefined) return '';
  return figure.met ? 'met' : '**not met**';
}

function table(figures: Figure[], markdown: boolean): string {
  const head = ['Figure', 'Value', 'Goal', 'Met'];
  const rows = figures.map((f) => [f.name, `${formatNumber(f.value)} ${f.unit}`.trim(), f.goal ?? '', markdown ? verdict(f) : verdict(f).replace(/\*/g, '')]);
  if (markdown) {
    const lines = [`| ${head.join(' | ')} | How |`, `| --- | ---: | --- | --- | --- |`];
    figures.forEach((f, i) => lines.push(`| ${rows[i].join(' | ')} | ${(f.detail ?? '').replace(/\|/g, '\\|')} |`));
    return lines.join('\n');
  }
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  const section = option('section');
  if (section) return child(section, option('out') ?? '');

  const only = option('only')?.split(',').map((s) => s.trim());
  const chosen = Object.keys(SECTIONS).filter((s) => !only || only.includes(s));
  const work = join(ROOT, 'test-output', 'bench');
  mkdirSync(work, { recursive: true });
  const loadBefore = loadavg();
  const started = new Date();
  const figures: Figure[] = [];
  for (const s of chosen) figures.push(...runSection(s, work));
  const loadAfter = loadavg();
  for (const s of chosen) rmSync(join(work, `${s}.json`), { force: true });

  console.log(`\n${table(figures, false)}\n`);
  const missed = figures.filter((f) => f.met === false);
  console.log(missed.length === 0 ? 'All goals met.' : `Goals not met: ${missed.map((f) => f.name).join('; ')}`);

  if (QUICK || only) {
    console.log('(--quick / --only: BENCHMARKS.md not written; it records full runs only)');
    return;
  }
  const cpu = cpus();
  const md = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts); do not edit by hand. Each figure is the median of several runs after a warm-up',
    '(a full GC before each timed run),',
    'each section in its own node process. Ratios compare figures measured in the same process (or, for the CLI, interleaved',
    'process runs), so they are steadier than the absolute numbers on a shared machine.',
    '',
    `- Date: ${started.toISOString()}`,
    `- Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${osType()} ${release()}`,
    `- Load average (1 min) at start / end: ${loadBefore[0].toFixed(2)} / ${loadAfter[0].toFixed(2)}`,
    `- Node ${process.version}; hyperformula ${version('hyperformula')}, exceljs ${version('exceljs')}, json-rules-engine ${version('json-rules-engine')}`,
    '',
    table(figures, true),
    '',
    missed.length === 0 ? 'All goals met.' : `Goals not met: ${missed.map((f) => f.name).join('; ')}.`,
    '',
    ...(missed.length === 0
      ? []
      : ['## Goals missed: what the profile shows', '', ...missed.map((f) => `- **${f.name}**: ${f.whyMissed ?? 'not profiled yet.'}`), '']),
    '## What is measured',
    '',
    '- **Core throughput**: 10,000 realistic random valid units per built-in ruleset (bench/units.ts, seeded), read from cells',
    '  with `readUnits` and scored with `scoreBatch` (ranks, levels), the ruleset compiled once.',
    '- **township2022 vs the floor and a rules engine** (own process): the same 10,000 rows scored per unit by `quickScores`',
    '  (cells → score, numbers only: what `ASSESS.SCORE` runs first; the scoring kernel over typed arrays that `scoreRecord`',
    '  also uses) vs bench/straight-township.ts (the rules by hand, exact integers, no ruleset data, no input checks; identical',
    '  scores asserted on all 10,000 units first) vs json-rules-engine with the same rules (bench/jre-township.ts; identical',
    '  scores asserted on a sample; one rule per finding threshold, events summed per item). The ratio to the floor is taken per',
    '  round (quickScores, then the floor) and its median and min reported. One `=ASSESS.SCORE` call: the implementation called',
    '  on each of the 10,000 rows with new argument arrays (row, `[["township2022"]]`, header), as HyperFormula passes them.',
    '- **HyperFormula**: 10,000 rows with `=ASSESS.SCORE(B{r}:AT{r},"township2022",B$1:AT$1)` in each row, and the same sheet',
    '  with one `=ASSESS.SCORES(B2:AT10001,"township2022",B$1:AT$1)` spilling every score, vs the same score as a native',
    '  formula per row (SUM/MIN/MAX/IF/INT/ROUND); identical values on every row asserted. A run replaces the whole data block',
    '  with new values while evaluation is suspended and times `resumeEvaluation()` (the full recalculation). For context, the',
    '  same sheet with a do-nothing custom function taking the same arguments, and a do-nothing block function spilling a cell',
    '  per row, show HyperFormula\'s own cost: the floor of any custom function, so the goals are that floor + 0.05 of native.',
    '  All five engines are built first and timed in turn each round (paired); ratios are taken within a round.',
    '- **Bundles**: gzip of the webpack production bundles (rebuilt when dist/ is missing or older than src/).',
    '- **CLI**: `assess score units.xlsx -r township2022 -o scorecard.xlsx` on a 10,000-unit .xlsx written by exceljs, vs',
    '  bench/exceljs-roundtrip.mjs reading and writing the same file; each a new node process. On township2022 CSVs of 10,000',
    '  and 100,000 units: `assess score` (table to stdout) and `assess check` vs a csv-parse pass over the same file',
    '  (bench/csv-parse-pass.mjs), CPU time and peak RSS of each process measured by itself (bench/measure-child.mjs); memory',
    '  per unit above `assess rules` (the CLI doing nothing).',
    '',
  ].join('\n');
  // The hostile-file figures come from their own script (bench/hostile.ts --write): kept as they are.
  const previous = readFileSync(join(ROOT, 'BENCHMARKS.md'), 'utf8');
  const hostile = previous.indexOf('\n## Hostile files');
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), hostile >= 0 ? `${md.trimEnd()}\n${previous.slice(hostile)}` : md);
  console.log('BENCHMARKS.md written.');
}

await main();
