/**
 * Wording of the findings about an office's own result columns (issue 22.5): the clause is not said
 * twice — where the reason is only the clause, the message stops at the value and the clause is
 * given beside it (check's [条款：原文], the pane's note (条款：原文), 计分表's 提示 (条款)), which printed
 * "总分 67，按细则应为 70：第十条(八)（第十条(八)）" — and a cell that should be blank says so in words
 * instead of "按细则应为 （空）". Worked by hand on test/core/office-sheets.test.ts's 汇总表.
 */
import { describe, expect, it } from 'vitest';
import { scoreBatch } from '../../src/core/batch';
import type { Cell } from '../../src/core/cells';
import { readUnits } from '../../src/core/input';
import { builtInRuleset } from '../../src/rulesets';

describe('chengdu2006 汇总表: 总分 above 第十條(八), a 优秀 beyond the quota', () => {
  const rs = builtInRuleset('chengdu2006');
  const table: Cell[][] = [
    ['序号', '单位', '圈层', '加分', null, '扣分', null, '总分', '等次'],
    [null, null, null, '第九条（一）', '第九条（五）', '第十条（一）', '第十条（五）', null, null],
    [1, '锦江区', '第一圈', 4, 1, null, null, 75, '优秀'],
    [2, '青羊区', '第一圈', 3, 1, 2, 5, 67, '优秀'],
  ];
  const batch = scoreBatch(rs, readUnits(rs, table));
  const at = (unit: string, where: string) => batch.units.find((u) => u.unit === unit)?.findings.find((f) => f.where === where);

  it('the clause that explains a total is the finding\'s clause, not repeated in its message', () => {
    // 青羊区: bonus 3 + 1 = 4; deductions 2 + 5 = 7, 减分总数不超过加分总数 (第十條(八)) → 4; 70 + 4 − 4 = 70.
    const total = at('青羊区', '第4行第8列');
    expect(total?.clause).toBe('第十條(八)');
    expect(total?.zh).toBe('总分 67，按细则应为 70');
  });

  it('a level the unit does not get: 按细则此项应留空, with the reason', () => {
    // 第一圈 has 6 units (第四條): quota 30 % → 1 优秀; 锦江区 75 > 青羊区 70 takes it.
    const level = at('青羊区', '第4行第9列');
    expect(level?.expected).toBe('');
    expect(level?.zh).toMatch(/^等次 优秀，按细则此项应留空：/);
    expect(level?.zh).not.toContain('（空）');
  });
});
