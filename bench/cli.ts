/**
 * The `assess` CLI on a 10,000-unit township2022 .xlsx (written with exceljs) vs exceljs reading
 * and writing the same file alone. Each is a fresh `node` process, as a user runs it; lib/cli.js
 * is rebuilt first so the current source is measured.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { builtInRuleset } from '../src/rulesets';
import { type Figure, counts, median, now, spread, QUICK } from './common';
import { randomUnits, unitTable } from './units';

const SECTION = 'cli';
const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'test-output', 'bench');

function runNode(args: string[]): number {
  const start = now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = now() - start;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited ${child.status}: ${child.stderr}`);
  return ms;
}

function timeProcess(args: string[], c: { warmup: number; runs: number }): number[] {
  for (let i = 0; i < c.warmup; i++) runNode(args);
  return Array.from({ length: c.runs }, () => runNode(args));
}

export async function run(): Promise<Figure[]> {
  const units = QUICK ? 2000 : 10_000;
  mkdirSync(WORK, { recursive: true });
  const build = spawnSync('npm', ['run', 'build:cli', '--silent'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build:cli failed: ${build.stderr}`);

  // The input: 单位, 通报批评或曝光, then "code label" columns, one row per unit.
  const rs = builtInRuleset('township2022');
  const table = unitTable(rs, randomUnits(rs, units, 9000));
  const input = join(WORK, `township2022-${units}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('township2022');
  for (const row of table) sheet.addRow(row.map((cell) => (cell === undefined ? null : cell)));
  await workbook.xlsx.writeFile(input);

  const c = counts({ warmup: 1, runs: 5 }, { warmup: 1, runs: 2 });
  const cli = join(ROOT, 'bin', 'assess.js');
  const roundtrip = join(ROOT, 'bench', 'exceljs-roundtrip.mjs');
  const baselineOut = join(WORK, 'roundtrip.xlsx');
  const scorecard = join(WORK, 'scorecard.xlsx');
  // Interleave so both see the same machine state.
  const baseline: number[] = [];
  const full: number[] = [];
  const noOut: number[] = [];
  const commands = {
    baseline: [roundtrip, input, baselineOut],
    full: [cli, 'score', input, '-r', 'township2022', '-o', scorecard],
    noOut: [cli, 'score', input, '-r', 'township2022'],
  };
  for (let i = 0; i < c.warmup; i++) for (const args of Object.values(commands)) runNode(args);
  for (let i = 0; i < c.runs; i++) {
    baseline.push(...timeProcess(commands.baseline, { warmup: 0, runs: 1 }));
    full.push(...timeProcess(commands.full, { warmup: 0, runs: 1 }));
    noOut.push(...timeProcess(commands.noOut, { warmup: 0, runs: 1 }));
  }
  for (const file of [input, baselineOut, scorecard]) rmSync(file, { force: true });
  const baseMs = median(baseline);
  const fullMs = median(full);
  const noOutMs = median(noOut);
  const detail = (times: number[]) => `median of ${c.runs} after ${c.warmup} warm-up (${spread(times, 0)} ms), a new node process each`;
  return [
    { section: SECTION, name: `exceljs read + write of the ${units}-unit .xlsx (baseline)`, value: baseMs, unit: 'ms', detail: detail(baseline) },
    { section: SECTION, name: `assess score ${units}-unit .xlsx -o scorecard.xlsx`, value: fullMs, unit: 'ms', detail: detail(full) },
    { section: SECTION, name: `assess score ${units}-unit .xlsx (table to stdout, no -o)`, value: noOutMs, unit: 'ms', detail: detail(noOut) },
    {
      section: SECTION,
      name: 'CLI (score -o) ÷ exceljs read+write',
      value: fullMs / baseMs,
      unit: '×',
      goal: '≤ 1.5×',
      met: fullMs / baseMs <= 1.5,
      detail: `without -o (read + score + print): ${(noOutMs / baseMs).toFixed(2)}×`,
    },
  ];
}
