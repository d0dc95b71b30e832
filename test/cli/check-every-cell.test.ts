/**
 * `assess check` lists every invalid cell (issue 10): each an error with its cell, value, what was
 * expected and the item's clause, in text and in --format json; the rest of the table is still
 * checked; `score` still refuses at the first. (Added by the core/pane helper with its main.ts change.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run';

let file = '';
let noItems = '';

async function run(args: string[]) {
  const result = await runCli(args);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// chengdu2006: 甲 9.1 = -1 (B2) and 10.2 = x (D2); 乙 9.3 = abc (C3); 丙 is clean:
// 70 + 9.1 2 + 9.3 1 × 0.5 = 72.5, no finding but the tier it lacks (第十一條(一)).
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'assess-check-'));
  file = join(dir, 't.csv');
  writeFileSync(file, '单位,9.1,9.3,10.2\n甲,-1,2,x\n乙,3,abc,1\n丙,2,1,0\n');
  noItems = join(dir, 'no-items.csv');
  writeFileSync(noItems, '单位,备注\n锦江区,\n');
}, 60_000);

describe('assess check: every bad cell', () => {
  it('--format json: three errors at B2, D2, C3, notes for the two units they stop, exit 3', async () => {
    const { code, stdout } = await run(['check', file, '--rules', 'chengdu2006', '--format', 'json']);
    expect(code).toBe(3);
    const { findings } = JSON.parse(stdout) as { findings: Array<Record<string, string | null>> };
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.unit, f.cell, f.item, f.found, f.expected, f.clause])).toEqual([
      ['甲', 'B2', '9.1', '-1', '分数不能为负数', '第九條(一)'],
      ['甲', 'D2', '10.2', 'x', '不小于0的整数', '第十條(二)'],
      ['乙', 'C3', '9.3', 'abc', '不小于0的整数', '第九條(三)'],
    ]);
    expect(findings.filter((f) => f.item === 'unit').map((f) => f.zh)).toEqual([
      '单位「甲」有 2 个无效单元格（第2行第2列、第2行第4列）：改正之前不计分、不排名、不评等次、不占名额',
      '单位「乙」有 1 个无效单元格（第3行第3列）：改正之前不计分、不排名、不评等次、不占名额',
    ]);
    // 丙 is still checked: it has no tier, so no level (a warning of its own).
    expect(findings.filter((f) => f.unit === '丙').map((f) => f.item)).toEqual(['level']);
  });

  it('text: one 错误 line per invalid cell with its address', async () => {
    const { code, stdout } = await run(['check', file, '--rules', 'chengdu2006']);
    expect(code).toBe(3);
    const errors = stdout.split('\n').filter((line) => line.startsWith('错误'));
    // Each item by its label (issue 22.4: not its code 9.1, 10.2, 9.3).
    expect(errors.map((line) => line.split(/\s{2,}/).slice(1, 4))).toEqual([
      ['甲', '主要领导重视、机构健全、编制落实、人员稳定、经费有保障', 'B2'],
      ['甲', '超过规定和承诺时限办结', 'D2'],
      ['乙', '率先推出创新性政务服务举措', 'C3'],
    ]);
  });

  it('score still refuses at the first invalid cell (exit 1)', async () => {
    const { code, stderr } = await run(['score', file, '--rules', 'chengdu2006']);
    expect(code).toBe(1);
    expect(stderr).toContain('单位「甲」条目 9.1');
    expect(stderr).toContain('（第2行第2列）');
  });

  it('a table with no item column is an error naming its headers (exit 1), for check and score', async () => {
    for (const command of ['check', 'score']) {
      const { code, stderr } = await run([command, noItems, '--rules', 'chengdu2006']);
      expect(code).toBe(1);
      expect(stderr).toContain('没有条目列：表头 「单位」「备注」 都不是规则集 chengdu2006 的条目');
    }
  });
});
