#!/usr/bin/env node
/**
 * Large fuzz runs of the ASSESS functions (test/fuzz/functions.fuzz.test.ts).
 *
 *   node scripts/fuzz.mjs [--runs N] [--jobs J] [--seed S] [--out FILE] [--stop]
 *                         [--reader-runs R] [--readers-only]
 *
 *   --runs N   cases per property in all (default 100000; the suite has 12 properties, so
 *              12 × N cases), split across the jobs; IDENTITY is the unit-identity property:
 *              one unit under two spellings (alias, Traditional, invisible and bidi characters)
 *              or a 圈层 contradicting the ruleset, never a changed result with no finding
 *   --jobs J   parallel vitest processes (default: CPU count, at most 8)
 *   --seed S   base seed (job i uses S + i) to replay a run; random otherwise
 *   --out FILE combined JSON report (default test-output/fuzz-report.json)
 *   --stop     stop a property at its first violation and shrink it (default: collect every
 *              kind of violation with its count and smallest example, and keep going)
 *   --reader-runs R  cases per CLI reader property (default 1000, about 30 s; see below)
 *   --readers-only   only the CLI reader properties
 *
 * Then the CLI's file readers (src/cli/read-file.ts: .xlsx and CSV), in-process in worker
 * threads whose heap is capped at 256 MB (a reader that allocated without bound is reported as
 * a violation, never takes this process down): the example workbooks and CSV, corrupted by byte
 * flips, truncation, inserted, deleted and repeated bytes, are read, read into units and scored.
 *   xlsxBytes  the .xlsx file's bytes corrupted: refused (a UsageError naming the file), or read
 *              with exactly the original scores (every part is CRC-checked, so a changed score
 *              with no finding is a violation)
 *   xlsxXml    one XML part corrupted and the zip rebuilt with valid CRCs: refused, invalid
 *              (an AssessError) or read, never an internal error
 *   csvBytes   the CSV's bytes corrupted: likewise
 * In every property: no internal error (anything but UsageError/AssessError), no heap
 * exhaustion, no case over 20 s, and every refusal names the file.
 *
 * Exit code 0 when no property was violated. The same suite runs under plain vitest too:
 *   FUZZ_RUNS=100000 npx vitest run test/fuzz
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

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
const readerRuns = Number(option('reader-runs', '1000'));
const readersOnly = process.argv.includes('--readers-only');
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(jobs) || jobs < 1 || !Number.isInteger(readerRuns) || readerRuns < 0) {
  console.error('usage: node scripts/fuzz.mjs [--runs N] [--jobs J] [--seed S] [--out FILE] [--stop] [--reader-runs R] [--readers-only]');
  process.exit(2);
}

const work = join(root, 'test-output', `fuzz-${process.pid}`);
mkdirSync(work, { recursive: true });
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const perJob = Math.ceil(runs / jobs);
const started = Date.now();

if (!readersOnly) console.log(`fuzz: ${jobs} job(s) × ${perJob} runs per property${seed === undefined ? '' : `, seed ${seed}`}`);
if (readerRuns > 0) console.log(`fuzz: then ${readerRuns} cases per CLI reader property, in a worker with a 256 MB heap`);

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

const results = readersOnly ? [] : await Promise.all(Array.from({ length: jobs }, (_, i) => runJob(i)));
const readers = readerRuns > 0 ? await fuzzReaders() : null;
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

if (readers) {
  cases += readers.cases;
  for (const [kind, v] of Object.entries(readers.violations)) violations[kind] = v;
}

const failedJobs = results.filter((r) => r.code !== 0 || !r.data);
const report = { runsPerProperty: perJob * jobs, jobs, seed: seed ?? null, seconds: Math.round(seconds), cases, properties, readers: readers?.properties ?? null, violations };
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2));

console.log(`\nfuzz: ${cases.toLocaleString('en-US')} cases in ${seconds.toFixed(0)} s (${jobs} job(s))`);
console.log('property            cases   value  #VALUE!    #N/A   ms/case');
for (const [name, t] of Object.entries(properties)) {
  if (name.includes(':')) continue; // the agreement property's and the whole-column test's own calls
  console.log(`${name.padEnd(16)}${String(t.cases).padStart(9)}${String(t.value).padStart(8)}${String(t.invalid).padStart(9)}${String(t.notAvailable).padStart(8)}${(t.ms / Math.max(1, t.cases)).toFixed(3).padStart(10)}`);
}
if (readers) {
  console.log('\nCLI readers         cases    same changed refused invalid   ms/case');
  for (const [name, t] of Object.entries(readers.properties)) {
    console.log(`${name.padEnd(16)}${String(t.cases).padStart(9)}${String(t.same).padStart(8)}${String(t.changed).padStart(8)}${String(t.refused).padStart(8)}${String(t.invalid).padStart(8)}${(t.ms / Math.max(1, t.cases)).toFixed(1).padStart(10)}`);
  }
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

/**
 * The CLI reader properties (see the header). The worker is src/cli's readers and the core
 * bundled by esbuild; each case writes the corrupted file, reads and scores it, and reports.
 */
