/**
 * Issue 23: `assess score` lets units' explanations go only where the output shows none (table,
 * CSV); the JSON keeps each unit's item points (0f0214a had the switch inverted: the JSON came out
 * with empty items and the table path kept every explanation).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run';

let dir = '';
// chengdu2006 worked by hand (as test/cli/cli.test.ts): 锦江区 9.1 = 5; 9.3 = 6 × 0.5 = 3 → cap 2 (第九條(三));
// 9.4.national = 3 × 1.5 = 4.5 → group cap 4; 10.5 = 1 × 5 = 5 (a deduction) → 70 + 11 − 5 = 76.
const CSV = '单位,9.1,9.3,9.4.national,10.5\n锦江区,5,6,3,1\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-explanations-'));
  writeFileSync(join(dir, 'chengdu.csv'), CSV);
}, 60_000);

describe('assess score keeps what its output shows (issue 23)', () => {
  it('--format json: each unit with its item points', async () => {
    const result = await runCli(['score', join(dir, 'chengdu.csv'), '--rules', 'chengdu2006', '--format', 'json']);
    expect(result.status).toBe(0);
    const unit = JSON.parse(result.stdout).units[0] as { score: number; items: Record<string, number> };
    expect(unit.score).toBe(76);
    expect(unit.items['9.1']).toBe(5);
    expect(unit.items['9.3']).toBe(2);
    expect(unit.items['10.5']).toBe(-5);
  });

  it('the table shows the same score', async () => {
    const result = await runCli(['score', join(dir, 'chengdu.csv'), '--rules', 'chengdu2006']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/锦江区\s+76\b/);
  });
});
