/**
 * township2022 per unit: the core's numbers-only path (quickScores, what ASSESS.SCORE runs) vs the
 * straight-line floor (bench/straight-township.ts) and json-rules-engine (bench/jre-township.ts),
 * from the same cells, in one process of its own: the other sections' rulesets would otherwise
 * leave the JIT's type feedback shaped by five rulesets' cells, which no SCORE call sees.
 */
import { readUnits } from '../src/core/input';
import { quickScores } from '../src/core/quick';
import { scoreRecord } from '../src/core/score';
import { builtInRuleset } from '../src/rulesets';
import { type Figure, consume, counts, median, timeAsync, timeSync, QUICK } from './common';
import { scoreWithEngine, townshipEngine, townshipRules } from './jre-township';
import { COLUMNS, scoreTownshipRow } from './straight-township';
import { randomUnits, unitTable } from './units';

const SECTION = 'township';
const UNITS = 10_000;

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const c = counts({ warmup: 3, runs: 9 });
  // township2022: core vs the straight-line floor vs json-rules-engine, per unit from the same cells.
  const rs = builtInRuleset('township2022');
  const units = randomUnits(rs, UNITS, 2022);
  const table = unitTable(rs, units, { columns: COLUMNS, lead: false });
  const rows = table.slice(1);

  // Identical scores first: every unit of the 10k.
  const records = readUnits(rs, table);
  let mismatches = 0;
  let firstMismatch = '';
  records.forEach((record, i) => {
    const core = scoreRecord(rs, record).scoreMicros;
    const straight = scoreTownshipRow(rows[i]);
    if (core !== straight) {
      mismatches++;
      if (!firstMismatch) firstMismatch = `unit ${i + 1}: core ${core}, straight ${straight}: ${JSON.stringify(rows[i])}`;
    }
  });
  if (mismatches > 0) throw new Error(`straight-line scorer disagrees with the core on ${mismatches} of ${UNITS} units; first: ${firstMismatch}`);

  const engine = townshipEngine();
  const sample = QUICK ? 200 : 1000;
  for (let i = 0; i < sample; i++) {
    const core = scoreRecord(rs, records[i]).scoreMicros;
    const jre = await scoreWithEngine(engine, rows[i]);
    if (core !== jre) throw new Error(`json-rules-engine disagrees with the core on unit ${i + 1}: core ${core}, engine ${jre}: ${JSON.stringify(rows[i])}`);
  }

  // Per unit: what ASSESS.SCORE does — the numbers-only path straight from the cells (quickScores),
  // falling back to readUnits + scoreRecord only for cells that need an error or the full reader.
  const quick = quickScores(rs, table);
  if (!quick || quick.scores.length !== UNITS) throw new Error(`quickScores took the full path on the bench table (${quick?.scores.length ?? 'undefined'})`);
  quick.scores.forEach((micros, i) => {
    if (micros !== scoreTownshipRow(rows[i])) throw new Error(`quickScores disagrees with the straight-line scorer on unit ${i + 1}: ${micros}`);
  });
  const core = () => {
    const scores = quickScores(rs, table);
    consume(scores ? scores.scores.length : 0);
  };
  // For context: the full reader and scorer (records, positions), numbers only.
  const coreFull = () => {
    let sum = 0;
    for (const record of readUnits(rs, table)) sum += scoreRecord(rs, record, { explain: false }).scoreMicros;
    consume(sum);
  };
  const straight = () => {
    let sum = 0;
    for (const row of rows) sum += scoreTownshipRow(row);
    consume(sum);
  };
  // The floor is ~µs per 10k units: repeat it so each sample is long enough to time.
  const STRAIGHT_REPS = 50;
  const straightRepeated = () => {
    for (let k = 0; k < STRAIGHT_REPS; k++) straight();
  };
  const CORE_REPS = 10;
  const coreRepeated = () => {
    for (let k = 0; k < CORE_REPS; k++) core();
  };

  // Interleave the rounds so both see the same machine state.
  const rounds = c.runs;
  const coreTimes: number[] = [];
  const straightTimes: number[] = [];
  const fullTimes: number[] = [];
  for (let i = 0; i < c.warmup; i++) {
    coreRepeated();
    straightRepeated();
    coreFull();
  }
  for (let i = 0; i < rounds; i++) {
    coreTimes.push(timeSync(coreRepeated, { warmup: 0, runs: 1 })[0] / CORE_REPS);
    straightTimes.push(timeSync(straightRepeated, { warmup: 0, runs: 1 })[0] / STRAIGHT_REPS);
    fullTimes.push(timeSync(coreFull, { warmup: 0, runs: 1 })[0]);
  }
  const coreMs = median(coreTimes);
  const straightMs = median(straightTimes);
  const fullMs = median(fullTimes);

  // json-rules-engine is slow: time a slice of the units and scale.
  const jreUnits = QUICK ? 300 : 2000;
  const jreRows = rows.slice(0, jreUnits);
  const jreTimes = await timeAsync(
    async () => {
      let sum = 0;
      for (const row of jreRows) sum += await scoreWithEngine(engine, row);
      consume(sum);
    },
    counts({ warmup: 1, runs: 5 }, { warmup: 1, runs: 2 }),
  );
  const jreMsPerUnit = median(jreTimes) / jreUnits;
  const coreMsPerUnit = coreMs / UNITS;

  const rate = (msPerUnit: number) => 1000 / msPerUnit;
  figures.push({
    section: SECTION,
    name: 'township2022 core per unit (quickScores: cells → score, what SCORE does)',
    value: rate(coreMsPerUnit),
    unit: 'units/s',
    detail: `${UNITS} units; median of ${rounds} × ${CORE_REPS} passes; identical scores to the floor on all ${UNITS}; the full reader and scorer (readUnits + scoreRecord, numbers only) takes ${fullMs.toFixed(1)} ms, ${(fullMs / coreMs).toFixed(1)}× this`,
  });
  figures.push({
    section: SECTION,
    name: 'township2022 straight-line floor (same cells → score)',
    value: rate(straightMs / UNITS),
    unit: 'units/s',
    detail: `identical scores on all ${UNITS} units; median of ${rounds} × ${STRAIGHT_REPS} passes`,
  });
  const vsStraight = coreMs / straightMs;
  figures.push({
    section: SECTION,
    name: 'township2022 core ÷ straight-line (time ratio)',
    value: vsStraight,
    unit: '× slower',
    goal: '≤ 3×',
    met: vsStraight <= 3,
    whyMissed:
      'profiled with node --cpu-prof on this section: about half the time reads cells — the checks the floor does not make ' +
      '(empty or not, a count must be a whole number 0–1,000,000, a flag 0/1, points with at most 6 decimals, a rate scaled ' +
      'exactly) — and about half runs the kernel over the items and their occurrences in typed arrays; the floor reads each ' +
      'cell with one typeof and has every constant inlined. Done so far: the numbers-only path (quickScores), the kernel over ' +
      'typed arrays shared with scoreRecord, NaN for empty stored values (unboxed doubles), number fast paths in the readers, ' +
      'item kinds compared by identity, overflow checks by comparison (26.6× before this session). What remains is the ' +
      'price of rules being data: closing it would mean generating code per ruleset, which the security rules (no eval, no ' +
      'new Function) exclude.',
  });
  figures.push({
    section: SECTION,
    name: 'township2022 json-rules-engine (facts → events → points)',
    value: rate(jreMsPerUnit),
    unit: 'units/s',
    detail: `${townshipRules().length} rules; identical scores on a ${sample}-unit sample; ${jreUnits} units per run, median of ${jreTimes.length} after 1 warm-up`,
  });
  const vsJre = jreMsPerUnit / coreMsPerUnit;
  figures.push({
    section: SECTION,
    name: 'township2022 core speed-up over json-rules-engine',
    value: vsJre,
    unit: '× faster',
    goal: '≥ 100×',
    met: vsJre >= 100,
  });
  return figures;
}