async function fuzzReaders() {
  const { build } = await import('esbuild');
  const dir = join(work, 'readers');
  const kept = join(root, 'test-output', 'fuzz-readers');
  mkdirSync(dir, { recursive: true });
  mkdirSync(kept, { recursive: true });
  const bundle = join(dir, 'worker.mjs');
  await build({
    stdin: { contents: readerWorker(), resolveDir: root, loader: 'ts', sourcefile: 'reader-worker.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    target: 'node20',
    outfile: bundle,
    logLevel: 'warning',
  });
  const bases = [
    { file: 'examples/chengdu2006.xlsx', rules: 'chengdu2006' },
    { file: 'examples/county2013.xlsx', rules: 'county2013' },
    { file: 'examples/county2013.xlsx', rules: 'county2013', sheet: '台账' },
    { file: 'examples/govinfo.xlsx', rules: 'govinfo' },
    { file: 'examples/tacheng2020.xlsx', rules: 'tacheng2020' },
    { file: 'examples/township2022.xlsx', rules: 'township2022' },
    { file: 'examples/chengdu2006.csv', rules: 'chengdu2006' },
  ].map((b) => ({ ...b, path: join(root, b.file) }));
  const baseSeed = seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seed);
  const properties = {};
  const violations = {};
  const violation = (kind, property, detail, example) => {
    const known = violations[kind];
    if (known) known.count++;
    else violations[kind] = { count: 1, property, detail, example };
  };
  let total = 0;
  for (const property of ['xlsxBytes', 'xlsxXml', 'csvBytes']) {
    const stats = (properties[property] = { cases: 0, same: 0, changed: 0, refused: 0, invalid: 0, ms: 0 });
    let next = 0;
    while (next < readerRuns) {
      // One worker until it finishes or dies; a death (heap, hang) is a violation of its case, then a fresh worker goes on.
      const before = next;
      next = await new Promise((done) => {
        let current = null;
        let timer = null;
        let at = next;
        const worker = new Worker(bundle, {
          workerData: { property, bases, from: next, to: readerRuns, seed: baseSeed + total, dir, kept },
          resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
          stdout: true,
          stderr: true,
        });
        const arm = () => {
          clearTimeout(timer);
          timer = setTimeout(() => {
            violation('reader-slow', property, `case ${current?.index} took more than 20 s: ${current?.how}`, current?.kept ?? '');
            worker.terminate();
          }, 20_000);
        };
        worker.on('message', (m) => {
          if (m.type === 'start') {
            current = m;
            arm();
            return;
          }
          if (m.type !== 'done') return;
          at = m.index + 1;
          stats.cases++;
          stats[m.outcome]++;
          stats.ms += m.ms;
          for (const v of m.violations) violation(v.kind, property, v.detail, v.example);
        });
        worker.on('error', (error) => {
          const kind = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'reader-heap-exhausted' : 'reader-worker-crashed';
          violation(kind, property, `case ${current?.index}: ${current?.how}: ${error.message}`, current?.kept ?? '');
        });
        worker.on('exit', () => {
          clearTimeout(timer);
          // A case that did not finish is skipped, with its violation recorded above.
          done(current && current.index >= at ? current.index + 1 : at);
        });
      });
      if (next === before) {
        violation('reader-worker-crashed', property, 'the worker stopped before its first case', '');
        break;
      }
    }
    total += readerRuns;
    console.log(`fuzz: CLI readers ${property}: ${stats.cases} cases after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  return { cases: total, properties, violations };
}

/** The worker: TypeScript, bundled with the readers and the core by esbuild at run time. */
function readerWorker() {
  return String.raw`
import { mkdirSync, writeFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import yauzl from 'yauzl';
import { UsageError, loadRuleset, readTableFile } from './src/cli/read-file';
import { scoreBatch } from './src/core/batch';
import { AssessError } from './src/core/errors';
import { readUnits } from './src/core/input';
import { zip } from './test/cli/read-fixtures';

interface Base { file: string; path: string; rules: string; sheet?: string }
const { property, bases, from, to, seed, dir, kept } = workerData as { property: string; bases: Base[]; from: number; to: number; seed: number; dir: string; kept: string };

function random(a: number): () => number {
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Flips, truncation, inserted, deleted or repeated bytes; the description says which. */
function corrupt(bytes: Buffer, rnd: () => number): { data: Buffer; how: string } {
  const at = () => Math.floor(rnd() * bytes.length);
  const n = 1 + Math.floor(rnd() * (rnd() < 0.8 ? 4 : 64));
  switch (Math.floor(rnd() * 5)) {
    case 0: {
      const data = Buffer.from(bytes);
      const where: number[] = [];
      for (let k = 0; k < n; k++) {
        const i = at();
        data[i] ^= 1 + Math.floor(rnd() * 255);
        where.push(i);
      }
      return { data, how: 'flipped bytes at ' + where.join(',') };
    }
    case 1: {
      const len = at();
      return { data: bytes.subarray(0, len), how: 'truncated to ' + len + ' bytes' };
    }
    case 2: {
      const i = at();
      const extra = Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
      return { data: Buffer.concat([bytes.subarray(0, i), extra, bytes.subarray(i)]), how: 'inserted ' + n + ' bytes at ' + i };
    }
    case 3: {
      const i = at();
      return { data: Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + n)]), how: 'deleted ' + n + ' bytes at ' + i };
    }
    default: {
      const i = at();
      const piece = bytes.subarray(i, i + n * 16);
      const times = 1 + Math.floor(rnd() * 1000);
      return { data: Buffer.concat([bytes.subarray(0, i), ...Array(times).fill(piece), bytes.subarray(i)]), how: 'repeated ' + piece.length + ' bytes ' + times + ' times at ' + i };
    }
  }
}

async function partsOf(path: string): Promise<Array<{ name: string; data: Buffer }>> {
  const z = await yauzl.openPromise(path);
  const parts: Array<{ name: string; data: Buffer }> = [];
  for await (const entry of z.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await z.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    parts.push({ name: entry.fileName, data: Buffer.concat(chunks) });
  }
  z.close();
  return parts;
}

async function score(path: string, base: Base): Promise<Array<{ unit: string; score: number; findings: number }>> {
  const rs = await loadRuleset(base.rules);
  const { table, merges } = await readTableFile(path, base.sheet);
  return scoreBatch(rs, readUnits(rs, table, { merges })).units.map((u) => ({ unit: u.unit, score: u.score, findings: u.findings.length }));
}

const key = (units: Array<{ unit: string; score: number }>) => JSON.stringify(units.map((u) => [u.unit, u.score]));

const wanted = bases.filter((b) => (property === 'csvBytes' ? b.file.endsWith('.csv') : b.file.endsWith('.xlsx')));
const baselines = await Promise.all(wanted.map(async (b) => key(await score(b.path, b))));
const parts = property === 'xlsxXml' ? await Promise.all(wanted.map((b) => partsOf(b.path))) : [];
const originals = wanted.map((b) => readFileSync(b.path));
mkdirSync(dir, { recursive: true });

for (let index = from; index < to; index++) {
  const rnd = random(seed * 7919 + index);
  const which = Math.floor(rnd() * wanted.length);
  const base = wanted[which];
  let data: Buffer;
  let how: string;
  if (property === 'xlsxXml') {
    const xml = parts[which].filter((p) => p.name.endsWith('.xml') || p.name.endsWith('.rels'));
    const part = xml[Math.floor(rnd() * xml.length)];
    const changed = corrupt(part.data, rnd);
    data = zip(parts[which].map((p) => (p === part ? { name: p.name, data: changed.data } : { name: p.name, data: p.data })));
    how = base.file + (base.sheet ? ' --sheet ' + base.sheet : '') + ': ' + part.name + ' ' + changed.how;
  } else {
    const changed = corrupt(originals[which], rnd);
    data = changed.data;
    how = base.file + (base.sheet ? ' --sheet ' + base.sheet : '') + ': ' + changed.how;
  }
  const path = join(dir, 'case-' + index + (base.file.endsWith('.csv') ? '.csv' : '.xlsx'));
  writeFileSync(path, data);
  const keep = (kind: string) => {
    const file = join(kept, property + '-' + kind + '-' + index + (base.file.endsWith('.csv') ? '.csv' : '.xlsx'));
    copyFileSync(path, file);
    return file + ' (' + how + ')';
  };
  parentPort!.postMessage({ type: 'start', index, how, kept: path + ' (' + how + ')' });
  const started = performance.now();
  const violations: Array<{ kind: string; detail: string; example: string }> = [];
  let outcome = 'same';
  try {
    const units = await score(path, base);
    if (key(units) !== baselines[which]) {
      outcome = 'changed';
      if (property === 'xlsxBytes' && !units.some((u) => u.findings > 0)) {
        violations.push({ kind: 'xlsx-changed-score-no-finding', detail: how + ': ' + key(units).slice(0, 300), example: keep('changed') });
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      outcome = 'refused';
      if (!error.zh.includes(path) || !error.en.includes(path)) violations.push({ kind: 'refusal-without-file-name', detail: how + ': ' + error.message.slice(0, 300), example: keep('noname') });
    } else if (error instanceof AssessError) outcome = 'invalid';
    else {
      outcome = 'refused';
      const e = error as Error;
      violations.push({ kind: 'reader-internal-error: ' + String(e?.message ?? e).slice(0, 80), detail: how + ': ' + String(e?.stack ?? e).split('\n').slice(0, 4).join(' | '), example: keep('internal') });
    }
  }
  parentPort!.postMessage({ type: 'done', index, outcome, ms: performance.now() - started, violations });
}
`;
}
