/**
 * township2022 per unit: the core's numbers-only path (quickScores, what ASSESS.SCORE runs) vs the
 * straight-line floor (bench/straight-township.ts) and json-rules-engine (bench/jre-township.ts),
 * from the same cells, in one process of its own: the other sections' rulesets would otherwise
 * leave the JIT's type feedback shaped by five rulesets' cells, which no SCORE call sees.
 */
import { readUnits } from '../src/core/input';
import { quickScores } from '../src/core/quick';
import { scoreRecord } from '../src/core/score';
import { score as assessScore } from '../src/functions/implementation';
import { builtInRuleset } from '../src/rulesets';
import { type Figure, collect, consume, counts, median, now, timeAsync, timeSync, QUICK } from './common';
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
  const pairedRatios = coreTimes.map((ms, i) => ms / straightTimes[i]);

  // One =ASSESS.SCORE call on a township row, as HyperFormula makes it (B2:AT2, "township2022",
  // B$1:AT$1): the row, the ruleset cell and the header as new arrays every call (made before the
  // clock starts), every one of the 10,000 rows once per round.
  const header = table[0];
  const callArgs = () => rows.map((row) => ({ data: [row.slice()], ruleset: [['township2022']], headers: [header.slice()] }));
  rows.forEach((row, i) => {
    const micros = Math.round(Number(assessScore([row.slice()], [['township2022']], [header.slice()])) * 1_000_000);
    if (micros !== scoreTownshipRow(row)) throw new Error(`ASSESS.SCORE disagrees with the straight-line scorer on unit ${i + 1}: ${micros}`);
  });
  const callTimes: number[] = [];
  for (let i = 0; i < c.warmup + rounds; i++) {
    const args = callArgs();
    collect();
    const start = now();
    let sum = 0;
    for (const a of args) sum += assessScore(a.data, a.ruleset, a.headers) as number;
    const ms = now() - start;
    consume(sum);
    if (i >= c.warmup) callTimes.push((ms * 1000) / UNITS);
  }
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
  const vsStraight = median(pairedRatios);
  figures.push({
    section: SECTION,
    name: 'township2022 core ÷ straight-line (time ratio)',
    value: vsStraight,
    unit: '× slower',
    goal: '≤ 3×',
    met: vsStraight <= 3,
    detail: `paired per round (quickScores then the floor, ${rounds} rounds): median ${vsStraight.toFixed(2)}, min ${Math.min(...pairedRatios).toFixed(2)}`,
    whyMissed:
      'profiled with node --cpu-prof on quickScores alone (issue 23): about a third of the time is the kernel (kernel.ts ' +
      'magnitudesInto and totalsOf over the items and their occurrences in typed arrays), a sixth reading the item cells run by ' +
      'run (src/core/quick.ts readRow), the rest quickScores\' own loop (telling a unit row from sign-off, 合计 and section rows, ' +
      'the unit name key and the repeat check, pushing the score). Done in issue 23: one compiled header plan per (ruleset, header ' +
      'cells) found without a serialised key (src/core/plan.ts), item cells in same-kind runs with the number checks inline, ' +
      'plain unit names classified and keyed without normalising, repeats found in a reused hash table. What ≤ 1.5× would take: ' +
      'the kernel specialised per item kind (runs of one-count deductions as points − count × step in one loop, as the floor ' +
      'does), totals without a result object per row, and no per-row classification when the plan knows the unit column holds ' +
      'only names — each a change to kernel.ts (issue 21\'s file this session).',
  });
  const callUs = median(callTimes);
  figures.push({
    section: SECTION,
    name: 'one =ASSESS.SCORE call on a township2022 row (new argument arrays, as HyperFormula passes them)',
    value: callUs,
    unit: 'µs',
    goal: '≤ 2 µs',
    met: callUs <= 2,
    detail: `median of ${rounds} rounds × ${UNITS} rows (min ${Math.min(...callTimes).toFixed(2)} µs); identical scores to the floor on all ${UNITS}; was 25.8 µs (70% building a JSON key for the column plan, twice a call)`,
    whyMissed:
      'profiled with node --cpu-prof: what is left is quickScores on one row (the kernel and reading 45 cells, about half), ' +
      'asMatrix copying error objects out of the row (a pass over its cells), the header compared with the cached plan\'s cells ' +
      'three times (refuseErrorLabels, quickScores, the item-column check) and the ruleset and headers arguments.',
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
