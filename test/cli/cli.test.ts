/**
 * The `assess` command as a user runs it: the built bundle in a child process, real files
 * (UTF-8, UTF-8 with BOM, GBK), exit codes and messages.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as runProgram, runCli } from '../support/run';

const root = new URL('../../', import.meta.url).pathname;
let dir = '';

async function run(args: string[]) {
  const result = await runCli(args);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// chengdu2006, worked by hand:
// 锦江区: 9.1 = 5; 9.3 = 6 × 0.5 = 3 → cap 2 (第九條(三)); 9.4.national = 3 × 1.5 = 4.5 → group cap 4 (第九條(四));
//         bonus 5 + 2 + 4 = 11; 10.5 = 1 × 5 = 5 → 70 + 11 − 5 = 76.
// 青羊区: 9.2 = 2.5 → bonus 2.5; 10.2 = 3 × 2 = 6 > bonus → deduction 2.5 (第十條(八)) → 70.
// Tier 1: 2 of the 6 units 第四條 lists → quota floor(30% × 6) = 1 → 锦江区 优秀 (第十一條(一); issue 10).
const CHENGDU_CSV = '单位,9.1,9.2,9.3,9.4.national,10.2,10.5\n锦江区,5,,6,3,,1\n青羊区,,2.5,,,3,\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assess-cli-'));
  writeFileSync(join(dir, 'chengdu.csv'), CHENGDU_CSV);
  writeFileSync(join(dir, 'chengdu-bom.csv'), '\ufeff' + CHENGDU_CSV);
  writeFileSync(join(dir, 'chengdu-gbk.csv'), iconv.encode(CHENGDU_CSV, 'gbk'));
}, 60_000);

describe('assess score', () => {
  for (const file of ['chengdu.csv', 'chengdu-bom.csv', 'chengdu-gbk.csv']) {
    it(`scores ${file} (json)`, async () => {
      const { code, stdout } = (await run(['score', join(dir, file), '--rules', 'chengdu2006', '--format', 'json']));
      expect(code).toBe(0);
      const out = JSON.parse(stdout);
      expect(out.ruleset).toBe('chengdu2006');
      expect(out.units.map((u: { unit: string; score: number; level: string | null; grade: null; reward: null }) => [u.unit, u.score, u.level, u.grade, u.reward])).toEqual([
        ['锦江区', 76, '优秀', null, null],
        ['青羊区', 70, null, null, null],
      ]);
    });
  }

  it('prints a table and CSV', async () => {
    const table = (await run(['score', join(dir, 'chengdu.csv'), '--rules', 'chengdu2006']));
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/锦江区\s+76\s+1/);
    const csv = (await run(['score', join(dir, 'chengdu.csv'), '--rules', 'chengdu2006', '--format', 'csv']));
    expect(csv.stdout.split('\n')[1]).toBe('锦江区,76,1,,优秀,,');
  });

  it('reads a ledger and applies 同一事项就高不就低', async () => {
    // county2013: B2.county and B2.province on the same matter count once at +5 (一、2);
    // B3.city twice (no same-matter rule) = +2; tasks empty = 100 → 100 + 7 = 107.
    const file = join(dir, 'ledger.csv');
    writeFileSync(file, 'unit,code,quantity,matter\n甲县,B2.county,1,表彰A\n甲县,B2.province,1,表彰A\n甲县,B3.city,2,\n');
    const out = JSON.parse((await run(['score', file, '--rules', 'county2013', '--format', 'json'])).stdout);
    expect(out.units[0]).toMatchObject({ unit: '甲县', score: 107 });
  });

  it('flags thresholds (govinfo 五(四))', async () => {
    // K8 = 1 (−100) and K1 = 1 (−20): deductions 120 ≥ 100 → 不得参评先进单位和先进个人; S1 = 是 (+20) → 20 − 120 = −100.
    const file = join(dir, 'govinfo.csv');
    writeFileSync(file, '单位,S1,K1,K8\n办公室,是,1,1\n');
    const out = JSON.parse((await run(['score', file, '--rules', 'govinfo', '--format', 'json'])).stdout);
    expect(out.units[0]).toMatchObject({ unit: '办公室', score: -100, reward: 0, grade: null, level: null });
    expect(out.units[0].flags).toEqual(['不得参评先进单位和先进个人']);
  });

  it('rejects a bad cell with a message naming unit, item and value, exit 1, no stack trace', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, '单位,9.3\n锦江区,-1\n');
    const { code, stdout, stderr } = (await run(['score', file, '--rules', 'chengdu2006']));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('锦江区');
    expect(stderr).toContain('9.3');
    expect(stderr).toContain('"-1"');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown header, an unknown ruleset and a missing file', async () => {
    const file = join(dir, 'unknown.csv');
    writeFileSync(file, '单位,9.99\n锦江区,1\n');
    const header = (await run(['score', file, '--rules', 'chengdu2006']));
    expect(header.code).toBe(1);
    expect(header.stderr).toContain('9.99');
    const ruleset = (await run(['score', file, '--rules', 'nosuch']));
    expect(ruleset.code).toBe(2);
    expect(ruleset.stderr).toContain('chengdu2006');
    const missing = (await run(['score', join(dir, 'nope.csv'), '--rules', 'chengdu2006']));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv');
    const usage = (await run(['score']));
    expect(usage.code).toBe(2);
  });
});

describe('assess check and rules', () => {
  it('check exits 3 on findings and 0 when clean', async () => {
    // govinfo: S2 = 8 and K2 = 5 months: 13 > 12 (三(一)2, 三(二)2) → finding.
    const bad = join(dir, 'months.csv');
    writeFileSync(bad, '单位,S2,K2\n办公室,8,5\n');
    const found = (await run(['check', bad, '--rules', 'govinfo']));
    expect(found.code).toBe(3);
    expect(found.stdout).toContain('S2+K2');
    const good = join(dir, 'months-ok.csv');
    writeFileSync(good, '单位,S2,K2\n办公室,8,2\n'); // 8 + 2 ≤ 12; K2 = 2 × 30 = 60 < 100: no threshold
    const clean = (await run(['check', good, '--rules', 'govinfo']));
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('通过');
  });

  it('rules lists the five built-in rulesets and shows items with clauses', async () => {
    const list = (await run(['rules']));
    expect(list.code).toBe(0);
    // A header row, then one row per ruleset, its id first (the tables themselves: rules-output.test.ts).
    expect(list.stdout.trim().split('\n').map((line) => line.split(/\s+/)[0])).toEqual(['编号', 'chengdu2006', 'county2013', 'tacheng2020', 'govinfo', 'township2022']);
    const items = (await run(['rules', 'chengdu2006']));
    expect(items.stdout).toMatch(/^9\.4\.city +调研文章在市级刊物发表 +计数 +加分 +0\.5 +9\.4 +第九条\(四\) +市級每篇加0\.5分$/m);
  });

  it('a name Object.prototype has is an unknown ruleset, for rules and for --rules (exit 2; issue 19.12)', async () => {
    const csv = join(dir, 'proto.csv');
    writeFileSync(csv, '单位,B1\n甲县,2\n');
    for (const name of ['constructor', '__proto__']) {
      for (const args of [['rules', name], ['score', csv, '--rules', name], ['check', csv, '--rules', name]]) {
        const result = (await run(args));
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toBe(`错误：没有名为「${name}」的内置规则集；可用：chengdu2006、county2013、tacheng2020、govinfo、township2022\nError: no built-in ruleset "${name}"; available: chengdu2006, county2013, tacheng2020, govinfo, township2022\n`);
      }
    }
  });

  it('stops quietly when the reader of its output goes away (assess rules … | head)', async () => {
    // `| true` closes the pipe at once: every write after that is EPIPE. The exit status is the CLI's own.
    const piped = await runProgram('bash', ['-c', `"${process.execPath}" "${join(root, 'bin/assess.js')}" rules township2022 | true; exit \${PIPESTATUS[0]}`]);
    expect(piped.stderr).not.toMatch(/Unhandled|EPIPE|internal error/);
    expect(piped.status).toBe(0);
  });
});
