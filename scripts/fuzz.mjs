#!/usr/bin/env node
/**
 * Large fuzz runs of the ASSESS functions (test/fuzz/functions.fuzz.test.ts).
 *
 *   node scripts/fuzz.mjs [--runs N] [--jobs J] [--seed S] [--out FILE] [--stop]
 *
 *   --runs N   cases per property in all (default 100000; the suite has 11 properties, so
 *              11 × N cases), split across the jobs
 *   --jobs J   parallel vitest processes (default: CPU count, at most 8)
 *   --seed S   base seed (job i uses S + i) to replay a run; random otherwise
 *   --out FILE combined JSON report (default test-output/fuzz-report.json)
 *   --stop     stop a property at its first violation and shrink it (default: collect every
 *              kind of violation with its count and smallest example, and keep going)
 *
 * Exit code 0 when no property was violated. The same suite runs under plain vitest too:
 *   FUZZ_RUNS=100000 npx vitest run test/fuzz
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = process.argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

const runs = Number(option('runs', '100000'));
const jobs = Number(option('jobs', String(Math.min(8, availableParallelism()))));
const seed = option('seed', undefined);
const out = resolve(root, option('out', 'test-output/fuzz-report.json'));
const stop = process.argv.includes('--stop');
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(jobs) || jobs < 1) {
  console.error('usage: node scripts/fuzz.mjs [--runs N] [--jobs J] [--seed S] [--out FILE] [--stop]');
  process.exit(2);
}

const work = join(root, 'test-output', `fuzz-${process.pid}`);
mkdirSync(work, { recursive: true });
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const perJob = Math.ceil(runs / jobs);
const started = Date.now();

console.log(`fuzz: ${jobs} job(s) × ${perJob} runs per property${seed === undefined ? '' : `, seed ${seed}`}`);

function runJob(index) {
  const report = join(work, `job-${index}.json`);
  const env = {
    ...process.env,
    FUZZ_RUNS: String(perJob),
    FUZZ_REPORT: report,
    FUZZ_COLLECT: stop ? '0' : '1',
    ...(seed === undefined ? {} : { FUZZ_SEED: String(Number(seed) + index) }),
  };
  return new Promise((done) => {
    const child = spawn(process.execPath, [vitest, 'run', 'test/fuzz', '--reporter=dot'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      let data = null;
      try {
        data = JSON.parse(readFileSync(report, 'utf8'));
      } catch {
        // no report: the run crashed before afterAll
      }
      console.log(`fuzz: job ${index} finished (exit ${code}) after ${((Date.now() - started) / 1000).toFixed(0)} s`);
      done({ index, code, output, data });
    });
  });
}

const results = await Promise.all(Array.from({ length: jobs }, (_, i) => runJob(i)));
const seconds = (Date.now() - started) / 1000;

const properties = {};
const violations = {};
let cases = 0;
for (const { data } of results) {
  if (!data) continue;
  cases += data.cases;
  for (const [name, t] of Object.entries(data.properties)) {
    const sum = (properties[name] ??= { cases: 0, value: 0, invalid: 0, notAvailable: 0, ms: 0 });
    for (const key of Object.keys(sum)) sum[key] += t[key];
  }
  for (const [kind, v] of Object.entries(data.violations ?? {})) {
    const known = violations[kind];
    if (!known) violations[kind] = { ...v };
    else {
      known.count += v.count;
      if (v.example.length < known.example.length) Object.assign(known, { property: v.property, detail: v.detail, example: v.example });
    }
  }
}

const failedJobs = results.filter((r) => r.code !== 0 || !r.data);
const report = { runsPerProperty: perJob * jobs, jobs, seed: seed ?? null, seconds: Math.round(seconds), cases, properties, violations };
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2));

console.log(`\nfuzz: ${cases.toLocaleString('en-US')} cases in ${seconds.toFixed(0)} s (${jobs} job(s))`);
console.log('property            cases   value  #VALUE!    #N/A   ms/case');
for (const [name, t] of Object.entries(properties)) {
  if (name.includes(':')) continue; // the agreement property's and the whole-column test's own calls
  console.log(`${name.padEnd(16)}${String(t.cases).padStart(9)}${String(t.value).padStart(8)}${String(t.invalid).padStart(9)}${String(t.notAvailable).padStart(8)}${(t.ms / Math.max(1, t.cases)).toFixed(3).padStart(10)}`);
}
const kinds = Object.entries(violations).sort((a, b) => b[1].count - a[1].count);
if (kinds.length === 0) console.log('\nno violations');
for (const [kind, v] of kinds) {
  console.log(`\nVIOLATION ${kind} — ${v.count} case(s), first seen in ${v.property}\n  ${v.detail.split('\n')[0]}\n  smallest example: ${v.example}`);
}
for (const job of failedJobs) {
  if (kinds.length > 0 && job.data) continue; // the violations above explain the exit code
  console.log(`\njob ${job.index} exited with ${job.code}:\n${job.output.slice(-4000)}`);
}
console.log(`\nreport: ${out}`);
rmSync(work, { recursive: true, force: true });
process.exit(kinds.length > 0 || failedJobs.length > 0 ? 1 : 0);
