/**
 * Core throughput per built-in ruleset: read cells and score a batch (ranks, levels), as the CLI
 * and the task pane do. The township2022 ratios are in bench/township.ts (their own process).
 */
import type { Cell } from '../src/core/cells';
import { scoreBatch } from '../src/core/batch';
import { readUnits } from '../src/core/input';
import { BUILT_IN_IDS, builtInRuleset } from '../src/rulesets';
import { type Figure, consume, counts, median, spread, timeSync } from './common';
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

  return figures;
}
