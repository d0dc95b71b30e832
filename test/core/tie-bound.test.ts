/**
 * Issue 19.7: a tie across a quota line is said once — its units named once and bounded (the
 * first GROUP_NAMES_SHOWN, then 等 K 个单位) — and every tied unit refers to that one finding.
 * Before, each tied unit carried a note naming every tied unit: 60,000 tied rows of a CSV gave
 * 2.6 GB of output and then an out-of-memory abort; ASSESS.CHECK over 6,000 tied rows aborted.
 *
 * Hand-worked reading (chengdu2006, ../shared/regulations/chengdu2006.md 第十一條(一), spec): n units
 * all given 第三圈 and nothing but 9.1 = 1 score 70 + 1 = 71 each and tie. None of them is among the
 * 8 units 第四條 lists for 第三圈, so the base stays 8 → quota floor(30% × 8) = 2; all n tie at
 * places 1…n across the line after place 2 → every one 待定, no 优秀.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GROUP_NAMES_SHOWN, groupNames, scoreBatch } from '../../src/core/batch';
import type { Cell } from '../../src/core/cells';
import { readUnits } from '../../src/core/input';
import { check } from '../../src/functions/implementation';
import { builtInRuleset } from '../../src/rulesets';

const chengdu = builtInRuleset('chengdu2006');

function tiedTable(n: number): Cell[][] {
  const rows: Cell[][] = [['单位', '圈层', '9.1']];
  for (let i = 0; i < n; i++) rows.push([`单位${i}`, '第三圈', 1]);
  return rows;
}

describe('groupNames: the first names, then how many in all', () => {
  it('up to GROUP_NAMES_SHOWN names in full; more → the first ones and 等 K 个单位', () => {
    expect(GROUP_NAMES_SHOWN).toBe(10);
    expect(groupNames(['崇州市', '金堂县'])).toEqual({ zh: '崇州市、金堂县', en: '崇州市, 金堂县' });
    const many = Array.from({ length: 12 }, (_, i) => `u${i}`);
    expect(groupNames(many)).toEqual({ zh: 'u0、u1、u2、u3、u4、u5、u6、u7、u8、u9 等 12 个单位', en: 'u0, u1, u2, u3, u4, u5, u6, u7, u8, u9 and 2 more (12 units)' });
  });
});

describe('a quota tie is one finding, bounded, referred to by every tied unit', () => {
  it('1,000 units tied at 71 across 第三圈\'s line: all 待定, one quota-tie finding naming 10 of them and the count', () => {
    const result = scoreBatch(chengdu, readUnits(chengdu, tiedTable(1_000)));
    expect(result.units.every((unit) => unit.score === 71 && unit.level === '待定')).toBe(true);
    const ties = result.findings.filter((finding) => finding.kind === 'quota-tie');
    expect(ties).toHaveLength(1);
    const [tie] = ties;
    expect(tie.zh).toBe('第三圈优秀名额 2 个：单位0、单位1、单位2、单位3、单位4、单位5、单位6、单位7、单位8、单位9 等 1000 个单位 同分 71 跨过名额线，等次待定，需考核小组确定');
    expect(tie.en.length).toBeLessThan(300);
    // Each unit refers to the same finding (one object), and its trace says it once.
    for (const unit of result.units) {
      expect(unit.findings.filter((finding) => finding.kind === 'quota-tie')).toEqual([tie]);
      expect(unit.findings.find((finding) => finding.kind === 'quota-tie')).toBe(tie);
      expect(unit.trace.filter((step) => step.zh === tie.zh)).toHaveLength(1);
    }
  });

  it('ASSESS.CHECK over 6,000 tied rows: one row per finding, each bounded (was an abort of the functions runtime)', () => {
    const rows = check(tiedTable(6_000) as never, [['chengdu2006']]);
    // Header + per unit: the unlisted-unit warning and the quota-tie warning.
    expect(rows.length).toBe(1 + 6_000 * 2);
    const longest = Math.max(...rows.map((row) => row.map((cell) => String(cell).length).reduce((a, b) => a + b, 0)));
    expect(longest).toBeLessThan(600);
    expect(rows.filter((row) => String(row[1]).includes('等 6000 个单位'))).toHaveLength(6_000);
  });
});

/**
 * The CLI in a child process on 60,000 tied rows (built by the test into a temp dir): with its
 * heap capped at 512 MB it finishes (exit 3: the ties and unlisted units are warnings), its
 * output stays under 100 MB (was 2.6 GB, then out of memory), and every finding is under 4 KB.
 * Measured here: about 25–35 s, 760 MB peak RSS, 81 MB of JSON (check --format json).
 */
describe('the CLI on a 60,000-row tied CSV, heap capped at 512 MB', () => {
  it('check --format json: exit 3, output < 100 MB, each finding bounded, the tie said with its count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'assess-tie-'));
    try {
      const file = join(dir, 'tied.csv');
      const lines = ['单位,圈层,9.1'];
      for (let i = 0; i < 60_000; i++) lines.push(`单位${i},第三圈,1`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      const child = spawn(process.execPath, ['--max-old-space-size=512', join(__dirname, '../../bin/assess.js'), 'check', file, '-r', 'chengdu2006', '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      const LIMIT = 100 * 1024 * 1024;
      const out: Buffer[] = [];
      let bytes = 0;
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes <= LIMIT) out.push(chunk);
        else child.kill('SIGKILL');
      });
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 280_000);
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', (c, s) => resolve([c, s]));
      }).finally(() => clearTimeout(timer));
      expect(bytes, 'output bytes').toBeLessThan(LIMIT);
      expect(signal, stderr.slice(-500)).toBeNull();
      expect(code, stderr.slice(-500)).toBe(3);
      const report = JSON.parse(Buffer.concat(out).toString('utf8')) as { findings: Array<{ unit: string; item: string; zh: string; en: string }> };
      expect(report.findings).toHaveLength(120_000);
      expect(Math.max(...report.findings.map((finding) => JSON.stringify(finding).length))).toBeLessThan(4_096);
      const ties = report.findings.filter((finding) => finding.zh.includes('跨过名额线'));
      expect(ties).toHaveLength(60_000);
      expect(ties.every((finding) => finding.zh.includes('单位0、单位1、单位2') && finding.zh.includes('等 60000 个单位') && !finding.zh.includes('单位59999'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
