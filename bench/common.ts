/**
 * Shared by the benchmark sections: the figure record every section reports, timing helpers
 * (warm-up, then the median of several runs) and a seeded random source so every run measures
 * the same units.
 */
import { performance } from 'node:perf_hooks';

export interface Figure {
  section: string;
  name: string;
  /** The measured number (NaN when it could not be measured). */
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "≤ 3×"; empty when the figure has none. */
  goal?: string;
  /** Whether the goal is met; undefined for figures without a goal. */
  met?: boolean;
  /** How it was measured (runs, sizes, spread). */
  detail?: string;
  /** When the goal is missed: what the profile shows and what was done (BENCHMARKS.md lists it). */
  whyMissed?: string;
}

export interface RunCounts {
  warmup: number;
  runs: number;
}

/** `--quick` (or BENCH_QUICK=1) trims counts for a fast smoke run; the recorded run uses the full counts. */
export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

export function counts(full: RunCounts, quick: RunCounts = { warmup: 1, runs: 3 }): RunCounts {
  return QUICK ? quick : full;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** min–max spread as a short text, for the detail column. */
export function spread(values: readonly number[], digits = 1): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `${sorted[0].toFixed(digits)}–${sorted[sorted.length - 1].toFixed(digits)}`;
}

export function now(): number {
  return performance.now();
}

/**
 * A full GC before each timed run (node --expose-gc, as bench/run.ts starts its sections), so the
 * garbage of one run is not collected inside the next, or inside another contender's run.
 */
export function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Runs `body` warmup times unmeasured, then `runs` times measured; returns the durations in ms. */
export function timeSync(body: () => void, { warmup, runs }: RunCounts): number[] {
  for (let i = 0; i < warmup; i++) body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const start = now();
    body();
    times.push(now() - start);
  }
  return times;
}

export async function timeAsync(body: () => Promise<void>, { warmup, runs }: RunCounts): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const start = now();
    await body();
    times.push(now() - start);
  }
  return times;
}

/** mulberry32: a small seeded generator, so the units are the same on every run and machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Keeps results alive so the JIT cannot drop the work being measured. */
export let sink = 0;
export function consume(value: number): void {
  sink = (sink + value) | 0;
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}
