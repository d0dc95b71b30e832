/**
 * Core throughput per built-in ruleset, and for township2022 the ratios against the straight-line
 * floor (bench/straight-township.ts) and json-rules-engine (bench/jre-township.ts), all in one
 * process and one run.
 */
import type { Cell } from '../src/core/cells';
import { scoreBatch } from '../src/core/batch';
import { readUnits } from '../src/core/input';
import { quickScores } from '../src/core/quick';
import { scoreRecord } from '../src/core/score';
import { BUILT_IN_IDS, builtInRuleset } from '../src/rulesets';
import { type Figure, consume, counts, median, spread, timeAsync, timeSync, QUICK } from './common';
import { scoreWithEngine, townshipEngine, townshipRules } from './jre-township';
import { COLUMNS, scoreTownshipRow } from './straight-township';
import { randomUnits, unitTable } from './units';

const SECTION = 'core';
const UNITS = 10_000;

/** The core on a sheet of units, as the CLI and the task pane use it: read cells, score the batch (ranks, levels). */
function coreBatch(id: string, table: Cell[][]): number {
  const rs = builtInRuleset(id);
  const batch = scoreBatch(rs, readUnits(rs, table));
  return batch.units.length;
}

export async function run(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const c = counts({ warmup: 3, runs: 9 });

  // 1. Throughput per ruleset: 10,000 units read from cells and scored as a batch.
  for (const id of BUILT_IN_IDS) {
    const rs = builtInRuleset(id); // compiled once
    const table = unitTable(rs, randomUnits(rs, UNITS, 1000 + id.length));
    const times = timeSync(() => consume(coreBatch(id, table)), c);
    const ms = median(times);
    figures.push({
      section: SECTION,
      name: `core throughput ${id} (read cells + scoreBatch)`,
      value: (UNITS / ms) * 1000,
      unit: 'units/s',
      detail: `${UNITS} units × ${rs.items.filter((i) => i.isInput).length || 5} columns; median of ${c.runs} after ${c.warmup} warm-up; ${spread(times)} ms per batch`,
    });
  }

  // 2. township2022: core vs the straight-line floor vs json-rules-engine, per unit from the same cells.
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
