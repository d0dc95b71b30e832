/**
 * `assess rules` shows the mechanisms of issue 21.3 as the regulation states them: a rate counted
 * from a threshold (达到10%起 / 低于95%) and escalating points per occurrence (10、15、20) — not a
 * bare step that hides the threshold, nor an empty 分值 for a ladder.
 */
import { describe, expect, it } from 'vitest';
import { rulesLines } from '../../src/cli/rules-table';
import { compileRuleset } from '../../src/core/compile';
import type { RulesetInput } from '../../src/core/format';

const spec: RulesetInput = {
  id: 'ext',
  title: '扩展',
  version: '1',
  effective: '未注明',
  clause: '全文',
  quote: '考核细则',
  items: [
    { code: 'W', label: '网上办理率', kind: 'rate', role: 'bonus', above: 10, points: 1, step: 1, per: 10, cap: 5, clause: '二', quote: '达到10%加1分，每提高10%加1分，最高加5分' },
    { code: 'T', label: '按时办结率', kind: 'rate', role: 'deduction', below: 95, step: 1, per: 1, cap: 5, clause: '三', quote: '低于95%的，每低1%扣1分，最高扣5分' },
    { code: 'P', label: '通报批评', kind: 'count', role: 'deduction', ladder: '10、15、20', clause: '四', quote: '第一次扣10分，第二次扣15分，第三次及以上每次扣20分' },
    { code: 'Q', label: '媒体曝光', kind: 'count', role: 'deduction', ladder: '5、10', ladderOnce: true, clause: '五', quote: '第一次扣5分，第二次及以上扣10分' },
  ],
};

/** The items table's row for a code, as the cells between its separators (two or more spaces). */
function row(lines: string[], code: string): string[] {
  const line = lines.find((l) => l.startsWith(`${code} `));
  if (!line) throw new Error(`no row for ${code}`);
  return line.split(/\s{2,}/);
}

describe('assess rules: thresholds and ladders', () => {
  const zh = rulesLines(compileRuleset(spec), 'zh');
  const en = rulesLines(compileRuleset(spec), 'en');

  it('a rate bonus shows where it starts; a capped deduction below a threshold shows no 分值', () => {
    expect(row(zh, 'W')).toContain('达到10%起，每提高1/10个百分点');
    expect(row(zh, 'T')).toContain('低于95%，每低1/1个百分点');
    expect(row(en, 'W')).toContain('from 10% up, 1 per 10 pt');
    expect(row(en, 'T')).toContain('below 95%, 1 per 1 pt');
  });

  it('escalating sanctions show their rungs, added up or the rung reached', () => {
    expect(row(zh, 'P')).toContain('逐次 10、15、20（累加）');
    expect(row(zh, 'Q')).toContain('逐次 5、10（只计所到一档）');
    expect(row(en, 'P')).toContain('per occurrence 10, 15, 20 (added up)');
  });
});

describe('assess rules: a group averaged over periods and weighted by share (issue 21.3)', () => {
  // From test/core/draft/texts/quarterly-shares.md: 4个季度综合评分结果占年度综合评分的95%.
  const year: RulesetInput = {
    id: 'year',
    title: '年度',
    version: '1',
    effective: '未注明',
    clause: '一',
    quote: '关于考核评价内容和方法',
    items: [1, 2, 3, 4].map((i) => ({ code: `Q${i}`, label: `第${i}季度`, kind: 'judged', min: 0, max: 100, group: 'year', clause: '一、4', quote: '4个季度综合评分结果' })),
    groups: [{ code: 'year', label: '4个季度综合评分结果', mean: true, share: 0.95, clause: '一、4', quote: '4个季度综合评分结果占年度综合评分的95%' }],
  };

  it('the group row says it takes the mean of its 4 items and counts 95% of it', () => {
    expect(row(rulesLines(compileRuleset(year), 'zh'), 'year').join(' ')).toContain('取4项平均；按95%计入');
    expect(row(rulesLines(compileRuleset(year), 'en'), 'year').join(' ')).toContain('the mean of its 4 items; counted at 95%');
  });
});
