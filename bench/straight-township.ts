/**
 * The floor for township2022: its scoring rules written out by hand as straight-line code — no
 * ruleset data, no loops over items, no explanation — in the same exact scaled integers
 * (millionths of a point) as the core. It reads a row in a fixed column order (COLUMNS after the
 * unit name) holding what bench/units.ts generates: numbers (counts, points, rates as fractions,
 * ranks), 1/0 flags, or empty cells.
 */
import type { Cell } from '../src/core/cells';

const M = 1_000_000;

/** Item columns in the order this scorer reads them, after the unit name in column 0. */
export const COLUMNS = [
  '1.1', '1.2', '1.3', '1.4.missing', '1.4.unexecuted', '2.1', '2.2', '3.1', '3.2', '3.3.late', '3.3.overdue',
  '3.4', '3.5', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14', '3.15',
  '4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '5.1',
  '5.2.discipline', '5.2.late', '5.2.absent', '5.2.video', '5.2.closed', '5.3', '5.4', '5.5.sensitive', '5.5.review',
  '5.6', '5.7', '5.8', '5.9.issue', '5.9.nosystem', '6.1',
];

/** A count: empty is 0. */
function n(cell: Cell): number {
  return typeof cell === 'number' ? cell : 0;
}

/** Points scored by hand within [0, max]; empty is unscored, 0. */
function judged(cell: Cell, max: number): number {
  if (typeof cell !== 'number') return 0;
  const micros = Math.round(cell * M);
  return micros > max ? max : micros < 0 ? 0 : micros;
}

/** 分值 minus step per finding, never below 0 (直至扣完本项得分). */
function deduct(points: number, step: number, findings: number): number {
  const left = points - findings * step;
  return left > 0 ? left : 0;
}

/** A rate as a fraction → micro-percentage-points, rounded up (exact for up to 8 decimals). */
function microPercent(fraction: number): number {
  const scaled = fraction * 100_000_000;
  const nearest = Math.round(scaled);
  return Math.abs(scaled - nearest) < 1e-6 ? nearest : Math.ceil(scaled);
}

/** points − step per full `per` below 100%, not below 0; empty is unscored, 0. */
function rate(cell: Cell, points: number, step: number, per: number): number {
  if (typeof cell !== 'number') return 0;
  const steps = Math.floor((100_000_000 - microPercent(cell)) / per);
  const left = points - steps * step;
  return left > 0 ? left : 0;
}

/** Score of one township row, in micros. */
export function scoreTownshipRow(r: Cell[]): number {
  let s = 0;
  s += judged(r[1], 3 * M); // 1.1 规范场所建设 (0–3)
  s += deduct(2 * M, 500_000, n(r[2])); // 1.2 −0.5 per inconsistency
  s += deduct(2 * M, 2 * M, n(r[3])); // 1.3 −2 per missing window
  s += deduct(2 * M, n(r[4]) * 500_000 + n(r[5]) * 500_000, 1); // 1.4 −0.5 missing, −0.5 unexecuted
  s += deduct(2 * M, 500_000, n(r[6])); // 2.1
  s += deduct(2 * M, M, n(r[7])); // 2.2
  // 3.1 rank: 4 − 0.2 × (rank − 1), at least 0.2; no rank → 0
  if (typeof r[8] === 'number') s += Math.max(4 * M - (r[8] - 1) * 200_000, 200_000);
  s += deduct(2 * M, 500_000, n(r[9])); // 3.2
  s += deduct(4 * M, n(r[10]) * 300_000 + n(r[11]) * M, 1); // 3.3 −0.3 late, −1 overdue
  s += deduct(M, 200_000, n(r[12])); // 3.4
  s += deduct(3 * M, M, n(r[13])); // 3.5
  s += deduct(5 * M, 500_000, n(r[14])); // 3.6
  s += deduct(M, 200_000, n(r[15])); // 3.7
  s += deduct(4 * M, 200_000, n(r[16])); // 3.8
  s += rate(r[17], 2 * M, 200_000, M); // 3.9 归档率: −0.2 per point under 100%
  s += deduct(2 * M, 500_000, n(r[18])); // 3.10
  s += deduct(5 * M, 500_000, n(r[19])); // 3.11
  s += deduct(M, 100_000, n(r[20])); // 3.12
  s += deduct(M, 100_000, n(r[21])); // 3.13
  s += deduct(5 * M, M, n(r[22])); // 3.14
  s += deduct(5 * M, M, n(r[23])); // 3.15
  s += deduct(M, 500_000, n(r[24])); // 4.1
  s += deduct(3 * M, 500_000, n(r[25])); // 4.2
  s += deduct(2 * M, 2 * M, n(r[26])); // 4.3
  s += deduct(3 * M, M, n(r[27])); // 4.4
  s += deduct(5 * M, M, n(r[28])); // 4.5
  s += judged(r[29], 3 * M); // 4.6 (0–3)
  s += judged(r[30], M); // 5.1 (0–1)
  // 5.2 工作纪律: −0.5 discipline, −0.5 late, −1 absent, −2 video, −2 closed
  s += deduct(3 * M, n(r[31]) * 500_000 + n(r[32]) * 500_000 + n(r[33]) * M + n(r[34]) * 2 * M + n(r[35]) * 2 * M, 1);
  s += rate(r[36], 2 * M, 200_000, 10_000); // 5.3 −0.2 per 0.01 point under 100%
  s += rate(r[37], 3 * M, 300_000, M); // 5.4 −0.3 per point under 100%
  s += deduct(2 * M, n(r[38]) * 500_000 + n(r[39]) * M, 1); // 5.5 −0.5 sensitive, −1 review
  s += judged(r[40], 3 * M); // 5.6 (0–3)
  if (r[41] === 1) s += 2 * M; // 5.7 优秀 +2
  s += deduct(4 * M, 500_000, n(r[42])); // 5.8
  // 5.9: −0.5 per issue (at most −2), −1 without a system
  s += deduct(2 * M, Math.min(n(r[43]) * 500_000, 2 * M) + (r[44] === 1 ? M : 0), 1);
  if (r[45] === 1) s += 3 * M; // 6.1 创新 +3
  return s;
}
